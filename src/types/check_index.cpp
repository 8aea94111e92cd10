// types/check_index.cpp -- composite literals, index and slice expressions, and type
// assertions (go/types literals.go, index.go, expr.go typeAssertion).
#include <map>
#include <string>
#include <utility>

#include "types/checker.h"

namespace escapist::types {

namespace {

std::string ConstKey(const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::kBool: return c.b ? "b1" : "b0";
    case Constant::Kind::kString: return "s" + c.s;
    case Constant::Kind::kInt:
    case Constant::Kind::kFloat:
      return "n" + c.re.get_str();
    case Constant::Kind::kComplex:
      if (c.im == 0) return "n" + c.re.get_str();
      return "c" + c.re.get_str() + "," + c.im.get_str();
    default: return "";
  }
}

}  // namespace

void Checker::CompositeLit(Operand* x, NodeId e, TypeId hint) {
  const Node& n = ast_[e];
  TypeId typ, base;
  bool is_elem = false;
  if (n.x.has_value()) {
    const Node& tn = ast_[n.x];
    if (tn.kind == NodeKind::kArrayType && !tn.x.has_value()) {
      TypeId elem = VarType(tn.y);
      typ = u_.NewArray(elem, -1);
      base = typ;
    } else {
      typ = Typ(n.x);
      base = typ;
    }
  } else if (hint.has_value()) {
    typ = hint;
    base = typ;
    TypeId cu = CoreType(u_, base);
    if (cu.has_value() && u_.Get(cu).kind == TypeKind::kPointer) base = u_.Get(cu).elem;
    is_elem = true;
  } else {
    ErrorAt(e, "missing type in composite literal");
    typ = base = u_.invalid_type;
  }
  if (!IsComplete(base)) {
    for (NodeId el : ast_.List(n.list)) {
      const Node& kv = ast_[el];
      Use(kv.kind == NodeKind::kKeyValue ? kv.y : el);
    }
    x->mode = Mode::kInvalid;
    return;
  }
  TypeId cu = CoreType(u_, base);
  const Type* ut = cu.has_value() ? &u_.Get(cu) : nullptr;
  std::vector<NodeId> elts = ast_.List(n.list);
  if (ut && ut->kind == TypeKind::kStruct) {
    std::vector<ObjId> fields = ut->fields;
    if (!elts.empty()) {
      if (ast_[elts[0]].kind == NodeKind::kKeyValue) {
        std::vector<ObjId> visited;
        for (NodeId el : elts) {
          const Node& kv = ast_[el];
          if (kv.kind != NodeKind::kKeyValue) {
            ErrorAt(el, "mixture of field:value and value elements in struct literal");
            Use(el);
            continue;
          }
          NodeId key = kv.x;
          if (ast_[key].kind != NodeKind::kName) {
            Operand v;
            GenericExpr(&v, kv.y);
            ErrorAt(el, "invalid field name " + ExprString(key) + " in struct literal");
            continue;
          }
          std::string kname(ast_[key].text);
          LookupResult r = LookupImpl(u_, cu, false, pkg_id_, kname);
          if (!r.obj.has_value() || u_.Obj(r.obj).kind != ObjKind::kVar) {
            Operand v;
            GenericExpr(&v, kv.y);
            if (!r.obj.has_value()) {
              // go/types lookupError for struct literals.
              LookupResult alt = LookupImpl(u_, cu, false, pkg_id_, kname, true);
              if (alt.obj.has_value() && u_.Obj(alt.obj).name != kname) {
                ErrorAt(key, "unknown field " + kname + " in struct literal of type " + TS(base) +
                                 ", but does have " + u_.Obj(alt.obj).name);
              } else if (alt.obj.has_value()) {
                ErrorAt(key, "cannot refer to unexported field " + kname +
                                 " in struct literal of type " + TS(base));
              } else {
                ErrorAt(key, "unknown field " + kname + " in struct literal of type " + TS(base));
              }
            } else {
              ErrorAt(key, kname + " is not a field");
            }
            continue;
          }
          if (r.index.size() > 1 && !AllowVersion(ast_[key].pos, 27)) {
            // go/types fieldPath: the names of the fields along the path.
            std::string path;
            TypeId ft = cu;
            for (uint32_t i : r.index) {
              TypeId st = Underlying(u_, Deref(u_, Underlying(u_, ft)));
              if (u_.Get(st).kind != TypeKind::kStruct || i >= u_.Get(st).fields.size()) break;
              ObjId f = u_.Get(st).fields[i];
              path += (path.empty() ? "" : ".") + u_.Obj(f).name;
              ft = u_.Obj(f).type;
            }
            Operand v;
            GenericExpr(&v, kv.y);
            VerifyVersion(ast_[key].pos, 27, "use of promoted field " + path +
                                                 " in struct literal of type " + TS(base));
            continue;
          }
          if (r.indirect) {
            Operand v;
            GenericExpr(&v, kv.y);
            ErrorAt(key, "invalid implicit pointer indirection to reach " + kname);
            continue;
          }
          RecordUse(key, r.obj);
          Operand v;
          GenericExpr(&v, kv.y);  // no hint: struct fields don't elide types
          Assignment(&v, u_.Obj(r.obj).type, "struct literal");
          bool dup = false;
          for (ObjId vf : visited) {
            if (vf == r.obj) dup = true;
          }
          if (dup) {
            ErrorAt(el, "duplicate field name " + kname + " in struct literal");
          }
          visited.push_back(r.obj);
        }
      } else {
        for (size_t i = 0; i < elts.size(); ++i) {
          NodeId el = elts[i];
          if (ast_[el].kind == NodeKind::kKeyValue) {
            ErrorAt(el, "mixture of field:value and value elements in struct literal");
            Use(el);
            continue;
          }
          Operand v;
          if (i >= fields.size()) {
            GenericExpr(&v, el);
            ErrorAt(v.expr, "too many values in struct literal of type " + TS(base));
            for (size_t j = i + 1; j < elts.size(); ++j) Use(elts[j]);
            break;
          }
          ObjId fld = fields[i];
          GenericExpr(&v, el);
          const Object& fo = u_.Obj(fld);
          bool exported = !fo.name.empty() && fo.name[0] >= 'A' && fo.name[0] <= 'Z';
          if (!exported && fo.pkg != pkg_id_) {
            ErrorAt(v.expr, "implicit assignment to unexported field " + fo.name +
                                " in struct literal of type " + TS(base));
            continue;
          }
          Assignment(&v, fo.type, "struct literal");
        }
        if (elts.size() < fields.size()) {
          std::string hint_msg;
          for (ObjId f : fields) {
            const Object& fo = u_.Obj(f);
            bool exported = !fo.name.empty() && fo.name[0] >= 'A' && fo.name[0] <= 'Z';
            if (!exported && fo.pkg != pkg_id_) {
              hint_msg = " (type has unexported fields - use key:value pairs)";
              break;
            }
          }
          Error(n.pos2.known() ? n.pos2 : n.pos,
                "too few values in struct literal of type " + TS(base) + hint_msg);
        }
      }
    }
  } else if (ut && ut->kind == TypeKind::kArray) {
    int64_t len = ut->len;
    TypeId elem = ut->elem;
    int64_t max = 0;
    IndexedElts(n.list, elem, len, &max);
    if (len < 0) {
      u_.types.Get(cu).len = max;
      if (n.x.has_value()) RecordTypeAndValue(n.x, Mode::kTypeExpr, cu, nullptr);
    }
  } else if (ut && ut->kind == TypeKind::kSlice) {
    int64_t max = 0;
    IndexedElts(n.list, ut->elem, -1, &max);
  } else if (ut && ut->kind == TypeKind::kMap) {
    TypeId key = ut->key, elem = ut->elem;
    bool key_iface = IsInterface(u_, key);
    std::map<std::string, std::vector<TypeId>> visited;
    for (NodeId el : elts) {
      const Node& kv = ast_[el];
      if (kv.kind != NodeKind::kKeyValue) {
        ErrorAt(el, "missing key in map literal");
        Use(el);
        continue;
      }
      Operand k;
      ExprWithHint(&k, kv.x, key);
      Assignment(&k, key, "map literal");
      if (k.IsValid() && k.mode == Mode::kConstant) {
        std::string ck = ConstKey(k.val);
        bool dup = false;
        if (!ck.empty()) {
          auto& types = visited[ck];
          if (key_iface) {
            for (TypeId vt : types) {
              if (Identical(u_, vt, k.type)) dup = true;
            }
            types.push_back(k.type);
          } else {
            dup = !types.empty();
            types.push_back(k.type);
          }
        }
        if (dup) {
          ErrorAt(k.expr, "duplicate key " + constant::String(k.val) + " in map literal");
          Use(kv.y);
          continue;
        }
      }
      Operand v;
      ExprWithHint(&v, kv.y, elem);
      Assignment(&v, elem, "map literal");
    }
  } else {
    for (NodeId el : elts) {
      const Node& kv = ast_[el];
      Use(kv.kind == NodeKind::kKeyValue ? kv.y : el);
    }
    if (IsValid(u_, cu.has_value() ? cu : base) && !(cu.has_value() && !IsValid(u_, cu))) {
      std::string cause = cu.has_value() ? "" : " (no core type)";
      ErrorAt(e, std::string("invalid composite literal") + (is_elem ? " element" : "") +
                     " type " + TS(typ) + cause);
      x->mode = Mode::kInvalid;
      return;
    }
    if (!IsValid(u_, base)) {
      x->mode = Mode::kInvalid;
      return;
    }
  }
  x->mode = Mode::kValue;
  x->type = typ;
}

