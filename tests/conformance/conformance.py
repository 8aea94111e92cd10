#!/usr/bin/env python3
"""Conformance of escapist with gc, measured against the installed Go toolchain as the oracle.

Checks, each a subcommand:

  score SUITE       run gc (`go tool compile -m ...`) and escapist on the same files, compare
                    their diagnostics as multisets of (file, line, col, message), and fail if
                    precision, recall or F1 fall below the suite's threshold in thresholds.json
                    (inlining_agreement: F1 of the inlining messages alone).
  errorcheck FILES  apply the Go test suite's `// ERROR "regexp"` rules (cmd/internal/testdir
                    errorCheck) to escapist's output for each file; with --suite, fail if fewer
                    files pass than the threshold. With --verify-gc, gc's own output must pass the
                    same annotations too: an annotation gc does not satisfy is a broken test.
  crash DIR         run escapist on every .go file under DIR with a time limit: zero crashes
                    (signals, internal errors, exit codes other than 0/1/2) and zero hangs.
  lab DIR           every gc -m -l line of DIR's functions that do not call other packages.
  lab-exact DIR     `escapist -m -l .` in DIR byte-identical to `go build -gcflags='-m -l' .`.
  errorcheckdir DIR the files of a multi-package test directory compiled one package at a time
                    (gc with -D test and an importcfg of the earlier ones): identical -m output.
  cli               command-line errors: one line, exit 2.

Files with imports are compiled by gc with an importcfg for the standard library built with
`go list -export`. A suite file whose recipe is `// errorcheckdir` (or errorcheckandrundir) stands
for the packages of its sibling NAME.dir/: gc compiles them one at a time as the Go test driver
does, escapist gets the same packages in the same order (score and errorcheck). Without `go` on
PATH, score/--verify-gc skip with a message (exit 77, which CTest reports as skipped).
"""

import argparse
import atexit
import collections
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77


