#!/usr/bin/env python3
"""Checks `escapist table` against gc and the Go runtime.

1. tests/table/iface_types.go (one conversion per function, none inlined):
   * every row's data word against the function's amd64 listing (`go tool compile -S`):
     CALL runtime.convT*, LEAQ runtime.staticuint64s / runtime.zeroVal / runtime.zerobase /
     p..stmp_N (the same N), or a stack slot; rows are mapped to functions by line;
   * every row's escapedebug line (or its absence) against `go tool compile -d=escapedebug=1 -m`;
   * every row's operand kind against the function's name (fooConstZero, fooConstNonZero,
     fooRunTime: the design of the test file, not something escapist reads);
   * every row's "allocates" claim against the runtime: a generated test calls each function (the
     run-time ones with the zero value, the non-zero value and, for convT16/32/64 of integers, a
     small value) under testing.AllocsPerRun, and measures bytes per call for non-tiny
     allocations (cost::Classify's slot size).
2. $GOROOT/test/escape_iface_data.go: every row with a -d=escapedebug=1 line against gc's lines,
   and no gc line left unclaimed.
3. The README's per-type view of iface_types.go is escapist's current output.

Exits 77 (skipped) when no `go` is on PATH, 1 on any disagreement.
"""

import argparse
import atexit
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

_OBJ = os.path.join(tempfile.gettempdir(), "escapist-table-%d.o" % os.getpid())


def object_file():
    """The compiler's -o file for this run (never /dev/null: as root gc renames over it),
    removed at exit."""
    if not getattr(object_file, "registered", False):
        object_file.registered = True
        atexit.register(lambda: os.path.exists(_OBJ) and os.remove(_OBJ))
    return _OBJ

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES_GO = os.path.join(HERE, "iface_types.go")


def fail(msg):
    print("FAIL: " + msg)
    return 1


def run(cmd, cwd, check=True):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=900)
    if check and p.returncode != 0:
        sys.exit("command failed (%d): %s\n%s%s" % (p.returncode, " ".join(cmd), p.stdout,
                                                     p.stderr))
    return p


def escapist_rows(escapist, path, cwd):
    """The table as JSON rows, and the markdown table's rows (cells split)."""
    name = os.path.basename(path)
    rows = json.loads(run([escapist, "table", "--json", "-p=p", name], cwd).stdout)
    md = run([escapist, "table", "-p=p", name], cwd).stdout
    md_rows = []
    for line in md.splitlines():
        if not line.startswith("| "):
            if md_rows:
                break  # the per-type view follows
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if cells[0] == "Type" or cells[0].startswith(":--"):
            continue
        md_rows.append(cells)
    return rows, md_rows, md


def convert_lines(output, name):
    """gc's `convert:` lines as (pos, message, expr); pos "" when gc prints none."""
    out = []
    for line in output.splitlines():
        m = re.match(r"^(?:(\S+?:\d+:\d+): )?convert: (.*?): (.*)$", line)
        if not m:
            continue
        pos = m.group(1) or ""
        if pos:
            pos = os.path.basename(pos.split(":")[0]) + pos[len(pos.split(":")[0]):]
        out.append((pos, m.group(2), m.group(3)))
    return out


def row_debug(row):
    d = row["escapedebug"]
    if d is None:
        return None
    pos = d["pos"]
    if pos:
        pos = os.path.basename(pos.split(":")[0]) + pos[len(pos.split(":")[0]):]
    return (pos, d["message"], d["expr"])


def check_escapedebug(rows, gc_lines, label):
    """Every row's line is one of gc's, every gc line is claimed. Returns (agree, problems)."""
    remaining = list(gc_lines)
    agree, problems = 0, []
    for r in rows:
        want = row_debug(r)
        if want is None:
            # Neither direct nor runtime-call data words print a line; the row agrees unless
            # gc prints one at the row's position (checked below through unclaimed lines).
            agree += 1
            continue
        if want in remaining:
            remaining.remove(want)
            agree += 1
        else:
            problems.append("%s: %s: escapist says %r, gc prints no such line" %
                            (label, r["pos"], want))
    for g in remaining:
        problems.append("%s: gc line claimed by no row: %s: convert: %s: %s" % ((label,) + g))
    return agree, problems


# ---- the amd64 listing

def asm_functions(listing):
    """Function name -> the data-word evidence in its body."""
    funcs, cur = {}, None
    for line in listing.splitlines():
        m = re.match(r"^p\.(\S+) STEXT", line)
        if m:
            cur = funcs.setdefault(m.group(1), [])
            continue
        if cur is not None and re.match(r"^\s+0x[0-9a-f]+ \d+ \(", line):
            cur.append(line.split(")", 1)[1].strip() if ")" in line else line)
    return funcs


