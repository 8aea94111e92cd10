// syntax/parser.cpp -- the Go parser, a port of gc's cmd/compile/internal/syntax/parser.go that
// builds escapist's uniform AST (see ast.h and node_kinds.def for the node shapes).
#include <pthread.h>

#include <cstring>
#include <deque>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "syntax/dump.h"
#include "syntax/parse.h"
#include "syntax/scanner.h"

namespace escapist::syntax {

namespace {

// Pragma bits that FuncDecl.aux does not carry (gc's ir.GoBuildPragma).
constexpr uint32_t kPragmaGoBuildInternal = 1u << 31;
constexpr uint32_t kPragmaInternalMask = kPragmaGoBuildInternal;

// Nesting limit of the recursive productions (expressions, types, statements).
constexpr int kMaxDepth = 10000;
// Stack kept free below the deepest parser frame.
constexpr uintptr_t kStackMargin = 256 * 1024;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool IsLiteralToken(Token t) {
  return t == Token::kInt || t == Token::kFloat || t == Token::kImag || t == Token::kChar ||
         t == Token::kString;
}

bool IsKeyword(Token t) { return t >= Token::kBreak && t <= Token::kVar; }

// gc's _Operator token class: the operators the scanner reports as _Operator (not `*`, `<-`,
// `++`, `--` or op=).
bool IsGcOperator(Token t) {
  switch (t) {
    case Token::kOrOr:
    case Token::kAndAnd:
    case Token::kEql:
    case Token::kNeq:
    case Token::kLss:
    case Token::kLeq:
    case Token::kGtr:
    case Token::kGeq:
    case Token::kAdd:
    case Token::kSub:
    case Token::kOr:
    case Token::kXor:
    case Token::kDiv:
    case Token::kRem:
    case Token::kAnd:
    case Token::kAndNot:
    case Token::kShl:
    case Token::kShr:
    case Token::kNot:
    case Token::kTilde:
      return true;
    default:
      return false;
  }
}

// tokstring: the English word for selected punctuation tokens, for error messages.
std::string TokString(Token tok) {
  switch (tok) {
    case Token::kComma:
      return "comma";
    case Token::kSemi:
      return "semicolon or newline";
    default:
      break;
  }
  if (IsKeyword(tok)) return std::string("keyword ") + TokenString(tok);
  return TokenString(tok);
}

// A set of tokens (for advance's follow lists).
struct TokSet {
  uint64_t bits[2] = {0, 0};
  bool any_operator = false;  // gc's _Operator class
  TokSet() = default;
  TokSet(std::initializer_list<Token> toks) {
    for (Token t : toks) Add(t);
  }
  void Add(Token t) {
    unsigned i = static_cast<unsigned>(t);
    bits[i / 64] |= uint64_t{1} << (i % 64);
  }
  bool Contains(Token t) const {
    unsigned i = static_cast<unsigned>(t);
    if ((bits[i / 64] >> (i % 64)) & 1) return true;
    return any_operator && IsGcOperator(t);
  }
  bool empty() const { return bits[0] == 0 && bits[1] == 0 && !any_operator; }
};

// Keywords that start a statement: good synchronization points after syntax errors.
const TokSet kStopset = {Token::kBreak,       Token::kConst,  Token::kContinue, Token::kDefer,
                         Token::kFallthrough, Token::kFor,    Token::kGo,       Token::kGoto,
                         Token::kIf,          Token::kReturn, Token::kSelect,   Token::kSwitch,
                         Token::kType,        Token::kVar};

// gc's noder.pragmaFlag: the Pragma bits of a `//go:` directive verb.
uint32_t PragmaFlag(std::string_view verb) {
  if (verb == "go:build") return kPragmaGoBuildInternal;
  if (verb == "go:noescape") return kPragmaNoescape;
  if (verb == "go:norace") return kPragmaNorace;
  if (verb == "go:nosplit") return kPragmaNosplit | kPragmaNoCheckPtr;
  if (verb == "go:noinline") return kPragmaNoinline;
  if (verb == "go:nocheckptr") return kPragmaNoCheckPtr;
  if (verb == "go:systemstack") return kPragmaSystemstack;
  if (verb == "go:nowritebarrier") return kPragmaNoWriteBarrier;
  if (verb == "go:nowritebarrierrec") return kPragmaNowritebarrierrec | kPragmaNoWriteBarrier;
  if (verb == "go:yeswritebarrierrec") return kPragmaYeswritebarrierrec;
  if (verb == "go:cgo_unsafe_args") return kPragmaCgoUnsafeArgs | kPragmaNoCheckPtr;
  if (verb == "go:uintptrkeepalive") return kPragmaUintptrKeepAlive;
  if (verb == "go:uintptrescapes") return kPragmaUintptrEscapes | kPragmaUintptrKeepAlive;
  if (verb == "go:registerparams") return kPragmaRegisterparams;
  return 0;  // go:nointerface only counts with GOEXPERIMENT=fieldtrack
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// strings.Fields over ASCII white space.
std::vector<std::string_view> Fields(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) i++;
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) j++;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// The pragmas collected since the last declaration (gc's noder.pragmas).
struct PendingPragma {
  uint32_t flags = 0;
  std::vector<std::pair<uint32_t, Pos>> pos;  // each directive's flag and position
  std::vector<Pos> embeds;
  bool empty() const { return flags == 0 && pos.empty() && embeds.empty(); }
};

// An expression list as gc's exprList returns it: one expression, or a ListExpr (count > 1).
struct XList {
  NodeId first;
  IdSpan<NodeId> span;  // valid if count > 1
  uint32_t count = 0;
  bool is_list() const { return count > 1; }
};

// State of a parenthesized const group: iota and the last spec with a type or values.
struct ConstGroup {
  uint32_t iota = 0;
  NodeId last;
};

// checkBranches (gc's branches.go): correct use of labels and branch statements (break,
// continue, fallthrough, goto) in a function body: misplaced breaks, continues and fallthroughs,
// bad labeled breaks and continues, invalid, unused, duplicate and missing labels, gotos jumping
// over variable declarations and into blocks. Its errors go straight to the sink (like gc's, they
// do not count as parser errors).
class BranchChecker {
 public:
  BranchChecker(const Ast& ast, DiagnosticSink& diags, const SourceSet& sources)
      : ast_(ast), diags_(diags), sources_(sources) {}

  void Check(NodeId body) {
    if (!body) return;
    const Node& b = ast_[body];
    std::vector<NodeId> fwd = BlockBranches(-1, Targets(), NodeId(), b.pos, Seq{b.list, {}});

    // If there are any forward gotos left, no matching label was found for them. Either those
    // labels were never defined, or they are inside blocks and not reachable from the gotos.
    for (NodeId g : fwd) {
      const Node& label = ast_[ast_[g].x];
      if (Label* l = Find(label.text)) {
        l->used = true;  // avoid "defined and not used" error
        Errorf(label.pos, "goto " + std::string(label.text) + " jumps into block starting at " +
                              sources_.Format(blocks_[l->parent].start));
      } else {
        Errorf(label.pos, "label " + std::string(label.text) + " not defined");
      }
    }

    // spec: "It is illegal to define a label that is never used."
    for (const Label& l : labels_) {
      if (!l.used) {
        const Node& name = ast_[ast_[l.lstmt].x];
        Errorf(name.pos, "label " + std::string(name.text) + " defined and not used");
      }
    }
  }

 private:
  struct Label {
    int parent;    // block containing this label declaration
    NodeId lstmt;  // statement declaring the label
    bool used;
  };
  struct Block {
    int parent;    // immediately enclosing block, or -1
    Pos start;     // start of block
    NodeId lstmt;  // labeled statement associated with this block, or none
  };
  // The statements within which break or continue statements are valid.
  struct Targets {
    NodeId breaks;        // ForStmt, RangeStmt, SwitchStmt, SelectStmt, or none
    NodeId continues;     // ForStmt, RangeStmt, or none
    int case_index = -1;  // case index of immediately enclosing switch statement, or < 0
  };
  // A statement sequence: a list span, or one statement.
  struct Seq {
    IdSpan<NodeId> span;
    NodeId single;
  };

  void Errorf(Pos p, std::string msg) { diags_.Error(p, std::move(msg)); }

  Label* Find(std::string_view name) {
    for (Label& l : labels_) {
      if (ast_[ast_[l.lstmt].x].text == name) return &l;
    }
    return nullptr;
  }

  // declare declares the label introduced by s in block b and returns the new label. If the
  // label was already declared, it reports an error and returns the existing label instead.
  Label* Declare(int b, NodeId s) {
    const Node& name = ast_[ast_[s].x];
    if (Label* alt = Find(name.text)) {
      Errorf(name.pos, "label " + std::string(name.text) + " already defined at " +
                           sources_.Format(ast_[ast_[alt->lstmt].x].pos));
      return alt;
    }
    labels_.push_back({b, s, false});
    return &labels_.back();
  }

  // The labeled statement matching name declared in block b or an enclosing block, or none.
  NodeId GotoTarget(int b, std::string_view name) {
    if (Label* l = Find(name)) {
      l->used = true;  // even if it's not a valid target
      for (; b >= 0; b = blocks_[b].parent) {
        if (l->parent == b) return l->lstmt;
      }
    }
    return NodeId();
  }

  // The innermost enclosing labeled statement matching name: none if the label is not defined,
  // and *invalid set if it is defined but doesn't label an enclosing statement.
  NodeId EnclosingTarget(int b, std::string_view name, bool* invalid) {
    *invalid = false;
    if (Label* l = Find(name)) {
      l->used = true;  // even if it's not a valid target (see e.g., test/fixedbugs/bug136.go)
      for (; b >= 0; b = blocks_[b].parent) {
        if (l->lstmt == blocks_[b].lstmt) return l->lstmt;
      }
      *invalid = true;
    }
    return NodeId();
  }

  static bool IsLoop(NodeKind k) { return k == NodeKind::kForStmt || k == NodeKind::kRangeStmt; }

  std::string VarName(NodeId v) {
    const Node& n = ast_[v];
    if (n.kind == NodeKind::kVarSpec) return ExprString(ast_, ast_.At(n.list, 0));
    std::string s;  // an Assign's left-hand side
    for (uint32_t i = 0; i < n.list.count; i++) {
      if (i > 0) s += ", ";
      s += ExprString(ast_, ast_.At(n.list, i));
    }
    return s;
  }

