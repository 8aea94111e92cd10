#!/usr/bin/env python3
"""escapist prove against go test -benchmem (the oracle is the measurement, never a copied figure).

Runs `escapist prove` on each package given: it predicts allocs/op and B/op statically, runs
`go test -run '^$' -bench . -benchmem` itself and compares. A package listed with --exact must
have every benchmark predicted (no unknown) and matching; every package must have no mismatch
and at least --min-known predictions that match. A package listed with --unknown holds
benchmarks whose figures depend on b.N or on a hash seed: each must be predicted "unknown" (a
number there is a guess). Exit 77 (skip) without a go command.
"""
import argparse
import json
import shutil
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--escapist", required=True)
    ap.add_argument("--exact", action="append", default=[], help="package dir: all must match")
    ap.add_argument("--package", action="append", default=[], help="package dir: no mismatch")
    ap.add_argument("--min-known", type=int, default=0, help="floor of matches per --package")
    ap.add_argument("--unknown", action="append", default=[], help="package dir: all unknown")
    ap.add_argument("--benchtime", default="20000x")
    a = ap.parse_args()
    if shutil.which("go") is None:
        print("SKIP: no go command on PATH (go test -benchmem is the oracle)")
        return 77
    failed = False
    kinds = [(p, "exact") for p in a.exact] + [(p, "package") for p in a.package] + [
        (p, "unknown") for p in a.unknown]
    for pkg, kind in kinds:
        r = subprocess.run([a.escapist, "prove", "--json", "--benchtime", a.benchtime, pkg],
                           capture_output=True, text=True)
        if r.returncode not in (0, 1):
            print(f"FAIL {pkg}: escapist prove exit {r.returncode}\n{r.stderr}")
            failed = True
            continue
        rows = json.loads(r.stdout)
        match = [b for b in rows if b.get("verdict") == "match"]
        mism = [b for b in rows if b.get("verdict") == "MISMATCH"]
        unknown = [b for b in rows if not b["known"]]
        unrun = [b for b in rows if "measured" not in b]
        print(f"{pkg}: {len(rows)} benchmarks, {len(match)} match, {len(mism)} mismatch, "
              f"{len(unknown)} unknown")
        for b in mism:
            m = b["measured"]
            print(f"  MISMATCH {b['name']}: predicted {b['bytes_per_op']} B/op "
                  f"{b['allocs_per_op']} allocs/op, measured {m['bytes_per_op']} B/op "
                  f"{m['allocs_per_op']} allocs/op")
        for b in unknown:
            print(f"  unknown {b['name']}: {b['reason']}")
        if mism or unrun:
            failed = True
        if kind == "exact" and len(match) != len(rows):
            print(f"FAIL {pkg}: every benchmark must be predicted exactly")
            failed = True
        if kind == "unknown" and (len(unknown) != len(rows) or not rows):
            print(f"FAIL {pkg}: every benchmark must be unknown")
            failed = True
        if kind == "package" and len(match) < a.min_known:
            print(f"FAIL {pkg}: {len(match)} matches, floor {a.min_known}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