bool Checker::IndexedElts(IdSpan<NodeId> elts, TypeId elem, int64_t length, int64_t* max_out) {
  std::unordered_set<int64_t> visited;
  int64_t index = 0, max = 0;
  for (NodeId e : ast_.List(elts)) {
    bool valid_index = false;
    NodeId eval = e;
    const Node& kv = ast_[e];
    if (kv.kind == NodeKind::kKeyValue) {
      bool ok = false;
      int64_t i = Index(kv.x, length, false, &ok);
      if (ok) {
        if (i >= 0) {
          index = i;
          valid_index = true;
        } else {
          ErrorAt(e, "index " + ExprString(kv.x) + " must be integer constant");
        }
      }
      eval = kv.y;
    } else if (length >= 0 && index >= length) {
      ErrorAt(e, "index " + std::to_string(index) + " is out of bounds (>= " +
                     std::to_string(length) + ")");
    } else {
      valid_index = true;
    }
    if (valid_index) {
      if (!visited.insert(index).second) {
        ErrorAt(e, "duplicate index " + std::to_string(index) + " in array or slice literal");
      }
    }
    ++index;
    if (index > max) max = index;
    Operand x;
    ExprWithHint(&x, eval, elem);
    Assignment(&x, elem, "array or slice literal");
  }
  *max_out = max;
  return true;
}

