#!/usr/bin/env bash
# The reader benchmark of issue 15: how long until the reader (/moeder/{id}/laes) has drawn the first attachment page of
# a 120-page package, online and offline (after "Gem til offline"), in headless Chromium at a tablet's viewport.
#
#   1. installs chromium with apt-get if it is missing (sudo only when not root);
#   2. builds bench/Raad.Bench (Release), which builds src/Raad.Web (Release) with it; copies both to a temp dir;
#   3. `Raad.Bench seed` and `Raad.Bench reader-seed`: a new SQLite database with the demo and two published meetings of
#      Politisk Sundhedsklynge Syd: 40 items with one 3-page PDF each (120 attachment pages, as documents.sh), and one
#      item with a single 120-page PDF;
#   4. starts the real `raad serve` on that database on 127.0.0.1 (its own process group, stopped in a trap);
#   5. `Raad.Bench reader`: for each meeting, one warm-up and BENCH_RUNS rounds, each in a new browser context signed in
#      as medlem@raad.local: (a) the reader opened online, (d) the attachment fetched alone, (f) "Gem til offline",
#      (b) the reader reloaded online with the meeting kept, (c) reloaded offline, (e) the attachment fetched offline.
#      The reader sets the performance mark "raad:first-page-drawn" when PDF.js has drawn the first attachment page.
#
# Settings (environment): BENCH_PORT=5385, BENCH_RUNS=5. Only 127.0.0.1 is contacted.
set -euo pipefail

port=${BENCH_PORT:-5385}
runs=${BENCH_RUNS:-5}
base="http://127.0.0.1:$port"

repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
[[ $runs =~ ^[1-9][0-9]?$ ]] || { echo "BENCH_RUNS must be 1..99" >&2; exit 2; }

# shellcheck source=bench/common.sh
source "$repo/bench/common.sh"

workdir=""
server_pid=""
cleanup() {
    stop_server
    [ -z "$workdir" ] || rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[ -x /usr/bin/chromium ] || { echo "Installing chromium ..."; apt_install chromium; }
for tool in curl dotnet git; do
    command -v "$tool" >/dev/null || { echo "reader: $tool is missing" >&2; exit 1; }
done

workdir=$(mktemp -d -t raad-reader.XXXXXX)
if [ ! -f "$repo/src/Raad.Web/node_modules/.package-lock.json" ]; then
    (cd "$repo/src/Raad.Web" && npm ci --no-audit --no-fund)
fi
echo "Building bench/Raad.Bench and src/Raad.Web (Release) ..."
dotnet build "$repo/bench/Raad.Bench/Raad.Bench.csproj" -c Release -nologo -v quiet >"$workdir/build.log" 2>&1 \
    || { cat "$workdir/build.log" >&2; echo "reader: the Release build failed" >&2; exit 1; }
what="Release build of the working tree $repo (HEAD $(git -C "$repo" rev-parse --short HEAD)"
if [ -n "$(git -C "$repo" status --porcelain -- src)" ]; then what="$what, src/ with uncommitted changes"; fi
what="$what)"
cp -a "$repo/src/Raad.Web/bin/Release/net10.0" "$workdir/app"
cp -a "$repo/bench/Raad.Bench/bin/Release/net10.0" "$workdir/bench"
mkdir -p "$workdir/run/data"
database="$workdir/run/data/raad.db"
content_root="$repo/src/Raad.Web"

dotnet "$workdir/bench/Raad.Bench.dll" seed --db "$database" --content-root "$content_root"
dotnet "$workdir/bench/Raad.Bench.dll" reader-seed --db "$database" --content-root "$content_root"

start_raad reader "$database"
code=""
for (( i = 0; i < 600; i++ )); do
    kill -0 "$server_pid" 2>/dev/null || { cat "$workdir/server.log" >&2; echo "reader: the server exited" >&2; exit 1; }
    code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$base/api/bodies" 2>/dev/null || true)
    [ "$code" != 200 ] || break
    sleep 0.2
done
[ "$code" = 200 ] || { cat "$workdir/server.log" >&2; echo "reader: the server never answered 200" >&2; exit 1; }

echo "Raad reader benchmark: $what"
echo "Machine: $(machine_line), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$workdir/bench/Raad.Bench.dll" reader --db "$database" --content-root "$content_root" --url "$base" --rounds "$runs"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
