// syntax/scanner.h -- the Go tokenizer, mirroring gc's scanner.go and source.go: automatic
// semicolons, byte columns from 1, and gc's lexical error texts and positions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "syntax/token.h"

namespace escapist::syntax {

// Receives what the scanner reports besides tokens: lexical errors and (depending on the mode)
// comments. Mirrors the error handler gc's scanner calls with (line, col, msg).
class ScannerHandler {
 public:
  virtual ~ScannerHandler() = default;
  // A lexical error at (line, col), both from 1; `msg` is gc's text ("invalid character ...").
  virtual void ScanError(uint32_t line, uint32_t col, std::string msg) = 0;
  // A comment (mode kComments) or a `//go:`, `//line ` or `/*line ` directive (mode kDirectives):
  // `text` is the whole comment including `//` or `/* */` (no final newline), (line, col) is
  // where it starts. Scanner::blank tells whether the line is blank before the comment.
  virtual void Comment(uint32_t line, uint32_t col, std::string_view text) {}
};

// Reports whether `r` is a letter / decimal digit / printable rune as Go's unicode package (and
// strconv.IsPrint) define them.
bool IsUnicodeLetter(int32_t r);
bool IsUnicodeDigit(int32_t r);
bool IsUnicodePrint(int32_t r);

// Formats `r` as Go's fmt `%#U` does ("U+0040 '@'") and `%q` of a rune does ("'\n'").
std::string FormatRuneU(int32_t r);
std::string QuoteRune(int32_t r);

// Appends the UTF-8 encoding of `r` to `out` (U+FFFD for invalid runes), like utf8.AppendRune.
void AppendUtf8(std::string* out, int32_t r);

// Decodes one rune from `s` as utf8.DecodeRune does: returns the rune and sets `*width`; an
// invalid or truncated encoding yields U+FFFD with width 1 (0 for empty input).
int32_t DecodeUtf8(const char* s, size_t n, int* width);

// The tokenizer. After Init, each Next() reads one token into the public fields. The source
// must outlive the scanner: `lit` points into it.
class Scanner {
 public:
  enum Mode : unsigned {
    kComments = 1,    // report all comments
    kDirectives = 2,  // report only //go:, //line and /*line comments
  };

  // Mirrors scanner.init / source.init.
  void Init(std::string_view src, ScannerHandler* handler, unsigned mode);

  // Reads the next token (gc's scanner.next).
  void Next();

  // Makes every later Next() return EOF (used by the parser to bail out).
  void StopAtEOF();

  // The current token, valid after Next().
  uint32_t line = 0;  // token position, from 1
  uint32_t col = 0;
  bool blank = false;        // the line is blank up to col
  Token tok = Token::kNone;  // kInt..kString for literals (gc's _Literal)
  std::string_view lit;      // kName, literals: source text; kSemi: "semicolon", "newline" or
                             // "EOF"; may be malformed if bad
  bool bad = false;          // literals: a lexical error occurred
  Token op = Token::kNone;   // kOpAssign: the operator; kInc/kDec: kAdd/kSub
  int prec = 0;              // binary operators: OperatorPrecedence(tok); else 0

 private:
  // source.go
  void NextCh();
  void NextChSlow();
  void Error(const std::string& msg);                // at the current character
  void ErrorAt(int offset, const std::string& msg);  // relative to the token start
  std::string_view Segment() const;

  // scanner.go
  void Ident();
  bool AtIdentChar(bool first);
  int Digits(int base, int* invalid);
  void Number(bool seen_point);
  void Rune();
  void StdString();
  void RawString();
  void SetLit(Token kind, bool ok);
  bool Escape(int32_t quote);
  void SkipPlain(char stop1, char stop2);
  void SkipLine();
  void LineComment();
  bool SkipComment();
  void FullComment();

  const char* buf_ = nullptr;
  size_t end_ = 0;      // length of buf_
  size_t r_ = 0;        // read offset: byte after ch_
  size_t b_ = 0;        // start of the current segment (token start)
  uint32_t line0_ = 0;  // position of ch_, from 0
  uint32_t col0_ = 0;
  int32_t ch_ = ' ';     // current character, -1 at EOF
  int chw_ = 0;          // its width in bytes
  bool nlsemi_ = false;  // '\n' and EOF translate to ';'
  bool stopped_ = false;
  unsigned mode_ = 0;
  ScannerHandler* handler_ = nullptr;
};

}  // namespace escapist::syntax
