// syntax/ast.h -- the syntax tree of Go source files, as gc's syntax package builds it.
//
// Every node of every file of one package lives in one `Ast` arena and is named by a NodeId.
// A node is uniform: a kind, a position, an operator token, flags, four child slots (x, y, z, w),
// two child lists and a text. Each kind below documents which slots it uses; unused slots are
// none/empty. Positions follow gc's syntax package (cmd/compile/internal/syntax/parser.go), since
// gc prints them: a call is at its `(`, a selector at its `.`, an index or slice at its `[`, a
// binary or unary operation at its operator, a composite literal at its `{`, a func literal at
// `func`, an assignment at its operator, a statement keyword at the keyword, a name at its first
// byte.
//
// Worked example: `p := &T{a: 1}` is
//   Assign(op=DEFINE, list=[Name "p"], list2=[Unary(op=AND, x=CompositeLit(x=Name "T",
//          list=[KeyValue(x=Name "a", y=BasicLit "1")]))])
//
// Deliberately like gc and unlike go/ast: `*x` (deref and pointer type) is Unary(op=MUL);
// parenthesized expressions are kept as Paren; a field group `a, b int` becomes two Field nodes
// sharing one type node (so a checker must cache the type of a shared node).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/id.h"
#include "base/source.h"
#include "syntax/token.h"

namespace escapist::syntax {

using NodeId = Id<struct NodeTag>;

enum class NodeKind : uint8_t {
#define ESCAPIST_NODE(Name, Shape) k##Name,
#include "syntax/node_kinds.def"
#undef ESCAPIST_NODE
};

// Returns the kind's name ("Call", "Selector", ...), for dumps and messages.
const char* NodeKindName(NodeKind kind);

// Node flags; which apply to which kind is documented in node_kinds.def.
enum NodeFlag : uint16_t {
  kFlagHasDots = 1 << 0,    // Call: last argument followed by `...`; ArrayType: `[...]T`
  kFlagFull = 1 << 1,       // Slice: three-index form x[lo:hi:max]
  kFlagEmbedded = 1 << 2,   // Field: embedded field or embedded interface element
  kFlagAlias = 1 << 3,      // TypeSpec: `type A = T`
  kFlagDefault = 1 << 4,    // CaseClause/CommClause: the default clause
  kFlagIncDec = 1 << 5,     // Assign: x++ / x-- (op is ADD / SUB, list2 empty)
  kFlagChanSend = 1 << 6,   // ChanType: chan<- T
  kFlagChanRecv = 1 << 7,   // ChanType: <-chan T
  kFlagImplicitType = 1 << 8,  // ConstSpec: type and values repeated from the previous spec
  kFlagTilde = 1 << 9,      // Unary op TILDE in a constraint: ~T
};

// Compiler directives attached to a FuncDecl (the `//go:` lines just before it). Bit set in
// Node::aux of the FuncDecl.
enum Pragma : uint32_t {
  kPragmaNoinline = 1 << 0,
  kPragmaNoescape = 1 << 1,
  kPragmaNosplit = 1 << 2,
  kPragmaUintptrEscapes = 1 << 3,
  kPragmaUintptrKeepAlive = 1 << 4,
  kPragmaNoCheckPtr = 1 << 5,
  kPragmaNorace = 1 << 6,
  kPragmaLinkname = 1 << 7,  // a //go:linkname names this function
  kPragmaNoWriteBarrier = 1 << 8,
  kPragmaSystemstack = 1 << 9,
  kPragmaYeswritebarrierrec = 1 << 10,
  kPragmaNowritebarrierrec = 1 << 11,
  kPragmaRegisterparams = 1 << 12,
  kPragmaCgoUnsafeArgs = 1 << 13,  // //go:cgo_unsafe_args (gc: also implies kPragmaNoCheckPtr)
};

struct Node {
  NodeKind kind = NodeKind::kBad;
  Token op = Token::kNone;  // operator, literal kind, assignment op, branch keyword, chan dir...
  uint16_t flags = 0;
  Pos pos;                  // gc's position for the node (see the file comment)
  Pos pos2;                 // a second position: Block's and CompositeLit's `}`, RangeStmt's
                            // `range`, a method FuncDecl's receiver `(`; else unknown
  NodeId x, y, z, w;        // children by slot; meaning per kind
  IdSpan<NodeId> list;      // first child list
  IdSpan<NodeId> list2;     // second child list
  uint32_t aux = 0;         // ConstSpec: iota; FuncDecl: Pragma bits; File: file index
  std::string_view text;    // identifier, raw literal text, directive text; points into source
};

// One Go source file after parsing: its package clause and top-level declarations.
struct FileInfo {
  uint32_t file_index = 0;  // into SourceSet
  NodeId file;              // the File node
  // `//go:linkname local remote` directives of the file, in order.
  struct Linkname {
    Pos pos;
    std::string_view local;
    std::string_view remote;
  };
  std::vector<Linkname> linknames;
  std::string_view build_constraint;  // text after `//go:build`, if any
  // Errors gc reports only after type checking has succeeded (its noder's check of the
  // directives attached to declarations: "misplaced compiler directive", "misplaced go:embed
  // directive"). The driver emits them if no other error was reported.
  struct LateError {
    Pos pos;
    std::string text;
  };
  std::vector<LateError> late_errors;
};

// The arena holding every node of one package's files. Nodes live in fixed-size chunks, so
// references stay valid while the arena grows (like Store, with far fewer allocations).
class Ast {
 public:
  NodeId Add(const Node& node) {
    if (chunks_.empty() || chunks_.back().size() == kChunkSize) {
      chunks_.emplace_back();
      chunks_.back().reserve(kChunkSize);
    }
    chunks_.back().push_back(node);
    return NodeId(size_++);
  }
  Node& Get(NodeId id) {
    ESCAPIST_CHECK(id.index() < size_, "Ast::Get out of range");  // also rejects "none"
    return chunks_[id.index() >> kChunkShift][id.index() & (kChunkSize - 1)];
  }
  const Node& Get(NodeId id) const {
    ESCAPIST_CHECK(id.index() < size_, "Ast::Get out of range");
    return chunks_[id.index() >> kChunkShift][id.index() & (kChunkSize - 1)];
  }
  const Node& operator[](NodeId id) const { return Get(id); }
  size_t size() const { return size_; }