def go_env(var):
    try:
        return subprocess.run(["go", "env", var], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def header_flags(path):
    """Returns (recipe, flags) from a `// errorcheck -0 -m -l` style first line (as testdir reads
    it: blank lines and build constraints before it are skipped)."""
    first = ""
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            first = line.strip()
            if first and not re.match(r"//(go:build|\s*\+build)(\s|$)", first):
                break
    m = re.match(r"//\s*(errorcheck\w*|compile|run\w*|build)\b(.*)", first)
    if not m:
        return None, []
    return m.group(1), shlex.split(m.group(2))


_importcfg = None
_registered = set()  # temporary files removed at exit


def _remove(path):
    """Removes a temporary file this script made, if it is still there (atexit)."""
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def importcfg():
    """An importcfg naming every std package's export data (built once, cached by go)."""
    global _importcfg
    if _importcfg is None:
        out = subprocess.run(
            ["go", "list", "-export", "-f",
             "{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}", "std"],
            capture_output=True, text=True, check=True).stdout
        fd, path = tempfile.mkstemp(suffix=".importcfg")
        with os.fdopen(fd, "w") as f:
            f.write(out)
        atexit.register(_remove, path)
        _importcfg = path
    return _importcfg


def split_flags(flags):
    """Test-driver flags (-0, -s, -t SECONDS) are interpreted, the rest go to the compiler."""
    expect_ok = "-0" in flags
    out = []
    skip = False
    for f in flags:
        if skip:
            skip = False
        elif f == "-t":
            skip = True  # the driver's time limit and its value
        elif f not in ("-0", "-s"):  # -s: every file of a .dir its own package (dir_packages)
            out.append(f)
    return expect_ok, out


def errorcheck_flags(flags):
    """The compiler flags of an errorcheck run: the Go test driver (cmd/internal/testdir) always
    passes -e (report every error), before the recipe's own flags."""
    return ["-e"] + flags


def run_gc(path, flags):
    # Never `-o /dev/null`: run as root, the compiler renames its output over the device.
    out_obj = os.path.join(tempfile.gettempdir(), "escapist-conformance-%d.o" % os.getpid())
    if out_obj not in _registered:
        _registered.add(out_obj)
        atexit.register(_remove, out_obj)
    cmd = ["go", "tool", "compile", "-p=p", "-o", out_obj, "-importcfg", importcfg()] + flags + [
        os.path.basename(path)]
    p = subprocess.run(cmd, cwd=os.path.dirname(path) or ".", capture_output=True, text=True,
                       timeout=600)
    return p.returncode, p.stdout + p.stderr


def run_candidate(candidate, path, flags, timeout=60):
    if os.sep in candidate and os.path.exists(candidate):
        candidate = os.path.abspath(candidate)  # it runs in the file's directory
    # The package path gc gets (-p=p, as the Go test driver compiles a file), unless given.
    pflag = [] if any(f.startswith("-p=") for f in flags) else ["-p=p"]
    cmd = [candidate] + pflag + flags + [os.path.basename(path)]
    p = subprocess.run(cmd, cwd=os.path.dirname(path) or ".", capture_output=True, text=True,
                       errors="replace", timeout=timeout)
    return p.returncode, p.stdout + p.stderr


def run_gc_package(pkg, flags):
    """`go build -gcflags='FLAGS' PKG`: the flags apply to PKG only, its dependencies are compiled
    with gc's defaults (inlining on), as escapist must assume for their parameter tags."""
    with tempfile.TemporaryDirectory() as tmp:
        p = subprocess.run(["go", "build", "-o", os.path.join(tmp, "out"),
                            "-gcflags=" + " ".join(flags), pkg], cwd=tmp, capture_output=True,
                           text=True, timeout=1200)
    return p.returncode, p.stdout + p.stderr


def run_candidate_package(candidate, pkg, flags, timeout=600):
    if os.sep in candidate and os.path.exists(candidate):
        candidate = os.path.abspath(candidate)
    with tempfile.TemporaryDirectory() as tmp:
        p = subprocess.run([candidate, "--cache", "off"] + flags + [pkg], cwd=tmp,
                           capture_output=True, text=True, errors="replace", timeout=timeout)
    return p.returncode, p.stdout + p.stderr


# ---- multi-package tests: $GOROOT/test/NAME.go's recipe is `// errorcheckdir FLAGS`, its
# packages are the files of NAME.dir/ (cmd/internal/testdir)


DIR_RECIPES = ("errorcheckdir", "errorcheckandrundir")


def dir_packages(path, single=False):
    """The packages of test PATH's sibling directory PATH.dir as testdir's goDirPackages groups
    them: its .go files sorted by name, grouped by package clause in the order each package first
    appears (single, the recipe's -s: every file its own package). Returns [(package path, [file
    names])]; the path is "main" for package main, else "test/" + its first file's name."""
    d = path[:-3] + ".dir"
    pkgs = []
    by_name = {}
    for n in sorted(f for f in os.listdir(d) if f.endswith(".go")):
        with open(os.path.join(d, n), encoding="utf-8", errors="replace") as f:
            m = re.search(r"(?m)^package (\w+)", f.read())
        if not m:
            sys.exit("conformance: cannot find package name in %s" % os.path.join(d, n))
        if single or m.group(1) not in by_name:
            by_name[m.group(1)] = (m.group(1), [])
            pkgs.append(by_name[m.group(1)])
        by_name[m.group(1)][1].append(n)
    return [("main" if name == "main" else "test/" + files[0][:-3], files) for name, files in pkgs]


def errorcheckdir_flags(flags):
    """The compiler flags of a multi-package test: the recipe's, then the driver's -d=panic (-e
    comes first, from run_gc_dir / run_candidate_dir)."""
    return flags + ["-d=panic"]


def run_gc_dir(path, flags, pkgs):
    """gc on the packages of a multi-package test, one at a time, as testdir's compileInDir: in a
    temporary directory, `go tool compile -e -D test -importcfg=CFG -o test/NAME.a -p test/NAME
    FLAGS NAME.dir/FILE.go...` (just `-p=main` for package main), the files named absolute, CFG
    the standard library's importcfg plus every package of the test. Returns [(rc, output)]."""
    d = path[:-3] + ".dir"
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "test"))
        cfg = os.path.join(tmp, "importcfg")
        with open(importcfg()) as f:
            text = f.read()
        for _, files in pkgs:
            text += "\npackagefile test/%s=%s" % (files[0][:-3],
                                                   os.path.join(tmp, "test", files[0][:-3] + ".a"))
        with open(cfg, "w") as f:
            f.write(text)
        for pkg, files in pkgs:
            cmd = ["go", "tool", "compile", "-e", "-D", "test", "-importcfg=" + cfg]
            cmd += ["-p=main"] if pkg == "main" else ["-o", pkg + ".a", "-p", pkg]
            cmd += flags + [os.path.join(d, n) for n in files]
            p = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, errors="replace",
                               timeout=600)
            out.append((p.returncode, p.stdout + p.stderr))
    return out


