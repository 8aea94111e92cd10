#!/usr/bin/env python3
"""lab_exact.py --candidate ESCAPIST DIR [FLAGS...]: in package directory DIR, `escapist FLAGS .`
must print byte for byte what `go build -gcflags='FLAGS' .` prints (its `# PATH` header, lines and
their order). Exit 77 (skipped) without go on PATH. Default FLAGS: -m -l."""
import argparse
import os
import shutil
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--candidate", required=True)
    ap.add_argument("dir")
    ap.add_argument("flags", nargs="*")
    a = ap.parse_args()
    flags = a.flags or ["-m", "-l"]
    if shutil.which("go") is None:
        print("SKIP: no go toolchain on PATH; the lab is checked against gc itself")
        return 77
    # A non-main package: go build discards the result. (Never `-o /dev/null` here: as root, a
    # compile step can replace the device with a regular file.)
    gc = subprocess.run(["go", "build", "-gcflags=" + " ".join(flags), "."],
                        cwd=a.dir, capture_output=True, text=True)
    cand = subprocess.run([os.path.abspath(a.candidate)] + flags + ["."], cwd=a.dir,
                          capture_output=True, text=True)
    want, got = gc.stderr + gc.stdout, cand.stdout + cand.stderr
    if want == got:
        print("lab exact: %d lines identical to go build -gcflags='%s'" % (len(want.splitlines()), " ".join(flags)))
        return 0
    print("go build printed:\n" + want + "\nescapist printed:\n" + got)
    return 1


if __name__ == "__main__":
    sys.exit(main())
