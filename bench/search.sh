#!/usr/bin/env bash
# Search over an archive (issue 16): median and p95 latency of the public's searches over a synthetic archive of
# BENCH_ITEMS (100,000) agenda items, each with an attachment whose text is read, on SQLite and on PostgreSQL.
#
#   1. installs PostgreSQL with apt-get if it is missing (sudo only when not root);
#   2. builds bench/Raad.Bench (Release) against this working tree;
#   3. SQLite: a database file in BENCH_WORK (default a temp dir, removed afterwards; set BENCH_WORK to keep the seeded
#      databases between runs, which skips the seeding, ~15-30 min per provider on 2 cores);
#      PostgreSQL: BENCH_POSTGRES (an Npgsql connection string to a database the bench may fill), or else a throw-away
#      cluster started in BENCH_WORK (fsync off, shared_buffers 1 GB) with a database raad_search_bench;
#   4. per provider: migrates, loads the demo, adds the archive (meetings of 10 items over twenty years, published, one
#      item in ten closed), then times BENCH_ROUNDS rounds of 36 searches as the public (Raad.Bench search, in process,
#      through the same SearchQuery as /soeg and /api/search) and prints a table per query and the median and p95.
#
# Settings (environment): BENCH_ITEMS=100000, BENCH_ROUNDS=10, BENCH_WORK, BENCH_POSTGRES, BENCH_PROVIDERS="Sqlite Postgres".
set -euo pipefail

items=${BENCH_ITEMS:-100000}
rounds=${BENCH_ROUNDS:-10}
providers=${BENCH_PROVIDERS:-Sqlite Postgres}
[[ $items =~ ^[1-9][0-9]{0,7}$ && $rounds =~ ^[1-9][0-9]{0,3}$ ]] || { echo "bad BENCH_ITEMS/BENCH_ROUNDS" >&2; exit 2; }

repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

keep_work=true
work=${BENCH_WORK:-}
if [ -z "$work" ]; then
    work=$(mktemp -d -t raad-search-bench.XXXXXX)
    keep_work=false
fi
mkdir -p "$work"
pg_data=""
pg_bin=""
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
        as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    [ "$keep_work" = true ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "Building bench/Raad.Bench (Release) ..."
dotnet build "$repo/bench/Raad.Bench" -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
bench="$repo/bench/Raad.Bench/bin/Release/net10.0/Raad.Bench.dll"

postgres_connection() {
    if [ -n "${BENCH_POSTGRES:-}" ]; then
        echo "$BENCH_POSTGRES"
        return
    fi
    pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r | head -1)
    if [ ! -x "$pg_bin/initdb" ]; then
        echo "Installing postgresql ..." >&2
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2 || {
            as_root apt-get update >&2
            as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
        }
        pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r | head -1)
    fi
    pg_data="$work/postgres"
    local port=55490
    if [ ! -d "$pg_data" ]; then
        mkdir -p "$pg_data"
        [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$pg_data" "$work"
        as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync >"$work/initdb.log" 2>&1 \
            || { cat "$work/initdb.log" >&2; exit 1; }
    fi
    as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB" start >/dev/null
    as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'raad_search_bench'" | grep -q 1 \
        || as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE raad_search_bench" >&2
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=raad_search_bench"
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); HEAD $(git -C "$repo" rev-parse --short HEAD)"
for provider in $providers; do
    case $provider in
        Sqlite) connection="Data Source=$work/search.db" ;;
        Postgres) connection=$(postgres_connection) ;;
        *) echo "unknown provider $provider" >&2; exit 2 ;;
    esac
    echo
    echo "== $provider: dotnet Raad.Bench.dll search --provider $provider --items $items --rounds $rounds"
    dotnet "$bench" search --provider "$provider" --connection "$connection" --content-root "$repo/src/Raad.Web" \
        --items "$items" --rounds "$rounds"
done
