// A Go lexer that produces go/scanner's tokens, automatic semicolons and
// error messages.
//
// Models src/go/scanner/scanner.go (Go 1.19.8; the file is unchanged in what
// is modelled here up to 1.27.3):
// - Tokens and automatic semicolons (`Scan`, `insertSemi`): after an
//   identifier, a literal, one of the keywords break/continue/fallthrough/
//   return, `++`, `--`, `)`, `]` or `}`, a newline or the end of the file
//   becomes a semicolon. A comment that runs to the end of the line
//   (`findLineEnd`) gets the semicolon placed at its start, before it.
// - White space is ' ', '\t', '\r' and '\n'; anything else that starts no
//   token is `illegal character %#U` (so '\f' is illegal).
// - A byte order mark is skipped at offset 0 only; elsewhere it is `illegal
//   byte order mark`. NUL is `illegal character NUL`, bad UTF-8 `illegal
//   UTF-8 encoding`; both are reported wherever they occur, comments and
//   strings included.
// - Literals: `scanNumber` (prefixes 0x 0o 0b and legacy octal, '_'
//   separators, exponents, the 'i' suffix) with its messages, `scanString`,
//   `scanRawString`, `scanRune` and `scanEscape`.
// - `//line` and `/*line` comments: the scanner's own errors (`invalid line
//   number: ...`, `invalid column number: ...`) are reported; the position
//   remapping they request is not applied (positions are always physical).
// - Identifiers: letters are Unicode category L and '_', digits category Nd
//   (unicode.IsLetter / unicode.IsDigit); the tables are RE2's, whose Unicode
//   version may be newer than Go's.
//
// Where go/scanner reports several errors for one token, go/parser sorts
// them by position and then by message; `lex` reports the first of them and
// stops. Positions are byte based like go/token's; the end-of-file position
// after a final newline stays on the last line (go/token adds no line that
// starts at the end of the file).
#ifndef CGOCHECK_CGO_LEXER_HPP
#define CGOCHECK_CGO_LEXER_HPP

#include "cgocheck/cgo/gotext.hpp"
#include "cgocheck/cgo/position.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::cgo {

enum class token_kind : std::uint8_t {
  identifier,
  keyword,
  number, ///< INT, FLOAT and IMAG
  rune,   ///< CHAR
  string, ///< an interpreted string literal, quotes included
  raw_string,
  op, ///< operators and delimiters other than ';'
  comment,
  semicolon, ///< ";" as written, or an automatic one ("\n", "" at the end of the file)
  eof,
};

/// One token. `text` views into the lexed input, except for an automatic
/// semicolon placed before a comment, whose text is a static "\n" (like
/// go/scanner's literal). Comment and raw string texts are the raw bytes:
/// go/scanner drops their carriage returns, this lexer keeps them (the
/// preamble extraction in source.hpp drops them as go/scanner does).
struct token {
  token_kind kind = token_kind::eof;
  std::string_view text;
  position pos;
  std::uint32_t offset = 0; ///< byte offset of the token in the input
};

struct lex_result {
  /// Every token, comments included, ending with an eof token; when there is
  /// an error, the tokens before the one that failed (no eof token).
  std::vector<token> tokens;
  std::optional<source_error> error;
};

/// True for a semicolon the lexer inserted (text "\n" or "").
inline bool is_automatic_semicolon(const token &t) { return t.kind == token_kind::semicolon && t.text != ";"; }

namespace detail {

/// fmt's %#U: "U+0024 '$'", or "U+000C" for a rune that is not printable.
inline std::string format_rune_sharp_u(std::int32_t r) {
  std::string out = "U+" + gotext::hex_upper(static_cast<std::uint32_t>(r), 4);
  if (gotext::is_print(r)) {
    out += " '" + gotext::encode_rune(r) + "'";
  }
  return out;
}

/// The 25 keywords of the Go spec (go/token.Lookup).
inline bool is_go_keyword(std::string_view s) {
  if (s.size() < 2 || s.size() > 11 || s[0] < 'b' || s[0] > 'v') {
    return false;
  }
  static constexpr std::array<std::string_view, 25> keywords = {
      "break",  "case",   "chan",      "const",       "continue", "default", "defer",  "else",    "fallthrough",
      "for",    "func",   "go",        "goto",        "if",       "import",  "interface", "map", "package",
      "range",  "return", "select",    "struct",      "switch",   "type",    "var"};
  return std::find(keywords.begin(), keywords.end(), s) != keywords.end();
}

/// go/scanner's Scanner, with the scanning state in members.
class go_scanner {
public:
  explicit go_scanner(std::string_view src) : src_(src) {
    line_starts_.push_back(0);
    next();
    if (ch_ == gotext::rune_bom) {
      next(); // a BOM at the very beginning is ignored
    }
  }

