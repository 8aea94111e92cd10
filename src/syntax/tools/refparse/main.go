//go:build ignore

// refparse: parses Go files with gc's own syntax package and prints (a) the syntax errors and
// (b) optionally a dump of the tree converted to escapist's AST shapes, in escapist's DumpFile
// format, so that escapist-parse's output can be diffed against it.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"refparse/syntax"
)

var (
	dumpFlag     = flag.Bool("dump", false, "dump trees")
	listFlag     = flag.String("list", "", "file with file names")
	branchesFlag = flag.Bool("branches", false, "CheckBranches mode")
	quietFlag    = flag.Bool("q", false, "no errors")
	stringsFlag  = flag.Bool("strings", false, "print expression strings")
)

// ---- pragmas (parse-time part of gc's noder.pragma)

const (
	pNoinline         = 1 << 0
	pNoescape         = 1 << 1
	pNosplit          = 1 << 2
	pUintptrEscapes   = 1 << 3
	pUintptrKeepAlive = 1 << 4
	pNoCheckPtr       = 1 << 5
	pNorace           = 1 << 6
	pLinkname         = 1 << 7
	pNoWriteBarrier   = 1 << 8
	pSystemstack      = 1 << 9
	pYeswbrec         = 1 << 10
	pNowbrec          = 1 << 11
	pRegisterparams   = 1 << 12
	pCgoUnsafeArgs    = 1 << 13
	pGoBuild          = 1 << 31
)

func pragmaFlag(verb string) uint32 {
	switch verb {
	case "go:build":
		return pGoBuild
	case "go:noescape":
		return pNoescape
	case "go:norace":
		return pNorace
	case "go:nosplit":
		return pNosplit | pNoCheckPtr
	case "go:noinline":
		return pNoinline
	case "go:nocheckptr":
		return pNoCheckPtr
	case "go:systemstack":
		return pSystemstack
	case "go:nowritebarrier":
		return pNoWriteBarrier
	case "go:nowritebarrierrec":
		return pNowbrec | pNoWriteBarrier
	case "go:yeswritebarrierrec":
		return pYeswbrec
	case "go:cgo_unsafe_args":
		return pCgoUnsafeArgs | pNoCheckPtr
	case "go:uintptrkeepalive":
		return pUintptrKeepAlive
	case "go:uintptrescapes":
		return pUintptrEscapes | pUintptrKeepAlive
	case "go:registerparams":
		return pRegisterparams
	}
	return 0
}

type pragPos struct {
	flag uint32
	pos  syntax.Pos
}

type prag struct {
	flags  uint32
	pos    []pragPos
	embeds []syntax.Pos
}

type errRec struct {
	pos syntax.Pos
	msg string
}

type fileState struct {
	errs      []errRec
	linknames []string
}

func (st *fileState) errh(err error) {
	e := err.(syntax.Error)
	st.errs = append(st.errs, errRec{e.Pos, e.Msg})
}

func (st *fileState) pragh(pos syntax.Pos, blank bool, text string, old syntax.Pragma) syntax.Pragma {
	p, _ := old.(*prag)
	if p == nil {
		p = new(prag)
	}
	if text == "" {
		for _, pp := range p.pos {
			if pp.flag&p.flags != 0 {
				st.errs = append(st.errs, errRec{pp.pos, "misplaced compiler directive"})
			}
		}
		for _, e := range p.embeds {
			st.errs = append(st.errs, errRec{e, "misplaced go:embed directive"})
		}
		return nil
	}
	if !blank {
		st.errs = append(st.errs, errRec{pos, "misplaced compiler directive"})
		return p
	}
	switch {
	case strings.HasPrefix(text, "go:wasmimport "):
		if len(strings.Fields(text)) != 3 {
			st.errs = append(st.errs, errRec{pos, "usage: //go:wasmimport importmodule importname"})
		}
	case strings.HasPrefix(text, "go:wasmexport "):
		if len(strings.Fields(text)) != 2 {
			st.errs = append(st.errs, errRec{pos, "usage: //go:wasmexport exportname"})
		}
	case strings.HasPrefix(text, "go:linkname "), strings.HasPrefix(text, "go:linknamestd "):
		f := strings.Fields(text)
		if !(2 <= len(f) && len(f) <= 3) {
			st.errs = append(st.errs, errRec{pos, fmt.Sprintf("usage: //%s localname [linkname]", f[0])})
			break
		}
		st.linknames = append(st.linknames, f[1])
	case text == "go:embed", strings.HasPrefix(text, "go:embed "):
		if len(strings.Fields(text[len("go:embed"):])) == 0 {
			st.errs = append(st.errs, errRec{pos, "usage: //go:embed pattern..."})
			break
		}
		p.embeds = append(p.embeds, pos)
	default:
		verb := text
		if i := strings.Index(text, " "); i >= 0 {
			verb = verb[:i]
		}
		flag := pragmaFlag(verb)
		p.flags |= flag
		p.pos = append(p.pos, pragPos{flag, pos})
	}
	return p
}

