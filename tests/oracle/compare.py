#!/usr/bin/env python3
"""Agreement of escapist's type checker with go/types over standard-library packages.

Builds the oracle (tests/oracle/main.go, go/types) with the installed go, runs it and
`escapist-check -dump-info` over the packages, and compares their dumps (format: main.go).
Entries are compared as multisets keyed by (tag, position) with tag T (Info.Types), D (Defs)
or U (Uses):

    matched   = entries equal in both dumps
    agreement = matched / (go/types entries + escapist entries - matched)

so an entry escapist lacks and an entry only escapist has both count against it. Prints the
agreement per package (worst first) and overall, then the most common kinds of mismatch with
examples. Exits 1 if the overall agreement or any package's is below --min, 77 if go is not
installed, 2 on other failures.

    compare.py --escapist build/tests/types/escapist-check            # all of `go list std`
    compare.py --escapist ... fmt strings encoding/json                # some packages
    compare.py --escapist ... --mismatches /tmp/mm.txt                 # every mismatch, to grep
"""
import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = {"T": ("mode", "type", "value"), "D": ("name", "kind", "pkg", "type"),
          "U": ("name", "kind", "pkg", "type")}


def go_env():
    env = dict(os.environ, GOOS="linux", GOARCH="amd64", CGO_ENABLED="0", GOTOOLCHAIN="local",
               GOWORK="off", GOFLAGS="")
    return env


def read_dump(path):
    """Returns {(tag, pos): Counter(rest)} and the entry count of one dump file."""
    entries = collections.defaultdict(collections.Counter)
    n = 0
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                parts = line.split("\t")
                entries[(parts[0], parts[1])]["\t".join(parts[2:])] += 1
                n += 1
    except FileNotFoundError:
        return None, 0
    return entries, n


def similarity(tag, a, b):
    fa, fb = a.split("\t"), b.split("\t")
    return sum(1 for x, y in zip(fa, fb) if x == y)


def compare(go, esc, mismatches):
    """Compares two dumps of one package; appends (category, pos, go, esc) to mismatches."""
    matched = 0
    for key in set(go) | set(esc):
        g, e = go.get(key, collections.Counter()), esc.get(key, collections.Counter())
        common = g & e
        matched += sum(common.values())
        gl = sorted((g - common).elements())
        el = sorted((e - common).elements())
        tag, pos = key
        # Pair the leftovers at this position by similarity; the rest are missing/extra.
        while gl and el:
            best = max(((similarity(tag, a, b), i, j) for i, a in enumerate(gl)
                        for j, b in enumerate(el)))
            _, i, j = best
            a, b = gl.pop(i), el.pop(j)
            fa, fb = a.split("\t"), b.split("\t")
            names = FIELDS[tag]
            diff = [names[k] if k < len(names) else "field%d" % k
                    for k in range(max(len(fa), len(fb)))
                    if (fa[k] if k < len(fa) else None) != (fb[k] if k < len(fb) else None)]
            cat = "%s %s differs" % (tag, "+".join(diff))
            if tag == "T" and diff == ["type"]:
                # Subdivide by what the types look like, e.g. untyped vs typed constants.
                ua, ub = fa[1].startswith("untyped "), fb[1].startswith("untyped ")
                if ua != ub:
                    cat += " (untyped in %s)" % ("go/types" if ua else "escapist")
            mismatches.append((cat, pos, a, b))
        for a in gl:
            fa = a.split("\t")
            what = fa[0] if tag == "T" else fa[1]
            mismatches.append(("%s missing in escapist (%s)" % (tag, what), pos, a, None))
        for b in el:
            fb = b.split("\t")
            what = fb[0] if tag == "T" else fb[1]
            mismatches.append(("%s extra in escapist (%s)" % (tag, what), pos, None, b))
    return matched


def run(cmd, env=None, log=None):
    with open(log, "w") if log else open(os.devnull, "w") as err:
        return subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err).returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("packages", nargs="*", help="import paths (default: go list std but unsafe)")
    ap.add_argument("--escapist", required=True, help="the escapist-check binary")
    ap.add_argument("--oracle", help="where to build the oracle binary (default: in --work)")
    ap.add_argument("--work", help="directory for the dumps (default: a temporary one, removed)")
    ap.add_argument("--min", type=float, default=99.9, help="minimum agreement in percent")
    ap.add_argument("--examples", type=int, default=3, help="examples per mismatch kind")
    ap.add_argument("--kinds", type=int, default=25, help="mismatch kinds to show")
    ap.add_argument("--mismatches", help="write every mismatch to this file")
    ap.add_argument("--quiet", action="store_true", help="per-package lines only below --min")
    args = ap.parse_args()

    if shutil.which("go") is None:
        print("SKIP: go is not on PATH; the go/types oracle needs it", file=sys.stderr)
        return 77
    env = go_env()
    work = args.work or tempfile.mkdtemp(prefix="escapist-oracle-")
    try:
        return compare_all(args, env, work)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


