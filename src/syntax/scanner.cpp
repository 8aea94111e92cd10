// syntax/scanner.cpp -- the Go tokenizer (gc's scanner.go and source.go) and rune helpers.
#include "syntax/scanner.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>

namespace escapist::syntax {

namespace {

struct RuneRange {
  int32_t lo, hi;
};

#include "syntax/unicode_tables.inc"

template <size_t N>
bool InRanges(const RuneRange (&ranges)[N], int32_t r) {
  const RuneRange* it = std::upper_bound(std::begin(ranges), std::end(ranges), r,
                                         [](int32_t v, const RuneRange& rr) { return v < rr.lo; });
  if (it == std::begin(ranges)) return false;
  --it;
  return r <= it->hi;
}

constexpr int32_t kRuneError = 0xFFFD;
constexpr int32_t kMaxRune = 0x10FFFF;

constexpr int32_t Lower(int32_t ch) { return ('a' - 'A') | ch; }
constexpr bool IsLetter(int32_t ch) { return ('a' <= Lower(ch) && Lower(ch) <= 'z') || ch == '_'; }
constexpr bool IsDecimal(int32_t ch) { return '0' <= ch && ch <= '9'; }
// kAsciiIdentByte[c]: c is an ASCII letter, digit or '_' (IsLetter(c) || IsDecimal(c)).
constexpr std::array<bool, 256> kAsciiIdentByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; c++) t[c] = IsLetter(c) || IsDecimal(c);
  return t;
}();
inline bool IsHex(int32_t ch) {
  return ('0' <= ch && ch <= '9') || ('a' <= Lower(ch) && Lower(ch) <= 'f');
}

const char* BaseName(int base) {
  switch (base) {
    case 2:
      return "binary";
    case 8:
      return "octal";
    case 10:
      return "decimal";
    case 16:
      return "hexadecimal";
  }
  return "?";
}

// invalidSep returns the index of the first invalid separator in x, or -1.
int InvalidSep(std::string_view x) {
  int32_t x1 = ' ';  // prefix char, we only care if it's 'x'
  int32_t d = '.';   // digit, one of '_', '0' (a digit), or '.' (anything else)
  size_t i = 0;
  if (x.size() >= 2 && x[0] == '0') {
    x1 = Lower(static_cast<unsigned char>(x[1]));
    if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
      d = '0';
      i = 2;
    }
  }
  for (; i < x.size(); i++) {
    int32_t p = d;
    d = static_cast<unsigned char>(x[i]);
    if (d == '_') {
      if (p != '0') return static_cast<int>(i);
    } else if (IsDecimal(d) || (x1 == 'x' && IsHex(d))) {
      d = '0';
    } else {
      if (p == '_') return static_cast<int>(i) - 1;
      d = '.';
    }
  }
  if (d == '_') return static_cast<int>(x.size()) - 1;
  return -1;
}

// The keyword table: gc's perfect hash over the keyword spellings.
constexpr unsigned KeywordHash(const char* s, size_t n) {
  return ((static_cast<unsigned>(static_cast<unsigned char>(s[0])) << 4 ^
           static_cast<unsigned>(static_cast<unsigned char>(s[1]))) +
          static_cast<unsigned>(n)) &
         63u;
}

struct KeywordTable {
  std::array<Token, 64> tok{};
  std::array<std::string_view, 64> text{};  // spelling of tok[h] (no strlen per identifier)
  KeywordTable() {
    for (int t = static_cast<int>(Token::kBreak); t <= static_cast<int>(Token::kVar); t++) {
      const char* s = TokenString(static_cast<Token>(t));
      unsigned h = KeywordHash(s, std::strlen(s));
      tok[h] = static_cast<Token>(t);
      text[h] = s;
    }
  }
};
const KeywordTable kKeywords;

std::string HexUpper(uint32_t v, int min_digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*X", min_digits, v);
  return buf;
}

}  // namespace

bool IsUnicodeLetter(int32_t r) {
  if (r < 0x80) return ('a' <= Lower(r) && Lower(r) <= 'z');
  return InRanges(kLetterRanges, r);
}

