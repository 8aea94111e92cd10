// Command oracle dumps what go/types records for Go packages of the standard library, in a line
// format that escapist (`escapist-check -dump-info`, src/types/infodump.cpp) prints as well, so
// that tests/oracle/compare.py can measure how far escapist's type checker agrees with go/types.
//
// Usage:
//
//	oracle [-o DIR] [-goroot DIR] importpath...
//
// Packages are found with go/build for linux/amd64 with CGO_ENABLED=0 (no test files); they and
// all their dependencies are type-checked from source with go/types (gc sizes for amd64). With
// -o, the dump of package P goes to DIR/<P with '/' replaced by '%'>.txt; otherwise to stdout,
// each package introduced by a line "# package P". Type errors go to stderr.
//
// # Format
//
// One line per entry; fields are separated by one TAB:
//
//	T  POS  MODE  TYPE  [VALUE]          one entry of Info.Types (an expression)
//	D  POS  NAME  KIND  PKG  TYPE        one entry of Info.Defs with a non-nil object
//	U  POS  NAME  KIND  PKG  TYPE        one entry of Info.Uses
//
// Expressions that go/types records but that are not in the syntax tree (the implicit literal 1
// of x++ and x--) are left out.
//
// POS is FILE:LINE:COL of the start of the expression or identifier (go/ast Node.Pos; columns
// count bytes from 1; //line directives are ignored), FILE the base name of the file.
//
// MODE is the operand mode as the TypeAndValue predicates reveal it, tested in this order:
// novalue (IsVoid), type (IsType), builtin (IsBuiltin), constant (Value != nil), nil (IsNil),
// variable (Addressable), mapindex (Assignable), commaok (HasOk), value (IsValue), else invalid.
//
// VALUE (constants only): true/false; a string as "..." with the bytes 0x20..0x7e other than
// '"' and '\' written as is and every other byte as \xNN (lower-case hex); a number as its exact
// rational in lowest terms, "N" or "N/D" (big.Rat's form); a complex number as "(RE, IM)" with
// both parts so; "big" for a number go/constant keeps as a big.Float beyond 2^±4096; "unknown".
//
// The operand nil is "nil" of type "untyped nil" (go/types keeps nil untyped; types2, and
// escapist like it, record the type nil is converted to, which escapist's dump does not print).
//
// A call of a function without results has the empty tuple type "()" (escapist records none).
//
// KIND is the object's kind: var, const, type, func, pkgname, label, builtin, nil. PKG is the
// path of the object's package, "-" for universe objects. TYPE is the object's type, except for
// pkgname (the imported package's path), label and builtin ("-").
//
// Package paths have a leading "vendor/" removed (escapist loads vendored std packages under
// their unvendored path).
//
// Types are spelled like go/types.TypeString with a qualifier that returns the package's path,
// with these differences (so that the spelling is simple to reproduce exactly):
//   - An alias type is spelled as its target (types.Unalias), except the predeclared `any`.
//     (escapist's checker keeps no alias types other than byte, rune and any; in std, 0.45% of
//     the entries have another alias somewhere in their type.)
//   - Lists are separated by ", " (tuples, type lists) and "; " (struct fields, interface
//     elements); parameter and result names are written when present.
//   - An interface is "interface{" explicit methods sorted by name (NAME followed by its
//     signature without "func"), then the embedded elements in source order, "}". An implicit
//     interface (constraint `~int | string` written without interface{}) is spelled as its single
//     embedded element.
//   - A type parameter list is "[" then "NAME CONSTRAINT" per parameter, separated by ", ", "]";
//     it is written for generic signatures and for generic (uninstantiated) named types.
//   - A type parameter is its name; a named type PATH.NAME (just NAME for predeclared types),
//     followed by "[ARGS]" for an instance; unsafe.Pointer is "unsafe.Pointer".
//   - A tuple is "(" its variables as in a parameter list ")"; a struct tag is quoted as VALUE.
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// loader type-checks packages from source, caching them by import path.
type loader struct {
	ctx   build.Context
	fset  *token.FileSet
	cache map[string]*types.Package // by go/build ImportPath (vendor/... for vendored)
	errs  int
}