// ---- converted tree

type N struct {
	kind  string
	pos   syntax.Pos
	pos2  syntax.Pos
	op    string
	flags uint16
	aux   uint32
	text  string
	x     *N
	y     *N
	z     *N
	zref  string
	w     *N
	list  []*N
	list2 []*N
}

const (
	fHasDots      = 1 << 0
	fFull         = 1 << 1
	fEmbedded     = 1 << 2
	fAlias        = 1 << 3
	fDefault      = 1 << 4
	fIncDec       = 1 << 5
	fChanSend     = 1 << 6
	fChanRecv     = 1 << 7
	fImplicitType = 1 << 8
	fTilde        = 1 << 9
)

var flagNames = []string{"HasDots", "Full", "Embedded", "Alias", "Default", "IncDec", "ChanSend",
	"ChanRecv", "ImplicitType", "Tilde"}

type conv struct {
	src    []byte
	starts []int // line start offsets (line 1 at index 0)
}

func (c *conv) offset(p syntax.Pos) int {
	l := int(p.Line())
	if l < 1 || l > len(c.starts) {
		return -1
	}
	return c.starts[l-1] + int(p.Col()) - 1
}

func (c *conv) posAt(off int) syntax.Pos {
	// binary search line
	lo, hi := 0, len(c.starts)-1
	for lo < hi {
		m := (lo + hi + 1) / 2
		if c.starts[m] <= off {
			lo = m
		} else {
			hi = m - 1
		}
	}
	return syntax.MakePos(nil, uint(lo+1), uint(off-c.starts[lo]+1))
}

// skipBack skips white space and comments backwards from off (exclusive); returns the offset
// of the last non-space byte.
func (c *conv) skipBack(off int) int {
	i := off - 1
	for i >= 0 {
		ch := c.src[i]
		if ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' {
			i--
			continue
		}
		if ch == '/' && i > 0 && c.src[i-1] == '*' {
			j := strings.LastIndex(string(c.src[:i-1]), "/*")
			if j >= 0 {
				i = j - 1
				continue
			}
		}
		break
	}
	return i
}

func (c *conv) skipFwd(off int) int {
	i := off
	for i < len(c.src) {
		ch := c.src[i]
		if ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' {
			i++
			continue
		}
		if ch == '/' && i+1 < len(c.src) && c.src[i+1] == '/' {
			for i < len(c.src) && c.src[i] != '\n' {
				i++
			}
			continue
		}
		if ch == '/' && i+1 < len(c.src) && c.src[i+1] == '*' {
			j := strings.Index(string(c.src[i+2:]), "*/")
			if j < 0 {
				return len(c.src)
			}
			i += 2 + j + 2
			continue
		}
		break
	}
	return i
}

// funcKeywordPos finds the `func` keyword before a FuncType's `(`.
func (c *conv) funcKeywordPos(p syntax.Pos) syntax.Pos {
	off := c.offset(p)
	if off < 0 {
		return p
	}
	i := c.skipBack(off)
	if i >= 3 && string(c.src[i-3:i+1]) == "func" {
		return c.posAt(i - 3)
	}
	return p
}

