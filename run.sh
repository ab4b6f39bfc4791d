#!/usr/bin/env bash
# Runs Raad: builds it, creates or upgrades the database, loads the demo into an empty database,
# and serves on http://localhost:5080 (change with --urls or ASPNETCORE_URLS).
# Arguments go to the `raad` executable: ./run.sh --help, ./run.sh migrate, ./run.sh demo.
set -euo pipefail
cd "$(dirname "$0")"

command -v dotnet >/dev/null || { echo "Raad kræver .NET SDK 10 (dotnet) på PATH." >&2; exit 1; }
command -v npm >/dev/null || { echo "Raad kræver Node.js og npm til front-end-pakkerne." >&2; exit 1; }

if [ ! -f src/Raad.Web/node_modules/.package-lock.json ]; then
  echo "Henter front-end-pakker (npm ci) ..."
  (cd src/Raad.Web && npm ci --no-audit --no-fund)
fi

echo "Bygger Raad ..."
log=$(mktemp)
if ! dotnet build src/Raad.Web/Raad.Web.csproj -c Release -nologo > "$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"

# The demo for a newcomer: Raad itself loads it only in Development (its accounts' password is in the README).
# Start with Raad__Demo__LoadOnEmptyDatabase=false to begin on an empty database instead.
export Raad__Demo__LoadOnEmptyDatabase="${Raad__Demo__LoadOnEmptyDatabase:-true}"

exec dotnet src/Raad.Web/bin/Release/net10.0/raad.dll "$@"
