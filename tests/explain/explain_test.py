#!/usr/bin/env python3
"""Checks `escapist explain` against gc and go/types (no copied expectations).

1. Allocations: on examples/lab (`go build -gcflags=-m`, with and without -l) and on files of
   $GOROOT/test (`go tool compile -m` with each file's own flags), the set of heap verdicts explain
   reports -- (file, line, col, kind, gc's text) for kinds moved-to-heap / escapes /
   append-escapes -- must equal the set of gc's "moved to heap: X" / "X escapes to heap" lines.
2. Sizes: every fixed size explain states for a heap allocation whose size go/types can compute
   independently (variables, new(T), &T{...}, conversions to interface, slice literals and the
   implicit slice of variadic calls, make with a constant capacity, method values) must equal it
   (go/types with gc's amd64 sizes, tests/explain/sizes). Closures are counted as unverified.
3. Lab benchmarks (cheap: -benchtime=2000x; --no-bench skips): for each benchmark calling lab
   functions whose allocations explain sizes statically, predicted allocs/op and B/op (size-class
   slots; tiny allocations simulated as runtime/malloc.go packs them) must equal go test
   -benchmem's. Allocations that happen "sometimes" count as allocating (the lab's benchmarks feed
   values >= 256 on purpose) and are reported.

Exit status: 0 pass, 1 mismatch, 77 (skip) when no go command is available.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "conformance"))
import conformance  # noqa: E402  (header_flags, split_flags, run_gc, importcfg)

SKIP = 77
HEAP_KINDS = ("moved-to-heap", "escapes", "append-escapes")
DEFAULT_FILES = ["escape2.go", "escape2n.go", "escape_iface.go", "escape_closure.go",
                 "escape_slice.go", "escape_map.go", "escape_make_non_const.go",
                 "escape_calls.go", "escape_struct_return.go", "escape_array.go",
                 "escape_iface_data.go", "escape5.go", "escape_param.go", "escape_field.go"]
DIAG = re.compile(r"^(.*?\.go):(\d+):(\d+): (.*)$")


def gc_heap_verdicts(output):
    """gc's heap lines as {(base, line, col, kind, text)}."""
    out = set()
    for line in output.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        text = m.group(4)
        if text.startswith("moved to heap: "):
            kind = "moved-to-heap"
        elif text == "append escapes to heap":
            kind = "append-escapes"
        elif text.endswith(" escapes to heap"):
            kind = "escapes"
        else:
            continue
        out.add((os.path.basename(m.group(1)), int(m.group(2)), int(m.group(3)), kind, text))
    return out


def explain_heap_verdicts(report):
    out = set()
    for e in report["entries"]:
        if e["kind"] in HEAP_KINDS:
            for g in e["gc"]:
                out.add((os.path.basename(e["file"]), e["line"], e["col"], e["kind"], g))
    return out


def run_explain(candidate, args, cwd):
    p = subprocess.run([candidate, "explain", "--json"] + args, cwd=cwd, capture_output=True,
                       text=True, timeout=600)
    if p.returncode != 0:
        raise RuntimeError("escapist explain %s failed (%d): %s" % (args, p.returncode, p.stderr))
    return json.loads(p.stdout)


def compare(name, gc, ours, failures):
    missing, extra = gc - ours, ours - gc
    print("%-32s gc %4d  explain %4d  matched %4d  missing %d  extra %d" % (
        name, len(gc), len(ours), len(gc & ours), len(missing), len(extra)))
    for m in sorted(missing)[:10]:
        failures.append("%s: explain misses %s:%d:%d %s (%s)" % (name, m[0], m[1], m[2], m[4], m[3]))
    for x in sorted(extra)[:10]:
        failures.append("%s: explain reports %s:%d:%d %s (%s), gc does not" % (
            name, x[0], x[1], x[2], x[4], x[3]))
    return len(gc & ours), len(gc)


# ---- sizes


