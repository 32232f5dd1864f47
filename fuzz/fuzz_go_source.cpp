// Fuzzes the Go lexer (cgo/lexer.hpp), the per-file reader
// (cgo/source.hpp) and the Go-side facts (cgo/facts.hpp) on arbitrary bytes.
#include "check.hpp"

#include "cgocheck/cgo/facts.hpp"
#include "cgocheck/cgo/lexer.hpp"
#include "cgocheck/cgo/position.hpp"
#include "cgocheck/cgo/source.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cg = cgocheck::cgo;

namespace {

// go/token's view of the file: line start offsets (none at the very end).
struct line_table {
  std::vector<std::size_t> starts{0};
  std::size_t size = 0;

  explicit line_table(std::string_view s) : size(s.size()) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\n' && i + 1 < s.size()) {
        starts.push_back(i + 1);
      }
    }
  }

  cg::position at(std::size_t offset) const {
    const auto line = static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin());
    return cg::position{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(offset - starts[line - 1] + 1)};
  }

  // The offset of a position, or npos when it is not in the file.
  std::size_t offset(cg::position p) const {
    if (p.line < 1 || p.line > starts.size() || p.column < 1) {
      return std::string_view::npos;
    }
    const std::size_t off = starts[p.line - 1] + p.column - 1;
    const std::size_t line_end = p.line < starts.size() ? starts[p.line] : size + 1;
    return off < line_end ? off : std::string_view::npos;
  }

  // The n bytes at a position ("" when it is not in the file).
  std::string_view bytes(std::string_view src, cg::position p, std::size_t n) const {
    const std::size_t off = offset(p);
    return off == std::string_view::npos || off > src.size() ? std::string_view() : src.substr(off, n);
  }
};

void check_tokens(std::string_view src, const line_table &lines, const cg::lex_result &r) {
  std::size_t previous = 0;
  for (std::size_t i = 0; i < r.tokens.size(); ++i) {
    const cg::token &t = r.tokens[i];
    FUZZ_CHECK(t.offset >= previous);
    FUZZ_CHECK(t.offset <= src.size());
    previous = t.offset;
    FUZZ_CHECK(t.pos == lines.at(t.offset));
    if (cg::is_automatic_semicolon(t)) {
      FUZZ_CHECK(t.text == "\n" || t.text.empty());
    } else {
      // Views into the input, at its offset.
      FUZZ_CHECK(t.text.data() == src.data() + t.offset);
      FUZZ_CHECK(t.offset + t.text.size() <= src.size());
    }
    FUZZ_CHECK((t.kind == cg::token_kind::eof) == (i + 1 == r.tokens.size() && !r.error));
    if (t.kind == cg::token_kind::comment) {
      FUZZ_CHECK(t.text.substr(0, 2) == "//" || (t.text.substr(0, 2) == "/*" && t.text.size() >= 4));
    }
  }
  if (r.error) {
    FUZZ_CHECK(!r.error->message.empty());
    FUZZ_CHECK(lines.offset(r.error->pos) != std::string_view::npos);
  } else {
    FUZZ_CHECK(!r.tokens.empty() && r.tokens.back().kind == cg::token_kind::eof);
  }
}

std::size_t text_lines(const std::string &text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++n;
    }
  }
  return n + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

// Every position of the preamble text maps into the file, to the same byte.
void check_preamble(std::string_view src, const line_table &lines, const cg::preamble &p) {
  FUZZ_CHECK(p.lines.size() == text_lines(p.text));
  FUZZ_CHECK(lines.offset(p.comment_pos) != std::string_view::npos);
  FUZZ_CHECK(lines.offset(p.go_position(0, 0)) != std::string_view::npos);
  for (std::size_t l = 0; l < p.lines.size(); ++l) {
    const std::size_t start = p.lines[l].text_offset;
    FUZZ_CHECK(start < p.text.size());
    FUZZ_CHECK(l == 0 ? start == 0 : p.text[start - 1] == '\n');
    std::size_t end = l + 1 < p.lines.size() ? p.lines[l + 1].text_offset : p.text.size();
    if (end > start && p.text[end - 1] == '\n') {
      --end;
    }
    for (std::size_t off = start; off <= end + 1; ++off) {
      const auto line = static_cast<std::uint32_t>(l + 1);
      const auto column = static_cast<std::uint32_t>(off - start + 1);
      const cg::position where = p.go_position(line, column);
      const std::size_t at = lines.offset(where);
      FUZZ_CHECK(at != std::string_view::npos && at <= src.size());
      const std::size_t clamped = off > end ? end : off; // column past the end is clamped
      if (clamped == p.text.size()) {
        // Just after the last byte: the "*/", or a '\r' dropped before it.
        std::size_t close = at;
        while (close < src.size() && src[close] == '\r') {
          ++close;
        }
        FUZZ_CHECK(src.substr(close, 2) == "*/");
      } else if (p.text[clamped] == '\n') {
        FUZZ_CHECK(at == src.size() || src[at] == '\n' || src[at] == '\r');
      } else {
        FUZZ_CHECK(src[at] == p.text[clamped]);
      }
    }
  }
  FUZZ_CHECK(p.text.find('\r') == std::string::npos || p.text.find("*\r/") != std::string::npos);
}