  // Appends `ids` to the list pool and returns their span.
  IdSpan<NodeId> AddList(const std::vector<NodeId>& ids) {
    IdSpan<NodeId> span{static_cast<uint32_t>(pool_.size()), static_cast<uint32_t>(ids.size())};
    pool_.insert(pool_.end(), ids.begin(), ids.end());
    return span;
  }
  // The same for a contiguous range (no temporary vector needed).
  IdSpan<NodeId> AddListFrom(std::span<const NodeId> ids) {
    IdSpan<NodeId> span{static_cast<uint32_t>(pool_.size()), static_cast<uint32_t>(ids.size())};
    pool_.insert(pool_.end(), ids.begin(), ids.end());
    return span;
  }
  // The i-th element of a span.
  NodeId At(IdSpan<NodeId> span, uint32_t i) const { return pool_[span.begin + i]; }
  // A copy of a span's elements, for range-for loops.
  std::vector<NodeId> List(IdSpan<NodeId> span) const {
    return std::vector<NodeId>(pool_.begin() + span.begin, pool_.begin() + span.begin + span.count);
  }

  std::vector<FileInfo> files;

 private:
  static constexpr uint32_t kChunkShift = 10;
  static constexpr uint32_t kChunkSize = 1u << kChunkShift;
  std::vector<std::vector<Node>> chunks_;  // all full except the last
  uint32_t size_ = 0;
  std::vector<NodeId> pool_;
};

}  // namespace escapist::syntax