  // blockBranches processes a block's body starting at start and returns the list of
  // unresolved (forward) gotos. parent is the immediately enclosing block (or -1), ctxt
  // provides information about the enclosing statements, and lstmt is the labeled statement
  // associated with this block, or none.
  std::vector<NodeId> BlockBranches(int parent, Targets ctxt, NodeId lstmt, Pos start, Seq body) {
    int b = static_cast<int>(blocks_.size());
    blocks_.push_back({parent, start, lstmt});

    Pos var_pos;
    NodeId var_decl;
    std::vector<NodeId> fwd_gotos, bad_gotos;

    auto record_var_decl = [&](Pos p, NodeId decl) {
      var_pos = p;
      var_decl = decl;
      // Any existing forward goto jumping over the variable declaration is invalid. The goto
      // may still jump out of the block and be ok, but we don't know that yet. Remember all
      // forward gotos as potential bad gotos.
      bad_gotos = fwd_gotos;
    };
    auto jumps_over_var_decl = [&](NodeId fwd) {
      if (!var_pos.known()) return false;
      for (NodeId bad : bad_gotos) {
        if (bad == fwd) return true;
      }
      return false;
    };
    auto inner_block = [&](Targets c, Pos s, Seq seq, NodeId ls) {
      // Unresolved forward gotos from the inner block become forward gotos for this block.
      std::vector<NodeId> r = BlockBranches(b, c, ls, s, seq);
      fwd_gotos.insert(fwd_gotos.end(), r.begin(), r.end());
    };

    // A fallthrough statement counts as last statement in a statement list even if there are
    // trailing empty statements; remove them.
    uint32_t n = body.single ? 1 : body.span.count;
    auto at = [&](uint32_t i) { return body.single ? body.single : ast_.At(body.span, i); };
    while (n > 0 && ast_[at(n - 1)].kind == NodeKind::kEmptyStmt) n--;

    for (uint32_t stmt_index = 0; stmt_index < n; stmt_index++) {
      NodeId stmt = at(stmt_index);
      lstmt = NodeId();
      for (bool again = true; again && stmt;) {
        again = false;
        const Node& s = ast_[stmt];
        switch (s.kind) {
          case NodeKind::kDeclStmt:
            for (uint32_t i = 0; i < s.list.count; i++) {
              NodeId d = ast_.At(s.list, i);
              if (ast_[d].kind == NodeKind::kVarSpec) {
                record_var_decl(ast_[d].pos, d);
                break;  // the first VarDecl will do
              }
            }
            break;

          case NodeKind::kLabeledStmt: {
            // declare non-blank label
            std::string_view name = ast_[s.x].text;
            if (name != "_") {
              Label* l = Declare(b, stmt);
              // resolve matching forward gotos
              size_t k = 0;
              for (NodeId fwd : fwd_gotos) {
                const Node& label = ast_[ast_[fwd].x];
                if (label.text == name) {
                  l->used = true;
                  if (jumps_over_var_decl(fwd)) {
                    Errorf(label.pos, "goto " + std::string(name) + " jumps over declaration of " +
                                          VarName(var_decl) + " at " + sources_.Format(var_pos));
                  }
                } else {
                  fwd_gotos[k++] = fwd;  // no match - keep forward goto
                }
              }
              fwd_gotos.resize(k);
              lstmt = stmt;
            }
            // process labeled statement
            stmt = s.y;
            again = true;
            break;
          }

          case NodeKind::kBranchStmt: {
            if (!s.x) {
              // unlabeled branch statement
              switch (s.op) {
                case Token::kBreak:
                  if (!ctxt.breaks) Errorf(s.pos, "break is not in a loop, switch, or select");
                  break;
                case Token::kContinue:
                  if (!ctxt.continues) Errorf(s.pos, "continue is not in a loop");
                  break;
                case Token::kFallthrough: {
                  const char* msg = "fallthrough statement out of place";
                  if (ctxt.breaks && ast_[ctxt.breaks].kind == NodeKind::kSwitchStmt) {
                    const Node& t = ast_[ctxt.breaks];
                    if (t.y && ast_[t.y].kind == NodeKind::kTypeSwitchGuard) {
                      msg = "cannot fallthrough in type switch";
                    } else if (ctxt.case_index < 0 || stmt_index + 1 < n) {
                      // fallthrough nested in a block or not the last statement
                    } else if (static_cast<uint32_t>(ctxt.case_index) + 1 == t.list.count) {
                      msg = "cannot fallthrough final case in switch";
                    } else {
                      break;  // fallthrough ok
                    }
                  }
                  Errorf(s.pos, msg);
                  break;
                }
                default:
                  break;
              }
              break;
            }

            // labeled branch statement
            const Node& label = ast_[s.x];
            std::string name(label.text);
            switch (s.op) {
              case Token::kBreak: {
                // spec: "If there is a label, it must be that of an enclosing "for", "switch",
                // or "select" statement, and that is the one whose execution terminates."
                bool invalid = false;
                NodeId t = EnclosingTarget(b, name, &invalid);
                if (t) {
                  NodeKind k = ast_[t].y ? ast_[ast_[t].y].kind : NodeKind::kBad;
                  if (!(k == NodeKind::kSwitchStmt || k == NodeKind::kSelectStmt || IsLoop(k))) {
                    Errorf(label.pos, "invalid break label " + name);
                  }
                } else if (invalid) {
                  Errorf(label.pos, "invalid break label " + name);
                } else {
                  Errorf(label.pos, "break label not defined: " + name);
                }
                break;
              }
              case Token::kContinue: {
                // spec: "If there is a label, it must be that of an enclosing "for" statement,
                // and that is the one whose execution advances."
                bool invalid = false;
                NodeId t = EnclosingTarget(b, name, &invalid);
                if (t) {
                  NodeKind k = ast_[t].y ? ast_[ast_[t].y].kind : NodeKind::kBad;
                  if (!IsLoop(k)) Errorf(label.pos, "invalid continue label " + name);
                } else if (invalid) {
                  Errorf(label.pos, "invalid continue label " + name);
                } else {
                  Errorf(label.pos, "continue label not defined: " + name);
                }
                break;
              }
              case Token::kGoto:
                if (!GotoTarget(b, name)) {
                  // label may be declared later - add goto to forward gotos
                  fwd_gotos.push_back(stmt);
                }
                break;
              default:
                break;
            }
            break;
          }

          case NodeKind::kAssign:
            if (s.op == Token::kDefine) record_var_decl(s.pos, stmt);
            break;

          case NodeKind::kBlock:
            inner_block({ctxt.breaks, ctxt.continues, -1}, s.pos, Seq{s.list, {}}, lstmt);
            break;

          case NodeKind::kIfStmt: {
            Targets inner{ctxt.breaks, ctxt.continues, -1};
            if (s.z) inner_block(inner, ast_[s.z].pos, Seq{ast_[s.z].list, {}}, lstmt);
            if (s.w) inner_block(inner, ast_[s.w].pos, Seq{{}, s.w}, lstmt);
            break;
          }

          case NodeKind::kForStmt:
          case NodeKind::kRangeStmt: {
            Targets inner{stmt, stmt, -1};
            if (s.w) inner_block(inner, ast_[s.w].pos, Seq{ast_[s.w].list, {}}, lstmt);
            break;
          }

          case NodeKind::kSwitchStmt: {
            Targets inner{stmt, ctxt.continues, -1};
            for (uint32_t i = 0; i < s.list.count; i++) {
              NodeId cc = ast_.At(s.list, i);
              inner.case_index = static_cast<int>(i);
              inner_block(inner, ast_[cc].pos, Seq{ast_[cc].list2, {}}, lstmt);
            }
            break;
          }

          case NodeKind::kSelectStmt: {
            Targets inner{stmt, ctxt.continues, -1};
            for (uint32_t i = 0; i < s.list.count; i++) {
              NodeId cc = ast_.At(s.list, i);
              inner_block(inner, ast_[cc].pos, Seq{ast_[cc].list2, {}}, lstmt);
            }
            break;
          }

          default:
            break;
        }
      }
    }
    return fwd_gotos;
  }

  const Ast& ast_;
  DiagnosticSink& diags_;
  const SourceSet& sources_;
  std::vector<Block> blocks_;
  std::deque<Label> labels_;  // stable addresses
};

class Parser final : public ScannerHandler {
 public:
  Parser(const SourceSet& sources, uint32_t file_index, Ast& ast, DiagnosticSink& diags)
      : file_(file_index), ast_(ast), diags_(diags), sources_(sources) {
    const SourceFile& src = sources.Get(file_index);
    s_.Init(src.text, this, Scanner::kDirectives);
    InitStackLimit();
  }

  // Parse: the whole file.
  NodeId Parse() {
    info_.file_index = file_;
    s_.Next();
    NodeId f = FileOrNil();
    ApplyLinknames(f);
    info_.file = f;
    ast_.files.push_back(std::move(info_));
    return f;
  }

  // The package clause and the import declarations only.
  NodeId ParseImports() {
    info_.file_index = file_;
    s_.Next();
    NodeId f = New(NodeKind::kFile, pos());
    top_ = false;
    if (!Got(Token::kPackage)) {
      SyntaxError("package statement must be first");
      return f;
    }
    TakePragma();
    N(f).x = Name();
    Want(Token::kSemi);
    if (first_error_) return f;
    size_t mark = scratch_.size();
    while (s_.tok == Token::kImport) {
      Next();
      AppendGroup(Token::kImport);
      ClearPragma();
      if (s_.tok != Token::kEOF && !Got(Token::kSemi)) {
        SyntaxError("after top level declaration");
        break;
      }
    }
    N(f).list = Commit(mark);
    return f;
  }

  // ScannerHandler
  void ScanError(uint32_t line, uint32_t col, std::string msg) override {
    ErrorAt(Pos{file_, line, col}, std::move(msg));
  }
  void Comment(uint32_t line, uint32_t col, std::string_view text) override;

 private:
  // ---- nodes
  Pos pos() const { return Pos{file_, s_.line, s_.col}; }
  NodeId New(NodeKind kind, Pos p) {
    Node n;
    n.kind = kind;
    n.pos = p;
    return ast_.Add(n);
  }
  Node& N(NodeId id) { return ast_.Get(id); }
  NodeKind Kind(NodeId id) { return id ? ast_.Get(id).kind : NodeKind::kBad; }
  NodeId NewName(Pos p, std::string_view text) {
    NodeId n = New(NodeKind::kName, p);
    N(n).text = text;
    return n;
  }
  IdSpan<NodeId> Commit(size_t mark) {
    IdSpan<NodeId> span;
    if (scratch_.size() > mark) {
      span =
          ast_.AddListFrom(std::span<const NodeId>(scratch_.data() + mark, scratch_.size() - mark));
    }
    scratch_.resize(mark);
    return span;
  }
  IdSpan<NodeId> One(NodeId x) { return ast_.AddListFrom(std::span<const NodeId>(&x, 1)); }
  IdSpan<NodeId> Span(const XList& l) {
    if (l.count > 1) return l.span;
    if (l.count == 1) return One(l.first);
    return {};
  }
  NodeId Unparen(NodeId x) {
    while (x && Kind(x) == NodeKind::kParen) x = N(x).x;
    return x;
  }
  NodeId BadExpr() { return New(NodeKind::kBad, pos()); }

  // ---- tokens
  void Next() { s_.Next(); }
  bool Got(Token tok) {
    if (s_.tok == tok) {
      Next();
      return true;
    }
    return false;
  }
  void Want(Token tok) {
    if (!Got(tok)) {
      SyntaxError("expected " + TokString(tok));
      Advance({});
    }
  }
  bool GotAssign() {
    switch (s_.tok) {
      case Token::kDefine:
        SyntaxError("expected =");
        [[fallthrough]];
      case Token::kAssign:
        Next();
        return true;
      default:
        return false;
    }
  }

  // ---- errors
  void ErrorAt(Pos p, std::string msg) {
    first_error_ = true;
    errcnt_++;
    diags_.Error(p, std::move(msg));
  }
  void Error(std::string msg) { ErrorAt(pos(), std::move(msg)); }
  // An error gc's noder (not its parser) reports: directive misuse. It does not count as a
  // parser error (no effect on recovery or branch checking).
  void NoderError(Pos p, std::string msg) { diags_.Error(p, std::move(msg)); }
  void SyntaxErrorAt(Pos p, std::string_view msg);
  void SyntaxError(std::string_view msg) { SyntaxErrorAt(pos(), msg); }
  void Advance(const TokSet& follow);

  // ---- nesting guard
  void InitStackLimit();
  bool TooDeep() {
    if (depth_ > kMaxDepth) return true;
    auto sp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    return stack_limit_ != 0 && sp < stack_limit_;
  }
  void Bail() {
    if (!bailed_) {
      bailed_ = true;
      ErrorAt(pos(), "syntax error: nesting too deep");
      s_.StopAtEOF();
      s_.Next();
    }
  }
  struct DepthGuard {
    Parser* p;
    explicit DepthGuard(Parser* parser) : p(parser) {
      if (++p->depth_ > kMaxDepth || p->TooDeep()) p->Bail();
    }
    ~DepthGuard() { --p->depth_; }
  };

  // ---- pragmas
  void OnPragma(Pos p, bool blank, std::string_view text);
  void CheckLineDirective(uint32_t tline, uint32_t tcol, std::string_view text);
  PendingPragma TakePragma() {
    PendingPragma prag = std::move(pragma_);
    pragma_ = PendingPragma();
    return prag;
  }
  void ClearPragma() {
    if (pragma_.empty()) return;
    for (const auto& [flag, p] : pragma_.pos) {
      if (flag & pragma_.flags) NoderError(p, "misplaced compiler directive");
    }
    for (const Pos& p : pragma_.embeds) NoderError(p, "misplaced go:embed directive");
    pragma_ = PendingPragma();
  }
  // gc's pkgWriter.checkPragmas: directives a declaration does not allow are misplaced. gc runs
  // it after type checking, so the errors go to FileInfo::late_errors.
  void CheckPragmas(const PendingPragma& prag, uint32_t allowed, bool embed_ok) {
    for (const auto& [flag, p] : prag.pos) {
      if (flag & ~allowed) info_.late_errors.push_back({p, "misplaced compiler directive"});
    }
    if (!embed_ok) {
      for (const Pos& p : prag.embeds) {
        info_.late_errors.push_back({p, "misplaced go:embed directive"});
      }
    }
  }
  void ApplyLinknames(NodeId file);

  // ---- productions (named as in parser.go)
  NodeId FileOrNil();
  template <typename F>
  Pos List(const char* context, Token sep, Token close, F f);
  void AppendGroup(Token keyword);
  NodeId ImportDecl();
  NodeId ConstDecl(ConstGroup* group);
  NodeId TypeDecl();
  std::pair<NodeId, NodeId> ExtractName(NodeId x, bool force);
  bool IsTypeElem(NodeId x);
  NodeId VarDecl();
  NodeId FuncDeclOrNil();
  NodeId FuncBody();

  NodeId Expr() { return BinaryExpr(NodeId(), 0); }
  NodeId BinaryExpr(NodeId x, int prec);
  NodeId UnaryExpr();
  NodeId CallStmt();
  NodeId Operand(bool keep_parens);
  NodeId PExpr(NodeId x, bool keep_parens);
  bool IsValue(NodeId x);
  NodeId BareComplitExpr();
  NodeId ComplitExpr();

  NodeId Type();
  NodeId NewIndirect(Pos p, NodeId typ) {
    NodeId o = New(NodeKind::kUnary, p);
    N(o).op = Token::kMul;
    N(o).x = typ;
    return o;
  }
  NodeId TypeOrNil();
  NodeId TypeInstance(NodeId typ);
  NodeId FuncType(const char* context, Pos node_pos, IdSpan<NodeId>* tparams);
  NodeId ArrayType(Pos p, NodeId len);
  NodeId SliceType(Pos p);
  NodeId ChanElem();
  NodeId StructType();
  NodeId InterfaceType();
  IdSpan<NodeId> FuncResult();
  NodeId NewField(Pos p, NodeId name, NodeId typ, NodeId tag, bool embedded) {
    NodeId f = New(NodeKind::kField, p);
    Node& n = N(f);
    n.x = name;
    n.y = typ;
    n.z = tag;
    if (embedded) n.flags |= kFlagEmbedded;
    return f;
  }
  void FieldDecl();
  NodeId ArrayOrTArgs();
  NodeId OLiteral();
  NodeId MethodDecl();
  NodeId EmbeddedElem(NodeId f);
  NodeId EmbeddedTerm();
  NodeId ParamDeclOrNil(NodeId name, Token follow);
  IdSpan<NodeId> ParamList(NodeId name, NodeId typ, Token close, bool require_names, bool dddok);

  NodeId SimpleStmt(XList lhs, Token keyword);
  NodeId NewRangeClause(const XList* lhs, bool def);
  NodeId NewAssignStmt(Pos p, Token op, const XList& lhs, const XList* rhs);
  NodeId LabeledStmtOrNil(NodeId label);
  NodeId BlockStmt(const char* context);
  NodeId DeclStmt(Token keyword);
  NodeId ForStmt();
  void Header(Token keyword, NodeId* init, NodeId* cond, NodeId* post);
  std::string Emphasize(IdSpan<NodeId> list);
  NodeId IfStmt();
  NodeId SwitchStmt();
  NodeId SelectStmt();
  NodeId CaseClause();
  NodeId CommClause();
  NodeId StmtOrNil();
  IdSpan<NodeId> StmtList();
  void ArgList(NodeId call);

