# Sourced by .ci/run after the tests: the CI jobs that are not unit tests. Each one counts as one check in the
# closing line (passed or failed), so a broken job can never hide behind green tests.
run_job() {
  local name=$1; shift
  if [ ! -f "$1" ]; then return; fi
  echo "== CI job: $name"
  if bash "$@"; then
    passed=$((passed + 1))
  else
    echo "CI job failed: $name"
    failed=$((failed + 1))
  fi
}
run_job "corpus (generate and compile every spec in ../shared/corpus)" .ci/corpus.sh
run_job "benchmarks (dry run, each benchmark once)" .ci/bench.sh