// declParenPos finds the `(` of a declaration's signature given gc's FuncType position, which is
// at `[` for generic functions.
func (c *conv) declParenPos(p syntax.Pos) syntax.Pos {
	off := c.offset(p)
	if off < 0 || off >= len(c.src) || c.src[off] != '[' {
		return p
	}
	depth := 0
	i := off
	for ; i < len(c.src); i++ {
		switch c.src[i] {
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	j := c.skipFwd(i + 1)
	if j < len(c.src) && c.src[j] == '(' {
		return c.posAt(j)
	}
	return p
}

func (c *conv) definePos(lhs *syntax.Name) syntax.Pos {
	off := c.offset(lhs.Pos())
	if off < 0 {
		return lhs.Pos()
	}
	j := c.skipFwd(off + len(lhs.Value))
	return c.posAt(j)
}

func litKind(k syntax.LitKind) string {
	switch k {
	case syntax.IntLit:
		return "INT"
	case syntax.FloatLit:
		return "FLOAT"
	case syntax.ImagLit:
		return "IMAG"
	case syntax.RuneLit:
		return "CHAR"
	}
	return "STRING"
}

func unpack(x syntax.Expr) []syntax.Expr { return syntax.UnpackListExpr(x) }

func (c *conv) exprs(l []syntax.Expr) []*N {
	var out []*N
	for _, x := range l {
		out = append(out, c.expr(x))
	}
	return out
}

func (c *conv) fields(l []*syntax.Field) []*N {
	var out []*N
	for _, f := range l {
		out = append(out, &N{kind: "Field", pos: f.Pos(), x: c.name(f.Name), y: c.expr(f.Type)})
	}
	return out
}

func (c *conv) name(n *syntax.Name) *N {
	if n == nil {
		return nil
	}
	return &N{kind: "Name", pos: n.Pos(), text: n.Value}
}

const (
	ftType = iota
	ftDecl
	ftMethod
)

func (c *conv) funcType(t *syntax.FuncType, mode int, lit syntax.Pos) *N {
	n := &N{kind: "FuncType", pos: t.Pos(), list: c.fields(t.ParamList), list2: c.fields(t.ResultList)}
	switch mode {
	case ftType:
		if lit.IsKnown() {
			n.pos = lit
		} else {
			n.pos = c.funcKeywordPos(t.Pos())
		}
	case ftDecl:
		n.pos = c.declParenPos(t.Pos())
	}
	return n
}

func (c *conv) expr(x syntax.Expr) *N {
	switch x := x.(type) {
	case nil:
		return nil
	case *syntax.BadExpr:
		return &N{kind: "Bad", pos: x.Pos()}
	case *syntax.Name:
		return c.name(x)
	case *syntax.BasicLit:
		return &N{kind: "BasicLit", pos: x.Pos(), op: litKind(x.Kind), text: x.Value}
	case *syntax.CompositeLit:
		return &N{kind: "CompositeLit", pos: x.Pos(), pos2: x.Rbrace, x: c.expr(x.Type), list: c.exprs(x.ElemList)}
	case *syntax.KeyValueExpr:
		return &N{kind: "KeyValue", pos: x.Key.Pos(), x: c.expr(x.Key), y: c.expr(x.Value)}
	case *syntax.FuncLit:
		return &N{kind: "FuncLit", pos: x.Pos(), x: c.funcType(x.Type, ftType, x.Pos()), y: c.stmt(x.Body)}
	case *syntax.ParenExpr:
		return &N{kind: "Paren", pos: x.Pos(), x: c.expr(x.X)}
	case *syntax.SelectorExpr:
		return &N{kind: "Selector", pos: x.Pos(), x: c.expr(x.X), y: c.name(x.Sel)}
	case *syntax.IndexExpr:
		return &N{kind: "Index", pos: x.Pos(), x: c.expr(x.X), list: c.exprs(unpack(x.Index))}
	case *syntax.SliceExpr:
		n := &N{kind: "Slice", pos: x.Pos(), x: c.expr(x.X), y: c.expr(x.Index[0]), z: c.expr(x.Index[1]), w: c.expr(x.Index[2])}
		if x.Full {
			n.flags |= fFull
		}
		return n
	case *syntax.AssertExpr:
		return &N{kind: "TypeAssert", pos: x.Pos(), x: c.expr(x.X), y: c.expr(x.Type)}
	case *syntax.TypeSwitchGuard:
		if x.Lhs != nil {
			return c.guard(x)
		}
		return &N{kind: "TypeAssert", pos: x.Pos(), x: c.expr(x.X)}
	case *syntax.Operation:
		if x.Y == nil {
			n := &N{kind: "Unary", pos: x.Pos(), op: x.Op.String(), x: c.expr(x.X)}
			if x.Op == syntax.Tilde {
				n.flags |= fTilde
			}
			return n
		}
		return &N{kind: "Binary", pos: x.Pos(), op: x.Op.String(), x: c.expr(x.X), y: c.expr(x.Y)}
	case *syntax.CallExpr:
		n := &N{kind: "Call", pos: x.Pos(), x: c.expr(x.Fun), list: c.exprs(x.ArgList)}
		if x.HasDots {
			n.flags |= fHasDots
		}
		return n
	case *syntax.ListExpr:
		return &N{kind: "LIST?", pos: x.Pos()}
	case *syntax.ArrayType:
		n := &N{kind: "ArrayType", pos: x.Pos(), x: c.expr(x.Len), y: c.expr(x.Elem)}
		if x.Len == nil {
			n.flags |= fHasDots
		}
		return n
	case *syntax.SliceType:
		return &N{kind: "SliceType", pos: x.Pos(), y: c.expr(x.Elem)}
	case *syntax.DotsType:
		return &N{kind: "DotsType", pos: x.Pos(), x: c.expr(x.Elem)}
	case *syntax.StructType:
		n := &N{kind: "StructType", pos: x.Pos()}
		for i, f := range x.FieldList {
			fn := &N{kind: "Field", pos: f.Pos(), x: c.name(f.Name), y: c.expr(f.Type)}
			if i < len(x.TagList) && x.TagList[i] != nil {
				fn.z = c.expr(x.TagList[i])
			}
			if f.Name == nil {
				fn.flags |= fEmbedded
			}
			n.list = append(n.list, fn)
		}
		return n
	case *syntax.FuncType:
		return c.funcType(x, ftType, syntax.Pos{})
	case *syntax.InterfaceType:
		n := &N{kind: "InterfaceType", pos: x.Pos()}
		for _, f := range x.MethodList {
			fn := &N{kind: "Field", pos: f.Pos(), x: c.name(f.Name)}
			if ft, ok := f.Type.(*syntax.FuncType); ok && f.Name != nil {
				fn.y = c.funcType(ft, ftMethod, syntax.Pos{})
			} else {
				fn.y = c.expr(f.Type)
			}
			if f.Name == nil {
				fn.flags |= fEmbedded
			}
			n.list = append(n.list, fn)
		}
		return n
	case *syntax.MapType:
		return &N{kind: "MapType", pos: x.Pos(), x: c.expr(x.Key), y: c.expr(x.Value)}
	case *syntax.ChanType:
		n := &N{kind: "ChanType", pos: x.Pos(), x: c.expr(x.Elem)}
		switch x.Dir {
		case syntax.SendOnly:
			n.flags |= fChanSend
		case syntax.RecvOnly:
			n.flags |= fChanRecv
		}
		return n
	}
	return &N{kind: fmt.Sprintf("UNKNOWN(%T)", x)}
}

func (c *conv) guard(g *syntax.TypeSwitchGuard) *N {
	n := &N{kind: "TypeSwitchGuard", x: c.name(g.Lhs), y: c.expr(g.X)}
	if g.Lhs != nil {
		n.pos = c.definePos(g.Lhs)
	} else {
		n.pos = g.X.Pos()
	}
	return n
}

func (c *conv) stmts(l []syntax.Stmt) []*N {
	var out []*N
	for _, s := range l {
		out = append(out, c.stmt(s))
	}
	return out
}

func (c *conv) stmt(s syntax.Stmt) *N {
	switch s := s.(type) {
	case nil:
		return nil
	case *syntax.EmptyStmt:
		return &N{kind: "EmptyStmt", pos: s.Pos()}
	case *syntax.LabeledStmt:
		return &N{kind: "LabeledStmt", pos: s.Label.Pos(), x: c.name(s.Label), y: c.stmt(s.Stmt)}
	case *syntax.BlockStmt:
		if s == nil {
			return nil
		}
		return &N{kind: "Block", pos: s.Pos(), pos2: s.Rbrace, list: c.stmts(s.List)}
	case *syntax.ExprStmt:
		return &N{kind: "ExprStmt", pos: s.Pos(), x: c.expr(s.X)}
	case *syntax.SendStmt:
		return &N{kind: "SendStmt", pos: s.Pos(), x: c.expr(s.Chan), y: c.expr(s.Value)}
	case *syntax.DeclStmt:
		return &N{kind: "DeclStmt", pos: s.Pos(), list: c.decls(s.DeclList)}
	case *syntax.AssignStmt:
		n := &N{kind: "Assign", pos: s.Pos(), list: c.exprs(unpack(s.Lhs)), list2: c.exprs(unpack(s.Rhs))}
		switch s.Op {
		case 0:
			n.op = "="
		case syntax.Def:
			n.op = ":="
		default:
			n.op = s.Op.String()
		}
		if s.Rhs == nil {
			n.flags |= fIncDec
		}
		return n
	case *syntax.BranchStmt:
		return &N{kind: "BranchStmt", pos: s.Pos(), op: s.Tok.String(), x: c.name(s.Label)}
	case *syntax.CallStmt:
		k := "GoStmt"
		if s.Tok == syntax.Defer {
			k = "DeferStmt"
		}
		return &N{kind: k, pos: s.Pos(), x: c.expr(s.Call)}
	case *syntax.ReturnStmt:
		return &N{kind: "ReturnStmt", pos: s.Pos(), list: c.exprs(unpack(s.Results))}
	case *syntax.IfStmt:
		n := &N{kind: "IfStmt", pos: s.Pos(), x: c.stmt(s.Init), y: c.expr(s.Cond), z: c.stmt(s.Then)}
		if s.Else != nil {
			n.w = c.stmt(s.Else)
		}
		return n
	case *syntax.ForStmt:
		if rc, ok := s.Init.(*syntax.RangeClause); ok {
			n := &N{kind: "RangeStmt", pos: s.Pos(), pos2: rc.Pos(), list: c.exprs(unpack(rc.Lhs)), x: c.expr(rc.X), w: c.stmt(s.Body)}
			if rc.Lhs != nil {
				if rc.Def {
					n.op = ":="
				} else {
					n.op = "="
				}
			}
			return n
		}
		return &N{kind: "ForStmt", pos: s.Pos(), x: c.stmt(s.Init), y: c.expr(s.Cond), z: c.stmt(s.Post), w: c.stmt(s.Body)}
	case *syntax.SwitchStmt:
		n := &N{kind: "SwitchStmt", pos: s.Pos(), pos2: s.Rbrace, x: c.stmt(s.Init)}
		if g, ok := s.Tag.(*syntax.TypeSwitchGuard); ok {
			n.y = c.guard(g)
		} else {
			n.y = c.expr(s.Tag)
		}
		for _, cc := range s.Body {
			cn := &N{kind: "CaseClause", pos: cc.Pos(), list: c.exprs(unpack(cc.Cases)), list2: c.stmts(cc.Body)}
			if cc.Cases == nil {
				cn.flags |= fDefault
			}
			n.list = append(n.list, cn)
		}
		return n
	case *syntax.SelectStmt:
		n := &N{kind: "SelectStmt", pos: s.Pos(), pos2: s.Rbrace}
		for _, cc := range s.Body {
			cn := &N{kind: "CommClause", pos: cc.Pos(), x: c.stmt(cc.Comm), list2: c.stmts(cc.Body)}
			if cc.Comm == nil {
				cn.flags |= fDefault
			}
			n.list = append(n.list, cn)
		}
		return n
	case *syntax.RangeClause:
		return &N{kind: "RANGECLAUSE?", pos: s.Pos()}
	}
	return &N{kind: fmt.Sprintf("UNKNOWN(%T)", s)}
}

func (c *conv) decls(l []syntax.Decl) []*N {
	var out []*N
	var group *syntax.Group
	var iota uint32
	var last *N
	for _, d := range l {
		switch d := d.(type) {
		case *syntax.ImportDecl:
			n := &N{kind: "ImportSpec", pos: d.Pos(), x: c.name(d.LocalPkgName)}
			if d.Path != nil {
				n.y = c.expr(d.Path)
			} else {
				n.y = &N{kind: "Bad", pos: d.Pos()}
			}
			out = append(out, n)
		case *syntax.ConstDecl:
			if d.Group == nil || d.Group != group {
				group = d.Group
				iota = 0
				last = nil
			}
			n := &N{kind: "ConstSpec", pos: d.Pos(), x: c.expr(d.Type), list2: c.exprs(unpack(d.Values)), aux: iota}
			for _, nm := range d.NameList {
				n.list = append(n.list, c.name(nm))
			}
			iota++
			if d.Type != nil || d.Values != nil {
				last = n
			} else {
				n.flags |= fImplicitType
				if last != nil {
					n.zref = fmt.Sprintf("ConstSpec %d:%d", last.pos.Line(), last.pos.Col())
				}
			}
			out = append(out, n)
			continue
		case *syntax.TypeDecl:
			n := &N{kind: "TypeSpec", pos: d.Pos(), x: c.name(d.Name), list: c.fields(d.TParamList), y: c.expr(d.Type)}
			if d.Alias {
				n.flags |= fAlias
			}
			out = append(out, n)
		case *syntax.VarDecl:
			n := &N{kind: "VarSpec", pos: d.Pos(), x: c.expr(d.Type), list2: c.exprs(unpack(d.Values))}
			for _, nm := range d.NameList {
				n.list = append(n.list, c.name(nm))
			}
			out = append(out, n)
		case *syntax.FuncDecl:
			n := &N{kind: "FuncDecl", pos: d.Name.Pos(), y: c.name(d.Name), list: c.fields(d.TParamList), z: c.funcType(d.Type, ftDecl, syntax.Pos{})}
			if d.Recv != nil {
				n.pos2 = d.Pos()
				n.x = c.fields([]*syntax.Field{d.Recv})[0]
			}
			if d.Body != nil {
				n.w = c.stmt(d.Body)
			}
			if p, ok := d.Pragma.(*prag); ok && p != nil {
				n.aux = p.flags &^ pGoBuild
			}
			out = append(out, n)
		}
		group = nil
	}
	return out
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, "\\x%02x", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func pstr(p syntax.Pos) string { return fmt.Sprintf("%d:%d", p.Line(), p.Col()) }

func dump(w *bufio.Writer, n *N, label string, depth int) {
	w.WriteString(strings.Repeat("  ", depth))
	if label != "" {
		w.WriteString(label + ": ")
	}
	w.WriteString(n.kind + " " + pstr(n.pos))
	if n.pos2.IsKnown() {
		w.WriteString(" pos2=" + pstr(n.pos2))
	}
	if n.op != "" {
		w.WriteString(" op=" + n.op)
	}
	if n.flags != 0 {
		var names []string
		for i := 0; i < 16; i++ {
			if n.flags&(1<<i) != 0 {
				names = append(names, flagNames[i])
			}
		}
		w.WriteString(" flags=" + strings.Join(names, ","))
	}
	if n.aux != 0 {
		w.WriteString(" aux=" + strconv.Itoa(int(n.aux)))
	}
	if n.text != "" {
		w.WriteString(" " + quote(n.text))
	}
	w.WriteString("\n")
	child := func(c *N, l string) {
		if c != nil {
			dump(w, c, l, depth+1)
		}
	}
	child(n.x, "x")
	child(n.y, "y")
	if n.zref != "" {
		w.WriteString(strings.Repeat("  ", depth+1) + "z -> " + n.zref + "\n")
	} else {
		child(n.z, "z")
	}
	child(n.w, "w")
	for i, c := range n.list {
		dump(w, c, fmt.Sprintf("list[%d]", i), depth+1)
	}
	for i, c := range n.list2 {
		dump(w, c, fmt.Sprintf("list2[%d]", i), depth+1)
	}
}

func main() {
	flag.Parse()
	files := flag.Args()
	if *listFlag != "" {
		data, err := os.ReadFile(*listFlag)
		if err != nil {
			panic(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l != "" {
				files = append(files, l)
			}
		}
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	nerr := 0
	for fi, fn := range files {
		src, err := os.ReadFile(fn)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		st := &fileState{}
		var mode syntax.Mode
		if *branchesFlag {
			mode = syntax.CheckBranches
		}
		f, _ := syntax.Parse(syntax.NewFileBase(fn), strings.NewReader(string(src)), st.errh, st.pragh, mode)
		if !*quietFlag {
			for _, e := range st.errs {
				fmt.Fprintf(w, "%s:%d:%d: %s\n", fn, e.pos.Line(), e.pos.Col(), e.msg)
			}
		}
		nerr += len(st.errs)
		if *stringsFlag && f != nil {
			strWalkDecls(w, f.DeclList)
		}
		if *dumpFlag {
			c := &conv{src: src, starts: []int{0}}
			for i, b := range src {
				if b == '\n' {
					c.starts = append(c.starts, i+1)
				}
			}
			root := &N{kind: "File", aux: uint32(fi)}
			if f != nil {
				root.pos = f.Pos()
				root.x = c.name(f.PkgName)
				root.list = c.decls(f.DeclList)
				// linknames
				for _, d := range root.list {
					if d.kind == "FuncDecl" && d.x == nil {
						for _, l := range st.linknames {
							if l == d.y.text {
								d.aux |= pLinkname
							}
						}
					}
				}
			}
			dump(w, root, "", 0)
		}
	}
	if nerr > 0 {
		w.Flush()
		os.Exit(1)
	}
}

// ---- expression strings (syntax.String) in a fixed walk order, for checking ExprString.

func strWalkDecls(w *bufio.Writer, l []syntax.Decl) {
	for _, d := range l {
		switch d := d.(type) {
		case *syntax.ConstDecl:
			if d.Type != nil {
				fmt.Fprintln(w, syntax.String(d.Type))
			}
			for _, v := range unpack(d.Values) {
				fmt.Fprintln(w, syntax.String(v))
			}
		case *syntax.VarDecl:
			if d.Type != nil {
				fmt.Fprintln(w, syntax.String(d.Type))
			}
			for _, v := range unpack(d.Values) {
				fmt.Fprintln(w, syntax.String(v))
			}
		case *syntax.TypeDecl:
			fmt.Fprintln(w, syntax.String(d.Type))
		case *syntax.FuncDecl:
			if d.Recv != nil {
				fmt.Fprintln(w, syntax.String(d.Recv.Type))
			}
			for _, f := range d.Type.ParamList {
				fmt.Fprintln(w, syntax.String(f.Type))
			}
			for _, f := range d.Type.ResultList {
				fmt.Fprintln(w, syntax.String(f.Type))
			}
			if d.Body != nil {
				strWalkStmts(w, d.Body.List)
			}
		}
	}
}

func strWalkStmts(w *bufio.Writer, l []syntax.Stmt) {
	for _, s := range l {
		strWalkStmt(w, s)
	}
}

func strWalkStmt(w *bufio.Writer, s syntax.Stmt) {
	p := func(x syntax.Expr) {
		for _, e := range unpack(x) {
			fmt.Fprintln(w, syntax.String(e))
		}
	}
	switch s := s.(type) {
	case *syntax.ExprStmt:
		p(s.X)
	case *syntax.AssignStmt:
		p(s.Lhs)
		p(s.Rhs)
	case *syntax.SendStmt:
		p(s.Chan)
		p(s.Value)
	case *syntax.ReturnStmt:
		p(s.Results)
	case *syntax.CallStmt:
		p(s.Call)
	case *syntax.DeclStmt:
		strWalkDecls(w, s.DeclList)
	case *syntax.LabeledStmt:
		strWalkStmt(w, s.Stmt)
	case *syntax.BlockStmt:
		strWalkStmts(w, s.List)
	case *syntax.IfStmt:
		if s.Init != nil {
			strWalkStmt(w, s.Init)
		}
		p(s.Cond)
		strWalkStmts(w, s.Then.List)
		if s.Else != nil {
			strWalkStmt(w, s.Else)
		}
	case *syntax.ForStmt:
		if rc, ok := s.Init.(*syntax.RangeClause); ok {
			p(rc.Lhs)
			p(rc.X)
		} else {
			if s.Init != nil {
				strWalkStmt(w, s.Init)
			}
			p(s.Cond)
			if s.Post != nil {
				strWalkStmt(w, s.Post)
			}
		}
		strWalkStmts(w, s.Body.List)
	case *syntax.SwitchStmt:
		if s.Init != nil {
			strWalkStmt(w, s.Init)
		}
		if s.Tag != nil {
			fmt.Fprintln(w, syntax.String(s.Tag))
		}
		for _, cc := range s.Body {
			p(cc.Cases)
			strWalkStmts(w, cc.Body)
		}
	case *syntax.SelectStmt:
		for _, cc := range s.Body {
			if cc.Comm != nil {
				strWalkStmt(w, cc.Comm)
			}
			strWalkStmts(w, cc.Body)
		}
	}
}