def run_candidate_dir(candidate, path, flags, pkgs, timeout=60):
    """escapist on the same packages in the same order: `escapist -p=PKG -e FLAGS
    NAME.dir/FILE.go...` in the test's directory (it takes no -D or -importcfg: it finds the
    earlier packages, imported as "./NAME" or "test/NAME", from source). Returns [(rc, output)]."""
    if os.sep in candidate and os.path.exists(candidate):
        candidate = os.path.abspath(candidate)
    dname = os.path.basename(path)[:-3] + ".dir"
    out = []
    for pkg, files in pkgs:
        cmd = [candidate, "-p=" + pkg, "-e"] + flags + [os.path.join(dname, n) for n in files]
        try:
            p = subprocess.run(cmd, cwd=os.path.dirname(path) or ".", capture_output=True,
                               text=True, errors="replace", timeout=timeout)
            out.append((p.returncode, p.stdout + p.stderr))
        except subprocess.TimeoutExpired:
            out.append((124, "timeout\n"))
    return out


def joined(outputs):
    """The outputs of a multi-package test's compiles as one text."""
    return "".join(o if o.endswith("\n") or not o else o + "\n" for _, o in outputs)


DIAG = re.compile(r"^(.*?\.go):(\d+):(?:(\d+):)? (.*)$")
# A position quoted in a message (-m=2: "from &x (address-of) at FILE:L:C") is compared by its
# file's basename: gc names the file absolute (symbolic links resolved), escapist as it was given.
QUOTED_POS = re.compile(r"(?<![^\s(])[^\s:()]*/([^\s:/()]+\.go:\d)")


def parse_diags(output):
    """Diagnostics as (basename, line, col, message), positions quoted in the message by their
    basename too; `#` lines and tab continuations dropped."""
    out = []
    for line in output.splitlines():
        if not line or line.startswith("#") or line.startswith("\t") or line.startswith("go tool"):
            continue
        m = DIAG.match(line)
        if m:
            out.append((os.path.basename(m.group(1)), int(m.group(2)), int(m.group(3) or 0),
                        QUOTED_POS.sub(r"\1", m.group(4))))
    return out


# ---- errorcheck: cmd/internal/testdir errorCheck, on messages without columns


ERR_RE = re.compile(r"// (?:GC_)?ERROR (.*)")
QUOTED = re.compile(r'"([^"]*)"')


_POSIX = {"alpha": "a-zA-Z", "digit": "0-9", "alnum": "a-zA-Z0-9", "upper": "A-Z",
          "lower": "a-z", "space": r"\s", "punct": r"!-/:-@\[-`{-~", "xdigit": "0-9A-Fa-f",
          "word": r"\w"}


def go_regexp_to_python(rx):
    """The RE2 constructs Python's re lacks: \\Q..\\E, [:class:], \\z, \\pL."""
    rx = rx.replace(r"\Q", "").replace(r"\E", "")
    rx = re.sub(r"\[:(\w+):\]", lambda m: _POSIX.get(m.group(1), m.group(0)), rx)
    return rx.replace(r"\z", r"\Z").replace(r"\pL", r"[^\W\d_]").replace(r"\p{L}", r"[^\W\d_]")


def expectations(path):
    exps = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for lineno, line in enumerate(f, 1):
            if "////" in line:
                continue
            m = ERR_RE.search(line)
            if not m:
                continue
            for q in QUOTED.finditer(m.group(1)):
                raw = q.group(1)  # the text between the quotes, not unquoted (as testdir)
                raw = re.sub(r"LINE([+-]\d+)?",
                             lambda mm: "%s:%d" % (os.path.basename(path),
                                                   lineno + int(mm.group(1) or 0)), raw)
                exps.append((lineno, go_regexp_to_python(raw)))
    return exps


def driver_messages(output):
    """The compiler's messages as the Go test driver sees them: a line starting with a tab
    continues the previous message (joined with a newline); `#`, `go tool` and <autogenerated>
    lines are dropped. Returns (file basename or None, line, text after the first space)."""
    lines = []
    for line in output.splitlines():
        if line.startswith("\t") and lines:
            lines[-1] += "\n" + line
        elif (line.strip() and not line.startswith("#") and not line.startswith("go tool")
              and not line.startswith("<autogenerated>")):
            lines.append(line)
    out = []
    for line in lines:
        m = DIAG.match(line.split("\n", 1)[0])
        text = line.split(" ", 1)[1] if " " in line else line
        if m:
            out.append((os.path.basename(m.group(1)), int(m.group(2)), text))
        else:
            out.append((None, 0, line))
    return out


