// types/constant.cpp -- exact constant values and their operations (go/constant): literals,
// arithmetic, shifts, comparisons, conversions, rounding, and go/constant's string forms. All
// numbers are GMP rationals; huge values are rounded to 512 mantissa bits as go/constant does,
// and values past an exponent bound become unknown (an overflow) instead of growing forever.
#include <mpfr.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "syntax/parse.h"
#include "types/checker.h"

namespace escapist::types::constant {

namespace {

using Kind = Constant::Kind;

constexpr size_t kMaxExactBits = 4096;        // go/constant maxExp: beyond, use 512-bit floats
constexpr size_t kMaxBits = size_t{1} << 24;  // beyond this, a value counts as overflowed
constexpr mpfr_prec_t kFloatPrec = 512;

size_t Bits(const mpz_class& z) { return z == 0 ? 0 : mpz_sizeinbase(z.get_mpz_t(), 2); }

// Sets q to the value of an MPFR number (finite).
void FromMpfr(mpfr_t f, mpq_class* q) {
  if (mpfr_zero_p(f)) {
    *q = 0;
    return;
  }
  mpz_class m;
  mpfr_exp_t e = mpfr_get_z_2exp(m.get_mpz_t(), f);
  mpq_class r(m);
  if (e > 0) {
    mpq_mul_2exp(r.get_mpq_t(), r.get_mpq_t(), static_cast<mp_bitcnt_t>(e));
  } else if (e < 0) {
    mpq_div_2exp(r.get_mpq_t(), r.get_mpq_t(), static_cast<mp_bitcnt_t>(-e));
  }
  *q = r;
}

// Rounds q to 512 mantissa bits when it is too large to keep exactly. Returns false if the
// value is out of any reasonable range.
bool Bound(mpq_class* q) {
  size_t nb = Bits(q->get_num()), db = Bits(q->get_den());
  if (nb <= kMaxExactBits && db <= kMaxExactBits) return true;
  if (nb > kMaxBits + kMaxExactBits || db > kMaxBits + kMaxExactBits) {
    // Too large or too small: tiny values flush to zero like an underflow; huge ones overflow.
    if (nb < db) {
      *q = 0;
      return true;
    }
    return false;
  }
  mpfr_t f;
  mpfr_init2(f, kFloatPrec);
  mpfr_set_q(f, q->get_mpq_t(), MPFR_RNDN);
  FromMpfr(f, q);
  mpfr_clear(f);
  nb = Bits(q->get_num());
  db = Bits(q->get_den());
  return nb <= kMaxBits && db <= kMaxBits + kMaxExactBits;
}

Constant Num(Kind k, const mpq_class& re, const mpq_class& im = 0) {
  Constant c;
  c.kind = k;
  c.re = re;
  c.im = im;
  if (k == Kind::kFloat || k == Kind::kComplex) {
    if (!Bound(&c.re) || !Bound(&c.im)) return MakeUnknown();
  } else if (k == Kind::kInt) {
    if (Bits(c.re.get_num()) > kMaxBits) return MakeUnknown();
  }
  return c;
}

int Rank(Kind k) {
  switch (k) {
    case Kind::kInt: return 1;
    case Kind::kFloat: return 2;
    case Kind::kComplex: return 3;
    default: return 0;
  }
}

// Brings numeric x and y to the same kind (go/constant match).
void Match(Constant* x, Constant* y) {
  int rx = Rank(x->kind), ry = Rank(y->kind);
  if (rx == 0 || ry == 0) return;
  if (rx < ry) x->kind = y->kind;
  if (ry < rx) y->kind = x->kind;
}

// Parses digits of `s` in `base` (underscores removed) into z; false if malformed.
bool ParseInt(std::string s, int base, mpz_class* z) {
  std::string t;
  for (char c : s) {
    if (c != '_') t += c;
  }
  if (t.empty()) return false;
  return z->set_str(t, base) == 0;
}

// Parses a Go float literal (decimal or hexadecimal) exactly.
bool ParseFloat(std::string_view lit, mpq_class* out) {
  std::string s;
  for (char c : lit) {
    if (c != '_') s += c;
  }
  bool hex = s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
  size_t i = hex ? 2 : 0;
  std::string mant;
  int64_t frac_digits = 0;
  bool seen_dot = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.') {
      if (seen_dot) return false;
      seen_dot = true;
      continue;
    }
    bool digit = hex ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                     : (c >= '0' && c <= '9');
    if (!digit) break;
    mant += c;
    if (seen_dot) ++frac_digits;
  }
  if (mant.empty()) mant = "0";
  int64_t exp = 0;
  if (i < s.size()) {
    char e = s[i];
    if (hex ? (e != 'p' && e != 'P') : (e != 'e' && e != 'E')) return false;
    ++i;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      neg = s[i] == '-';
      ++i;
    }
    if (i >= s.size()) return false;
    for (; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      if (exp < 100000000) exp = exp * 10 + (s[i] - '0');
    }
    if (neg) exp = -exp;
  }
  mpz_class m;
  if (m.set_str(mant, hex ? 16 : 10) != 0) return false;
  mpq_class q(m);
  if (m == 0) {
    *out = 0;
    return true;
  }
  if (hex) {
    int64_t e2 = exp - 4 * frac_digits;
    if (e2 > static_cast<int64_t>(kMaxBits) || e2 < -static_cast<int64_t>(kMaxBits)) {
      if (e2 < 0) {
        *out = 0;
        return true;
      }
      return false;
    }
    if (e2 > 0) mpq_mul_2exp(q.get_mpq_t(), q.get_mpq_t(), static_cast<mp_bitcnt_t>(e2));
    if (e2 < 0) mpq_div_2exp(q.get_mpq_t(), q.get_mpq_t(), static_cast<mp_bitcnt_t>(-e2));
  } else {
    int64_t e10 = exp - frac_digits;
    // 10^e has about 3.33 e bits.
    if (e10 > static_cast<int64_t>(kMaxBits / 4) || e10 < -static_cast<int64_t>(kMaxBits / 4)) {
      if (e10 < 0) {
        *out = 0;
        return true;
      }
      return false;
    }
    mpz_class p;
    mpz_ui_pow_ui(p.get_mpz_t(), 10, static_cast<unsigned long>(e10 < 0 ? -e10 : e10));
    if (e10 >= 0) {
      q *= p;
    } else {
      q /= p;
    }
  }
  q.canonicalize();
  *out = q;
  return true;
}