def expected_size(entry, alloc, facts):
    """The size go/types gives for this allocation, or None if it cannot say."""
    key = "%s:%d:%d" % (os.path.basename(entry["file"]), entry["line"], entry["col"])
    here = facts.get(key, [])
    op = entry["op"]
    routine = alloc["routine"]
    if op == "ONAME":
        for f in here:
            if f.get("def"):
                return f["size"]
        return None
    if op == "OCONVIFACE":
        fixed = {"runtime.convT16": 2, "runtime.convT32": 4, "runtime.convT64": 8,
                 "runtime.convTstring": 16, "runtime.convTslice": 24}
        for f in here:
            if not f.get("iface"):
                if routine in fixed:
                    # The routine's fixed size must also be the operand's.
                    return fixed[routine] if f["size"] == fixed[routine] else -f["size"]
                return f["size"]
        return None
    if op in ("ONEW", "OPTRLIT"):
        node = "CallExpr" if op == "ONEW" else "UnaryExpr"
        for f in here:
            if f["node"] == node and "elem_size" in f:
                return f["elem_size"]
        return None
    if op == "OSLICELIT":
        for f in here:
            if f["node"] == "CompositeLit" and "array_len" in f:
                return f["array_len"] * f["elem_size"]
            if f["node"] == "CallExpr" and "variadic_len" in f:
                return f["variadic_len"] * f["variadic_elem_size"]
        return None
    if op == "OMAKESLICE":
        for f in here:
            if f["node"] == "CallExpr" and "make_cap" in f and "elem_size" in f:
                return f["make_cap"] * f["elem_size"]
        return None
    if op == "OMETHVALUE":
        for f in here:
            if "method_value_size" in f:
                return f["method_value_size"]
        return None
    return None


def check_sizes(name, report, facts, failures, totals):
    for e in report["entries"]:
        if e["kind"] not in HEAP_KINDS:
            continue
        for a in e["allocations"]:
            s = a["size"]
            if s["kind"] != "fixed":
                continue
            want = expected_size(e, a, facts)
            if want is None:
                totals["unverified"] += 1
                continue
            totals["checked"] += 1
            if want != s["bytes"]:
                failures.append("%s: %s %s: explain says %d B via %s, go/types says %s B" % (
                    name, e["pos"], e["gc"][0], s["bytes"], a["routine"],
                    want if want >= 0 else "%d (operand)" % -want))