bool Checker::IsValidIndex(Operand* x, const char* what, bool allow_neg) {
  if (!x->IsValid()) return false;
  ConvertUntyped(x, u_.Basic(BasicKind::kInt));
  if (!x->IsValid()) return false;
  if (!IsInteger(u_, x->type)) {
    ErrorAt(x->expr, std::string("invalid argument: ") + what + " " + OperandString(*x) +
                         " must be integer");
    return false;
  }
  if (x->mode == Mode::kConstant) {
    if (!allow_neg && constant::Sign(x->val) < 0) {
      ErrorAt(x->expr, std::string("invalid argument: ") + what + " " + OperandString(*x) +
                           " must not be negative");
      return false;
    }
    Constant r;
    if (!RepresentableConst(x->val, BasicKind::kInt, &r)) {
      ErrorAt(x->expr, std::string("invalid argument: ") + what + " " + OperandString(*x) +
                           " overflows int");
      return false;
    }
    x->val = r;
  }
  return true;
}

int64_t Checker::Index(NodeId index, int64_t max, bool allow_neg, bool* ok) {
  *ok = false;
  Operand x;
  Expr(TypeId(), &x, index);
  if (!IsValidIndex(&x, "index", allow_neg)) return -1;
  if (x.mode != Mode::kConstant) {
    *ok = true;
    return -1;
  }
  if (x.val->kind == Constant::Kind::kUnknown) return -1;
  int64_t v = 0;
  if (!constant::Int64Val(x.val, &v)) return -1;
  if (max >= 0 && v >= max) {
    ErrorAt(x.expr, "invalid argument: index " + constant::String(x.val) + " out of bounds [0:" +
                        std::to_string(max) + "]");
    return -1;
  }
  *ok = true;
  return v;
}

