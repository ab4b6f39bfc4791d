#!/usr/bin/env bash
# Throughput and latency of the published agenda page /moeder/{id}/dagsorden (27 Aug 2025 meeting of
# Politisk Sundhedsklynge Syd, from the demo) under wrk, on a fresh SQLite database.
#
#   1. installs wrk with apt-get if it is missing (sudo only when not root);
#   2. uses the Release build of this working tree (src/Raad.Web/bin/Release/net10.0/raad.dll), building it with
#      `dotnet build -c Release` first if it is missing; BENCH_FROM=clone instead clones the committed HEAD into
#      a temp dir and builds that;
#   3. copies the build output to a temp dir (so a rebuild in the repo cannot change it mid-run) and starts it
#      there with Raad__Database__ConnectionString pointing at a new database in that temp dir and Raad__Demo__LoadOnEmptyDatabase=true (outside Development the demo is off by default): the demo is loaded;
#   4. waits until the agenda answers 200, warms up for 5 s (wrk -t2 -c16 -d5s, discarded);
#   5. wrk -t2 -c16 -d30s --latency  (16 concurrent connections);
#   6. wrk -t1 -c1  -d30s --latency  (one client, uncontended);
#   and prints requests/s and the 50/75/90/99 % latencies of both; stops the server in a trap.
#
# Before the warm-up and each wrk run it waits (bounded) until the machine is idle (wait_quiet in common.sh), and it
# counts the CPU seconds of the server, of wrk and of other work on the machine during each run; a run in which other
# work took more than BENCH_MAX_OTHER_PCT % of the machine is discarded and repeated, at most BENCH_RETRIES times.
#
# Settings (environment): BENCH_PORT=5382, BENCH_DURATION=30 (s), BENCH_WARMUP=5 (s), BENCH_FROM=build|clone,
# BENCH_QUIET_WAIT=600 (s), BENCH_QUIET_BUSY=15 (%), BENCH_MAX_OTHER_PCT=10 (%), BENCH_RETRIES=3.
# wrk and the server share the same machine; only 127.0.0.1 is contacted.
set -euo pipefail

port=${BENCH_PORT:-5382}
duration=${BENCH_DURATION:-30}
warmup=${BENCH_WARMUP:-5}
from=${BENCH_FROM:-build}
max_other_pct=${BENCH_MAX_OTHER_PCT:-10}
max_retries=${BENCH_RETRIES:-3}
base="http://127.0.0.1:$port"

repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
[[ $duration =~ ^[1-9][0-9]{0,3}$ && $warmup =~ ^[0-9]{1,3}$ ]] || { echo "bad BENCH_DURATION/BENCH_WARMUP" >&2; exit 2; }
[[ $from == build || $from == clone ]] || { echo "BENCH_FROM must be build or clone" >&2; exit 2; }
[[ $max_retries =~ ^[0-9]$ ]] || { echo "BENCH_RETRIES must be 0..9" >&2; exit 2; }

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

# 1. wrk
command -v wrk >/dev/null || { echo "Installing wrk ..."; apt_install wrk; }
for tool in wrk curl dotnet; do
    command -v "$tool" >/dev/null || { echo "agenda-load: $tool is missing" >&2; exit 1; }
done

workdir=$(mktemp -d -t raad-agenda-load.XXXXXX)

# 2. the build
if [ "$from" = clone ]; then
    src="$workdir/clone"
    git clone --quiet "$repo" "$src"
    echo "Building a clone of HEAD $(git -C "$src" rev-parse --short HEAD) (Release) ..."
    build_release "$src" agenda-load
    what="clone of committed HEAD $(git -C "$src" rev-parse --short HEAD)"
else
    src=$repo
    if [ ! -f "$src/src/Raad.Web/bin/Release/net10.0/raad.dll" ]; then
        echo "No Release build in $src: building it ..."
        build_release "$src" agenda-load
    fi
    what="Release build in $src (HEAD $(git -C "$src" rev-parse --short HEAD)"
    if [ -n "$(git -C "$src" status --porcelain -- . ":(exclude)bench")" ]; then what="$what, working tree with uncommitted changes"; fi
    what="$what; raad.dll from $(date -r "$src/src/Raad.Web/bin/Release/net10.0/raad.dll" '+%Y-%m-%d %H:%M:%S')"
    what="$what)"
    newer=$(find "$src/src" \( -name bin -o -name obj -o -name node_modules -o -path '*/wwwroot/lib' \) -prune -o -type f \
        \( -name '*.cs' -o -name '*.cshtml' -o -name '*.csproj' -o -name '*.css' -o -name '*.js' \) \
        -newer "$src/src/Raad.Web/bin/Release/net10.0/raad.dll" -print 2>/dev/null | head -3 || true)
    if [ -n "$newer" ]; then
        echo "warning: the Release build is older than some sources (e.g. ${newer//$'\n'/, }); it is measured as it is." >&2
        echo "         Rebuild with: dotnet build src/Raad.Web/Raad.Web.csproj -c Release, or use BENCH_FROM=clone." >&2
        what="$what [STALE: older than the sources]"
    fi
fi
cp -a "$src/src/Raad.Web/bin/Release/net10.0" "$workdir/app"
mkdir -p "$workdir/run"

# 3. start on a fresh database
start_raad agenda-load