def asm_choice(instrs):
    """gc's data word in one function's instructions: (kind, detail)."""
    text = "\n".join(instrs)
    m = re.search(r"CALL\s+runtime\.(conv\w+)\(SB\)", text)
    if m:
        return ("runtime", m.group(1))
    if re.search(r"LEAQ\s+runtime\.staticuint64s", text):
        return ("staticuint64s", "")
    m = re.search(r"LEAQ\s+p\.\.stmp_(\d+)\(SB\)", text)
    if m:
        return ("static", ".stmp_" + m.group(1))
    if re.search(r"LEAQ\s+runtime\.zeroVal\(SB\)", text):
        return ("zeroVal", "")
    if re.search(r"LEAQ\s+runtime\.zerobase\(SB\)", text):
        return ("zerobase", "")
    if re.search(r"LEAQ\s+p\.\.autotmp_\d+\+\d+\(SP\)", text):
        return ("stack", "")
    return ("direct", "")


def func_ranges(src):
    """(first line, function name) of each top-level function, in order."""
    out = []
    for i, line in enumerate(src.splitlines(), 1):
        m = re.match(r"^func (\w+)", line)
        if m:
            out.append((i, m.group(1)))
    return out


def func_of(ranges, line):
    name = None
    for start, n in ranges:
        if start <= line:
            name = n
    return name


# ---- run-time allocations

def go_value_bits(expr, size):
    """The uintN argument convT16/32/64 receives for the test's constant `expr` (an integer or
    float literal, possibly wrapped in T(...) or struct{...}{...}); None if not a number."""
    e = expr.strip()
    m = re.match(r"^struct\s*\{.*\}\s*\{(.*)\}$", e, re.S)
    if m:
        e = m.group(1).strip()
    m = re.match(r"^\w+\((.*)\)$", e)
    if m:
        e = m.group(1).strip()
    try:
        v = int(e, 0)
        return v % (1 << (8 * size))
    except ValueError:
        pass
    try:
        f = float(e)
    except ValueError:
        return None
    if size == 4:
        return struct.unpack("<I", struct.pack("<f", f))[0]
    return struct.unpack("<Q", struct.pack("<d", f))[0]


def predicted_allocs(row, which, value_expr):
    """Allocations per call escapist's row predicts when its function runs with `value_expr`,
    which the test file's design says is the type's zero value ("zero"), a non-zero one
    ("nonzero", "small"), or the row's own constant ("")."""
    if row["data_word"] != "runtime":
        return 0
    if row["allocates"] is not None:
        return 1 if row["allocates"] else 0
    kind = row["alloc"]
    if kind == "always":
        return 1
    if kind == "if-at-least-256":
        bits = go_value_bits(value_expr, row["malloc_size"])
        if bits is None:
            return None
        return 1 if bits >= 256 else 0
    if kind in ("if-non-empty", "if-non-nil"):
        return 0 if which == "zero" else 1
    return None


def const_bodies(src):
    """Function name -> the expression it stores in sink (`sink = EXPR`)."""
    out = {}
    for m in re.finditer(r"^func (\w+)\(\) \{\n\tsink = (.*?)\n\}", src, re.M | re.S):
        out[m.group(1)] = m.group(2)
    return out


