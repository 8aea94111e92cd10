#!/usr/bin/env bash
# Set-up command 1: installs what is missing, builds escapist, and runs it on the embedded lab
# (examples/lab), then prints gc's own output for the same package for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export PATH="/usr/lib/go-1.27/bin:$PATH"
bash scripts/build.sh build -DCMAKE_BUILD_TYPE=Release
echo "== escapist -m -l examples/lab"
(cd examples/lab && ../../build/escapist -m -l .) || true
echo "== gc: go build -gcflags='-m -l' (the reference)"
(cd examples/lab && go build -o /tmp/escapelab.bin -gcflags='-m -l' . 2>&1) || true