bool IsUnicodeDigit(int32_t r) {
  if (r < 0x80) return IsDecimal(r);
  return InRanges(kDigitRanges, r);
}

bool IsUnicodePrint(int32_t r) {
  if (r < 0x80) return 0x20 <= r && r < 0x7F;
  return InRanges(kPrintRanges, r);
}

void AppendUtf8(std::string* out, int32_t r) {
  if (r < 0 || r > kMaxRune || (0xD800 <= r && r < 0xE000)) r = kRuneError;
  if (r < 0x80) {
    out->push_back(static_cast<char>(r));
  } else if (r < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (r >> 6)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else if (r < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (r >> 12)));
    out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (r >> 18)));
    out->push_back(static_cast<char>(0x80 | ((r >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  }
}

int32_t DecodeUtf8(const char* s, size_t n, int* width) {
  if (n == 0) {
    *width = 0;
    return kRuneError;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(s);
  unsigned c0 = p[0];
  if (c0 < 0x80) {
    *width = 1;
    return static_cast<int32_t>(c0);
  }
  *width = 1;
  auto cont = [&](size_t i, unsigned lo, unsigned hi) { return i < n && p[i] >= lo && p[i] <= hi; };
  if (c0 >= 0xC2 && c0 <= 0xDF) {
    if (!cont(1, 0x80, 0xBF)) return kRuneError;
    *width = 2;
    return static_cast<int32_t>(((c0 & 0x1F) << 6) | (p[1] & 0x3F));
  }
  if (c0 >= 0xE0 && c0 <= 0xEF) {
    unsigned lo = 0x80, hi = 0xBF;
    if (c0 == 0xE0) lo = 0xA0;
    if (c0 == 0xED) hi = 0x9F;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF)) return kRuneError;
    *width = 3;
    return static_cast<int32_t>(((c0 & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
  }
  if (c0 >= 0xF0 && c0 <= 0xF4) {
    unsigned lo = 0x80, hi = 0xBF;
    if (c0 == 0xF0) lo = 0x90;
    if (c0 == 0xF4) hi = 0x8F;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF) || !cont(3, 0x80, 0xBF)) return kRuneError;
    *width = 4;
    return static_cast<int32_t>(((c0 & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) |
                                (p[3] & 0x3F));
  }
  return kRuneError;
}

std::string FormatRuneU(int32_t r) {
  std::string s = "U+" + HexUpper(static_cast<uint32_t>(r), 4);
  if (r >= 0 && r <= kMaxRune && IsUnicodePrint(r)) {
    s += " '";
    AppendUtf8(&s, r);
    s += "'";
  }
  return s;
}

std::string QuoteRune(int32_t r) {
  if (r < 0 || r > kMaxRune || (0xD800 <= r && r < 0xE000)) r = kRuneError;
  std::string s = "'";
  if (r == '\'' || r == '\\') {
    s += '\\';
    s += static_cast<char>(r);
  } else if (IsUnicodePrint(r)) {
    AppendUtf8(&s, r);
  } else {
    char buf[16];
    switch (r) {
      case '\a':
        s += "\\a";
        break;
      case '\b':
        s += "\\b";
        break;
      case '\f':
        s += "\\f";
        break;
      case '\n':
        s += "\\n";
        break;
      case '\r':
        s += "\\r";
        break;
      case '\t':
        s += "\\t";
        break;
      case '\v':
        s += "\\v";
        break;
      default:
        if (r < ' ' || r == 0x7F) {
          std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(r));
        } else if (r < 0x10000) {
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(r));
        } else {
          std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(r));
        }
        s += buf;
    }
  }
  s += "'";
  return s;
}

// ---------------------------------------------------------------------------------------------
// source.go

void Scanner::Init(std::string_view src, ScannerHandler* handler, unsigned mode) {
  buf_ = src.data();
  end_ = src.size();
  r_ = 0;
  b_ = 0;
  line0_ = 0;
  col0_ = 0;
  ch_ = ' ';
  chw_ = 0;
  nlsemi_ = false;
  stopped_ = false;
  mode_ = mode;
  handler_ = handler;
  tok = Token::kNone;
}