def compare_all(args, env, work):
    goroot = subprocess.run(["go", "env", "GOROOT"], env=env, capture_output=True, text=True,
                            check=True).stdout.strip()
    oracle = os.path.abspath(args.oracle or os.path.join(work, "oracle"))
    r = subprocess.run(["go", "build", "-o", oracle, "."], cwd=HERE, env=env)
    if r.returncode != 0:
        print("cannot build the oracle", file=sys.stderr)
        return 2
    # Package unsafe is built into both checkers; go/types would check unsafe.go like any
    # package only because the oracle hands it the file, so it is left out of the default list.
    pkgs = args.packages or [p for p in subprocess.run(
        ["go", "list", "std"], env=env, capture_output=True, text=True, check=True).stdout.split()
        if p != "unsafe"]
    godir, escdir = os.path.join(work, "go"), os.path.join(work, "escapist")
    for d in (godir, escdir):
        os.makedirs(d, exist_ok=True)
    codes = {}
    threads = [
        threading.Thread(target=lambda: codes.__setitem__("go", run(
            [oracle, "-o", godir, "-goroot", goroot] + pkgs, env, os.path.join(work, "go.log")))),
        threading.Thread(target=lambda: codes.__setitem__("escapist", run(
            [os.path.abspath(args.escapist), "-dump-info", "-goroot=" + goroot, "-o", escdir] + pkgs,
            env, os.path.join(work, "escapist.log")))),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if codes["escapist"] not in (0, 1):
        print("escapist-check failed (status %d); see %s" % (codes["escapist"], os.path.join(work, "escapist.log")),
              file=sys.stderr)

    mismatches = []
    rows = []
    total_go = total_esc = total_matched = 0
    for p in pkgs:
        name = p[len("vendor/"):] if p.startswith("vendor/") else p
        fname = name.replace("/", "%") + ".txt"
        go, ngo = read_dump(os.path.join(godir, fname))
        esc, nesc = read_dump(os.path.join(escdir, fname))
        # A package without buildable files (only tests, only cgo) has an empty go/types dump
        # and none from escapist.
        if go is None:
            print("%s: no go/types dump (see %s)" % (p, os.path.join(work, "go.log")), file=sys.stderr)
            go = {}
        if esc is None:
            if ngo > 0:
                print("%s: no escapist dump (see %s)" % (p, os.path.join(work, "escapist.log")),
                      file=sys.stderr)
            esc = {}
        pm = []
        matched = compare(go, esc, pm)
        mismatches.extend((c, name, pos, a, b) for c, pos, a, b in pm)
        union = ngo + nesc - matched
        rows.append((100.0 * matched / union if union else 100.0, name, ngo, nesc, matched))
        total_go += ngo
        total_esc += nesc
        total_matched += matched

    rows.sort()
    failed = [r for r in rows if r[0] < args.min]
    print("%-8s %-40s %9s %9s %9s" % ("agree%", "package", "go/types", "escapist", "matched"))
    for r in rows:
        if args.quiet and r[0] >= args.min:
            continue
        print("%-8.3f %-40s %9d %9d %9d" % r)
    union = total_go + total_esc - total_matched
    overall = 100.0 * total_matched / union if union else 100.0

    kinds = collections.Counter(m[0] for m in mismatches)
    if kinds:
        print("\nmismatch kinds (of %d mismatched entries):" % len(mismatches))
        examples = collections.defaultdict(list)
        for m in mismatches:
            if len(examples[m[0]]) < args.examples:
                examples[m[0]].append(m)
        for cat, n in kinds.most_common(args.kinds):
            print("%7d  %s" % (n, cat))
            for _, pkg, pos, a, b in examples[cat]:
                print("           %s %s\n             go/types: %s\n             escapist: %s" % (
                    pkg, pos, a and a.replace("\t", " | "), b and b.replace("\t", " | ")))
    if args.mismatches:
        with open(args.mismatches, "w") as f:
            for cat, pkg, pos, a, b in sorted(mismatches, key=lambda m: (m[0], m[1], m[2])):
                f.write("%s\t%s\t%s\tgo: %s\tesc: %s\n" % (cat, pkg, pos, a, b))
    print("\noverall: %.4f%% agreement over %d packages (go/types %d entries, escapist %d, matched %d)"
          % (overall, len(rows), total_go, total_esc, total_matched))
    if failed or overall < args.min:
        print("FAIL: %d package(s) below %.2f%%" % (len(failed), args.min))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