def size_facts(helper, files, cwd):
    p = subprocess.run([helper] + files, cwd=cwd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        raise RuntimeError("sizes helper failed: " + p.stderr)
    return json.loads(p.stdout)


# ---- lab benchmarks


def tiny_bytes_per_op(sizes, ops=4096):
    """B/op of a stream of ops, each making the tiny allocations `sizes` (runtime/malloc.go's
    tiny allocator: 16-byte blocks; the new block replaces the current one only if it leaves
    more room)."""
    offset, have, total = 0, False, 0
    for _ in range(ops):
        for s in sizes:
            align = 8 if s % 8 == 0 else 4 if s % 4 == 0 else 2 if s % 2 == 0 else 1
            off = (offset + align - 1) // align * align
            if have and off + s <= 16:
                offset = off + s
                continue
            total += 16
            if not have or s < offset:
                offset, have = s, True
    return total // ops


def check_lab_benchmarks(candidate, lab, failures):
    src = [f for f in os.listdir(lab) if f.endswith(".go") and not f.endswith("_test.go")]
    funcs = set()
    for f in src:
        with open(os.path.join(lab, f)) as fh:
            funcs |= set(re.findall(r"^func (\w+)\(", fh.read(), re.M))
    bodies = {}
    for f in os.listdir(lab):
        if f.endswith("_test.go"):
            with open(os.path.join(lab, f)) as fh:
                text = fh.read()
            for m in re.finditer(r"^func (Benchmark\w+)\(b \*testing\.B\) \{\n(.*?)^\}", text,
                                 re.M | re.S):
                bodies[m.group(1)] = set(re.findall(r"\b([A-Z]\w*)\(", m.group(2))) & funcs
    report = run_explain(candidate, ["."], lab)  # go test's flags: inlining on
    p = subprocess.run(["go", "test", "-run", "^$", "-bench", ".", "-benchmem", "-benchtime=2000x",
                        "."], cwd=lab, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        failures.append("lab: go test -bench failed: " + p.stdout[-500:] + p.stderr[-500:])
        return
    measured = {}
    for line in p.stdout.splitlines():
        m = re.match(r"^(Benchmark\w+?)(?:-\d+)?\s+\d+\s+[\d.]+ ns/op\s+(\d+) B/op\s+(\d+) allocs/op",
                     line)
        if m:
            measured[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    checked = 0
    for bench, called in sorted(bodies.items()):
        if bench not in measured or not called:
            continue
        allocs, slots, tiny, sometimes, dynamic = 0, 0, [], [], False
        for e in sorted(report["entries"], key=lambda e: (e["line"], e["col"])):
            if e["kind"] not in HEAP_KINDS + ("run-time",):
                continue
            if not any(e["func"] == f or e["func"].startswith(f + ".") for f in called):
                continue
            for a in e["allocations"]:
                if a["when"] == "never":
                    continue
                s = a["size"]
                if s["kind"] != "fixed" or e["kind"] == "run-time":
                    dynamic = True
                    continue
                if a["when"] == "sometimes":
                    sometimes.append(a["routine"])
                if s["zero_size"]:
                    continue
                allocs += 1
                if s["tiny"]:
                    tiny.append(s["bytes"])
                else:
                    slots += s["slot"]
        if dynamic:
            print("  %-28s skipped: a size depends on run-time values" % bench)
            continue
        bytes_ = slots + (tiny_bytes_per_op(tiny) if tiny else 0)
        got_b, got_a = measured[bench]
        note = " (counting %s as allocating)" % ", ".join(sometimes) if sometimes else ""
        ok = (got_a, got_b) == (allocs, bytes_)
        print("  %-28s predicted %2d allocs %4d B   measured %2d allocs %4d B  %s%s" % (
            bench, allocs, bytes_, got_a, got_b, "ok" if ok else "MISMATCH", note))
        checked += 1
        if not ok:
            failures.append("lab %s: explain predicts %d allocs/op %d B/op, go test measures %d, %d"
                            % (bench, allocs, bytes_, got_a, got_b))
    print("lab benchmarks: %d compared" % checked)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--candidate", required=True, help="the escapist binary")
    ap.add_argument("--lab", help="the lab directory (examples/lab)")
    ap.add_argument("--goroot-files", nargs="*", default=DEFAULT_FILES,
                    help="files of $GOROOT/test to check (default: a selection of escape*.go)")
    ap.add_argument("--no-bench", action="store_true", help="skip the lab benchmarks")
    args = ap.parse_args()
    if shutil.which("go") is None:
        print("explain_test: SKIP: no go command on PATH (gc is the oracle)")
        return SKIP
    goroot = conformance.go_env("GOROOT")
    if not goroot:
        print("explain_test: SKIP: go env GOROOT failed")
        return SKIP
    candidate = os.path.abspath(args.candidate)
    failures = []
    matched = total = 0
    size_totals = {"checked": 0, "unverified": 0}
    with tempfile.TemporaryDirectory() as tmp:
        helper = os.path.join(tmp, "sizes")
        subprocess.run(["go", "build", "-o", helper, os.path.join(HERE, "sizes", "main.go")],
                       check=True, cwd=tmp)
        if args.lab:
            lab = os.path.abspath(args.lab)
            srcs = sorted(f for f in os.listdir(lab)
                          if f.endswith(".go") and not f.endswith("_test.go"))
            facts = size_facts(helper, srcs, lab)
            for flags in ([], ["-l"]):
                name = "lab" + (" " + " ".join(flags) if flags else "")
                gcflags = " ".join(["-m"] + flags)
                p = subprocess.run(["go", "build", "-o", os.devnull, "-gcflags=" + gcflags, "."],
                                   cwd=lab, capture_output=True, text=True, timeout=600)
                report = run_explain(candidate, flags + ["."], lab)
                m, t = compare(name, gc_heap_verdicts(p.stdout + p.stderr),
                               explain_heap_verdicts(report), failures)
                matched, total = matched + m, total + t
                check_sizes(name, report, facts, failures, size_totals)
        testdir = os.path.join(goroot, "test")
        for base in args.goroot_files:
            path = os.path.join(testdir, base)
            if not os.path.exists(path):
                failures.append("%s: not found in %s" % (base, testdir))
                continue
            _, flags = conformance.header_flags(path)
            _, flags = conformance.split_flags(flags)
            flags = [f for f in flags if not re.match(r"^-m(=\d+)?$", f)]
            rc, out = conformance.run_gc(path, ["-m"] + flags)
            report = run_explain(candidate, ["-p=p"] + flags + [base], testdir)
            m, t = compare(base, gc_heap_verdicts(out), explain_heap_verdicts(report), failures)
            matched, total = matched + m, total + t
            check_sizes(base, report, size_facts(helper, [base], testdir), failures, size_totals)
        print("heap verdicts: %d of %d matched" % (matched, total))
        print("sizes: %d checked against go/types, %d not independently checkable (closures, "
              "constant strings, rewritten make sizes)" % (size_totals["checked"],
                                                           size_totals["unverified"]))
        if args.lab and not args.no_bench:
            check_lab_benchmarks(candidate, os.path.abspath(args.lab), failures)
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