func (l *loader) Import(path string) (*types.Package, error) {
	return l.ImportFrom(path, filepath.Join(l.ctx.GOROOT, "src"), 0)
}

func (l *loader) ImportFrom(path, dir string, _ types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	bp, err := l.ctx.Import(path, dir, 0)
	if err != nil {
		return nil, err
	}
	if p, ok := l.cache[bp.ImportPath]; ok {
		if p == nil {
			return nil, fmt.Errorf("import cycle through %s", bp.ImportPath)
		}
		return p, nil
	}
	l.cache[bp.ImportPath] = nil
	p, _, err := l.check(bp, nil)
	if err != nil {
		return nil, err
	}
	l.cache[bp.ImportPath] = p
	return p, nil
}

// check parses and type-checks the package bp, filling info if it is not nil.
func (l *loader) check(bp *build.Package, info *types.Info) (*types.Package, []*ast.File, error) {
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(l.fset, filepath.Join(bp.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, f)
	}
	conf := types.Config{
		Importer: l,
		Sizes:    types.SizesFor("gc", "amd64"),
		Error: func(err error) {
			l.errs++
			fmt.Fprintf(os.Stderr, "%s: %v\n", bp.ImportPath, err)
		},
	}
	p, _ := conf.Check(bp.ImportPath, l.fset, files, info)
	return p, files, nil
}

func unvendor(path string) string { return strings.TrimPrefix(path, "vendor/") }

func pkgPath(p *types.Package) string {
	if p == nil {
		return "-"
	}
	return unvendor(p.Path())
}

// quote spells a string constant or struct tag (see VALUE in the package comment).
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "\\x%02x", c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func number(v constant.Value) string {
	num, den := constant.Num(v), constant.Denom(v)
	if num.Kind() == constant.Unknown || den.Kind() == constant.Unknown {
		return "big"
	}
	n, _ := new(big.Int).SetString(num.ExactString(), 10)
	d, _ := new(big.Int).SetString(den.ExactString(), 10)
	if n == nil || d == nil {
		return "big"
	}
	r := new(big.Rat).SetFrac(n, d)
	if r.IsInt() {
		return r.Num().String()
	}
	return r.String()
}

func value(v constant.Value) string {
	switch v.Kind() {
	case constant.Bool:
		return strconv.FormatBool(constant.BoolVal(v))
	case constant.String:
		return quote(constant.StringVal(v))
	case constant.Int, constant.Float:
		return number(v)
	case constant.Complex:
		return "(" + number(constant.Real(v)) + ", " + number(constant.Imag(v)) + ")"
	}
	return "unknown"
}

func mode(tv types.TypeAndValue) string {
	switch {
	case tv.IsVoid():
		return "novalue"
	case tv.IsType():
		return "type"
	case tv.IsBuiltin():
		return "builtin"
	case tv.Value != nil:
		return "constant"
	case tv.IsNil():
		return "nil"
	case tv.Addressable():
		return "variable"
	case tv.Assignable():
		return "mapindex"
	case tv.HasOk():
		return "commaok"
	case tv.IsValue():
		return "value"
	}
	return "invalid"
}

// typeString spells t (see the package comment).
func typeString(t types.Type) string {
	var b strings.Builder
	w := writer{&b, map[types.Type]bool{}}
	w.typ(t)
	return b.String()
}

type writer struct {
	b    *strings.Builder
	seen map[types.Type]bool
}

func (w writer) s(s string) { w.b.WriteString(s) }

func (w writer) typeName(obj *types.TypeName) {
	if obj.Pkg() != nil {
		w.s(pkgPath(obj.Pkg()) + ".")
	}
	w.s(obj.Name())
}

func (w writer) typeList(list []types.Type) {
	w.s("[")
	for i, t := range list {
		if i > 0 {
			w.s(", ")
		}
		w.typ(t)
	}
	w.s("]")
}

func (w writer) tparams(list *types.TypeParamList) {
	w.s("[")
	for i := 0; i < list.Len(); i++ {
		if i > 0 {
			w.s(", ")
		}
		tp := list.At(i)
		w.s(tp.Obj().Name() + " ")
		w.typ(tp.Constraint())
	}
	w.s("]")
}

