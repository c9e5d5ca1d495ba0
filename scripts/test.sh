#!/usr/bin/env bash
# Builds once, runs every test project one after another, and ends with one summary line
# ("tests: N passed, N failed, N skipped") that CI and people can read.
# Projects run sequentially on purpose: several suites start real servers and load them,
# and on a 2-core machine parallel suites would measure each other.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Faceoff.slnx -c Release -nologo -v:q || exit 1
log=$(mktemp)
rc=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  started=$(date +%s)
  dotnet test "$project" -c Release --no-build --nologo \
    --results-directory "build/test-results/$name" "$@" 2>&1 | tee -a "$log"
  status=${PIPESTATUS[0]}
  echo "== $name: exit $status in $(( $(date +%s) - started ))s"
  [ "$status" -eq 0 ] || rc=$status
done
# Per-project summary lines look like "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12".
sum() { grep -E '^(Passed|Failed)! +-' "$log" | grep -oE "$1: +[0-9]+" | awk '{s+=$2} END {print s+0}'; }
echo
echo "tests: $(sum Passed) passed, $(sum Failed) failed, $(sum Skipped) skipped"
# CI keeps only the tail of this output, so the failed tests and the start of their messages come last.
if grep -qE '^ +Failed [A-Za-z]' "$log"; then
  echo "failed tests:"
  grep -A2 -E '^ +Failed [A-Za-z]' "$log" | grep -vE '^ +Error Message:|^--$' | cut -c1-240
fi
rm -f "$log"
exit "$rc"
