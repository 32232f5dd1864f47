# Sourced by the benchmarks: best() prints the best wall time in ms of
# running "$@" $runs times, after one warm-up run (output discarded).
best() {
  "$@" >/dev/null 2>&1 || true
  b=""
  i=0
  while [ "$i" -lt "$runs" ]; do
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    t=$(( (e - s) / 1000000 ))
    [ "$t" -gt 0 ] || t=1
    if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
    i=$((i + 1))
  done
  echo "$b"
}