  lex_result run() {
    lex_result out;
    out.tokens.reserve(src_.size() / 8 + 16);
    if (src_.size() >= std::numeric_limits<std::uint32_t>::max()) {
      out.error = source_error{position{1, 1}, "file too large"};
      return out;
    }
    for (;;) {
      token t = scan();
      if (!errors_.empty()) {
        const auto first = std::min_element(errors_.begin(), errors_.end(), [](const pending &a, const pending &b) {
          return a.offset != b.offset ? a.offset < b.offset : a.message < b.message;
        });
        out.error = source_error{pos_of(first->offset), first->message};
        return out;
      }
      out.tokens.push_back(t);
      if (t.kind == token_kind::eof) {
        return out;
      }
    }
  }

private:
  struct pending {
    std::size_t offset = 0;
    std::string message;
  };

  std::string_view src_;
  std::size_t offset_ = 0; // offset of ch_
  std::size_t rd_ = 0;     // offset after ch_
  std::int32_t ch_ = ' ';
  bool insert_semi_ = false;
  position start_pos_; // of the token being scanned
  std::vector<std::size_t> line_starts_;
  std::vector<pending> errors_;

  static constexpr std::int32_t eof = -1;

  void error(std::size_t offset, std::string message) { errors_.push_back({offset, std::move(message)}); }

  position pos_of(std::size_t offset) const {
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const auto line = static_cast<std::size_t>(it - line_starts_.begin());
    const std::size_t start = line_starts_[line - 1];
    return position{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(offset - start + 1)};
  }

  void add_line(std::size_t offset) {
    // token.File.AddLine ignores a line that would start at the end.
    if (offset < src_.size() && offset > line_starts_.back()) {
      line_starts_.push_back(offset);
    }
  }

  void next() {
    if (rd_ < src_.size()) {
      offset_ = rd_;
      if (ch_ == '\n') {
        add_line(offset_);
      }
      std::int32_t r = static_cast<std::uint8_t>(src_[rd_]);
      std::uint32_t w = 1;
      if (r == 0) {
        error(offset_, "illegal character NUL");
      } else if (r >= 0x80) {
        const gotext::decoded_rune d = gotext::decode_rune(src_, rd_);
        r = d.rune;
        w = d.width;
        if (r == gotext::rune_error && w == 1) {
          error(offset_, "illegal UTF-8 encoding");
        } else if (r == gotext::rune_bom && offset_ > 0) {
          error(offset_, "illegal byte order mark");
        }
      }
      rd_ += w;
      ch_ = r;
    } else {
      offset_ = src_.size();
      if (ch_ == '\n') {
        add_line(offset_);
      }
      ch_ = eof;
    }
  }

  char peek() const { return rd_ < src_.size() ? src_[rd_] : '\0'; }

  static bool is_letter(std::int32_t ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || (ch >= 0x80 && gotext::is_letter(ch));
  }
  static bool is_decimal(std::int32_t ch) { return ch >= '0' && ch <= '9'; }
  static bool is_digit(std::int32_t ch) { return is_decimal(ch) || (ch >= 0x80 && gotext::is_digit(ch)); }
  static std::int32_t lower(std::int32_t ch) { return ('a' - 'A') | ch; }
  static bool is_hex(std::int32_t ch) { return is_decimal(ch) || (lower(ch) >= 'a' && lower(ch) <= 'f'); }
  static int digit_val(std::int32_t ch) {
    if (is_decimal(ch)) {
      return ch - '0';
    }
    if (lower(ch) >= 'a' && lower(ch) <= 'f') {
      return lower(ch) - 'a' + 10;
    }
    return 16;
  }

