// Go's text primitives as the Go tools use them: UTF-8 decoding (invalid
// bytes are U+FFFD of width 1), the Unicode classes of the unicode package,
// strings.TrimSpace/Fields/Split and strconv.Quote. One copy for the lexer,
// the build-constraint parser and the #cgo directive parser.
//
// Models src/unicode/utf8/utf8.go, src/unicode/graphic.go,
// src/strings/strings.go and src/strconv/quote.go (Go 1.19-1.27). Unicode
// classes of non-ASCII runes come from RE2's tables, whose Unicode version
// may differ from Go's by a release.
#ifndef CGOCHECK_CGO_GOTEXT_HPP
#define CGOCHECK_CGO_GOTEXT_HPP

#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::cgo::detail::gotext {

inline constexpr std::int32_t rune_error = 0xFFFD;
inline constexpr std::int32_t rune_bom = 0xFEFF;
inline constexpr std::int32_t max_rune = 0x10FFFF;

struct decoded_rune {
  std::int32_t rune = rune_error;
  std::uint32_t width = 1;
};

/// utf8.DecodeRune: (RuneError, 1) for an invalid or short sequence,
/// surrogates and overlong forms included.
inline decoded_rune decode_rune(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
  const std::uint8_t b0 = byte(i);
  if (b0 < 0x80) {
    return {b0, 1};
  }
  const std::size_t left = s.size() - i;
  const auto cont = [&](std::size_t k, std::uint8_t lo, std::uint8_t hi) {
    return k < left && byte(i + k) >= lo && byte(i + k) <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (cont(1, 0x80, 0xBF)) {
      return {((b0 & 0x1F) << 6) | (byte(i + 1) & 0x3F), 2};
    }
    return {};
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const std::uint8_t lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const std::uint8_t hi = b0 == 0xED ? 0x9F : 0xBF;
    if (cont(1, lo, hi) && cont(2, 0x80, 0xBF)) {
      return {((b0 & 0x0F) << 12) | ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F), 3};
    }
    return {};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const std::uint8_t lo = b0 == 0xF0 ? 0x90 : 0x80;
    const std::uint8_t hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (cont(1, lo, hi) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF)) {
      return {((b0 & 0x07) << 18) | ((byte(i + 1) & 0x3F) << 12) | ((byte(i + 2) & 0x3F) << 6) |
                  (byte(i + 3) & 0x3F),
              4};
    }
    return {};
  }
  return {};
}

/// utf8.EncodeRune (invalid runes become U+FFFD).
inline std::string encode_rune(std::int32_t r) {
  if (r < 0 || r > max_rune || (r >= 0xD800 && r <= 0xDFFF)) {
    r = rune_error;
  }
  const auto u = static_cast<std::uint32_t>(r);
  std::string out;
  if (u < 0x80) {
    out += static_cast<char>(u);
  } else if (u < 0x800) {
    out += static_cast<char>(0xC0 | (u >> 6));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    out += static_cast<char>(0xE0 | (u >> 12));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (u >> 18));
    out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  }
  return out;
}

/// Whether rune r (non-ASCII) is in a Unicode class, via RE2's tables.
inline bool rune_matches(std::int32_t r, const RE2 &cls) {
  if (r < 0 || r > max_rune || (r >= 0xD800 && r <= 0xDFFF)) {
    return false;
  }
  return RE2::FullMatch(encode_rune(r), cls);
}

/// unicode.IsLetter.
inline bool is_letter(std::int32_t r) {
  if (r < 0x80) {
    return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
  }
  static const RE2 letter(R"(\pL)");
  return rune_matches(r, letter);
}

/// unicode.IsDigit.
inline bool is_digit(std::int32_t r) {
  if (r < 0x80) {
    return r >= '0' && r <= '9';
  }
  static const RE2 digit(R"(\p{Nd})");
  return rune_matches(r, digit);
}

/// unicode.IsSpace.
inline bool is_space(std::int32_t r) {
  switch (r) {
  case '\t':
  case '\n':
  case '\v':
  case '\f':
  case '\r':
  case ' ':
  case 0x85:
  case 0xA0:
  case 0x1680:
  case 0x2028:
  case 0x2029:
  case 0x202F:
  case 0x205F:
  case 0x3000:
    return true;
  default:
    return r >= 0x2000 && r <= 0x200A;
  }
}

