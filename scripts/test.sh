#!/usr/bin/env bash
# Builds once, runs every test project, and ends with one summary line
# ("tests: N passed, N failed, N skipped") that CI and people can read.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
dotnet build Faceoff.slnx -c Release -nologo -v:q || exit 1
dotnet test Faceoff.slnx -c Release --no-build --nologo \
  --results-directory build/test-results "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# Per-project summary lines look like "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12".
sum() { grep -E '^(Passed|Failed)! +-' "$log" | grep -oE "$1: +[0-9]+" | awk '{s+=$2} END {print s+0}'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
echo
echo "tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
rm -f "$log"
exit "$rc"
