#!/usr/bin/env bash
# OParl list pages (issue 16): latency of the first page of a body's meetings, agenda items and files, with and without
# modified_since, one client at a time (curl), as a harvester asks. The Release build of this working tree runs on a
# copy of BENCH_DB (a SQLite file, e.g. the 100,000-item archive bench/search.sh seeds into BENCH_WORK/search.db), or
# on a fresh database with the demo when BENCH_DB is unset; or on the PostgreSQL database BENCH_POSTGRES (an Npgsql
# connection string, e.g. the archive bench/search.sh seeds), used in place.
#
# Every request carries a cookie, so the public page cache never answers: this is the endpoint's own time. One more
# row per list without the cookie shows what the public gets once the page is kept.
#
# Settings (environment): BENCH_DB, BENCH_POSTGRES, BENCH_PORT=5388, BENCH_REQUESTS=30 (per URL, after 3 warm-up requests),
# BENCH_SINCE (default: 30 days before now, UTC). Only 127.0.0.1 is contacted.
set -euo pipefail

port=${BENCH_PORT:-5388}
requests=${BENCH_REQUESTS:-30}
since=${BENCH_SINCE:-$(date -u -d '-30 days' +%Y-%m-%dT%H:%M:%SZ)}
base="http://127.0.0.1:$port"
[[ $requests =~ ^[1-9][0-9]{0,4}$ ]] || { echo "bad BENCH_REQUESTS" >&2; exit 2; }
[[ $since =~ ^[0-9T:Z+-]+$ ]] || { echo "bad BENCH_SINCE" >&2; exit 2; }

repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
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

for tool in curl dotnet; do
    command -v "$tool" >/dev/null || { echo "oparl-latency: $tool is missing" >&2; exit 1; }
done
workdir=$(mktemp -d -t raad-oparl-latency.XXXXXX)
if [ ! -f "$repo/src/Raad.Web/bin/Release/net10.0/raad.dll" ]; then
    echo "No Release build: building it ..."
    build_release "$repo" oparl-latency
fi
cp -a "$repo/src/Raad.Web/bin/Release/net10.0" "$workdir/app"
mkdir -p "$workdir/run/data"
what="fresh database with the demo"
database=$workdir/run/data/raad.db
if [ -n "${BENCH_POSTGRES:-}" ]; then
    # Used in place (migrated to this build if need be), not copied.
    database=$BENCH_POSTGRES
    what="PostgreSQL database ${BENCH_POSTGRES##*Database=}"
elif [ -n "${BENCH_DB:-}" ]; then
    cp "$BENCH_DB" "$database"
    what="copy of $BENCH_DB"
fi

start_raad oparl-latency "$database"
body=""
for (( i = 0; i < 1500; i++ )); do
    kill -0 "$server_pid" 2>/dev/null || { cat "$workdir/server.log" >&2; echo "oparl-latency: the server exited" >&2; exit 1; }
    body=$(json_id_where "$(curl -s -m 2 "$base/api/bodies" 2>/dev/null || true)" name "$body_name" || true)
    [ -z "$body" ] || break
    sleep 0.2
done
[ -n "$body" ] || { cat "$workdir/server.log" >&2; echo "oparl-latency: no body $body_name" >&2; exit 1; }

# time_url URL [cookie]: prints median and p95 of the total time in ms over $requests requests (after 3 warm-ups).
time_url() {
    local url=$1 cookie=${2:-} code
    local args=(-s -o /dev/null -w '%{http_code} %{time_total}\n' -m 120)
    [ -z "$cookie" ] || args+=(-H "Cookie: $cookie")
    for (( i = 0; i < 3; i++ )); do curl "${args[@]}" "$url" >/dev/null; done
    : >"$workdir/times"
    for (( i = 0; i < requests; i++ )); do curl "${args[@]}" "$url" >>"$workdir/times"; done
    code=$(awk '{ print $1 }' "$workdir/times" | sort -u | tr '\n' ' ')
    awk '{ print $2 * 1000 }' "$workdir/times" | sort -n | awk -v n="$requests" -v code="$code" '
        { t[NR] = $1 } END { printf "%.1f | %.1f | %s", t[int((n + 1) / 2)], t[int(n * 0.95 + 0.999)], code }'
}

echo "Raad OParl list latency: Release build in $repo (HEAD $(git -C "$repo" rev-parse --short HEAD)), $what"
echo "Machine: $(machine_line); modified_since=$since; $requests requests per row, one at a time"
echo
echo "| list (first page, 50 objects) | median ms | p95 ms | status |"
echo "|---|---|---|---|"
for list in meetings agendaitems files; do
    url="$base/oparl/v1/body/$body/$list"
    echo "| $list | $(time_url "$url" "bench=1") |"
    echo "| $list?modified_since=… | $(time_url "$url?modified_since=$since" "bench=1") |"
    echo "| $list, kept by the public page cache (no cookie) | $(time_url "$url") |"
done