  token make(token_kind kind, std::size_t start, std::size_t end) const {
    return token{kind, src_.substr(start, end - start), start_pos_, static_cast<std::uint32_t>(start)};
  }

  // The position of the current character: it is on the last line seen.
  position current_pos() const {
    return position{static_cast<std::uint32_t>(line_starts_.size()),
                    static_cast<std::uint32_t>(offset_ - line_starts_.back() + 1)};
  }

  void skip_whitespace() {
    while (ch_ == ' ' || ch_ == '\t' || (ch_ == '\n' && !insert_semi_) || ch_ == '\r') {
      next();
    }
  }

  // findLineEnd, without side effects: from `from` (just after the first
  // '/' of a comment), whether a newline or the end of the file comes
  // before the next token. Only ASCII bytes matter, so bytes will do.
  bool find_line_end(std::size_t from) const {
    std::size_t i = from;
    const auto at = [&](std::size_t k) { return k < src_.size() ? src_[k] : '\0'; };
    while (i < src_.size() && (src_[i] == '/' || src_[i] == '*')) {
      if (src_[i] == '/') {
        return true; // a //-style comment always contains a newline
      }
      // /*-style comment: look for a newline.
      ++i;
      while (i < src_.size()) {
        const char c = src_[i];
        if (c == '\n') {
          return true;
        }
        ++i;
        if (c == '*' && at(i) == '/') {
          ++i;
          break;
        }
      }
      while (i < src_.size() && (src_[i] == ' ' || src_[i] == '\t' || src_[i] == '\r')) {
        ++i;
      }
      if (i >= src_.size() || src_[i] == '\n') {
        return true;
      }
      if (src_[i] != '/') {
        return false; // non-comment token
      }
      ++i; // consume '/'
    }
    return false;
  }

  void scan_identifier() {
    while (is_letter(ch_) || is_digit(ch_)) {
      next();
    }
  }

  // digits: { digit | '_' }; records the first digit >= base (base <= 10).
  int digits(int base, std::optional<std::size_t> *invalid) {
    int digsep = 0;
    if (base <= 10) {
      const std::int32_t max = '0' + base;
      while (is_decimal(ch_) || ch_ == '_') {
        int ds = 1;
        if (ch_ == '_') {
          ds = 2;
        } else if (ch_ >= max && invalid != nullptr && !invalid->has_value()) {
          *invalid = offset_;
        }
        digsep |= ds;
        next();
      }
    } else {
      while (is_hex(ch_) || ch_ == '_') {
        digsep |= ch_ == '_' ? 2 : 1;
        next();
      }
    }
    return digsep;
  }

  static std::string litname(char prefix) {
    switch (prefix) {
    case 'x': return "hexadecimal literal";
    case 'o':
    case '0': return "octal literal";
    case 'b': return "binary literal";
    default: return "decimal literal";
    }
  }

  static std::optional<std::size_t> invalid_sep(std::string_view x) {
    std::int32_t x1 = ' ';
    std::int32_t d = '.';
    std::size_t i = 0;
    if (x.size() >= 2 && x[0] == '0') {
      x1 = lower(static_cast<std::uint8_t>(x[1]));
      if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
        d = '0';
        i = 2;
      }
    }
    for (; i < x.size(); ++i) {
      const std::int32_t p = d;
      d = static_cast<std::uint8_t>(x[i]);
      if (d == '_') {
        if (p != '0') {
          return i;
        }
      } else if (is_decimal(d) || (x1 == 'x' && is_hex(d))) {
        d = '0';
      } else {
        if (p == '_') {
          return i - 1;
        }
        d = '.';
      }
    }
    if (d == '_') {
      return x.size() - 1;
    }
    return std::nullopt;
  }

  static std::string quote_ascii(std::int32_t c) { return "'" + gotext::encode_rune(c) + "'"; }

