// What go/build and cmd/cgo read from one .go file: the header's build
// lines, the package clause, the imports, the cgo preamble (with a map from
// preamble text positions back to the .go file), its `#cgo` lines and the
// `//export` directives.
//
// Models, Go 1.19.8 (each rule checked unchanged up to 1.27.3):
// - src/go/build/build.go `parseFileHeader`, `isGoBuildComment` and
//   src/go/build/constraint/expr.go `splitPlusBuild`: the header is the
//   leading run of comments and blank lines. `//go:build` lines count
//   anywhere in it outside `/* */` comments (a second one is the error
//   `multiple //go:build comments`); `// +build` lines count only up to the
//   last blank line before the first non-comment text (so a `// +build`
//   line right above the package clause is ignored); `//go:binary-only-package`
//   is recognised outside `/* */`. go/build uses the `// +build` lines only
//   when there is no `//go:build` line; both are reported here.
// - src/go/build/read.go `newImportReader`: a UTF-8 BOM at the start is
//   skipped (positions still count its three bytes, as go/token does).
// - src/go/parser/parser.go (`parseFile`, `parseGenDecl`, `parseImportSpec`,
//   `next`, `consumeCommentGroup`): the package clause and the import
//   declarations with go/parser's messages (`expected 'package', found
//   'func'`, `expected ';', found bar`, `expected 'STRING', found ','`,
//   `invalid import path: "a b"`) and go/parser's rule for doc comments: the
//   last comment group that ends on the line right before the token, where a
//   comment on the same line as the previous token starts a group of its own.
//   Only the header is checked for syntax; the rest of the file is lexed.
// - src/cmd/cgo/ast.go `ParseGo`: the preamble is the doc comment of the
//   `import "C"` spec, or, when the spec has none and the declaration has
//   exactly one spec, the declaration's doc comment; `import x "C"` is the
//   error `cannot rename import "C"`. `commentText`: `//x` gives "x\n",
//   `/*x*/` gives "x", and the pieces are joined with no separator (so
//   `/*a*/` followed by `//b` on the next line gives "ab\n"). go/scanner has
//   already removed carriage returns from comment text (all of them in `//`
//   comments; in `/* */` all but one between '*' and '/').
// - src/go/build/build.go `saveCgo`: the `#cgo` lines are the lines of
//   go/ast's CommentGroup.Text() that start with "#cgo" and a space or tab
//   after strings.TrimSpace.
// - src/cmd/cgo/ast.go `saveExport`: a top-level func whose doc comment has
//   a comment starting with "//export " exports strings.TrimSpace of the
//   rest (the first such comment only); an empty name is `export missing
//   name` and another name `export comment has wrong name "x", want "y"`.
//
// Not modelled: `//line` directives (go/token would remap the positions and
// the line numbers go/parser groups comments by); a second `import "C"` in
// the same file (listed in `imports`, but only the first one's preamble is
// extracted); an import path written with escapes that spell "C" (go/build
// sees "C", cmd/cgo does not).
#ifndef CGOCHECK_CGO_SOURCE_HPP
#define CGOCHECK_CGO_SOURCE_HPP

#include "cgocheck/cgo/lexer.hpp"
#include "cgocheck/cgo/position.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cgocheck::cgo {

/// The .go position of the first byte of one line of the preamble text.
struct preamble_line {
  std::uint32_t go_line = 0;
  std::uint32_t go_column = 0;
  std::uint32_t text_offset = 0; ///< where the line starts in preamble::text
};

/// A run of preamble text bytes that come from consecutive bytes of one .go
/// line (a new run starts at every comment, line and dropped '\r').
struct preamble_segment {
  std::uint32_t text_offset = 0;
  position go;
};

struct preamble {
  /// Exactly cmd/cgo's commentText() of the preamble comment group (cmd/cgo
  /// writes it after `#line <comment_pos.line> "<file>"` and adds "\n").
  std::string text;
  /// lines[i] is the origin of line i+1 of `text`. The lines of `text` are
  /// its '\n'-separated pieces, without the empty piece after a final '\n'
  /// (so "" has none, "a" and "a\n" one, "a\n\n" two). An empty line's origin
  /// is that of its '\n'.
  std::vector<preamble_line> lines;
  /// Every byte of `text`, mapped back exactly (see go_position).
  std::vector<preamble_segment> segments;
  /// Where the comment group starts (its first "//" or "/*").
  position comment_pos;