// Decodes one UTF-8 rune at s[i]; returns its size (1 with r = 0xFFFD for invalid bytes).
size_t DecodeRune(std::string_view s, size_t i, uint32_t* r) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (c < 0x80) {
    *r = c;
    return 1;
  }
  if (c >= 0xC2 && c < 0xE0 && cont(1)) {
    *r = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c < 0xF0 && cont(1) && cont(2)) {
    uint32_t v = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
      *r = v;
      return 3;
    }
  }
  if (c >= 0xF0 && c < 0xF5 && cont(1) && cont(2) && cont(3)) {
    uint32_t v = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) |
                 (s[i + 3] & 0x3F);
    if (v >= 0x10000 && v <= 0x10FFFF) {
      *r = v;
      return 4;
    }
  }
  *r = 0xFFFD;
  return 1;
}

// Formats a double as Go's %g / %.6g (C's formatting agrees for finite values).
std::string FormatG(double v, int prec) {
  char buf[64];
  if (prec < 0) {
    // Shortest representation that round-trips (Go's %g with no precision).
    for (int p = 1; p <= 17; ++p) {
      std::snprintf(buf, sizeof buf, "%.*g", p, v);
      if (std::strtod(buf, nullptr) == v) break;
    }
  } else {
    std::snprintf(buf, sizeof buf, "%.*g", prec, v);
  }
  return buf;
}