/// strconv.IsPrint: categories L, M, N, P, S and U+0020.
inline bool is_print(std::int32_t r) {
  if (r < 0x80) {
    return r >= 0x20 && r < 0x7F;
  }
  static const RE2 print(R"([\pL\pM\pN\pP\pS])");
  return rune_matches(r, print);
}

/// unicode.IsGraphic: IsPrint plus the Zs spaces.
inline bool is_graphic(std::int32_t r) {
  if (r < 0x80) {
    return r >= 0x20 && r < 0x7F;
  }
  static const RE2 graphic(R"([\pL\pM\pN\pP\pS\p{Zs}])");
  return rune_matches(r, graphic);
}

inline std::string hex_upper(std::uint32_t v, int min_digits) {
  std::string out;
  do {
    out.insert(out.begin(), "0123456789ABCDEF"[v % 16]);
    v /= 16;
  } while (v != 0);
  while (static_cast<int>(out.size()) < min_digits) {
    out.insert(out.begin(), '0');
  }
  return out;
}

/// strconv.Quote.
inline std::string quote(std::string_view s) {
  std::string out = "\"";
  std::size_t i = 0;
  while (i < s.size()) {
    const decoded_rune d = decode_rune(s, i);
    const auto u = static_cast<std::uint8_t>(s[i]);
    if (d.rune == rune_error && d.width == 1) {
      out += "\\x" + std::string(1, "0123456789abcdef"[u >> 4]) + "0123456789abcdef"[u & 0xF];
      ++i;
      continue;
    }
    const std::int32_t r = d.rune;
    if (r == '"' || r == '\\') {
      out += '\\';
      out += static_cast<char>(r);
    } else if (is_print(r)) {
      out += s.substr(i, d.width);
    } else {
      switch (r) {
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\v': out += "\\v"; break;
      default: {
        std::string hex = hex_upper(static_cast<std::uint32_t>(r), 0);
        for (char &c : hex) {
          c = static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
        }
        if (r < 0x20 || r == 0x7F) {
          out += "\\x" + std::string(2 - std::min<std::size_t>(2, hex.size()), '0') + hex;
        } else if (r < 0x10000) {
          out += "\\u" + std::string(4 - std::min<std::size_t>(4, hex.size()), '0') + hex;
        } else {
          out += "\\U" + std::string(8 - std::min<std::size_t>(8, hex.size()), '0') + hex;
        }
      }
      }
    }
    i += d.width;
  }
  out += '"';
  return out;
}

/// strings.TrimSpace (Unicode white space; bad UTF-8 is not space).
inline std::string_view trim_space(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = 0;
  bool any = false;
  for (std::size_t i = 0; i < s.size();) {
    const decoded_rune d = decode_rune(s, i);
    const bool space = (d.rune != rune_error || d.width != 1) && is_space(d.rune);
    if (!space) {
      if (!any) {
        b = i;
      }
      any = true;
      e = i + d.width;
    }
    i += d.width;
  }
  return any ? s.substr(b, e - b) : s.substr(0, 0);
}

/// strings.Fields.
inline std::vector<std::string_view> fields(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  std::size_t start = std::string_view::npos;
  while (i < s.size()) {
    const decoded_rune d = decode_rune(s, i);
    if (is_space(d.rune)) {
      if (start != std::string_view::npos) {
        out.push_back(s.substr(start, i - start));
        start = std::string_view::npos;
      }
    } else if (start == std::string_view::npos) {
      start = i;
    }
    i += d.width;
  }
  if (start != std::string_view::npos) {
    out.push_back(s.substr(start));
  }
  return out;
}

inline bool has_prefix(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
inline bool has_suffix(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

/// strings.Split(s, sep) for a one-character separator.
inline std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(s.substr(start));
  return out;
}

} // namespace cgocheck::cgo::detail::gotext

#endif // CGOCHECK_CGO_GOTEXT_HPP