  /// The .go position of line c_line, column c_column (1-based, bytes) of
  /// `text`. The line is clamped to the existing ones and the column to
  /// 1 ... length of the line + 1 (the '\n'; after a last line with no '\n',
  /// the byte after its last one: the "*/", or a '\r' dropped before it); an
  /// empty preamble gives comment_pos. The mapping is exact even
  /// where cmd/cgo's single `#line` is not (several comments on one line,
  /// a `/* */` followed by a `//` comment, dropped carriage returns).
  position go_position(std::uint32_t c_line, std::uint32_t c_column) const {
    if (lines.empty() || segments.empty()) {
      return comment_pos;
    }
    const std::size_t li = std::clamp<std::size_t>(c_line, 1, lines.size()) - 1;
    const std::size_t start = lines[li].text_offset;
    std::size_t end = li + 1 < lines.size() ? lines[li + 1].text_offset : text.size();
    if (end > start && text[end - 1] == '\n') {
      --end;
    }
    const std::size_t length = end - start;
    const std::size_t column = std::clamp<std::size_t>(c_column, 1, length + 1);
    const std::size_t offset = start + column - 1;
    auto it = std::upper_bound(segments.begin(), segments.end(), offset,
                               [](std::size_t off, const preamble_segment &s) { return off < s.text_offset; });
    if (it == segments.begin()) {
      return segments.front().go;
    }
    --it;
    return position{it->go.line, it->go.column + static_cast<std::uint32_t>(offset - it->text_offset)};
  }
};

/// One import spec.
struct import_spec {
  std::string name; ///< "" when not renamed; ".", "_" or the identifier
  std::string path; ///< unquoted
  position pos;     ///< of the path literal
};

/// A `//go:build` or `// +build` line of the header.
struct build_line {
  std::string text; ///< the expression after "//go:build" / "+build", trimmed
  position pos;     ///< of the "//"
};

/// A `#cgo` line of the preamble.
struct cgo_line {
  std::string text;                ///< the line, trimmed: "#cgo LDFLAGS: -lm"
  std::uint32_t preamble_line = 0; ///< 1-based line of preamble::text holding the '#'
  position pos;                    ///< of the '#'
};

/// An `//export Name` directive.
struct export_directive {
  std::string name;      ///< as cmd/cgo reads it (may be empty or wrong: see go_file::cgo_errors)
  position pos;          ///< of the "//export" comment
  std::string func_name; ///< the name of the func it documents (the method name for a method)
};

struct go_file {
  std::string package_name;
  position package_pos; ///< of the package name
  std::vector<build_line> go_build;
  /// The `// +build` lines go/build reads (it ignores them when there is a
  /// `//go:build` line).
  std::vector<build_line> plus_build;
  bool binary_only_package = false; ///< `//go:binary-only-package` in the header
  std::vector<import_spec> imports;
  bool imports_c = false;
  position import_c_pos; ///< of the first `"C"` path
  std::optional<preamble> cgo_preamble;
  std::vector<cgo_line> cgo_lines;
  std::vector<export_directive> exports;
  /// Errors cmd/cgo reports that go/build does not (the `//export` checks).
  std::vector<source_error> cgo_errors;
};

struct parse_result {
  go_file file;
  /// The first error by position: a lexer error, a syntax error in the
  /// header, `invalid import path: ...`, `cannot rename import "C"`,
  /// `multiple //go:build comments`. What was read before it is kept.
  std::optional<source_error> error;
};

