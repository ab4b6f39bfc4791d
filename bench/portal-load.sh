#!/usr/bin/env bash
# Publication day for the public pages (issue 16, point 6): the published agenda page /moeder/{id}/dagsorden of the
# 27 Aug 2025 meeting of Politisk Sundhedsklynge Syd, served by Raad (anonymous, kept by the public page cache) and
# the very same bytes served by nginx as a static file, side by side in one run, under wrk at 200 connections.
#
#   1. installs wrk and nginx (nginx-light) with apt-get if missing (sudo only when not root);
#   2. uses the Release build of this working tree (building it if missing); BENCH_FROM=clone clones the committed
#      HEAD (or BENCH_COMMIT) into a temp dir and builds that;
#   3. copies the build output to a temp dir and starts it there on a new SQLite database (the demo is loaded);
#   4. waits until the agenda page answers 200, saves that page (what an anonymous reader gets) as a file, and starts
#      nginx on it (its own config, prefix and port in the temp dir; access log off, sendfile on, worker per core);
#   5. per server, alternating nginx, Raad, nginx, Raad (BENCH_ROUNDS=2 rounds): waits (bounded) for a quiet machine,
#      warms up for BENCH_WARMUP s with 16 connections (discarded), then wrk -t2 -c200 -d30s --latency;
#      and once more for Raad with If-None-Match (a reader who has the page: 304);
#   and prints per run requests/s, p50, p99, non-2xx and socket errors, and Raad's share of nginx's throughput
#   (the mean of the rounds); stops both servers in a trap.
#
# wrk sends no Accept-Encoding, so both answer the plain HTML (Raad also keeps Brotli and gzip; nginx-light is not
# asked to compress), and both answer with keep-alive. wrk, nginx and Raad share the same 2 cores.
#
# Settings (environment): BENCH_PORT=5386 (Raad), BENCH_NGINX_PORT=5387, BENCH_DURATION=30 (s), BENCH_WARMUP=5 (s),
# BENCH_CONNECTIONS=200, BENCH_ROUNDS=2, BENCH_FROM=build|clone, BENCH_COMMIT (with clone), BENCH_QUIET_WAIT=600 (s),
# BENCH_QUIET_BUSY=15 (%). Only 127.0.0.1 is contacted.
set -euo pipefail

port=${BENCH_PORT:-5386}
nginx_port=${BENCH_NGINX_PORT:-5387}
duration=${BENCH_DURATION:-30}
warmup=${BENCH_WARMUP:-5}
connections=${BENCH_CONNECTIONS:-200}
rounds=${BENCH_ROUNDS:-2}
from=${BENCH_FROM:-build}
commit=${BENCH_COMMIT:-HEAD}
base="http://127.0.0.1:$port"

repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
[[ $duration =~ ^[1-9][0-9]{0,3}$ && $warmup =~ ^[0-9]{1,3}$ ]] || { echo "bad BENCH_DURATION/BENCH_WARMUP" >&2; exit 2; }
[[ $connections =~ ^[1-9][0-9]{0,4}$ && $rounds =~ ^[1-9]$ ]] || { echo "bad BENCH_CONNECTIONS/BENCH_ROUNDS" >&2; exit 2; }
[[ $nginx_port =~ ^[0-9]{2,5}$ ]] || { echo "bad BENCH_NGINX_PORT" >&2; exit 2; }
[[ $from == build || $from == clone ]] || { echo "BENCH_FROM must be build or clone" >&2; exit 2; }
[[ $commit =~ ^[0-9A-Za-z._/-]+$ ]] || { echo "BENCH_COMMIT must be a commit or branch name" >&2; exit 2; }

# shellcheck source=bench/common.sh
source "$repo/bench/common.sh"

workdir=""
server_pid=""
nginx_started=""
cleanup() {
    stop_server
    if [ -n "$nginx_started" ]; then
        "$nginx" -p "$workdir/nginx" -c nginx.conf -s stop 2>/dev/null || true
    fi
    [ -z "$workdir" ] || rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. wrk and nginx
command -v wrk >/dev/null || { echo "Installing wrk ..."; apt_install wrk; }
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "Installing nginx-light ..."; apt_install nginx-light; }
[ -x "$nginx" ] || { echo "portal-load: nginx is missing after apt-get install nginx-light" >&2; exit 1; }
for tool in wrk curl dotnet git; do
    command -v "$tool" >/dev/null || { echo "portal-load: $tool is missing" >&2; exit 1; }
done

workdir=$(mktemp -d -t raad-portal-load.XXXXXX)
# nginx's workers run as nobody when started by root: they must be able to read the page.
chmod 755 "$workdir"

# 2. the build
release_app portal-load
mkdir -p "$workdir/run"

# 3. Raad on a fresh database
start_raad portal-load

# 4. readiness (at most 120 s), the page as a file, and nginx on it
id=""
code=""
for (( i = 0; i < 600; i++ )); do
    kill -0 "$server_pid" 2>/dev/null || { cat "$workdir/server.log" >&2; echo "portal-load: the server exited" >&2; exit 1; }
    [ -n "$id" ] || id=$(meeting_id || true)
    if [ -n "$id" ]; then
        code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$base/moeder/$id/dagsorden" 2>/dev/null || true)
        [ "$code" != 200 ] || break
    fi
    sleep 0.2