void Scanner::Error(const std::string& msg) { handler_->ScanError(line0_ + 1, col0_ + 1, msg); }

void Scanner::ErrorAt(int offset, const std::string& msg) {
  handler_->ScanError(line, col + offset, msg);
}

std::string_view Scanner::Segment() const {
  size_t end = r_ - chw_;
  return std::string_view(buf_ + b_, end - b_);
}

inline void Scanner::NextCh() {
  col0_ += chw_;
  if (ch_ == '\n') {
    line0_++;
    col0_ = 0;
  }
  if (r_ < end_) {
    unsigned char c = static_cast<unsigned char>(buf_[r_]);
    if (c != 0 && c < 0x80) {
      r_++;
      chw_ = 1;
      ch_ = c;
      return;
    }
  }
  NextChSlow();
}

void Scanner::NextChSlow() {
  for (;;) {
    if (r_ >= end_) {
      ch_ = -1;
      chw_ = 0;
      return;
    }
    unsigned char c = static_cast<unsigned char>(buf_[r_]);
    if (c < 0x80) {
      r_++;
      chw_ = 1;
      ch_ = c;
      if (c == 0) {
        Error("invalid NUL character");
        // redo
        col0_ += chw_;
        continue;
      }
      return;
    }
    int w = 0;
    ch_ = DecodeUtf8(buf_ + r_, end_ - r_, &w);
    chw_ = w;
    r_ += w;
    if (ch_ == kRuneError && w == 1) {
      Error("invalid UTF-8 encoding");
      col0_ += chw_;
      continue;
    }
    if (ch_ == 0xFEFF) {  // BOMs are only allowed as the first character in a file
      if (line0_ > 0 || col0_ > 0) Error("invalid BOM in the middle of the file");
      col0_ += chw_;
      continue;
    }
    return;
  }
}

void Scanner::StopAtEOF() { stopped_ = true; }

// ---------------------------------------------------------------------------------------------
// scanner.go

void Scanner::SetLit(Token kind, bool ok) {
  nlsemi_ = true;
  tok = kind;
  lit = Segment();
  bad = !ok;
}