// go/constant's String for a real (float kind) value.
std::string FloatString(const mpq_class& q) {
  double d = mpq_get_d(q.get_mpq_t());
  mpfr_t f;
  mpfr_init2(f, 53);
  mpfr_set_q(f, q.get_mpq_t(), MPFR_RNDN);
  d = mpfr_get_d(f, MPFR_RNDN);
  bool is_int = q.get_den() == 1;
  if ((q == 0) == (d == 0) && !std::isinf(d)) {
    mpfr_clear(f);
    std::string s = FormatG(d, 6);
    if (!is_int && s.find('.') == std::string::npos) s = FormatG(d, -1);
    return s;
  }
  // Out of float64 range: mant * 10**exp.
  mpfr_set_prec(f, 64);
  mpfr_set_q(f, q.get_mpq_t(), MPFR_RNDN);
  long e2 = 0;
  double m = mpfr_get_d_2exp(&e2, f, MPFR_RNDN);  // f = m * 2^e2, 0.5 <= |m| < 1
  mpfr_clear(f);
  double e = static_cast<double>(e2) * 0.30102999566398119521;  // log10(2)
  double ei = std::trunc(e);
  double frac = e - ei;
  m *= std::pow(10.0, frac);
  long long exp10 = static_cast<long long>(ei);
  while (std::fabs(m) >= 10) {
    m /= 10;
    ++exp10;
  }
  while (m != 0 && std::fabs(m) < 1) {
    m *= 10;
    --exp10;
  }
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.6ge%+lld", m, exp10);
  return buf;
}

}  // namespace

Constant MakeUnknown() { return Constant{}; }

Constant MakeBool(bool b) {
  Constant c;
  c.kind = Kind::kBool;
  c.b = b;
  return c;
}

Constant MakeString(std::string s) {
  Constant c;
  c.kind = Kind::kString;
  c.s = std::move(s);
  return c;
}

Constant MakeInt64(int64_t v) {
  Constant c;
  c.kind = Kind::kInt;
  mpz_class z;
  mpz_set_si(z.get_mpz_t(), static_cast<long>(v));
  c.re = z;
  return c;
}

Constant MakeUint64(uint64_t v) {
  Constant c;
  c.kind = Kind::kInt;
  mpz_class z;
  mpz_set_ui(z.get_mpz_t(), static_cast<unsigned long>(v));
  c.re = z;
  return c;
}

Constant MakeInt(const mpz_class& v) { return Num(Kind::kInt, mpq_class(v)); }

Constant MakeRat(const mpq_class& v) { return Num(Kind::kFloat, v); }

Constant MakeFloat64(double v) {
  if (!std::isfinite(v)) return MakeUnknown();
  mpq_class q;
  mpq_set_d(q.get_mpq_t(), v);
  return Num(Kind::kFloat, q);
}

Constant MakeComplex(const Constant& re, const Constant& im) {
  if (re.kind == Kind::kUnknown || im.kind == Kind::kUnknown) return MakeUnknown();
  return Num(Kind::kComplex, re.re, im.re);
}