namespace detail {

/// go/scanner's comment text: `//` comments lose a final '\r' and then every
/// '\r'; `/* */` comments every '\r' except one between '*' and '/'
/// (stripCR). Returns, for each kept byte, its index in `raw`.
inline std::vector<std::uint32_t> comment_kept_bytes(std::string_view raw) {
  std::vector<std::uint32_t> kept;
  kept.reserve(raw.size());
  const bool slash_star = raw.size() >= 2 && raw[1] == '*';
  std::size_t end = raw.size();
  if (!slash_star && end > 2 && raw[end - 1] == '\r') {
    --end;
  }
  for (std::size_t j = 0; j < end; ++j) {
    const char ch = raw[j];
    const bool keep_cr = slash_star && kept.size() > 2 && raw[kept.back()] == '*' && j + 1 < end && raw[j + 1] == '/';
    if (ch != '\r' || keep_cr) {
      kept.push_back(static_cast<std::uint32_t>(j));
    }
  }
  return kept;
}

/// The comment's text as go/ast has it (carriage returns removed).
inline std::string comment_text(std::string_view raw) {
  std::string out;
  for (const std::uint32_t k : comment_kept_bytes(raw)) {
    out += raw[k];
  }
  return out;
}

/// A comment group: tokens[first, last) are comments.
struct comment_group {
  std::size_t first = 0;
  std::size_t last = 0;
};

/// The line a comment token ends on (go/parser's consumeComment).
inline std::int64_t comment_end_line(const token &t) {
  return static_cast<std::int64_t>(t.pos.line) + std::count(t.text.begin(), t.text.end(), '\n');
}

/// The doc ("lead") comments go/parser attaches to tokens when it reaches
/// them (parser.next / consumeCommentGroup), by token index.
class lead_comment_map {
public:
  void add(std::size_t token_index, comment_group g) { entries_.emplace_back(token_index, g); }
  std::optional<comment_group> at(std::size_t token_index) const {
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), token_index,
                                     [](const auto &e, std::size_t i) { return e.first < i; });
    if (it == entries_.end() || it->first != token_index) {
      return std::nullopt;
    }
    return it->second;
  }

private:
  std::vector<std::pair<std::size_t, comment_group>> entries_; // sorted by token index
};

inline lead_comment_map lead_comments(const std::vector<token> &tokens) {
  lead_comment_map lead;
  const std::size_t n = tokens.size();
  const auto is_comment = [&](std::size_t i) { return i < n && tokens[i].kind == token_kind::comment; };
  const auto consume_group = [&](std::size_t &i, std::int64_t extra) {
    comment_group g{i, i};
    std::int64_t endline = tokens[i].pos.line;
    while (is_comment(i) && static_cast<std::int64_t>(tokens[i].pos.line) <= endline + extra) {
      endline = comment_end_line(tokens[i]);
      ++i;
    }
    g.last = i;
    return std::pair<comment_group, std::int64_t>{g, endline};
  };
  std::int64_t prev_line = 0; // the first token's predecessor is NoPos (line 0)
  std::size_t i = 0;
  while (i < n) {
    std::optional<comment_group> doc;
    if (is_comment(i)) {
      if (static_cast<std::int64_t>(tokens[i].pos.line) == prev_line) {
        // A comment on the line of the previous token: a line comment, in
        // a group of its own.
        consume_group(i, 0);
      }
      std::int64_t endline = -1;
      std::optional<comment_group> last;
      while (is_comment(i)) {
        auto [g, e] = consume_group(i, 1);
        last = g;
        endline = e;
      }
      if (i < n && endline + 1 == static_cast<std::int64_t>(tokens[i].pos.line)) {
        doc = last;
      }
    }
    if (i >= n) {
      break;
    }
    if (doc) {
      lead.add(i, *doc);
    }
    prev_line = tokens[i].pos.line;
    ++i;
  }
  return lead;
}

/// go/parser's "found X" in `expected ..., found X`.
inline std::string found_text(const token &t) {
  switch (t.kind) {
  case token_kind::identifier:
  case token_kind::number:
  case token_kind::rune:
  case token_kind::string:
  case token_kind::raw_string:
    return std::string(t.text);
  case token_kind::semicolon:
    return is_automatic_semicolon(t) ? "newline" : "';'";
  case token_kind::eof:
    return "'EOF'";
  default:
    return "'" + std::string(t.text) + "'";
  }
}