void Scanner::Next() {
  if (stopped_) {
    line = line0_ + 1;
    col = col0_ + 1;
    tok = Token::kEOF;
    lit = "EOF";
    prec = 0;
    return;
  }
  bool nlsemi = nlsemi_;
  nlsemi_ = false;
  prec = 0;

redo:
  // skip white space
  uint32_t start_line = line0_, start_col = col0_;
  while (ch_ == ' ' || ch_ == '\t' || (ch_ == '\n' && !nlsemi) || ch_ == '\r') NextCh();

  // token start
  line = line0_ + 1;
  col = col0_ + 1;
  blank = line0_ > start_line || start_col == 0;
  b_ = r_ - chw_;
  if (IsLetter(ch_) || (ch_ >= 0x80 && AtIdentChar(true))) {
    NextCh();
    Ident();
    return;
  }

  auto assignop = [this](Token t) {
    op = t;
    if (ch_ == '=') {
      NextCh();
      tok = Token::kOpAssign;
      return;
    }
    tok = t;
    prec = OperatorPrecedence(t);
  };
  auto operator_tok = [this](Token t) {
    tok = t;
    op = t;
    prec = OperatorPrecedence(t);
  };

  switch (ch_) {
    case -1:
      if (nlsemi) {
        lit = "EOF";
        tok = Token::kSemi;
        break;
      }
      tok = Token::kEOF;
      break;

    case '\n':
      NextCh();
      lit = "newline";
      tok = Token::kSemi;
      break;

    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
      Number(false);
      break;

    case '"':
      StdString();
      break;

    case '`':
      RawString();
      break;

    case '\'':
      Rune();
      break;

    case '(':
      NextCh();
      tok = Token::kLparen;
      break;

    case '[':
      NextCh();
      tok = Token::kLbrack;
      break;

    case '{':
      NextCh();
      tok = Token::kLbrace;
      break;

    case ',':
      NextCh();
      tok = Token::kComma;
      break;

    case ';':
      NextCh();
      lit = "semicolon";
      tok = Token::kSemi;
      break;

    case ')':
      NextCh();
      nlsemi_ = true;
      tok = Token::kRparen;
      break;

    case ']':
      NextCh();
      nlsemi_ = true;
      tok = Token::kRbrack;
      break;

    case '}':
      NextCh();
      nlsemi_ = true;
      tok = Token::kRbrace;
      break;

    case ':':
      NextCh();
      if (ch_ == '=') {
        NextCh();
        tok = Token::kDefine;
        break;
      }
      tok = Token::kColon;
      break;

    case '.':
      NextCh();
      if (IsDecimal(ch_)) {
        Number(true);
        break;
      }
      if (ch_ == '.') {
        NextCh();
        if (ch_ == '.') {
          NextCh();
          tok = Token::kDotDotDot;
          break;
        }
        // rewind: now ch_ holds the 2nd '.', which we leave unconsumed
        r_ = b_ + 2;
        col0_ = col;  // 0-based column of the 2nd '.'
        line0_ = line - 1;
        ch_ = '.';
        chw_ = 1;
      }
      tok = Token::kDot;
      break;

    case '+':
      NextCh();
      op = Token::kAdd;
      if (ch_ != '+') {
        assignop(Token::kAdd);
        break;
      }
      NextCh();
      nlsemi_ = true;
      tok = Token::kInc;
      break;

    case '-':
      NextCh();
      op = Token::kSub;
      if (ch_ != '-') {
        assignop(Token::kSub);
        break;
      }
      NextCh();
      nlsemi_ = true;
      tok = Token::kDec;
      break;

    case '*':
      NextCh();
      op = Token::kMul;
      if (ch_ == '=') {
        NextCh();
        tok = Token::kOpAssign;
        break;
      }
      tok = Token::kMul;
      prec = OperatorPrecedence(Token::kMul);
      break;

    case '/':
      NextCh();
      if (ch_ == '/') {
        NextCh();
        LineComment();
        goto redo;
      }
      if (ch_ == '*') {
        NextCh();
        FullComment();
        if (line0_ + 1 > line && nlsemi) {
          // A multi-line comment acts like a newline;
          // it translates to a ';' if nlsemi is set.
          lit = "newline";
          tok = Token::kSemi;
          break;
        }
        goto redo;
      }
      assignop(Token::kDiv);
      break;

    case '%':
      NextCh();
      assignop(Token::kRem);
      break;

    case '&':
      NextCh();
      if (ch_ == '&') {
        NextCh();
        operator_tok(Token::kAndAnd);
        break;
      }
      if (ch_ == '^') {
        NextCh();
        assignop(Token::kAndNot);
        break;
      }
      assignop(Token::kAnd);
      break;

    case '|':
      NextCh();
      if (ch_ == '|') {
        NextCh();
        operator_tok(Token::kOrOr);
        break;
      }
      assignop(Token::kOr);
      break;

    case '^':
      NextCh();
      assignop(Token::kXor);
      break;

    case '<':
      NextCh();
      if (ch_ == '=') {
        NextCh();
        operator_tok(Token::kLeq);
        break;
      }
      if (ch_ == '<') {
        NextCh();
        assignop(Token::kShl);
        break;
      }
      if (ch_ == '-') {
        NextCh();
        tok = Token::kArrow;
        break;
      }
      operator_tok(Token::kLss);
      break;

    case '>':
      NextCh();
      if (ch_ == '=') {
        NextCh();
        operator_tok(Token::kGeq);
        break;
      }
      if (ch_ == '>') {
        NextCh();
        assignop(Token::kShr);
        break;
      }
      operator_tok(Token::kGtr);
      break;

    case '=':
      NextCh();
      if (ch_ == '=') {
        NextCh();
        operator_tok(Token::kEql);
        break;
      }
      tok = Token::kAssign;
      break;

    case '!':
      NextCh();
      if (ch_ == '=') {
        NextCh();
        operator_tok(Token::kNeq);
        break;
      }
      operator_tok(Token::kNot);
      break;

    case '~':
      NextCh();
      operator_tok(Token::kTilde);
      break;

    default:
      Error("invalid character " + FormatRuneU(ch_));
      NextCh();
      goto redo;
  }
}

