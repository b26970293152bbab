#!/usr/bin/env bash
# Runs the request API fuzzer for a while: `bash fuzz/run.sh <seconds> [build dir]`.
# Rebuilds the seed corpus (fuzz/make-corpus.mjs) into <build>/seeds, fuzzes with one worker,
# keeping what it learns in <build>/corpus across runs, and writes any crash, time-out or
# leak to <build>/artifacts/. Prints the executions run; exits non-zero on any finding.
# Reproduce a finding: <build>/request_fuzzer <build>/artifacts/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=${2:-build/fuzz}
fuzzer=$build/request_fuzzer
mkdir -p "$build/corpus" "$build/artifacts"
node fuzz/make-corpus.mjs "$fuzzer" "$build/seeds"

# -timeout (wall clock): some valid requests take seconds under the sanitizers (roughly 50x
# slower than the Release build), more on a busy machine, so only one stuck for 20 s is a
# finding. -max_len: longer requests add no coverage, only time.
log=$build/last-run.log
status=0
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
  "$fuzzer" "$build/corpus" "$build/seeds" -dict=fuzz/request.dict -max_total_time="$seconds" \
  -timeout=20 -max_len=4096 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/" \
  >"$log" 2>&1 || status=$?
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
corpus=$(ls "$build/corpus" | wc -l)
if [ $status -ne 0 ]; then
  tail -n 60 "$log" >&2
  echo "fuzz: FAILED after $runs executions (log: $log; finding in $build/artifacts/)" >&2
  exit $status
fi
echo "fuzz: $runs executions in ${seconds} s, no finding; corpus $corpus inputs ($build/corpus)"
