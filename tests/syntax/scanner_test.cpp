// tests/syntax/scanner_test.cpp -- unit tests of the scanner: tokens, automatic semicolons,
// positions (byte columns) and gc's lexical error texts.
#include "syntax/scanner.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace escapist::syntax {
namespace {

struct Tok {
  Token tok;
  std::string lit;
  uint32_t line, col;
};

class Collect : public ScannerHandler {
 public:
  void ScanError(uint32_t line, uint32_t col, std::string msg) override {
    errors.push_back(std::to_string(line) + ":" + std::to_string(col) + ": " + msg);
  }
  void Comment(uint32_t line, uint32_t col, std::string_view text) override {
    comments.push_back(std::to_string(line) + ":" + std::to_string(col) + ": " + std::string(text));
  }
  std::vector<std::string> errors;
  std::vector<std::string> comments;
};

std::vector<Tok> Scan(const std::string& src, Collect* c, unsigned mode = 0) {
  Scanner s;
  s.Init(src, c, mode);
  std::vector<Tok> out;
  for (int i = 0; i < 1000; i++) {
    s.Next();
    std::string lit;
    if (s.tok == Token::kName || s.tok == Token::kSemi || s.tok == Token::kInt ||
        s.tok == Token::kFloat || s.tok == Token::kImag || s.tok == Token::kChar ||
        s.tok == Token::kString) {
      lit = std::string(s.lit);
    } else if (s.tok == Token::kOpAssign) {
      lit = std::string(TokenString(s.op)) + "=";
    }
    out.push_back({s.tok, lit, s.line, s.col});
    if (s.tok == Token::kEOF) break;
  }
  return out;
}

std::vector<std::string> Errors(const std::string& src) {
  Collect c;
  Scan(src, &c);
  return c.errors;
}

TEST(ScannerTest, TokensAndAutomaticSemicolons) {
  Collect c;
  auto toks = Scan("x := a[1] + f(2.5)\nreturn\n}", &c);
  std::vector<Token> kinds;
  for (const Tok& t : toks) kinds.push_back(t.tok);
  EXPECT_EQ(kinds, (std::vector<Token>{Token::kName, Token::kDefine, Token::kName, Token::kLbrack,
                                       Token::kInt, Token::kRbrack, Token::kAdd, Token::kName,
                                       Token::kLparen, Token::kFloat, Token::kRparen, Token::kSemi,
                                       Token::kReturn, Token::kSemi, Token::kRbrace, Token::kSemi,
                                       Token::kEOF}));
  EXPECT_EQ(toks[11].lit, "newline");
  EXPECT_EQ(toks[15].lit, "EOF");
  EXPECT_EQ(toks[11].line, 1u);
  EXPECT_EQ(toks[11].col, 19u);
  EXPECT_TRUE(c.errors.empty());
}

TEST(ScannerTest, NoSemicolonAfterOperators) {
  Collect c;
  auto toks = Scan("a +\nb", &c);
  ASSERT_EQ(toks.size(), 5u);
  EXPECT_EQ(toks[2].tok, Token::kName);
  EXPECT_EQ(toks[2].line, 2u);
  EXPECT_EQ(toks[3].lit, "EOF");
}

TEST(ScannerTest, Operators) {
  Collect c;
  auto toks = Scan("a &^= b <<= c ... d .. e++ <-f ~g &&h ||i != j", &c);
  std::vector<std::string> got;
  for (const Tok& t : toks) {
    got.push_back(t.tok == Token::kOpAssign ? t.lit : TokenString(t.tok));
  }
  EXPECT_EQ(got,
            (std::vector<std::string>{"name", "&^=",  "name", "<<=", "name", "...", "name", ".",
                                      ".",    "name", "++",   "<-",  "name", "~",   "name", "&&",
                                      "name", "||",   "name", "!=",  "name", ";",   "EOF"}));
}

TEST(ScannerTest, ByteColumns) {
  Collect c;
  // 'é' is two bytes; a tab is one column.
  auto toks = Scan("\t\"é\" x", &c);
  EXPECT_EQ(toks[0].col, 2u);
  EXPECT_EQ(toks[1].col, 7u);
}

TEST(ScannerTest, BomAtStartCountsInColumns) {
  Collect c;
  auto toks = Scan("\xEF\xBB\xBFpackage p", &c);
  EXPECT_EQ(toks[0].tok, Token::kPackage);
  EXPECT_EQ(toks[0].col, 4u);  // gc counts the BOM's bytes
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(Errors("x \xEF\xBB\xBF"),
            (std::vector<std::string>{"1:3: invalid BOM in the middle of the file"}));
}

TEST(ScannerTest, MultiLineCommentActsAsNewline) {
  Collect c;
  auto toks = Scan("x /* a\nb */ y", &c);
  ASSERT_GE(toks.size(), 3u);
  EXPECT_EQ(toks[1].tok, Token::kSemi);
  EXPECT_EQ(toks[1].lit, "newline");
  EXPECT_EQ(toks[1].col, 3u);
  auto toks2 = Scan("x /* a */ y", &c);
  EXPECT_EQ(toks2[1].tok, Token::kName);
}

TEST(ScannerTest, Literals) {
  Collect c;
  auto toks = Scan("0x1p-2 0o17 0b101 1_000 .5e3 1i 'a' '\\u00e9' `raw\nstr` \"s\\n\"", &c);
  EXPECT_EQ(toks[0].tok, Token::kFloat);
  EXPECT_EQ(toks[1].tok, Token::kInt);
  EXPECT_EQ(toks[2].tok, Token::kInt);
  EXPECT_EQ(toks[3].tok, Token::kInt);
  EXPECT_EQ(toks[4].tok, Token::kFloat);
  EXPECT_EQ(toks[5].tok, Token::kImag);
  EXPECT_EQ(toks[6].tok, Token::kChar);
  EXPECT_EQ(toks[7].tok, Token::kChar);
  EXPECT_EQ(toks[8].tok, Token::kString);
  EXPECT_EQ(toks[8].lit, "`raw\nstr`");
  EXPECT_EQ(toks[9].lit, "\"s\\n\"");
  EXPECT_TRUE(c.errors.empty()) << c.errors[0];
}

TEST(ScannerTest, LexicalErrors) {
  EXPECT_EQ(Errors("a # b"), (std::vector<std::string>{"1:3: invalid character U+0023 '#'"}));
  EXPECT_EQ(Errors("x := 0128"),
            (std::vector<std::string>{"1:9: invalid digit '8' in octal literal"}));
  EXPECT_EQ(Errors("1__0"), (std::vector<std::string>{"1:3: '_' must separate successive digits"}));
  EXPECT_EQ(Errors("0x"), (std::vector<std::string>{"1:3: hexadecimal literal has no digits"}));
  EXPECT_EQ(Errors("0x1.0"),
            (std::vector<std::string>{"1:6: hexadecimal mantissa requires a 'p' exponent"}));
  EXPECT_EQ(Errors("1e"), (std::vector<std::string>{"1:3: exponent has no digits"}));
  EXPECT_EQ(Errors("\"abc\nx"), (std::vector<std::string>{"1:5: newline in string"}));
  EXPECT_EQ(Errors("\"abc"), (std::vector<std::string>{"1:1: string not terminated"}));
  EXPECT_EQ(Errors("`abc"), (std::vector<std::string>{"1:1: string not terminated"}));
  EXPECT_EQ(Errors("'ab'"),
            (std::vector<std::string>{"1:1: more than one character in rune literal"}));
  EXPECT_EQ(Errors("''"), (std::vector<std::string>{"1:2: empty rune literal or unescaped '"}));
  EXPECT_EQ(Errors("'a"), (std::vector<std::string>{"1:1: rune literal not terminated"}));
  EXPECT_EQ(Errors("/* x"), (std::vector<std::string>{"1:1: comment not terminated"}));
  EXPECT_EQ(Errors("\"\\q\""), (std::vector<std::string>{"1:3: unknown escape"}));
  EXPECT_EQ(Errors("\"\\400\""), (std::vector<std::string>{"1:6: octal escape value 256 > 255"}));
  EXPECT_EQ(Errors("\"\\uD800\""),
            (std::vector<std::string>{"1:8: escape is invalid Unicode code point U+D800"}));
  EXPECT_EQ(Errors("\"\\xZZ\""),
            (std::vector<std::string>{"1:4: invalid character 'Z' in hexadecimal escape"}));
  EXPECT_EQ(Errors(std::string("a\0", 2)),
            (std::vector<std::string>{"1:2: invalid NUL character"}));
  EXPECT_EQ(Errors("a \xff b"), (std::vector<std::string>{"1:3: invalid UTF-8 encoding"}));
  EXPECT_EQ(Errors("x\xc2\xb7y"),
            (std::vector<std::string>{"1:2: invalid character U+00B7 '\xc2\xb7' in identifier"}));
  EXPECT_EQ(
      Errors("\xd9\xa1"),
      (std::vector<std::string>{"1:1: identifier cannot begin with digit U+0661 '\xd9\xa1'"}));
}

TEST(ScannerTest, UnicodeIdentifiers) {
  Collect c;
  auto toks = Scan("日本語 := αβ", &c);
  EXPECT_EQ(toks[0].tok, Token::kName);
  EXPECT_EQ(toks[0].lit, "日本語");
  EXPECT_EQ(toks[1].col, 11u);
  EXPECT_TRUE(c.errors.empty());
}

TEST(ScannerTest, Directives) {
  Collect c;
  Scan("//go:noinline\nx // plain\n//line foo.go:10\n/*line bar.go:1*/ y", &c,
       Scanner::kDirectives);
  EXPECT_EQ(c.comments, (std::vector<std::string>{"1:1: //go:noinline", "3:1: //line foo.go:10",
                                                  "4:1: /*line bar.go:1*/"}));
}

TEST(ScannerTest, FormatRunes) {
  EXPECT_EQ(FormatRuneU('@'), "U+0040 '@'");
  EXPECT_EQ(FormatRuneU(0x7F), "U+007F");
  EXPECT_EQ(FormatRuneU(0x1F600), "U+1F600 '\xF0\x9F\x98\x80'");
  EXPECT_EQ(QuoteRune('\n'), "'\\n'");
  EXPECT_EQ(QuoteRune('\''), "'\\''");
  EXPECT_EQ(QuoteRune(1), "'\\x01'");
  EXPECT_EQ(QuoteRune(0x200B), "'\\u200b'");
  EXPECT_EQ(QuoteRune('"'), "'\"'");
}

}  // namespace
}  // namespace escapist::syntax
