#!/usr/bin/env bash
# bench/run.sh -- escapist's front end against go/parser and go/types, both sides in one run on the
# same machine and the same inputs; prints a table of medians and ratios.
#
#   bench/run.sh [N]            # N runs of each measurement (default 5), sides alternating
#
# Environment: GOROOT (default /usr/lib/go-1.27), BUILD (default <repo>/build-bench), KERNELS=1
# to also run the Google Benchmark kernels, ALT=path of another escapist-frontend-bench binary (a
# candidate fix) to measure in the same run as "alt-parse" / "alt-check" rows. Target: linux/amd64, CGO_ENABLED=0.
#
# Inputs (made once per run, in $BUILD/bench): files.txt = every GoFiles entry of every `go list
# std` package (1831 files, 20 MB with Go 1.27.4); pkgs.txt = `go list -deps std` (dependency
# order) with each package's directory, GoFiles and ImportMap. Both sides read the same lists.
# Measurements (see bench/go/main.go and bench/frontend_bench.cpp):
#   parse     every file of files.txt, read into memory first; only parsing is timed
#             (go/parser: SkipObjectResolution; "parse+comments": also ParseComments)
#   check     read + parse + type-check every package of pkgs.txt once, in one process, single
#             threaded (go: GOMAXPROCS=1), everything kept until the end; peak RSS of the process
set -euo pipefail

N=${1:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
export GOROOT=${GOROOT:-/usr/lib/go-1.27}
export PATH=$GOROOT/bin:$PATH
export CGO_ENABLED=0 GOOS=linux GOARCH=amd64
OUT=$BUILD/bench
mkdir -p "$OUT"

# Build both sides (Release).
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DESCAPIST_BENCH=ON >/dev/null
fi
ninja -C "$BUILD" -j2 escapist-frontend-bench escapist-kernels >/dev/null
(cd "$ROOT/bench/go" && go build -trimpath -o "$OUT/gofrontend" .)
CXXBIN=$OUT/escapist-frontend-bench
GOBIN=$OUT/gofrontend

# Inputs, once.
go list -f '{{range .GoFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}' std | grep . >"$OUT/files.txt"
go list -deps -f '{{if .GoFiles}}{{.ImportPath}}{{"\t"}}{{.Dir}}{{"\t"}}{{join .GoFiles " "}}{{"\t"}}{{range $k, $v := .ImportMap}}{{$k}}={{$v}} {{end}}{{end}}' std \
  | grep . >"$OUT/pkgs.txt"

RESULTS=$OUT/results.txt
: >"$RESULTS"
# run NAME CMD...: one measurement; appends "name=NAME <the program's line>" to $RESULTS.
run() {
  local name=$1
  shift
  local line
  line=$("$@")
  echo "name=$name $line" >>"$RESULTS"
  echo "  $name: $line" >&2
}

echo "host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(go version); g++ $(g++ -dumpversion)" >&2
for i in $(seq 1 "$N"); do
  echo "round $i/$N" >&2
  if [ $((i % 2)) -eq 1 ]; then
    run go-parse "$GOBIN" parse "$OUT/files.txt"
    run escapist-parse "$CXXBIN" parse "$OUT/files.txt"
    run go-parse+comments "$GOBIN" -comments parse "$OUT/files.txt"
    run go-check "$GOBIN" check "$OUT/pkgs.txt"
    run escapist-check "$CXXBIN" check "$OUT/pkgs.txt"
    if [ -n "${ALT:-}" ]; then
      run alt-parse "$ALT" parse "$OUT/files.txt"
      run alt-check "$ALT" check "$OUT/pkgs.txt"
    fi
  else
    if [ -n "${ALT:-}" ]; then
      run alt-check "$ALT" check "$OUT/pkgs.txt"
      run alt-parse "$ALT" parse "$OUT/files.txt"
    fi
    run escapist-parse "$CXXBIN" parse "$OUT/files.txt"
    run go-parse "$GOBIN" parse "$OUT/files.txt"
    run go-parse+comments "$GOBIN" -comments parse "$OUT/files.txt"
    run escapist-check "$CXXBIN" check "$OUT/pkgs.txt"
    run go-check "$GOBIN" check "$OUT/pkgs.txt"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

python3 - "$RESULTS" "$N" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    kv = dict(f.split("=", 1) for f in line.split())
    rows.setdefault(kv["name"], []).append(kv)

def med(name, key):
    return statistics.median(float(r[key]) for r in rows[name])

def first(name, key):
    vals = {r[key] for r in rows[name]}
    return "/".join(sorted(vals))

print(f"median of {sys.argv[2]} runs each (wall = timed region; cpu = process user+sys over it)")
print(f"{'measurement':<20} {'wall s':>8} {'cpu s':>8} {'MB/s':>7} {'peak RSS MiB':>12} {'files':>6} {'errors':>6}")
for name in ["go-parse", "go-parse+comments", "escapist-parse", "alt-parse", "go-check",
             "escapist-check", "alt-check"]:
    if name not in rows:
        continue
    wall, cpu, rss = med(name, "seconds"), med(name, "cpu_seconds"), med(name, "peak_rss_kib")
    mbs = float(rows[name][0]["bytes"]) / 1e6 / wall
    print(f"{name:<20} {wall:8.3f} {cpu:8.3f} {mbs:7.1f} {rss / 1024:12.1f} {first(name, 'files'):>6} {first(name, 'errors'):>6}")

def ratio(a, b, key):
    return med(a, key) / med(b, key)

print()
print("ratios (>1: escapist better; bars: parse >= 2, check time > 1, check peak RSS > 1)")
print(f"  parse time   go/parser / escapist        wall {ratio('go-parse', 'escapist-parse', 'seconds'):5.2f}x  cpu {ratio('go-parse', 'escapist-parse', 'cpu_seconds'):5.2f}x")
print(f"  parse time   go/parser+comments / esc.   wall {ratio('go-parse+comments', 'escapist-parse', 'seconds'):5.2f}x  cpu {ratio('go-parse+comments', 'escapist-parse', 'cpu_seconds'):5.2f}x")
print(f"  check time   go/types / escapist         wall {ratio('go-check', 'escapist-check', 'seconds'):5.2f}x  cpu {ratio('go-check', 'escapist-check', 'cpu_seconds'):5.2f}x")
print(f"  check memory go/types / escapist peak RSS     {ratio('go-check', 'escapist-check', 'peak_rss_kib'):5.2f}x")
if "alt-check" in rows:
    print(f"  ALT: parse {ratio('go-parse', 'alt-parse', 'seconds'):5.2f}x (cpu {ratio('go-parse', 'alt-parse', 'cpu_seconds'):5.2f}x)"
          f"  check {ratio('go-check', 'alt-check', 'seconds'):5.2f}x (cpu {ratio('go-check', 'alt-check', 'cpu_seconds'):5.2f}x)"
          f"  check memory {ratio('go-check', 'alt-check', 'peak_rss_kib'):5.2f}x")
PY

if [ "${KERNELS:-0}" = 1 ]; then
  "$OUT/escapist-kernels" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
fi
