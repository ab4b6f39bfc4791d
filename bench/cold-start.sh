#!/usr/bin/env bash
# Cold start of `./run.sh` from a fresh clone of the committed HEAD.
#
# For each round (BENCH_RUNS, default 3):
#   1. `git clone` the committed HEAD of this repository into a mktemp dir (not timed);
#   (a) time from starting `./run.sh --urls http://127.0.0.1:PORT` in the clone until the first HTTP 200
#       from /moeder/{id}/dagsorden of the 27 Aug 2025 meeting of Politisk Sundhedsklynge Syd
#       (fresh clone: npm ci, NuGet restore, Release build, migration of a new SQLite database, demo load);
#   stop the server;
#   (b) the same again in the same clone (build up to date, database exists, no demo load);
#   stop the server and remove the clone.
# Polls every 0.2 s with curl, so each figure has a resolution of about 0.2 s.
# The meeting id is looked up through /api/bodies and /api/bodies/{id}/meetings while polling.
#
# Uses whatever NuGet package folder (~/.nuget/packages) and npm cache (~/.npm) the machine has:
# on a warmed machine nothing is downloaded, so the figures exclude download time.
#
# Before each timed start it waits (bounded) until the machine is idle (wait_quiet in common.sh), and it counts
# the CPU time that other work on the machine took during each timed window (machine busy time minus the CPU time
# of this benchmark's own process tree). A round in which that exceeded BENCH_MAX_OTHER_PCT % of the machine
# (2 cores x window) in (a) or (b) is discarded and repeated, at most BENCH_RETRIES times per round.
#
# Settings (environment): BENCH_RUNS=3, BENCH_PORT=5381, BENCH_TIMEOUT_FIRST=900 (s), BENCH_TIMEOUT_SECOND=300 (s),
# BENCH_QUIET_WAIT=600 (s), BENCH_QUIET_BUSY=15 (%), BENCH_MAX_OTHER_PCT=10 (%), BENCH_RETRIES=3.
# Only 127.0.0.1 is contacted.
set -euo pipefail

runs=${BENCH_RUNS:-3}
port=${BENCH_PORT:-5381}
timeout_first=${BENCH_TIMEOUT_FIRST:-900}
timeout_second=${BENCH_TIMEOUT_SECOND:-300}
max_other_pct=${BENCH_MAX_OTHER_PCT:-10}
max_retries=${BENCH_RETRIES:-3}
base="http://127.0.0.1:$port"

repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
head=$(git -C "$repo" rev-parse HEAD)

[[ $runs =~ ^[1-9][0-9]?$ ]] || { echo "BENCH_RUNS must be 1..99" >&2; exit 2; }
[[ $max_retries =~ ^[0-9]$ ]] || { echo "BENCH_RETRIES must be 0..9" >&2; exit 2; }
for tool in git curl dotnet npm; do
    command -v "$tool" >/dev/null || { echo "cold-start: $tool is missing" >&2; exit 1; }
done

# shellcheck source=bench/common.sh
source "$repo/bench/common.sh"

workdir=""
server_pid=""
res_time="" res_build="" res_listen="" res_id="" res_busy=""