def errorcheck(path, output, rc, expect_ok, package_files=None):
    """Returns a list of failure strings (empty: pass). With package_files (the paths of one
    package of a multi-package test), the annotations of all of them are checked against output."""
    fails = []
    if expect_ok and rc != 0:
        fails.append("exit status %d, want 0" % rc)
    if not expect_ok and rc == 0:
        fails.append("exit status 0, want an error")
    files = package_files or [path]
    bases = [os.path.basename(p) for p in files]
    # Messages about other files (imported packages) and stray output are unmatched errors, as
    # in the Go test driver. For a package of a multi-package test the driver drops them instead
    # (positions in an earlier package: its generic functions instantiated here).
    msgs = [((f, l) if f in bases else None, m) for (f, l, m) in driver_messages(output)]
    if package_files:
        msgs = [(k, m) for (k, m) in msgs if k is not None]
    remaining = list(msgs)
    for base, lineno, rx in [(os.path.basename(p), l, rx) for p in files
                             for l, rx in expectations(p)]:
        on_line = [i for i, (k, m) in enumerate(remaining) if k == (base, lineno)]
        if not on_line:
            fails.append("%s:%d: missing error %r" % (base, lineno, rx))
            continue
        try:
            pat = re.compile(rx)
        except re.error as e:
            fails.append("%s:%d: bad regexp %r: %s" % (base, lineno, rx, e))
            continue
        matched = [i for i in on_line if pat.search(remaining[i][1])]
        if not matched:
            fails.append("%s:%d: no match for %r in %s" % (
                base, lineno, rx, [remaining[i][1] for i in on_line]))
            continue
        for i in sorted(matched, reverse=True):
            del remaining[i]
    for k, m in remaining:
        fails.append("%s:%d: unmatched: %s" % (k[0], k[1], m) if k else "unmatched: %s" % m)
    return fails


def errorcheck_dir(path, recipe, expect_ok, pkgs, outputs):
    """errorcheck for each package of a multi-package test, against the annotations in its files.
    As testdir: with an expected error (no -0) the last package's compile must fail
    (errorcheckandrundir: the one before it), every other package's must succeed."""
    err_pkg = len(pkgs) - 1 - (recipe == "errorcheckandrundir" and not expect_ok)
    d = path[:-3] + ".dir"
    fails = []
    for i, ((pkg, files), (rc, out)) in enumerate(zip(pkgs, outputs)):
        fails += ["%s: %s" % (pkg, f) for f in errorcheck(
            path, out, rc, expect_ok or i != err_pkg, [os.path.join(d, n) for n in files])]
    return fails


def load_suites():
    with open(os.path.join(HERE, "suites.json")) as f:
        return json.load(f)


def load_thresholds():
    with open(os.path.join(HERE, "thresholds.json")) as f:
        return json.load(f)


