// ir/expr.h -- predicates on IR expressions that several phases ask (gc's ir/expr.go).
#pragma once

#include "ir/ir.h"
#include "types/types.h"

namespace escapist::ir {

// gc's ir.IsZero: nil, a zero constant ("", false, 0), or an array or struct literal all of
// whose elements are such.
bool IsZero(const Program& prog, const types::Universe& u, NodeId n);

// gc's ir.IsAddressable: a variable (not a declared function), a dereference, a field of an
// addressable value or through a pointer, an element of a slice or of an addressable array.
bool IsAddressable(const Program& prog, const types::Universe& u, NodeId n);

// gc's ir.OuterValue: the value of which `n` is a part (through fields of struct values,
// elements of arrays, and representation-keeping conversions).
NodeId OuterValue(const Program& prog, const types::Universe& u, NodeId n);

}  // namespace escapist::ir
