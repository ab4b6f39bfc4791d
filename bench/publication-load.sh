#!/usr/bin/env bash
# Publication day (issue 12, point 9): many readers fetch the published agenda of the 27 Aug 2025 meeting of
# Politisk Sundhedsklynge Syd as a PDF at once. Throughput and latency of /api/meetings/{id}/agenda.pdf and
# /api/meetings/{id}/package.pdf under wrk at 200 connections, anonymous, on a fresh SQLite database with the demo.
#
#   1. installs wrk (and chromium) with apt-get if missing (sudo only when not root);
#   2. uses the Release build of this working tree (building it if missing); BENCH_FROM=clone clones the committed
#      HEAD, or BENCH_COMMIT (e.g. 6fa27ec, the commit before the PDF cache), into a temp dir and builds that;
#   3. copies the build output to a temp dir and starts it there on a new database (the demo is loaded);
#   4. waits until agenda.pdf answers 200 and package.pdf has been built (it answers 202 while it is built);
#   5. per URL: waits (bounded) for a quiet machine, warms up for BENCH_WARMUP s with 16 connections (discarded), then
#      wrk -t2 -c200 -d30s --timeout 60s --latency; and, when the server sends an ETag, the same with If-None-Match
#      (the reader who has the file already: 304);
#   and prints requests/s, p50, p99, non-2xx responses and socket errors; stops the server in a trap.
#
# --timeout 60s is the server's own print timeout (Raad:Pdf:TimeoutSeconds), so a request wrk gives up on is one the
# server would have failed anyway; wrk's default of 2 s would count queued prints as errors.
#
# Settings (environment): BENCH_PORT=5384, BENCH_DURATION=30 (s), BENCH_WARMUP=5 (s), BENCH_CONNECTIONS=200,
# BENCH_FROM=build|clone, BENCH_COMMIT (with clone), BENCH_QUIET_WAIT=600 (s), BENCH_QUIET_BUSY=15 (%).
# wrk and the server share the same machine; only 127.0.0.1 is contacted.
set -euo pipefail

port=${BENCH_PORT:-5384}
duration=${BENCH_DURATION:-30}
warmup=${BENCH_WARMUP:-5}
connections=${BENCH_CONNECTIONS:-200}
from=${BENCH_FROM:-build}
commit=${BENCH_COMMIT:-HEAD}
base="http://127.0.0.1:$port"

repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
[[ $duration =~ ^[1-9][0-9]{0,3}$ && $warmup =~ ^[0-9]{1,3}$ ]] || { echo "bad BENCH_DURATION/BENCH_WARMUP" >&2; exit 2; }
[[ $connections =~ ^[1-9][0-9]{0,4}$ ]] || { echo "BENCH_CONNECTIONS must be a whole number" >&2; exit 2; }
[[ $from == build || $from == clone ]] || { echo "BENCH_FROM must be build or clone" >&2; exit 2; }
[[ $commit =~ ^[0-9A-Za-z._/-]+$ ]] || { echo "BENCH_COMMIT must be a commit or branch name" >&2; exit 2; }

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

# 1. wrk and Chromium
command -v wrk >/dev/null || { echo "Installing wrk ..."; apt_install wrk; }
[ -x /usr/bin/chromium ] || { echo "Installing chromium ..."; apt_install chromium; }
for tool in wrk curl dotnet git; do
    command -v "$tool" >/dev/null || { echo "publication-load: $tool is missing" >&2; exit 1; }
done

workdir=$(mktemp -d -t raad-publication-load.XXXXXX)

# 2. the build
release_app publication-load
mkdir -p "$workdir/run"

# 3. start on a fresh database
start_raad publication-load

