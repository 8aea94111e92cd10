#!/usr/bin/env python3
"""errorcheckdir_test.py --candidate ESCAPIST DIR [FLAGS...]: the packages of a multi-package test
directory, compiled one at a time as the Go test driver's errorcheckdir does (files sorted; each
file its own package here, `-p test/NAME`; later packages import earlier ones as "./NAME" or
"test/NAME"). gc compiles each with `-D test` and an importcfg naming the earlier packages' export
data; escapist gets the same files and -p and must find the earlier packages from source. Their
-m output must be identical, package by package. Exit 77 without go on PATH."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import conformance  # noqa: E402  (importcfg of std)


def norm(text):
    """Diagnostic lines, sorted, each file named by its base name (gc with -D prints it absolute)."""
    out = []
    for l in text.splitlines():
        if l and not l.startswith("#"):
            out.append(os.path.basename(l.split(":", 1)[0]) + ":" + l.split(":", 1)[1] if ":" in l else l)
    return sorted(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--candidate", required=True)
    ap.add_argument("dir")
    ap.add_argument("flags", nargs="*")
    a = ap.parse_args()
    flags = a.flags or ["-m", "-l"]
    if shutil.which("go") is None:
        print("SKIP: no go toolchain on PATH; gc is the oracle")
        return 77
    cand = os.path.abspath(a.candidate)
    parent, base = os.path.split(os.path.abspath(a.dir))
    work = tempfile.mkdtemp(prefix="escapist-ecdir-")
    try:
        cfg = os.path.join(work, "importcfg")
        shutil.copy(conformance.importcfg(), cfg)
        failures = 0
        for name in sorted(f for f in os.listdir(a.dir) if f.endswith(".go")):
            pkg = "test/" + name[:-3]
            src = os.path.join(base, name)
            obj = os.path.join(work, name[:-3] + ".o")
            gc = subprocess.run(["go", "tool", "compile", "-p", pkg, "-D", "test", "-importcfg", cfg,
                                 "-o", obj] + flags + [src], cwd=parent, capture_output=True, text=True)
            if gc.returncode != 0:
                print("gc failed on %s:\n%s" % (src, gc.stdout + gc.stderr))
                return 1
            with open(cfg, "a") as f:
                f.write("packagefile %s=%s\n" % (pkg, obj))
            c = subprocess.run([cand, "-p=" + pkg] + flags + [src], cwd=parent, capture_output=True,
                               text=True)
            want, got = norm(gc.stdout + gc.stderr), norm(c.stdout + c.stderr)
            if want != got or c.returncode != 0:
                failures += 1
                print("FAIL %s (rc %d)\n  gc:\n    %s\n  escapist:\n    %s" % (
                    src, c.returncode, "\n    ".join(want), "\n    ".join(got)))
            else:
                print("ok   %s: %d lines as gc" % (src, len(want)))
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