Constant MakeFromLiteral(std::string_view lit, Token tok) {
  switch (tok) {
    case Token::kInt: {
      std::string s(lit);
      mpz_class z;
      bool ok = false;
      if (s.size() > 1 && s[0] == '0') {
        char p = s[1];
        if (p == 'x' || p == 'X') {
          ok = ParseInt(s.substr(2), 16, &z);
        } else if (p == 'o' || p == 'O') {
          ok = ParseInt(s.substr(2), 8, &z);
        } else if (p == 'b' || p == 'B') {
          ok = ParseInt(s.substr(2), 2, &z);
        } else {
          ok = ParseInt(s.substr(1), 8, &z);
        }
      } else {
        ok = ParseInt(s, 10, &z);
      }
      if (!ok) return MakeUnknown();
      return MakeInt(z);
    }
    case Token::kFloat: {
      mpq_class q;
      if (!ParseFloat(lit, &q)) return MakeUnknown();
      return MakeRat(q);
    }
    case Token::kImag: {
      if (lit.empty() || lit.back() != 'i') return MakeUnknown();
      std::string_view body = lit.substr(0, lit.size() - 1);
      mpq_class q;
      // Legacy: an imaginary literal with a leading 0 and only decimal digits is decimal.
      bool is_int_form = body.find_first_of(".eEpPxX") == std::string_view::npos;
      if (is_int_form) {
        std::string s;
        for (char c : body) {
          if (c != '_') s += c;
        }
        bool prefixed = s.size() > 1 && s[0] == '0' &&
                        (s[1] == 'o' || s[1] == 'O' || s[1] == 'b' || s[1] == 'B');
        mpz_class z;
        if (prefixed) {
          if (!ParseInt(s.substr(2), (s[1] == 'o' || s[1] == 'O') ? 8 : 2, &z)) {
            return MakeUnknown();
          }
        } else if (!ParseInt(s, 10, &z)) {
          return MakeUnknown();
        }
        q = z;
      } else if (!ParseFloat(body, &q)) {
        return MakeUnknown();
      }
      return Num(Kind::kComplex, 0, q);
    }
    case Token::kChar: {
      std::string out;
      if (!syntax::UnquoteLiteral(lit, &out) || out.empty()) {
        // A char literal for an invalid rune may still have a value: decode raw bytes.
        return MakeUnknown();
      }
      uint32_t r = 0;
      size_t n = DecodeRune(out, 0, &r);
      if (n != out.size()) {
        // \xNN escapes produce single bytes: the value is the byte.
        if (out.size() == 1) r = static_cast<unsigned char>(out[0]);
      }
      return MakeInt64(r);
    }
    case Token::kString: {
      std::string out;
      if (!syntax::UnquoteLiteral(lit, &out)) return MakeUnknown();
      return MakeString(std::move(out));
    }
    default:
      return MakeUnknown();
  }
}

bool IsNumeric(const Constant& c) { return Rank(c.kind) > 0; }
bool IsUnknown(const Constant& c) { return c.kind == Kind::kUnknown; }

Constant ToInt(const Constant& c) {
  switch (c.kind) {
    case Kind::kInt: return c;
    case Kind::kFloat:
      if (c.re.get_den() == 1) return Num(Kind::kInt, c.re);
      return MakeUnknown();
    case Kind::kComplex:
      if (c.im == 0 && c.re.get_den() == 1) return Num(Kind::kInt, c.re);
      return MakeUnknown();
    default: return MakeUnknown();
  }
}

Constant ToFloat(const Constant& c) {
  switch (c.kind) {
    case Kind::kInt:
    case Kind::kFloat: return Num(Kind::kFloat, c.re);
    case Kind::kComplex:
      if (c.im == 0) return Num(Kind::kFloat, c.re);
      return MakeUnknown();
    default: return MakeUnknown();
  }
}

Constant ToComplex(const Constant& c) {
  switch (c.kind) {
    case Kind::kInt:
    case Kind::kFloat: return Num(Kind::kComplex, c.re, 0);
    case Kind::kComplex: return c;
    default: return MakeUnknown();
  }
}

Constant Real(const Constant& c) {
  switch (c.kind) {
    case Kind::kInt:
    case Kind::kFloat: return c;
    case Kind::kComplex: return Num(Kind::kFloat, c.re);
    default: return MakeUnknown();
  }
}

Constant Imag(const Constant& c) {
  switch (c.kind) {
    case Kind::kInt: return MakeInt64(0);
    case Kind::kFloat: return Num(Kind::kFloat, 0);
    case Kind::kComplex: return Num(Kind::kFloat, c.im);
    default: return MakeUnknown();
  }
}

int Sign(const Constant& c) {
  switch (c.kind) {
    case Kind::kInt:
    case Kind::kFloat: return sgn(c.re);
    case Kind::kComplex: return (sgn(c.re) != 0 || sgn(c.im) != 0) ? 1 : 0;
    default: return 1;  // unknown: go/constant returns 1
  }
}