void check_file(std::string_view src, const line_table &lines, const cg::parse_result &r) {
  const cg::go_file &f = r.file;
  if (r.error) {
    FUZZ_CHECK(!r.error->message.empty());
    FUZZ_CHECK(lines.offset(r.error->pos) != std::string_view::npos);
  }
  for (const cg::build_line &b : f.go_build) {
    FUZZ_CHECK(lines.bytes(src, b.pos, 10) == "//go:build");
  }
  for (const cg::build_line &b : f.plus_build) {
    FUZZ_CHECK(lines.bytes(src, b.pos, 2) == "//");
  }
  bool saw_c = false;
  for (const cg::import_spec &i : f.imports) {
    const std::string_view q = lines.bytes(src, i.pos, 1);
    FUZZ_CHECK(q == "\"" || q == "`");
    saw_c = saw_c || i.path == "C";
  }
  FUZZ_CHECK(saw_c == f.imports_c);
  if (f.cgo_preamble) {
    FUZZ_CHECK(f.imports_c);
    check_preamble(src, lines, *f.cgo_preamble);
    for (const cg::cgo_line &c : f.cgo_lines) {
      FUZZ_CHECK(c.preamble_line >= 1 && c.preamble_line <= f.cgo_preamble->lines.size());
      FUZZ_CHECK(c.text.substr(0, 4) == "#cgo");
      // The comment text go/scanner gives has no '\r' ("#cg\ro" reads "#cgo").
      std::string seen;
      for (const char ch : lines.bytes(src, c.pos, 64)) {
        if (ch != '\r') {
          seen += ch;
        }
      }
      FUZZ_CHECK(seen.substr(0, 4) == "#cgo");
    }
  } else {
    FUZZ_CHECK(f.cgo_lines.empty());
  }
  for (const cg::export_directive &e : f.exports) {
    FUZZ_CHECK(lines.bytes(src, e.pos, 9) == "//export ");
  }
}

void check_facts(std::string_view src, const line_table &lines, const cg::go_file &file, const cg::go_facts &facts) {
  FUZZ_CHECK(facts.exports.size() == file.exports.size());
  if (!file.imports_c) {
    FUZZ_CHECK(facts.calls.empty());
  }
  cg::position previous;
  for (const cg::c_call &c : facts.calls) {
    FUZZ_CHECK(!c.function.empty());
    FUZZ_CHECK(previous < c.pos);
    previous = c.pos;
    FUZZ_CHECK(lines.bytes(src, c.pos, 1) == "C");
    for (const cg::argument_fact &a : c.args) {
      FUZZ_CHECK(lines.offset(a.pos) != std::string_view::npos);
      FUZZ_CHECK(lines.bytes(src, a.pos, a.text.size()) == a.text);
      FUZZ_CHECK(!cg::provenance_name(a.kind).empty());
    }
  }
  for (std::size_t i = 1; i < facts.c_types_used.size(); ++i) {
    FUZZ_CHECK(facts.c_types_used[i - 1] < facts.c_types_used[i]);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view src(reinterpret_cast<const char *>(data), size);
  const line_table lines(src);
  check_tokens(src, lines, cg::lex(src));
  const cg::parse_result parsed = cg::parse_go_file(src);
  check_file(src, lines, parsed);
  cg::fact_options opts;
  opts.c_type_names = {"T", "handle"};
  check_facts(src, lines, parsed.file, cg::collect_facts(src, parsed.file, opts));
  return 0;
}