def select_files(testdir, rule):
    """Files under testdir (recursively) whose first `// recipe` line is rule["recipe"] exactly
    (followed by a space or the end of the line) and has none of rule["exclude_flags"]."""
    out = []
    head = re.compile(r"^// %s( |$)(.*)" % re.escape(rule["recipe"]))
    for root, dirs, names in os.walk(testdir):
        dirs.sort()
        for n in sorted(names):
            if not n.endswith(".go"):
                continue
            path = os.path.join(root, n)
            with open(path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    if line.startswith("// errorcheck"):
                        m = head.match(line.rstrip("\n"))
                        if m and not any(x in m.group(2) for x in rule.get("exclude_flags", [])):
                            out.append(path)
                        break
    return out


def suite_files(name):
    """A suite's files: a fixed list ("files") or a selection rule ("select") over $GOROOT/test."""
    suites = load_suites()
    if name not in suites:
        sys.exit("conformance: unknown suite %s (have %s)" % (name, ", ".join(sorted(suites))))
    goroot = go_env("GOROOT")
    testdir = os.path.join(goroot, "test")
    if "select" in suites[name]:
        return select_files(testdir, suites[name]["select"])
    return [os.path.join(testdir, f) for f in suites[name]["files"]]


def cmd_score(args):
    if go_env("GOROOT") is None:
        print("SKIP: no go toolchain on PATH; the conformance oracle is gc itself")
        return SKIP
    suite = load_suites().get(args.suite, {})
    packages = suite.get("packages")
    files = packages if packages else suite_files(args.suite)
    testdir = os.path.join(go_env("GOROOT"), "test")
    tp = n_truth = n_cand = 0
    kinds = collections.Counter()
    kinds_cand = collections.Counter()
    kinds_tp = collections.Counter()
    for path in files:
        if packages:
            flags = suite.get("flags", ["-m"]) + args.extra
            _, gc_out = run_gc_package(path, flags)
            _, c_out = run_candidate_package(args.candidate, path, flags)
        else:
            recipe, hflags = header_flags(path)
            _, flags = split_flags(hflags + args.extra)
            if recipe in DIR_RECIPES:
                pkgs = dir_packages(path, "-s" in hflags)
                flags = errorcheckdir_flags(flags)
                gc_out = joined(run_gc_dir(path, flags, pkgs))
                c_out = joined(run_candidate_dir(args.candidate, path, flags, pkgs))
            else:
                _, gc_out = run_gc(path, flags)
                _, c_out = run_candidate(args.candidate, path, flags)
        truth = collections.Counter(parse_diags(gc_out))
        cand = collections.Counter(parse_diags(c_out))
        common = truth & cand
        t = sum(common.values())
        tp += t
        n_truth += sum(truth.values())
        n_cand += sum(cand.values())
        for d, k in truth.items():
            kinds[message_kind(d[3])] += k
        for d, k in cand.items():
            kinds_cand[message_kind(d[3])] += k
        for d, k in common.items():
            kinds_tp[message_kind(d[3])] += k
        if args.verbose:
            for d in sorted((truth - cand).elements()):
                print("  missing %s:%d:%d: %s" % d)
            for d in sorted((cand - truth).elements()):
                print("  extra   %s:%d:%d: %s" % d)
        print("%-28s gc=%-4d escapist=%-4d match=%d" % (path if packages else
                                                        os.path.relpath(path, testdir),
                                                        sum(truth.values()),
                                                        sum(cand.values()), t))
    p, r, f1 = prf(tp, n_cand, n_truth)
    for k in sorted(kinds):
        print("  %-26s recall %5.1f%% (%d/%d)" % (k, 100 * kinds_tp[k] / kinds[k], kinds_tp[k],
                                                   kinds[k]))
    i_tp, i_cand, i_truth = (sum(c[k] for k in INLINING_KINDS)
                             for c in (kinds_tp, kinds_cand, kinds))
    ip, ir, if1 = prf(i_tp, i_cand, i_truth)
    print("inlining (%s): %.1f%% (P=%.1f%% R=%.1f%%) over %d diagnostics, escapist %d" % (
        ", ".join(INLINING_KINDS), 100 * if1, 100 * ip, 100 * ir, i_truth, i_cand))
    print("agreement: %.1f%% (P=%.1f%% R=%.1f%%) over %d diagnostics" % (100 * f1, 100 * p,
                                                                        100 * r, n_truth))
    th = load_thresholds().get(args.suite, {})
    ok = f1 >= th.get("agreement", 0) and p >= th.get("precision", 0) and r >= th.get("recall", 0)
    ok = ok and if1 >= th.get("inlining_agreement", 0)
    if not ok:
        print("FAIL: below the thresholds in thresholds.json: %s" % th)
        return 1
    return 0


def prf(tp, n_cand, n_truth):
    """Precision, recall and their harmonic mean (F1, the agreement)."""
    p = tp / n_cand if n_cand else 0.0
    r = tp / n_truth if n_truth else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


# The inliner's messages (message_kind), scored on their own as well: inlining_agreement.
INLINING_KINDS = ("can inline", "inlining call", "devirtualizing")


def message_kind(msg):
    for k, rx in (("can inline", r"^can inline "), ("inlining call", r"^inlining call to "),
                  ("devirtualizing", r"devirtualizing "),
                  ("moved to heap", r"^moved to heap"), ("leaking param", r"^leaking param"),
                  ("does not escape", r"does not escape$"), ("escapes to heap", r"escapes to heap$"),
                  ("self-assignment", r"ignoring self-assignment")):
        if re.search(rx, msg):
            return k
    return "other"


def cmd_errorcheck(args):
    have_go = go_env("GOROOT") is not None
    if args.verify_gc and not have_go:
        print("SKIP: --verify-gc needs a go toolchain on PATH")
        return SKIP
    if args.suite and not have_go:
        print("SKIP: suite %s lives in $GOROOT/test; no go toolchain on PATH" % args.suite)
        return SKIP
    files = list(args.files)
    if args.suite:
        files += suite_files(args.suite)

    def one(path):
        """(printed lines, passed, broken test) for one file."""
        lines = []
        recipe, hflags = header_flags(path)
        if recipe is None or not recipe.startswith("errorcheck"):
            return ["%s: not an errorcheck test" % path], False, True
        expect_ok, flags = split_flags(hflags)
        if recipe in DIR_RECIPES:
            pkgs = dir_packages(path, "-s" in hflags)
            flags = errorcheckdir_flags(flags)
        else:
            flags = errorcheck_flags(flags)

        def check(gc):
            """The failures of gc's output (gc true) or the candidate's."""
            if recipe in DIR_RECIPES:
                # The annotations are in NAME.dir's files, checked package by package.
                outs = (run_gc_dir(path, flags, pkgs) if gc else
                        run_candidate_dir(args.candidate, path, flags, pkgs))
                return errorcheck_dir(path, recipe, expect_ok, pkgs, outs)
            if gc:
                rc, out = run_gc(path, flags)
            else:
                try:
                    rc, out = run_candidate(args.candidate, path, flags)
                except subprocess.TimeoutExpired:
                    rc, out = 124, "timeout\n"
            return errorcheck(path, out, rc, expect_ok)

        broken = False
        if args.verify_gc:
            gfails = check(gc=True)
            if gfails:
                broken = True
                lines.append("BROKEN TEST %s: gc itself does not satisfy it:" % path)
                lines += ["    " + f for f in gfails[:10]]
        fails = check(gc=False)
        if fails:
            lines.append("FAIL %s" % os.path.relpath(path))
            lines += ["    " + f for f in fails[: (1000 if args.verbose else 5)]]
        elif args.verbose:
            lines.append("ok   %s" % os.path.relpath(path))
        return lines, not fails, broken

    if args.verify_gc:
        importcfg()  # built once, before the workers start
    passed = 0
    bad_tests = 0
    import concurrent.futures
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        for lines, ok, broken in ex.map(one, files):
            for line in lines:
                print(line)
            passed += ok
            bad_tests += broken
    print("errorcheck: %d/%d files pass" % (passed, len(files)))
    if bad_tests:
        return 1
    need = load_thresholds().get(args.suite, {}).get("errorcheck_pass") if args.suite else None
    if need is not None:
        if passed < need:
            print("FAIL: fewer than %d files pass (thresholds.json)" % need)
            return 1
        return 0
    return 0 if passed == len(files) else 1


def func_ranges_calling_other_packages(path):
    """Line ranges [start, end] of top-level functions whose body calls into an imported package."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    pkgs = set()
    for l in lines:
        m = re.match(r'^\s*(?:(\w+)\s+)?"([^"]+)"\s*$', l)
        if m and not l.strip().startswith("//"):
            pkgs.add(m.group(1) or m.group(2).rsplit("/", 1)[-1])
    ranges = []
    start = None
    for i, l in enumerate(lines, 1):
        if l.startswith("func "):
            start = i
        if start is not None and l.startswith("}") or (start == i and l.rstrip().endswith("}")):
            body = "\n".join(lines[start - 1:i])
            if any(re.search(r"\b%s\.\w+" % re.escape(p), body) for p in pkgs):
                ranges.append((start, i))
            start = None
    return ranges


def cmd_lab(args):
    """escapist -m -l DIR prints exactly gc's lines for every function not calling another package."""
    if go_env("GOROOT") is None:
        print("SKIP: no go toolchain on PATH; the lab is checked against gc itself")
        return SKIP
    flags = args.flags or ["-m", "-l"]
    # `go tool compile` on the package's files: `go build` may answer from its cache.
    srcs = sorted(n for n in os.listdir(args.dir) if n.endswith(".go") and not n.endswith("_test.go"))
    out_obj = os.path.join(tempfile.gettempdir(), "escapist-lab-%d.o" % os.getpid())
    if out_obj not in _registered:
        _registered.add(out_obj)
        atexit.register(_remove, out_obj)
    gc = subprocess.run(["go", "tool", "compile", "-p=escapelab", "-o", out_obj, "-importcfg",
                         importcfg()] + flags + srcs, cwd=args.dir, capture_output=True, text=True)
    if gc.returncode != 0:
        print("gc failed on the lab:\n" + gc.stdout + gc.stderr)
        return 1
    rc, out = run_candidate(args.candidate, os.path.join(args.dir, "."), flags)
    truth = collections.Counter(parse_diags(gc.stdout + gc.stderr))
    cand = collections.Counter(parse_diags(out))
    excluded = {}
    for name in os.listdir(args.dir):
        if name.endswith(".go") and not name.endswith("_test.go"):
            excluded[name] = func_ranges_calling_other_packages(os.path.join(args.dir, name))

    def kept(d):
        return not any(a <= d[1] <= b for a, b in excluded.get(d[0], []))

    truth = collections.Counter({d: n for d, n in truth.items() if kept(d)})
    cand = collections.Counter({d: n for d, n in cand.items() if kept(d)})
    missing = truth - cand
    extra = cand - truth
    for d in sorted(missing.elements()):
        print("missing %s:%d:%d: %s" % d)
    for d in sorted(extra.elements()):
        print("extra   %s:%d:%d: %s" % d)
    print("lab: %d gc lines checked (functions calling other packages excluded: %s), %d missing, "
          "%d extra, escapist exit %d" % (sum(truth.values()), excluded, sum(missing.values()),
                                          sum(extra.values()), rc))
    return 0 if not missing and not extra and rc == 0 else 1


def cmd_cli(args):
    """Usage and input errors: a missing path is one line and exit 2; a syntax error is gc's text
    and exit 1."""
    fails = []
    p = subprocess.run([args.candidate, "-m", "/nonexistent/escapist-test.go"], capture_output=True,
                       text=True, timeout=30)
    if p.returncode != 2 or len(p.stderr.strip().splitlines()) != 1 or p.stdout:
        fails.append("missing path: exit %d, stderr %r" % (p.returncode, p.stderr))
    p = subprocess.run([args.candidate], capture_output=True, text=True, timeout=30)
    if p.returncode != 2 or len(p.stderr.strip().splitlines()) != 1:
        fails.append("no arguments: exit %d, stderr %r" % (p.returncode, p.stderr))
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "bad.go")
        with open(src, "w") as f:
            f.write("package p\n\nfunc f() {\n\tx := \n}\n\nfunc g( {\n}\n")
        p = subprocess.run([args.candidate, "-m", "bad.go"], cwd=d, capture_output=True, text=True,
                           timeout=30)
        if p.returncode != 1:
            fails.append("syntax error: exit %d, want 1" % p.returncode)
        if go_env("GOROOT") is not None:
            rc, gc_out = run_gc(src, [])
            want = [l for l in gc_out.splitlines() if "syntax error" in l]
            got = [l for l in (p.stdout + p.stderr).splitlines() if "syntax error" in l]
            if [l.split(" ", 1)[1] for l in want] != [l.split(" ", 1)[1] for l in got] or \
                    [l.split(":")[1:3] for l in want] != [l.split(":")[1:3] for l in got]:
                fails.append("syntax errors differ from gc:\n  gc:       %s\n  escapist: %s" % (
                    want, got))
    for f in fails:
        print("FAIL " + f)
    print("cli: %d failures" % len(fails))
    return 1 if fails else 0