  NodeId Name();
  IdSpan<NodeId> NameList(NodeId first);
  NodeId QualifiedName(NodeId name);
  XList ExprList();
  XList TypeList(bool strict, bool* comma);

  uint32_t file_;
  Ast& ast_;
  DiagnosticSink& diags_;
  const SourceSet& sources_;
  Scanner s_;
  FileInfo info_;

  bool first_error_ = false;  // an error has been reported
  int errcnt_ = 0;
  PendingPragma pragma_;
  bool top_ = true;  // before the package clause
  int fnest_ = 0;    // function nesting level (for error handling)
  int xnest_ = 0;    // expression nesting level (for complit ambiguity resolution)
  int depth_ = 0;
  bool bailed_ = false;
  bool last_lit_bad_ = false;
  uintptr_t stack_limit_ = 0;
  std::vector<NodeId> scratch_;  // pending list elements; each list commits its tail
};

// ---------------------------------------------------------------------------------------------
// Error handling

void Parser::SyntaxErrorAt(Pos p, std::string_view msg) {
  if (s_.tok == Token::kEOF && first_error_) return;  // avoid meaningless follow-up errors

  // add punctuation etc. as needed to msg
  std::string m;
  if (msg.empty()) {
    // nothing to do
  } else if (StartsWith(msg, "in ") || StartsWith(msg, "at ") || StartsWith(msg, "after ")) {
    m = " ";
    m += msg;
  } else if (StartsWith(msg, "expected ")) {
    m = ", ";
    m += msg;
  } else {
    // plain error - we don't care about current token
    ErrorAt(p, "syntax error: " + std::string(msg));
    return;
  }

  // determine token string
  std::string tok;
  switch (s_.tok) {
    case Token::kName:
      tok = "name " + std::string(s_.lit);
      break;
    case Token::kSemi:
      tok = std::string(s_.lit);
      break;
    case Token::kInt:
    case Token::kFloat:
    case Token::kImag:
    case Token::kChar:
    case Token::kString:
      tok = "literal " + std::string(s_.lit);
      break;
    case Token::kOpAssign:
      tok = std::string(TokenString(s_.op)) + "=";
      break;
    default:
      tok = TokString(s_.tok);
  }
  ErrorAt(p, "syntax error: unexpected " + tok + m);
}

void Parser::Advance(const TokSet& follow) {
  // compute follow set
  TokSet followset = follow;
  followset.Add(Token::kEOF);  // don't skip over EOF
  if (!follow.empty() && fnest_ > 0) {
    followset.bits[0] |= kStopset.bits[0];
    followset.bits[1] |= kStopset.bits[1];
  }
  while (!followset.Contains(s_.tok)) {
    Next();
    if (follow.empty()) break;
  }
}

// The lowest address the parser's frames may use on this thread (0 if unknown); computed once
// per thread (pthread_getattr_np reads /proc/self/maps for the main thread).
uintptr_t ThreadStackLimit() {
  thread_local uintptr_t limit = [] {
    uintptr_t result = 0;
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return result;
    void* addr = nullptr;
    size_t size = 0;
    if (pthread_attr_getstack(&attr, &addr, &size) == 0 && addr != nullptr) {
      auto lo = reinterpret_cast<uintptr_t>(addr);
      auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
      if (here > lo + kStackMargin) result = lo + kStackMargin;
    }
    pthread_attr_destroy(&attr);
    return result;
  }();
  return limit;
}

void Parser::InitStackLimit() { stack_limit_ = ThreadStackLimit(); }

// ---------------------------------------------------------------------------------------------
// Directives

std::string_view CommentText(std::string_view s) {
  if (s.size() >= 4 && s.substr(0, 2) == "/*") return s.substr(2, s.size() - 4);
  size_t i = s.size();
  if (i > 2 && s[i - 1] == '\r') i--;
  return s.substr(2, i - 2);
}

void Parser::Comment(uint32_t line, uint32_t col, std::string_view text) {
  if (text.size() < 2) return;
  std::string_view t = CommentText(text);
  // //line directives must be at the start of the line; /*line*/ anywhere. Positions stay those
  // of the file itself (line directives do not remap them), but malformed directives are
  // reported as gc's updateBase does.
  if ((col == 1 || text[1] == '*') && StartsWith(t, "line ")) {
    CheckLineDirective(line, col + 2 + 5, t.substr(5));
    return;
  }
  if (StartsWith(t, "go:")) {
    if (top_ && StartsWith(text, "//go:build") && info_.build_constraint.empty()) {
      std::string_view rest = t.substr(std::strlen("go:build"));
      if (rest.empty() || rest[0] == ' ' || rest[0] == '\t') {
        while (!rest.empty() && IsSpace(rest.front())) rest.remove_prefix(1);
        while (!rest.empty() && IsSpace(rest.back())) rest.remove_suffix(1);
        info_.build_constraint = rest;
      }
    }
    OnPragma(Pos{file_, line, col + 2}, s_.blank, t);
  }
}

// trailingDigits: the index after the last ':' in text, the number after it, and whether it is a
// valid number.
void TrailingDigits(std::string_view text, size_t* i, uint64_t* n, bool* ok) {
  size_t colon = text.rfind(':');
  *i = 0;
  *n = 0;
  *ok = false;
  if (colon == std::string_view::npos) return;
  *i = colon + 1;
  std::string_view digits = text.substr(colon + 1);
  if (digits.empty() || digits.size() > 19) return;
  for (char c : digits) {
    if (c < '0' || c > '9') return;
    *n = *n * 10 + static_cast<uint64_t>(c - '0');
  }
  *ok = true;
}

// The validation part of gc's updateBase for a line directive's text (after "line ") found at
// (tline, tcol).
void Parser::CheckLineDirective(uint32_t tline, uint32_t tcol, std::string_view text) {
  constexpr uint64_t kPosMax = 1u << 30;
  size_t i;
  uint64_t n;
  bool ok;
  TrailingDigits(text, &i, &n, &ok);
  if (i == 0) return;  // ignore (not a line directive)
  auto at = [&](size_t off) { return Pos{file_, tline, tcol + static_cast<uint32_t>(off)}; };
  if (!ok) {
    // text has a suffix :xxx but xxx is not a number
    ErrorAt(at(i), "invalid line number: " + std::string(text.substr(i)));
    return;
  }
  uint64_t line = n;
  size_t i2;
  uint64_t n2;
  bool ok2;
  TrailingDigits(text.substr(0, i - 1), &i2, &n2, &ok2);
  if (ok2) {
    // line filename:line:col
    std::swap(i, i2);
    line = n2;
    uint64_t col = n;
    if (col == 0 || col > kPosMax) {
      ErrorAt(at(i2), "invalid column number: " + std::string(text.substr(i2)));
      return;
    }
    text = text.substr(0, i2 - 1);  // lop off ":col"
  }
  if (line == 0 || line > kPosMax) {
    ErrorAt(at(i), "invalid line number: " + std::string(text.substr(i)));
  }
}

// Mirrors gc's noder.pragma (the parse-time part; cgo, wasm and runtime-only checks that depend
// on the build configuration are left to later phases).
void Parser::OnPragma(Pos p, bool blank, std::string_view text) {
  if (!blank) {
    // directive must be on line by itself
    NoderError(p, "misplaced compiler directive");
    return;
  }
  if (StartsWith(text, "go:wasmimport ")) {
    if (Fields(text).size() != 3) NoderError(p, "usage: //go:wasmimport importmodule importname");
    return;
  }
  if (StartsWith(text, "go:wasmexport ")) {
    if (Fields(text).size() != 2) NoderError(p, "usage: //go:wasmexport exportname");
    return;
  }
  if (StartsWith(text, "go:linkname ") || StartsWith(text, "go:linknamestd ")) {
    std::vector<std::string_view> f = Fields(text);
    if (!(2 <= f.size() && f.size() <= 3)) {
      NoderError(p, "usage: //" + std::string(f[0]) + " localname [linkname]");
      return;
    }
    info_.linknames.push_back({p, f[1], f.size() == 3 ? f[2] : std::string_view()});
    return;
  }
  if (text == "go:embed" || StartsWith(text, "go:embed ")) {
    if (Fields(text.substr(std::strlen("go:embed"))).empty()) {
      NoderError(p, "usage: //go:embed pattern...");
      return;
    }
    pragma_.embeds.push_back(p);
    return;
  }
  std::string_view verb = text;
  if (size_t i = text.find(' '); i != std::string_view::npos) verb = text.substr(0, i);
  uint32_t flag = PragmaFlag(verb);
  pragma_.flags |= flag;
  pragma_.pos.emplace_back(flag, p);
}

void Parser::ApplyLinknames(NodeId file) {
  if (info_.linknames.empty()) return;
  for (uint32_t i = 0; i < N(file).list.count; i++) {
    NodeId d = ast_.At(N(file).list, i);
    Node& fn = N(d);
    if (fn.kind != NodeKind::kFuncDecl || fn.x || !fn.y) continue;
    for (const auto& l : info_.linknames) {
      if (l.local == N(fn.y).text) fn.aux |= kPragmaLinkname;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Package files

// SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } .
NodeId Parser::FileOrNil() {
  NodeId f = New(NodeKind::kFile, pos());
  N(f).aux = file_;

  // PackageClause
  top_ = false;
  if (!Got(Token::kPackage)) {
    SyntaxError("package statement must be first");
    return f;
  }
  PendingPragma prag = TakePragma();
  N(f).x = Name();
  Want(Token::kSemi);
  CheckPragmas(prag, kPragmaGoBuildInternal, false);

  // don't bother continuing if package clause has errors
  if (first_error_) return f;

  // Accept import declarations anywhere for error tolerance, but complain.
  // { ( ImportDecl | TopLevelDecl ) ";" }
  size_t mark = scratch_.size();
  Token prev = Token::kImport;
  while (s_.tok != Token::kEOF) {
    if (s_.tok == Token::kImport && prev != Token::kImport) {
      SyntaxError("imports must appear before other declarations");
    }
    prev = s_.tok;

    switch (s_.tok) {
      case Token::kImport:
      case Token::kConst:
      case Token::kType:
      case Token::kVar: {
        Token keyword = s_.tok;
        Next();
        AppendGroup(keyword);
        break;
      }
      case Token::kFunc: {
        Next();
        NodeId d = FuncDeclOrNil();
        if (d) scratch_.push_back(d);
        break;
      }
      default: {
        NodeId last = scratch_.size() > mark ? scratch_.back() : NodeId();
        if (s_.tok == Token::kLbrace && last && Kind(last) == NodeKind::kFuncDecl && !N(last).w) {
          // opening { of function declaration on next line
          SyntaxError("unexpected semicolon or newline before {");
        } else {
          SyntaxError("non-declaration statement outside function body");
        }
        Advance({Token::kImport, Token::kConst, Token::kType, Token::kVar, Token::kFunc});
        continue;
      }
    }

    // Reset pragma BEFORE advancing to the next token (consuming ';')
    // since comments before may set pragmas for the next function decl.
    ClearPragma();

    if (s_.tok != Token::kEOF && !Got(Token::kSemi)) {
      SyntaxError("after top level declaration");
      Advance({Token::kImport, Token::kConst, Token::kType, Token::kVar, Token::kFunc});
    }
  }
  // tok == EOF

  ClearPragma();
  N(f).list = Commit(mark);
  return f;
}

// ---------------------------------------------------------------------------------------------
// Declarations

// list = [ f { sep f } [sep] ] close .
template <typename F>
Pos Parser::List(const char* context, Token sep, Token close, F f) {
  bool done = false;
  while (s_.tok != Token::kEOF && s_.tok != close && !done) {
    done = f();
    // sep is optional before close
    if (!Got(sep) && s_.tok != close) {
      SyntaxError(std::string("in ") + context + "; possibly missing " + TokString(sep) + " or " +
                  TokString(close));
      Advance({Token::kRparen, Token::kRbrack, Token::kRbrace});
      if (s_.tok != close) {
        // position could be better but we had an error so we don't care
        return pos();
      }
    }
  }
  Pos p = pos();
  Want(close);
  return p;
}

// appendGroup(f) = f | "(" { f ";" } ")" . // ";" is optional before ")"
// Pushes the specs onto scratch_.
void Parser::AppendGroup(Token keyword) {
  auto spec = [&](ConstGroup* group) -> NodeId {
    switch (keyword) {
      case Token::kImport:
        return ImportDecl();
      case Token::kConst:
        return ConstDecl(group);
      case Token::kType:
        return TypeDecl();
      default:
        return VarDecl();
    }
  };
  if (s_.tok == Token::kLparen) {
    ConstGroup group;
    ClearPragma();
    Next();  // must consume "(" after calling clearPragma!
    List("grouped declaration", Token::kSemi, Token::kRparen, [&] {
      NodeId x = spec(&group);
      if (x) scratch_.push_back(x);
      return false;
    });
  } else {
    ConstGroup group;
    NodeId x = spec(&group);
    if (x) scratch_.push_back(x);
  }
}

// ImportSpec = [ "." | PackageName ] ImportPath .
NodeId Parser::ImportDecl() {
  NodeId d = New(NodeKind::kImportSpec, pos());
  CheckPragmas(TakePragma(), 0, false);

  switch (s_.tok) {
    case Token::kName:
      N(d).x = Name();
      break;
    case Token::kDot:
      N(d).x = NewName(pos(), ".");
      Next();
      break;
    default:
      break;
  }
  NodeId path = OLiteral();
  if (!path) {
    N(d).y = BadExpr();
    SyntaxError("missing import path");
    Advance({Token::kSemi, Token::kRparen});
    return d;
  }
  if (!last_lit_bad_ && N(path).op != Token::kString) {
    SyntaxErrorAt(N(path).pos, "import path must be a string");
  }
  N(d).y = path;
  return d;
}

// ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] .
NodeId Parser::ConstDecl(ConstGroup* group) {
  NodeId d = New(NodeKind::kConstSpec, pos());
  CheckPragmas(TakePragma(), 0, false);

  IdSpan<NodeId> names = NameList(Name());
  NodeId typ;
  XList values;
  if (s_.tok != Token::kEOF && s_.tok != Token::kSemi && s_.tok != Token::kRparen) {
    typ = TypeOrNil();
    if (GotAssign()) values = ExprList();
  }
  Node& n = N(d);
  n.list = names;
  n.x = typ;
  n.list2 = Span(values);
  n.aux = group->iota++;
  if (typ || values.count > 0) {
    group->last = d;
  } else {
    n.flags |= kFlagImplicitType;
    n.z = group->last;
  }
  return d;
}

// TypeSpec = identifier [ TypeParams ] [ "=" ] Type .
NodeId Parser::TypeDecl() {
  NodeId d = New(NodeKind::kTypeSpec, pos());
  CheckPragmas(TakePragma(), 0, false);

  N(d).x = Name();
  NodeId typ;
  if (s_.tok == Token::kLbrack) {
    // d.Name "[" ...
    // array/slice type or type parameter list
    Pos p = pos();
    Next();
    switch (s_.tok) {
      case Token::kName: {
        // We may have an array type or a type parameter list.
        NodeId x = Name();
        if (s_.tok != Token::kLbrack) {
          // To parse the expression starting with name, expand the call sequence we would get
          // by passing in name to parser.expr, and pass in name to parser.pexpr.
          xnest_++;
          x = BinaryExpr(PExpr(x, false), 0);
          xnest_--;
        }
        // Analyze expression x. If we can split x into a type parameter name, possibly
        // followed by a type parameter type, we consider this the start of a type parameter
        // list, with some caveats: a single name followed by "]" tilts the decision towards an
        // array declaration; a type parameter type that could also be an ordinary expression
        // but which is followed by a comma tilts the decision towards a type parameter list.
        auto [pname, ptype] = ExtractName(x, s_.tok == Token::kComma);
        if (pname && (ptype || s_.tok != Token::kRbrack)) {
          // d.Name "[" pname ...
          // d.Name "[" pname ptype ...
          // d.Name "[" pname ptype "," ...
          IdSpan<NodeId> tparams = ParamList(pname, ptype, Token::kRbrack, true, false);
          N(d).list = tparams;
          if (GotAssign()) N(d).flags |= kFlagAlias;
          typ = TypeOrNil();
        } else {
          // d.Name "[" pname "]" ...
          // d.Name "[" x ...
          typ = ArrayType(p, x);
        }
        break;
      }
      case Token::kRbrack:
        // d.Name "[" "]" ...
        Next();
        typ = SliceType(p);
        break;
      default:
        // d.Name "[" ...
        typ = ArrayType(p, NodeId());
    }
  } else {
    if (GotAssign()) N(d).flags |= kFlagAlias;
    typ = TypeOrNil();
  }

  if (!typ) {
    typ = BadExpr();
    SyntaxError("in type declaration");
    Advance({Token::kSemi, Token::kRparen});
  }
  N(d).y = typ;
  return d;
}

// extractName splits the expression x into (name, expr) if syntactically x can be written as
// name expr. The split only happens if expr is a type element (per the isTypeElem predicate) or
// if force is set. If x is just a name, the result is (name, none). If the split succeeds, the
// result is (name, expr). Otherwise the result is (none, x).
std::pair<NodeId, NodeId> Parser::ExtractName(NodeId x, bool force) {
  switch (Kind(x)) {
    case NodeKind::kName:
      return {x, NodeId()};
    case NodeKind::kBinary: {
      Node xn = N(x);
      if (xn.op == Token::kMul) {
        if (Kind(xn.x) == NodeKind::kName && (force || IsTypeElem(xn.y))) {
          // x = name *x.Y
          NodeId op = New(NodeKind::kUnary, xn.pos);
          N(op).op = Token::kMul;
          N(op).x = xn.y;
          return {xn.x, op};
        }
      } else if (xn.op == Token::kOr) {
        auto [name, lhs] = ExtractName(xn.x, force || IsTypeElem(xn.y));
        if (name && lhs) {
          // x = name lhs|x.Y
          NodeId op = ast_.Add(xn);
          N(op).x = lhs;
          return {name, op};
        }
      }
      break;
    }
    case NodeKind::kCall: {
      Node xn = N(x);
      if (Kind(xn.x) == NodeKind::kName) {
        if (xn.list.count == 1 && !(xn.flags & kFlagHasDots) &&
            (force || IsTypeElem(ast_.At(xn.list, 0)))) {
          // x = name (x.ArgList[0]); the parser doesn't keep unnecessary parentheses
          return {xn.x, Unparen(ast_.At(xn.list, 0))};
        }
      }
      break;
    }
    default:
      break;
  }
  return {NodeId(), x};
}

// isTypeElem reports whether x is a (possibly parenthesized) type element expression.
bool Parser::IsTypeElem(NodeId x) {
  for (;;) {
    switch (Kind(x)) {
      case NodeKind::kArrayType:
      case NodeKind::kStructType:
      case NodeKind::kFuncType:
      case NodeKind::kInterfaceType:
      case NodeKind::kSliceType:
      case NodeKind::kMapType:
      case NodeKind::kChanType:
        return true;
      case NodeKind::kBinary:
        return IsTypeElem(N(x).x) || IsTypeElem(N(x).y);
      case NodeKind::kUnary:
        if (N(x).op == Token::kTilde) return true;
        x = N(x).x;
        continue;
      case NodeKind::kParen:
        x = N(x).x;
        continue;
      default:
        return false;
    }
  }
}

// VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
NodeId Parser::VarDecl() {
  NodeId d = New(NodeKind::kVarSpec, pos());
  CheckPragmas(TakePragma(), 0, true);

  IdSpan<NodeId> names = NameList(Name());
  NodeId typ;
  XList values;
  if (GotAssign()) {
    values = ExprList();
  } else {
    typ = Type();
    if (GotAssign()) values = ExprList();
  }
  Node& n = N(d);
  n.list = names;
  n.x = typ;
  n.list2 = Span(values);
  return d;
}

// FunctionDecl = "func" FunctionName [ TypeParams ] ( Function | Signature ) .
// MethodDecl   = "func" Receiver MethodName [ TypeParams ] ( Function | Signature ) .
NodeId Parser::FuncDeclOrNil() {
  NodeId f = New(NodeKind::kFuncDecl, pos());
  PendingPragma prag = TakePragma();
  CheckPragmas(prag, ~kPragmaInternalMask, false);

  bool has_recv = false;
  if (s_.tok == Token::kLparen) {
    Pos lparen = pos();
    Next();
    has_recv = true;
    IdSpan<NodeId> rcvr = ParamList(NodeId(), NodeId(), Token::kRparen, false, false);
    switch (rcvr.count) {
      case 0:
        Error("method has no receiver");
        break;
      default:
        Error("method has multiple receivers");
        [[fallthrough]];
      case 1:
        N(f).x = ast_.At(rcvr, 0);
        N(f).pos2 = lparen;
    }
  }

  if (s_.tok == Token::kName) {
    NodeId name = Name();
    N(f).y = name;
    N(f).pos = N(name).pos;
    IdSpan<NodeId> tparams;
    NodeId typ = FuncType("", Pos(), &tparams);
    N(f).list = tparams;
    N(f).z = typ;
  } else {
    Pos p = pos();
    N(f).y = NewName(p, "_");
    N(f).pos = p;
    N(f).z = New(NodeKind::kFuncType, p);
    SyntaxError(has_recv ? "expected name" : "expected name or (");
    Advance({Token::kLbrace, Token::kSemi});
  }

  if (s_.tok == Token::kLbrace) N(f).w = FuncBody();
  N(f).aux = prag.flags & ~kPragmaInternalMask;
  return f;
}

NodeId Parser::FuncBody() {
  fnest_++;
  int errcnt = errcnt_;
  NodeId body = BlockStmt("");
  fnest_--;

  // Don't check branches if there were syntax errors in the function
  // as it may lead to spurious errors (e.g., see test/switch2.go) or
  // possibly crashes due to incomplete syntax trees.
  if (errcnt == errcnt_) {
    BranchChecker checker(ast_, diags_, sources_);
    checker.Check(body);
  }
  return body;
}

// ---------------------------------------------------------------------------------------------
// Expressions

// Expression = UnaryExpr | Expression binary_op Expression .
NodeId Parser::BinaryExpr(NodeId x, int prec) {
  if (!x) x = UnaryExpr();
  while (s_.prec > prec) {
    NodeId t = New(NodeKind::kBinary, pos());
    N(t).op = s_.tok;
    int tprec = s_.prec;
    Next();
    N(t).x = x;
    NodeId y = BinaryExpr(NodeId(), tprec);
    N(t).y = y;
    x = t;
  }
  return x;
}

// UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
NodeId Parser::UnaryExpr() {
  DepthGuard guard(this);

  switch (s_.tok) {
    case Token::kMul:
    case Token::kAdd:
    case Token::kSub:
    case Token::kNot:
    case Token::kXor:
    case Token::kTilde: {
      NodeId x = New(NodeKind::kUnary, pos());
      N(x).op = s_.tok;
      if (s_.tok == Token::kTilde) N(x).flags |= kFlagTilde;
      Next();
      NodeId operand = UnaryExpr();
      N(x).x = operand;
      return x;
    }

    case Token::kAnd: {
      NodeId x = New(NodeKind::kUnary, pos());
      N(x).op = Token::kAnd;
      Next();
      // unaryExpr may have returned a parenthesized composite literal
      // (see comment in operand) - remove parentheses if any
      NodeId operand = Unparen(UnaryExpr());
      N(x).x = operand;
      return x;
    }

    case Token::kArrow: {
      // receive op (<-x) or receive-only channel (<-chan E)
      Pos p = pos();
      Next();

      // If the next token is _Chan we still don't know if it is
      // a channel (<-chan int) or a receive op (<-chan int(ch)).
      // We only know once we have found the end of the unaryExpr.
      NodeId x = UnaryExpr();

      if (Kind(x) == NodeKind::kChanType) {
        // x is a channel type => re-associate <-
        //   <-(chan E)   =>  (<-chan E)
        //   <-(chan<-E)  =>  (<-chan (<-E))
        int dir = kFlagChanSend;
        NodeId t = x;
        while (dir == kFlagChanSend) {
          if (Kind(t) != NodeKind::kChanType) break;
          Node& c = N(t);
          dir = c.flags & (kFlagChanSend | kFlagChanRecv);
          if (dir == kFlagChanRecv) {
            // t is type <-chan E but <-<-chan E is not permitted
            // (report same error as for "type _ <-<-chan E")
            SyntaxError("unexpected <-, expected chan");
            // already progressed, no need to advance
          }
          c.flags = (c.flags & ~(kFlagChanSend | kFlagChanRecv)) | kFlagChanRecv;
          t = c.x;
        }
        if (dir == kFlagChanSend) {
          // channel dir is <- but channel element E is not a channel
          // (report same error as for "type _ <-chan<-E")
          SyntaxError("unexpected " + ExprString(ast_, t) + ", expected chan");
          // already progressed, no need to advance
        }
        return x;
      }

      // x is not a channel type => we have a receive op
      NodeId o = New(NodeKind::kUnary, p);
      N(o).op = Token::kArrow;
      N(o).x = x;
      return o;
    }

    default:
      break;
  }

  return PExpr(NodeId(), true);
}

// callStmt parses call-like statements that can be preceded by 'defer' and 'go'.
NodeId Parser::CallStmt() {
  Token keyword = s_.tok;
  NodeId s = New(keyword == Token::kGo ? NodeKind::kGoStmt : NodeKind::kDeferStmt, pos());
  Next();

  NodeId x = PExpr(NodeId(), s_.tok == Token::kLparen);  // keep_parens so we can report error
  NodeId t = Unparen(x);
  if (t != x) {
    ErrorAt(N(x).pos,
            std::string("expression in ") + TokenString(keyword) + " must not be parenthesized");
    // already progressed, no need to advance
    x = t;
  }
  N(s).x = x;
  return s;
}

// Operand     = Literal | OperandName | MethodExpr | "(" Expression ")" .
NodeId Parser::Operand(bool keep_parens) {
  switch (s_.tok) {
    case Token::kName:
      return Name();

    case Token::kInt:
    case Token::kFloat:
    case Token::kImag:
    case Token::kChar:
    case Token::kString:
      return OLiteral();

    case Token::kLparen: {
      Pos p = pos();
      Next();
      xnest_++;
      NodeId x = Expr();
      xnest_--;
      Want(Token::kRparen);

      // Parentheses are not permitted around T in a composite literal T{}. If the next token
      // is a {, assume x is a composite literal type T (it may not be, { could be the opening
      // brace of a block, but we don't know yet).
      if (s_.tok == Token::kLbrace) keep_parens = true;

      // Parentheses are also not permitted around the expression in a go/defer statement. In
      // that case, operand is called with keep_parens set.
      if (keep_parens) {
        NodeId px = New(NodeKind::kParen, p);
        N(px).x = x;
        x = px;
      }
      return x;
    }

    case Token::kFunc: {
      Pos p = pos();
      Next();
      NodeId ftyp = FuncType("function type", p, nullptr);
      if (s_.tok == Token::kLbrace) {
        xnest_++;
        NodeId f = New(NodeKind::kFuncLit, p);
        N(f).x = ftyp;
        NodeId body = FuncBody();
        N(f).y = body;
        xnest_--;
        return f;
      }
      return ftyp;
    }

    case Token::kLbrack:
    case Token::kChan:
    case Token::kMap:
    case Token::kStruct:
    case Token::kInterface:
      return Type();  // othertype

    default: {
      NodeId x = BadExpr();
      SyntaxError("expected expression");
      Advance({Token::kRparen, Token::kRbrack, Token::kRbrace});
      return x;
    }
  }
}

// pexpr parses a PrimaryExpr.
NodeId Parser::PExpr(NodeId x, bool keep_parens) {
  if (!x) x = Operand(keep_parens);

  for (;;) {
    Pos p = pos();
    switch (s_.tok) {
      case Token::kDot: {
        Next();
        switch (s_.tok) {
          case Token::kName: {
            // pexpr '.' sym
            NodeId t = New(NodeKind::kSelector, p);
            N(t).x = x;
            NodeId sel = Name();
            N(t).y = sel;
            x = t;
            break;
          }
          case Token::kLparen: {
            Next();
            NodeId t = New(NodeKind::kTypeAssert, p);
            N(t).x = x;
            if (!Got(Token::kType)) {
              // x.(T); x.(type) keeps y none (see SwitchStmt for the guard)
              NodeId typ = Type();
              N(t).y = typ;
            }
            x = t;
            Want(Token::kRparen);
            break;
          }
          default:
            SyntaxError("expected name or (");
            Advance({Token::kSemi, Token::kRparen});
        }
        break;
      }

      case Token::kLbrack: {
        Next();

        NodeId i;
        if (s_.tok != Token::kColon) {
          bool comma = false;
          XList il;
          if (s_.tok == Token::kRbrack) {
            // invalid empty instance, slice or index expression; accept but complain
            SyntaxError("expected operand");
            il.first = BadExpr();
            il.count = 1;
          } else {
            il = TypeList(false, &comma);
          }
          if (comma || s_.tok == Token::kRbrack) {
            Want(Token::kRbrack);
            // x[], x[i,] or x[i, j, ...]
            NodeId t = New(NodeKind::kIndex, p);
            N(t).x = x;
            N(t).list = Span(il);
            x = t;
            break;
          }
          i = il.first;
        }

        // x[i:...
        // For better error message, don't simply use p.want(_Colon) here (go.dev/issue/47704).
        if (!Got(Token::kColon)) {
          SyntaxError("expected comma, : or ]");
          Advance({Token::kComma, Token::kColon, Token::kRbrack});
        }
        xnest_++;
        NodeId t = New(NodeKind::kSlice, p);
        N(t).x = x;
        N(t).y = i;
        if (s_.tok != Token::kColon && s_.tok != Token::kRbrack) {
          // x[i:j...
          NodeId j = Expr();
          N(t).z = j;
        }
        if (s_.tok == Token::kColon) {
          N(t).flags |= kFlagFull;
          // x[i:j:...]
          if (!N(t).z) {
            Error("middle index required in 3-index slice");
            NodeId b = BadExpr();
            N(t).z = b;
          }
          Next();
          if (s_.tok != Token::kRbrack) {
            // x[i:j:k...
            NodeId k = Expr();
            N(t).w = k;
          } else {
            Error("final index required in 3-index slice");
            NodeId b = BadExpr();
            N(t).w = b;
          }
        }
        xnest_--;
        Want(Token::kRbrack);
        x = t;
        break;
      }

      case Token::kLparen: {
        NodeId t = New(NodeKind::kCall, p);
        Next();
        N(t).x = x;
        ArgList(t);
        x = t;
        break;
      }

      case Token::kLbrace: {
        // operand may have returned a parenthesized complit
        // type; accept it but complain if we have a complit
        NodeId t = Unparen(x);
        // determine if '{' belongs to a composite literal or a block statement
        bool complit_ok = false;
        switch (Kind(t)) {
          case NodeKind::kName:
          case NodeKind::kSelector:
            // x is possibly a composite literal type
            complit_ok = xnest_ >= 0;
            break;
          case NodeKind::kIndex:
            // x is possibly a composite literal type
            complit_ok = xnest_ >= 0 && !IsValue(t);
            break;
          case NodeKind::kArrayType:
          case NodeKind::kSliceType:
          case NodeKind::kStructType:
          case NodeKind::kMapType:
            // x is a comptype
            complit_ok = true;
            break;
          default:
            break;
        }
        if (!complit_ok) return x;
        if (t != x) {
          SyntaxError("cannot parenthesize type in composite literal");
          // already progressed, no need to advance
        }
        NodeId n = ComplitExpr();
        N(n).x = x;
        x = n;
        break;
      }

      default:
        return x;
    }
  }
}

// isValue reports whether x syntactically must be a value (and not a type) expression.
bool Parser::IsValue(NodeId x) {
  for (;;) {
    switch (Kind(x)) {
      case NodeKind::kBasicLit:
      case NodeKind::kCompositeLit:
      case NodeKind::kFuncLit:
      case NodeKind::kSlice:
      case NodeKind::kTypeAssert:
      case NodeKind::kTypeSwitchGuard:
      case NodeKind::kCall:
      case NodeKind::kBinary:
        return true;
      case NodeKind::kUnary:
        return N(x).op != Token::kMul;  // *T may be a type
      case NodeKind::kParen:
        x = N(x).x;
        continue;
      case NodeKind::kIndex: {
        const Node& n = N(x);
        if (IsValue(n.x)) return true;
        if (n.list.count != 1) return false;  // a ListExpr is not a value
        x = ast_.At(n.list, 0);
        continue;
      }
      default:
        return false;
    }
  }
}

// Element = Expression | LiteralValue .
NodeId Parser::BareComplitExpr() {
  if (s_.tok == Token::kLbrace) {
    // '{' start_complit braced_keyval_list '}'
    return ComplitExpr();
  }
  return Expr();
}

// LiteralValue = "{" [ ElementList [ "," ] ] "}" .
NodeId Parser::ComplitExpr() {
  DepthGuard guard(this);
  NodeId x = New(NodeKind::kCompositeLit, pos());

  xnest_++;
  Want(Token::kLbrace);
  size_t mark = scratch_.size();
  Pos rbrace = List("composite literal", Token::kComma, Token::kRbrace, [&] {
    // value
    NodeId e = BareComplitExpr();
    if (s_.tok == Token::kColon) {
      // key ':' value; escapist places KeyValue at the key (gc's noder reports it there)
      NodeId l = New(NodeKind::kKeyValue, N(e).pos);
      Next();
      N(l).x = e;
      NodeId v = BareComplitExpr();
      N(l).y = v;
      e = l;
    }
    scratch_.push_back(e);
    return false;
  });
  N(x).list = Commit(mark);
  N(x).pos2 = rbrace;
  xnest_--;
  return x;
}

// ---------------------------------------------------------------------------------------------
// Types

NodeId Parser::Type() {
  NodeId typ = TypeOrNil();
  if (!typ) {
    typ = BadExpr();
    SyntaxError("expected type");
    Advance({Token::kComma, Token::kColon, Token::kSemi, Token::kRparen, Token::kRbrack,
             Token::kRbrace});
  }
  return typ;
}

// typeOrNil is like type_ but it returns none if there was no type
// instead of reporting an error.
//
//	Type     = TypeName | TypeLit | "(" Type ")" .
//	TypeName = identifier | QualifiedIdent .
//	TypeLit  = ArrayType | StructType | PointerType | FunctionType | InterfaceType |
//		      SliceType | MapType | Channel_Type .
NodeId Parser::TypeOrNil() {
  DepthGuard guard(this);

  Pos p = pos();
  switch (s_.tok) {
    case Token::kMul: {
      // ptrtype
      Next();
      return NewIndirect(p, Type());
    }

    case Token::kArrow: {
      // recvchantype
      Next();
      Want(Token::kChan);
      NodeId t = New(NodeKind::kChanType, p);
      N(t).flags |= kFlagChanRecv;
      NodeId elem = ChanElem();
      N(t).x = elem;
      return t;
    }

    case Token::kFunc: {
      // fntype
      Next();
      return FuncType("function type", p, nullptr);
    }

    case Token::kLbrack: {
      // '[' oexpr ']' ntype
      // '[' _DotDotDot ']' ntype
      Next();
      if (Got(Token::kRbrack)) return SliceType(p);
      return ArrayType(p, NodeId());
    }

    case Token::kChan: {
      // _Chan non_recvchantype
      // _Chan _Comm ntype
      Next();
      NodeId t = New(NodeKind::kChanType, p);
      if (Got(Token::kArrow)) N(t).flags |= kFlagChanSend;
      NodeId elem = ChanElem();
      N(t).x = elem;
      return t;
    }

    case Token::kMap: {
      // _Map '[' ntype ']' ntype
      Next();
      Want(Token::kLbrack);
      NodeId t = New(NodeKind::kMapType, p);
      NodeId key = Type();
      N(t).x = key;
      Want(Token::kRbrack);
      NodeId val = Type();
      N(t).y = val;
      return t;
    }

    case Token::kStruct:
      return StructType();

    case Token::kInterface:
      return InterfaceType();

    case Token::kName:
      return QualifiedName(NodeId());

    case Token::kLparen: {
      Next();
      NodeId t = Type();
      Want(Token::kRparen);
      // The parser doesn't keep unnecessary parentheses.
      return t;
    }

    default:
      return NodeId();
  }
}

NodeId Parser::TypeInstance(NodeId typ) {
  Pos p = pos();
  Want(Token::kLbrack);
  NodeId x = New(NodeKind::kIndex, p);
  N(x).x = typ;
  if (s_.tok == Token::kRbrack) {
    SyntaxError("expected type argument list");
    NodeId b = BadExpr();
    N(x).list = One(b);
  } else {
    bool comma = false;
    XList l = TypeList(true, &comma);
    N(x).list = Span(l);
  }
  Want(Token::kRbrack);
  return x;
}

// If context != "", type parameters are not permitted. `node_pos` is the FuncType's position for
// function literals and types (`func`); unknown for declarations and interface methods, which
// get the position of `(`.
NodeId Parser::FuncType(const char* context, Pos node_pos, IdSpan<NodeId>* tparams) {
  Pos typ_pos = pos();
  NodeId typ = New(NodeKind::kFuncType, node_pos.known() ? node_pos : typ_pos);

  if (Got(Token::kLbrack)) {
    if (context[0] != '\0') {
      // accept but complain
      SyntaxErrorAt(typ_pos, std::string(context) + " must have no type parameters");
    }
    if (s_.tok == Token::kRbrack) {
      SyntaxError("empty type parameter list");
      Next();
    } else {
      IdSpan<NodeId> tp = ParamList(NodeId(), NodeId(), Token::kRbrack, true, false);
      if (tparams != nullptr) *tparams = tp;
    }
  }

  if (!node_pos.known()) N(typ).pos = pos();
  Want(Token::kLparen);
  IdSpan<NodeId> params = ParamList(NodeId(), NodeId(), Token::kRparen, false, true);
  N(typ).list = params;
  IdSpan<NodeId> results = FuncResult();
  N(typ).list2 = results;
  return typ;
}

// "[" has already been consumed, and p is its position.
// If len is set it is the already consumed array length.
NodeId Parser::ArrayType(Pos p, NodeId len) {
  bool dots = false;
  if (!len) {
    if (Got(Token::kDotDotDot)) {
      dots = true;
    } else {
      xnest_++;
      len = Expr();
      xnest_--;
    }
  }
  if (s_.tok == Token::kComma) {
    // Trailing commas are accepted in type parameter
    // lists but not in array type declarations.
    // Accept for better error handling but complain.
    SyntaxError("unexpected comma; expected ]");
    Next();
  }
  Want(Token::kRbrack);
  NodeId t = New(NodeKind::kArrayType, p);
  N(t).x = len;
  if (dots) N(t).flags |= kFlagHasDots;
  NodeId elem = Type();
  N(t).y = elem;
  return t;
}

// "[" and "]" have already been consumed, and p is the position of "[".
NodeId Parser::SliceType(Pos p) {
  NodeId t = New(NodeKind::kSliceType, p);
  NodeId elem = Type();
  N(t).y = elem;
  return t;
}

NodeId Parser::ChanElem() {
  NodeId typ = TypeOrNil();
  if (!typ) {
    typ = BadExpr();
    SyntaxError("missing channel element type");
    // assume element type is simply absent - don't advance
  }
  return typ;
}

// StructType = "struct" "{" { FieldDecl ";" } "}" .
NodeId Parser::StructType() {
  NodeId typ = New(NodeKind::kStructType, pos());

  Want(Token::kStruct);
  Want(Token::kLbrace);
  size_t mark = scratch_.size();
  List("struct type", Token::kSemi, Token::kRbrace, [&] {
    FieldDecl();
    return false;
  });
  N(typ).list = Commit(mark);
  return typ;
}

// InterfaceType = "interface" "{" { ( MethodDecl | EmbeddedElem ) ";" } "}" .
NodeId Parser::InterfaceType() {
  NodeId typ = New(NodeKind::kInterfaceType, pos());

  Want(Token::kInterface);
  Want(Token::kLbrace);
  size_t mark = scratch_.size();
  List("interface type", Token::kSemi, Token::kRbrace, [&] {
    NodeId f;
    if (s_.tok == Token::kName) f = MethodDecl();
    if (!f || !N(f).x) f = EmbeddedElem(f);
    if (!N(f).x) N(f).flags |= kFlagEmbedded;
    scratch_.push_back(f);
    return false;
  });
  N(typ).list = Commit(mark);
  return typ;
}

// Result = Parameters | Type .
IdSpan<NodeId> Parser::FuncResult() {
  if (Got(Token::kLparen)) return ParamList(NodeId(), NodeId(), Token::kRparen, false, false);

  Pos p = pos();
  if (NodeId typ = TypeOrNil()) return One(NewField(p, NodeId(), typ, NodeId(), false));
  return {};
}

// FieldDecl      = (IdentifierList Type | AnonymousField) [ Tag ] .
// AnonymousField = [ "*" ] TypeName .
// Tag            = string_lit .
// Pushes the fields onto scratch_.
void Parser::FieldDecl() {
  Pos p = pos();
  switch (s_.tok) {
    case Token::kName: {
      NodeId name = Name();
      if (s_.tok == Token::kDot || IsLiteralToken(s_.tok) || s_.tok == Token::kSemi ||
          s_.tok == Token::kRbrace) {
        // embedded type
        NodeId typ = QualifiedName(name);
        NodeId tag = OLiteral();
        scratch_.push_back(NewField(p, NodeId(), typ, tag, true));
        break;
      }

      // name1, name2, ... Type [ tag ]; the names are kept on scratch_ and replaced by their
      // fields below.
      size_t mark = scratch_.size();
      scratch_.push_back(name);
      while (Got(Token::kComma)) {
        NodeId n = Name();
        scratch_.push_back(n);
      }
      size_t count = scratch_.size() - mark;
      NodeId typ;

      // Careful dance: We don't know if we have an embedded instantiated
      // type T[P1, P2, ...] or a field T of array/slice type [P]E or []E.
      if (count == 1 && s_.tok == Token::kLbrack) {
        typ = ArrayOrTArgs();
        if (Kind(typ) == NodeKind::kIndex) {
          // embedded type T[P1, P2, ...]
          N(typ).x = name;  // name == names[0]
          NodeId tag = OLiteral();
          scratch_[mark] = NewField(p, NodeId(), typ, tag, true);
          break;
        }
      } else {
        // T P
        typ = Type();
      }

      NodeId tag = OLiteral();
      for (size_t i = 0; i < count; i++) {
        NodeId n = scratch_[mark + i];
        scratch_[mark + i] = NewField(N(n).pos, n, typ, tag, false);
      }
      break;
    }

    case Token::kMul: {
      Next();
      NodeId typ;
      if (s_.tok == Token::kLparen) {
        // *(T)
        SyntaxError("cannot parenthesize embedded type");
        Next();
        typ = QualifiedName(NodeId());
        Got(Token::kRparen);  // no need to complain if missing
      } else {
        // *T
        typ = QualifiedName(NodeId());
      }
      NodeId tag = OLiteral();
      scratch_.push_back(NewField(p, NodeId(), NewIndirect(p, typ), tag, true));
      break;
    }

    case Token::kLparen: {
      SyntaxError("cannot parenthesize embedded type");
      Next();
      NodeId typ;
      if (s_.tok == Token::kMul) {
        // (*T)
        Pos sp = pos();
        Next();
        typ = NewIndirect(sp, QualifiedName(NodeId()));
      } else {
        // (T)
        typ = QualifiedName(NodeId());
      }
      Got(Token::kRparen);  // no need to complain if missing
      NodeId tag = OLiteral();
      scratch_.push_back(NewField(p, NodeId(), typ, tag, true));
      break;
    }

    default:
      SyntaxError("expected field name or embedded type");
      Advance({Token::kSemi, Token::kRbrace});
  }
}

NodeId Parser::ArrayOrTArgs() {
  Pos p = pos();
  Want(Token::kLbrack);
  if (Got(Token::kRbrack)) return SliceType(p);

  // x [n]E or x[n,], x[n1, n2], ...
  bool comma = false;
  XList n = TypeList(false, &comma);
  Want(Token::kRbrack);
  if (!comma) {
    if (NodeId elem = TypeOrNil()) {
      // x [n]E
      NodeId t = New(NodeKind::kArrayType, p);
      N(t).x = n.first;
      N(t).y = elem;
      return t;
    }
  }

  // x[n,], x[n1, n2], ...
  NodeId t = New(NodeKind::kIndex, p);
  // t.x will be filled in by caller
  N(t).list = Span(n);
  return t;
}

NodeId Parser::OLiteral() {
  if (IsLiteralToken(s_.tok)) {
    NodeId b = New(NodeKind::kBasicLit, pos());
    N(b).op = s_.tok;
    N(b).text = s_.lit;
    last_lit_bad_ = s_.bad;
    Next();
    return b;
  }
  return NodeId();
}

// MethodSpec        = MethodName Signature | InterfaceTypeName .
// MethodName        = identifier .
// InterfaceTypeName = TypeName .
NodeId Parser::MethodDecl() {
  NodeId f = New(NodeKind::kField, pos());
  NodeId name = Name();

  const char* context = "interface method";

  switch (s_.tok) {
    case Token::kLparen: {
      // method
      N(f).x = name;
      NodeId typ = FuncType(context, Pos(), nullptr);
      N(f).y = typ;
      break;
    }

    case Token::kLbrack: {
      // Careful dance: We don't know if we have a generic method m[T C](x T)
      // or an embedded instantiated type T[P1, P2] (we accept generic methods
      // for generality and robustness of parsing but complain with an error).
      Pos p = pos();
      Next();

      // Empty type parameter or argument lists are not permitted.
      // Treat as if [] were absent.
      if (s_.tok == Token::kRbrack) {
        // name[]
        Pos p2 = pos();
        Next();
        if (s_.tok == Token::kLparen) {
          // name[](
          ErrorAt(p2, "empty type parameter list");
          N(f).x = name;
          NodeId typ = FuncType(context, Pos(), nullptr);
          N(f).y = typ;
        } else {
          ErrorAt(p2, "empty type argument list");
          N(f).y = name;
        }
        break;
      }

      // A type argument list looks like a parameter list with only
      // types. Parse a parameter list and decide afterwards.
      IdSpan<NodeId> list = ParamList(NodeId(), NodeId(), Token::kRbrack, false, false);
      if (list.count == 0) {
        // The type parameter list is not [] but we got nothing
        // due to other errors (reported by paramList). Treat
        // as if [] were absent.
        if (s_.tok == Token::kLparen) {
          N(f).x = name;
          NodeId typ = FuncType(context, Pos(), nullptr);
          N(f).y = typ;
        } else {
          N(f).y = name;
        }
        break;
      }

      // len(list) > 0
      if (N(ast_.At(list, 0)).x) {
        // generic method
        N(f).x = name;
        NodeId typ = FuncType(context, Pos(), nullptr);
        N(f).y = typ;
        ErrorAt(p, "interface method must have no type parameters");
        break;
      }

      // embedded instantiated type
      NodeId t = New(NodeKind::kIndex, p);
      N(t).x = name;
      size_t mark = scratch_.size();
      for (uint32_t i = 0; i < list.count; i++) scratch_.push_back(N(ast_.At(list, i)).y);
      N(t).list = Commit(mark);
      N(f).y = t;
      break;
    }

    default: {
      // embedded type
      NodeId typ = QualifiedName(name);
      N(f).y = typ;
    }
  }

  return f;
}

// EmbeddedElem = MethodSpec | EmbeddedTerm { "|" EmbeddedTerm } .
NodeId Parser::EmbeddedElem(NodeId f) {
  if (!f) {
    f = New(NodeKind::kField, pos());
    NodeId t = EmbeddedTerm();
    N(f).y = t;
  }

  while (s_.tok == Token::kOr) {
    NodeId t = New(NodeKind::kBinary, pos());
    N(t).op = Token::kOr;
    Next();
    N(t).x = N(f).y;
    NodeId y = EmbeddedTerm();
    N(t).y = y;
    N(f).y = t;
  }

  return f;
}

// EmbeddedTerm = [ "~" ] Type .
NodeId Parser::EmbeddedTerm() {
  if (s_.tok == Token::kTilde) {
    NodeId t = New(NodeKind::kUnary, pos());
    N(t).op = Token::kTilde;
    N(t).flags |= kFlagTilde;
    Next();
    NodeId x = Type();
    N(t).x = x;
    return t;
  }

  NodeId t = TypeOrNil();
  if (!t) {
    t = BadExpr();
    SyntaxError("expected ~ term or type");
    TokSet follow = {Token::kSemi, Token::kRparen, Token::kRbrack, Token::kRbrace};
    follow.any_operator = true;
    Advance(follow);
  }
  return t;
}

// ParameterDecl = [ IdentifierList ] [ "..." ] Type .
NodeId Parser::ParamDeclOrNil(NodeId name, Token follow) {
  // type set notation is ok in type parameter lists
  bool type_sets_ok = follow == Token::kRbrack;

  Pos p = pos();
  if (name) {
    p = N(name).pos;
  } else if (type_sets_ok && s_.tok == Token::kTilde) {
    // "~" ...
    return EmbeddedElem(NodeId());
  }

  NodeId f = New(NodeKind::kField, p);

  if (s_.tok == Token::kName || name) {
    // name
    if (!name) name = Name();

    if (s_.tok == Token::kLbrack) {
      // name "[" ...
      NodeId typ = ArrayOrTArgs();
      N(f).y = typ;
      if (Kind(typ) == NodeKind::kIndex) {
        // name "[" ... "]"
        N(typ).x = name;
      } else {
        // name "[" n "]" E
        N(f).x = name;
      }
      if (type_sets_ok && s_.tok == Token::kOr) {
        // name "[" ... "]" "|" ...
        // name "[" n "]" E "|" ...
        f = EmbeddedElem(f);
      }
      return f;
    }

    if (s_.tok == Token::kDot) {
      // name "." ...
      NodeId typ = QualifiedName(name);
      N(f).y = typ;
      if (type_sets_ok && s_.tok == Token::kOr) {
        // name "." name "|" ...
        f = EmbeddedElem(f);
      }
      return f;
    }

    if (type_sets_ok && s_.tok == Token::kOr) {
      // name "|" ...
      N(f).y = name;
      return EmbeddedElem(f);
    }

    N(f).x = name;
  }

  if (s_.tok == Token::kDotDotDot) {
    // [name] "..." ...
    NodeId t = New(NodeKind::kDotsType, pos());
    Next();
    NodeId elem = TypeOrNil();
    if (!elem) {
      NodeId b = BadExpr();
      N(f).y = b;
      SyntaxError("... is missing type");
    } else {
      N(t).x = elem;
      N(f).y = t;
    }
    return f;
  }

  if (type_sets_ok && s_.tok == Token::kTilde) {
    // [name] "~" ...
    NodeId e = EmbeddedElem(NodeId());
    N(f).y = N(e).y;
    return f;
  }

  NodeId typ = TypeOrNil();
  N(f).y = typ;
  if (type_sets_ok && s_.tok == Token::kOr && typ) {
    // [name] type "|"
    f = EmbeddedElem(f);
  }
  if (N(f).x || N(f).y) return f;

  SyntaxError("expected " + TokString(follow));
  Advance({Token::kComma, follow});
  return NodeId();
}

// Parameters    = "(" [ ParameterList [ "," ] ] ")" .
// ParameterList = ParameterDecl { "," ParameterDecl } .
// "(" or "[" has already been consumed.
// If name is set, it is the first name after "(" or "[".
// If typ is set, name must be set, and (name, typ) is the first field in the list.
// In the result list, either all fields have a name, or no field has a name.
IdSpan<NodeId> Parser::ParamList(NodeId name, NodeId typ, Token close, bool require_names,
                                 bool dddok) {
  // p.list won't invoke its function argument if we're at the end of the
  // parameter list. If we have a complete field, handle this case here.
  if (name && typ && s_.tok == close) {
    Next();
    return One(NewField(N(name).pos, name, typ, NodeId(), false));
  }

  size_t mark = scratch_.size();
  int named = 0;  // number of parameters that have an explicit name and type
  int typed = 0;  // number of parameters that have an explicit type
  Pos end = List("parameter list", Token::kComma, close, [&] {
    NodeId par;
    if (typ) {
      par = NewField(N(name).pos, name, typ, NodeId(), false);
    } else {
      par = ParamDeclOrNil(name, close);
    }
    name = NodeId();  // 1st name was consumed if present
    typ = NodeId();   // 1st type was consumed if present
    if (par) {
      const Node& n = N(par);
      if (n.x && n.y) named++;
      if (n.y) typed++;
      scratch_.push_back(par);
    }
    return false;
  });

  size_t count = scratch_.size() - mark;
  if (count == 0) return {};

  // distribute parameter types (count > 0)
  if (named == 0 && !require_names) {
    // all unnamed and we're not in a type parameter list => found names are named types
    for (size_t i = 0; i < count; i++) {
      Node& par = N(scratch_[mark + i]);
      if (par.x) {
        par.y = par.x;
        par.x = NodeId();
      }
    }
  } else if (static_cast<size_t>(named) != count) {
    // some named or we're in a type parameter list => all must be named
    Pos err_pos;  // left-most error position (or unknown)
    NodeId t;     // current type (from right to left)
    for (size_t i = count; i-- > 0;) {
      NodeId par = scratch_[mark + i];
      if (N(par).y) {
        t = N(par).y;
        if (!N(par).x) {
          err_pos = StartPos(ast_, t);
          NodeId n = NewName(err_pos, "_");
          N(par).x = n;
        }
      } else if (t) {
        N(par).y = t;
      } else {
        // par.y none && t none => we only have a par.x
        err_pos = N(N(par).x).pos;
        NodeId b = New(NodeKind::kBad, err_pos);
        N(par).y = b;
      }
    }
    if (err_pos.known()) {
      // Not all parameters are named because named != count.
      // If named == typed, there must be parameters that have no types.
      // They must be at the end of the parameter list, otherwise types
      // would have been filled in by the right-to-left sweep above and
      // there would be no error.
      // If require_names is set, the parameter list is a type parameter list.
      std::string msg;
      if (named == typed) {
        err_pos = end;  // position error at closing token ) or ]
        msg = require_names ? "missing type constraint" : "missing parameter type";
      } else {
        if (require_names) {
          msg = "missing type parameter name";
          // go.dev/issue/60812
          if (count == 1) msg += " or invalid array length";
        } else {
          msg = "missing parameter name";
        }
      }
      SyntaxErrorAt(err_pos, msg);
    }
  }

  // check use of ...
  bool first = true;  // only report first occurrence
  for (size_t i = 0; i < count; i++) {
    Node& f = N(scratch_[mark + i]);
    NodeId t = f.y;
    if (Kind(t) == NodeKind::kDotsType && (!dddok || i + 1 < count)) {
      if (first) {
        first = false;
        ErrorAt(N(t).pos, dddok ? "can only use ... with final parameter" : "invalid use of ...");
      }
      // use T instead of invalid ...T
      f.y = N(t).x;
    }
  }

  return Commit(mark);
}

// ---------------------------------------------------------------------------------------------
// Statements

// SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl .
NodeId Parser::SimpleStmt(XList lhs, Token keyword) {
  if (keyword == Token::kFor && s_.tok == Token::kRange) {
    // _Range expr
    return NewRangeClause(nullptr, false);
  }

  if (lhs.count == 0) lhs = ExprList();

  if (!lhs.is_list() && s_.tok != Token::kAssign && s_.tok != Token::kDefine) {
    // expr
    Pos p = pos();
    switch (s_.tok) {
      case Token::kOpAssign: {
        // lhs op= rhs
        Token op = s_.op;
        Next();
        XList rhs;
        rhs.first = Expr();
        rhs.count = 1;
        return NewAssignStmt(p, op, lhs, &rhs);
      }

      case Token::kInc:
      case Token::kDec: {
        // lhs++ or lhs--
        Token op = s_.op;
        Next();
        NodeId a = NewAssignStmt(p, op, lhs, nullptr);
        N(a).flags |= kFlagIncDec;
        return a;
      }

      case Token::kArrow: {
        // lhs <- rhs
        NodeId s = New(NodeKind::kSendStmt, p);
        Next();
        N(s).x = lhs.first;
        NodeId v = Expr();
        N(s).y = v;
        return s;
      }

      default: {
        // expr
        NodeId s = New(NodeKind::kExprStmt, N(lhs.first).pos);
        N(s).x = lhs.first;
        return s;
      }
    }
  }

  // expr_list
  switch (s_.tok) {
    case Token::kAssign:
    case Token::kDefine: {
      Pos p = pos();
      Token op = s_.tok;
      Next();

      if (keyword == Token::kFor && s_.tok == Token::kRange) {
        // expr_list op= _Range expr
        return NewRangeClause(&lhs, op == Token::kDefine);
      }

      // expr_list op= expr_list
      XList rhs = ExprList();

      if (!rhs.is_list() && Kind(rhs.first) == NodeKind::kTypeAssert && !N(rhs.first).y &&
          keyword == Token::kSwitch && op == Token::kDefine) {
        if (!lhs.is_list() && Kind(lhs.first) == NodeKind::kName) {
          // switch … lhs := rhs.(type)
          Node& g = N(rhs.first);
          Pos dot = g.pos;
          g.kind = NodeKind::kTypeSwitchGuard;
          g.y = g.x;
          g.x = lhs.first;
          g.pos = p;
          NodeId s = New(NodeKind::kExprStmt, dot);  // gc: the guard's (the `.`) position
          N(s).x = rhs.first;
          return s;
        }
      }

      return NewAssignStmt(p, op, lhs, &rhs);
    }

    default: {
      SyntaxError("expected := or = or comma");
      Advance({Token::kSemi, Token::kRbrace});
      // make the best of what we have
      NodeId x = lhs.first;
      NodeId s = New(NodeKind::kExprStmt, N(x).pos);
      N(s).x = x;
      return s;
    }
  }
}

// The range clause of a for statement, as a RangeStmt still at `range` (ForStmt completes it).
NodeId Parser::NewRangeClause(const XList* lhs, bool def) {
  NodeId r = New(NodeKind::kRangeStmt, pos());
  Next();  // consume _Range
  if (lhs != nullptr) {
    N(r).list = Span(*lhs);
    N(r).op = def ? Token::kDefine : Token::kAssign;
  }
  NodeId x = Expr();
  N(r).x = x;
  return r;
}

NodeId Parser::NewAssignStmt(Pos p, Token op, const XList& lhs, const XList* rhs) {
  NodeId a = New(NodeKind::kAssign, p);
  IdSpan<NodeId> l = Span(lhs);
  IdSpan<NodeId> r;
  if (rhs != nullptr) r = Span(*rhs);
  Node& n = N(a);
  n.op = op;
  n.list = l;
  n.list2 = r;
  return a;
}

NodeId Parser::LabeledStmtOrNil(NodeId label) {
  Pos colon = pos();
  NodeId s = New(NodeKind::kLabeledStmt, N(label).pos);
  N(s).x = label;

  Want(Token::kColon);

  if (s_.tok == Token::kRbrace) {
    // We expect a statement (incl. an empty statement), which must be
    // terminated by a semicolon. Because semicolons may be omitted before
    // an _Rbrace, seeing an _Rbrace implies an empty statement.
    NodeId e = New(NodeKind::kEmptyStmt, pos());
    N(s).y = e;
    return s;
  }

  NodeId st = StmtOrNil();
  N(s).y = st;
  if (st) return s;

  // report error at line of ':' token
  SyntaxErrorAt(colon, "missing statement after label");
  // we are already at the end of the labeled statement - no need to advance
  return NodeId();  // avoids follow-on errors (see e.g., fixedbugs/bug274.go)
}

// context must be a non-empty string unless we know that p.tok == _Lbrace.
NodeId Parser::BlockStmt(const char* context) {
  DepthGuard guard(this);
  NodeId s = New(NodeKind::kBlock, pos());

  // people coming from C may forget that braces are mandatory in Go
  if (!Got(Token::kLbrace)) {
    SyntaxError(std::string("expected { after ") + context);
    Advance({Token::kName, Token::kRbrace});
    N(s).pos2 = pos();  // in case we found "}"
    if (Got(Token::kRbrace)) return s;
  }

  IdSpan<NodeId> list = StmtList();
  N(s).list = list;
  N(s).pos2 = pos();
  Want(Token::kRbrace);
  return s;
}

NodeId Parser::DeclStmt(Token keyword) {
  NodeId s = New(NodeKind::kDeclStmt, pos());
  Next();  // _Const, _Type, or _Var
  size_t mark = scratch_.size();
  AppendGroup(keyword);
  N(s).list = Commit(mark);
  return s;
}

NodeId Parser::ForStmt() {
  Pos p = pos();
  NodeId init, cond, post;
  Header(Token::kFor, &init, &cond, &post);
  NodeId body = BlockStmt("for clause");

  if (Kind(init) == NodeKind::kRangeStmt) {
    Node& r = N(init);
    r.pos2 = r.pos;
    r.pos = p;
    r.w = body;
    return init;
  }
  NodeId s = New(NodeKind::kForStmt, p);
  Node& n = N(s);
  n.x = init;
  n.y = cond;
  n.z = post;
  n.w = body;
  return s;
}

void Parser::Header(Token keyword, NodeId* init, NodeId* cond, NodeId* post) {
  Want(keyword);

  if (s_.tok == Token::kLbrace) {
    if (keyword == Token::kIf) {
      SyntaxError("missing condition in if statement");
      *cond = BadExpr();
    }
    return;
  }
  // tok != _Lbrace

  int outer = xnest_;
  xnest_ = -1;

  if (s_.tok != Token::kSemi) {
    // accept potential varDecl but complain
    if (Got(Token::kVar)) {
      SyntaxError(std::string("var declaration not allowed in ") + TokenString(keyword) +
                  " initializer");
    }
    *init = SimpleStmt(XList(), keyword);
    // If we have a range clause, we are done (can only happen for keyword == _For).
    if (Kind(*init) == NodeKind::kRangeStmt) {
      xnest_ = outer;
      return;
    }
  }

  NodeId cond_stmt;
  Pos semi_pos;
  std::string_view semi_lit;
  if (s_.tok != Token::kLbrace) {
    if (s_.tok == Token::kSemi) {
      semi_pos = pos();
      semi_lit = s_.lit;
      Next();
    } else {
      // asking for a '{' rather than a ';' here leads to a better error message
      Want(Token::kLbrace);
      if (s_.tok != Token::kLbrace) {
        Advance({Token::kLbrace, Token::kRbrace});  // for better synchronization
      }
    }
    if (keyword == Token::kFor) {
      bool done = false;
      if (s_.tok != Token::kSemi) {
        if (s_.tok == Token::kLbrace) {
          SyntaxError("expected for loop condition");
          done = true;
        } else {
          cond_stmt = SimpleStmt(XList(), Token::kNone /* range not permitted */);
        }
      }
      if (!done) {
        Want(Token::kSemi);
        if (s_.tok != Token::kLbrace) {
          *post = SimpleStmt(XList(), Token::kNone /* range not permitted */);
          if (Kind(*post) == NodeKind::kAssign && N(*post).op == Token::kDefine) {
            SyntaxErrorAt(N(*post).pos, "cannot declare in post statement of for loop");
          }
        }
      }
    } else if (s_.tok != Token::kLbrace) {
      cond_stmt = SimpleStmt(XList(), keyword);
    }
  } else {
    cond_stmt = *init;
    *init = NodeId();
  }

  // unpack cond_stmt
  if (!cond_stmt) {
    if (keyword == Token::kIf && semi_pos.known()) {
      if (semi_lit != "semicolon") {
        SyntaxErrorAt(semi_pos,
                      "unexpected " + std::string(semi_lit) + ", expected { after if clause");
      } else {
        SyntaxErrorAt(semi_pos, "missing condition in if statement");
      }
      *cond = New(NodeKind::kBad, semi_pos);
    }
  } else if (Kind(cond_stmt) == NodeKind::kExprStmt) {
    *cond = N(cond_stmt).x;
  } else {
    // A common syntax error is to write '=' instead of '==',
    // which turns an expression into an assignment. Provide
    // a more explicit error message in that case to prevent
    // further confusion.
    std::string str;
    const Node& s = N(cond_stmt);
    if (s.kind == NodeKind::kAssign && s.op == Token::kAssign) {
      // Emphasize complex Lhs and Rhs of assignment with parentheses to highlight '='.
      str = "assignment " + Emphasize(s.list) + " = " + Emphasize(s.list2);
    } else {
      str = ExprString(ast_, cond_stmt);
    }
    SyntaxErrorAt(s.pos, "cannot use " + str + " as value");
  }

  xnest_ = outer;
}

// emphasize returns a string representation of x, with (top-level)
// binary expressions emphasized by enclosing them in parentheses.
std::string Parser::Emphasize(IdSpan<NodeId> list) {
  std::string s;
  for (uint32_t i = 0; i < list.count; i++) {
    if (i > 0) s += ", ";
    s += ExprString(ast_, ast_.At(list, i));
  }
  if (list.count == 1 && Kind(ast_.At(list, 0)) == NodeKind::kBinary) return "(" + s + ")";
  return s;
}

NodeId Parser::IfStmt() {
  DepthGuard guard(this);
  NodeId s = New(NodeKind::kIfStmt, pos());

  NodeId init, cond, post;
  Header(Token::kIf, &init, &cond, &post);
  N(s).x = init;
  N(s).y = cond;
  NodeId then = BlockStmt("if clause");
  N(s).z = then;

  if (Got(Token::kElse)) {
    switch (s_.tok) {
      case Token::kIf: {
        NodeId e = IfStmt();
        N(s).w = e;
        break;
      }
      case Token::kLbrace: {
        NodeId e = BlockStmt("");
        N(s).w = e;
        break;
      }
      default:
        SyntaxError("else must be followed by if or statement block");
        Advance({Token::kName, Token::kRbrace});
    }
  }
  return s;
}

NodeId Parser::SwitchStmt() {
  NodeId s = New(NodeKind::kSwitchStmt, pos());

  NodeId init, tag, post;
  Header(Token::kSwitch, &init, &tag, &post);
  if (Kind(tag) == NodeKind::kTypeAssert && !N(tag).y) {
    // switch x.(type): the guard without a name sits at its operand
    Node& g = N(tag);
    g.kind = NodeKind::kTypeSwitchGuard;
    g.y = g.x;
    g.x = NodeId();
    g.pos = N(g.y).pos;
  }
  N(s).x = init;
  N(s).y = tag;

  if (!Got(Token::kLbrace)) {
    SyntaxError("missing { after switch clause");
    Advance({Token::kCase, Token::kDefault, Token::kRbrace});
  }
  size_t mark = scratch_.size();
  while (s_.tok != Token::kEOF && s_.tok != Token::kRbrace) scratch_.push_back(CaseClause());
  N(s).list = Commit(mark);
  N(s).pos2 = pos();
  Want(Token::kRbrace);
  return s;
}

NodeId Parser::SelectStmt() {
  NodeId s = New(NodeKind::kSelectStmt, pos());

  Want(Token::kSelect);
  if (!Got(Token::kLbrace)) {
    SyntaxError("missing { after select clause");
    Advance({Token::kCase, Token::kDefault, Token::kRbrace});
  }
  size_t mark = scratch_.size();
  while (s_.tok != Token::kEOF && s_.tok != Token::kRbrace) scratch_.push_back(CommClause());
  N(s).list = Commit(mark);
  N(s).pos2 = pos();
  Want(Token::kRbrace);
  return s;
}

NodeId Parser::CaseClause() {
  NodeId c = New(NodeKind::kCaseClause, pos());

  switch (s_.tok) {
    case Token::kCase: {
      Next();
      XList cases = ExprList();
      N(c).list = Span(cases);
      break;
    }
    case Token::kDefault:
      Next();
      N(c).flags |= kFlagDefault;
      break;
    default:
      N(c).flags |= kFlagDefault;  // gc: no cases means default
      SyntaxError("expected case or default or }");
      Advance({Token::kColon, Token::kCase, Token::kDefault, Token::kRbrace});
  }

  Want(Token::kColon);
  IdSpan<NodeId> body = StmtList();
  N(c).list2 = body;
  return c;
}

NodeId Parser::CommClause() {
  NodeId c = New(NodeKind::kCommClause, pos());

  switch (s_.tok) {
    case Token::kCase: {
      Next();
      NodeId comm = SimpleStmt(XList(), Token::kNone);
      N(c).x = comm;
      // The syntax restricts the possible simple statements here to:
      //
      //     lhs <- x (send statement)
      //     <-x
      //     lhs = <-x
      //     lhs := <-x
      //
      // All these (and more) are recognized by simpleStmt and invalid
      // syntax trees are flagged later, during type checking.
      break;
    }
    case Token::kDefault:
      Next();
      N(c).flags |= kFlagDefault;
      break;
    default:
      N(c).flags |= kFlagDefault;  // gc: no comm means default
      SyntaxError("expected case or default or }");
      Advance({Token::kColon, Token::kCase, Token::kDefault, Token::kRbrace});
  }

  Want(Token::kColon);
  IdSpan<NodeId> body = StmtList();
  N(c).list2 = body;
  return c;
}

// stmtOrNil parses a statement if one is present, or else returns none.
NodeId Parser::StmtOrNil() {
  DepthGuard guard(this);

  // Most statements (assignments) start with an identifier;
  // look for it first before doing anything more expensive.
  if (s_.tok == Token::kName) {
    ClearPragma();
    XList lhs = ExprList();
    if (!lhs.is_list() && Kind(lhs.first) == NodeKind::kName && s_.tok == Token::kColon) {
      return LabeledStmtOrNil(lhs.first);
    }
    return SimpleStmt(lhs, Token::kNone);
  }

  switch (s_.tok) {
    case Token::kVar:
    case Token::kConst:
    case Token::kType:
      return DeclStmt(s_.tok);
    default:
      break;
  }

  ClearPragma();

  switch (s_.tok) {
    case Token::kLbrace:
      return BlockStmt("");

    case Token::kAdd:
    case Token::kSub:
    case Token::kMul:
    case Token::kAnd:
    case Token::kXor:
    case Token::kNot:
      return SimpleStmt(XList(), Token::kNone);  // unary operators

    case Token::kInt:
    case Token::kFloat:
    case Token::kImag:
    case Token::kChar:
    case Token::kString:
    case Token::kFunc:
    case Token::kLparen:  // operands
    case Token::kLbrack:
    case Token::kStruct:
    case Token::kMap:
    case Token::kChan:
    case Token::kInterface:  // composite types
    case Token::kArrow:      // receive operator
      return SimpleStmt(XList(), Token::kNone);

    case Token::kFor:
      return ForStmt();

    case Token::kSwitch:
      return SwitchStmt();

    case Token::kSelect:
      return SelectStmt();

    case Token::kIf:
      return IfStmt();

    case Token::kFallthrough: {
      NodeId s = New(NodeKind::kBranchStmt, pos());
      Next();
      N(s).op = Token::kFallthrough;
      return s;
    }

    case Token::kBreak:
    case Token::kContinue: {
      NodeId s = New(NodeKind::kBranchStmt, pos());
      N(s).op = s_.tok;
      Next();
      if (s_.tok == Token::kName) {
        NodeId l = Name();
        N(s).x = l;
      }
      return s;
    }

    case Token::kGo:
    case Token::kDefer:
      return CallStmt();

    case Token::kGoto: {
      NodeId s = New(NodeKind::kBranchStmt, pos());
      N(s).op = Token::kGoto;
      Next();
      NodeId l = Name();
      N(s).x = l;
      return s;
    }

    case Token::kReturn: {
      NodeId s = New(NodeKind::kReturnStmt, pos());
      Next();
      if (s_.tok != Token::kSemi && s_.tok != Token::kRbrace) {
        XList results = ExprList();
        N(s).list = Span(results);
      }
      return s;
    }

    case Token::kSemi:
      return New(NodeKind::kEmptyStmt, pos());

    default:
      return NodeId();
  }
}

// StatementList = { Statement ";" } .
IdSpan<NodeId> Parser::StmtList() {
  size_t mark = scratch_.size();
  while (s_.tok != Token::kEOF && s_.tok != Token::kRbrace && s_.tok != Token::kCase &&
         s_.tok != Token::kDefault) {
    NodeId s = StmtOrNil();
    ClearPragma();
    if (!s) break;
    scratch_.push_back(s);
    // ";" is optional before "}"
    if (!Got(Token::kSemi) && s_.tok != Token::kRbrace) {
      SyntaxError("at end of statement");
      Advance({Token::kSemi, Token::kRbrace, Token::kCase, Token::kDefault});
      Got(Token::kSemi);  // avoid spurious empty statement
    }
  }
  return Commit(mark);
}

// argList parses a possibly empty, comma-separated list of arguments,
// optionally followed by a comma (if not empty), and closed by ")".
// The last argument may be followed by "...".
//
// argList = [ arg { "," arg } [ "..." ] [ "," ] ] ")" .
void Parser::ArgList(NodeId call) {
  bool has_dots = false;
  xnest_++;
  size_t mark = scratch_.size();
  List("argument list", Token::kComma, Token::kRparen, [&] {
    NodeId e = Expr();
    scratch_.push_back(e);
    has_dots = Got(Token::kDotDotDot);
    return has_dots;
  });
  N(call).list = Commit(mark);
  if (has_dots) N(call).flags |= kFlagHasDots;
  xnest_--;
}

// ---------------------------------------------------------------------------------------------
// Common productions

NodeId Parser::Name() {
  if (s_.tok == Token::kName) {
    NodeId n = NewName(pos(), s_.lit);
    Next();
    return n;
  }

  NodeId n = NewName(pos(), "_");
  SyntaxError("expected name");
  Advance({});
  return n;
}

// IdentifierList = identifier { "," identifier } .
// The first name must be provided.
IdSpan<NodeId> Parser::NameList(NodeId first) {
  size_t mark = scratch_.size();
  scratch_.push_back(first);
  while (Got(Token::kComma)) {
    NodeId n = Name();
    scratch_.push_back(n);
  }
  return Commit(mark);
}

// The first name may be provided, or none.
NodeId Parser::QualifiedName(NodeId name) {
  NodeId x;
  if (name) {
    x = name;
  } else if (s_.tok == Token::kName) {
    x = Name();
  } else {
    x = NewName(pos(), "_");
    SyntaxError("expected name");
    Advance({Token::kDot, Token::kSemi, Token::kRbrace});
  }

  if (s_.tok == Token::kDot) {
    NodeId s = New(NodeKind::kSelector, pos());
    Next();
    N(s).x = x;
    NodeId sel = Name();
    N(s).y = sel;
    x = s;
  }

  if (s_.tok == Token::kLbrack) x = TypeInstance(x);

  return x;
}

// ExpressionList = Expression { "," Expression } .
XList Parser::ExprList() {
  XList l;
  l.first = Expr();
  l.count = 1;
  if (Got(Token::kComma)) {
    size_t mark = scratch_.size();
    scratch_.push_back(l.first);
    NodeId e = Expr();
    scratch_.push_back(e);
    while (Got(Token::kComma)) {
      e = Expr();
      scratch_.push_back(e);
    }
    l.count = static_cast<uint32_t>(scratch_.size() - mark);
    l.span = Commit(mark);
  }
  return l;
}

// typeList parses a non-empty, comma-separated list of types,
// optionally followed by a comma. If strict is set to false,
// the first element may also be a (non-type) expression.
// If there is more than one argument, the result is a list.
// The comma result indicates whether there was a (separating or
// trailing) comma.
//
// typeList = arg { "," arg } [ "," ] .
XList Parser::TypeList(bool strict, bool* comma) {
  xnest_++;
  XList l;
  l.first = strict ? Type() : Expr();
  l.count = 1;
  if (Got(Token::kComma)) {
    *comma = true;
    if (NodeId t = TypeOrNil()) {
      size_t mark = scratch_.size();
      scratch_.push_back(l.first);
      scratch_.push_back(t);
      while (Got(Token::kComma)) {
        t = TypeOrNil();
        if (!t) break;
        scratch_.push_back(t);
      }
      l.count = static_cast<uint32_t>(scratch_.size() - mark);
      l.span = Commit(mark);
    }
  }
  xnest_--;
  return l;
}

// unquote helpers -----------------------------------------------------------------------------

int HexVal(char c) {
  if ('0' <= c && c <= '9') return c - '0';
  if ('a' <= c && c <= 'f') return c - 'a' + 10;
  if ('A' <= c && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes one (possibly escaped) character of a quoted literal at s[*i], as strconv.UnquoteChar
// does: returns its value and whether it is a single byte (\x or octal escape).
bool UnquoteChar(std::string_view s, size_t* i, char quote, int32_t* value, bool* is_byte) {
  *is_byte = false;
  unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c == static_cast<unsigned char>(quote)) return false;
  if (c >= 0x80) {
    int w = 0;
    int32_t r = DecodeUtf8(s.data() + *i, s.size() - *i, &w);
    if (r == 0xFFFD && w == 1) return false;
    *value = r;
    *i += static_cast<size_t>(w);
    return true;
  }
  if (c != '\\') {
    *value = c;
    (*i)++;
    return true;
  }
  // escaped character
  if (*i + 1 >= s.size()) return false;
  char e = s[*i + 1];
  *i += 2;
  switch (e) {
    case 'a':
      *value = '\a';
      return true;
    case 'b':
      *value = '\b';
      return true;
    case 'f':
      *value = '\f';
      return true;
    case 'n':
      *value = '\n';
      return true;
    case 'r':
      *value = '\r';
      return true;
    case 't':
      *value = '\t';
      return true;
    case 'v':
      *value = '\v';
      return true;
    case '\\':
      *value = '\\';
      return true;
    case '\'':
    case '"':
      if (e != quote) return false;
      *value = e;
      return true;
    case 'x':
    case 'u':
    case 'U': {
      int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      if (*i + n > s.size()) return false;
      uint32_t v = 0;
      for (int k = 0; k < n; k++) {
        int d = HexVal(s[*i + k]);
        if (d < 0) return false;
        v = v << 4 | static_cast<uint32_t>(d);
      }
      *i += n;
      if (e == 'x') {
        *value = static_cast<int32_t>(v);
        *is_byte = true;
        return true;
      }
      if (v > 0x10FFFF || (0xD800 <= v && v < 0xE000)) return false;
      *value = static_cast<int32_t>(v);
      return true;
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      uint32_t v = static_cast<uint32_t>(e - '0');
      if (*i + 2 > s.size()) return false;
      for (int k = 0; k < 2; k++) {
        char d = s[*i + k];
        if (d < '0' || d > '7') return false;
        v = v * 8 + static_cast<uint32_t>(d - '0');
      }
      *i += 2;
      if (v > 255) return false;
      *value = static_cast<int32_t>(v);
      *is_byte = true;
      return true;
    }
    default:
      return false;
  }
}

}  // namespace

NodeId ParseFile(const SourceSet& sources, uint32_t file_index, Ast& ast, DiagnosticSink& diags) {
  Parser p(sources, file_index, ast, diags);
  return p.Parse();
}

std::string_view ParsePackageClause(const SourceSet& sources, uint32_t file_index,
                                    std::vector<std::string>* imports, DiagnosticSink& diags) {
  Ast ast;
  Parser p(sources, file_index, ast, diags);
  NodeId f = p.ParseImports();
  const Node& file = ast[f];
  if (imports != nullptr) {
    for (uint32_t i = 0; i < file.list.count; i++) {
      const Node& spec = ast[ast.At(file.list, i)];
      if (!spec.y) continue;
      const Node& path = ast[spec.y];
      std::string value;
      if (path.kind == NodeKind::kBasicLit && path.op == Token::kString &&
          UnquoteLiteral(path.text, &value)) {
        imports->push_back(std::move(value));
      }
    }
  }
  if (!file.x) return {};
  return ast[file.x].text;
}

bool UnquoteLiteral(std::string_view raw, std::string* out) {
  out->clear();
  size_t n = raw.size();
  if (n < 2) return false;
  char quote = raw[0];
  if (quote != raw[n - 1]) return false;
  std::string_view body = raw.substr(1, n - 2);
  switch (quote) {
    case '`': {
      if (body.find('`') != std::string_view::npos) return false;
      // carriage returns are removed from raw strings
      for (char c : body) {
        if (c != '\r') out->push_back(c);
      }
      return true;
    }
    case '"': {
      // a string's value is its bytes: \x and octal escapes denote single bytes
      for (size_t i = 0; i < body.size();) {
        if (body[i] == '\n') return false;
        int32_t v = 0;
        bool is_byte = false;
        if (!UnquoteChar(body, &i, '"', &v, &is_byte)) return false;
        if (is_byte) {
          out->push_back(static_cast<char>(v));
        } else {
          AppendUtf8(out, v);
        }
      }
      return true;
    }
    case '\'': {
      // a rune's value is its code point (\xff and \377 are U+00FF), encoded in UTF-8
      if (body.empty() || body[0] == '\n') return false;
      size_t i = 0;
      int32_t v = 0;
      bool is_byte = false;
      if (!UnquoteChar(body, &i, '\'', &v, &is_byte)) return false;
      if (i != body.size()) return false;
      AppendUtf8(out, v);
      return true;
    }
    default:
      return false;
  }
}

}  // namespace escapist::syntax
