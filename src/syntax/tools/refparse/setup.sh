#!/usr/bin/env bash
# Builds refparse, the reference for escapist's parser: gc's own syntax package (copied from
# GOROOT, tests excluded) plus main.go, which prints gc's syntax errors and the tree converted to
# escapist's AST shapes in DumpFile's format. Compare with escapist-parse:
#   refparse -branches -dump FILE   vs   escapist-parse -dump FILE
#   refparse -strings FILE          vs   escapist-parse -strings FILE
# Usage: setup.sh OUTDIR  (needs Go 1.27 on PATH or in /usr/lib/go-1.27/bin)
set -euo pipefail
out=${1:?usage: setup.sh OUTDIR}
export PATH=/usr/lib/go-1.27/bin:$PATH
goroot=$(go env GOROOT)
mkdir -p "$out/syntax"
for f in "$goroot"/src/cmd/compile/internal/syntax/*.go; do
  case $f in *_test.go) ;; *) cp "$f" "$out/syntax/" ;; esac
done
sed "/^\/\/go:build ignore$/d" "$(dirname "$0")/main.go" > "$out/main.go"
printf 'module refparse\ngo 1.27\n' > "$out/go.mod"
(cd "$out" && go build -o refparse .)
echo "$out/refparse"
