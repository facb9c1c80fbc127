#!/usr/bin/env bash
# Corpus job: every root spec of ../shared/corpus through the generator and the compiler (tests/Codegen.Corpus).
# Prints the summary table to stdout, writes docs/corpus.md, exits with the runner's exit code
# (non-zero on a generator exception, a compile error or warning in generated code, or a timeout).
# Usage: .ci/corpus.sh [runner options, e.g. --report-only or --filter real/]
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -d ../shared/corpus ]; then
  echo "corpus: skipped (no ../shared/corpus)"
  exit 0
fi

if ! dotnet build tests/Codegen.Corpus -c Release -nologo -v:q > corpus-build.log 2>&1; then
  grep -E "error|warning" corpus-build.log | sort -u | head -n 40
  echo "corpus: runner build failed"
  exit 1
fi
rm -f corpus-build.log

# Progress lines go to stderr; keep them in a log so stdout carries only the table and the totals.
dotnet run --project tests/Codegen.Corpus -c Release --no-build -- --corpus ../shared/corpus "$@" 2> corpus-progress.log
status=$?
if [ "$status" -ne 0 ]; then
  grep -vE "^corpus: ok " corpus-progress.log | tail -n 40
fi
rm -f corpus-progress.log
exit "$status"