void Checker::IndexExpr(Operand* x, NodeId e) {
  ExprOrType(x, ast_[e].x, true);
  IndexExprRest(x, e);
}

void Checker::IndexExprRest(Operand* x, NodeId e) {
  const Node& n = ast_[e];
  switch (x->mode) {
    case Mode::kInvalid:
      UseList(n.list);
      return;
    case Mode::kTypeExpr: {
      x->mode = Mode::kInvalid;
      x->type = VarType(e);
      if (IsValid(u_, x->type)) x->mode = Mode::kTypeExpr;
      return;
    }
    case Mode::kValue: {
      const Type& t = u_.Get(Underlying(u_, x->type));
      if (t.kind == TypeKind::kSignature && !t.type_params.empty()) {
        // Function instantiation with explicit type arguments.
        std::vector<TypeId> targs;
        bool ok = true;
        for (NodeId a : ast_.List(n.list)) {
          TypeId ta = VarType(a);
          if (!IsValid(u_, ta)) ok = false;
          targs.push_back(ta);
        }
        if (!ok) {
          x->mode = Mode::kInvalid;
          return;
        }
        TypeId inst = FuncInst(e, x->type, targs, n.pos, false);
        if (!inst.has_value()) {
          x->mode = Mode::kInvalid;
          return;
        }
        x->type = inst;
        x->expr = e;
        return;
      }
      break;
    }
    default: break;
  }
  NonGeneric(nullptr, x);
  if (!x->IsValid()) return;
  if (!IsComplete(x->type)) {
    UseList(n.list);
    x->mode = Mode::kInvalid;
    return;
  }
  bool valid = false;
  int64_t length = -1;
  TypeId xt = x->type;
  auto single_index = [&]() -> NodeId {
    if (n.list.size() == 0) {
      ErrorAt(e, "missing index for " + ExprString(n.x));
      return NodeId();
    }
    if (n.list.size() > 1) {
      ErrorAt(ast_.At(n.list, 1), "invalid operation: more than one index");
      for (uint32_t i = 1; i < n.list.size(); ++i) Use(ast_.At(n.list, i));
    }
    return ast_.At(n.list, 0);
  };
  auto map_index = [&](TypeId key, TypeId elem) {
    NodeId index = single_index();
    if (!index.has_value()) {
      x->mode = Mode::kInvalid;
      return;
    }
    Operand k;
    ExprWithHint(&k, index, key);
    Assignment(&k, key, "map index");
    x->mode = Mode::kMapIndex;
    x->type = elem;
    x->expr = e;
  };
  TypeId under = Underlying(u_, xt);
  const Type& ut = u_.Get(under);
  if (!IsTypeParam(u_, xt)) {
    switch (ut.kind) {
      case TypeKind::kBasic:
        if (IsString(u_, under)) {
          valid = true;
          if (x->mode == Mode::kConstant) length = static_cast<int64_t>(x->val->s.size());
          x->mode = Mode::kValue;
          x->type = u_.byte_type;
        }
        break;
      case TypeKind::kArray:
        valid = true;
        length = ut.len;
        if (x->mode != Mode::kVariable) x->mode = Mode::kValue;
        x->type = ut.elem;
        break;
      case TypeKind::kPointer: {
        const Type& at = u_.Get(Underlying(u_, ut.elem));
        if (at.kind == TypeKind::kArray) {
          valid = true;
          length = at.len;
          x->mode = Mode::kVariable;
          x->type = at.elem;
        }
        break;
      }
      case TypeKind::kSlice:
        valid = true;
        x->mode = Mode::kVariable;
        x->type = ut.elem;
        break;
      case TypeKind::kMap: map_index(ut.key, ut.elem); return;
      default: break;
    }
  } else {
    TypeId key, elem;
    bool first = true, ok = true;
    Mode mode = Mode::kVariable;
    ok = AllUnder(u_, xt, [&](TypeId u) {
      int64_t l = -1;
      TypeId k, el;
      const Type& t = u_.Get(u);
      switch (t.kind) {
        case TypeKind::kBasic:
          if (IsString(u_, u)) {
            el = u_.byte_type;
            mode = Mode::kValue;
          }
          break;
        case TypeKind::kArray:
          l = t.len;
          el = t.elem;
          if (x->mode != Mode::kVariable) mode = Mode::kValue;
          break;
        case TypeKind::kPointer: {
          const Type& at = u_.Get(Underlying(u_, t.elem));
          if (at.kind == TypeKind::kArray) {
            l = at.len;
            el = at.elem;
          }
          break;
        }
        case TypeKind::kSlice: el = t.elem; break;
        case TypeKind::kMap:
          k = t.key;
          el = t.elem;
          break;
        default: break;
      }
      if (!el.has_value()) return false;
      if (first) {
        first = false;
        length = l;
        key = k;
        elem = el;
        return true;
      }
      if (key.has_value() != k.has_value() || (key.has_value() && !Identical(u_, key, k))) {
        return false;
      }
      if (!Identical(u_, elem, el)) return false;
      if (l >= 0 && l < length) length = l;
      return true;
    });
    if (ok && !first) {
      if (key.has_value()) {
        map_index(key, elem);
        return;
      }
      valid = true;
      x->mode = mode;
      x->type = elem;
    }
  }
  if (!valid) {
    Error(n.pos, "invalid operation: cannot index " + OperandString(*x));
    UseList(n.list);
    x->mode = Mode::kInvalid;
    return;
  }
  NodeId index = single_index();
  if (!index.has_value()) {
    x->mode = Mode::kInvalid;
    return;
  }
  bool ok = false;
  Index(index, length, false, &ok);
}