cleanup() {
    stop_server
    if [ -n "$workdir" ]; then
        rm -rf "$workdir"
        workdir=""
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# start_and_time CLONE LOG TIMEOUT: sets res_time, res_build, res_listen, res_id and res_busy (CPU seconds the
# whole machine was busy from the start to the first 200); leaves the server running.
# Runs in this shell (not in a subshell), so that server_pid stays known to the trap.
# res_build: first poll that saw run.sh's "Bygger Raad" line (npm ci done); listening: first poll that saw
# the app announce its address (migration and demo load done). Both are "-" if not seen.
start_and_time() {
    local clone=$1 log=$2 limit=$3
    local t0 busy0 t_build="-" t_listen="-" id="" code i max
    port_is_free || { echo "cold-start: something already answers on $base" >&2; return 1; }
    max=$(( limit * 5 ))
    busy0=$(machine_busy_seconds)
    t0=$(now)
    (cd "$clone" && exec setsid ./run.sh --urls "$base") >"$log" 2>&1 &
    server_pid=$!
    check_own_group || return 1
    for (( i = 0; i < max; i++ )); do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "cold-start: ./run.sh exited before the agenda answered; its output:" >&2
            cat "$log" >&2
            return 1
        fi
        if [ "$t_build" = "-" ] && grep -q "Bygger Raad" "$log"; then t_build=$(elapsed "$t0" "$(now)"); fi
        if [ "$t_listen" = "-" ] && grep -q "Raad kører på" "$log"; then t_listen=$(elapsed "$t0" "$(now)"); fi
        if [ -z "$id" ]; then
            id=$(meeting_id || true)
        fi
        if [ -n "$id" ]; then
            code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$base/moeder/$id/dagsorden" 2>/dev/null || true)
            if [ "$code" = "200" ]; then
                res_time=$(elapsed "$t0" "$(now)")
                res_busy=$(elapsed "$busy0" "$(machine_busy_seconds)")
                res_build=$t_build
                # Announced within the same poll interval as the first 200: count it at that poll.
                if [ "$t_listen" = "-" ] && grep -q "Raad kører på" "$log"; then t_listen=$res_time; fi
                res_listen=$t_listen
                res_id=$id
                return 0
            fi
        fi
        sleep 0.2
    done
    echo "cold-start: no HTTP 200 from $base/moeder/{id}/dagsorden within ${limit}s (meeting id: ${id:-not found}); output:" >&2
    cat "$log" >&2
    return 1
}

# measure_start WHICH: waits for a quiet machine, times one start, stops the server, and prints the figures,
# with the CPU time the machine spent against the CPU time of this benchmark's own processes (run.sh, npm,
# dotnet build, raad, curl): "other" is what something else on the machine used meanwhile (a lower bound,
# as our own count also covers the server's shutdown after the window). Sets res_* and res_cpu_line.
measure_start() {
    local which=$1 limit=$2 quiet own0
    quiet=$(wait_quiet)
    read_children_cpu "$workdir/times"
    own0=$children_cpu
    start_and_time "$clone" "$workdir/$which.log" "$limit" || exit 1
    stop_server
    read_children_cpu "$workdir/times"
    res_own=$(elapsed "$own0" "$children_cpu")
    res_other=$(awk -v b="$res_busy" -v o="$res_own" 'BEGIN { d = b - o; printf "%.1f", (d > 0 ? d : 0) }')
    res_cpu_line="      CPU busy just before: ${quiet}%; CPU time in the window: machine ${res_busy} s, this benchmark ${res_own} s, other ~${res_other} s"
}

# disturbed OTHER_CPU_SECONDS WALL_SECONDS: "yes" if other work took more than max_other_pct % of the machine.
disturbed() {
    awk -v o="$1" -v w="$2" -v n="$(nproc)" -v p="$max_other_pct" 'BEGIN { print (o > w * n * p / 100 ? "yes" : "no") }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Raad cold start: $runs round(s) of a fresh clone of $repo at HEAD $head"
echo "Machine: $(machine_line), node $(node --version 2>/dev/null || echo '?'), npm $(npm --version)"
echo "Caches: ~/.nuget/packages $(du -sh ~/.nuget/packages 2>/dev/null | cut -f1 || echo absent), ~/.npm $(du -sh ~/.npm 2>/dev/null | cut -f1 || echo absent) (warm caches: no downloads are timed)"
echo "Build environment: DOTNET_CLI_USE_MSBUILD_SERVER=${DOTNET_CLI_USE_MSBUILD_SERVER:-unset} MSBUILDDISABLENODEREUSE=${MSBUILDDISABLENODEREUSE:-unset} UseSharedCompilation=${UseSharedCompilation:-unset}"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=normal -- . ":(exclude)bench")" ]; then
    echo "Note: the working tree of $repo has uncommitted changes; they are NOT part of the clone."
fi
echo

first=()
second=()
other_a=()
other_b=()
discarded=0
for (( r = 1; r <= runs; r++ )); do
    for (( try = 0; try <= max_retries; try++ )); do
        workdir=$(mktemp -d -t raad-cold-start.XXXXXX)
        clone="$workdir/raad"
        git clone --quiet "$repo" "$clone"
        if [ ! -f "$clone/run.sh" ]; then
            echo "cold-start: run.sh is not in the committed HEAD ($head) of $repo, so a fresh clone cannot be started." >&2
            if git -C "$repo" ls-files --others --exclude-standard -- run.sh | grep -q .; then
                echo "cold-start: run.sh exists in the working tree but is untracked (never committed)." >&2
            fi
            exit 1
        fi
        echo "Round $r/$runs$( (( try == 0 )) || echo ", try $(( try + 1 ))"), HEAD $(git -C "$clone" rev-parse --short HEAD) (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"

        measure_start first "$timeout_first"
        t_a=$res_time
        o_a=$res_other
        d_a=$(disturbed "$res_other" "$res_time")
        echo "  (a) fresh clone:  ${t_a}s to first 200 from /moeder/$res_id/dagsorden (npm ci done at ${res_build}s, app listening at ${res_listen}s)"
        echo "$res_cpu_line"
        [ -f "$clone/data/raad.db" ] || echo "  warning: $clone/data/raad.db was not created" >&2

        measure_start second "$timeout_second"
        t_b=$res_time
        o_b=$res_other
        d_b=$(disturbed "$res_other" "$res_time")
        echo "  (b) second start: ${t_b}s (build step started at ${res_build}s, app listening at ${res_listen}s)"
        echo "$res_cpu_line"
        if grep -q "Demoen er indlæst" "$workdir/second.log"; then
            echo "  warning: the second start loaded the demo again (database not kept?)" >&2
        fi
        rm -rf "$workdir"
        workdir=""

        if [ "$d_a$d_b" = "nono" ] || (( try == max_retries )); then
            [ "$d_a$d_b" = "nono" ] || echo "  warning: still disturbed after $max_retries retries; keeping this round" >&2
            break
        fi
        discarded=$(( discarded + 1 ))
        echo "  disturbed by other work (more than ${max_other_pct}% of the machine in a window): round discarded, repeating"
    done
    first+=("$t_a")
    second+=("$t_b")
    other_a+=("$o_a")
    other_b+=("$o_b")
done

echo
echo "| start | $(for (( r = 1; r <= runs; r++ )); do printf 'round %d | ' "$r"; done)median |"
echo "|---|$(for (( r = 1; r <= runs; r++ )); do printf -- '---|'; done)---|"
echo "| (a) fresh clone: npm ci, restore, build, migrate, demo | $(printf '%ss | ' "${first[@]}")$(printf '%s\n' "${first[@]}" | median)s |"
echo "| (b) second start: build up to date, database exists | $(printf '%ss | ' "${second[@]}")$(printf '%s\n' "${second[@]}" | median)s |"
echo
echo "CPU seconds used by other work on the machine during each kept window (rounds discarded as disturbed: $discarded):"
echo "  (a) ${other_a[*]}"
echo "  (b) ${other_b[*]}"