  void scan_number() {
    const std::size_t offs = offset_;
    bool is_int = false;
    bool is_float = false;
    int base = 10;
    char prefix = 0;
    int digsep = 0;
    std::optional<std::size_t> invalid;

    if (ch_ != '.') {
      is_int = true;
      if (ch_ == '0') {
        next();
        switch (lower(ch_)) {
        case 'x':
          next();
          base = 16;
          prefix = 'x';
          break;
        case 'o':
          next();
          base = 8;
          prefix = 'o';
          break;
        case 'b':
          next();
          base = 2;
          prefix = 'b';
          break;
        default:
          base = 8;
          prefix = '0';
          digsep = 1; // leading 0
        }
      }
      digsep |= digits(base, &invalid);
    }
    if (ch_ == '.') {
      is_int = false;
      is_float = true;
      if (prefix == 'o' || prefix == 'b') {
        error(offset_, "invalid radix point in " + litname(prefix));
      }
      next();
      digsep |= digits(base, &invalid);
    }
    if ((digsep & 1) == 0) {
      error(offset_, litname(prefix) + " has no digits");
    }
    const std::int32_t e = lower(ch_);
    if (e == 'e' || e == 'p') {
      if (e == 'e' && prefix != 0 && prefix != '0') {
        error(offset_, quote_ascii(ch_) + " exponent requires decimal mantissa");
      } else if (e == 'p' && prefix != 'x') {
        error(offset_, quote_ascii(ch_) + " exponent requires hexadecimal mantissa");
      }
      next();
      is_int = false;
      if (ch_ == '+' || ch_ == '-') {
        next();
      }
      const int ds = digits(10, nullptr);
      digsep |= ds;
      if ((ds & 1) == 0) {
        error(offset_, "exponent has no digits");
      }
    } else if (prefix == 'x' && is_float) {
      error(offset_, "hexadecimal mantissa requires a 'p' exponent");
    }
    if (ch_ == 'i') {
      is_int = false;
      next();
    }
    const std::string_view lit = src_.substr(offs, offset_ - offs);
    if (is_int && invalid) {
      error(*invalid, "invalid digit " + quote_ascii(static_cast<std::uint8_t>(src_[*invalid])) + " in " +
                          litname(prefix));
    }
    if ((digsep & 2) != 0) {
      if (const auto i = invalid_sep(lit)) {
        error(offs + *i, "'_' must separate successive digits");
      }
    }
  }

  bool scan_escape(std::int32_t quote) {
    const std::size_t offs = offset_;
    int n = 0;
    std::uint32_t base = 0;
    std::uint32_t max = 0;
    if (ch_ == 'a' || ch_ == 'b' || ch_ == 'f' || ch_ == 'n' || ch_ == 'r' || ch_ == 't' || ch_ == 'v' ||
        ch_ == '\\' || ch_ == quote) {
      next();
      return true;
    }
    if (ch_ >= '0' && ch_ <= '7') {
      n = 3;
      base = 8;
      max = 255;
    } else if (ch_ == 'x') {
      next();
      n = 2;
      base = 16;
      max = 255;
    } else if (ch_ == 'u') {
      next();
      n = 4;
      base = 16;
      max = gotext::max_rune;
    } else if (ch_ == 'U') {
      next();
      n = 8;
      base = 16;
      max = gotext::max_rune;
    } else {
      error(offs, ch_ < 0 ? "escape sequence not terminated" : "unknown escape sequence");
      return false;
    }
    std::uint32_t x = 0;
    for (; n > 0; --n) {
      const auto d = static_cast<std::uint32_t>(digit_val(ch_));
      if (d >= base) {
        error(offset_, ch_ < 0 ? std::string("escape sequence not terminated")
                               : "illegal character " + format_rune_sharp_u(ch_) + " in escape sequence");
        return false;
      }
      x = x * base + d;
      next();
    }
    if (x > max || (x >= 0xD800 && x < 0xE000)) {
      error(offs, "escape sequence is invalid Unicode code point");
      return false;
    }
    return true;
  }

  void scan_rune(std::size_t offs) {
    bool valid = true;
    int n = 0;
    for (;;) {
      const std::int32_t ch = ch_;
      if (ch == '\n' || ch < 0) {
        if (valid) {
          error(offs, "rune literal not terminated");
          valid = false;
        }
        break;
      }
      next();
      if (ch == '\'') {
        break;
      }
      ++n;
      if (ch == '\\') {
        if (!scan_escape('\'')) {
          valid = false;
        }
      }
    }
    if (valid && n != 1) {
      error(offs, "illegal rune literal");
    }
  }

