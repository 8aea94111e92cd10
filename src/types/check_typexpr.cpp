// types/check_typexpr.cpp -- type expressions (go/types typexpr.go, struct.go, interface.go,
// union.go, signature.go, decl.go collectTypeParams, validtype.go): named, composite and
// function types, type parameter lists, receivers, instantiated types, and the check for
// invalid recursive types.
#include <algorithm>
#include <string>
#include <utility>

#include "syntax/parse.h"
#include "types/checker.h"

namespace escapist::types {

TypeId Checker::Typ(NodeId e) { return DefinedType(e, TypeId()); }

TypeId Checker::VarType(NodeId e) {
  TypeId t = DefinedType(e, TypeId());
  // Constraint interfaces cannot be used as ordinary types.
  TypeId under = Underlying(u_, t);
  if (!IsTypeParam(u_, t) && u_.Get(under).kind == TypeKind::kInterface) {
    Later([this, e, t, under]() {
      const Type& it = CompleteInterface(u_, under);
      if (!it.terms.empty() || it.empty_typeset || it.is_comparable) {
        if (t == u_.comparable_type || (it.is_comparable && it.terms.empty())) {
          ErrorAt(e, "cannot use type " + TS(t) + " outside a type constraint: interface is "
                     "(or embeds) comparable");
        } else {
          ErrorAt(e, "cannot use type " + TS(t) +
                         " outside a type constraint: interface contains type constraints");
        }
      }
    });
  }
  return t;
}

TypeId Checker::DefinedType(NodeId e, TypeId def) {
  // Type nodes shared by a field group are evaluated once; inherited constant initializers are
  // re-evaluated with each iota, so no caching there.
  bool cache = !env_.has_iota;
  auto cached = node_types_.find(e.index());
  if (cache && cached != node_types_.end()) return cached->second;
  DepthGuard guard(this);
  TypeId t;
  if (guard.Exceeded()) {
    if (!depth_reported_) {
      depth_reported_ = true;
      ErrorAt(e, "type expression nested too deeply");
    }
    t = u_.invalid_type;
  } else {
    t = TypInternal(e, def);
  }
  if (!t.has_value()) t = u_.invalid_type;
  if (IsGeneric(u_, t)) {
    ErrorAt(e, "cannot use generic type " + TS(t) + " without instantiation");
    t = u_.invalid_type;
  }
  RecordTypeAndValue(e, Mode::kTypeExpr, t, nullptr);
  if (cache) node_types_[e.index()] = t;
  return t;
}

TypeId Checker::GenericType(NodeId e, std::string* cause) {
  TypeId t = TypInternal(e, TypeId());
  if (IsValid(u_, t) && !IsGeneric(u_, t)) {
    if (cause) *cause = TS(t) + " is not a generic type";
    t = u_.invalid_type;
  }
  RecordTypeAndValue(e, Mode::kTypeExpr, t, nullptr);
  return t;
}

TypeId Checker::TypInternal(NodeId e, TypeId def) {
  const Node& n = ast_[e];
  switch (n.kind) {
    case NodeKind::kBad: return u_.invalid_type;
    case NodeKind::kName:
    case NodeKind::kSelector: {
      Operand x;
      if (n.kind == NodeKind::kName) {
        Ident(&x, e, def, true);
      } else {
        Selector(&x, e, def, true);
      }
      switch (x.mode) {
        case Mode::kTypeExpr: return x.type;
        case Mode::kInvalid: break;
        case Mode::kNoValue: ErrorAt(e, OperandString(x) + " used as type"); break;
        default: ErrorAt(e, OperandString(x) + " is not a type"); break;
      }
      return u_.invalid_type;
    }
    case NodeKind::kIndex: return InstantiatedType(n.x, n.list, e, def);
    case NodeKind::kParen: return DefinedType(n.x, def);
    case NodeKind::kArrayType: {
      int64_t len = -1;
      if (n.x.has_value()) {
        len = ArrayLength(n.x);
      } else {
        ErrorAt(e, "invalid use of [...] array (outside a composite literal)");
      }
      TypeId elem = VarType(n.y);
      if (len < 0) return u_.invalid_type;
      return u_.NewArray(elem, len);
    }
    case NodeKind::kSliceType: return u_.NewSlice(VarType(n.y));
    case NodeKind::kDotsType:
      ErrorAt(e, "invalid use of ...");
      return u_.invalid_type;
    case NodeKind::kStructType: return StructTypeExpr(e);
    case NodeKind::kUnary:
      if (n.op == Token::kMul) {
        TypeId base = VarType(n.x);
        if (!IsValid(u_, base)) return u_.invalid_type;
        return u_.NewPointer(base);
      }
      ErrorAt(e, ExprString(e) + " is not a type");
      Use(e);
      return u_.invalid_type;
    case NodeKind::kFuncType: {
      ScopeId scope;
      return FuncTypeExpr(e, NodeId(), IdSpan<NodeId>(), &scope, NodeId(), false);
    }
    case NodeKind::kInterfaceType: return InterfaceTypeExpr(e, def);
    case NodeKind::kMapType: {
      TypeId key = VarType(n.x);
      TypeId elem = VarType(n.y);
      NodeId key_node = n.x;
      Later([this, key, key_node]() {
        if (!IsValid(u_, key)) return;
        if (!Comparable(u_, key, false)) {
          std::string why;
          if (IsTypeParam(u_, key)) why = " (missing comparable constraint)";
          ErrorAt(key_node, "invalid map key type " + TS(key) + why);
        }
      });
      return u_.NewMap(key, elem);
    }
    case NodeKind::kChanType: {
      ChanDir dir = ChanDir::kBoth;
      if (n.flags & syntax::kFlagChanSend) dir = ChanDir::kSend;
      if (n.flags & syntax::kFlagChanRecv) dir = ChanDir::kRecv;
      return u_.NewChan(VarType(n.x), dir);
    }
    default:
      ErrorAt(e, ExprString(e) + " is not a type");
      Use(e);
      return u_.invalid_type;
  }
}

int64_t Checker::ArrayLength(NodeId e) {
  const Node& n = ast_[e];
  if (n.kind == NodeKind::kName) {
    ObjId obj = LookupName(std::string(n.text));
    if (!obj.has_value()) {
      ErrorAt(e, "undefined array length " + std::string(n.text) + " or missing type constraint");
      return -1;
    }
    if (u_.Obj(obj).kind != ObjKind::kConst) {
      ErrorAt(e, "invalid array length " + std::string(n.text));
      return -1;
    }
  }
  Operand x;
  Expr(TypeId(), &x, e);
  if (x.mode != Mode::kConstant) {
    if (x.mode != Mode::kInvalid) ErrorAt(e, "array length " + OperandString(x) + " must be constant");
    return -1;
  }
  if (IsUntyped(u_, x.type) || IsInteger(u_, x.type)) {
    Constant v = constant::ToInt(x.val);
    if (v.kind == Constant::Kind::kInt) {
      int64_t len;
      if (constant::Int64Val(v, &len) && len >= 0) return len;
    }
  }
  if (IsInteger(u_, x.type)) {
    ErrorAt(e, "invalid array length " + OperandString(x));
  } else {
    ErrorAt(e, "array length " + OperandString(x) + " must be integer");
  }
  return -1;
}

// ---- struct types

TypeId Checker::StructTypeExpr(NodeId e) {
  const Node& n = ast_[e];
  Type st;
  st.kind = TypeKind::kStruct;
  TypeId id = u_.NewType(st);
  std::vector<ObjId> fields;
  std::vector<std::string> tags;
  std::unordered_map<std::string, ObjId> seen;
  auto add = [&](ObjId f, NodeId tag_node) {
    const Object& fo = u_.Obj(f);
    if (fo.name != "_") {
      auto it = seen.find(fo.name);
      if (it != seen.end()) {
        Error(fo.pos, fo.name + " redeclared\n\t" + sources_.Format(u_.Obj(it->second).pos) +
                          ": other declaration of " + fo.name);
        return;
      }
      seen[fo.name] = f;
    }
    fields.push_back(f);
    std::string tag;
    if (tag_node.has_value()) {
      if (!syntax::UnquoteLiteral(ast_[tag_node].text, &tag)) {
        ErrorAt(tag_node, "incorrect tag syntax: " + std::string(ast_[tag_node].text));
      }
    }
    tags.push_back(tag);
  };
  for (NodeId fnode : ast_.List(n.list)) {
    const Node& f = ast_[fnode];
    if (f.x.has_value()) {
      TypeId t = VarType(f.y);
      Object o;
      o.kind = ObjKind::kVar;
      o.var_kind = VarKind::kField;
      o.name = std::string(ast_[f.x].text);
      o.pos = ast_[f.x].pos;
      o.pkg = pkg_id_;
      o.type = t;
      o.decl = f.x;
      o.decl_pkg = pkg_id_;
      ObjId fid = u_.NewObject(std::move(o));
      RecordDef(f.x, fid);
      add(fid, f.z);
      continue;
    }
    // Embedded field: T, *T, pkg.T, T[args], *pkg.T[args].
    NodeId te = f.y;
    NodeId name_node = te;
    for (int guard = 0; name_node.has_value() && guard < 100; ++guard) {
      const Node& tn = ast_[name_node];
      if (tn.kind == NodeKind::kUnary && tn.op == Token::kMul) {
        name_node = tn.x;
      } else if (tn.kind == NodeKind::kParen || tn.kind == NodeKind::kIndex) {
        name_node = tn.x;
      } else if (tn.kind == NodeKind::kSelector) {
        name_node = tn.y;
      } else {
        break;
      }
    }
    TypeId t = VarType(te);
    std::string name = name_node.has_value() && ast_[name_node].kind == NodeKind::kName
                           ? std::string(ast_[name_node].text)
                           : std::string("_");
    Object o;
    o.kind = ObjKind::kVar;
    o.var_kind = VarKind::kField;
    o.name = name;
    o.pos = StartPos(te);
    o.pkg = pkg_id_;
    o.type = t;
    o.embedded = true;
    o.decl = fnode;
    o.decl_pkg = pkg_id_;
    ObjId fid = u_.NewObject(std::move(o));
    RecordImplicit(fnode, fid);
    add(fid, f.z);
    // Embedded type restrictions (checked once the type is resolved).
    Later([this, t, te]() {
      if (!IsValid(u_, t)) return;
      bool ptr = false;
      TypeId base = Deref(u_, t, &ptr);
      TypeId under = Underlying(u_, base);
      const Type& ut = u_.Get(under);
      if (ut.kind == TypeKind::kBasic && ut.basic == BasicKind::kUnsafePointer) {
        ErrorAt(te, "embedded field type cannot be unsafe.Pointer");
      } else if (ut.kind == TypeKind::kPointer) {
        ErrorAt(te, "embedded field type cannot be a pointer");
      } else if (ptr && ut.kind == TypeKind::kInterface && !IsTypeParam(u_, base)) {
        ErrorAt(te, "embedded field type cannot be a pointer to an interface");
      }
    });
  }
  Type& st2 = u_.types.Get(id);
  st2.fields = std::move(fields);
  st2.tags = std::move(tags);
  return id;
}

// ---- interface types

TypeId Checker::InterfaceTypeExpr(NodeId e, TypeId def) {
  const Node& n = ast_[e];
  Type it;
  it.kind = TypeKind::kInterface;
  TypeId id = u_.NewType(it);
  TypeId recv_type = def.has_value() ? def : id;
  std::vector<ObjId> methods;
  std::vector<TypeId> embeddeds;
  for (NodeId fnode : ast_.List(n.list)) {
    const Node& f = ast_[fnode];
    if (!f.x.has_value()) {
      TypeId t = UnionTypeExpr(f.y);
      if (!IsValid(u_, t)) continue;
      // go/types computeInterfaceTypeSet: embedding anything but an interface needs go1.18.
      Pos epos = StartPos(f.y);
      if (!AllowVersion(epos, 18)) {
        if (u_.Get(t).kind == TypeKind::kUnion) {
          VerifyVersion(epos, 18, "embedding interface element " + TS(t));
          continue;
        }
        TypeId under = Underlying(u_, t);
        if (under.has_value() && IsValid(u_, under) &&
            u_.Get(under).kind != TypeKind::kInterface) {
          VerifyVersion(epos, 18, "embedding non-interface type " + TS(t));
          continue;
        }
      }
      embeddeds.push_back(t);
      continue;
    }
    std::string name(ast_[f.x].text);
    if (name == "_") {
      ErrorAt(f.x, "methods must have a unique non-blank name");
      continue;
    }
    if (!f.y.has_value() || ast_[f.y].kind != NodeKind::kFuncType) continue;
    ScopeId scope;
    TypeId sig = FuncTypeExpr(f.y, NodeId(), IdSpan<NodeId>(), &scope, NodeId(), false);
    ObjId recv = NewVar(ast_[f.x].pos, "", recv_type, VarKind::kRecv, NodeId());
    Type st = u_.Get(sig);
    st.recv = recv;
    TypeId sig2 = u_.NewType(std::move(st));
    node_types_[f.y.index()] = sig2;
    RecordTypeAndValue(f.y, Mode::kTypeExpr, sig2, nullptr);  // go/types: check.typ(f.Type)
    Object m;
    m.kind = ObjKind::kFunc;
    m.name = name;
    m.pos = ast_[f.x].pos;
    m.pkg = pkg_id_;
    m.type = sig2;
    m.decl = f.x;
    m.decl_pkg = pkg_id_;
    ObjId mid = u_.NewObject(std::move(m));
    bool dup = false;
    for (ObjId x : methods) {
      if (u_.Obj(x).name == name) {
        Error(u_.Obj(mid).pos, "duplicate method " + name + "\n\t" +
                                   sources_.Format(u_.Obj(x).pos) + ": other declaration of " +
                                   name);
        dup = true;
      }
    }
    RecordDef(f.x, mid);
    if (!dup) methods.push_back(mid);
  }
  // Duplicate methods through embedding must have identical signatures (checked once all
  // types are known, go/types typeset.go addMethod).
  std::vector<std::pair<TypeId, NodeId>> embedded_at;
  for (NodeId fnode : ast_.List(n.list)) {
    const Node& f = ast_[fnode];
    if (!f.x.has_value()) embedded_at.push_back({TypeId(), f.y});
  }
  {
    size_t k = 0;
    for (auto& ea : embedded_at) {
      if (k < embeddeds.size()) ea.first = embeddeds[k++];
    }
  }
  if (!embedded_at.empty()) {
    std::vector<ObjId> own = methods;
    Later([this, own, embedded_at]() {
      std::vector<std::pair<ObjId, Pos>> seen;
      for (ObjId m : own) seen.push_back({m, u_.Obj(m).pos});
      for (const auto& [et, enode] : embedded_at) {
        if (!et.has_value() || !IsValid(u_, et)) continue;
        TypeId under = Underlying(u_, et);
        if (u_.Get(under).kind != TypeKind::kInterface || IsTypeParam(u_, et)) continue;
        std::vector<ObjId> ms = CompleteInterface(u_, under).all_methods;
        for (ObjId m : ms) {
          const Object& mo = u_.Obj(m);
          bool dup = false;
          for (const auto& [o, opos] : seen) {
            const Object& oo = u_.Obj(o);
            if (oo.name != mo.name || (oo.pkg != mo.pkg && !(mo.name[0] >= 'A' && mo.name[0] <= 'Z'))) {
              continue;
            }
            dup = true;
            // Before go1.14, overlapping embedded methods were not permitted at all.
            if (!AllowVersion(StartPos(enode), 14) || (o != m && !Identical(u_, oo.type, mo.type))) {
              Error(StartPos(enode), "duplicate method " + mo.name + "\n\t" +
                                         sources_.Format(opos) + ": other declaration of method " +
                                         mo.name);
            }
            break;
          }
          if (!dup) seen.push_back({m, StartPos(enode)});
        }
      }
    });
  }
  Type& it2 = u_.types.Get(id);
  it2.methods = std::move(methods);
  it2.embeddeds = std::move(embeddeds);
  return id;
}

// An embedded interface element: a type, ~T, or a union A|~B.
TypeId Checker::UnionTypeExpr(NodeId e) {
  std::vector<NodeId> terms;
  std::unordered_map<uint32_t, NodeId> or_of;  // term -> the `|` whose right operand it is
  std::vector<NodeId> stack{e};
  // Flatten left-nested `|` operations in source order.
  while (!stack.empty()) {
    NodeId t = stack.back();
    stack.pop_back();
    const Node& tn = ast_[t];
    if (tn.kind == NodeKind::kBinary && tn.op == Token::kOr && terms.size() < 10000) {
      or_of[tn.y.index()] = t;
      stack.push_back(tn.y);
      stack.push_back(tn.x);
    } else {
      terms.push_back(t);
    }
  }
  // go/types parseTilde: a term ~T is recorded as the union of that one term.
  auto term_type = [&](NodeId t, bool* tilde) {
    const Node& tn = ast_[t];
    *tilde = false;
    if (tn.kind == NodeKind::kUnary && (tn.op == Token::kTilde || (tn.flags & syntax::kFlagTilde))) {
      *tilde = true;
      TypeId x = Typ(tn.x);
      Type one;
      one.kind = TypeKind::kUnion;
      one.terms.push_back(Term{true, x});
      RecordTypeAndValue(t, Mode::kTypeExpr, u_.NewType(std::move(one)), nullptr);
      return x;
    }
    return Typ(t);
  };
  if (terms.size() == 1) {
    bool tilde = false;
    TypeId t = term_type(terms[0], &tilde);
    if (!tilde) return t;
    if (!IsValid(u_, t)) return t;
    Type ut;
    ut.kind = TypeKind::kUnion;
    ut.terms.push_back(Term{true, t});
    TypeId uid = u_.NewType(std::move(ut));
    NodeId tn = terms[0];
    Later([this, t, tn]() {
      if (IsValid(u_, t) && !Identical(u_, Underlying(u_, t), t)) {
        ErrorAt(tn, "invalid use of ~ (underlying type of " + TS(t) + " is " +
                        TS(Underlying(u_, t)) + ")");
      }
    });
    return uid;
  }
  Type ut;
  ut.kind = TypeKind::kUnion;
  for (NodeId tn : terms) {
    bool tilde = false;
    TypeId t = term_type(tn, &tilde);
    if (!IsValid(u_, t)) continue;
    ut.terms.push_back(Term{tilde, t});
    // go/types parseUnion records the union so far for the `|` joining each further term.
    if (auto it = or_of.find(tn.index()); it != or_of.end() && ut.terms.size() > 1) {
      Type sofar;
      sofar.kind = TypeKind::kUnion;
      sofar.terms = ut.terms;
      RecordTypeAndValue(it->second, Mode::kTypeExpr, u_.NewType(std::move(sofar)), nullptr);
    }
    Later([this, t, tn, tilde]() {
      TypeId under = Underlying(u_, t);
      if (tilde && !Identical(u_, under, t)) {
        ErrorAt(tn, "invalid use of ~ (underlying type of " + TS(t) + " is " + TS(under) + ")");
        return;
      }
      if (u_.Get(under).kind == TypeKind::kInterface && !IsTypeParam(u_, t)) {
        const Type& it = CompleteInterface(u_, under);
        if (t == u_.comparable_type || it.is_comparable) {
          ErrorAt(tn, "cannot use comparable in union");
        } else if (!it.all_methods.empty()) {
          ErrorAt(tn, "cannot use " + TS(t) + " in union (" + TS(t) + " contains methods)");
        }
      } else if (IsTypeParam(u_, t)) {
        ErrorAt(tn, "term cannot be a type parameter");
      }
    });
  }
  for (NodeId tn : terms) (void)tn;
  TypeId uid = u_.NewType(std::move(ut));
  RecordTypeAndValue(e, Mode::kTypeExpr, uid, nullptr);
  return uid;
}

// ---- type parameters

void Checker::CollectTypeParams(std::vector<TypeId>* out, IdSpan<NodeId> fields, ScopeId scope) {
  std::vector<NodeId> list = ast_.List(fields);
  std::vector<TypeId> tparams;
  for (size_t i = 0; i < list.size(); ++i) {
    const Node& f = ast_[list[i]];
    Object o;
    o.kind = ObjKind::kTypeName;
    o.name = f.x.has_value() ? std::string(ast_[f.x].text) : std::string("_");
    o.pos = f.x.has_value() ? ast_[f.x].pos : f.pos;
    o.pkg = pkg_id_;
    o.decl = f.x;
    o.decl_pkg = pkg_id_;
    ObjId tn = u_.NewObject(std::move(o));
    Type tp;
    tp.kind = TypeKind::kTypeParam;
    tp.obj = tn;
    tp.index = static_cast<uint32_t>(i);
    TypeId tid = u_.NewType(std::move(tp));
    u_.objects.Get(tn).type = tid;
    Declare(scope, f.x, tn, Pos());
    tparams.push_back(tid);
  }
  *out = tparams;
  TypeId bound;
  for (size_t i = 0; i < list.size(); ++i) {
    const Node& f = ast_[list[i]];
    if (i == 0 || f.y != ast_[list[i - 1]].y) {
      bound = BoundType(f.y);
      if (IsTypeParam(u_, bound)) {
        ErrorAt(f.y, "cannot use a type parameter as constraint");
        bound = u_.any_type;
      }
    }
    u_.types.Get(tparams[i]).constraint = bound;
  }
}

TypeId Checker::BoundType(NodeId e) {
  if (!e.has_value()) return u_.any_type;
  const Node& n = ast_[e];
  TypeId t;
  if ((n.kind == NodeKind::kUnary && n.op == Token::kTilde) ||
      (n.kind == NodeKind::kBinary && n.op == Token::kOr)) {
    t = UnionTypeExpr(e);
  } else {
    t = Typ(e);
  }
  if (!IsValid(u_, t)) return u_.any_type;
  TypeId under = Underlying(u_, t);
  if (u_.Get(under).kind == TypeKind::kInterface && !IsTypeParam(u_, t)) return t;
  if (u_.Get(t).kind == TypeKind::kNamed && !u_.Get(t).underlying.has_value() &&
      !u_.Get(t).origin.has_value()) {
    return t;  // not yet resolved (cycle); treat as is
  }
  // Implicit interface{ t }.
  Type it;
  it.kind = TypeKind::kInterface;
  it.embeddeds.push_back(t);
  it.implicit = true;
  return u_.NewType(std::move(it));
}

// The types of the type-argument expressions `targ_nodes` (each checked once, as types2's
// typeList); false if any is invalid.
bool Checker::TypeArgs(IdSpan<NodeId> targ_nodes, std::vector<TypeId>* targs) {
  bool ok = true;
  for (NodeId a : ast_.List(targ_nodes)) {
    TypeId t = VarType(a);
    if (!IsValid(u_, t)) ok = false;
    targs->push_back(t);
  }
  return ok;
}

TypeId Checker::InstantiatedType(NodeId x, IdSpan<NodeId> targ_nodes, NodeId e, TypeId def) {
  // A generic alias?
  {
    NodeId b = x;
    while (b.has_value() && ast_[b].kind == NodeKind::kParen) b = ast_[b].x;
    ObjId obj;
    if (b.has_value() && ast_[b].kind == NodeKind::kName) {
      obj = LookupName(std::string(ast_[b].text));
    } else if (b.has_value() && ast_[b].kind == NodeKind::kSelector &&
               ast_[ast_[b].x].kind == NodeKind::kName) {
      ObjId pn = LookupName(std::string(ast_[ast_[b].x].text));
      if (pn.has_value() && u_.Obj(pn).kind == ObjKind::kPkgName) {
        const Package& ip = u_.Pkg(u_.Obj(pn).imported);
        if (ip.scope.has_value()) {
          const auto& names = u_.scopes.Get(ip.scope).names;
          auto it = names.find(std::string(ast_[ast_[b].y].text));
          if (it != names.end()) obj = it->second;
        }
      }
    }
    if (obj.has_value() && u_.Obj(obj).kind == ObjKind::kTypeName && u_.Obj(obj).is_alias) {
      if (!u_.Obj(obj).type.has_value() && decls_.count(obj.index())) ObjDecl(obj);
      auto ait = Impl(u_).alias_tparams.find(obj.index());
      if (ait != Impl(u_).alias_tparams.end()) {
        std::vector<TypeId> tparams = ait->second;
        Operand ox;
        RawExpr(TypeId(), &ox, x, true);  // records uses
        std::vector<TypeId> targs;
        if (!TypeArgs(targ_nodes, &targs)) return u_.invalid_type;
        if (targs.size() != tparams.size()) {
          ErrorAt(x, std::string(targs.size() < tparams.size() ? "not enough" : "too many") +
                         " type arguments for type " + u_.Obj(obj).name + ": have " +
                         std::to_string(targs.size()) + ", want " +
                         std::to_string(tparams.size()));
          return u_.invalid_type;
        }
        RecordInstance(x, targs);
        std::vector<NodeId> xlist = ast_.List(targ_nodes);
        Pos pos = ast_[e].pos;
        Later([this, tparams, targs, xlist, pos]() {
          std::string err;
          size_t idx = 0;
          if (!VerifyInstance(pos, tparams, targs, &err, &idx)) {
            Error(idx < xlist.size() ? StartPos(xlist[idx]) : pos, err);
          }
        });
        return Subst(u_, u_.Obj(obj).type, SubstMap{tparams, targs});
      }
    }
  }
  std::string cause;
  TypeId gtyp = GenericType(x, &cause);
  if (!cause.empty()) ErrorAt(x, cause);
  if (!IsValid(u_, gtyp)) {
    for (NodeId a : ast_.List(targ_nodes)) Use(a);
    return u_.invalid_type;
  }
  std::vector<TypeId> targs;
  if (!TypeArgs(targ_nodes, &targs)) return u_.invalid_type;
  const std::vector<TypeId>& tparams = u_.Get(gtyp).named_tparams;
  if (targs.size() != tparams.size()) {
    std::string qual = targs.size() < tparams.size() ? "not enough" : "too many";
    ErrorAt(targs.size() < tparams.size() ? x : ast_.At(targ_nodes, static_cast<uint32_t>(tparams.size())),
            qual + " type arguments for type " + u_.Obj(u_.Get(gtyp).obj).name + ": have " +
                std::to_string(targs.size()) + ", want " + std::to_string(tparams.size()));
    return u_.invalid_type;
  }
  TypeId inst = InstantiateNamed(u_, gtyp, targs);
  RecordInstance(x, targs);
  std::vector<NodeId> xlist = ast_.List(targ_nodes);
  Pos pos = ast_[e].pos;
  Later([this, gtyp, targs, xlist, pos]() {
    std::string err;
    size_t idx = 0;
    if (!VerifyInstance(pos, u_.Get(gtyp).named_tparams, targs, &err, &idx)) {
      Pos p = idx < xlist.size() ? StartPos(xlist[idx]) : pos;
      Error(p, err);
    }
  });
  return inst;
}

// ---- signatures

TypeId Checker::FuncTypeExpr(NodeId ftype, NodeId recv_field, IdSpan<NodeId> tparams,
                             ScopeId* scope_out, NodeId decl_node, bool is_method) {
  const Node& ft = ast_[ftype];
  ScopeId scope = OpenScope(ftype, "function");
  u_.scopes.Get(scope).is_func = true;
  *scope_out = scope;
  Type sig;
  sig.kind = TypeKind::kSignature;
  ObjId recv;
  std::vector<TypeId> rtparams;
  if (recv_field.has_value()) {
    TypeId base;
    CollectRecv(recv_field, scope, &recv, &base, &rtparams);
  }
  if (tparams.size() > 0) {
    const Node& f0 = ast_[ast_.List(tparams)[0]];
    Pos p0 = f0.x.has_value() ? ast_[f0.x].pos : f0.pos;
    VerifyVersion(p0, recv_field.has_value() ? 27 : 18,
                  recv_field.has_value() ? "generic method" : "type parameter");
    CollectTypeParams(&sig.type_params, tparams, scope);
  }
  auto collect = [&](IdSpan<NodeId> list, VarKind kind, bool* variadic) {
    std::vector<ObjId> vars;
    std::vector<NodeId> fields = ast_.List(list);
    for (size_t i = 0; i < fields.size(); ++i) {
      const Node& f = ast_[fields[i]];
      NodeId te = f.y;
      TypeId t;
      if (te.has_value() && ast_[te].kind == NodeKind::kDotsType) {
        if (kind == VarKind::kParam && i + 1 == fields.size()) {
          *variadic = true;
          auto cached = node_types_.find(te.index());
          if (cached != node_types_.end()) {
            t = cached->second;
          } else {
            TypeId elem = VarType(ast_[te].x);
            t = u_.NewSlice(elem);
            RecordTypeAndValue(te, Mode::kTypeExpr, t, nullptr);
            node_types_[te.index()] = t;
          }
        } else {
          ErrorAt(te, "can only use ... with final parameter in list");
          VarType(ast_[te].x);
          t = u_.invalid_type;
        }
      } else if (te.has_value()) {
        t = VarType(te);
      } else {
        t = u_.invalid_type;
      }
      ObjId v;
      if (f.x.has_value()) {
        std::string name(ast_[f.x].text);
        v = NewVar(ast_[f.x].pos, name, t, kind, f.x);
      } else {
        v = NewVar(te.has_value() ? StartPos(te) : f.pos, "", t, kind, fields[i]);
      }
      vars.push_back(v);
    }
    return vars;
  };
  bool variadic = false, dummy = false;
  std::vector<ObjId> params = collect(ft.list, VarKind::kParam, &variadic);
  std::vector<ObjId> results = collect(ft.list2, VarKind::kResult, &dummy);
  if (recv.has_value() && !u_.Obj(recv).name.empty()) {
    Declare(scope, ast_[recv_field].x, recv, Pos());
  } else if (recv.has_value() && ast_[recv_field].x.has_value()) {
    RecordDef(ast_[recv_field].x, recv);
  }
  for (ObjId v : params) {
    const Object& o = u_.Obj(v);
    if (!o.name.empty()) {
      Declare(scope, o.decl, v, Pos());
    }
  }
  for (ObjId v : results) {
    const Object& o = u_.Obj(v);
    if (!o.name.empty()) Declare(scope, o.decl, v, Pos());
  }
  sig.recv = recv;
  sig.recv_type_params = rtparams;
  sig.params = u_.NewTuple(params);
  sig.results = u_.NewTuple(results);
  sig.variadic = variadic;
  CloseScope();
  (void)decl_node;
  (void)is_method;
  TypeId id = u_.NewType(std::move(sig));
  return id;
}

void Checker::CollectRecv(NodeId recv_field, ScopeId scope, ObjId* recv, TypeId* recv_base,
                          std::vector<TypeId>* rtparams) {
  const Node& f = ast_[recv_field];
  std::string rname = f.x.has_value() ? std::string(ast_[f.x].text) : std::string();
  if (rname == "_") rname = "";
  // Unpack the receiver type: [*] ( [ ( ] Base [ [P, Q] ] [ ) ] ).
  NodeId rtype = f.y;
  bool ptr = false;
  NodeId t = rtype;
  std::vector<NodeId> parens;
  for (int guard = 0; t.has_value() && guard < 100; ++guard) {
    const Node& tn = ast_[t];
    if (tn.kind == NodeKind::kParen) {
      parens.push_back(t);
      t = tn.x;
    } else if (tn.kind == NodeKind::kUnary && tn.op == Token::kMul && !ptr) {
      parens.push_back(t);
      ptr = true;
      t = tn.x;
    } else {
      break;
    }
  }
  TypeId rt;
  if (t.has_value() && ast_[t].kind == NodeKind::kIndex) {
    const Node& idx = ast_[t];
    std::string cause;
    TypeId base = GenericType(idx.x, &cause);
    if (!cause.empty()) ErrorAt(idx.x, cause);
    if (IsValid(u_, base)) {
      std::vector<NodeId> names = ast_.List(idx.list);
      std::vector<TypeId> tps;
      for (size_t i = 0; i < names.size(); ++i) {
        const Node& nn = ast_[names[i]];
        Object o;
        o.kind = ObjKind::kTypeName;
        o.name = nn.kind == NodeKind::kName ? std::string(nn.text) : std::string("_");
        o.pos = nn.pos;
        o.pkg = pkg_id_;
        o.decl = names[i];
        o.decl_pkg = pkg_id_;
        ObjId tn = u_.NewObject(std::move(o));
        Type tp;
        tp.kind = TypeKind::kTypeParam;
        tp.obj = tn;
        tp.index = static_cast<uint32_t>(i);
        TypeId tid = u_.NewType(std::move(tp));
        u_.objects.Get(tn).type = tid;
        if (nn.kind == NodeKind::kName) {
          Declare(scope, names[i], tn, Pos());
          RecordUse(names[i], tn);  // go/types: both a definition and a use (go.dev/issue/68670)
        } else {
          ErrorAt(names[i], "receiver type parameter " + ExprString(names[i]) + " must be an identifier");
        }
        RecordTypeAndValue(names[i], Mode::kTypeExpr, tid, nullptr);
        tps.push_back(tid);
      }
      const std::vector<TypeId>& btps = u_.Get(base).named_tparams;
      if (tps.size() != btps.size()) {
        ErrorAt(t, std::string(tps.size() < btps.size() ? "not enough" : "too many") +
                       " type arguments for type " + u_.Obj(u_.Get(base).obj).name + ": have " +
                       std::to_string(tps.size()) + ", want " + std::to_string(btps.size()));
        rt = u_.invalid_type;
      } else {
        SubstMap smap{btps, tps};
        for (size_t i = 0; i < tps.size(); ++i) {
          TypeId c = u_.Get(btps[i]).constraint;
          u_.types.Get(tps[i]).constraint = c.has_value() ? Subst(u_, c, smap) : u_.any_type;
        }
        rt = InstantiateNamed(u_, base, tps);
        RecordInstance(idx.x, tps);
        RecordTypeAndValue(t, Mode::kTypeExpr, rt, nullptr);
      }
      *rtparams = tps;
    } else {
      rt = u_.invalid_type;
    }
    TypeId full = rt;
    // Record the outer (pointer/paren) receiver type expressions.
    for (auto it = parens.rbegin(); it != parens.rend(); ++it) {
      const Node& pn = ast_[*it];
      if (pn.kind == NodeKind::kUnary && IsValid(u_, full)) full = u_.NewPointer(full);
      RecordTypeAndValue(*it, Mode::kTypeExpr, full, nullptr);
    }
    rt = full;
  } else {
    rt = VarType(rtype);
  }
  *recv_base = rt;
  *recv = NewVar(f.x.has_value() ? ast_[f.x].pos : StartPos(rtype), rname, rt, VarKind::kRecv,
                 f.x.has_value() ? f.x : recv_field);
  // Validate the receiver base type once types are resolved.
  Later([this, rt, rtype]() {
    if (!IsValid(u_, rt)) return;
    bool p = false;
    TypeId base = Deref(u_, rt, &p);
    const Type& bt = u_.Get(base);
    if (bt.kind != TypeKind::kNamed) {
      if (IsTypeParam(u_, base)) {
        ErrorAt(rtype, "invalid receiver type " + TS(rt));
      } else if (bt.kind == TypeKind::kBasic && IsValid(u_, base)) {
        ErrorAt(rtype, "cannot define new methods on non-local type " + TS(base));
      } else if (IsValid(u_, base)) {
        ErrorAt(rtype, "invalid receiver type " + TS(rt));
      }
      return;
    }
    ObjId tn = bt.origin.has_value() ? u_.Get(bt.origin).obj : bt.obj;
    if (u_.Obj(tn).pkg != pkg_id_) {
      ErrorAt(rtype, "cannot define new methods on non-local type " + TS(base));
      return;
    }
    TypeId under = Underlying(u_, base);
    const Type& ut = u_.Get(under);
    if (ut.kind == TypeKind::kPointer) {
      ErrorAt(rtype, "invalid receiver type " + TS(rt) + " (pointer or interface type)");
    } else if (ut.kind == TypeKind::kInterface) {
      ErrorAt(rtype, "invalid receiver type " + TS(rt) + " (pointer or interface type)");
    }
  });
}

// ---- invalid recursive types (validtype.go)

namespace {

struct ValidTypeState {
  std::vector<TypeId> path;
  std::unordered_set<uint32_t> valid;
  int depth = 0;
};

}  // namespace

void Checker::ValidType(TypeId named, Pos pos) {
  ValidTypeState st;
  std::function<bool(TypeId)> rec = [&](TypeId t) -> bool {
    if (!t.has_value()) return true;
    if (++st.depth > 200) {
      --st.depth;
      return true;
    }
    struct Dec {
      int* d;
      ~Dec() { --*d; }
    } dec{&st.depth};
    const Type& ty = u_.Get(t);
    switch (ty.kind) {
      case TypeKind::kArray: return rec(ty.elem);
      case TypeKind::kStruct: {
        std::vector<ObjId> fields = ty.fields;
        for (ObjId f : fields) {
          if (!rec(u_.Obj(f).type)) return false;
        }
        return true;
      }
      case TypeKind::kInterface: {
        std::vector<TypeId> embeddeds = ty.embeddeds;
        for (TypeId e : embeddeds) {
          if (!rec(e)) return false;
        }
        return true;
      }
      case TypeKind::kUnion: {
        std::vector<Term> terms = ty.terms;
        for (const auto& t : terms) {
          if (!rec(t.type)) return false;
        }
        return true;
      }
      case TypeKind::kNamed: {
        if (st.valid.count(t.index())) return true;
        for (size_t i = 0; i < st.path.size(); ++i) {
          if (st.path[i] == t || Identical(u_, st.path[i], t)) {
            // A cycle: report it if it starts at the type being declared.
            if (i == 0) {
              std::vector<ObjId> cycle;
              for (size_t k = i; k < st.path.size(); ++k) {
                const Type& pt = u_.Get(st.path[k]);
                cycle.push_back(pt.origin.has_value() ? u_.Get(pt.origin).obj : pt.obj);
              }
              CycleError(cycle, 0);
              u_.types.Get(named).underlying = u_.invalid_type;
            }
            return false;
          }
        }
        const Type& nt = u_.Get(t);
        ObjId tn = nt.origin.has_value() ? u_.Get(nt.origin).obj : nt.obj;
        if (!tn.has_value() || u_.Obj(tn).pkg != pkg_id_) return true;  // imported: valid
        st.path.push_back(t);
        TypeId under = u_.Get(t).underlying;
        if (!under.has_value() && nt.origin.has_value()) under = ExpandNamed(u_, t);
        bool ok = rec(under);
        st.path.pop_back();
        if (ok) st.valid.insert(t.index());
        return ok;
      }
      default: return true;
    }
  };
  (void)pos;
  rec(named);
}

}  // namespace escapist::types