void Scanner::Ident() {
  // accelerate common case (7bit ASCII): ch_ and the bytes after it that are ASCII letters or
  // digits are skipped in the buffer directly (no newline among them: only the column moves),
  // then NextCh steps onto the first other character.
  if (IsLetter(ch_) || IsDecimal(ch_)) {
    size_t i = r_;
    while (i < end_ && kAsciiIdentByte[static_cast<unsigned char>(buf_[i])]) i++;
    col0_ += static_cast<uint32_t>(i - r_);
    r_ = i;
    NextCh();
  }

  // general case
  if (ch_ >= 0x80) {
    while (AtIdentChar(false)) NextCh();
  }

  // possibly a keyword
  std::string_view s = Segment();
  if (s.size() >= 2) {
    unsigned h = KeywordHash(s.data(), s.size());
    Token t = kKeywords.tok[h];
    if (t != Token::kNone && s == kKeywords.text[h]) {
      nlsemi_ = t == Token::kBreak || t == Token::kContinue || t == Token::kFallthrough ||
                t == Token::kReturn;
      tok = t;
      return;
    }
  }

  nlsemi_ = true;
  lit = s;
  tok = Token::kName;
}

bool Scanner::AtIdentChar(bool first) {
  if (IsUnicodeLetter(ch_) || ch_ == '_') {
    // ok
  } else if (IsUnicodeDigit(ch_)) {
    if (first) Error("identifier cannot begin with digit " + FormatRuneU(ch_));
  } else if (ch_ >= 0x80) {
    Error("invalid character " + FormatRuneU(ch_) + " in identifier");
  } else {
    return false;
  }
  return true;
}

int Scanner::Digits(int base, int* invalid) {
  int digsep = 0;
  if (base <= 10) {
    int32_t max = '0' + base;
    while (IsDecimal(ch_) || ch_ == '_') {
      int ds = 1;
      if (ch_ == '_') {
        ds = 2;
      } else if (ch_ >= max && *invalid < 0) {
        *invalid = static_cast<int>(col0_ + 1 - col);  // record invalid rune index
      }
      digsep |= ds;
      NextCh();
    }
  } else {
    while (IsHex(ch_) || ch_ == '_') {
      int ds = 1;
      if (ch_ == '_') ds = 2;
      digsep |= ds;
      NextCh();
    }
  }
  return digsep;
}

void Scanner::Number(bool seen_point) {
  bool ok = true;
  Token kind = Token::kInt;
  int base = 10;       // number base
  int32_t prefix = 0;  // one of 0 (decimal), '0' (0-octal), 'x', 'o', or 'b'
  int digsep = 0;      // bit 0: digit present, bit 1: '_' present
  int invalid = -1;    // index of invalid digit in literal, or < 0

  // integer part
  if (!seen_point) {
    if (ch_ == '0') {
      NextCh();
      switch (Lower(ch_)) {
        case 'x':
          NextCh();
          base = 16;
          prefix = 'x';
          break;
        case 'o':
          NextCh();
          base = 8;
          prefix = 'o';
          break;
        case 'b':
          NextCh();
          base = 2;
          prefix = 'b';
          break;
        default:
          base = 8;
          prefix = '0';
          digsep = 1;  // leading 0
      }
    }
    digsep |= Digits(base, &invalid);
    if (ch_ == '.') {
      if (prefix == 'o' || prefix == 'b') {
        Error(std::string("invalid radix point in ") + BaseName(base) + " literal");
        ok = false;
      }
      NextCh();
      seen_point = true;
    }
  }

  // fractional part
  if (seen_point) {
    kind = Token::kFloat;
    digsep |= Digits(base, &invalid);
  }

  if ((digsep & 1) == 0 && ok) {
    Error(std::string(BaseName(base)) + " literal has no digits");
    ok = false;
  }

  // exponent
  int32_t e = Lower(ch_);
  if (e == 'e' || e == 'p') {
    if (ok) {
      if (e == 'e' && prefix != 0 && prefix != '0') {
        Error(QuoteRune(ch_) + " exponent requires decimal mantissa");
        ok = false;
      } else if (e == 'p' && prefix != 'x') {
        Error(QuoteRune(ch_) + " exponent requires hexadecimal mantissa");
        ok = false;
      }
    }
    NextCh();
    kind = Token::kFloat;
    if (ch_ == '+' || ch_ == '-') NextCh();
    int unused = -1;
    digsep = Digits(10, &unused) | (digsep & 2);  // don't lose sep bit
    if ((digsep & 1) == 0 && ok) {
      Error("exponent has no digits");
      ok = false;
    }
  } else if (prefix == 'x' && kind == Token::kFloat && ok) {
    Error("hexadecimal mantissa requires a 'p' exponent");
    ok = false;
  }

  // suffix 'i'
  if (ch_ == 'i') {
    kind = Token::kImag;
    NextCh();
  }

  SetLit(kind, ok);  // do this now so we can use lit below

  if (kind == Token::kInt && invalid >= 0 && ok) {
    ErrorAt(invalid, "invalid digit " + QuoteRune(static_cast<unsigned char>(lit[invalid])) +
                         " in " + BaseName(base) + " literal");
    ok = false;
  }

  if ((digsep & 2) != 0 && ok) {
    int i = InvalidSep(lit);
    if (i >= 0) {
      ErrorAt(i, "'_' must separate successive digits");
      ok = false;
    }
  }

  bad = !ok;  // correct bad
}