def run_allocs(rows, src, funcs_by_line):
    """Measures allocations (and bytes) per call of each row's function. Returns
    {(func, which): (allocs, bytes)}."""
    bodies = const_bodies(src)
    cases = []  # (func, which, call expression)
    for r in rows:
        fn = funcs_by_line[r["line"]]
        if fn.endswith("RunTime"):
            base = fn[:-len("RunTime")]
            zero, nonzero = bodies[base + "ConstZero"], bodies[base + "ConstNonZero"]
            cases.append((fn, "zero", "%s(%s)" % (fn, zero)))
            cases.append((fn, "nonzero", "%s(%s)" % (fn, nonzero)))
            if r["alloc"] == "if-at-least-256" and r["integer_arg"] and "1000" in nonzero:
                cases.append((fn, "small", "%s(%s)" % (fn, nonzero.replace("1000", "7"))))
        else:
            cases.append((fn, "", "%s()" % fn))
    lines = ["package p", "", "import (", '\t"fmt"', '\t"runtime"', '\t"testing"', ")", "",
             "func measure(f func()) (float64, float64) {",
             "\tallocs := testing.AllocsPerRun(1000, f)",
             "\tvar a, b runtime.MemStats",
             "\truntime.GC()",
             "\truntime.ReadMemStats(&a)",
             "\tfor i := 0; i < 100000; i++ {",
             "\t\tf()",
             "\t}",
             "\truntime.ReadMemStats(&b)",
             "\treturn allocs, float64(b.TotalAlloc-a.TotalAlloc) / 100000",
             "}", "",
             "func TestAllocs(t *testing.T) {",
             "\tcases := []struct {",
             "\t\tname, which string",
             "\t\tf           func()",
             "\t}{"]
    for fn, which, call in cases:
        # A struct type written over several lines, on one.
        call = re.sub(r"\{\n\s*", "{ ", call)
        call = re.sub(r"\n\s*\}", " }", call)
        call = re.sub(r"\n\s*", "; ", call)
        lines.append('\t\t{"%s", "%s", func() { %s }},' % (fn, which, call))
    lines += ["\t}",
              "\tfor _, c := range cases {",
              "\t\ta, b := measure(c.f)",
              '\t\tfmt.Printf("ALLOCS %s %s %v %v\\n", c.name, c.which, a, b)',
              "\t}", "}", ""]
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(TYPES_GO, os.path.join(tmp, "iface_types.go"))
        with open(os.path.join(tmp, "allocs_test.go"), "w") as f:
            f.write("\n".join(lines))
        with open(os.path.join(tmp, "go.mod"), "w") as f:
            f.write("module p\n\ngo 1.27\n")
        env = dict(os.environ, GOFLAGS="-mod=mod", GOTOOLCHAIN="local", GOWORK="off")
        p = subprocess.run(["go", "test", "-count=1", "-run", "TestAllocs", "-v", "."], cwd=tmp,
                           capture_output=True, text=True, env=env, timeout=900)
        if p.returncode != 0:
            sys.exit("go test failed:\n" + p.stdout + p.stderr)
    out = {}
    for line in p.stdout.splitlines():
        m = re.match(r"^ALLOCS (\S+) (\S*) (\S+) (\S+)$", line)
        if m:
            out[(m.group(1), m.group(2))] = (float(m.group(3)), float(m.group(4)))
    return out


