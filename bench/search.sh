#!/usr/bin/env bash
# The search benchmark of issue 16: a synthetic archive of BENCH_ITEMS published agenda items (default 100,000), each
# with sections (~215 words) and one attachment whose text is ~300 words, saved through Raad's own AppDbContext (so the
# index is built as the app builds it); then the public's search (SearchQuery, first page with snippets) timed in
# process, BENCH_RUNS times per query, median and p95, on SQLite and — when BENCH_POSTGRES is set to a connection string
# of a server where the role may create databases — on PostgreSQL (Raad.Bench makes a database raad_bench_search there).
#
# Settings (environment): BENCH_ITEMS=100000, BENCH_RUNS=200, BENCH_POSTGRES=(unset: SQLite only).
set -euo pipefail

items=${BENCH_ITEMS:-100000}
runs=${BENCH_RUNS:-200}
repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

dotnet build "$repo/bench/Raad.Bench" -c Release --nologo -v q -o "$workdir/bin" >/dev/null
bench="$workdir/bin/Raad.Bench"

"$bench" search --content-root "$repo/src/Raad.Web" --db "$workdir/search.db" --items "$items" --rounds "$runs"

if [ -n "${BENCH_POSTGRES:-}" ]; then
    # Raad.Bench creates raad_bench_search on that server (dropping a leftover one) and leaves it for a look afterwards.
    "$bench" search --content-root "$repo/src/Raad.Web" --postgres "$BENCH_POSTGRES" --items "$items" --rounds "$runs"
fi
