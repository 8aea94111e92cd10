// tests/types/build_test.cpp -- unit tests of go/build's file selection (types/build.h), go.mod
// parsing (types/modfile.h) and import-path patterns (types/packages.h).
#include <gtest/gtest.h>

#include "types/build.h"
#include "types/modfile.h"
#include "types/packages.h"

namespace escapist::types {
namespace {

TEST(BuildContext, DefaultTags) {
  BuildContext c = BuildContext::Default();
  for (const char* t : {"linux", "amd64", "unix", "gc", "go1.1", "go1.27", "amd64.v1",
                        "goexperiment.greenteagc", "goexperiment.regabiargs"}) {
    EXPECT_TRUE(c.MatchTag(t)) << t;
  }
  for (const char* t : {"cgo", "windows", "arm64", "go1.28", "ignore", "amd64.v2", "gccgo"}) {
    EXPECT_FALSE(c.MatchTag(t)) << t;
  }
  EXPECT_FALSE(BuildContext::Default("windows").MatchTag("unix"));
  EXPECT_TRUE(BuildContext::Default("android", "arm64").MatchTag("linux"));
}

TEST(BuildContext, GoodOSArchFile) {
  BuildContext c = BuildContext::Default();
  EXPECT_TRUE(c.GoodOSArchFile("x.go"));
  EXPECT_TRUE(c.GoodOSArchFile("linux.go"));  // no prefix before the suffix: no constraint
  EXPECT_TRUE(c.GoodOSArchFile("x_linux.go"));
  EXPECT_TRUE(c.GoodOSArchFile("x_linux_amd64_test.go"));
  EXPECT_FALSE(c.GoodOSArchFile("x_windows.go"));
  EXPECT_FALSE(c.GoodOSArchFile("x_linux_arm64.go"));
  EXPECT_FALSE(c.GoodOSArchFile("x_arm64_test.go"));
  EXPECT_TRUE(c.GoodOSArchFile("x_unix.go"));  // unix is not a GOOS suffix
  EXPECT_TRUE(c.GoodOSArchFile("x_windows_foo.go"));
}

TEST(BuildContext, ShouldBuild) {
  BuildContext c = BuildContext::Default();
  EXPECT_TRUE(c.ShouldBuild("package p\n"));
  EXPECT_TRUE(c.ShouldBuild("//go:build linux && (amd64 || arm64)\n\npackage p\n"));
  EXPECT_FALSE(c.ShouldBuild("//go:build ignore\n\npackage p\n"));
  EXPECT_FALSE(c.ShouldBuild("// Copyright\n\n//go:build !unix\n\npackage p\n"));
  EXPECT_TRUE(c.ShouldBuild("/* c */\n//go:build !windows\npackage p\n"));
  // After the package clause a //go:build line is just a comment.
  EXPECT_TRUE(c.ShouldBuild("package p\n//go:build windows\n"));
  // +build lines count only without //go:build, and only before a blank line.
  EXPECT_FALSE(c.ShouldBuild("// +build windows plan9\n\npackage p\n"));
  EXPECT_TRUE(c.ShouldBuild("// +build windows linux,amd64\n\npackage p\n"));
  EXPECT_TRUE(c.ShouldBuild("// +build windows\npackage p\n"));
  EXPECT_TRUE(c.ShouldBuild("//go:build linux\n// +build windows\n\npackage p\n"));
  std::string err;
  EXPECT_FALSE(c.ShouldBuild("//go:build linux &&\n\npackage p\n", &err));
  EXPECT_FALSE(err.empty());
  err.clear();
  EXPECT_FALSE(c.ShouldBuild("//go:build linux\n//go:build amd64\n\npackage p\n", &err));
  EXPECT_EQ(err, "multiple //go:build comments");
}

TEST(ReadGoInfo, ImportsAndName) {
  GoFileInfo i = ReadGoInfo(
      "// doc\npackage foo // x\n\nimport \"a\"\nimport (\n\tb \"b/c\"\n\t. `d`\n\t_ \"C\"\n)\n"
      "import \"e\"; func f() {}\nimport \"nope\"\n");
  ASSERT_TRUE(i.ok);
  EXPECT_EQ(i.package_name, "foo");
  EXPECT_EQ(i.imports, (std::vector<std::string>{"a", "b/c", "d", "C", "e"}));
  EXPECT_FALSE(ReadGoInfo("func f() {}").ok);
}

TEST(ModFile, Parse) {
  ModFile mf;
  std::string err;
  ASSERT_TRUE(ParseModFile(R"(// comment
module "example.com/m" // trailing

go 1.22.3
toolchain go1.27.4

require example.com/a v1.0.0
require (
	example.com/b v0.1.0 // indirect
	example.com/C v1.2.0
)

replace example.com/a => ./a
replace (
	example.com/b v0.1.0 => ../b
	example.com/C => example.com/c v1.3.0
)
exclude example.com/x v1.0.0
)",
                           "go.mod", &mf, &err))
      << err;
  EXPECT_EQ(mf.module_path, "example.com/m");
  EXPECT_EQ(mf.go_version, "1.22.3");
  EXPECT_EQ(mf.LanguageVersion(), "go1.22");
  ASSERT_EQ(mf.require.size(), 3u);
  EXPECT_EQ(mf.require[2].path, "example.com/C");
  ASSERT_EQ(mf.replaces.size(), 3u);
  EXPECT_TRUE(mf.replaces[0].IsLocal());
  EXPECT_EQ(mf.replaces[1].old_version, "v0.1.0");
  EXPECT_EQ(mf.replaces[1].new_path, "../b");
  EXPECT_FALSE(mf.replaces[2].IsLocal());
  EXPECT_EQ(mf.replaces[2].new_version, "v1.3.0");
  EXPECT_EQ(EscapeModulePath("example.com/BigCo"), "example.com/!big!co");

  ModFile bad1, bad2, bad3;
  EXPECT_FALSE(ParseModFile("module a\nrequire (\n", "go.mod", &bad1, &err));
  EXPECT_FALSE(ParseModFile("go 1.21\n", "go.mod", &bad2, &err));
  EXPECT_FALSE(ParseModFile("module a\nreplace b => c\n", "go.mod", &bad3, &err));
  EXPECT_NE(err.find("go.mod:2:"), std::string::npos) << err;
  ModFile old;
  ASSERT_TRUE(ParseModFile("module a\n", "go.mod", &old, &err));
  EXPECT_EQ(old.LanguageVersion(), "go1.16");
}

TEST(Patterns, MatchImportPattern) {
  EXPECT_TRUE(MatchImportPattern("net/...", "net"));
  EXPECT_TRUE(MatchImportPattern("net/...", "net/http"));
  EXPECT_FALSE(MatchImportPattern("net/...", "netip"));
  EXPECT_TRUE(MatchImportPattern("net...", "netip"));
  EXPECT_FALSE(MatchImportPattern("...", "vendor/golang.org/x/net/idna"));
  EXPECT_TRUE(MatchImportPattern("vendor/...", "vendor/golang.org/x/net/idna"));
  EXPECT_TRUE(MatchImportPattern("a/.../c", "a/b/x/c"));
  EXPECT_TRUE(IsStandardImportPath("net/http"));
  EXPECT_FALSE(IsStandardImportPath("example.com/m"));
}

}  // namespace
}  // namespace escapist::types
