#!/usr/bin/env python3
"""Chooses the seed inputs of fuzz/corpus/{parse,check} from a Go installation (deterministic:
sorted paths, every k-th file), so the selection can be redone for another Go release.

Usage: fuzz/tools/make_seeds.py [GOROOT]   (default /usr/lib/go-1.27)

Seeds from GOROOT are named <origin>__<path with / as _>; hand-written edge cases (edge_*) and
reproducers of fixed defects (crash_*, timeout_*, oom_*) are never touched by this script.
"""
import os
import re
import sys

GOROOT = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/go-1.27"
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "corpus")
MAX_SIZE = 4096


def files(rel, pattern=r"\.(go|go2|src)$", max_size=MAX_SIZE, grep=None, exclude=None):
    root = os.path.join(GOROOT, rel)
    out = []
    for dirpath, _, names in os.walk(root, followlinks=True):
        for n in names:
            p = os.path.join(dirpath, n)
            if not re.search(pattern, n) or os.path.getsize(p) > max_size:
                continue
            if exclude and re.search(exclude, p):
                continue
            if grep is not None:
                with open(p, "rb") as f:
                    if not re.search(grep, f.read()):
                        continue
            out.append(p)
    return sorted(out)


def every(paths, n):
    """About n paths spread evenly over the sorted list."""
    if len(paths) <= n:
        return paths
    step = len(paths) / n
    return [paths[int(i * step)] for i in range(n)]


def imports_only_unsafe(p):
    with open(p, "rb") as f:
        src = f.read()
    paths = re.findall(rb'^\s*(?:import\s+)?(?:[\w.]+\s+)?"([^"]+)"\s*$', src, re.M)
    return all(x in (b"unsafe", b"C") for x in paths)


def install(kind, paths):
    d = os.path.join(CORPUS, kind)
    os.makedirs(d, exist_ok=True)
    for old in os.listdir(d):
        if old.startswith(("test__", "src__")):
            os.remove(os.path.join(d, old))
    total = 0
    for p in paths:
        rel = os.path.relpath(p, GOROOT)
        origin, rest = rel.split("/", 1)
        name = origin + "__" + rest.replace("/", "_")
        with open(p, "rb") as f:
            data = f.read()
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
        total += len(data)
    print(f"{kind}: {len(paths)} seeds, {total} bytes")


syntax_errors = rb"ERROR \"[^\"]*(syntax error|unexpected|expected|newline|non-declaration)"
parse = []
parse += files("test/syntax")
parse += files("src/cmd/compile/internal/syntax/testdata")
parse += files("src/go/parser/testdata")
parse += every(files("test/fixedbugs", grep=syntax_errors), 90)
parse += every(files("test", exclude=r"/test/(fixedbugs|typeparam|syntax)/"), 50)
parse += every(files("src", max_size=2048, exclude=r"/testdata/|/vendor/"), 70)
parse += every(files("test/typeparam"), 20)
install("parse", parse)

check = []
check += every(files("src/internal/types/testdata/fixedbugs"), 110)
check += every(files("src/internal/types/testdata/check"), 40)
check += files("src/internal/types/testdata/spec")
check += files("src/internal/types/testdata/examples")
check += every([p for p in files("test/typeparam") if imports_only_unsafe(p)], 70)
check += every([p for p in files("test/fixedbugs", grep=rb"ERROR") if imports_only_unsafe(p)], 70)
check += every([p for p in files("test", exclude=r"/test/(fixedbugs|typeparam|syntax)/")
                if imports_only_unsafe(p)], 40)
install("check", check)
