#!/usr/bin/env python3
"""Tests of escapist's per-package result cache (driver/cache.h), run by CTest.

  cache_test.py invalidate --candidate ESCAPIST
      A module of two packages (b imports a) in a temporary directory: a cached run prints what an
      uncached run prints; after a's source changes (a parameter stops leaking, which changes b's
      remarks too), after a file is added to a, and after one is removed, the cached run again
      prints exactly what --cache off prints, and a second run the same.
  cache_test.py kill --candidate ESCAPIST [--pattern encoding/json] [--trials 20]
      kill -9 at random moments during a first run (fresh cache each trial, and one cache shared
      by all trials so that partial states accumulate); every later complete run must print
      exactly what --cache off prints.

Exit 77 (CTest: skipped) when the pattern needs the standard library and no go is on PATH.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77


def run(cand, args, cwd, cache):
    p = subprocess.run([cand, "-m", "-l", "--cache", cache] + args, cwd=cwd,
                       capture_output=True, text=True, timeout=600)
    return p.returncode, p.stdout + p.stderr


def have_go():
    return shutil.which("go") is not None


def cmd_invalidate(a):
    cand = os.path.abspath(a.candidate)
    work = tempfile.mkdtemp(prefix="escapist-cache-")
    try:
        mod = os.path.join(work, "m")
        os.makedirs(os.path.join(mod, "a"))
        os.makedirs(os.path.join(mod, "b"))
        with open(os.path.join(mod, "go.mod"), "w") as f:
            f.write("module example.com/m\n\ngo 1.27\n")
        a_go = os.path.join(mod, "a", "a.go")
        with open(a_go, "w") as f:
            f.write("package a\n\nvar Sink *int\n\nfunc Keep(p *int) { Sink = p }\n")
        with open(os.path.join(mod, "b", "b.go"), "w") as f:
            f.write("package b\n\nimport \"example.com/m/a\"\n\n"
                    "func F() {\n\tx := 1\n\ta.Keep(&x)\n}\n")
        cache = os.path.join(work, "cache")
        failures = []

        def manifests():
            return sorted(os.path.join(d, f) for d, _, fs in os.walk(cache) for f in fs
                          if f.endswith("-manifest"))

        def check(step):
            # Files changed in the last 2 s make escapist skip writing its manifest (their
            # timestamps could still repeat): let them age, so the second run takes the manifest
            # path and the first checks the manifest of the previous step against the new stamps.
            time.sleep(2.1)
            rc_off, off = run(cand, ["./..."], mod, "off")
            rc1, first = run(cand, ["./..."], mod, cache)
            if not manifests():
                failures.append("%s: no manifest written" % step)
            rc2, second = run(cand, ["./..."], mod, cache)
            if (rc1, first) != (rc_off, off) or (rc2, second) != (rc_off, off):
                failures.append("%s: --cache off printed (rc %d)\n%s\ncached runs printed (rc %d, %d)\n%s\n%s"
                                % (step, rc_off, off, rc1, rc2, first, second))
            return off

        out0 = check("initial")
        if "moved to heap: x" not in out0:
            failures.append("initial: expected b's x to move to heap:\n" + out0)
        with open(a_go, "w") as f:
            f.write("package a\n\nvar Sink int\n\nfunc Keep(p *int) { Sink = *p }\n")
        out1 = check("after editing a")
        if "moved to heap: x" in out1:
            failures.append("after editing a: x should no longer move to heap:\n" + out1)
        with open(os.path.join(mod, "a", "more.go"), "w") as f:
            f.write("package a\n\nfunc Also(p *int) *int { return p }\n")
        out2 = check("after adding a file")
        if "leaking param: p to result" not in out2:
            failures.append("after adding a file: Also's p should leak to its result:\n" + out2)
        os.remove(os.path.join(mod, "a", "more.go"))
        out3 = check("after removing a file")
        if out3 != out1:
            failures.append("after removing a file: expected the output before it was added")
        for f in failures:
            print("FAIL " + f)
        print("cache invalidate: %d failures" % len(failures))
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def cmd_kill(a):
    cand = os.path.abspath(a.candidate)
    work = tempfile.mkdtemp(prefix="escapist-kill-")
    rng = random.Random(a.seed)
    try:
        rc_ref, ref = run(cand, [a.pattern], work, "off")
        t0 = time.monotonic()
        run(cand, [a.pattern], work, os.path.join(work, "timing"))
        cold = time.monotonic() - t0
        shared = os.path.join(work, "shared")
        failures = 0
        for i in range(a.trials):
            for cache in (os.path.join(work, "fresh%d" % i), shared):
                delay = rng.uniform(0, cold)
                p = subprocess.Popen([cand, "-m", "-l", "--cache", cache, a.pattern], cwd=work,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(delay)
                killed = p.poll() is None
                if killed:
                    p.send_signal(signal.SIGKILL)
                p.wait()
                rc, out = run(cand, [a.pattern], work, cache)
                ok = (rc, out) == (rc_ref, ref)
                print("trial %2d %-6s kill after %.2fs of %.2fs%s: %s" %
                      (i + 1, "fresh" if cache != shared else "shared", delay, cold,
                       "" if killed else " (had finished)", "ok" if ok else "OUTPUT DIFFERS"))
                failures += not ok
        print("cache kill: %d trials x 2, %d failures" % (a.trials, failures))
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    inv = sub.add_parser("invalidate")
    inv.add_argument("--candidate", required=True)
    k = sub.add_parser("kill")
    k.add_argument("--candidate", required=True)
    k.add_argument("--pattern", default="encoding/json")
    k.add_argument("--trials", type=int, default=20)
    k.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if not have_go():
        print("SKIP: needs the standard library of an installed go (none on PATH)")
        return SKIP
    return cmd_invalidate(a) if a.cmd == "invalidate" else cmd_kill(a)


if __name__ == "__main__":
    sys.exit(main())
