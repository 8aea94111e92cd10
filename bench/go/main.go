// Command gofrontend is the Go side of escapist's front-end benchmark (bench/run.sh): it times
// go/parser on a list of files and go/types on the whole standard library, and prints one
// machine-readable line per run:
//
//	side=go mode=parse seconds=S cpu_seconds=C files=N bytes=B errors=E peak_rss_kib=K
//
// Usage:
//
//	gofrontend [-procs 1] [-comments] parse FILELIST   # FILELIST: one file path a line
//	gofrontend [-procs 1] check PKGLIST                # PKGLIST: see readPkgList
//
// parse reads every file into memory first and times only go/parser.ParseFile (mode
// SkipObjectResolution, plus ParseComments with -comments), one shared token.FileSet, each tree
// dropped after parsing. check times reading, parsing and go/types-checking every package of
// PKGLIST in its (dependency) order, each once, with an importer that returns the packages
// already checked; every tree, types.Package and types.Info (Types, Defs, Uses, Implicits,
// Selections, Instances, Scopes) is kept until the end, as escapist keeps them. peak_rss_kib is
// getrusage(RUSAGE_SELF).ru_maxrss of the whole process; cpu_seconds is the process's user+system CPU
// time over the timed region (all threads). -procs sets GOMAXPROCS (1: single
// threaded, including the garbage collector's work).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"strings"
	"syscall"
	"time"
)

func main() {
	procs := flag.Int("procs", 1, "GOMAXPROCS")
	comments := flag.Bool("comments", false, "parse: also ParseComments")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: gofrontend [-procs N] [-comments] parse FILELIST | check PKGLIST")
		os.Exit(2)
	}
	runtime.GOMAXPROCS(*procs)
	switch flag.Arg(0) {
	case "parse":
		parseMode(flag.Arg(1), *comments)
	case "check":
		checkMode(flag.Arg(1))
	default:
		fmt.Fprintln(os.Stderr, "gofrontend: unknown mode", flag.Arg(0))
		os.Exit(2)
	}
}

// cpuSeconds returns the user+system CPU time of the whole process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// peakRSSKiB returns the process's peak resident set size in KiB (Linux reports ru_maxrss in KiB).
func peakRSSKiB() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return ru.Maxrss
}

func readLines(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gofrontend:", err)
		os.Exit(2)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

func parseMode(list string, comments bool) {
	names := readLines(list)
	srcs := make([][]byte, len(names))
	var bytes int64
	for i, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gofrontend:", err)
			os.Exit(2)
		}
		srcs[i] = b
		bytes += int64(len(b))
	}
	mode := parser.SkipObjectResolution
	if comments {
		mode |= parser.ParseComments
	}
	fset := token.NewFileSet()
	errors := 0
	cpu0, start := cpuSeconds(), time.Now()
	for i, n := range names {
		if _, err := parser.ParseFile(fset, n, srcs[i], mode); err != nil {
			errors++
		}
	}
	secs, cpu := time.Since(start).Seconds(), cpuSeconds()-cpu0
	fmt.Printf("side=go mode=parse seconds=%.6f cpu_seconds=%.6f files=%d bytes=%d errors=%d peak_rss_kib=%d\n",
		secs, cpu, len(names), bytes, errors, peakRSSKiB())
}

// A pkgDesc is one line of PKGLIST, tab-separated: import path, directory, the GoFiles
// (space-separated names in the directory), the ImportMap (space-separated from=to pairs; how the
// package's import paths map to package paths, e.g. vendored golang.org/x/... packages).
type pkgDesc struct {
	path, dir string
	files     []string
	importMap map[string]string
}

func readPkgList(path string) []pkgDesc {
	var pkgs []pkgDesc
	for _, l := range readLines(path) {
		f := strings.Split(l, "\t")
		for len(f) < 4 {
			f = append(f, "")
		}
		d := pkgDesc{path: f[0], dir: f[1], files: strings.Fields(f[2]), importMap: map[string]string{}}
		for _, kv := range strings.Fields(f[3]) {
			if from, to, ok := strings.Cut(kv, "="); ok {
				d.importMap[from] = to
			}
		}
		pkgs = append(pkgs, d)
	}
	return pkgs
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// checked is everything the check mode keeps alive until the end.
type checked struct {
	files []*ast.File
	pkg   *types.Package
	info  *types.Info
}

func checkMode(list string) {
	descs := readPkgList(list)
	var bytes int64
	nfiles, errors := 0, 0
	cpu0, start := cpuSeconds(), time.Now()
	fset := token.NewFileSet()
	done := map[string]*checked{}
	for _, d := range descs {
		if d.path == "unsafe" || len(d.files) == 0 {
			continue
		}
		var files []*ast.File
		for _, name := range d.files {
			fn := d.dir + "/" + name
			src, err := os.ReadFile(fn)
			if err != nil {
				fmt.Fprintln(os.Stderr, "gofrontend:", err)
				os.Exit(2)
			}
			bytes += int64(len(src))
			nfiles++
			f, err := parser.ParseFile(fset, fn, src, parser.SkipObjectResolution)
			if err != nil {
				errors++
			}
			if f != nil {
				files = append(files, f)
			}
		}
		info := &types.Info{
			Types:      map[ast.Expr]types.TypeAndValue{},
			Defs:       map[*ast.Ident]types.Object{},
			Uses:       map[*ast.Ident]types.Object{},
			Implicits:  map[ast.Node]types.Object{},
			Selections: map[*ast.SelectorExpr]*types.Selection{},
			Instances:  map[*ast.Ident]types.Instance{},
			Scopes:     map[ast.Node]*types.Scope{},
		}
		conf := types.Config{
			GoVersion: "go1.27",
			Sizes:     types.SizesFor("gc", "amd64"),
			Importer: importerFunc(func(p string) (*types.Package, error) {
				if p == "unsafe" {
					return types.Unsafe, nil
				}
				if m, ok := d.importMap[p]; ok {
					p = m
				}
				if c := done[p]; c != nil {
					return c.pkg, nil
				}
				return nil, fmt.Errorf("package %s not checked yet", p)
			}),
			Error: func(err error) {
				errors++
				if os.Getenv("GOFRONTEND_VERBOSE") != "" {
					fmt.Fprintln(os.Stderr, err)
				}
			},
		}
		pkg, _ := conf.Check(d.path, fset, files, info)
		done[d.path] = &checked{files, pkg, info}
	}
	secs, cpu := time.Since(start).Seconds(), cpuSeconds()-cpu0
	fmt.Printf("side=go mode=check seconds=%.6f cpu_seconds=%.6f packages=%d files=%d bytes=%d errors=%d peak_rss_kib=%d\n",
		secs, cpu, len(done), nfiles, bytes, errors, peakRSSKiB())
	runtime.KeepAlive(done)
}