def cmd_crash(args):
    if args.goroot_test:
        goroot = go_env("GOROOT")
        if goroot is None:
            print("SKIP: --goroot-test needs go on PATH to find $GOROOT/test")
            return SKIP
        args.dir = os.path.join(goroot, "test")
    files = []
    for root, _, names in os.walk(args.dir):
        for n in sorted(names):
            if n.endswith(".go"):
                files.append(os.path.join(root, n))
    files.sort()
    # --every N: a fixed 1-in-N sample (files 0, N, 2N, ... of the sorted list), for a slow
    # (sanitizer) binary; the same files every run, so a failure reproduces.
    if args.every > 1:
        files = files[::args.every]
    crashes = hangs = 0

    def one(path):
        try:
            p = subprocess.run([args.candidate, "-m", path], capture_output=True, text=True,
                               timeout=args.timeout, errors="replace")
        except subprocess.TimeoutExpired:
            return path, None, ""
        return path, p.returncode, p.stdout + p.stderr

    import concurrent.futures
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for path, rc, out in pool.map(one, files):
            if rc is None:
                hangs += 1
                print("HANG  %s" % path)
            elif rc not in (0, 1, 2) or "internal error" in out:
                crashes += 1
                print("CRASH %s (exit %d): %s" % (path, rc, out.strip()[-300:]))
    print("crash: %d files, %d crashes, %d hangs" % (len(files), crashes, hangs))
    return 0 if crashes == 0 and hangs == 0 else 1