func (w writer) tuple(t *types.Tuple, variadic bool) {
	w.s("(")
	for i := 0; i < t.Len(); i++ {
		if i > 0 {
			w.s(", ")
		}
		v := t.At(i)
		if v.Name() != "" {
			w.s(v.Name() + " ")
		}
		if variadic && i == t.Len()-1 {
			if s, ok := v.Type().(*types.Slice); ok {
				w.s("...")
				w.typ(s.Elem())
			} else {
				w.typ(v.Type())
				w.s("...")
			}
		} else {
			w.typ(v.Type())
		}
	}
	w.s(")")
}

func (w writer) signature(sig *types.Signature) {
	if sig.TypeParams().Len() > 0 {
		w.tparams(sig.TypeParams())
	}
	w.tuple(sig.Params(), sig.Variadic())
	res := sig.Results()
	if res.Len() == 0 {
		return
	}
	w.s(" ")
	if res.Len() == 1 && res.At(0).Name() == "" {
		w.typ(res.At(0).Type())
		return
	}
	w.tuple(res, false)
}

func (w writer) typ(t types.Type) {
	if w.seen[t] {
		w.s("<cycle>")
		return
	}
	w.seen[t] = true
	defer delete(w.seen, t)
	switch t := t.(type) {
	case nil:
		w.s("<nil>")
	case *types.Alias:
		if t.Obj().Pkg() == nil && t.Obj().Name() == "any" {
			w.s("any")
			return
		}
		w.typ(types.Unalias(t))
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			w.s("unsafe.Pointer")
		} else {
			w.s(t.Name())
		}
	case *types.Array:
		w.s("[" + strconv.FormatInt(t.Len(), 10) + "]")
		w.typ(t.Elem())
	case *types.Slice:
		w.s("[]")
		w.typ(t.Elem())
	case *types.Struct:
		w.s("struct{")
		for i := 0; i < t.NumFields(); i++ {
			if i > 0 {
				w.s("; ")
			}
			f := t.Field(i)
			if !f.Embedded() {
				w.s(f.Name() + " ")
			}
			w.typ(f.Type())
			if tag := t.Tag(i); tag != "" {
				w.s(" " + quote(tag))
			}
		}
		w.s("}")
	case *types.Pointer:
		w.s("*")
		w.typ(t.Elem())
	case *types.Tuple:
		w.tuple(t, false)
	case *types.Signature:
		w.s("func")
		w.signature(t)
	case *types.Union:
		for i := 0; i < t.Len(); i++ {
			if i > 0 {
				w.s(" | ")
			}
			if t.Term(i).Tilde() {
				w.s("~")
			}
			w.typ(t.Term(i).Type())
		}
	case *types.Interface:
		if t.IsImplicit() && t.NumExplicitMethods() == 0 && t.NumEmbeddeds() == 1 {
			w.typ(t.EmbeddedType(0))
			return
		}
		var methods []*types.Func
		for i := 0; i < t.NumExplicitMethods(); i++ {
			methods = append(methods, t.ExplicitMethod(i))
		}
		sort.Slice(methods, func(i, j int) bool { return methods[i].Name() < methods[j].Name() })
		w.s("interface{")
		first := true
		for _, m := range methods {
			if !first {
				w.s("; ")
			}
			first = false
			w.s(m.Name())
			w.signature(m.Type().(*types.Signature))
		}
		for i := 0; i < t.NumEmbeddeds(); i++ {
			if !first {
				w.s("; ")
			}
			first = false
			w.typ(t.EmbeddedType(i))
		}
		w.s("}")
	case *types.Map:
		w.s("map[")
		w.typ(t.Key())
		w.s("]")
		w.typ(t.Elem())
	case *types.Chan:
		switch t.Dir() {
		case types.SendRecv:
			w.s("chan ")
			if c, ok := t.Elem().(*types.Chan); ok && c.Dir() == types.RecvOnly {
				w.s("(")
				w.typ(t.Elem())
				w.s(")")
				return
			}
		case types.SendOnly:
			w.s("chan<- ")
		case types.RecvOnly:
			w.s("<-chan ")
		}
		w.typ(t.Elem())
	case *types.Named:
		w.typeName(t.Obj())
		if t.TypeArgs().Len() > 0 {
			var list []types.Type
			for i := 0; i < t.TypeArgs().Len(); i++ {
				list = append(list, t.TypeArgs().At(i))
			}
			w.typeList(list)
		} else if t.TypeParams().Len() > 0 {
			w.tparams(t.TypeParams())
		}
	case *types.TypeParam:
		w.s(t.Obj().Name())
	default:
		w.s(t.String())
	}
}