void Scanner::Rune() {
  bool ok = true;
  NextCh();

  for (int n = 0;; n++) {
    if (ch_ == '\'') {
      if (ok) {
        if (n == 0) {
          Error("empty rune literal or unescaped '");
          ok = false;
        } else if (n != 1) {
          ErrorAt(0, "more than one character in rune literal");
          ok = false;
        }
      }
      NextCh();
      break;
    }
    if (ch_ == '\\') {
      NextCh();
      if (!Escape('\'')) ok = false;
      continue;
    }
    if (ch_ == '\n') {
      if (ok) {
        Error("newline in rune literal");
        ok = false;
      }
      break;
    }
    if (ch_ < 0) {
      if (ok) {
        ErrorAt(0, "rune literal not terminated");
        ok = false;
      }
      break;
    }
    NextCh();
  }

  SetLit(Token::kChar, ok);
}

void Scanner::StdString() {
  bool ok = true;
  NextCh();

  for (;;) {
    if (ch_ == '"') {
      NextCh();
      break;
    }
    if (ch_ == '\\') {
      NextCh();
      if (!Escape('"')) ok = false;
      continue;
    }
    if (ch_ == '\n') {
      Error("newline in string");
      ok = false;
      break;
    }
    if (ch_ < 0) {
      ErrorAt(0, "string not terminated");
      ok = false;
      break;
    }
    if (ch_ > 0 && ch_ < 0x80) SkipPlain('"', '\\');
    NextCh();
  }

  SetLit(Token::kString, ok);
}

void Scanner::RawString() {
  bool ok = true;
  NextCh();

  for (;;) {
    if (ch_ == '`') {
      NextCh();
      break;
    }
    if (ch_ < 0) {
      ErrorAt(0, "string not terminated");
      ok = false;
      break;
    }
    NextCh();
  }
  // We leave CRs in the string since they are part of the
  // literal (even though they are not part of the literal
  // value).

  SetLit(Token::kString, ok);
}

// Advances over plain bytes: while the bytes after ch_ are ASCII and not NUL, '\n' or one of
// the stop bytes, moves ch_ to the last of them (as repeated NextCh calls would) so that the
// next NextCh reads the first byte that needs attention. ch_ must be a plain ASCII byte.
inline void Scanner::SkipPlain(char stop1, char stop2) {
  size_t j = r_;
  while (j < end_) {
    unsigned char c = static_cast<unsigned char>(buf_[j]);
    if (c == '\n' || c == 0 || c >= 0x80 || c == static_cast<unsigned char>(stop1) ||
        c == static_cast<unsigned char>(stop2)) {
      break;
    }
    j++;
  }
  if (j > r_) {
    col0_ += static_cast<uint32_t>(j - r_);
    ch_ = static_cast<unsigned char>(buf_[j - 1]);
    r_ = j;
  }
}