def cmd_lab_exact(args):
    """In package directory DIR, `escapist FLAGS .` prints byte for byte what
    `go build -gcflags='FLAGS' .` prints (its `# PATH` header, lines and their order)."""
    if shutil.which("go") is None:
        print("SKIP: no go toolchain on PATH; the lab is checked against gc itself")
        return SKIP
    flags = args.flags or ["-m", "-l"]
    # A non-main package: go build discards the result. (Never `-o /dev/null` here: as root, a
    # compile step can replace the device with a regular file.)
    gc = subprocess.run(["go", "build", "-gcflags=" + " ".join(flags), "."],
                        cwd=args.dir, capture_output=True, text=True)
    cand = subprocess.run([os.path.abspath(args.candidate)] + flags + ["."], cwd=args.dir,
                          capture_output=True, text=True)
    want, got = gc.stderr + gc.stdout, cand.stdout + cand.stderr
    if want == got:
        print("lab exact: %d lines identical to go build -gcflags='%s'" % (len(want.splitlines()), " ".join(flags)))
        return 0
    print("go build printed:\n" + want + "\nescapist printed:\n" + got)
    return 1


def cmd_errorcheckdir(args):
    """The packages of a multi-package test directory, compiled one at a time as the Go test
    driver's errorcheckdir does (files sorted; each file its own package here, `-p test/NAME`;
    later packages import earlier ones as "./NAME" or "test/NAME"). gc compiles each with `-D test`
    and an importcfg naming the earlier packages' export data; escapist gets the same files and -p
    and must find the earlier packages from source. Their -m output must be identical, package by
    package."""
    if shutil.which("go") is None:
        print("SKIP: no go toolchain on PATH; gc is the oracle")
        return SKIP
    flags = args.flags or ["-m", "-l"]

    def norm(text):
        """Diagnostic lines, sorted, files by base name (gc with -D prints them absolute)."""
        out = []
        for l in text.splitlines():
            if l and not l.startswith("#"):
                out.append(os.path.basename(l.split(":", 1)[0]) + ":" + l.split(":", 1)[1] if ":" in l else l)
        return sorted(out)

    cand = os.path.abspath(args.candidate)
    parent, base = os.path.split(os.path.abspath(args.dir))
    work = tempfile.mkdtemp(prefix="escapist-ecdir-")
    try:
        cfg = os.path.join(work, "importcfg")
        shutil.copy(importcfg(), cfg)
        failures = 0
        for name in sorted(f for f in os.listdir(args.dir) if f.endswith(".go")):
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("score")
    s.add_argument("suite")
    s.add_argument("--candidate", required=True)
    s.add_argument("--extra", nargs="*", default=[])
    s.add_argument("-v", "--verbose", action="store_true")
    e = sub.add_parser("errorcheck")
    e.add_argument("files", nargs="*")
    e.add_argument("--suite")
    e.add_argument("--candidate", required=True)
    e.add_argument("--verify-gc", action="store_true")
    e.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    e.add_argument("-v", "--verbose", action="store_true")
    c = sub.add_parser("crash")
    c.add_argument("dir", nargs="?")
    c.add_argument("--goroot-test", action="store_true", help="every .go file under $GOROOT/test")
    c.add_argument("--candidate", required=True)
    c.add_argument("--timeout", type=float, default=10)
    c.add_argument("--every", type=int, default=1, help="check one file in N (sorted order)")
    c.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    lab = sub.add_parser("lab")
    lab.add_argument("dir")
    lab.add_argument("--candidate", required=True)
    lab.add_argument("--flags", nargs="*")
    for name in ("lab-exact", "errorcheckdir"):
        x = sub.add_parser(name)
        x.add_argument("dir")
        x.add_argument("--candidate", required=True)
        x.add_argument("--flags", nargs="*")
    cli = sub.add_parser("cli")
    cli.add_argument("--candidate", required=True)
    args = ap.parse_args()
    return {"score": cmd_score, "errorcheck": cmd_errorcheck, "crash": cmd_crash, "lab": cmd_lab,
            "cli": cmd_cli, "lab-exact": cmd_lab_exact, "errorcheckdir": cmd_errorcheckdir}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
