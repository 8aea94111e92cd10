// types/check_decl.cpp -- the Checker's driver and declarations (go/types check.go,
// resolver.go, decl.go, initorder.go, recording.go, errors.go): collecting package-level
// objects, resolving them lazily with cycle detection, local declarations, unused imports,
// initialization order, and recording results into Info.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <queue>
#include <string>
#include <utility>

#include "syntax/parse.h"
#include "types/checker.h"

namespace escapist::types {

// ---- construction and entry points

Checker::Checker(Universe& u, PkgId pkg, const SourceSet& sources,
                 const std::function<PkgId(const std::string&)>& import_fn, DiagnosticSink& diags)
    : u_(u),
      pkg_id_(pkg),
      pkg_(u.Pkg(pkg)),
      ast_(u.Pkg(pkg).ast),
      info_(u.Pkg(pkg).info),
      sources_(sources),
      import_fn_(import_fn),
      diags_(diags) {
  iota_obj_ = u_.Lookup(u_.universe_scope, "iota");
}

void ResolveObject(const Universe& u, ObjId obj) {
  const Object& o = u.Obj(obj);
  if (o.type.has_value()) return;
  Checker* c = Impl(u).active;
  if (c == nullptr || o.pkg != c->pkg_id_) return;
  if (c->decls_.count(obj.index()) == 0) return;
  c->ObjDecl(obj);
}

void Checker::CheckFiles() {
  UniverseImpl& impl = Impl(u_);
  Checker* saved = impl.active;
  impl.active = this;
  if (!pkg_.scope.has_value()) pkg_.scope = u_.NewScope(u_.universe_scope);
  // Dense tables indexed by NodeId: sized once to the package's nodes.
  info_.types.Reserve(ast_.size());
  info_.defs.Reserve(ast_.size());
  info_.uses.Reserve(ast_.size());
  info_.scopes.Reserve(ast_.size());
  InitVersions();
  CollectObjects();
  PackageObjects();
  ProcessDelayed(0);
  ResolveDeferredUnderlying(true);
  InitOrder();
  UnusedImports();
  RecordUntyped();
  if (error_count_ == 0) SizeChecks();
  pkg_.checked = true;
  impl.active = saved;
}

void CheckPackage(Universe& u, PkgId pkg, const SourceSet& sources,
                  const std::function<PkgId(const std::string&)>& import_fn,
                  DiagnosticSink& diags) {
  Checker c(u, pkg, sources, import_fn, diags);
  c.CheckFiles();
}

// ---- language versions

namespace {

// The minor version of "go1.N" / "go1.N.M" / "go1.Nrc1"; -1 if not such a version.
int ParseGoMinor(std::string_view v) {
  if (v.substr(0, 4) != "go1.") return v == "go1" ? 0 : -1;
  int n = 0;
  size_t i = 4;
  if (i >= v.size() || v[i] < '0' || v[i] > '9') return -1;
  for (; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) n = n * 10 + (v[i] - '0');
  return n;
}

// The Go version a //go:build expression implies (go/build/constraint.GoVersion, simplified to
// disjunctions of conjunctions): the least version among the `||` terms, each term's being the
// greatest goN tag it requires; -1 if some term requires none.
int BuildConstraintMinor(std::string_view expr) {
  int result = -1;
  bool first = true;
  size_t start = 0;
  while (start <= expr.size()) {
    size_t bar = expr.find("||", start);
    std::string_view term = expr.substr(start, bar == std::string_view::npos ? expr.npos : bar - start);
    int term_max = -1;
    for (size_t i = 0; i < term.size();) {
      size_t j = i;
      while (j < term.size() && (isalnum(static_cast<unsigned char>(term[j])) || term[j] == '.' ||
                                 term[j] == '_')) {
        ++j;
      }
      if (j > i) {
        bool negated = i > 0 && term[i - 1] == '!';
        int m = ParseGoMinor(term.substr(i, j - i));
        if (!negated && m > term_max) term_max = m;
        i = j;
      } else {
        ++i;
      }
    }
    if (term_max < 0) return -1;
    result = first ? term_max : std::min(result, term_max);
    first = false;
    if (bar == std::string_view::npos) break;
    start = bar + 2;
  }
  return result;
}

}  // namespace

void Checker::InitVersions() {
  lang_minor_ = ParseGoMinor(pkg_.go_version);
  for (const syntax::FileInfo& fi : ast_.files) {
    int v = lang_minor_;
    if (!fi.build_constraint.empty()) {
      int fv = BuildConstraintMinor(fi.build_constraint);
      if (fv >= 0) {
        file_declared_[fi.file_index] = fv;
        v = std::max(fv, 21);
      }
    }
    file_minor_[fi.file_index] = v;
  }
}

int Checker::FileVersion(Pos pos) const {
  auto it = file_minor_.find(pos.file);
  return it == file_minor_.end() ? lang_minor_ : it->second;
}

bool Checker::AllowVersion(Pos pos, int minor) const {
  int v = FileVersion(pos);
  return v < 0 || v >= minor;
}

std::string Checker::VersionHint(Pos pos) const {
  auto it = file_declared_.find(pos.file);
  if (it != file_declared_.end() && it->second == FileVersion(pos)) {
    return " (file declares //go:build go1." + std::to_string(it->second) + ")";
  }
  return " (-lang was set to " + pkg_.go_version + "; check go.mod)";
}

bool Checker::VerifyVersion(Pos pos, int minor, const std::string& what) {
  if (AllowVersion(pos, minor)) return true;
  Error(pos, what + " requires go1." + std::to_string(minor) + " or later" + VersionHint(pos));
  return false;
}

// ---- errors

void Checker::Error(Pos pos0, const std::string& msg) {
  // Errors in an inherited constant initializer are reported at the constant (types2 errpos).
  Pos pos = env_.errpos.known() ? env_.errpos : pos0;
  uint64_t key = (static_cast<uint64_t>(pos.file) << 48) ^ (static_cast<uint64_t>(pos.line) << 16) ^
                 pos.col ^ (std::hash<std::string>()(msg) << 20);
  if (!reported_set_.insert(key).second) return;
  // types2: follow-on errors mentioning an invalid operand or type are dropped once an error
  // was reported; gc: one of several equal errors per line.
  if (error_count_ > 0) {
    // Only the first part of a multi-part message (parts carry their own positions).
    std::string first = msg.substr(0, msg.find("\n\t/"));
    size_t a = first.find("invalid operand"), b = first.find("invalid type");
    if ((a != std::string::npos && a > 0) || (b != std::string::npos && b > 0)) return;
  }
  if (last_error_pos_.file == pos.file && last_error_pos_.line == pos.line &&
      last_error_msg_ == msg) {
    return;
  }
  last_error_pos_ = pos;
  last_error_msg_ = msg;
  // gc reports at most one error per line (base.FlushErrors dedups same-line errors after
  // sorting); keep everything here and let the driver decide.
  diags_.Error(pos, msg);
  pkg_.has_errors = true;
  ++error_count_;
}

void Checker::ErrorAt(NodeId n, const std::string& msg) { Error(StartPos(n), msg); }

Pos Checker::StartPos(NodeId n) const {
  for (int guard = 0; n.has_value() && guard < 10000; ++guard) {
    const Node& x = ast_[n];
    switch (x.kind) {
      case NodeKind::kCompositeLit:
        if (!x.x.has_value()) return x.pos;
        n = x.x;
        continue;
      case NodeKind::kKeyValue:
      case NodeKind::kSelector:
      case NodeKind::kIndex:
      case NodeKind::kSlice:
      case NodeKind::kTypeAssert:
      case NodeKind::kCall:
      case NodeKind::kBinary:
        n = x.x;
        continue;
      case NodeKind::kField:
        if (x.x.has_value()) {
          n = x.x;
        } else {
          n = x.y;
        }
        continue;
      case NodeKind::kAssign:
      case NodeKind::kSendStmt:
        if (x.kind == NodeKind::kSendStmt) {
          n = x.x;
          continue;
        }
        if (x.list.size() > 0) {
          n = ast_.At(x.list, 0);
          continue;
        }
        return x.pos;
      case NodeKind::kExprStmt:
        n = x.x;
        continue;
      default:
        return x.pos;
    }
  }
  return n.has_value() ? ast_[n].pos : Pos();
}

std::string Checker::TS(TypeId t) const { return TypeStringTypes2(u_, t, pkg_id_); }

std::string Checker::OperandString(const Operand& x) const {
  static const char* kModeNames[] = {"invalid operand", "no value",      "built-in",
                                     "type",            "constant",      "variable",
                                     "map index expression", "value",   "comma, ok expression"};
  if (x.is_nil && x.mode == Mode::kValue) {
    if (!x.type.has_value() || !IsValid(u_, x.type)) return "nil (with invalid type)";
    if (IsBasicKind(u_, x.type, BasicKind::kUntypedNil)) return "nil";
    return "nil (of type " + TS(x.type) + ")";
  }
  std::string expr;
  if (!x.desc.empty()) {
    expr = x.desc;
  } else if (x.expr.has_value()) {
    expr = ExprString(x.expr);
  } else if (x.mode == Mode::kBuiltin) {
    expr = BuiltinName(x.id);
  } else if (x.mode == Mode::kTypeExpr) {
    expr = TS(x.type);
  } else if (x.mode == Mode::kConstant) {
    expr = constant::String(x.val);
  }
  std::string buf;
  if (!expr.empty()) buf = expr + " (";
  bool has_type = false;
  switch (x.mode) {
    case Mode::kInvalid:
    case Mode::kNoValue:
    case Mode::kBuiltin:
    case Mode::kTypeExpr: break;
    default:
      if (x.type.has_value()) {
        if (IsUntyped(u_, x.type)) {
          buf += BasicName(u_.Get(x.type).basic);
          buf += ' ';
          break;
        }
        has_type = true;
      }
  }
  buf += kModeNames[static_cast<int>(x.mode)];
  if (x.mode == Mode::kConstant) {
    std::string s = constant::String(x.val);
    if (s != expr) buf += " " + s;
  }
  if (has_type) {
    if (IsValid(u_, x.type)) {
      std::string desc;
      const Type& t = u_.Get(x.type);
      if (IsGeneric(u_, x.type)) desc = "generic ";
      if (t.kind == TypeKind::kNamed) {
        TypeId under = Underlying(u_, x.type);
        const Type& ut = u_.Get(under);
        const char* what = "";
        switch (ut.kind) {
          case TypeKind::kBasic: what = BasicName(ut.basic); break;
          case TypeKind::kArray: what = "array"; break;
          case TypeKind::kSlice: what = "slice"; break;
          case TypeKind::kStruct: what = "struct"; break;
          case TypeKind::kPointer: what = "pointer"; break;
          case TypeKind::kSignature: what = "func"; break;
          case TypeKind::kInterface: what = "interface"; break;
          case TypeKind::kMap: what = "map"; break;
          case TypeKind::kChan: what = "chan"; break;
          default: break;
        }
        if (*what) desc += std::string(what) + " ";
      }
      buf += " of " + desc + "type " + TS(x.type);
      if (t.kind == TypeKind::kTypeParam) {
        buf += " constrained by " + TS(t.constraint);
      }
    } else {
      buf += " with invalid type";
    }
  }
  if (!expr.empty()) buf += ")";
  return buf;
}

std::string Checker::ObjString(ObjId obj) const { return u_.Obj(obj).name; }

// ---- recording

void Checker::RecordTypeAndValue(NodeId e, Mode mode, TypeId t, const Constant* val) {
  if (!e.has_value()) return;
  TypeAndValue tv;
  tv.mode = mode;
  if (mode == Mode::kInvalid) {
    tv.type = u_.invalid_type;
  } else if (mode == Mode::kNoValue) {
    tv.type = TypeId();
  } else {
    tv.type = t;
  }
  if (mode == Mode::kConstant && val != nullptr) tv.value = u_.NewConstant(*val);
  info_.types.Set(e, tv);
}

void Checker::Record(Operand& x) {
  TypeId t = x.type;
  if (x.mode == Mode::kInvalid) t = u_.invalid_type;
  if (x.mode != Mode::kInvalid && x.mode != Mode::kNoValue && t.has_value() &&
      IsUntyped(u_, t)) {
    RememberUntyped(x.expr, false, x.mode, t, x.mode == Mode::kConstant ? &x.val.get() : nullptr);
  } else {
    RecordTypeAndValue(x.expr, x.mode, t, x.mode == Mode::kConstant ? &x.val.get() : nullptr);
  }
}

void Checker::RememberUntyped(NodeId e, bool lhs, Mode mode, TypeId t, const Constant* val) {
  if (!e.has_value()) return;
  UntypedInfo& info = untyped_[e.index()];
  info.is_lhs = lhs;
  info.mode = mode;
  info.type = t;
  info.has_val = val != nullptr;
  if (val) info.val = *val;
}

void Checker::RecordUntyped() {
  std::vector<std::pair<uint32_t, UntypedInfo>> rest(untyped_.begin(), untyped_.end());
  untyped_.clear();
  for (auto& [idx, info] : rest) {
    RecordTypeAndValue(NodeId(idx), info.mode, info.type, info.has_val ? &info.val.get() : nullptr);
  }
}

void Checker::RecordDef(NodeId name, ObjId obj) {
  if (name.has_value()) info_.defs.Set(name, obj);
}

void Checker::RecordUse(NodeId name, ObjId obj) {
  if (name.has_value()) info_.uses.Set(name, obj);
}

void Checker::RecordImplicit(NodeId n, ObjId obj) {
  if (n.has_value()) info_.implicits.Set(n, obj);
}

void Checker::RecordSelection(NodeId n, Selection::Kind kind, TypeId recv, ObjId obj,
                              std::vector<uint32_t> path, bool indirect) {
  // go/types recordSelection also records the use of the selector name.
  if (ast_[n].kind == NodeKind::kSelector) RecordUse(ast_[n].y, obj);
  Selection s;
  s.kind = kind;
  s.recv = recv;
  s.obj = obj;
  s.path = std::move(path);
  s.indirect = indirect;
  info_.selections.Set(n, std::move(s));
}

void Checker::RecordScope(NodeId n, ScopeId s) {
  if (n.has_value()) info_.scopes.Set(n, s);
}

void Checker::RecordInstance(NodeId n, const std::vector<TypeId>& targs) {
  // Record on the Name (or the Selector's Name) as go/types does.
  NodeId id = n;
  for (int guard = 0; guard < 100 && id.has_value(); ++guard) {
    const Node& x = ast_[id];
    if (x.kind == NodeKind::kIndex || x.kind == NodeKind::kParen) {
      id = x.x;
    } else if (x.kind == NodeKind::kSelector) {
      id = x.y;
    } else {
      break;
    }
  }
  if (id.has_value()) info_.instances.Set(id, targs);
}

void Checker::UpdateExprVal(NodeId e, const Constant& val) {
  auto it = untyped_.find(e.index());
  if (it != untyped_.end()) it->second.val = val;
}

void Checker::UpdateExprType(NodeId e, TypeId t, bool final) {
  for (int guard = 0; guard < 100000; ++guard) {
    auto it = untyped_.find(e.index());
    if (it == untyped_.end()) return;
    const Node& n = ast_[e];
    UntypedInfo old = it->second;
    bool recurse_single = false;
    NodeId next;
    switch (n.kind) {
      case NodeKind::kCall:
      case NodeKind::kName:
      case NodeKind::kBasicLit:
      case NodeKind::kSelector: break;
      case NodeKind::kParen:
        recurse_single = true;
        next = n.x;
        break;
      case NodeKind::kUnary:
        if (n.op == Token::kMul) return;
        if (!old.has_val) {
          recurse_single = true;
          next = n.x;
        }
        break;
      case NodeKind::kBinary:
        if (old.has_val) break;
        switch (n.op) {
          case Token::kEql:
          case Token::kNeq:
          case Token::kLss:
          case Token::kLeq:
          case Token::kGtr:
          case Token::kGeq: break;
          case Token::kShl:
          case Token::kShr:
            recurse_single = true;
            next = n.x;
            break;
          default:
            UpdateExprType(n.x, t, final);
            recurse_single = true;
            next = n.y;
            break;
        }
        break;
      default: return;
    }
    if (recurse_single && next.has_value()) {
      DepthGuard g(this);
      if (!g.Exceeded()) UpdateExprType(next, t, final);
    }
    it = untyped_.find(e.index());
    if (it == untyped_.end()) return;
    if (!final && IsUntyped(u_, t)) {
      it->second.type = Underlying(u_, t);
      return;
    }
    untyped_.erase(it);
    if (old.is_lhs) {
      if (!AllUnder(u_, t, [&](TypeId x) { return IsInteger(u_, x); }) && !IsInteger(u_, t)) {
        ErrorAt(e, "invalid operation: shifted operand " + ExprString(e) + " (type " + TS(t) +
                       ") must be integer");
        return;
      }
    }
    if (old.has_val) {
      Operand c;
      c.mode = old.mode;
      c.expr = e;
      c.type = old.type;
      c.val = old.val;
      ConvertUntyped(&c, t);
      if (!c.IsValid()) return;
    }
    RecordTypeAndValue(e, old.mode, t, old.has_val ? &old.val.get() : nullptr);
    return;
  }
}

// ---- scopes and objects

ObjId Checker::NewVar(Pos pos, const std::string& name, TypeId type, VarKind kind, NodeId decl) {
  Object o;
  o.kind = ObjKind::kVar;
  o.name = name;
  o.pos = pos;
  o.pkg = pkg_id_;
  o.type = type;
  o.var_kind = kind;
  o.decl = decl;
  o.decl_pkg = pkg_id_;
  return u_.NewObject(std::move(o));
}

void Checker::Declare(ScopeId scope, NodeId name_node, ObjId obj, Pos scope_pos) {
  Object& o = u_.objects.Get(obj);
  if (o.name != "_" && scope.has_value()) {
    auto& names = u_.scopes.Get(scope).names;
    auto it = names.find(o.name);
    if (it != names.end()) {
      const Object& alt = u_.Obj(it->second);
      std::string msg = o.name + " redeclared in this block";
      if (alt.pos.known()) msg += "\n\t" + sources_.Format(alt.pos) + ": other declaration of " + o.name;
      Error(o.pos, msg);
      if (name_node.has_value()) RecordDef(name_node, obj);
      return;
    }
    names[o.name] = obj;
    if (!o.parent.has_value()) o.parent = scope;
  } else if (!o.parent.has_value()) {
    o.parent = scope;
  }
  if (name_node.has_value()) RecordDef(name_node, obj);
}

ObjId Checker::LookupName(const std::string& name, ScopeId* found_scope) {
  for (ScopeId s = env_.scope; s.has_value(); s = u_.scopes.Get(s).parent) {
    const auto& names = u_.scopes.Get(s).names;
    auto it = names.find(name);
    if (it != names.end()) {
      if (found_scope) *found_scope = s;
      return it->second;
    }
  }
  return ObjId();
}

// The target of an alias that is still being declared, if its right-hand side is simple enough
// to name without evaluating it (types2 gets this from its lazily resolved Alias types).
TypeId Checker::PeekAliasTarget(NodeId rhs, int depth) {
  if (!rhs.has_value() || depth > 20) return TypeId();
  const Node& n = ast_[rhs];
  switch (n.kind) {
    case NodeKind::kParen: return PeekAliasTarget(n.x, depth + 1);
    case NodeKind::kName: {
      ScopeId saved = env_.scope;
      ObjId obj = LookupName(std::string(n.text));
      env_.scope = saved;
      if (!obj.has_value() || u_.Obj(obj).kind != ObjKind::kTypeName) return TypeId();
      const Object& o = u_.Obj(obj);
      if (o.type.has_value() && o.type != u_.invalid_type) return o.type;
      if (o.is_alias && o.pkg == pkg_id_ && decls_.count(obj.index())) {
        const Node& spec = ast_[decls_[obj.index()].spec];
        if (spec.list.size() == 0) return PeekAliasTarget(spec.y, depth + 1);
      }
      return TypeId();
    }
    case NodeKind::kSelector: {
      if (ast_[n.x].kind != NodeKind::kName) return TypeId();
      ObjId pn = LookupName(std::string(ast_[n.x].text));
      if (!pn.has_value() || u_.Obj(pn).kind != ObjKind::kPkgName) return TypeId();
      const Package& ip = u_.Pkg(u_.Obj(pn).imported);
      if (!ip.scope.has_value()) return TypeId();
      const auto& names = u_.scopes.Get(ip.scope).names;
      auto it = names.find(std::string(ast_[n.y].text));
      if (it == names.end() || u_.Obj(it->second).kind != ObjKind::kTypeName) return TypeId();
      return u_.Obj(it->second).type;
    }
    case NodeKind::kUnary:
      if (n.op == Token::kMul) {
        TypeId e = PeekAliasTarget(n.x, depth + 1);
        return e.has_value() ? u_.NewPointer(e) : TypeId();
      }
      return TypeId();
    case NodeKind::kSliceType: {
      TypeId e = PeekAliasTarget(n.y, depth + 1);
      return e.has_value() ? u_.NewSlice(e) : TypeId();
    }
    default: return TypeId();
  }
}

ScopeId Checker::OpenScope(NodeId n, const char*) {
  ScopeId s = u_.NewScope(env_.scope);
  if (n.has_value()) {
    u_.scopes.Get(s).pos = ast_[n].pos;
    RecordScope(n, s);
  }
  env_.scope = s;
  return s;
}

void Checker::CloseScope() { env_.scope = u_.scopes.Get(env_.scope).parent; }

void Checker::MarkUsed(ObjId v) {
  if (v.has_value()) u_.objects.Get(v).used = true;
}

// ---- collecting package-level objects

namespace {


}  // namespace

// go/types declarePkgObj's checks: init and main (in package main) must be funcs.
static bool BadPkgObjName(Checker* c, NodeId ident) {
  std::string_view name = c->ast_[ident].text;
  if (name == "init") {
    c->ErrorAt(ident, "cannot declare init - must be func");
    return true;
  }
  if (name == "main" && c->pkg_.name == "main") {
    c->ErrorAt(ident, "cannot declare main - must be func");
    return true;
  }
  return false;
}

void Checker::CollectObjects() {
  std::vector<std::pair<ObjId, NodeId>> methods;  // method, receiver base Name
  for (const auto& file : ast_.files) {
    const Node& fnode = ast_[file.file];
    if (fnode.x.has_value() && ast_[fnode.x].text == "_") {
      ErrorAt(fnode.x, "invalid package name _");
    }
    ScopeId file_scope = u_.NewScope(pkg_.scope);
    file_scopes_.push_back(file_scope);
    RecordScope(file.file, file_scope);
    for (NodeId decl : ast_.List(fnode.list)) {
      const Node& d = ast_[decl];
      switch (d.kind) {
        case NodeKind::kImportSpec: {
          if (!d.y.has_value()) break;
          std::string path;
          if (!syntax::UnquoteLiteral(ast_[d.y].text, &path)) {
            ErrorAt(d.y, "invalid import path: " + std::string(ast_[d.y].text));
            break;
          }
          if (path.empty()) {
            ErrorAt(d.y, "invalid import path (empty string)");
            break;
          }
          {
            // go/types validatedImportPath.
            static const std::string kIllegal = "!\"#$%&'()*,:;<=>?[\\]^{|}`";
            std::string bad;
            for (size_t i = 0; i < path.size(); ++i) {
              unsigned char ch = static_cast<unsigned char>(path[i]);
              if (ch < 0x80 && (ch <= 0x20 || ch == 0x7F || kIllegal.find(ch) != std::string::npos)) {
                char buf[32];
                std::snprintf(buf, sizeof buf, "U+%04X", ch);
                bad = buf;
                if (ch > 0x20 && ch != 0x7F) bad += std::string(" '") + static_cast<char>(ch) + "'";
                break;
              }
            }
            if (!bad.empty()) {
              ErrorAt(d.y, "invalid import path (invalid character " + bad + ")");
              break;
            }
          }
          PkgId imp;
          if (path == "unsafe") {
            imp = u_.unsafe_pkg;
          } else if (path == "C") {
            break;  // cgo is disabled
          } else {
            imp = import_fn_ ? import_fn_(path) : PkgId();
          }
          if (!imp.has_value()) {
            ErrorAt(d.y, "could not import " + path + " (package not found)");
            // Declare a fake package so that uses do not cascade.
            auto fake = std::make_unique<Package>();
            fake->path = path;
            size_t slash = path.rfind('/');
            fake->name = slash == std::string::npos ? path : path.substr(slash + 1);
            fake->fake = true;
            fake->checked = true;
            fake->scope = u_.NewScope(u_.universe_scope);
            imp = u_.packages.Add(std::move(fake));
          }
          const Package& ip = u_.Pkg(imp);
          std::string name = ip.name;
          if (d.x.has_value()) name = std::string(ast_[d.x].text);
          if (name == "init") {
            ErrorAt(decl, "cannot import package as init - init must be a func");
            break;
          }
          if (std::find(pkg_.imports.begin(), pkg_.imports.end(), imp) == pkg_.imports.end()) {
            pkg_.imports.push_back(imp);
          }
          Object pn;
          pn.kind = ObjKind::kPkgName;
          pn.name = name;
          pn.pos = d.x.has_value() ? ast_[d.x].pos : ast_[d.y].pos;
          pn.pkg = pkg_id_;
          pn.imported = imp;
          pn.type = u_.invalid_type;
          pn.decl = decl;
          pn.decl_pkg = pkg_id_;
          ObjId pn_id = u_.NewObject(std::move(pn));
          if (d.x.has_value()) {
            RecordDef(d.x, pn_id);
          } else {
            RecordImplicit(decl, pn_id);
          }
          if (ip.fake) used_pkg_names_.insert(pn_id.index());
          imports_.push_back(pn_id);
          if (name == ".") {
            for (const auto& [n, o] : u_.scopes.Get(ip.scope).names) {
              if (n.empty() || !(n[0] >= 'A' && n[0] <= 'Z')) continue;
              auto& fnames = u_.scopes.Get(file_scope).names;
              if (fnames.count(n)) continue;
              fnames[n] = o;
              dot_import_uses_[(static_cast<uint64_t>(file_scope.index()) << 32) | o.index()] = pn_id;
            }
          } else if (name != "_") {
            Declare(file_scope, NodeId(), pn_id, Pos());
          }
          break;
        }
        case NodeKind::kConstSpec: {
          NodeId last = (d.flags & syntax::kFlagImplicitType) ? d.z : decl;
          bool inherited = (d.flags & syntax::kFlagImplicitType) != 0;
          std::vector<NodeId> values;
          NodeId vtype;
          if (last.has_value()) {
            values = ast_.List(ast_[last].list2);
            vtype = ast_[last].x;
          } else {
            inherited = false;
          }
          std::vector<NodeId> names = ast_.List(d.list);
          for (size_t i = 0; i < names.size(); ++i) {
            Object o;
            o.kind = ObjKind::kConst;
            o.name = std::string(ast_[names[i]].text);
            o.pos = ast_[names[i]].pos;
            o.pkg = pkg_id_;
            o.decl = decl;
            o.decl_pkg = pkg_id_;
            ObjId id = u_.NewObject(std::move(o));
            DeclInfo info;
            info.file_scope = file_scope;
            info.spec = decl;
            info.vtype = vtype;
            info.init = i < values.size() ? values[i] : NodeId();
            info.iota = d.aux;
            info.inherited = inherited;
            if (BadPkgObjName(this, names[i])) continue;
            decls_[id.index()] = std::move(info);
            obj_list_.push_back(id);
            Declare(pkg_.scope, names[i], id, Pos());
          }
          Arity(d.pos, names, values, true, inherited);
          break;
        }
        case NodeKind::kVarSpec: {
          std::vector<NodeId> names = ast_.List(d.list);
          std::vector<NodeId> values = ast_.List(d.list2);
          std::vector<ObjId> lhs;
          for (NodeId n : names) {
            Object o;
            o.kind = ObjKind::kVar;
            o.var_kind = VarKind::kPackage;
            o.name = std::string(ast_[n].text);
            o.pos = ast_[n].pos;
            o.pkg = pkg_id_;
            o.decl = decl;
            o.decl_pkg = pkg_id_;
            lhs.push_back(u_.NewObject(std::move(o)));
          }
          for (size_t i = 0; i < names.size(); ++i) {
            DeclInfo info;
            info.file_scope = file_scope;
            info.spec = decl;
            info.vtype = d.x;
            if (values.size() == 1) {
              info.lhs = lhs;
              info.init = values[0];
            } else if (i < values.size()) {
              info.init = values[i];
            }
            if (BadPkgObjName(this, names[i])) continue;
            decls_[lhs[i].index()] = std::move(info);
            obj_list_.push_back(lhs[i]);
            Declare(pkg_.scope, names[i], lhs[i], Pos());
          }
          if (!d.x.has_value() || !values.empty()) Arity(d.pos, names, values, false, false);
          break;
        }
        case NodeKind::kTypeSpec: {
          Object o;
          o.kind = ObjKind::kTypeName;
          o.name = std::string(ast_[d.x].text);
          o.pos = ast_[d.x].pos;
          o.pkg = pkg_id_;
          o.decl = decl;
          o.decl_pkg = pkg_id_;
          o.is_alias = (d.flags & syntax::kFlagAlias) != 0;
          ObjId id = u_.NewObject(std::move(o));
          if (BadPkgObjName(this, d.x)) break;
          DeclInfo info;
          info.file_scope = file_scope;
          info.spec = decl;
          decls_[id.index()] = std::move(info);
          obj_list_.push_back(id);
          Declare(pkg_.scope, d.x, id, Pos());
          break;
        }
        case NodeKind::kFuncDecl: {
          if (!d.y.has_value()) break;
          std::string name(ast_[d.y].text);
          Object o;
          o.kind = ObjKind::kFunc;
          o.name = name;
          o.pos = ast_[d.y].pos;
          o.pkg = pkg_id_;
          o.decl = decl;
          o.decl_pkg = pkg_id_;
          o.has_body = d.w.has_value();
          o.pragmas = d.aux;
          for (const auto& ln : file.linknames) {
            if (ln.local == name && !d.x.has_value()) o.linkname = std::string(ln.remote);
          }
          ObjId id = u_.NewObject(std::move(o));
          info_.funcs.push_back(id);
          DeclInfo info;
          info.file_scope = file_scope;
          info.spec = decl;
          decls_[id.index()] = std::move(info);
          obj_list_.push_back(id);
          if (!d.x.has_value()) {
            if (name == "init" || (name == "main" && pkg_.name == "main")) {
              if (d.list.size() > 0) {
                ErrorAt(ast_.At(d.list, 0), "func " + name + " must have no type parameters");
              }
              const Node& ft = ast_[d.z];
              if (ft.list.size() != 0 || ft.list2.size() != 0) {
                ErrorAt(d.y, "func " + name + " must have no arguments and no return values");
              }
            }
            if (name == "init") {
              u_.objects.Get(id).parent = pkg_.scope;
              RecordDef(d.y, id);
              if (!d.w.has_value()) ErrorAt(d.y, "func init must have a body");
            } else {
              Declare(pkg_.scope, d.y, id, Pos());
            }
          } else {
            // Find the receiver's base type name syntactically.
            NodeId t = ast_[d.x].y;
            bool ptr = false;
            for (int guard = 0; t.has_value() && guard < 100; ++guard) {
              const Node& tn = ast_[t];
              if (tn.kind == NodeKind::kParen) {
                t = tn.x;
              } else if (tn.kind == NodeKind::kUnary && tn.op == Token::kMul && !ptr) {
                ptr = true;
                t = tn.x;
              } else if (tn.kind == NodeKind::kIndex) {
                t = tn.x;
              } else {
                break;
              }
            }
            u_.objects.Get(id).ptr_recv = ptr;
            if (t.has_value() && ast_[t].kind == NodeKind::kName && name != "_") {
              methods.push_back({id, t});
            }
            RecordDef(d.y, id);
          }
          break;
        }
        default: break;
      }
    }
  }
  // Conflicts between file-scope imports and package-level names.
  for (ScopeId fs : file_scopes_) {
    for (const auto& [name, obj] : u_.scopes.Get(fs).names) {
      auto& pnames = u_.scopes.Get(pkg_.scope).names;
      auto it = pnames.find(name);
      if (it == pnames.end()) continue;
      const Object& o = u_.Obj(obj);
      const Object& alt = u_.Obj(it->second);
      if (o.kind == ObjKind::kPkgName) {
        Error(alt.pos, alt.name + " already declared through import of package " +
                           u_.Pkg(o.imported).name + " (\"" + u_.Pkg(o.imported).path + "\")");
      } else {
        Error(alt.pos, alt.name + " already declared through dot-import of package " +
                           (o.pkg.has_value() ? u_.Pkg(o.pkg).name : std::string("?")));
      }
    }
  }
  // Associate methods with their receiver base types.
  for (auto [m, base_name] : methods) {
    ObjId base = u_.Lookup(pkg_.scope, std::string(ast_[base_name].text));
    // Follow aliases declared in this package (syntactically) to a type name.
    for (int guard = 0; guard < 10 && base.has_value(); ++guard) {
      const Object& bo = u_.Obj(base);
      if (bo.kind != ObjKind::kTypeName || bo.pkg != pkg_id_ || !bo.is_alias) break;
      NodeId rhs = ast_[bo.decl].y;
      bool ptr = false;
      while (rhs.has_value() && ast_[rhs].kind == NodeKind::kUnary && ast_[rhs].op == Token::kMul) {
        rhs = ast_[rhs].x;
        ptr = true;
      }
      if (ptr) u_.objects.Get(m).ptr_recv = true;
      if (!rhs.has_value() || ast_[rhs].kind != NodeKind::kName) {
        base = ObjId();
        break;
      }
      base = u_.Lookup(pkg_.scope, std::string(ast_[rhs].text));
    }
    if (!base.has_value()) continue;
    const Object& bo = u_.Obj(base);
    if (bo.kind != ObjKind::kTypeName || bo.pkg != pkg_id_) continue;
    methods_[base.index()].push_back(m);
  }
}

void Checker::PackageObjects() {
  // Non-alias type declarations first, then aliases, then everything else (go/types).
  std::vector<ObjId> types, aliases, others;
  for (ObjId obj : obj_list_) {
    const Object& o = u_.Obj(obj);
    if (o.kind == ObjKind::kTypeName) {
      (o.is_alias ? aliases : types).push_back(obj);
    } else {
      others.push_back(obj);
    }
  }
  for (ObjId obj : types) ObjDecl(obj);
  for (ObjId obj : aliases) ObjDecl(obj);
  ResolveDeferredUnderlying(true);
  for (ObjId obj : others) ObjDecl(obj);
  // Methods of types without a declaration here were never declared: check them too.
  methods_.clear();
}

// go/types arity: the number of names and init expressions of a const or var spec.
void Checker::Arity(Pos pos, const std::vector<NodeId>& names, const std::vector<NodeId>& inits,
                    bool const_decl, bool inherited) {
  size_t l = names.size(), r = inits.size();
  if (l < r) {
    NodeId n = inits[l];
    if (inherited) {
      Error(pos, "extra init expr at " + sources_.Format(StartPos(n)));
    } else {
      ErrorAt(n, "extra init expr " + ExprString(n));
    }
  } else if (l > r && (const_decl || r != 1)) {
    NodeId n = names[r];
    ErrorAt(n, "missing init expr for " + std::string(ast_[n].text));
  }
}

// ---- lazy resolution

void Checker::ObjDecl(ObjId obj) {
  Color& color = colors_[obj.index()];
  Object& o = u_.objects.Get(obj);
  if (color == Color::kWhite && o.type.has_value()) {
    color = Color::kBlack;
    return;
  }
  if (color == Color::kBlack) return;
  if (color == Color::kGrey) {
    switch (o.kind) {
      case ObjKind::kConst:
      case ObjKind::kVar:
        if (!ValidCycle(obj) || !o.type.has_value()) u_.objects.Get(obj).type = u_.invalid_type;
        break;
      case ObjKind::kTypeName:
        if (o.is_alias && o.type == u_.invalid_type && decls_.count(obj.index())) {
          const Node& spec = ast_[decls_[obj.index()].spec];
          Environment saved = env_;
          env_.scope = decls_[obj.index()].file_scope;
          TypeId t = spec.list.size() == 0 ? PeekAliasTarget(spec.y, 0) : TypeId();
          env_ = saved;
          if (t.has_value()) {
            u_.objects.Get(obj).type = t;
            return;
          }
        }
        if (!ValidCycle(obj)) {
          if (!u_.Obj(obj).type.has_value()) u_.objects.Get(obj).type = u_.invalid_type;
        }
        if (!u_.Obj(obj).type.has_value()) u_.objects.Get(obj).type = u_.invalid_type;
        break;
      case ObjKind::kFunc:
        ValidCycle(obj);
        break;
      default: break;
    }
    return;
  }
  auto dit = decls_.find(obj.index());
  if (dit == decls_.end()) {
    if (!o.type.has_value()) o.type = u_.invalid_type;
    return;
  }
  DepthGuard guard(this);
  if (guard.Exceeded()) {
    if (!o.type.has_value()) o.type = u_.invalid_type;
    return;
  }
  color = Color::kGrey;
  obj_path_idx_[obj.index()] = obj_path_.size();
  obj_path_.push_back(obj);

  Environment saved = env_;
  env_ = Environment();
  env_.scope = dit->second.file_scope;
  env_.decl_obj = obj;
  DeclInfo d = dit->second;  // copy: decls_ may rehash
  switch (o.kind) {
    case ObjKind::kConst:
      env_.iota = d.iota;
      env_.has_iota = true;
      ConstDecl(obj, d.vtype, d.init, d.inherited);
      break;
    case ObjKind::kVar: VarDecl(obj, d.lhs, d.vtype, d.init); break;
    case ObjKind::kTypeName: TypeDecl(obj, d.spec); break;
    case ObjKind::kFunc: FuncDecl(obj, d.spec); break;
    default: break;
  }
  env_ = saved;

  obj_path_.pop_back();
  obj_path_idx_.erase(obj.index());
  colors_[obj.index()] = Color::kBlack;
  if (!u_.Obj(obj).type.has_value()) u_.objects.Get(obj).type = u_.invalid_type;
}

// Whether t is not a type still being declared (types2 isComplete); reports the cycle if it is.
bool Checker::IsComplete(TypeId t) {
  if (!t.has_value()) return true;
  const Type& ty = u_.Get(t);
  if (ty.kind != TypeKind::kNamed) return true;
  ObjId obj = ty.origin.has_value() ? u_.Get(ty.origin).obj : ty.obj;
  if (!obj.has_value()) return true;
  auto it = obj_path_idx_.find(obj.index());
  if (it == obj_path_idx_.end()) return true;
  if (u_.Get(ty.origin.has_value() ? ty.origin : t).underlying.has_value()) return true;
  std::vector<ObjId> cycle(obj_path_.begin() + it->second, obj_path_.end());
  size_t first = 0;
  for (size_t i = 1; i < cycle.size(); ++i) {
    if (u_.Obj(cycle[i]).pos < u_.Obj(cycle[first]).pos) first = i;
  }
  CycleError(cycle, first);
  return false;
}

bool Checker::ValidCycle(ObjId obj) {
  auto it = obj_path_idx_.find(obj.index());
  if (it == obj_path_idx_.end()) return true;
  size_t start = it->second;
  std::vector<ObjId> cycle(obj_path_.begin() + start, obj_path_.end());
  size_t nval = 0, ndef = 0;
  bool tparam_cycle = false;
  for (ObjId c : cycle) {
    const Object& co = u_.Obj(c);
    switch (co.kind) {
      case ObjKind::kConst:
      case ObjKind::kVar: ++nval; break;
      case ObjKind::kTypeName:
        if (!co.is_alias) ++ndef;
        break;
      case ObjKind::kFunc: break;
      default: break;
    }
  }
  (void)tparam_cycle;
  if (nval == cycle.size()) return true;
  if (nval == 0 && ndef > 0) return true;
  // Report at the first object in source order.
  size_t first = 0;
  for (size_t i = 1; i < cycle.size(); ++i) {
    if (u_.Obj(cycle[i]).pos < u_.Obj(cycle[first]).pos) first = i;
  }
  CycleError(cycle, first);
  return false;
}

void Checker::CycleError(const std::vector<ObjId>& cycle, size_t start) {
  auto name = [&](ObjId o) { return u_.Obj(o).name; };
  ObjId obj = cycle[start];
  bool tname = u_.Obj(obj).kind == ObjKind::kTypeName;
  if (cycle.size() == 1) {
    if (tname) {
      Error(u_.Obj(obj).pos, "invalid recursive type: " + name(obj) + " refers to itself");
    } else {
      Error(u_.Obj(obj).pos, "invalid cycle in declaration: " + name(obj) + " refers to itself");
    }
    return;
  }
  std::string msg = tname ? "invalid recursive type " + name(obj)
                          : "invalid cycle in declaration of " + name(obj);
  ObjId cur = obj;
  for (size_t i = 0; i < cycle.size(); ++i) {
    ObjId next = cycle[(start + i + 1) % cycle.size()];
    msg += "\n\t" + sources_.Format(u_.Obj(cur).pos) + ": " + name(cur) + " refers to " + name(next);
    cur = next;
  }
  Error(u_.Obj(obj).pos, msg);
}

void Checker::ConstDecl(ObjId obj, NodeId vtype, NodeId init, bool inherited) {
  Object& o = u_.objects.Get(obj);
  if (vtype.has_value()) {
    TypeId t = Typ(vtype);
    if (!IsConstType(u_, t)) {
      if (IsValid(u_, Underlying(u_, t))) ErrorAt(vtype, "invalid constant type " + TS(t));
      u_.objects.Get(obj).type = u_.invalid_type;
      return;
    }
    u_.objects.Get(obj).type = t;
  }
  Operand x;
  Pos saved_errpos = env_.errpos;
  env_.errpos = inherited ? u_.Obj(obj).pos : Pos();
  if (init.has_value()) Expr(TypeId(), &x, init);
  (void)o;
  InitConst(obj, &x);
  env_.errpos = saved_errpos;
}

void Checker::InitConst(ObjId lhs, Operand* x) {
  Object& o = u_.objects.Get(lhs);
  if (!x->IsValid() || !IsValid(u_, x->type) || !IsValid(u_, o.type.has_value() ? o.type : x->type)) {
    if (!o.type.has_value()) o.type = u_.invalid_type;
    o.value = u_.NewConstant(constant::MakeUnknown());
    return;
  }
  if (x->mode != Mode::kConstant) {
    ErrorAt(x->expr, OperandString(*x) + " is not constant");
    if (!o.type.has_value()) o.type = u_.invalid_type;
    o.value = u_.NewConstant(constant::MakeUnknown());
    return;
  }
  if (!o.type.has_value()) o.type = x->type;
  Assignment(x, u_.Obj(lhs).type, "constant declaration");
  Object& o2 = u_.objects.Get(lhs);
  if (!x->IsValid()) {
    o2.value = u_.NewConstant(constant::MakeUnknown());
    return;
  }
  o2.value = u_.NewConstant(x->val);
}

void Checker::VarDecl(ObjId obj, const std::vector<ObjId>& lhs, NodeId vtype, NodeId init) {
  if (vtype.has_value()) {
    TypeId t = VarType(vtype);
    u_.objects.Get(obj).type = t;
    for (ObjId l : lhs) u_.objects.Get(l).type = t;
  }
  if (!init.has_value()) {
    if (!vtype.has_value()) u_.objects.Get(obj).type = u_.invalid_type;
    return;
  }
  if (lhs.empty() || lhs.size() == 1) {
    Operand x;
    ExprWithHint(&x, init, u_.Obj(obj).type);
    InitVar(obj, &x, "variable declaration");
    return;
  }
  // n:1 declaration: all lhs vars are initialized together.
  for (ObjId l : lhs) {
    if (l != obj) colors_[l.index()] = Color::kGrey;
  }
  InitVars(lhs, {init}, NodeId());
  for (ObjId l : lhs) {
    colors_[l.index()] = Color::kBlack;
    if (!u_.Obj(l).type.has_value()) u_.objects.Get(l).type = u_.invalid_type;
  }
}

void Checker::TypeDecl(ObjId obj, NodeId spec) {
  const Node& s = ast_[spec];
  Object& o = u_.objects.Get(obj);
  if (o.is_alias) {
    if (s.list.size() > 0) {
      // Generic alias: the right-hand side in terms of the alias's type parameters;
      // instantiation substitutes them (InstantiatedType).
      const Node& f0 = ast_[ast_.List(s.list)[0]];
      VerifyVersion(f0.x.has_value() ? ast_[f0.x].pos : f0.pos, 23, "generic type alias");
      OpenScope(NodeId(), "type parameters");
      std::vector<TypeId> tparams;
      CollectTypeParams(&tparams, s.list, env_.scope);
      Impl(u_).alias_tparams[obj.index()] = tparams;
      u_.objects.Get(obj).type = u_.invalid_type;
      TypeId rhs = VarType(s.y);
      u_.objects.Get(obj).type = rhs;
      CloseScope();
      return;
    }
    u_.objects.Get(obj).type = u_.invalid_type;  // guard against cycles
    TypeId rhs = DefinedType(s.y, TypeId());
    u_.objects.Get(obj).type = rhs;
    return;
  }
  Type named;
  named.kind = TypeKind::kNamed;
  named.obj = obj;
  TypeId nid = u_.NewType(std::move(named));
  o.type = nid;
  bool opened = false;
  if (s.list.size() > 0) {
    const Node& f0 = ast_[ast_.List(s.list)[0]];
    VerifyVersion(f0.x.has_value() ? ast_[f0.x].pos : f0.pos, 18, "type parameter");
    OpenScope(NodeId(), "type parameters");
    opened = true;
    // The type parameters are recorded before their bounds are evaluated (bounds may refer to
    // the type itself).
    CollectTypeParams(&u_.types.Get(nid).named_tparams, s.list, env_.scope);
  }
  // Collect methods now so that lookups during the RHS see them.
  auto mit = methods_.find(obj.index());
  if (mit != methods_.end()) {
    std::vector<ObjId> ms = mit->second;
    methods_.erase(mit);
    std::vector<ObjId>& list = u_.types.Get(nid).named_methods;
    for (ObjId m : ms) {
      const Object& mo = u_.Obj(m);
      if (mo.name == "_") continue;
      bool dup = false;
      for (ObjId x : list) {
        if (u_.Obj(x).name == mo.name) {
          dup = true;
          Error(mo.pos, "method " + u_.Obj(obj).name + "." + mo.name + " already declared at " +
                            sources_.Format(u_.Obj(x).pos));
          break;
        }
      }
      if (!dup) {
        u_.objects.Get(m).method_of = obj;
        u_.types.Get(nid).named_methods.push_back(m);
      }
    }
  }
  {
    // Whether the right-hand side is (syntactically) just a type name.
    NodeId r = s.y;
    while (r.has_value() && ast_[r].kind == NodeKind::kParen) r = ast_[r].x;
    if (r.has_value() && (ast_[r].kind == NodeKind::kName || ast_[r].kind == NodeKind::kSelector ||
                          ast_[r].kind == NodeKind::kIndex)) {
      name_rhs_.insert(obj.index());
    }
  }
  TypeId rhs = DefinedType(s.y, nid);
  bool deferred = false;
  {
    // The right-hand side names a defined type whose declaration is in progress. If every type
    // on that path is declared as just another type name, it's a cycle of names (type T T;
    // type a b; type b a); otherwise the underlying type is taken once that type is resolved
    // (type T1 struct{ next *T2 }; type T2 T1).
    const Type& rt = u_.Get(rhs);
    if (rt.kind == TypeKind::kNamed && !rt.underlying.has_value() && !rt.origin.has_value() &&
        rt.obj.has_value()) {
      auto it = obj_path_idx_.find(rt.obj.index());
      if (it != obj_path_idx_.end()) {
        std::vector<ObjId> cycle(obj_path_.begin() + it->second, obj_path_.end());
        bool names_only = true;
        for (ObjId c : cycle) {
          if (u_.Obj(c).kind == ObjKind::kTypeName && !u_.Obj(c).is_alias &&
              !name_rhs_.count(c.index())) {
            names_only = false;
          }
        }
        if (names_only) {
          size_t first = 0;
          for (size_t i = 1; i < cycle.size(); ++i) {
            if (u_.Obj(cycle[i]).pos < u_.Obj(cycle[first]).pos) first = i;
          }
          CycleError(cycle, first);
          u_.types.Get(nid).underlying = u_.invalid_type;
          if (rhs != nid) u_.types.Get(rhs).underlying = u_.invalid_type;
        } else {
          deferred_underlying_.push_back({nid, rhs});
          deferred = true;
        }
      }
    }
  }
  if (deferred) {
    if (opened) CloseScope();
    return;
  }
  Type& nt = u_.types.Get(nid);
  if (!nt.underlying.has_value()) {
    TypeId under = Underlying(u_, rhs);
    if (u_.Get(rhs).kind == TypeKind::kNamed && !u_.Get(rhs).underlying.has_value() &&
        !u_.Get(rhs).origin.has_value()) {
      under = u_.invalid_type;
    }
    if (IsTypeParam(u_, rhs)) {
      ErrorAt(s.y, "cannot use a type parameter as RHS in type declaration");
      under = u_.invalid_type;
    }
    u_.types.Get(nid).underlying = under;
  }
  if (opened) CloseScope();
  // Fields and methods may conflict.
  const Type& ut = u_.Get(u_.Get(nid).underlying);
  if (ut.kind == TypeKind::kStruct) {
    for (ObjId m : u_.Get(nid).named_methods) {
      for (ObjId f : ut.fields) {
        if (u_.Obj(f).name == u_.Obj(m).name && u_.Obj(m).name != "_") {
          Error(u_.Obj(m).pos, "field and method with the same name " + u_.Obj(m).name +
                                   "\n\t" + sources_.Format(u_.Obj(f).pos) +
                                   ": other declaration of " + u_.Obj(m).name);
        }
      }
    }
  }
  ValidType(nid, u_.Obj(obj).pos);
  ResolveDeferredUnderlying(false);
}

// Sets the underlying types of type declarations whose right-hand side was a type still being
// declared (see TypeDecl); at the end (`final`), whatever is left is invalid.
void Checker::ResolveDeferredUnderlying(bool final) {
  for (bool progress = true; progress && !deferred_underlying_.empty();) {
    progress = false;
    for (size_t i = 0; i < deferred_underlying_.size();) {
      auto [named, rhs] = deferred_underlying_[i];
      const Type& rt = u_.Get(rhs);
      if (rt.underlying.has_value() || final) {
        u_.types.Get(named).underlying = rt.underlying.has_value() ? rt.underlying
                                                                   : u_.invalid_type;
        deferred_underlying_.erase(deferred_underlying_.begin() + i);
        ValidType(named, u_.Obj(u_.Get(named).obj).pos);
        progress = true;
      } else {
        ++i;
      }
    }
  }
}

void Checker::FuncDecl(ObjId obj, NodeId decl) {
  const Node& d = ast_[decl];
  Type placeholder;
  placeholder.kind = TypeKind::kSignature;
  placeholder.params = u_.NewTuple({});
  placeholder.results = u_.NewTuple({});
  TypeId sig_id = u_.NewType(std::move(placeholder));
  u_.objects.Get(obj).type = sig_id;
  Color saved = colors_[obj.index()];
  colors_[obj.index()] = Color::kBlack;
  ScopeId scope;
  TypeId sig = FuncTypeExpr(d.z, d.x, d.list, &scope, decl, d.x.has_value());
  u_.types.Get(sig_id) = u_.Get(sig);
  colors_[obj.index()] = saved;
  if (d.x.has_value()) {
    const Type& st = u_.Get(sig_id);
    if (st.recv.has_value()) {
      TypeId rt = u_.Obj(st.recv).type;
      bool ptr = false;
      TypeId base = Deref(u_, rt, &ptr);
      u_.objects.Get(obj).ptr_recv = ptr;
      const Type& bt = u_.Get(base);
      if (bt.kind == TypeKind::kNamed) {
        ObjId tn = bt.origin.has_value() ? u_.Get(bt.origin).obj : bt.obj;
        u_.objects.Get(obj).method_of = tn;
      }
    }
  }
  if (d.w.has_value()) {
    NodeId body = d.w;
    Later([this, obj, scope, sig_id, body]() { FuncBody(obj, scope, sig_id, body, -1); });
  }
}

// ---- local declarations

void Checker::DeclStmt(NodeId decl_stmt) {
  const Node& ds = ast_[decl_stmt];
  for (NodeId spec : ast_.List(ds.list)) {
    const Node& s = ast_[spec];
    size_t top = delayed_.size();
    switch (s.kind) {
      case NodeKind::kConstSpec: {
        NodeId last = (s.flags & syntax::kFlagImplicitType) ? s.z : spec;
        bool inherited = (s.flags & syntax::kFlagImplicitType) != 0;
        std::vector<NodeId> values;
        NodeId vtype;
        if (last.has_value()) {
          values = ast_.List(ast_[last].list2);
          vtype = ast_[last].x;
        }
        std::vector<NodeId> names = ast_.List(s.list);
        std::vector<ObjId> lhs;
        int64_t saved_iota = env_.iota;
        bool saved_has = env_.has_iota;
        env_.iota = s.aux;
        env_.has_iota = true;
        for (size_t i = 0; i < names.size(); ++i) {
          Object o;
          o.kind = ObjKind::kConst;
          o.name = std::string(ast_[names[i]].text);
          o.pos = ast_[names[i]].pos;
          o.pkg = pkg_id_;
          o.decl = names[i];
          o.decl_pkg = pkg_id_;
          ObjId id = u_.NewObject(std::move(o));
          lhs.push_back(id);
          ConstDecl(id, vtype, i < values.size() ? values[i] : NodeId(), inherited);
        }
        env_.iota = saved_iota;
        env_.has_iota = saved_has;
        Arity(s.pos, names, values, true, inherited);
        ProcessDelayed(top);
        for (size_t i = 0; i < names.size(); ++i) Declare(env_.scope, names[i], lhs[i], Pos());
        break;
      }
      case NodeKind::kVarSpec: {
        std::vector<NodeId> names = ast_.List(s.list);
        std::vector<NodeId> values = ast_.List(s.list2);
        std::vector<ObjId> lhs;
        if (!s.x.has_value() || !values.empty()) Arity(s.pos, names, values, false, false);
        for (NodeId n : names) {
          lhs.push_back(NewVar(ast_[n].pos, std::string(ast_[n].text), TypeId(), VarKind::kLocal, n));
        }
        if (s.x.has_value()) {
          TypeId t = VarType(s.x);
          for (ObjId l : lhs) u_.objects.Get(l).type = t;
        }
        if (!values.empty()) {
          if (values.size() == names.size()) {
            for (size_t i = 0; i < names.size(); ++i) {
              Operand x;
              ExprWithHint(&x, values[i], u_.Obj(lhs[i]).type);
              InitVar(lhs[i], &x, "variable declaration");
            }
          } else {
            InitVars(lhs, values, NodeId());
          }
        } else if (!s.x.has_value()) {
          for (ObjId l : lhs) u_.objects.Get(l).type = u_.invalid_type;
        }
        for (ObjId l : lhs) {
          if (!u_.Obj(l).type.has_value()) u_.objects.Get(l).type = u_.invalid_type;
        }
        ProcessDelayed(top);
        for (size_t i = 0; i < names.size(); ++i) Declare(env_.scope, names[i], lhs[i], Pos());
        break;
      }
      case NodeKind::kTypeSpec: {
        Object o;
        o.kind = ObjKind::kTypeName;
        o.name = std::string(ast_[s.x].text);
        o.pos = ast_[s.x].pos;
        o.pkg = pkg_id_;
        o.decl = s.x;
        o.decl_pkg = pkg_id_;
        o.is_alias = (s.flags & syntax::kFlagAlias) != 0;
        ObjId id = u_.NewObject(std::move(o));
        // The type is in scope in its own declaration.
        Declare(env_.scope, s.x, id, Pos());
        colors_[id.index()] = Color::kGrey;
        obj_path_idx_[id.index()] = obj_path_.size();
        obj_path_.push_back(id);
        TypeDecl(id, spec);
        obj_path_.pop_back();
        obj_path_idx_.erase(id.index());
        colors_[id.index()] = Color::kBlack;
        break;
      }
      default: break;
    }
  }
}

void Checker::ProcessDelayed(size_t top) {
  for (size_t i = top; i < delayed_.size(); ++i) {
    std::function<void()> f = std::move(delayed_[i]);
    f();
  }
  delayed_.resize(top);
}

void Checker::UnusedImports() {
  for (ObjId pn : imports_) {
    const Object& o = u_.Obj(pn);
    if (o.name == "_" || used_pkg_names_.count(pn.index()) || o.used) continue;
    const Package& ip = u_.Pkg(o.imported);
    std::string path = ip.path;
    std::string elem = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    if (o.name != elem && o.name != "." && ast_[o.decl].x.has_value()) {
      Error(o.pos, Quote(path) + " imported as " + o.name + " and not used");
    } else {
      Error(ast_[o.decl].x.has_value() ? o.pos : StartPos(ast_[o.decl].y),
            Quote(path) + " imported and not used");
    }
  }
}

// ---- initialization order

void Checker::InitOrder() {
  // Dependencies of each package-level var through functions (spec "Package initialization").
  std::vector<ObjId> vars;
  std::unordered_map<uint32_t, size_t> order;
  for (ObjId o : obj_list_) {
    ObjKind k = u_.Obj(o).kind;
    if (k == ObjKind::kVar || k == ObjKind::kConst) {
      order[o.index()] = vars.size();
      vars.push_back(o);
    }
  }
  if (vars.empty()) return;
  // var -> set of vars it depends on (transitively through funcs/consts).
  std::vector<std::vector<size_t>> deps(vars.size());
  for (size_t i = 0; i < vars.size(); ++i) {
    std::unordered_set<uint32_t> seen;
    std::vector<uint32_t> stack;
    auto it = decls_.find(vars[i].index());
    if (it == decls_.end()) continue;
    for (uint32_t d : it->second.deps) stack.push_back(d);
    while (!stack.empty()) {
      uint32_t d = stack.back();
      stack.pop_back();
      if (!seen.insert(d).second) continue;
      auto oi = order.find(d);
      if (oi != order.end()) {
        deps[i].push_back(oi->second);
        continue;
      }
      auto di = decls_.find(d);
      if (di == decls_.end()) continue;
      for (uint32_t dd : di->second.deps) stack.push_back(dd);
    }
  }
  std::vector<size_t> pending(vars.size());
  std::vector<std::vector<size_t>> users(vars.size());
  for (size_t i = 0; i < vars.size(); ++i) {
    std::sort(deps[i].begin(), deps[i].end());
    deps[i].erase(std::unique(deps[i].begin(), deps[i].end()), deps[i].end());
    pending[i] = deps[i].size();
    for (size_t d : deps[i]) users[d].push_back(i);
  }
  std::priority_queue<size_t, std::vector<size_t>, std::greater<size_t>> ready;
  for (size_t i = 0; i < vars.size(); ++i) {
    if (pending[i] == 0) ready.push(i);
  }
  std::vector<bool> done(vars.size());
  std::unordered_map<uint32_t, size_t> src_order;
  for (size_t i = 0; i < obj_list_.size(); ++i) src_order[obj_list_[i].index()] = i;
  // go/types findPath: a path of dependencies from `from` back to `to` (reversed).
  std::function<bool(uint32_t, uint32_t, std::unordered_set<uint32_t>&, std::vector<ObjId>*)>
      find_path = [&](uint32_t from, uint32_t to, std::unordered_set<uint32_t>& seen,
                      std::vector<ObjId>* path) -> bool {
    if (!seen.insert(from).second || seen.size() > 100000) return false;
    auto it = decls_.find(from);
    if (it == decls_.end()) return false;
    std::vector<uint32_t> deps(it->second.deps.begin(), it->second.deps.end());
    std::sort(deps.begin(), deps.end(),
              [&](uint32_t a, uint32_t b) { return src_order[a] < src_order[b]; });
    for (uint32_t d : deps) {
      if (d == to) {
        path->push_back(ObjId(d));
        return true;
      }
      if (find_path(d, to, seen, path)) {
        path->push_back(ObjId(d));
        return true;
      }
    }
    return false;
  };
  size_t emitted = 0;
  while (emitted < vars.size()) {
    size_t i;
    if (!ready.empty()) {
      i = ready.top();
      ready.pop();
      if (done[i]) continue;
    } else {
      // A cycle: take the variable with the fewest pending dependencies (then source order).
      size_t best = vars.size();
      for (size_t k = 0; k < vars.size(); ++k) {
        if (done[k]) continue;
        if (best == vars.size() || pending[k] < pending[best]) best = k;
      }
      i = best;
      std::unordered_set<uint32_t> seen;
      std::vector<ObjId> cycle;
      if (find_path(vars[i].index(), vars[i].index(), seen, &cycle)) {
        ObjId obj = cycle[0];
        if (cycle.size() == 1) {
          Error(u_.Obj(obj).pos, "initialization cycle: " + u_.Obj(obj).name + " refers to itself");
        } else {
          std::string msg = "initialization cycle for " + u_.Obj(obj).name;
          for (size_t j = cycle.size(); j-- > 0;) {
            ObjId next = cycle[j];
            msg += "\n\t" + sources_.Format(u_.Obj(obj).pos) + ": " + u_.Obj(obj).name +
                   " refers to " + u_.Obj(next).name;
            obj = next;
          }
          Error(u_.Obj(cycle[0]).pos, msg);
        }
      }
    }
    done[i] = true;
    ++emitted;
    if (u_.Obj(vars[i]).kind == ObjKind::kVar) info_.package_vars.push_back(vars[i]);
    for (size_t k : users[i]) {
      if (pending[k] > 0 && --pending[k] == 0) ready.push(k);
    }
  }
}

}  // namespace escapist::types