/// strconv.Unquote of a literal the lexer accepted.
inline std::string unquote_go_string(std::string_view lit) {
  std::string out;
  if (lit.size() < 2) {
    return out;
  }
  const std::string_view body = lit.substr(1, lit.size() - 2);
  if (lit[0] == '`') {
    for (const char c : body) {
      if (c != '\r') {
        out += c;
      }
    }
    return out;
  }
  const auto hex = [](char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return 0;
  };
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      out += body[i];
      continue;
    }
    const char e = body[++i];
    const auto number = [&](std::size_t digits, int base) {
      std::uint32_t v = 0;
      for (std::size_t k = 0; k < digits && i + 1 < body.size(); ++k) {
        v = v * static_cast<std::uint32_t>(base) + static_cast<std::uint32_t>(hex(body[++i]));
      }
      return v;
    };
    switch (e) {
    case 'a': out += '\a'; break;
    case 'b': out += '\b'; break;
    case 'f': out += '\f'; break;
    case 'n': out += '\n'; break;
    case 'r': out += '\r'; break;
    case 't': out += '\t'; break;
    case 'v': out += '\v'; break;
    case 'x': out += static_cast<char>(number(2, 16)); break;
    case 'u': out += gotext::encode_rune(static_cast<std::int32_t>(number(4, 16))); break;
    case 'U': out += gotext::encode_rune(static_cast<std::int32_t>(number(8, 16))); break;
    default:
      if (e >= '0' && e <= '7') {
        --i;
        out += static_cast<char>(number(3, 8));
      } else {
        out += e; // \\ and \"
      }
    }
  }
  return out;
}

/// go/parser's isValidImport (1.19; go/build's own check in 1.21+).
inline bool valid_import_path(std::string_view path) {
  static constexpr std::string_view illegal = "!\"#$%&'()*,:;<=>?[\\]^{|}`";
  if (path.empty()) {
    return false;
  }
  for (std::size_t i = 0; i < path.size();) {
    const gotext::decoded_rune d = gotext::decode_rune(path, i);
    if (d.rune == gotext::rune_error || !gotext::is_graphic(d.rune) || gotext::is_space(d.rune) ||
        (d.rune < 0x80 && illegal.find(static_cast<char>(d.rune)) != std::string_view::npos)) {
      return false;
    }
    i += d.width;
  }
  return true;
}

/// Builds a preamble from a comment group, byte by byte.
class preamble_builder {
public:
  void add_comment(const token &c) {
    if (!started_) {
      started_ = true;
      out_.comment_pos = c.pos;
    }
    const std::string_view raw = c.text;
    // The .go position of every byte of the raw comment.
    std::vector<position> where(raw.size() + 1);
    position p = c.pos;
    for (std::size_t k = 0; k <= raw.size(); ++k) {
      where[k] = p;
      if (k < raw.size() && raw[k] == '\n') {
        ++p.line;
        p.column = 1;
      } else {
        ++p.column;
      }
    }
    const std::vector<std::uint32_t> kept = comment_kept_bytes(raw);
    const auto piece_start = static_cast<std::uint32_t>(out_.text.size());
    if (raw.size() >= 2 && raw[1] == '/') {
      for (std::size_t k = 2; k < kept.size(); ++k) {
        emit(raw[kept[k]], where[kept[k]]);
      }
      // The "\n" commentText adds: it stands where the comment ends.
      const std::size_t end = kept.empty() ? raw.size() : kept.back() + 1;
      emit('\n', where[end]);
      pieces_.emplace_back(piece_start, static_cast<std::uint32_t>(out_.text.size() - 1));
    } else {
      for (std::size_t k = 2; k + 2 < kept.size(); ++k) {
        emit(raw[kept[k]], where[kept[k]]);
      }
      pieces_.emplace_back(piece_start, static_cast<std::uint32_t>(out_.text.size()));
    }
  }

  /// The text line (1-based) that holds text offset `off`.
  std::uint32_t line_of(std::size_t off) const {
    const auto it = std::upper_bound(out_.lines.begin(), out_.lines.end(), off,
                                     [](std::size_t o, const preamble_line &l) { return o < l.text_offset; });
    return static_cast<std::uint32_t>(it - out_.lines.begin());
  }

