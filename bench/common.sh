# shellcheck shell=bash disable=SC2034,SC2154
# Shared by the bench scripts (sourced, not run). Expects: base (http://127.0.0.1:PORT), server_pid (the pid, and
# process group, of the server started with setsid; "" when none), workdir (the script's scratch folder).
# Only 127.0.0.1 is contacted.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs Debian packages, updating the package lists once if the first attempt fails.
apt_install() {
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"; then
        as_root apt-get update
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
    fi
}

# build_release SRC NAME: the Release build of the checkout SRC (its npm packages first, when missing); NAME for messages.
build_release() {
    local src=$1 name=$2
    if [ ! -f "$src/src/Raad.Web/node_modules/.package-lock.json" ]; then
        (cd "$src/src/Raad.Web" && npm ci --no-audit --no-fund)
    fi
    dotnet build "$src/src/Raad.Web/Raad.Web.csproj" -c Release -nologo -v quiet >"$workdir/build.log" 2>&1 \
        || { cat "$workdir/build.log" >&2; echo "$name: the Release build failed" >&2; exit 1; }
}

# release_app NAME: copies a Release build to $workdir/app and says which in $what: a clone of $commit built afresh
# ($from = clone), or the build in $repo (built first when there is none). Sets $src to the checkout used.
release_app() {
    local name=$1
    if [ "$from" = clone ]; then
        src="$workdir/clone"
        git clone --quiet "$repo" "$src"
        git -C "$src" checkout --quiet --detach "$commit"
        echo "Building a clone of $commit ($(git -C "$src" rev-parse --short HEAD), Release) ..."
        build_release "$src" "$name"
        what="clone of commit $(git -C "$src" rev-parse --short HEAD)"
    else
        src=$repo
        if [ ! -f "$src/src/Raad.Web/bin/Release/net10.0/raad.dll" ]; then
            echo "No Release build in $src: building it ..."
            build_release "$src" "$name"
        fi
        what="Release build in $src (HEAD $(git -C "$src" rev-parse --short HEAD)"
        if [ -n "$(git -C "$src" status --porcelain -- . ":(exclude)bench")" ]; then what="$what, working tree with uncommitted changes"; fi
        what="$what)"
    fi
    cp -a "$src/src/Raad.Web/bin/Release/net10.0" "$workdir/app"
}

# start_raad NAME [DATABASE]: the Release copy in $workdir/app, on DATABASE (a SQLite file, default
# $workdir/run/data/raad.db; or a PostgreSQL connection string, "Host=..."), the demo loaded when it is empty, at $base,
# in its own process group ($server_pid), with its log in $workdir/server.log.
start_raad() {
    local name=$1 database=${2:-$workdir/run/data/raad.db} provider=Sqlite connection
    connection="Data Source=$database"
    if [[ $database == Host=* ]]; then
        provider=Postgres
        connection=$database
    fi
    port_is_free || { echo "$name: something already answers on $base" >&2; exit 1; }
    (cd "$workdir/run" && Raad__Demo__LoadOnEmptyDatabase=true Raad__Database__Provider=$provider Raad__Database__ConnectionString="$connection" \
        exec setsid dotnet "$workdir/app/raad.dll" --urls "$base") >"$workdir/server.log" 2>&1 &
    server_pid=$!
    check_own_group || exit 1
}

body_name="Politisk Sundhedsklynge Syd"
meeting_date="2025-08-27"