done
[ "$code" = 200 ] || { cat "$workdir/server.log" >&2; echo "portal-load: the agenda never answered 200" >&2; exit 1; }
raad_url="$base/moeder/$id/dagsorden"
mkdir -p "$workdir/nginx/html" "$workdir/nginx/logs"
curl -s -o "$workdir/nginx/html/dagsorden.html" "$raad_url"
chmod -R a+rX "$workdir/nginx/html"
headers=$(curl -s -D - -o /dev/null "$raad_url")
grep -qi '^set-cookie:' <<<"$headers" && { echo "portal-load: the public agenda page sets a cookie:" >&2; echo "$headers" >&2; exit 1; }
etag=$(awk 'tolower($1) == "etag:" { sub(/\r$/, ""); print $2 }' <<<"$headers")
[ -n "$etag" ] || { echo "portal-load: the public agenda page has no ETag (not kept?):" >&2; echo "$headers" >&2; exit 1; }
cat >"$workdir/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $workdir/nginx/nginx.pid;
error_log $workdir/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    types { text/html html; }
    server {
        listen 127.0.0.1:$nginx_port;
        root $workdir/nginx/html;
        location / { try_files \$uri =404; }
    }
}
CONF
"$nginx" -p "$workdir/nginx" -c nginx.conf -t >"$workdir/nginx-test.log" 2>&1 || { cat "$workdir/nginx-test.log" >&2; exit 1; }
"$nginx" -p "$workdir/nginx" -c nginx.conf
nginx_started=1
nginx_url="http://127.0.0.1:$nginx_port/dagsorden.html"
cmp -s <(curl -s "$nginx_url") "$workdir/nginx/html/dagsorden.html" || { echo "portal-load: nginx does not serve the page" >&2; exit 1; }
page_bytes=$(stat -c %s "$workdir/nginx/html/dagsorden.html")

echo "Raad portal load test against nginx: $what"
echo "Machine: $(machine_line), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), $("$nginx" -v 2>&1)"
echo "Page: $raad_url and $nginx_url (the same $page_bytes bytes of HTML, anonymous GET, no TLS)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# 5. wrk, alternating
run_wrk() {
    local name=$1 url=$2 header=${3:-} quiet
    local args=(-t2 -c"$connections" -d"${duration}s" --latency)
    [ -z "$header" ] || args+=(-H "$header")
    quiet=$(wait_quiet)
    if (( warmup > 0 )); then
        wrk -t2 -c16 -d"${warmup}s" ${header:+-H "$header"} "$url" >"$workdir/$name.warmup.txt"
    fi
    echo
    echo "== wrk ${args[*]} $url   (CPU busy just before: ${quiet}%)"
    wrk "${args[@]}" "$url" | tee "$workdir/$name.txt"
}

row() {
    # $1 label, $2 wrk output file
    awk -v label="$1" '
        /Requests\/sec:/ { rps = $2 }
        /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
        /requests in/ { total = $1 }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        /Socket errors:/ { errors = $0; sub(/^ +Socket errors: +/, "", errors) }
        END { printf "| %s | %s | %s | %s | %s | %s | %s |\n", label, rps, total, p50, p99, (non2xx == "" ? 0 : non2xx), (errors == "" ? "none" : errors) }' "$2"
}
rps() { awk '/Requests\/sec:/ { print $2 }' "$1"; }

rows=()
for (( r = 1; r <= rounds; r++ )); do
    run_wrk "nginx-$r" "$nginx_url"
    run_wrk "raad-$r" "$raad_url"
    rows+=("nginx, static file (round $r)|nginx-$r" "Raad, public page (round $r)|raad-$r")
done
run_wrk raad-304 "$raad_url" "If-None-Match: $etag"
rows+=("Raad with If-None-Match (304)|raad-304")

echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| $page_bytes-byte agenda page ($connections connections, ${duration} s) | req/s | requests | p50 | p99 | non-2xx | socket errors |"
echo "|---|---|---|---|---|---|---|"
for entry in "${rows[@]}"; do
    row "${entry%%|*}" "$workdir/${entry#*|}.txt"
done
nginx_sum=0
raad_sum=0
for (( r = 1; r <= rounds; r++ )); do
    nginx_sum=$(awk -v a="$nginx_sum" -v b="$(rps "$workdir/nginx-$r.txt")" 'BEGIN { print a + b }')
    raad_sum=$(awk -v a="$raad_sum" -v b="$(rps "$workdir/raad-$r.txt")" 'BEGIN { print a + b }')
done
echo
awk -v n="$nginx_sum" -v r="$raad_sum" -v k="$rounds" 'BEGIN {
    printf "Raad served %.0f req/s against nginx'"'"'s %.0f (mean of %d rounds): %.1f %% of the static ceiling (aim: at least 33.3 %%).\n", r / k, n / k, k, 100 * r / n }'