# 4. readiness (at most 120 s)
id=""
code=""
for (( i = 0; i < 600; i++ )); do
    kill -0 "$server_pid" 2>/dev/null || { cat "$workdir/server.log" >&2; echo "agenda-load: the server exited" >&2; exit 1; }
    [ -n "$id" ] || id=$(meeting_id || true)
    if [ -n "$id" ]; then
        code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$base/moeder/$id/dagsorden" 2>/dev/null || true)
        [ "$code" != 200 ] || break
    fi
    sleep 0.2
done
[ "$code" = 200 ] || { cat "$workdir/server.log" >&2; echo "agenda-load: the agenda never answered 200" >&2; exit 1; }
url="$base/moeder/$id/dagsorden"
page_bytes=$(curl -s -o /dev/null -w '%{size_download}' "$url")

echo "Raad agenda load test: $what"
echo "Machine: $(machine_line), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "URL: $url (${page_bytes} bytes of HTML, anonymous GET, no TLS, SQLite database in $workdir/run/data)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg); CPU busy just before the warm-up: $(wait_quiet)%"

# 5./6. wrk
process_cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# run_wrk NAME WRK-ARGS...: waits for a quiet machine, runs wrk --latency on the agenda, and counts the CPU
# seconds of the server, of wrk and of other work on the machine (machine busy time minus the two). A run in which
# other work took more than BENCH_MAX_OTHER_PCT % of the machine is discarded and repeated (at most BENCH_RETRIES).
# Leaves the kept output in $workdir/NAME.txt and its CPU figures in $workdir/NAME.cpu.
run_wrk() {
    local name=$1 try quiet m0 s0 w0 m1 s1 other server wrk_cpu limit
    shift
    for (( try = 0; try <= max_retries; try++ )); do
        quiet=$(wait_quiet)
        echo
        echo "== wrk $* --latency $url$( (( try == 0 )) || echo "   (try $(( try + 1 )))")"
        read_children_cpu "$workdir/times"
        w0=$children_cpu
        m0=$(machine_busy_seconds)
        s0=$(process_cpu_seconds "$server_pid")
        wrk "$@" --latency "$url" | tee "$workdir/$name.txt"
        m1=$(machine_busy_seconds)
        s1=$(process_cpu_seconds "$server_pid")
        read_children_cpu "$workdir/times"
        server=$(sub "$s0" "$s1")
        wrk_cpu=$(sub "$w0" "$children_cpu")
        other=$(awk -v m="$(sub "$m0" "$m1")" -v s="$server" -v w="$wrk_cpu" 'BEGIN { d = m - s - w; printf "%.1f", (d > 0 ? d : 0) }')
        echo "CPU busy just before: ${quiet}%; CPU seconds in the run: server $server, wrk $wrk_cpu, other work ~$other"
        echo "$server $wrk_cpu $other" >"$workdir/$name.cpu"
        limit=$(awk -v d="$duration" -v n="$(nproc)" -v p="$max_other_pct" 'BEGIN { print d * n * p / 100 }')
        if awk -v o="$other" -v l="$limit" 'BEGIN { exit !(o <= l) }'; then
            return 0
        fi
        if (( try < max_retries )); then
            echo "disturbed by other work (more than ${max_other_pct}% of the machine): discarded, repeating"
            discarded=$(( discarded + 1 ))
        else
            echo "warning: still disturbed after $max_retries retries; keeping this run" >&2
        fi
    done
}

summary() {
    # $1 label, $2 wrk output file, $3 cpu file
    awk -v label="$1" -v cpu="$(cat "$3")" -v secs="$duration" '
        /Requests\/sec:/ { rps = $2 }
        /^ +50%/ { p50 = $2 } /^ +75%/ { p75 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
        /requests in/ { total = $1 }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        /Socket errors:/ { errors = $0; sub(/^ +Socket errors: +/, "", errors) }
        END {
            split(cpu, c, " ")
            printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %.0f%% / %.0f%% / %.0f%% |\n", label, rps, total, p50, p75,
                p90, p99, (non2xx == "" ? 0 : non2xx), (errors == "" ? "none" : errors),
                100 * c[1] / secs, 100 * c[2] / secs, 100 * c[3] / secs
        }' "$2"
}

discarded=0
if (( warmup > 0 )); then
    echo "Warm-up: wrk -t2 -c16 -d${warmup}s (discarded)"
    wrk -t2 -c16 -d"${warmup}s" "$url" >"$workdir/warmup.txt"
fi
run_wrk c16 -t2 -c16 -d"${duration}s"
run_wrk c1 -t1 -c1 -d"${duration}s"
rss=$(awk '/VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$server_pid/status" 2>/dev/null || echo "?")
echo
echo "Server resident memory after the runs: $rss; load average after: $(cut -d' ' -f1-3 /proc/loadavg); runs discarded as disturbed: $discarded"
echo
echo "| run | req/s | requests | p50 | p75 | p90 | p99 | non-2xx | socket errors | CPU server / wrk / other (100% = 1 core) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
summary "16 connections (-t2 -c16)" "$workdir/c16.txt" "$workdir/c16.cpu"
summary "1 connection (-t1 -c1)" "$workdir/c1.txt" "$workdir/c1.cpu"
if grep -q "Non-2xx or 3xx responses" "$workdir/c16.txt" "$workdir/c1.txt"; then
    echo "warning: some responses were not 2xx/3xx; the figures are not those of the agenda page" >&2
    exit 1
fi