bool Int64Val(const Constant& c, int64_t* v) {
  if (c.kind != Kind::kInt || c.re.get_den() != 1) return false;
  const mpz_class& z = c.re.get_num();
  if (!mpz_fits_slong_p(z.get_mpz_t())) return false;
  *v = mpz_get_si(z.get_mpz_t());
  return true;
}

bool Uint64Val(const Constant& c, uint64_t* v) {
  if (c.kind != Kind::kInt || c.re.get_den() != 1) return false;
  const mpz_class& z = c.re.get_num();
  if (sgn(z) < 0 || !mpz_fits_ulong_p(z.get_mpz_t())) return false;
  *v = mpz_get_ui(z.get_mpz_t());
  return true;
}

double Float64Val(const Constant& c) {
  mpfr_t f;
  mpfr_init2(f, 53);
  mpfr_set_q(f, c.re.get_mpq_t(), MPFR_RNDN);
  double d = mpfr_get_d(f, MPFR_RNDN);
  mpfr_clear(f);
  return d;
}

size_t BitLen(const Constant& c) {
  if (c.kind != Kind::kInt) return 0;
  mpz_class z = abs(c.re.get_num());
  return Bits(z);
}

Constant BinaryOp(const Constant& x0, Token op, const Constant& y0, bool int_div) {
  Constant x = x0, y = y0;
  if (x.kind == Kind::kUnknown || y.kind == Kind::kUnknown) return MakeUnknown();
  if (x.kind == Kind::kBool && y.kind == Kind::kBool) {
    if (op == Token::kAndAnd) return MakeBool(x.b && y.b);
    if (op == Token::kOrOr) return MakeBool(x.b || y.b);
    return MakeUnknown();
  }
  if (x.kind == Kind::kString && y.kind == Kind::kString) {
    // Bound constant strings (go/types reports lengths above 2e9; far smaller here so that
    // doubling chains cannot exhaust memory).
    if (op == Token::kAdd && x.s.size() + y.s.size() <= (size_t{1} << 27)) {
      return MakeString(x.s + y.s);
    }
    return MakeUnknown();
  }
  Match(&x, &y);
  if (x.kind != y.kind || Rank(x.kind) == 0) return MakeUnknown();
  switch (x.kind) {
    case Kind::kInt: {
      mpz_class a = x.re.get_num(), b = y.re.get_num(), c;
      switch (op) {
        case Token::kAdd: c = a + b; break;
        case Token::kSub: c = a - b; break;
        case Token::kMul: c = a * b; break;
        case Token::kDiv:
          if (b == 0) return MakeUnknown();
          if (int_div) {
            mpz_tdiv_q(c.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
            break;
          }
          return Num(Kind::kFloat, mpq_class(a, b) /* canonicalized below */);
        case Token::kRem:
          if (b == 0) return MakeUnknown();
          mpz_tdiv_r(c.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
          break;
        case Token::kAnd: c = a & b; break;
        case Token::kOr: c = a | b; break;
        case Token::kXor: c = a ^ b; break;
        case Token::kAndNot: {
          mpz_class nb;
          mpz_com(nb.get_mpz_t(), b.get_mpz_t());
          c = a & nb;
          break;
        }
        default: return MakeUnknown();
      }
      return Num(Kind::kInt, mpq_class(c));
    }
    case Kind::kFloat: {
      mpq_class a = x.re, b = y.re, c;
      switch (op) {
        case Token::kAdd: c = a + b; break;
        case Token::kSub: c = a - b; break;
        case Token::kMul: c = a * b; break;
        case Token::kDiv:
          if (b == 0) return MakeUnknown();
          c = a / b;
          break;
        default: return MakeUnknown();
      }
      return Num(Kind::kFloat, c);
    }
    case Kind::kComplex: {
      mpq_class a = x.re, b = x.im, c = y.re, d = y.im, re, im;
      switch (op) {
        case Token::kAdd: re = a + c; im = b + d; break;
        case Token::kSub: re = a - c; im = b - d; break;
        case Token::kMul: re = a * c - b * d; im = b * c + a * d; break;
        case Token::kDiv: {
          mpq_class s = c * c + d * d;
          if (s == 0) return MakeUnknown();
          re = (a * c + b * d) / s;
          im = (b * c - a * d) / s;
          break;
        }
        default: return MakeUnknown();
      }
      return Num(Kind::kComplex, re, im);
    }
    default: return MakeUnknown();
  }
}

Constant UnaryOp(Token op, const Constant& y, unsigned prec) {
  switch (op) {
    case Token::kAdd:
      if (IsNumeric(y)) return y;
      break;
    case Token::kSub:
      if (IsNumeric(y)) return Num(y.kind, -y.re, -y.im);
      break;
    case Token::kXor:
      if (y.kind == Kind::kInt) {
        mpz_class z;
        mpz_com(z.get_mpz_t(), y.re.get_num().get_mpz_t());
        if (prec > 0) {
          // z & (1<<prec - 1)
          mpz_class mask = 1;
          mask <<= prec;
          mask -= 1;
          z &= mask;
        }
        return Num(Kind::kInt, mpq_class(z));
      }
      break;
    case Token::kNot:
      if (y.kind == Kind::kBool) return MakeBool(!y.b);
      break;
    default: break;
  }
  return MakeUnknown();
}

Constant Shift(const Constant& x, Token op, uint64_t s) {
  if (x.kind != Kind::kInt) return MakeUnknown();
  mpz_class z = x.re.get_num();
  if (op == Token::kShl) {
    if (s > kMaxBits) return MakeUnknown();
    mpz_mul_2exp(z.get_mpz_t(), z.get_mpz_t(), static_cast<mp_bitcnt_t>(s));
  } else {
    if (s > kMaxBits * 2) s = kMaxBits * 2;
    mpz_fdiv_q_2exp(z.get_mpz_t(), z.get_mpz_t(), static_cast<mp_bitcnt_t>(s));
  }
  return Num(Kind::kInt, mpq_class(z));
}

bool Compare(const Constant& x0, Token op, const Constant& y0) {
  Constant x = x0, y = y0;
  if (x.kind == Kind::kUnknown || y.kind == Kind::kUnknown) return false;
  int c = 0;
  bool eq_only = false;
  if (x.kind == Kind::kBool && y.kind == Kind::kBool) {
    c = x.b == y.b ? 0 : 1;
    eq_only = true;
  } else if (x.kind == Kind::kString && y.kind == Kind::kString) {
    c = x.s.compare(y.s);
    c = c < 0 ? -1 : (c > 0 ? 1 : 0);
  } else {
    Match(&x, &y);
    if (x.kind == Kind::kComplex) {
      c = (x.re == y.re && x.im == y.im) ? 0 : 1;
      eq_only = true;
    } else {
      c = cmp(x.re, y.re);
      c = c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
  }
  switch (op) {
    case Token::kEql: return c == 0;
    case Token::kNeq: return c != 0;
    case Token::kLss: return !eq_only && c < 0;
    case Token::kLeq: return !eq_only && c <= 0;
    case Token::kGtr: return !eq_only && c > 0;
    case Token::kGeq: return !eq_only && c >= 0;
    default: return false;
  }
}

std::string String(const Constant& c) {
  switch (c.kind) {
    case Kind::kUnknown: return "unknown";
    case Kind::kBool: return c.b ? "true" : "false";
    case Kind::kString: {
      constexpr size_t kMaxLen = 72;
      std::string s = Quote(c.s);
      size_t runes = 0;
      for (size_t i = 0; i < s.size();) {
        uint32_t r;
        i += DecodeRune(s, i, &r);
        ++runes;
      }
      if (runes > kMaxLen) {
        size_t i = 0;
        for (size_t n = 0; n < kMaxLen - 3; ++n) {
          uint32_t r;
          i += DecodeRune(s, i, &r);
        }
        s = s.substr(0, i) + "...";
      }
      return s;
    }
    case Kind::kInt: return c.re.get_num().get_str();
    case Kind::kFloat: return FloatString(c.re);
    case Kind::kComplex: {
      Constant re = Num(Kind::kFloat, c.re), im = Num(Kind::kFloat, c.im);
      return "(" + FloatString(re.re) + " + " + FloatString(im.re) + "i)";
    }
  }
  return "unknown";
}

std::string ExactString(const Constant& c) {
  switch (c.kind) {
    case Kind::kFloat:
      if (c.re.get_den() == 1) return c.re.get_num().get_str();
      return c.re.get_str();
    case Kind::kComplex: {
      Constant re, im;
      re.kind = im.kind = Kind::kFloat;
      re.re = c.re;
      im.re = c.im;
      return "(" + ExactString(re) + " + " + ExactString(im) + "i)";
    }
    default: return String(c);
  }
}

bool RoundFloat32(const mpq_class& x, mpq_class* out) {
  mpfr_t f;
  mpfr_init2(f, 24);
  mpfr_set_q(f, x.get_mpq_t(), MPFR_RNDN);
  float v = mpfr_get_flt(f, MPFR_RNDN);
  mpfr_clear(f);
  if (std::isinf(v)) return false;
  mpq_set_d(out->get_mpq_t(), static_cast<double>(v));
  return true;
}

bool RoundFloat64(const mpq_class& x, mpq_class* out) {
  mpfr_t f;
  mpfr_init2(f, 53);
  mpfr_set_q(f, x.get_mpq_t(), MPFR_RNDN);
  double v = mpfr_get_d(f, MPFR_RNDN);
  mpfr_clear(f);
  if (std::isinf(v)) return false;
  mpq_set_d(out->get_mpq_t(), v);
  return true;
}

void Normalize(Constant* c) {
  if (c->kind == Kind::kFloat || c->kind == Kind::kComplex) {
    if (!Bound(&c->re) || !Bound(&c->im)) *c = MakeUnknown();
  }
}

}  // namespace escapist::types::constant

namespace escapist::types {

// Go's strconv.Quote: printable runes stay, others become escapes.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Decode a UTF-8 rune; invalid bytes are \xNN.
      uint32_t r = 0;
      size_t n = 1;
      if (c >= 0xC2 && c < 0xE0 && i + 1 < s.size() && (s[i + 1] & 0xC0) == 0x80) {
        r = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
        n = 2;
      } else if (c >= 0xE0 && c < 0xF0 && i + 2 < s.size() && (s[i + 1] & 0xC0) == 0x80 &&
                 (s[i + 2] & 0xC0) == 0x80) {
        r = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
        n = (r >= 0x800 && (r < 0xD800 || r > 0xDFFF)) ? 3 : 1;
      } else if (c >= 0xF0 && c < 0xF5 && i + 3 < s.size() && (s[i + 1] & 0xC0) == 0x80 &&
                 (s[i + 2] & 0xC0) == 0x80 && (s[i + 3] & 0xC0) == 0x80) {
        r = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) |
            (s[i + 3] & 0x3F);
        n = (r >= 0x10000 && r <= 0x10FFFF) ? 4 : 1;
      }
      if (n == 1) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", c);
        out += buf;
        i += 1;
        continue;
      }
      // Treat non-ASCII runes as printable except a few well-known non-graphic ones.
      if (r == 0xFEFF || (r >= 0x2028 && r <= 0x2029) || (r >= 0x80 && r < 0xA0) || r == 0xAD) {
        char buf[16];
        if (r < 0x10000) {
          std::snprintf(buf, sizeof buf, "\\u%04x", r);
        } else {
          std::snprintf(buf, sizeof buf, "\\U%08x", r);
        }
        out += buf;
      } else {
        out.append(s.substr(i, n));
      }
      i += n;
      continue;
    }
    switch (c) {
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\v': out += "\\v"; break;
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += "\"";
  return out;
}

}  // namespace escapist::types
