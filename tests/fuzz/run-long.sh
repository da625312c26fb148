#!/bin/sh
# Runs every libFuzzer target of tests/fuzz (and the SAM codec's) for long: RUNS executions each
# (ten million unless told otherwise), one after another at nice 19, each from its committed
# corpus into a scratch corpus of its own. Prints one line per target: executions, seconds,
# CPU seconds (user and system, by /usr/bin/time: on a shared machine executions per CPU second
# compare two runs better than per second of the clock), crashes, coverage (libFuzzer's cov:
# edges and ft: features) and corpus size; a crash leaves its input in WORK/<target>/ and makes
# the script exit non-zero at the end.
#   tests/fuzz/run-long.sh BUILD_DIR [RUNS] [TARGET…]
# MAX_TIME=seconds also bounds each target's run (libFuzzer's -max_total_time), for a machine
# that cannot spare hours: the line then shows the executions actually made.
# TIMEOUT=seconds is libFuzzer's per-input limit (10 unless told). It is wall-clock time, so on a
# shared machine a target at nice 19 can be starved past it by an input that runs in milliseconds:
# each timeout input is therefore run again alone, and the line says whether it took long again
# ("timeouts real") or not ("timeouts starved"; the run still stopped there).
# Build the fuzzers first: cmake --build BUILD_DIR --target kiosk_fuzzers fuzz_samcodec
set -u
build=${1:?usage: run-long.sh BUILD_DIR [RUNS] [TARGET...]}
runs=${2:-10000000}
shift $(( $# >= 2 ? 2 : 1 ))
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-$build/fuzz-long}
targets=${*:-"hidposreport wedgekeys scanpayload admincode platformresponse catalogue config httpmessage ippstatus samcodec"}
failed=0
mkdir -p "$work"
printf '%-18s %12s %9s %9s %7s %8s %8s %7s\n' target executions seconds cpu crashes edges features corpus
timer=
[ -x /usr/bin/time ] && timer="/usr/bin/time -f %U+%S -o"
for target in $targets; do
  if [ "$target" = samcodec ]; then
    fuzzer=$build/tests/drivers/idcard/fuzz-clang/fuzz_samcodec
    corpus=$source_dir/tests/drivers/idcard/data/samcodec-corpus
  else
    fuzzer=$build/tests/fuzz/clang/fuzz_$target
    corpus=$source_dir/tests/fuzz/corpus/$target
  fi
  dir=$work/$target
  rm -rf "$dir" && mkdir -p "$dir/corpus"
  start=$(date +%s)
  rm -f "$dir.cpu"
  nice -n 19 ${timer:+$timer "$dir.cpu"} "$fuzzer" "$dir/corpus" "$corpus" -seed=1 -runs="$runs" -max_total_time="${MAX_TIME:-0}" -timeout="${TIMEOUT:-10}" -rss_limit_mb=2048 \
    -artifact_prefix="$dir/" -print_final_stats=1 >"$dir/log" 2>&1
  status=$?
  seconds=$(( $(date +%s) - start ))
  cpu=$(printf "%.1f" "$(tail -1 "$dir.cpu" 2>/dev/null | bc 2>/dev/null)" 2>/dev/null)
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$dir/log" | tail -1)
  edges=$(printf '%s' "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
  features=$(printf '%s' "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
  crashes=$(ls "$dir" | grep -cE '^(crash|leak|timeout|oom)-')
  note=
  for input in "$dir"/timeout-*; do
    [ -e "$input" ] || continue
    if nice -n 19 "$fuzzer" -timeout="${TIMEOUT:-10}" -runs=1 "$input" >"$input.again" 2>&1; then
      note="$note timeouts starved ($(sed -n 's/^Executed .* in \([0-9]* ms\)$/\1/p' "$input.again") alone)"
    else
      note="$note timeouts real"
    fi
  done
  printf '%-18s %12s %9s %9s %7s %8s %8s %7s%s\n' "$target" "${executions:-?}" "$seconds" "${cpu:-?}" "$crashes" "${edges:-?}" "${features:-?}" "$(ls "$dir/corpus" | wc -l)" "$note"
  [ "$status" -eq 0 ] || failed=1
done
exit $failed