void Checker::SliceExpr(Operand* x, NodeId e) {
  const Node& n = ast_[e];
  Expr(TypeId(), x, n.x);
  if (!x->IsValid()) {
    Use(n.y);
    Use(n.z);
    Use(n.w);
    return;
  }
  TypeId cu;
  bool has_string = false;
  if (IsTypeParam(u_, x->type)) {
    TypeId first_t;
    bool ok = AllUnder(u_, x->type, [&](TypeId u) {
      TypeId uu = u;
      if (IsString(u_, uu)) {
        uu = u_.NewSlice(u_.byte_type);
        has_string = true;
      }
      if (!cu.has_value()) {
        cu = uu;
        return true;
      }
      return Identical(u_, cu, uu);
    });
    if (!ok || !cu.has_value()) {
      ErrorAt(x->expr, "cannot slice " + OperandString(*x) + ": no specific type in " +
                           TS(x->type));
      x->mode = Mode::kInvalid;
      return;
    }
    if (has_string) cu = u_.Basic(BasicKind::kString);
  } else {
    cu = Underlying(u_, x->type);
  }
  bool valid = false;
  int64_t length = -1;
  const Type& ut = u_.Get(cu);
  switch (ut.kind) {
    case TypeKind::kBasic:
      if (IsString(u_, cu)) {
        if (n.flags & syntax::kFlagFull) {
          ErrorAt(n.w.has_value() ? n.w : e, "invalid operation: 3-index slice of string");
          x->mode = Mode::kInvalid;
          return;
        }
        valid = true;
        if (x->mode == Mode::kConstant) length = static_cast<int64_t>(x->val->s.size());
        if (IsUntyped(u_, x->type)) x->type = u_.Basic(BasicKind::kString);
      }
      break;
    case TypeKind::kArray:
      valid = true;
      length = ut.len;
      if (x->mode != Mode::kVariable) {
        ErrorAt(x->expr, "cannot slice unaddressable value " + OperandString(*x));
        x->mode = Mode::kInvalid;
        return;
      }
      x->type = u_.NewSlice(ut.elem);
      break;
    case TypeKind::kPointer: {
      const Type& at = u_.Get(Underlying(u_, ut.elem));
      if (at.kind == TypeKind::kArray) {
        valid = true;
        length = at.len;
        x->type = u_.NewSlice(at.elem);
      }
      break;
    }
    case TypeKind::kSlice: valid = true; break;
    default: break;
  }
  if (!valid) {
    ErrorAt(x->expr, "cannot slice " + OperandString(*x));
    x->mode = Mode::kInvalid;
    return;
  }
  x->mode = Mode::kValue;
  bool full = (n.flags & syntax::kFlagFull) != 0;
  if (full && (!n.z.has_value() || !n.w.has_value())) {
    ErrorAt(e, "2nd and 3rd index required in 3-index slice");
    x->mode = Mode::kInvalid;
    return;
  }
  NodeId idx[3] = {n.y, n.z, n.w};
  int count = full ? 3 : 2;
  int64_t ind[3] = {-1, -1, -1};
  for (int i = 0; i < count; ++i) {
    int64_t v = -1;
    if (idx[i].has_value()) {
      int64_t max = length >= 0 ? length + 1 : -1;
      bool ok = false;
      int64_t r = Index(idx[i], max, false, &ok);
      if (ok && r >= 0) v = r;
    } else if (i == 0) {
      v = 0;
    } else if (length >= 0) {
      v = length;
    }
    ind[i] = v;
  }
  for (int i = 0; i < count - 1; ++i) {
    if (ind[i] > 0) {
      for (int j = i + 1; j < count; ++j) {
        if (ind[j] >= 0 && ind[j] < ind[i]) {
          ErrorAt(idx[j], "invalid slice indices: " + std::to_string(ind[j]) + " < " +
                              std::to_string(ind[i]));
          return;
        }
      }
    }
  }
}

void Checker::TypeAssertion(Operand* x, NodeId e, TypeId T, bool type_switch) {
  if (IsInterface(u_, T) && !IsTypeParam(u_, T)) return;
  ObjId alt;
  ObjId m = MissingMethod(u_, T, x->type, false, &alt);
  if (!m.has_value()) return;
  std::string cause = MissingMethodCause(T, x->type, m, alt);
  if (type_switch) {
    ErrorAt(e, "impossible type switch case: " + ExprString(e) + "\n\t" + OperandString(*x) +
                   " cannot have dynamic type " + TS(T) + " " + cause);
    return;
  }
  ErrorAt(e, "impossible type assertion: " + ExprString(e) + "\n\t" + TS(T) +
                 " does not implement " + TS(x->type) + " " + cause);
}

std::string MissingMethodReason(const Universe& u, TypeId V, TypeId T, ObjId m, ObjId alt,
                                PkgId local);

std::string Checker::MissingMethodCause(TypeId v, TypeId t, ObjId m, ObjId alt) {
  return MissingMethodReason(u_, v, t, m, alt, pkg_id_);
}

}  // namespace escapist::types
