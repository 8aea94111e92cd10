#!/usr/bin/env python3
"""Tests of package loading as the go command does it (escapist types PATTERN...).

  loader_test.py fixtures  --candidate ESCAPIST   fixture modules under testdata/: exit codes and
                                                  messages (needs only a GOROOT)
  loader_test.py std-files --candidate ESCAPIST   for every package of `go list std` and several
                                                  GOOS/GOARCH, the files escapist selects equal
                                                  go list's GoFiles (CGO_ENABLED=0)
  loader_test.py std-types --candidate ESCAPIST   `escapist types std`: zero errors, exit 0

Exit status 0 pass, 1 fail, 77 skip (no go on PATH, or no GOROOT for the fixtures).
"""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTDATA = os.path.join(HERE, "testdata")
SKIP = 77


def go_env(name):
    if shutil.which("go") is None:
        return None
    try:
        out = subprocess.run(["go", "env", name], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None


def goroot():
    g = go_env("GOROOT")
    if g:
        return g
    if os.environ.get("GOROOT"):
        return os.environ["GOROOT"]
    return "/usr/lib/go-1.27" if os.path.isdir("/usr/lib/go-1.27/src") else None


def run(cand, args, cwd, timeout=120, extra_env=None):
    env = dict(os.environ)
    env.pop("GOFLAGS", None)
    env.update(extra_env or {})
    return subprocess.run([cand] + args, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=env)


# (directory under testdata, arguments, exit code, substrings of stdout+stderr, absent substrings)
FIXTURES = [
    ("replace/app", ["types", "./..."], 0, [], ["error"]),
    ("replace/app", ["types", "example.com/lib/sub", "example.com/lib", "."], 0, [], []),
    # -t: lib with export_test.go, and lib_test importing user, rebuilt against that lib.
    ("replace/app", ["types", "-t", "example.com/lib"], 0, [], []),
    ("replace/lib", ["types", "-t", "./..."], 0, [], []),
    ("missing", ["types", "./..."], 1,
     ["main.go:3:8: package example.com/nothere/x: module example.com/nothere@v1.2.3 is not "
      "available locally"], []),
    ("missing", ["types", "example.com/elsewhere/p"], 1,
     ["no required module provides package example.com/elsewhere/p"], []),
    ("cycle", ["types", "./..."], 1,
     ["package example.com/cycle/a\n\timports example.com/cycle/b from a.go\n\timports "
      "example.com/cycle/a from b.go: import cycle not allowed"], []),
    ("cycle", ["types", "./b"], 1,
     ["package example.com/cycle/b\n\timports example.com/cycle/a from b.go\n\timports "
      "example.com/cycle/b from a.go: import cycle not allowed"], []),
    # _GOOS/_GOARCH suffixes, //go:build (ignore, !linux, tool and release tags), // +build,
    # import "C" without cgo: only a_linux.go c_amd64.go experiment.go build on linux/amd64.
    ("selection", ["types", "."], 0, [], []),
    ("selection", ["types", "--list", "."], 0,
     ["example.com/selection %s [a_linux.go c_amd64.go experiment.go]" % "{dir}"], []),
    ("selection", ["types", "--list", "--goos", "windows", "--goarch", "arm64", "."], 0,
     ["[a_windows.go notlinux.go plusbuild.go]"], []),
    ("selection", ["types", "--goos", "windows", "."], 1,
     ["notlinux.go:5:13: cannot use \"not built\""], []),
    ("selection", ["types", "-t", "."], 1,
     ["sel_test.go:3:13: cannot use \"only with tests\" (untyped string constant) as int value"],
     []),
    # ./... skips testdata, _x, .x, nested modules, dirs without Go files and test-only packages.
    ("walk", ["types", "./..."], 1,
     ["a/b/b.go:3:13: cannot use \"type error in walk/a/b\""],
     ["must be skipped", "test only", "no Go files", "empty"]),
    ("walk", ["types", "--list", "./..."], 0,
     ["example.com/walk ", "example.com/walk/a ", "example.com/walk/a/b ",
      "example.com/walk/onlytests "], ["walk/nested", "walk/testdata", "walk/_skip", "walk/.hidden", "walk/empty"]),
    ("walk", ["types", "./a"], 1, ["a/b/b.go:3:13"], []),
    ("walk", ["types", "example.com/walk/..."], 1, ["a/b/b.go:3:13"], ["must be skipped"]),
    ("walk", ["types", "./onlytests"], 1, ["no non-test Go files in"], []),
    ("walk", ["types", "./empty"], 1, ["no Go files in"], []),
    ("parseerr", ["types", "./..."], 1,
     ["bad/bad.go:5:1: syntax error: unexpected }, expected expression"], []),
    (".", ["types", "nosuch/pkg"], 1, ["package nosuch/pkg is not in std ("], []),
    (".", ["types"], 2, ["usage"], []),
    # The -m command takes an import path for one package.
    ("replace/app", ["-m", "example.com/lib/sub"], 0, ["moved to heap: v"], []),
    # vendor/modules.txt and go >= 1.14: dependencies come from vendor/ (-mod=vendor).
    ("vendored", ["types", "./..."], 0, [], []),
    ("vendored", ["types", "example.com/nothere"], 1,
     ["cannot find module providing package example.com/nothere: import lookup disabled by "
      "-mod=vendor"], []),
    # A required module from the module cache (escaped path example.com/!big!dep@v1.0.0).
    ("modcache/app", ["types", "GOMODCACHE={testdata}/modcache/cache", "./..."], 0, [], []),
    ("modcache/app", ["types", "GOMODCACHE=/nonexistent", "./..."], 1,
     ["main.go:3:8: package example.com/BigDep/inner: module example.com/BigDep@v1.0.0 is not "
      "available locally (not in /nonexistent)"], []),
]


def cmd_fixtures(args):
    if goroot() is None:
        print("SKIP: no GOROOT")
        return SKIP
    fails = []
    for d, cargs, want_rc, want, absent in FIXTURES:
        cwd = os.path.join(TESTDATA, d)
        env = {}
        for a in [a for a in cargs if a.startswith("GOMODCACHE=")]:
            env["GOMODCACHE"] = a.split("=", 1)[1].replace("{testdata}", TESTDATA)
        cargs = [a for a in cargs if not a.startswith("GOMODCACHE=")]
        p = run(args.candidate, cargs, cwd, extra_env=env)
        out = p.stdout + p.stderr
        label = "%s: escapist %s" % (d, " ".join(cargs))
        if p.returncode != want_rc:
            fails.append("%s: exit %d, want %d\n%s" % (label, p.returncode, want_rc, out))
            continue
        for w in want:
            w = w.replace("{dir}", cwd)
            if w not in out:
                fails.append("%s: missing %r in\n%s" % (label, w, out))
        for a in absent:
            if a in out:
                fails.append("%s: unexpected %r in\n%s" % (label, a, out))
    for f in fails:
        print("FAIL " + f)
    print("fixtures: %d cases, %d failures" % (len(FIXTURES), len(fails)))
    return 1 if fails else 0


TARGETS = ["linux/amd64", "linux/arm64", "linux/386", "windows/amd64", "darwin/arm64", "js/wasm",
           "freebsd/riscv64"]


def cmd_std_files(args):
    if go_env("GOROOT") is None:
        print("SKIP: go is not on PATH")
        return SKIP
    fails = 0
    for t in TARGETS:
        goos, goarch = t.split("/")
        env = dict(os.environ, CGO_ENABLED="0", GOOS=goos, GOARCH=goarch, GOFLAGS="")
        want = subprocess.run(["go", "list", "-f", "{{.ImportPath}} {{.Dir}} {{.GoFiles}}", "std"],
                              capture_output=True, text=True, env=env, cwd="/", timeout=300)
        if want.returncode != 0:
            print("FAIL go list std for %s: %s" % (t, want.stderr))
            fails += 1
            continue
        got = run(args.candidate, ["types", "--list", "--goos", goos, "--goarch", goarch, "std"],
                  "/")
        w = want.stdout.splitlines()
        g = got.stdout.splitlines()
        if got.returncode != 0 or w != g:
            fails += 1
            ws, gs = set(w), set(g)
            print("FAIL %s: %d packages from go list, %d from escapist" % (t, len(w), len(g)))
            for line in sorted(ws - gs)[:10]:
                print("  go list only:  " + line)
            for line in sorted(gs - ws)[:10]:
                print("  escapist only: " + line)
        else:
            print("ok %s: %d packages, same files" % (t, len(w)))
    return 1 if fails else 0


def cmd_std_types(args):
    if go_env("GOROOT") is None:
        print("SKIP: go is not on PATH")
        return SKIP
    p = run(args.candidate, ["types", "std"], "/", timeout=600)
    lines = (p.stdout + p.stderr).splitlines()
    for line in lines[:30]:
        print(line)
    if p.returncode != 0 or lines:
        print("FAIL escapist types std: exit %d, %d lines of errors" % (p.returncode, len(lines)))
        return 1
    print("ok escapist types std: no errors")
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["fixtures", "std-files", "std-types"])
    ap.add_argument("--candidate", required=True)
    args = ap.parse_args()
    args.candidate = os.path.abspath(args.candidate)
    return {"fixtures": cmd_fixtures, "std-files": cmd_std_files,
            "std-types": cmd_std_types}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
