#!/usr/bin/env bash
# The documents benchmark of issue 4: Raad's agenda PDF and agenda package against LibreOffice converting Raad's own
# DOCX of the same agenda to PDF, side by side in one run on this machine.
#
#   1. installs libreoffice-writer-nogui (soffice with Writer and its Word import filter, which the DOCX conversion
#      loads; the Calc package alone brings soffice without them) and chromium with apt-get if they are missing
#      (sudo only when not root);
#   2. builds bench/Raad.Bench (Release), which builds src/Raad.Web (Release) with it; BENCH_FROM=clone instead clones
#      the committed HEAD into a temp dir and builds that; copies both build outputs to a temp dir;
#   3. `Raad.Bench seed`: a new SQLite database in the temp dir, migrated, with the demo and a synthetic meeting of
#      Politisk Sundhedsklynge Syd on 2 December 2025: 40 items with a few paragraphs of Danish text each and one
#      3-page PDF attachment per item (120 pages);
#   4. starts the real `raad serve` on that database on 127.0.0.1 (its own process group, stopped in a trap);
#   5. `Raad.Bench measure`: one warm-up of each, then BENCH_RUNS rounds of (a)-(e), (g) and (h) in turn:
#        (a) GET /api/meetings/{id}/agenda.pdf of 27 Aug 2025          (b) soffice --convert-to pdf of its agenda.docx
#        (c) GET agenda.pdf of the synthetic meeting                    (d) soffice --convert-to pdf of its agenda.docx
#        (e) GET package.pdf of the synthetic meeting, built fresh      (g) (d) + pdfunite with the 40 attachments
#                                                                       (h) soffice --convert-to pdf of a one-line file
#      checks the files (contents page numbers against the pages the items begin on), and ends with an in-process
#      breakdown of where Raad's time goes. See bench/README.md for what each figure includes.
#
# Before each timed window the bench waits (bounded) for a quiet machine, and it counts the CPU time of the server
# tree (Raad + Playwright + Chromium), of its own tree (with LibreOffice) and of other work during the window; a window
# in which other work took more than BENCH_MAX_OTHER_PCT % of the machine is discarded and repeated (common.sh's rules).
#
# Settings (environment): BENCH_PORT=5383, BENCH_RUNS=5, BENCH_FROM=build|clone, BENCH_QUIET_WAIT=600 (s),
# BENCH_QUIET_BUSY=15 (%), BENCH_MAX_OTHER_PCT=10 (%), BENCH_RETRIES=3. Only 127.0.0.1 is contacted.
set -euo pipefail

port=${BENCH_PORT:-5383}
runs=${BENCH_RUNS:-5}
from=${BENCH_FROM:-build}
base="http://127.0.0.1:$port"

repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
[[ $runs =~ ^[1-9][0-9]?$ ]] || { echo "BENCH_RUNS must be 1..99" >&2; exit 2; }
[[ $from == build || $from == clone ]] || { echo "BENCH_FROM must be build or clone" >&2; exit 2; }
for n in "${BENCH_QUIET_WAIT:-600}" "${BENCH_QUIET_BUSY:-15}" "${BENCH_MAX_OTHER_PCT:-10}" "${BENCH_RETRIES:-3}"; do
    [[ $n =~ ^[0-9]{1,4}$ ]] || { echo "BENCH_QUIET_WAIT, BENCH_QUIET_BUSY, BENCH_MAX_OTHER_PCT and BENCH_RETRIES must be whole numbers" >&2; exit 2; }
done

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

# 1. LibreOffice and Chromium
if libreoffice_writer_missing; then
    echo "Installing libreoffice-writer-nogui (LibreOffice Writer and its Word filter, to convert DOCX) ..."
    apt_install libreoffice-writer-nogui
    ! libreoffice_writer_missing || { echo "documents: LibreOffice Writer (libswlo.so, libwriterfilterlo.so) is still missing" >&2; exit 1; }
fi
if [ ! -x /usr/bin/chromium ]; then
    echo "Installing chromium ..."
    apt_install chromium
fi
for tool in soffice curl dotnet git; do
    command -v "$tool" >/dev/null || { echo "documents: $tool is missing" >&2; exit 1; }
done
command -v pdfunite >/dev/null || echo "note: pdfunite (poppler-utils) is missing; row (g) is left out"

workdir=$(mktemp -d -t raad-documents.XXXXXX)

# 2. the build
build() {
    local src=$1
    if [ ! -f "$src/src/Raad.Web/node_modules/.package-lock.json" ]; then
        (cd "$src/src/Raad.Web" && npm ci --no-audit --no-fund)
    fi
    dotnet build "$src/bench/Raad.Bench/Raad.Bench.csproj" -c Release -nologo -v quiet >"$workdir/build.log" 2>&1 \
        || { cat "$workdir/build.log" >&2; echo "documents: the Release build failed" >&2; exit 1; }
}
if [ "$from" = clone ]; then
    src="$workdir/clone"
    git clone --quiet "$repo" "$src"
    echo "Building a clone of HEAD $(git -C "$src" rev-parse --short HEAD) (Release) ..."
    build "$src"
    what="clone of committed HEAD $(git -C "$src" rev-parse --short HEAD)"
else
    src=$repo
    echo "Building bench/Raad.Bench and src/Raad.Web (Release) ..."
    build "$src"
    what="Release build of the working tree $src (HEAD $(git -C "$src" rev-parse --short HEAD)"
    if [ -n "$(git -C "$src" status --porcelain -- src)" ]; then what="$what, src/ with uncommitted changes"; fi
    what="$what)"
fi
cp -a "$src/src/Raad.Web/bin/Release/net10.0" "$workdir/app"
cp -a "$src/bench/Raad.Bench/bin/Release/net10.0" "$workdir/bench"
mkdir -p "$workdir/run/data"
database="$workdir/run/data/raad.db"
# The in-process host of the seed and the breakdown reads print.css and the fonts from here, as the server does.
content_root="$src/src/Raad.Web"

# 3. seed
dotnet "$workdir/bench/Raad.Bench.dll" seed --db "$database" --content-root "$content_root"

# 4. the server, on the seeded database
start_raad documents "$database"
code=""
for (( i = 0; i < 600; i++ )); do
    kill -0 "$server_pid" 2>/dev/null || { cat "$workdir/server.log" >&2; echo "documents: the server exited" >&2; exit 1; }
    code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$base/api/bodies" 2>/dev/null || true)
    [ "$code" != 200 ] || break
    sleep 0.2
done
[ "$code" = 200 ] || { cat "$workdir/server.log" >&2; echo "documents: the server never answered 200" >&2; exit 1; }

echo "Raad documents benchmark: $what"
echo "Machine: $(machine_line)"

# 5. measure
dotnet "$workdir/bench/Raad.Bench.dll" measure --db "$database" --content-root "$content_root" --url "$base" \
    --server-pid "$server_pid" --work "$workdir/measure" --rounds "$runs" \
    --quiet-wait "${BENCH_QUIET_WAIT:-600}" --quiet-busy "${BENCH_QUIET_BUSY:-15}" \
    --max-other-pct "${BENCH_MAX_OTHER_PCT:-10}" --retries "${BENCH_RETRIES:-3}"
