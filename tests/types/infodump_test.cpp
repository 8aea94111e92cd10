// tests/types/infodump_test.cpp -- DumpInfo (types/infodump.h), the Info dump that
// tests/oracle/compare.py compares with go/types, on small packages: each test checks lines that
// go/types' dump (tests/oracle/main.go) has for the same source.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "syntax/parse.h"
#include "types/check.h"
#include "types/infodump.h"

namespace escapist::types {
namespace {

// Checks `src` as package "p" in file p.go and returns its Info dump.
std::string Dump(const std::string& src) {
  Universe u;
  SourceSet sources;
  DiagnosticSink diags;
  SourceFile f;
  f.path = f.display_name = "p.go";
  f.text = src;
  uint32_t idx = sources.Add(std::move(f));
  auto p = std::make_unique<Package>();
  p->path = "p";
  PkgId pkg = u.packages.Add(std::move(p));
  Package& pk = u.Pkg(pkg);
  syntax::ParseFile(sources, idx, pk.ast, diags);
  pk.name = std::string(pk.ast[pk.ast[pk.ast.files[0].file].x].text);
  CheckPackage(u, pkg, sources, [](const std::string&) { return PkgId(); }, diags);
  EXPECT_EQ(diags.error_count(), 0);
  return DumpInfo(u, sources, pkg);
}

// Whether the dump has `line` (fields separated by " @ " here for readability).
::testing::AssertionResult Has(const std::string& dump, std::string line) {
  for (size_t i; (i = line.find(" @ ")) != std::string::npos;) line.replace(i, 3, "\t");
  if (dump.find(line + "\n") != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no line `" << line << "` in\n" << dump;
}

TEST(InfoDump, ExpressionsStartWhereGoAstStarts) {
  std::string d = Dump("package p\n\nfunc f(a, b int) int { return a + b*f(a, b) }\n");
  EXPECT_TRUE(Has(d, "T @ p.go:3:31 @ value @ int"));     // a + b*f(a, b) starts at a
  EXPECT_TRUE(Has(d, "T @ p.go:3:35 @ value @ int"));     // b*f(a, b)
  EXPECT_TRUE(Has(d, "T @ p.go:3:37 @ value @ int"));     // f(a, b)
  EXPECT_TRUE(Has(d, "T @ p.go:3:37 @ value @ func(a int, b int) int"));  // f
  EXPECT_TRUE(Has(d, "D @ p.go:3:6 @ f @ func @ p @ func(a int, b int) int"));
}

TEST(InfoDump, LabelsAreDefinedAndUsed) {
  std::string d = Dump("package p\n\nfunc f() {\nL:\n\tfor {\n\t\tbreak L\n\t}\n}\n");
  EXPECT_TRUE(Has(d, "D @ p.go:4:1 @ L @ label @ p @ -"));
  EXPECT_TRUE(Has(d, "U @ p.go:6:9 @ L @ label @ p @ -"));
}

TEST(InfoDump, InterfaceMethodSignatureIsATypeExpression) {
  std::string d = Dump("package p\n\ntype I interface {\n\tM(x int) string\n}\n");
  EXPECT_TRUE(Has(d, "T @ p.go:4:3 @ type @ func(x int) string"));
  EXPECT_TRUE(Has(d, "D @ p.go:4:2 @ M @ func @ p @ func(x int) string"));
}

TEST(InfoDump, ConvertedBoolAndStringConstantsKeepTheirValue) {
  std::string d = Dump("package p\n\nfunc f() (bool, string) { return false, \"a\\\"b\" }\n");
  EXPECT_TRUE(Has(d, "T @ p.go:3:34 @ constant @ bool @ false"));
  EXPECT_TRUE(Has(d, "T @ p.go:3:41 @ constant @ string @ \"a\\x22b\""));
}

TEST(InfoDump, ImplicitConstraintInterfaceIsSpelledAsItsElement) {
  std::string d = Dump("package p\n\nfunc F[T ~int | string](x T) {}\n");
  EXPECT_TRUE(Has(d, "D @ p.go:3:6 @ F @ func @ p @ func[T ~int | string](x T)"));
}

TEST(InfoDump, UnionTermsAndPrefixesAreRecorded) {
  std::string d = Dump("package p\n\ntype C interface{ ~int | string | ~bool }\n");
  EXPECT_TRUE(Has(d, "T @ p.go:3:19 @ type @ ~int"));                   // the term ~int
  EXPECT_TRUE(Has(d, "T @ p.go:3:19 @ type @ ~int | string"));          // the first `|`
  EXPECT_TRUE(Has(d, "T @ p.go:3:19 @ type @ ~int | string | ~bool"));  // the whole union
  EXPECT_TRUE(Has(d, "T @ p.go:3:35 @ type @ ~bool"));
}

TEST(InfoDump, ReceiverTypeParameterIsDefinedAndUsed) {
  std::string d = Dump("package p\n\ntype L[E any] []E\n\nfunc (l L[E]) At(i int) E { return l[i] }\n");
  EXPECT_TRUE(Has(d, "D @ p.go:5:11 @ E @ type @ p @ E"));
  EXPECT_TRUE(Has(d, "U @ p.go:5:11 @ E @ type @ p @ E"));
  EXPECT_TRUE(Has(d, "T @ p.go:5:11 @ type @ E"));
}

TEST(InfoDump, StringOperandOfCopyAndAppendStaysUntyped) {
  std::string d = Dump(
      "package p\n\nfunc f(b []byte) []byte {\n\tcopy(b, \"ab\")\n\treturn append(b, \"cd\"...)\n}\n");
  EXPECT_TRUE(Has(d, "T @ p.go:4:10 @ constant @ untyped string @ \"ab\""));
  EXPECT_TRUE(Has(d, "T @ p.go:4:2 @ builtin @ func([]byte, string) int"));
  EXPECT_TRUE(Has(d, "T @ p.go:5:19 @ constant @ untyped string @ \"cd\""));
  EXPECT_TRUE(Has(d, "T @ p.go:5:9 @ builtin @ func([]byte, string...) []byte"));
}

TEST(InfoDump, PanicAndRecoverUseInterfaceNotAny) {
  std::string d = Dump("package p\n\nfunc f() { panic(recover()) }\n");
  EXPECT_TRUE(Has(d, "T @ p.go:3:12 @ builtin @ func(interface{})"));
  EXPECT_TRUE(Has(d, "T @ p.go:3:18 @ value @ interface{}"));
  EXPECT_TRUE(Has(d, "T @ p.go:3:12 @ novalue @ ()"));
}

TEST(InfoDump, NilStaysUntyped) {
  std::string d = Dump("package p\n\nvar p *int = nil\n");
  EXPECT_TRUE(Has(d, "T @ p.go:3:14 @ nil @ untyped nil"));
  EXPECT_TRUE(Has(d, "U @ p.go:3:14 @ nil @ nil @ - @ untyped nil"));
}

}  // namespace
}  // namespace escapist::types