# Stops the server's whole process group (run.sh, npm, dotnet build, raad): TERM, up to 10 s, then KILL.
stop_server() {
    if [ -n "$server_pid" ]; then
        kill -TERM -- "-$server_pid" 2>/dev/null || true
        local i
        for i in $(seq 1 50); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL -- "-$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}

# Checks that the process just started with `setsid` in the background ($server_pid) leads its own group.
check_own_group() {
    local i
    for (( i = 0; i < 40; i++ )); do
        [ "$(ps -o pgid= -p "$server_pid" 2>/dev/null | tr -d ' ')" = "$server_pid" ] && return 0
        sleep 0.05
    done
    echo "the server did not get its own process group; cannot stop it reliably" >&2
    return 1
}

# True when the LibreOffice that documents.sh runs cannot convert a DOCX: soffice alone is not enough. The Calc package
# (libreoffice-calc-nogui, which test.sh installs) brings soffice without Writer; then `--convert-to pdf` of a DOCX
# writes nothing. What the conversion loads: Writer (libswlo.so) and its Word import filter (libwriterfilterlo.so),
# both from libreoffice-writer-nogui. $1: LibreOffice's program folder (default Debian's).
libreoffice_writer_missing() {
    local program=${1:-/usr/lib/libreoffice/program}
    [ ! -x "$program/soffice" ] || [ ! -e "$program/libswlo.so" ] || [ ! -e "$program/libwriterfilterlo.so" ]
}

port_is_free() { ! curl -s -o /dev/null -m 1 "$base/" 2>/dev/null; }

# Prints the id of the element of a flat JSON array of objects whose string field $2 equals $3.
json_id_where() {
    grep -o '{[^{}]*}' <<<"$1" | grep -F "\"$2\":\"$3\"" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2
}

# Prints the id of the 27 Aug 2025 meeting of Politisk Sundhedsklynge Syd, through the API; fails if not (yet) there.
meeting_id() {
    local bodies meetings body_id
    bodies=$(curl -s -m 2 "$base/api/bodies" 2>/dev/null) || return 1
    body_id=$(json_id_where "$bodies" name "$body_name")
    [ -n "$body_id" ] || return 1
    meetings=$(curl -s -m 2 "$base/api/bodies/$body_id/meetings" 2>/dev/null) || return 1
    json_id_where "$meetings" date "$meeting_date"
}

# Waits (at most BENCH_QUIET_WAIT s, default 600) until all CPUs together were at most BENCH_QUIET_BUSY % busy
# (default 15) for 3 seconds in a row, so that other work on the machine stays out of the figures.
# Goes on with a warning on stderr when the time is up. Prints the busy % of the last second.
cpu_sample() { awk '/^cpu / { idle = $5 + $6; total = 0; for (i = 2; i <= NF; i++) total += $i; print total, idle }' /proc/stat; }
busy_percent_1s() {
    local t1 i1 t2 i2
    read -r t1 i1 < <(cpu_sample)
    sleep 1
    read -r t2 i2 < <(cpu_sample)
    awk -v t=$(( t2 - t1 )) -v i=$(( i2 - i1 )) 'BEGIN { printf "%d", (t > 0 ? 100 * (t - i) / t : 0) }'
}
wait_quiet() {
    local limit=${BENCH_QUIET_WAIT:-600} max_busy=${BENCH_QUIET_BUSY:-15} quiet=0 busy=100 s
    for (( s = 0; s < limit; s++ )); do
        busy=$(busy_percent_1s)
        if (( busy <= max_busy )); then
            quiet=$(( quiet + 1 ))
            (( quiet < 3 )) || { echo "$busy"; return 0; }
        else
            quiet=0
        fi
    done
    echo "warning: the machine stayed busy (${busy}% CPU) for ${limit}s; measuring anyway" >&2
    echo "$busy"
}

machine_line() {
    echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), dotnet $(dotnet --version), $(date -u '+%Y-%m-%d %H:%M UTC')"
}

# CPU seconds (user + system) that all CPUs of the machine spent busy since boot.
machine_busy_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '/^cpu / { busy = 0; for (i = 2; i <= NF; i++) if (i != 5 && i != 6) busy += $i; printf "%.2f", busy / hz }' /proc/stat
}
# CPU seconds (user + system) of this shell's finished (waited-for) children and their descendants.
# Sets children_cpu; `times` must run in this shell, not in a pipe or $(...), hence the file ($1) and the variable.
children_cpu=0
read_children_cpu() {
    times >"$1"
    children_cpu=$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); t += p[1] * 60 + p[2] } printf "%.2f", t }' "$1")
}