void Scanner::SkipLine() {
  // don't consume '\n' - needed for nlsemi logic
  while (ch_ >= 0 && ch_ != '\n') {
    if (ch_ > 0 && ch_ < 0x80) SkipPlain('\n', '\n');
    NextCh();
  }
}

void Scanner::LineComment() {
  // opening has already been consumed

  if (mode_ & kComments) {
    SkipLine();
    handler_->Comment(line, col, Segment());
    return;
  }

  // are we saving directives? or is this definitely not a directive?
  if ((mode_ & kDirectives) == 0 || (ch_ != 'g' && ch_ != 'l')) {
    SkipLine();
    return;
  }

  // recognize go: or line directives
  const char* prefix = ch_ == 'l' ? "line " : "go:";
  for (const char* m = prefix; *m; m++) {
    if (ch_ != *m) {
      SkipLine();
      return;
    }
    NextCh();
  }

  // directive text
  SkipLine();
  handler_->Comment(line, col, Segment());
}

bool Scanner::SkipComment() {
  while (ch_ >= 0) {
    while (ch_ == '*') {
      NextCh();
      if (ch_ == '/') {
        NextCh();
        return true;
      }
    }
    if (ch_ > 0 && ch_ < 0x80 && ch_ != '\n') SkipPlain('*', '*');
    NextCh();
  }
  ErrorAt(0, "comment not terminated");
  return false;
}

void Scanner::FullComment() {
  /* opening has already been consumed */

  if (mode_ & kComments) {
    if (SkipComment()) handler_->Comment(line, col, Segment());
    return;
  }

  if ((mode_ & kDirectives) == 0 || ch_ != 'l') {
    SkipComment();
    return;
  }

  // recognize line directive
  for (const char* m = "line "; *m; m++) {
    if (ch_ != *m) {
      SkipComment();
      return;
    }
    NextCh();
  }

  // directive text
  if (SkipComment()) handler_->Comment(line, col, Segment());
}

bool Scanner::Escape(int32_t quote) {
  int n;
  uint32_t base, max;

  switch (ch_) {
    case 'a':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
    case 'v':
    case '\\':
      NextCh();
      return true;
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
      n = 3;
      base = 8;
      max = 255;
      break;
    case 'x':
      NextCh();
      n = 2;
      base = 16;
      max = 255;
      break;
    case 'u':
      NextCh();
      n = 4;
      base = 16;
      max = kMaxRune;
      break;
    case 'U':
      NextCh();
      n = 8;
      base = 16;
      max = kMaxRune;
      break;
    default:
      if (ch_ == quote) {
        NextCh();
        return true;
      }
      if (ch_ < 0) return true;  // complain in caller about EOF
      Error("unknown escape");
      return false;
  }

  uint32_t x = 0;
  for (int i = n; i > 0; i--) {
    if (ch_ < 0) return true;  // complain in caller about EOF
    uint32_t d = base;
    if (IsDecimal(ch_)) {
      d = static_cast<uint32_t>(ch_ - '0');
    } else if ('a' <= Lower(ch_) && Lower(ch_) <= 'f') {
      d = static_cast<uint32_t>(Lower(ch_) - 'a' + 10);
    }
    if (d >= base) {
      Error("invalid character " + QuoteRune(ch_) + " in " + BaseName(static_cast<int>(base)) +
            " escape");
      return false;
    }
    // d < base
    x = x * base + d;
    NextCh();
  }

  if (x > max && base == 8) {
    Error("octal escape value " + std::to_string(x) + " > 255");
    return false;
  }

  if (x > max || (0xD800 <= x && x < 0xE000)) {  // surrogate range
    Error("escape is invalid Unicode code point " + FormatRuneU(static_cast<int32_t>(x)));
    return false;
  }

  return true;
}

}  // namespace escapist::syntax
