// tests/types/types_test.cpp -- unit tests of constants (go/constant semantics and formatting),
// basic sizes, type identity and type strings built directly in a Universe.
#include <gtest/gtest.h>

#include "syntax/token.h"
#include "types/checker.h"
#include "types/types.h"

namespace escapist::types {
namespace {

using syntax::Token;

TEST(Constants, Literals) {
  EXPECT_EQ(constant::String(constant::MakeFromLiteral("0x1F", Token::kInt)), "31");
  EXPECT_EQ(constant::String(constant::MakeFromLiteral("0o17", Token::kInt)), "15");
  EXPECT_EQ(constant::String(constant::MakeFromLiteral("017", Token::kInt)), "15");
  EXPECT_EQ(constant::String(constant::MakeFromLiteral("0b101", Token::kInt)), "5");
  EXPECT_EQ(constant::String(constant::MakeFromLiteral("1_000", Token::kInt)), "1000");
  EXPECT_EQ(constant::String(constant::MakeFromLiteral("1.5", Token::kFloat)), "1.5");
  EXPECT_EQ(constant::String(constant::MakeFromLiteral("1e100", Token::kFloat)), "1e+100");
  EXPECT_EQ(constant::String(constant::MakeFromLiteral("0x1p-2", Token::kFloat)), "0.25");
  EXPECT_EQ(constant::String(constant::MakeFromLiteral("2i", Token::kImag)), "(0 + 2i)");
  EXPECT_EQ(constant::String(constant::MakeFromLiteral("'a'", Token::kChar)), "97");
  EXPECT_EQ(constant::String(constant::MakeFromLiteral("\"a\\tb\"", Token::kString)),
            "\"a\\tb\"");
}

TEST(Constants, Arithmetic) {
  Constant a = constant::MakeInt64(7), b = constant::MakeInt64(2);
  EXPECT_EQ(constant::String(constant::BinaryOp(a, Token::kDiv, b, true)), "3");
  EXPECT_EQ(constant::String(constant::BinaryOp(a, Token::kDiv, b, false)), "3.5");
  EXPECT_EQ(constant::String(constant::BinaryOp(a, Token::kRem, b, true)), "1");
  EXPECT_EQ(constant::String(constant::BinaryOp(constant::MakeInt64(-7), Token::kDiv, b, true)),
            "-3");
  EXPECT_EQ(constant::String(constant::Shift(constant::MakeInt64(1), Token::kShl, 100)),
            "1267650600228229401496703205376");
  EXPECT_EQ(constant::String(constant::Shift(constant::MakeInt64(-5), Token::kShr, 1)), "-3");
  EXPECT_EQ(constant::String(constant::UnaryOp(Token::kXor, constant::MakeInt64(0), 8)), "255");
  EXPECT_EQ(constant::String(constant::UnaryOp(Token::kXor, constant::MakeInt64(0), 0)), "-1");
  EXPECT_TRUE(constant::Compare(a, Token::kGtr, b));
  Constant third = constant::BinaryOp(constant::MakeInt64(1), Token::kDiv, constant::MakeInt64(3),
                                      false);
  EXPECT_EQ(constant::String(third), "0.333333");
  EXPECT_EQ(constant::ExactString(third), "1/3");
}

TEST(Constants, Rounding) {
  mpq_class r;
  EXPECT_TRUE(constant::RoundFloat64(mpq_class(1, 3), &r));
  EXPECT_EQ(mpq_get_d(r.get_mpq_t()), 1.0 / 3.0);
  mpq_class huge(1);
  mpq_mul_2exp(huge.get_mpq_t(), huge.get_mpq_t(), 1100);
  EXPECT_FALSE(constant::RoundFloat64(huge, &r));
  EXPECT_TRUE(constant::RoundFloat32(mpq_class(1, 10), &r));
  EXPECT_EQ(static_cast<float>(mpq_get_d(r.get_mpq_t())), 0.1f);
}

TEST(Constants, HugeValuesStayBounded) {
  Constant c = constant::MakeFromLiteral("1e1000000", Token::kFloat);
  ASSERT_EQ(c.kind, Constant::Kind::kFloat);
  Constant sq = c;
  for (int i = 0; i < 40; ++i) sq = constant::BinaryOp(sq, Token::kMul, sq, false);
  EXPECT_EQ(sq.kind, Constant::Kind::kUnknown);  // overflowed instead of growing forever
}

TEST(Universe, BasicSizes) {
  Universe u;
  EXPECT_EQ(SizeOf(u, u.Basic(BasicKind::kInt)), 8);
  EXPECT_EQ(SizeOf(u, u.Basic(BasicKind::kString)), 16);
  EXPECT_EQ(SizeOf(u, u.Basic(BasicKind::kComplex64)), 8);
  EXPECT_EQ(AlignOf(u, u.Basic(BasicKind::kComplex64)), 4);
  EXPECT_EQ(SizeOf(u, u.NewSlice(u.Basic(BasicKind::kInt8))), 24);
  EXPECT_EQ(SizeOf(u, u.any_type), 16);
  EXPECT_EQ(SizeOf(u, u.NewArray(u.Basic(BasicKind::kInt16), 5)), 10);
  EXPECT_EQ(SizeOf(u, u.NewMap(u.Basic(BasicKind::kInt), u.Basic(BasicKind::kInt))), 8);
}

TEST(Universe, IdentityAndStrings) {
  Universe u;
  TypeId a = u.NewSlice(u.NewPointer(u.Basic(BasicKind::kInt)));
  TypeId b = u.NewSlice(u.NewPointer(u.Basic(BasicKind::kInt)));
  EXPECT_TRUE(Identical(u, a, b));
  EXPECT_TRUE(Identical(u, u.byte_type, u.Basic(BasicKind::kUint8)));
  EXPECT_FALSE(Identical(u, u.Basic(BasicKind::kInt), u.Basic(BasicKind::kInt64)));
  EXPECT_EQ(TypeString(u, a, PkgId()), "[]*int");
  EXPECT_EQ(TypeString(u, u.error_type, PkgId()), "error");
  EXPECT_EQ(TypeString(u, u.NewChan(u.byte_type, ChanDir::kSend), PkgId()), "chan<- byte");
  EXPECT_EQ(TypeString(u, u.Basic(BasicKind::kUnsafePointer), PkgId()), "unsafe.Pointer");
  EXPECT_EQ(DefaultType(u, u.Basic(BasicKind::kUntypedRune)), u.rune_type);
  EXPECT_TRUE(IsInterface(u, u.error_type));
  EXPECT_TRUE(Comparable(u, u.error_type));
  EXPECT_FALSE(Comparable(u, a));
}

TEST(Universe, ConstantStrings) {
  Universe u;
  ConstId s = u.NewConstant(constant::MakeString("a\tb"));
  EXPECT_EQ(ConstantString(u, s, u.Basic(BasicKind::kString), PkgId()), "\"a\\tb\"");
  ConstId r = u.NewConstant(constant::MakeInt64('a'));
  EXPECT_EQ(ConstantString(u, r, u.rune_type, PkgId()), "'a'");
  ConstId i = u.NewConstant(constant::MakeInt64(5));
  EXPECT_EQ(ConstantString(u, i, u.Basic(BasicKind::kInt), PkgId()), "5");
}

}  // namespace
}  // namespace escapist::types