# 4. readiness (at most 180 s): the agenda PDF answers 200 and the package has been built
id=""
agenda_code=""
package_code=""
for (( i = 0; i < 900; i++ )); do
    kill -0 "$server_pid" 2>/dev/null || { cat "$workdir/server.log" >&2; echo "publication-load: the server exited" >&2; exit 1; }
    [ -n "$id" ] || id=$(meeting_id || true)
    if [ -n "$id" ]; then
        [ "$agenda_code" = 200 ] || agenda_code=$(curl -s -o /dev/null -m 60 -w '%{http_code}' "$base/api/meetings/$id/agenda.pdf" 2>/dev/null || true)
        [ "$package_code" = 200 ] || package_code=$(curl -s -o /dev/null -m 60 -w '%{http_code}' "$base/api/meetings/$id/package.pdf" 2>/dev/null || true)
        [ "$agenda_code" != 200 ] || [ "$package_code" != 200 ] || break
    fi
    sleep 0.2
done
[ "$agenda_code" = 200 ] && [ "$package_code" = 200 ] \
    || { cat "$workdir/server.log" >&2; echo "publication-load: agenda.pdf ($agenda_code) or package.pdf ($package_code) never answered 200" >&2; exit 1; }

echo "Raad publication-day load test: $what"
echo "Machine: $(machine_line), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

process_cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# run_wrk NAME URL [HEADER]: waits for a quiet machine, warms up, runs wrk at $connections connections, and notes the
# CPU seconds of the server process (not Chromium's) and of the whole machine during the run.
run_wrk() {
    local name=$1 url=$2 header=${3:-} quiet m0 s0 m1 s1
    local args=(-t2 -c"$connections" -d"${duration}s" --timeout 60s --latency)
    [ -z "$header" ] || args+=(-H "$header")
    quiet=$(wait_quiet)
    if (( warmup > 0 )); then
        wrk -t2 -c16 -d"${warmup}s" --timeout 60s ${header:+-H "$header"} "$url" >"$workdir/$name.warmup.txt"
    fi
    echo
    echo "== wrk ${args[*]} $url"
    m0=$(machine_busy_seconds)
    s0=$(process_cpu_seconds "$server_pid")
    wrk "${args[@]}" "$url" | tee "$workdir/$name.txt"
    m1=$(machine_busy_seconds)
    s1=$(process_cpu_seconds "$server_pid")
    echo "CPU busy just before: ${quiet}%; CPU seconds in the run: raad $(sub "$s0" "$s1"), whole machine $(sub "$m0" "$m1") (of $(( duration * $(nproc) )))"
    echo "$(sub "$s0" "$s1") $(sub "$m0" "$m1")" >"$workdir/$name.cpu"
}

summary() {
    # $1 label, $2 wrk output file, $3 cpu file
    awk -v label="$1" -v cpu="$(cat "$3")" '
        /Requests\/sec:/ { rps = $2 }
        /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
        /requests in/ { total = $1 }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        /Socket errors:/ { errors = $0; sub(/^ +Socket errors: +/, "", errors) }
        END {
            split(cpu, c, " ")
            printf "| %s | %s | %s | %s | %s | %s | %s | %s / %s |\n", label, rps, total, p50, p99,
                (non2xx == "" ? 0 : non2xx), (errors == "" ? "none" : errors), c[1], c[2]
        }' "$2"
}

agenda="$base/api/meetings/$id/agenda.pdf"
package="$base/api/meetings/$id/package.pdf"
run_wrk agenda "$agenda"
run_wrk package "$package"
rows=("agenda.pdf|agenda" "package.pdf|package")
for url in "$agenda" "$package"; do
    etag=$(curl -s -D - -o /dev/null "$url" | awk 'tolower($1) == "etag:" { sub(/\r$/, ""); print $2 }')
    if [ -n "$etag" ]; then
        name=$(basename "$url" .pdf)-304
        run_wrk "$name" "$url" "If-None-Match: $etag"
        rows+=("$(basename "$url") with If-None-Match (304)|$name")
    fi
done

echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| URL ($connections connections, ${duration} s) | req/s | requests | p50 | p99 | non-2xx | socket errors | CPU s raad / machine |"
echo "|---|---|---|---|---|---|---|---|"
for row in "${rows[@]}"; do
    summary "${row%%|*}" "$workdir/${row#*|}.txt" "$workdir/${row#*|}.cpu"
done