def check_types_file(escapist, problems):
    cwd = HERE
    name = os.path.basename(TYPES_GO)
    rows, md_rows, md = escapist_rows(escapist, TYPES_GO, cwd)
    src = open(TYPES_GO).read()
    ranges = func_ranges(src)
    funcs = [n for _, n in ranges]

    # The markdown and the JSON tell the same rows.
    if len(md_rows) != len(rows):
        problems.append("markdown has %d rows, JSON %d" % (len(md_rows), len(rows)))
    for cells, r in zip(md_rows, rows):
        where = "%s:%d" % (name, r["line"])
        if not cells[1].startswith(where) or cells[3] != r["instruction"].replace("|", "\\|"):
            problems.append("markdown row %r disagrees with JSON row %s %s" %
                            (cells, where, r["instruction"]))

    # One row per function.
    funcs_by_line = {}
    seen = {}
    for r in rows:
        fn = func_of(ranges, r["line"])
        funcs_by_line[r["line"]] = fn
        seen[fn] = seen.get(fn, 0) + 1
    for fn in funcs:
        if seen.get(fn, 0) != 1:
            problems.append("%s: %d rows, want 1" % (fn, seen.get(fn, 0)))

    # The assembly.
    tmpobj = object_file()
    listing = run(["go", "tool", "compile", "-p", "p", "-o", tmpobj, "-S", name], cwd).stdout
    asm = asm_functions(listing)
    asm_agree = 0
    for r in rows:
        fn = funcs_by_line[r["line"]]
        kind, detail = asm_choice(asm.get(fn, []))
        want = (r["data_word"], r["routine"] if r["data_word"] == "runtime" else r["static"])
        if (kind, detail) == want:
            asm_agree += 1
        else:
            problems.append("%s (%s:%d): escapist %s %s, gc's assembly %s %s" %
                            (fn, name, r["line"], want[0], want[1], kind, detail))

    # -d=escapedebug=1 -m.
    gc = run(["go", "tool", "compile", "-p", "p", "-o", tmpobj, "-d=escapedebug=1", "-m", name],
             cwd)
    dbg_agree, dbg_problems = check_escapedebug(rows, convert_lines(gc.stdout + gc.stderr, name),
                                                name)
    problems += dbg_problems

    # Operand kinds: the test file's naming scheme.
    op_agree = 0
    for r in rows:
        fn = funcs_by_line[r["line"]]
        want = ("const-zero" if fn.endswith("ConstZero") else
                "const-nonzero" if fn.endswith("ConstNonZero") else "run-time")
        if r["operand"] == want:
            op_agree += 1
        else:
            problems.append("%s: operand %s, want %s" % (fn, r["operand"], want))

    # Allocations at run time.
    measured = run_allocs(rows, src, funcs_by_line)
    alloc_checked = alloc_agree = bytes_checked = 0
    bodies = const_bodies(src)
    for r in rows:
        fn = funcs_by_line[r["line"]]
        for (mfn, which), (allocs, nbytes) in sorted(measured.items()):
            if mfn != fn:
                continue
            value = None
            if which:
                base = fn[:-len("RunTime")]
                value = bodies[base + ("ConstZero" if which == "zero" else "ConstNonZero")]
                if which == "small":
                    value = value.replace("1000", "7")
            want = predicted_allocs(r, which, value)
            alloc_checked += 1
            if want is None:
                problems.append("%s %s: escapist's rule %s cannot be evaluated for %s" %
                                (fn, which, r["alloc"], value))
                continue
            if abs(allocs - want) > 1e-9:
                problems.append("%s %s: %g allocs/call measured, escapist predicts %d (%s)" %
                                (fn, which, allocs, want, r["alloc_text"]))
                continue
            if want == 1 and not r["malloc_tiny"]:
                bytes_checked += 1
                if abs(nbytes - r["malloc_slot"]) > 0.5:
                    problems.append("%s %s: %g B/call measured, cost::Classify's slot is %d B" %
                                    (fn, which, nbytes, r["malloc_slot"]))
                    continue
            if want == 1 and r["malloc_tiny"] and not (0 < nbytes <= 16):
                problems.append("%s %s: %g B/call for a tiny allocation" % (fn, which, nbytes))
                continue
            alloc_agree += 1

    # The README's copy of the per-type view is escapist's current output.
    readme = os.path.join(HERE, "..", "..", "README.md")
    if os.path.exists(readme):
        text = open(readme).read()
        m = re.search(r"<!-- escapist table tests/table/iface_types.go: per-type view -->\n"
                      r"(.*?)\n<!-- end -->", text, re.S)
        per_type = md.split("\n\n", 1)[1].strip() if "\n\n" in md else ""
        if not m:
            problems.append("README.md: no per-type view of iface_types.go")
        elif m.group(1).strip() != per_type:
            problems.append("README.md: the per-type view differs from escapist table's output "
                            "(regenerate it with --print-table)")

    print("%s: %d rows; assembly agrees on %d, escapedebug on %d, operand kind on %d; "
          "run-time allocations: %d of %d measurements agree (%d byte counts checked)" %
          (name, len(rows), asm_agree, dbg_agree, op_agree, alloc_agree, alloc_checked,
           bytes_checked))
    return md


def check_goroot_file(escapist, goroot, problems):
    path = os.path.join(goroot, "test", "escape_iface_data.go")
    if not os.path.exists(path):
        problems.append("%s: not found" % path)
        return
    cwd, name = os.path.dirname(path), os.path.basename(path)
    rows = json.loads(run([escapist, "table", "--json", "-p=p", name], cwd).stdout)
    tmpobj = object_file()
    gc = run(["go", "tool", "compile", "-p=p", "-o", tmpobj, "-d=escapedebug=1", name], cwd)
    lines = convert_lines(gc.stdout + gc.stderr, name)
    agree, dbg_problems = check_escapedebug(rows, lines, name)
    problems += dbg_problems
    with_line = sum(1 for r in rows if r["escapedebug"] is not None)
    print("%s: %d rows (%d with an escapedebug line); escapedebug agrees on %d; gc prints %d "
          "lines" % (name, len(rows), with_line, agree, len(lines)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--escapist", required=True)
    ap.add_argument("--goroot", default="")
    ap.add_argument("--print-table", action="store_true",
                    help="print escapist's markdown for iface_types.go (for the README)")
    args = ap.parse_args()
    if shutil.which("go") is None:
        print("SKIP: no go command on PATH (gc is the oracle of this test)")
        return 77
    escapist = os.path.abspath(args.escapist)
    goroot = args.goroot or run(["go", "env", "GOROOT"], HERE).stdout.strip()
    problems = []
    md = check_types_file(escapist, problems)
    check_goroot_file(escapist, goroot, problems)
    if args.print_table:
        print(md.split("\n\n", 1)[1] if "\n\n" in md else md)
    for p in problems:
        print("FAIL: " + p)
    if problems:
        print("%d problems" % len(problems))
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
