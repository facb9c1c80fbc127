#!/usr/bin/env bash
# Benchmark dry run: builds the benchmarks in Release and runs every benchmark once (BenchmarkDotNet's Dry job,
# in-process toolchain) so they cannot rot. Exits non-zero when the build fails or any benchmark throws.
# The real measurements are a README command: see docs/benchmarks.md.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v redis-server >/dev/null 2>&1 || bash .ci/redis.sh || { echo "bench: redis-server install failed"; exit 1; }

log=$(mktemp -d)/bench
if ! dotnet build tests/Codegen.Benchmarks -c Release -nologo -v:q > "$log.build" 2>&1; then
  grep -E "error|warning" "$log.build" | sort -u | head -n 40
  echo "bench: build failed"
  exit 1
fi
start=$SECONDS
dotnet run -c Release --no-build --project tests/Codegen.Benchmarks -- --filter '*' --job Dry --inProcess > "$log.run" 2>&1
status=$?
# What the setups checked (step reasons, round trips, error counts), once each.
grep -E "^// (redis|invalid|after|zoom|asana)" "$log.run" | sort -u | head -n 40
if [ "$status" -ne 0 ] || grep -qE "Benchmarks with issues|ExecuteBenchmarks failed|Exception:" "$log.run"; then
  echo "bench: dry run FAILED (exit $status) after $((SECONDS - start)) s; full log: $log.run"
  tail -n 40 "$log.run"
  exit 1
fi
echo "bench: dry run passed in $((SECONDS - start)) s"
