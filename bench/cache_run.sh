#!/usr/bin/env bash
# bench/cache_run.sh [ESCAPIST] [PATTERN] [RUNS]: whole-run times of `escapist -m -l PATTERN`
# with an empty result cache (first run) and with the cache it left (second run), medians of RUNS
# each, the ratio, and whether both print the same. Issue 4's bar: on std, the second run >= 10x
# faster than the first, with the same output.
set -euo pipefail
BIN=${1:-build/escapist}
PATTERN=${2:-std}
RUNS=${3:-3}
command -v go >/dev/null || { echo "cache_run.sh: needs go on PATH (the standard library)"; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s.%N; }
: >"$WORK/cold" && : >"$WORK/warm"
for i in $(seq "$RUNS"); do
  rm -rf "$WORK/cache"
  t0=$(now); "$BIN" -m -l --cache "$WORK/cache" "$PATTERN" >"$WORK/out1"; t1=$(now)
  "$BIN" -m -l --cache "$WORK/cache" "$PATTERN" >"$WORK/out2"; t2=$(now)
  awk -v a="$t0" -v b="$t1" "BEGIN{print b-a}" >>"$WORK/cold"
  awk -v a="$t1" -v b="$t2" "BEGIN{print b-a}" >>"$WORK/warm"
  cmp -s "$WORK/out1" "$WORK/out2" || { echo "cache_run.sh: outputs differ (run $i)"; exit 1; }
done
cold=$(median <"$WORK/cold"); warm=$(median <"$WORK/warm")
printf 'escapist -m -l %s: %d lines of output, identical on both runs\n' "$PATTERN" "$(wc -l <"$WORK/out1")"
printf 'first run (empty cache)   %8.3f s  (median of %d)\n' "$cold" "$RUNS"
printf 'second run (cache filled) %8.3f s\n' "$warm"
printf 'ratio                     %8.1fx  (bar >= 10)\n' "$(awk -v a="$cold" -v b="$warm" "BEGIN{print a/b}")"