  void scan_string(std::size_t offs) {
    for (;;) {
      const std::int32_t ch = ch_;
      if (ch == '\n' || ch < 0) {
        error(offs, "string literal not terminated");
        break;
      }
      next();
      if (ch == '"') {
        break;
      }
      if (ch == '\\') {
        scan_escape('"');
      }
    }
  }

  void scan_raw_string(std::size_t offs) {
    for (;;) {
      const std::int32_t ch = ch_;
      if (ch < 0) {
        error(offs, "raw string literal not terminated");
        break;
      }
      next();
      if (ch == '`') {
        break;
      }
    }
  }

  // trailingDigits: the start of the number after the last ':', its value
  // (as Go's int(uint64)) and whether it parsed.
  struct trailing {
    std::size_t start = 0;
    std::int64_t value = 0;
    bool ok = false;
  };
  static trailing trailing_digits(std::string_view text) {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) {
      return {};
    }
    const std::string_view digits = text.substr(colon + 1);
    std::uint64_t v = 0;
    bool ok = !digits.empty();
    for (const char c : digits) {
      if (c < '0' || c > '9') {
        ok = false;
        break;
      }
      const auto d = static_cast<std::uint64_t>(c - '0');
      if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10) {
        ok = false;
        break;
      }
      v = v * 10 + d;
    }
    return {colon + 1, ok ? static_cast<std::int64_t>(v) : 0, ok};
  }

  // updateLineInfo's checks (the remapping itself is not modelled).
  void check_line_directive(std::size_t offs, std::string_view text) {
    if (text[1] == '*') {
      text = text.substr(0, text.size() - 2);
    }
    text = text.substr(7);
    offs += 7;
    constexpr std::int64_t max_line_col = (std::int64_t{1} << 30) - 1;
    trailing last = trailing_digits(text);
    if (last.start == 0) {
      return;
    }
    if (!last.ok) {
      error(offs + last.start, "invalid line number: " + std::string(text.substr(last.start)));
      return;
    }
    std::size_t i = last.start;
    std::int64_t line = last.value;
    const trailing before = trailing_digits(text.substr(0, last.start - 1));
    if (before.ok) {
      const std::size_t i2 = last.start;
      i = before.start;
      line = before.value;
      const std::int64_t col = last.value;
      if (col == 0 || col > max_line_col) {
        error(offs + i2, "invalid column number: " + std::string(text.substr(i2)));
        return;
      }
      text = text.substr(0, i2 - 1);
    }
    if (line == 0 || line > max_line_col) {
      error(offs + i, "invalid line number: " + std::string(text.substr(i)));
    }
  }

  void scan_comment(std::size_t offs) {
    // The first '/' is consumed; ch_ is '/' or '*'.
    bool valid = false;
    std::size_t num_cr = 0;
    if (ch_ == '/') {
      next();
      while (ch_ != '\n' && ch_ >= 0) {
        if (ch_ == '\r') {
          ++num_cr;
        }
        next();
      }
      valid = true;
    } else {
      next();
      while (ch_ >= 0) {
        const std::int32_t ch = ch_;
        if (ch == '\r') {
          ++num_cr;
        }
        next();
        if (ch == '*' && ch_ == '/') {
          next();
          valid = true;
          break;
        }
      }
      if (!valid) {
        error(offs, "comment not terminated");
      }
    }
    std::string_view lit = src_.substr(offs, offset_ - offs);
    if (num_cr > 0 && lit.size() >= 2 && lit[1] == '/' && lit.back() == '\r') {
      lit.remove_suffix(1);
    }
    const bool at_line_start = start_pos_.column == 1; // offs is the token start
    if (valid && (lit[1] == '*' || at_line_start) && lit.substr(2, 5) == "line ") {
      check_line_directive(offs, lit);
    }
  }

  token scan() {
    skip_whitespace();
    const std::size_t start = offset_;
    start_pos_ = current_pos();
    bool insert_semi = false;
    token_kind kind = token_kind::op;
    const std::int32_t ch = ch_;
    if (is_letter(ch)) {
      scan_identifier();
      const std::string_view lit = src_.substr(start, offset_ - start);
      kind = token_kind::identifier;
      if (lit.size() > 1 && is_go_keyword(lit)) {
        kind = token_kind::keyword;
        insert_semi = lit == "break" || lit == "continue" || lit == "fallthrough" || lit == "return";
      } else {
        insert_semi = true;
      }
    } else if (is_decimal(ch) || (ch == '.' && is_decimal(static_cast<std::uint8_t>(peek())))) {
      insert_semi = true;
      kind = token_kind::number;
      scan_number();
    } else {
      next(); // always make progress
      switch (ch) {
      case eof:
        if (insert_semi_) {
          insert_semi_ = false;
          return token{token_kind::semicolon, src_.substr(src_.size(), 0), start_pos_,
                       static_cast<std::uint32_t>(start)};
        }
        return make(token_kind::eof, start, start);
      case '\n':
        // Only reached when insert_semi_ was set.
        insert_semi_ = false;
        return make(token_kind::semicolon, start, start + 1);
      case '"':
        insert_semi = true;
        kind = token_kind::string;
        scan_string(start);
        break;
      case '\'':
        insert_semi = true;
        kind = token_kind::rune;
        scan_rune(start);
        break;
      case '`':
        insert_semi = true;
        kind = token_kind::raw_string;
        scan_raw_string(start);
        break;
      case ':':
      case '*':
      case '%':
      case '^':
      case '=':
      case '!':
        if (ch_ == '=') {
          next();
        }
        break;
      case '.':
        if (ch_ == '.' && peek() == '.') {
          next();
          next();
        }
        break;
      case ',':
      case '(':
      case '[':
      case '{':
      case '~':
        break;
      case ';':
        kind = token_kind::semicolon;
        break;
      case ')':
      case ']':
      case '}':
        insert_semi = true;
        break;
      case '+':
      case '-':
        if (ch_ == '=') {
          next();
        } else if (ch_ == ch) {
          next();
          insert_semi = true;
        }
        break;
      case '/':
        if (ch_ == '/' || ch_ == '*') {
          if (insert_semi_ && find_line_end(offset_)) {
            // The semicolon goes before the comment; scan the comment next.
            ch_ = '/';
            offset_ = start;
            rd_ = start + 1;
            insert_semi_ = false;
            return token{token_kind::semicolon, std::string_view("\n"), start_pos_,
                         static_cast<std::uint32_t>(start)};
          }
          scan_comment(start);
          insert_semi_ = false; // like any token but the ones listed above
          return make(token_kind::comment, start, offset_);
        }
        if (ch_ == '=') {
          next();
        }
        break;
      case '<':
        if (ch_ == '-') {
          next();
        } else {
          switch4('<');
        }
        break;
      case '>':
        switch4('>');
        break;
      case '&':
        if (ch_ == '^') {
          next();
          if (ch_ == '=') {
            next();
          }
        } else if (ch_ == '=' || ch_ == '&') {
          next();
        }
        break;
      case '|':
        if (ch_ == '=' || ch_ == '|') {
          next();
        }
        break;
      default:
        // next() already reported a misplaced BOM.
        if (ch != gotext::rune_bom) {
          error(start, "illegal character " + format_rune_sharp_u(ch));
        }
        insert_semi = insert_semi_;
        break;
      }
    }
    insert_semi_ = insert_semi;
    return make(kind, start, offset_);
  }

  // << <<= <= < (and the > forms).
  void switch4(std::int32_t twice) {
    if (ch_ == '=') {
      next();
    } else if (ch_ == twice) {
      next();
      if (ch_ == '=') {
        next();
      }
    }
  }
};

} // namespace detail

/// Lexes a Go source file as go/scanner does with comments kept.
inline lex_result lex(std::string_view src) {
  detail::go_scanner s(src);
  return s.run();
}

} // namespace cgocheck::cgo

#endif // CGOCHECK_CGO_LEXER_HPP