  /// saveCgo's `#cgo` lines: per comment, the lines of its text.
  std::vector<cgo_line> cgo_lines() const {
    std::vector<cgo_line> out;
    for (const auto &[begin, end] : pieces_) {
      std::size_t line_start = begin;
      while (line_start <= end) {
        std::size_t line_end = out_.text.find('\n', line_start);
        if (line_end == std::string::npos || line_end > end) {
          line_end = end;
        }
        const std::string_view line = std::string_view(out_.text).substr(line_start, line_end - line_start);
        const std::string_view trimmed = gotext::trim_space(line);
        if (trimmed.size() >= 5 && trimmed.substr(0, 4) == "#cgo" && (trimmed[4] == ' ' || trimmed[4] == '\t')) {
          const std::size_t off = line_start + static_cast<std::size_t>(trimmed.data() - line.data());
          const std::uint32_t l = line_of(off);
          const preamble_line &pl = out_.lines[l - 1];
          out.push_back(cgo_line{std::string(trimmed), l,
                                 out_.go_position(l, static_cast<std::uint32_t>(off - pl.text_offset + 1))});
        }
        line_start = line_end + 1;
      }
    }
    return out;
  }

  preamble take() { return std::move(out_); }

private:
  preamble out_;
  bool started_ = false;
  position last_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pieces_; // [begin, end) of each comment's text, no added '\n'

  void emit(char c, position where) {
    const auto off = static_cast<std::uint32_t>(out_.text.size());
    if (out_.text.empty() || out_.text.back() == '\n') {
      out_.lines.push_back(preamble_line{where.line, where.column, off});
    }
    if (out_.segments.empty() || where.line != last_.line || where.column != last_.column + 1) {
      out_.segments.push_back(preamble_segment{off, where});
    }
    last_ = where;
    out_.text += c;
  }
};

/// go/build's parseFileHeader and splitPlusBuild, on the whole content
/// (the BOM, if any, is skipped but counted in columns).
inline std::optional<source_error> read_build_header(std::string_view content, go_file &f) {
  const std::size_t bom = content.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::size_t pos = bom;
  std::size_t end = bom;
  bool ended = false;
  bool in_slash_star = false;
  std::uint32_t line_no = 0;
  std::size_t line_begin = 0; // offset of the line's first byte (BOM included on line 1)
  std::vector<build_line> plus_candidates;
  std::vector<std::size_t> plus_offsets;
  std::optional<source_error> err;
  while (pos < content.size()) {
    ++line_no;
    line_begin = line_no == 1 ? 0 : pos;
    std::size_t nl = content.find('\n', pos);
    std::string_view raw = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    std::string_view line = gotext::trim_space(raw);
    const auto line_pos = [&](std::string_view l) {
      return position{line_no, static_cast<std::uint32_t>(l.data() - content.data() - line_begin + 1)};
    };
    if (line.empty() && !ended) {
      end = pos;
      continue;
    }
    if (line.substr(0, 2) != "//") {
      ended = true;
    }
    if (!in_slash_star && line.substr(0, 10) == "//go:build") {
      const std::string_view rest = line.substr(10);
      const std::string_view trim = gotext::trim_space(rest);
      if (rest.empty() || trim.size() < rest.size()) {
        if (!f.go_build.empty() && !err) {
          err = source_error{line_pos(line), "multiple //go:build comments"};
        }
        f.go_build.push_back(build_line{std::string(trim), line_pos(line)});
      }
    }
    if (!in_slash_star && line == "//go:binary-only-package") {
      f.binary_only_package = true;
    }
    if (line.substr(0, 2) == "//" && line.find("+build") != std::string_view::npos) {
      std::string_view body = gotext::trim_space(line.substr(2));
      if (body.substr(0, 6) == "+build") {
        const std::string_view after = body.substr(6);
        const std::string_view trim = gotext::trim_space(after);
        if (after.size() != trim.size() || after.empty()) {
          plus_candidates.push_back(build_line{std::string(trim), line_pos(line)});
          plus_offsets.push_back(pos);
        }
      }
    }
    bool stop = false;
    while (!line.empty()) {
      if (in_slash_star) {
        const std::size_t i = line.find("*/");
        if (i == std::string_view::npos) {
          break;
        }
        in_slash_star = false;
        line = gotext::trim_space(line.substr(i + 2));
        continue;
      }
      if (line.substr(0, 2) == "//") {
        break;
      }
      if (line.substr(0, 2) == "/*") {
        in_slash_star = true;
        line = gotext::trim_space(line.substr(2));
        continue;
      }
      stop = true; // non-comment text
      break;
    }
    if (stop) {
      break;
    }
  }
  for (std::size_t i = 0; i < plus_candidates.size(); ++i) {
    if (plus_offsets[i] <= end) {
      f.plus_build.push_back(plus_candidates[i]);
    }
  }
  return err;
}

