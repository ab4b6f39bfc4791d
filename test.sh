#!/usr/bin/env bash
# The one command that runs every test of Raad, on a fresh Debian machine with only the .NET SDK and Node:
# installs what is missing (PostgreSQL, Chromium, aiosmtpd, DejaVu fonts, LibreOffice Calc, npm packages, dotnet tools), checks the formatting, builds once,
# starts a throw-away PostgreSQL cluster for the PostgreSQL scenarios, runs all test projects, and ends with
# "N passed, N failed". Exits non-zero if anything failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

step() { printf '\n==> %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=false
apt_install() {
    if [ "$apt_updated" = false ]; then
        as_root apt-get update
        apt_updated=true
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

postgres_bin() {
    local dir
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

step "Installing what is missing"
if ! postgres_bin >/dev/null; then
    apt_install postgresql
fi
if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium
fi
# The importer's tests write PDFs with æ, ø and å in DejaVu Sans.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]; then
    apt_install fonts-dejavu-core
fi
# The economy's XLSX is checked by opening it in LibreOffice Calc (headless), as a secretary would.
if ! command -v soffice >/dev/null || [ ! -e /usr/lib/libreoffice/program/libscfiltlo.so ]; then
    apt_install libreoffice-calc-nogui
fi
# The mail scenarios deliver to a real SMTP server on loopback: Debian's aiosmtpd, run by Debian's python3.
if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
    apt_install python3-aiosmtpd
fi
if [ ! -d src/Raad.Web/node_modules ]; then
    (cd src/Raad.Web && npm ci --no-audit --no-fund)
fi
# The OpenID Connect scenarios sign in at a real provider on loopback: npm's oidc-provider, started by the tests.
if [ ! -d tests/Raad.Web.Tests/Oidc/node_modules ]; then
    (cd tests/Raad.Web.Tests/Oidc && npm ci --no-audit --no-fund)
fi
# The accessibility tests inject npm's axe-core into the pages in Chromium.
if [ ! -d tests/Raad.Browser.Tests/node_modules ]; then
    (cd tests/Raad.Browser.Tests && npm ci --no-audit --no-fund)
fi
dotnet tool restore

step "Checking formatting (dotnet format --verify-no-changes)"
dotnet format Raad.slnx --verify-no-changes

step "Building"
dotnet build Raad.slnx --nologo
# The benchmarks are not tests, but they must keep compiling against the code they measure.
dotnet build bench/Raad.Bench --nologo -v q

step "Starting a temporary PostgreSQL"
pg_bin=$(postgres_bin)
# PostgreSQL refuses to run as root: then the cluster belongs to the postgres user.
if [ "$(id -u)" -eq 0 ]; then
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi
pg_dir=$(mktemp -d -t raad-test-postgres.XXXXXX)
pg_data="$pg_dir/data"
pg_socket="$pg_dir/socket"
stop_postgres() {
    if [ -f "$pg_data/postmaster.pid" ]; then
        as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_dir"
}
trap stop_postgres EXIT
# So that Ctrl+C and kill also stop the cluster.
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$pg_socket"
if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$pg_dir"
fi

as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync >"$pg_dir/initdb.log" \
    || { cat "$pg_dir/initdb.log"; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_port=""
for candidate in $(seq 55432 55482); do
    if port_in_use "$candidate"; then
        continue
    fi
    # Durability is not needed for a database that is thrown away after the run.
    if as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_dir/postgres.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $candidate -k $pg_socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
        pg_port=$candidate
        break
    fi
done
if [ -z "$pg_port" ]; then
    echo "Kunne ikke starte PostgreSQL på en ledig port (55432-55482):" >&2
    cat "$pg_dir/postgres.log" >&2 || true
    exit 1
fi
# Dozens of test apps run at once: none may watch its settings files (Linux allows 128 inotify instances per user).
export DOTNET_hostBuilder__reloadConfigOnChange=false
export RAAD_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "PostgreSQL kører på 127.0.0.1:$pg_port (fra $pg_bin)"

step "Running the tests"
test_log="$pg_dir/dotnet-test.log"
run_tests=(dotnet test --solution Raad.slnx --no-build)
# RAAD_TEST_CLOCK_AHEAD=365d ./test.sh runs the tests with the machine's clock that far ahead (Debian's faketime),
# to show that no test depends on today's date.
if [ -n "${RAAD_TEST_CLOCK_AHEAD:-}" ]; then
    if ! command -v faketime >/dev/null; then
        apt_install faketime
    fi
    # Not FAKETIME_DONT_FAKE_MONOTONIC: with it, Debian's libfaketime 0.9.10 ends .NET's timed waits at once
    # (fixed upstream in libfaketime PR 503); moving both clocks by the same offset keeps waits right.
    run_tests=(faketime -f "+$RAAD_TEST_CLOCK_AHEAD" "${run_tests[@]}")
    echo "Maskinens ur er stillet $RAAD_TEST_CLOCK_AHEAD frem: $(faketime -f "+$RAAD_TEST_CLOCK_AHEAD" date)"
fi
set +e
"${run_tests[@]}" 2>&1 | tee "$test_log"
test_status=${PIPESTATUS[0]}
set -e

# The summary block after the last "Test run summary:" holds the figures of all test assemblies.
read -r passed failed < <(awk '
    /Test run summary:/ { passed = 0; failed = 0 }
    /^[[:space:]]+succeeded:[[:space:]]*[0-9]+/ { passed += $2 }
    /^[[:space:]]+failed:[[:space:]]*[0-9]+/ { failed += $2 }
    END { print passed + 0, failed + 0 }
' "$test_log")

echo
if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "dotnet test endte med kode $test_status uden fejlede tests i opsummeringen (fx et testprojekt, der ikke kunne køre)."
fi
echo "$passed passed, $failed failed"
if [ "$test_status" -ne 0 ] || [ "$failed" -ne 0 ]; then
    exit 1
fi