func objKind(obj types.Object) string {
	switch obj.(type) {
	case *types.Var:
		return "var"
	case *types.Const:
		return "const"
	case *types.TypeName:
		return "type"
	case *types.Func:
		return "func"
	case *types.PkgName:
		return "pkgname"
	case *types.Label:
		return "label"
	case *types.Builtin:
		return "builtin"
	case *types.Nil:
		return "nil"
	}
	return "bad"
}

func objType(obj types.Object) string {
	switch obj := obj.(type) {
	case *types.PkgName:
		return pkgPath(obj.Imported())
	case *types.Label, *types.Builtin:
		return "-"
	}
	return typeString(obj.Type())
}

// dump writes the entries of info (see the package comment).
func dump(out *strings.Builder, fset *token.FileSet, files []*ast.File, info *types.Info) {
	inSyntax := map[ast.Expr]bool{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok {
				inSyntax[e] = true
			}
			return true
		})
	}
	pos := func(p token.Pos) string {
		ps := fset.PositionFor(p, false)
		return filepath.Base(ps.Filename) + ":" + strconv.Itoa(ps.Line) + ":" + strconv.Itoa(ps.Column)
	}
	for e, tv := range info.Types {
		if !inSyntax[e] {
			continue // go/types' implicit literal 1 of x++ and x--
		}
		line := "T\t" + pos(e.Pos()) + "\t" + mode(tv) + "\t" + typeString(tv.Type)
		if tv.Value != nil {
			line += "\t" + value(tv.Value)
		}
		out.WriteString(line + "\n")
	}
	ident := func(tag string, id *ast.Ident, obj types.Object) {
		if obj == nil {
			return
		}
		out.WriteString(tag + "\t" + pos(id.Pos()) + "\t" + id.Name + "\t" + objKind(obj) + "\t" +
			pkgPath(obj.Pkg()) + "\t" + objType(obj) + "\n")
	}
	for id, obj := range info.Defs {
		ident("D", id, obj)
	}
	for id, obj := range info.Uses {
		ident("U", id, obj)
	}
}

func main() {
	outDir := flag.String("o", "", "write each package's dump to `DIR`/<path with / as %>.txt")
	goroot := flag.String("goroot", "", "GOROOT (default: go/build's)")
	flag.Parse()
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH, ctx.CgoEnabled = "linux", "amd64", false
	if *goroot != "" {
		ctx.GOROOT = *goroot
	}
	l := &loader{ctx: ctx, fset: token.NewFileSet(), cache: map[string]*types.Package{}}
	status := 0
	for _, path := range flag.Args() {
		bp, err := ctx.Import(path, filepath.Join(ctx.GOROOT, "src"), 0)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
			status = 1
			continue
		}
		info := &types.Info{
			Types: map[ast.Expr]types.TypeAndValue{},
			Defs:  map[*ast.Ident]types.Object{},
			Uses:  map[*ast.Ident]types.Object{},
		}
		_, files, err := l.check(bp, info)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
			status = 1
			continue
		}
		var out strings.Builder
		dump(&out, l.fset, files, info)
		name := unvendor(bp.ImportPath)
		if *outDir != "" {
			file := filepath.Join(*outDir, strings.ReplaceAll(name, "/", "%")+".txt")
			if err := os.WriteFile(file, []byte(out.String()), 0o644); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		} else {
			fmt.Printf("# package %s\n%s", name, out.String())
		}
	}
	if l.errs > 0 {
		status = 1
	}
	os.Exit(status)
}