/// The lowest-positioned error.
inline void keep_first(std::optional<source_error> &into, std::optional<source_error> e) {
  if (e && (!into || e->pos < into->pos)) {
    into = std::move(e);
  }
}

} // namespace detail

/// Reads a .go file as go/build (header, imports, #cgo lines) and cmd/cgo
/// (preamble, //export) do. Never throws for bad input.
inline parse_result parse_go_file(std::string_view content) {
  parse_result out;
  go_file &f = out.file;
  lex_result lexed = lex(content);
  const std::vector<token> &toks = lexed.tokens;
  std::optional<source_error> header_error = detail::read_build_header(content, f);

  // The non-comment tokens, with a final eof (at the lexer error, if any).
  std::vector<std::size_t> code;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != token_kind::comment) {
      code.push_back(i);
    }
  }
  token stop;
  if (lexed.error) {
    stop.pos = lexed.error->pos;
  }
  const detail::lead_comment_map lead = detail::lead_comments(toks);
  std::size_t at = 0;
  const auto cur = [&]() -> const token & { return at < code.size() ? toks[code[at]] : stop; };
  const auto cur_lead = [&]() -> std::optional<detail::comment_group> {
    return at < code.size() ? lead.at(code[at]) : std::nullopt;
  };
  const auto is_op = [&](std::string_view op) { return cur().kind == token_kind::op && cur().text == op; };
  const auto advance = [&] {
    if (at < code.size()) {
      ++at;
    }
  };
  std::optional<source_error> syntax;
  const auto expected = [&](std::string_view what) {
    syntax = source_error{cur().pos, "expected " + std::string(what) + ", found " + detail::found_text(cur())};
  };
  const auto expect_semi = [&] {
    if (is_op(")") || is_op("}")) {
      return true;
    }
    if (cur().kind == token_kind::semicolon) {
      advance();
      return true;
    }
    expected("';'");
    return false;
  };

  bool ok = false;
  std::optional<detail::comment_group> c_doc;
  bool c_seen = false;
  do {
    if (cur().kind != token_kind::keyword || cur().text != "package") {
      expected("'package'");
      break;
    }
    advance();
    if (cur().kind != token_kind::identifier) {
      expected("'IDENT'");
      break;
    }
    f.package_name = std::string(cur().text);
    f.package_pos = cur().pos;
    advance();
    if (!expect_semi()) {
      break;
    }
    ok = true;
    // Import declarations.
    while (ok && cur().kind == token_kind::keyword && cur().text == "import") {
      const std::optional<detail::comment_group> decl_doc = cur_lead();
      advance();
      struct spec_doc {
        std::size_t import_index;
        std::optional<detail::comment_group> doc;
      };
      std::vector<spec_doc> specs;
      const auto parse_spec = [&](std::optional<detail::comment_group> doc) {
        import_spec spec;
        if (is_op(".")) {
          spec.name = ".";
          advance();
        } else if (cur().kind == token_kind::identifier) {
          spec.name = std::string(cur().text);
          advance();
        }
        if (cur().kind != token_kind::string && cur().kind != token_kind::raw_string) {
          expected("'STRING'");
          return false;
        }
        spec.pos = cur().pos;
        spec.path = detail::unquote_go_string(cur().text);
        if (!detail::valid_import_path(spec.path)) {
          detail::keep_first(syntax, source_error{cur().pos, "invalid import path: " + std::string(cur().text)});
        }
        advance();
        specs.push_back({f.imports.size(), doc});
        f.imports.push_back(std::move(spec));
        return expect_semi();
      };
      if (is_op("(")) {
        advance();
        while (!is_op(")") && cur().kind != token_kind::eof) {
          if (!parse_spec(cur_lead())) {
            ok = false;
            break;
          }
        }
        if (ok) {
          if (!is_op(")")) {
            expected("')'");
            ok = false;
          } else {
            advance();
            ok = expect_semi();
          }
        }
      } else {
        ok = parse_spec(std::nullopt);
      }
      for (const spec_doc &s : specs) {
        const import_spec &spec = f.imports[s.import_index];
        if (spec.path != "C") {
          continue;
        }
        if (!spec.name.empty()) {
          detail::keep_first(syntax, source_error{spec.pos, "cannot rename import \"C\""});
        }
        if (c_seen) {
          continue;
        }
        c_seen = true;
        f.imports_c = true;
        f.import_c_pos = spec.pos;
        c_doc = s.doc;
        if (!c_doc && specs.size() == 1) {
          c_doc = decl_doc;
        }
      }
    }
  } while (false);

  if (c_doc) {
    detail::preamble_builder b;
    for (std::size_t i = c_doc->first; i < c_doc->last; ++i) {
      b.add_comment(toks[i]);
    }
    f.cgo_lines = b.cgo_lines();
    f.cgo_preamble = b.take();
  }

  // Top-level func declarations and their //export comments.
  if (ok) {
    int depth = 0;
    for (std::size_t k = at; k < code.size(); ++k) {
      const token &t = toks[code[k]];
      if (t.kind == token_kind::op && (t.text == "(" || t.text == "[" || t.text == "{")) {
        ++depth;
      } else if (t.kind == token_kind::op && (t.text == ")" || t.text == "]" || t.text == "}")) {
        depth = std::max(0, depth - 1);
      }
      if (depth != 0 || t.kind != token_kind::keyword || t.text != "func" ||
          (k > at && toks[code[k - 1]].kind != token_kind::semicolon)) {
        continue;
      }
      const std::optional<detail::comment_group> doc = lead.at(code[k]);
      if (!doc) {
        continue;
      }
      // The name: after the receiver, if any.
      std::size_t n = k + 1;
      if (n < code.size() && toks[code[n]].kind == token_kind::op && toks[code[n]].text == "(") {
        int d = 0;
        for (; n < code.size(); ++n) {
          const token &r = toks[code[n]];
          if (r.kind == token_kind::op && r.text == "(") {
            ++d;
          } else if (r.kind == token_kind::op && r.text == ")" && --d == 0) {
            ++n;
            break;
          }
        }
      }
      const std::string func_name =
          n < code.size() && toks[code[n]].kind == token_kind::identifier ? std::string(toks[code[n]].text) : "";
      for (std::size_t c = doc->first; c < doc->last; ++c) {
        const std::string text = detail::comment_text(toks[c].text);
        if (text.rfind("//export ", 0) != 0) {
          continue;
        }
        const std::string name(detail::gotext::trim_space(std::string_view(text).substr(9)));
        if (name.empty()) {
          f.cgo_errors.push_back(source_error{toks[c].pos, "export missing name"});
        } else if (name != func_name) {
          f.cgo_errors.push_back(source_error{toks[c].pos, "export comment has wrong name " + detail::gotext::quote(name) +
                                                               ", want " + detail::gotext::quote(func_name)});
        }
        f.exports.push_back(export_directive{name, toks[c].pos, func_name});
        break;
      }
    }
  }

  // The first error by position; a syntax error found where the lexer
  // stopped is the lexer's.
  out.error = std::move(lexed.error);
  if (syntax && (!out.error || syntax->pos < out.error->pos)) {
    out.error = std::move(syntax);
  }
  detail::keep_first(out.error, std::move(header_error));
  return out;
}

} // namespace cgocheck::cgo

#endif // CGOCHECK_CGO_SOURCE_HPP
