#!/usr/bin/env bash
# Pages per second of the importer (read + parse, in one process, no database): the five seeds and a synthetic
# 500-page minutes document, each as text and as PDF. See bench/Raad.Bench/ImportBench.cs for how the PDFs are made.
#
# Installs fonts-dejavu-core with apt-get when DejaVu Sans is missing (the PDFs are written in it, for æ, ø and å).
# Waits (bounded) for a quiet machine first (wait_quiet in common.sh). Settings: BENCH_RUNS=5 (rounds after a warm-up).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
if [[ ! -f $font ]]; then
    echo "Installerer fonts-dejavu-core (DejaVu Sans til bench-PDF'erne) ..."
    if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq fonts-dejavu-core >/dev/null; else sudo apt-get install -y -qq fonts-dejavu-core >/dev/null; fi
fi

echo "Building bench/Raad.Bench (Release) ..."
dotnet build bench/Raad.Bench -c Release --nologo -v q >/dev/null
echo "Machine busy before measuring: $(wait_quiet) % CPU"
machine_line
dotnet bench/Raad.Bench/bin/Release/net10.0/Raad.Bench.dll import --seeds tests/seeds --rounds "${BENCH_RUNS:-5}" --font "$font"
