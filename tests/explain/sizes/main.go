// Command sizes type-checks Go files with go/types (gc's sizes for amd64) and prints, as JSON,
// the facts tests/explain/explain_test.py checks escapist explain's allocation sizes against,
// keyed by the position gc reports each expression at ("base.go:line:col"): the `(` of calls,
// the `{` of composite literals, the `.` of selectors, the `[` of index expressions, the
// operator of unary and binary expressions, an identifier's own position.
//
// Usage: go run ./sizes FILE.go...   (files of one package)
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
)

// Fact is what one expression or definition at a position says about sizes.
type Fact struct {
	Node     string `json:"node"`                // go/ast node type: Ident, CallExpr, ...
	Def      bool   `json:"def,omitempty"`       // an identifier defining a variable
	Size     int64  `json:"size"`                // sizeof the expression's (or variable's) type
	Iface    bool   `json:"iface,omitempty"`     // the type is an interface
	ElemSize *int64 `json:"elem_size,omitempty"` // pointer or slice type: sizeof the element
	// Composite literals of slice type: the backing array's length.
	ArrayLen *int64 `json:"array_len,omitempty"`
	// Calls of variadic functions without `...`: the implicit slice's length and element size.
	VariadicLen      *int64 `json:"variadic_len,omitempty"`
	VariadicElemSize *int64 `json:"variadic_elem_size,omitempty"`
	// make([]T, n[, c]) with a constant capacity (c, else n).
	MakeCap *int64 `json:"make_cap,omitempty"`
	// Method values x.M: sizeof struct{F uintptr; R recv}.
	MethodValueSize *int64 `json:"method_value_size,omitempty"`
}

func ptr(v int64) *int64 { return &v }

func main() {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range os.Args[1:] {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		files = append(files, f)
	}
	sizes := types.SizesFor("gc", "amd64")
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil), Sizes: sizes,
		Error: func(error) {}}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{}, Uses: map[*ast.Ident]types.Object{}}
	conf.Check("p", fset, files, info) // errors (e.g. errorcheck files' intended ones) are ignored

	facts := map[string][]Fact{}
	key := func(p token.Pos) string {
		pos := fset.Position(p)
		return fmt.Sprintf("%s:%d:%d", filepath.Base(pos.Filename), pos.Line, pos.Column)
	}
	typeFact := func(node string, t types.Type) Fact {
		f := Fact{Node: node, Size: sizes.Sizeof(t)}
		_, f.Iface = t.Underlying().(*types.Interface)
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			f.ElemSize = ptr(sizes.Sizeof(u.Elem()))
		case *types.Slice:
			f.ElemSize = ptr(sizes.Sizeof(u.Elem()))
		}
		return f
	}
	// Types whose size go/types cannot (or gc would not) give: untyped constants, type
	// parameters, tuples.
	sizable := func(t types.Type) bool {
		if t == nil {
			return false
		}
		if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
			return false
		}
		if _, ok := t.(*types.Tuple); ok {
			return false
		}
		if _, ok := t.(*types.TypeParam); ok {
			return false
		}
		return true
	}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if obj, ok := info.Defs[n]; ok && obj != nil {
					if v, ok := obj.(*types.Var); ok && sizable(v.Type()) {
						f := typeFact("Ident", v.Type())
						f.Def = true
						facts[key(n.Pos())] = append(facts[key(n.Pos())], f)
					}
				} else if tv, ok := info.Types[n]; ok && tv.IsValue() && sizable(tv.Type) {
					facts[key(n.Pos())] = append(facts[key(n.Pos())], typeFact("Ident", tv.Type))
				}
				return true
			case ast.Expr:
				tv, ok := info.Types[n]
				if !ok || !tv.IsValue() || !sizable(tv.Type) {
					return true
				}
				var at token.Pos
				f := typeFact(fmt.Sprintf("%T", n)[5:], tv.Type)
				switch n := n.(type) {
				case *ast.CallExpr:
					at = n.Lparen
					if sig, ok := info.Types[n.Fun].Type.(*types.Signature); ok && !info.Types[n.Fun].IsType() {
						if sig.Variadic() && !n.Ellipsis.IsValid() {
							np := sig.Params().Len()
							last := sig.Params().At(np - 1).Type().(*types.Slice)
							f.VariadicLen = ptr(int64(len(n.Args) - (np - 1)))
							f.VariadicElemSize = ptr(sizes.Sizeof(last.Elem()))
						}
					}
					if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "make" && len(n.Args) >= 2 {
						if _, ok := info.Uses[id].(*types.Builtin); ok {
							c := n.Args[len(n.Args)-1]
							if cv := info.Types[c].Value; cv != nil {
								if v, ok := constant.Int64Val(constant.ToInt(cv)); ok {
									f.MakeCap = ptr(v)
								}
							}
						}
					}
				case *ast.CompositeLit:
					at = n.Lbrace
					if _, ok := tv.Type.Underlying().(*types.Slice); ok {
						var idx, length int64
						for _, e := range n.Elts {
							if kv, ok := e.(*ast.KeyValueExpr); ok {
								if cv := info.Types[kv.Key].Value; cv != nil {
									if v, ok := constant.Int64Val(constant.ToInt(cv)); ok {
										idx = v
									}
								}
							}
							idx++
							length = max(length, idx)
						}
						f.ArrayLen = ptr(length)
					}
				case *ast.SelectorExpr:
					at = n.X.End()
					if sel, ok := info.Selections[n]; ok && sel.Kind() == types.MethodVal {
						st := types.NewStruct([]*types.Var{
							types.NewField(token.NoPos, nil, "F", types.Typ[types.Uintptr], false),
							types.NewField(token.NoPos, nil, "R", sel.Recv(), false)}, nil)
						f.MethodValueSize = ptr(sizes.Sizeof(st))
					}
				case *ast.IndexExpr:
					at = n.Lbrack
				case *ast.SliceExpr:
					at = n.Lbrack
				case *ast.BinaryExpr:
					at = n.OpPos
				case *ast.UnaryExpr:
					at = n.OpPos
				case *ast.StarExpr:
					at = n.Star
				case *ast.TypeAssertExpr:
					at = n.X.End()
				default:
					at = n.Pos()
				}
				facts[key(at)] = append(facts[key(at)], f)
			}
			return true
		})
	}
	out, _ := json.Marshal(facts)
	os.Stdout.Write(out)
}
