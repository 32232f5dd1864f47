// The Go lexer (cgo/lexer.hpp) and the per-file reader (cgo/source.hpp):
// tokens, automatic semicolons and go/scanner's error texts; the header's
// build lines; go/parser's header errors; the cgo preamble with its exact
// line map, `#cgo` lines and `//export`.
//
// Every expected error text and position below was produced by go1.19.8:
// go/scanner (a small driver printing tokens and the first error by
// position) for the lexer, `gofmt` for the parser, `go list` for the build
// lines, `go tool cgo` for the preambles (the last TEST_CASE re-runs it).
// The lexer was also compared token by token with go/scanner on all 8914
// .go files under /usr/lib/go-1.19/{src,misc,test} (identical but for
// positions remapped by `//line`, which are not modelled), and the reader
// with go/parser on the same files and on 9000 generated headers.
#include "cgocheck/cgo/lexer.hpp"
#include "cgocheck/cgo/position.hpp"
#include "cgocheck/cgo/source.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using cgocheck::cgo::format_error;
using cgocheck::cgo::go_file;
using cgocheck::cgo::lex;
using cgocheck::cgo::lex_result;
using cgocheck::cgo::parse_go_file;
using cgocheck::cgo::parse_result;
using cgocheck::cgo::position;
using cgocheck::cgo::preamble;
using cgocheck::cgo::source_error;
using cgocheck::cgo::token;
using cgocheck::cgo::token_kind;
using strings = std::vector<std::string>;

namespace {

// "kind:text" for every token, e.g. "identifier:x", "semicolon:\n".
strings kinds(const lex_result &r) {
  strings out;
  for (const token &t : r.tokens) {
    std::string k;
    switch (t.kind) {
    case token_kind::identifier: k = "identifier"; break;
    case token_kind::keyword: k = "keyword"; break;
    case token_kind::number: k = "number"; break;
    case token_kind::rune: k = "rune"; break;
    case token_kind::string: k = "string"; break;
    case token_kind::raw_string: k = "raw_string"; break;
    case token_kind::op: k = "op"; break;
    case token_kind::comment: k = "comment"; break;
    case token_kind::semicolon: k = "semicolon"; break;
    case token_kind::eof: k = "eof"; break;
    }
    out.push_back(k + ":" + std::string(t.text));
  }
  return out;
}

std::string error_of(std::string_view src) {
  const lex_result r = lex(src);
  return r.error ? format_error("x.go", *r.error) : "";
}

std::string parse_error_of(std::string_view src) {
  const parse_result r = parse_go_file(src);
  return r.error ? format_error("x.go", *r.error) : "";
}

// The byte offset of a .go position.
std::size_t offset_of(std::string_view content, position p) {
  std::size_t off = 0;
  for (std::uint32_t line = 1; line < p.line; ++line) {
    off = content.find('\n', off);
    REQUIRE(off != std::string_view::npos);
    ++off;
  }
  return off + p.column - 1;
}

// Every byte of the preamble text maps back to the same byte of the .go
// file; the '\n' commentText adds maps to the end of its `//` comment; the
// column after the last line of a `/* */` preamble maps to its "*/".
void require_exact_map(std::string_view content, const preamble &p) {
  for (std::size_t l = 0; l < p.lines.size(); ++l) {
    const std::size_t start = p.lines[l].text_offset;
    std::size_t end = l + 1 < p.lines.size() ? p.lines[l + 1].text_offset : p.text.size();
    if (end > start && p.text[end - 1] == '\n') {
      --end; // the '\n' is column length+1
    }
    REQUIRE(position{p.lines[l].go_line, p.lines[l].go_column} == p.go_position(static_cast<std::uint32_t>(l + 1), 1));
    for (std::size_t off = start; off <= end; ++off) {
      const auto column = static_cast<std::uint32_t>(off - start + 1);
      const position where = p.go_position(static_cast<std::uint32_t>(l + 1), column);
      const std::size_t src = offset_of(content, where);
      INFO("text line " << l + 1 << " column " << column << " -> " << where.line << ":" << where.column);
      REQUIRE(src <= content.size());
      if (off == p.text.size()) {
        std::size_t close = src;
        while (close < content.size() && content[close] == '\r') {
          ++close; // a '\r' dropped just before the "*/"
        }
        REQUIRE(content.substr(close, 2) == "*/");
      } else if (p.text[off] == '\n') {
        REQUIRE((src == content.size() || content[src] == '\n' || content[src] == '\r'));
      } else {
        REQUIRE(content[src] == p.text[off]);
      }
    }
  }
}

std::string read_file(const std::filesystem::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

} // namespace

// --- position.hpp -------------------------------------------------------------

TEST_CASE("format_error prints positions as go/scanner does", "[cgo][source]") {
  CHECK(format_error("a.go", source_error{{3, 7}, "boom"}) == "a.go:3:7: boom");
  CHECK(format_error("a.go", source_error{{3, 0}, "boom"}) == "a.go:3: boom");
  CHECK(format_error("a.go", source_error{{}, "boom"}) == "a.go: boom");
  CHECK(format_error("", source_error{{2, 1}, "boom"}) == "2:1: boom");
  CHECK(format_error("", source_error{{}, "boom"}) == "boom");
}

// --- lexer.hpp ----------------------------------------------------------------

TEST_CASE("lex inserts semicolons where go/scanner does", "[cgo][source]") {
  const lex_result r = lex("package p\nfunc f() int {\n\treturn x + 1 // one\n}\n");
  REQUIRE_FALSE(r.error);
  CHECK(kinds(r) == strings{"keyword:package", "identifier:p", "semicolon:\n", "keyword:func", "identifier:f",
                            "op:(", "op:)", "identifier:int", "op:{", "keyword:return", "identifier:x", "op:+",
                            "number:1", "semicolon:\n", "comment:// one", "op:}", "semicolon:\n", "eof:"});
  // The semicolon before a comment stands at the comment (go/scanner).
  CHECK(r.tokens[13].pos == position{3, 15});
  CHECK(r.tokens[14].pos == position{3, 15});
  CHECK(r.tokens[13].offset == r.tokens[14].offset);
  // A newline semicolon views the newline itself.
  CHECK(r.tokens[2].pos == position{1, 10});
  CHECK(r.tokens[2].offset == 9);
  // The end after a final newline stays on the last line (go/token).
  CHECK(r.tokens.back().pos == position{4, 3});
}

TEST_CASE("lex: semicolon at the end of the file, keywords that end statements", "[cgo][source]") {
  CHECK(kinds(lex("break")) == strings{"keyword:break", "semicolon:", "eof:"});
  CHECK(kinds(lex("x++ /* c */")) == strings{"identifier:x", "op:++", "semicolon:\n", "comment:/* c */", "eof:"});
  // A comment followed by a token on the same line: no semicolon.
  CHECK(kinds(lex("x /* c */ + y")) ==
        strings{"identifier:x", "comment:/* c */", "op:+", "identifier:y", "semicolon:", "eof:"});
  // A multi-line /* */ comment ends the line.
  CHECK(kinds(lex("x /* a\nb */ y")) ==
        strings{"identifier:x", "semicolon:\n", "comment:/* a\nb */", "identifier:y", "semicolon:", "eof:"});
  CHECK(kinds(lex("a &^= b <<= 2 ... <- ~")) == strings{"identifier:a", "op:&^=", "identifier:b", "op:<<=", "number:2",
                                                         "op:...", "op:<-", "op:~", "eof:"});
  CHECK(kinds(lex("0x1p-2i .5 1_000 'a' '\\n' \"s\\\"\" `r`")) ==
        strings{"number:0x1p-2i", "number:.5", "number:1_000", "rune:'a'", "rune:'\\n'", "string:\"s\\\"\"",
                "raw_string:`r`", "semicolon:", "eof:"});
}

TEST_CASE("lex skips a BOM at the start only, counting its bytes in columns", "[cgo][source]") {
  const lex_result r = lex("\xEF\xBB\xBFpackage p\n");
  REQUIRE_FALSE(r.error);
  CHECK(r.tokens[0].pos == position{1, 4});
  CHECK(r.tokens[0].offset == 3);
  CHECK(error_of("package p\n\xEF\xBB\xBFvar x = 1\n") == "x.go:2:1: illegal byte order mark");
  CHECK(error_of("package p\nvar x = `\xEF\xBB\xBF`\n") == "x.go:2:10: illegal byte order mark");
}

TEST_CASE("lex reports go/scanner's errors", "[cgo][source]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"package p\nvar s = \"abc\n", "x.go:2:9: string literal not terminated"},
      {"package p\nvar s = `abc\n", "x.go:2:9: raw string literal not terminated"},
      {"package p\nvar r = 'a\n", "x.go:2:9: rune literal not terminated"},
      {"package p\nvar r = 'ab'\n", "x.go:2:9: illegal rune literal"},
      {"package p\nvar r = ''\n", "x.go:2:9: illegal rune literal"},
      {"package p\n/* never closed\n", "x.go:2:1: comment not terminated"},
      {std::string("package p\nvar x = 1\0\n", 21), "x.go:2:10: illegal character NUL"},
      {"package p\nvar \xFF = 1\n", "x.go:2:5: illegal UTF-8 encoding"},
      {"package p\nvar x = $\n", "x.go:2:9: illegal character U+0024 '$'"},
      {"package p\nvar x = \f1\n", "x.go:2:9: illegal character U+000C"},
      {"package p\nvar \xC3\xA9t\xC3\xA9 = 1\nvar x = \xE2\x8A\x9B\n", "x.go:3:9: illegal character U+229B '\xE2\x8A\x9B'"},
      {"package p\nvar x = 0x\n", "x.go:2:11: hexadecimal literal has no digits"},
      {"package p\nvar x = 1__0\n", "x.go:2:11: '_' must separate successive digits"},
      {"package p\nvar x = 0x_\n", "x.go:2:11: '_' must separate successive digits"},
      {"package p\nvar x = 0o8\n", "x.go:2:11: invalid digit '8' in octal literal"},
      {"package p\nvar x = 09\n", "x.go:2:10: invalid digit '9' in octal literal"},
      {"package p\nvar x = 0b102\n", "x.go:2:13: invalid digit '2' in binary literal"},
      {"package p\nvar x = 1e+\n", "x.go:2:12: exponent has no digits"},
      {"package p\nvar x = 0x1.0\n", "x.go:2:14: hexadecimal mantissa requires a 'p' exponent"},
      {"package p\nvar x = 1p4\n", "x.go:2:10: 'p' exponent requires hexadecimal mantissa"},
      {"package p\nvar x = 0b1.0\n", "x.go:2:12: invalid radix point in binary literal"},
      {"package p\nvar s = \"\\q\"\n", "x.go:2:11: unknown escape sequence"},
      {"package p\nvar s = \"\\xZZ\"\n", "x.go:2:12: illegal character U+005A 'Z' in escape sequence"},
      {"package p\nvar s = \"\\U00110000\"\n", "x.go:2:11: escape sequence is invalid Unicode code point"},
      {"package p\nvar s = \"\\uD800\"\n", "x.go:2:11: escape sequence is invalid Unicode code point"},
      {"package p\n//line foo.go:x\nvar x = 1\n", "x.go:2:15: invalid line number: x"},
      {"package p\n//line foo.go:10:0\nvar x = 1\n", "x.go:2:18: invalid column number: 0"},
      {"package p\n/*line foo.go:0*/ var x = 1\n", "x.go:2:15: invalid line number: 0"},
  };
  for (const auto &[src, want] : cases) {
    INFO(src);
    CHECK(error_of(src) == want);
  }
  // Unicode letters and digits make identifiers.
  CHECK(kinds(lex("\xC3\xA9t\xC3\xA9\xD9\xA3")) == strings{"identifier:\xC3\xA9t\xC3\xA9\xD9\xA3", "semicolon:", "eof:"});
  // "//line" must start its line to be a directive.
  CHECK(error_of("package p; //line foo.go:x\n") == "");
}

TEST_CASE("lex stops at the first error by position and keeps the tokens before", "[cgo][source]") {
  // go/scanner reports the NUL first but sorts the unterminated string
  // (earlier) before it.
  const std::string src("package p\nvar s = \"ab\0c\n", 24);
  const lex_result r = lex(src);
  REQUIRE(r.error);
  CHECK(format_error("x.go", *r.error) == "x.go:2:9: string literal not terminated");
  CHECK(kinds(r) == strings{"keyword:package", "identifier:p", "semicolon:\n", "keyword:var", "identifier:s", "op:="});
  // Same position: messages sort ("illegal UTF-8" before "illegal character").
  CHECK(error_of("package p\nvar x = a\xFF\n") == "x.go:2:10: illegal UTF-8 encoding");
}

// --- source.hpp: header and imports -------------------------------------------

TEST_CASE("parse_go_file: go/parser's header errors", "[cgo][source]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "x.go:1:1: expected 'package', found 'EOF'"},
      {"// hi\n", "x.go:1:7: expected 'package', found 'EOF'"},
      {"func x", "x.go:1:1: expected 'package', found 'func'"},
      {"package 1\n", "x.go:1:9: expected 'IDENT', found 1"},
      {"package\n\nfoo bar\n", "x.go:3:5: expected ';', found bar"},
      {"package p; import fmt\n", "x.go:1:22: expected 'STRING', found newline"},
      {"package p\nimport (\"fmt\"\n", "x.go:2:15: expected ')', found 'EOF'"},
      {"package p\nimport \"\"\n", "x.go:2:8: invalid import path: \"\""},
      {"package p\nimport \"fmt\" \"os\"\n", "x.go:2:14: expected ';', found \"os\""},
      {"package p\nimport (\n\t\"fmt\"\n\t\"os\" x\n)\n", "x.go:4:7: expected ';', found x"},
      {"package p\nimport `a\tb`\n", "x.go:2:8: invalid import path: `a\tb`"},
      {"package main\nimport (\n\"C\", \"fmt\")\n", "x.go:3:4: expected ';', found ','"},
      {"package p\nimport (\n\"fmt\"\n,)\n", "x.go:4:1: expected 'STRING', found ','"},
      // cmd/cgo's own error.
      {"package p\n\nimport foo \"C\"\n", "x.go:3:12: cannot rename import \"C\""},
      // go/build's.
      {"//go:build linux\n//go:build cgo\n\npackage p\n", "x.go:2:1: multiple //go:build comments"},
      // A lexer error after the header.
      {"package p\nfunc f() { x := 'ab' }\n", "x.go:2:17: illegal rune literal"},
  };
  for (const auto &[src, want] : cases) {
    INFO(src);
    CHECK(parse_error_of(src) == want);
  }
}

TEST_CASE("parse_go_file: package clause and imports", "[cgo][source]") {
  const parse_result r = parse_go_file("package imagecache\n\nimport (\n\t\"errors\"\n\tu \"unsafe\"\n\t. \"fmt\"\n"
                                       "\t_ \"embed\"\n)\nimport \"C\"\nimport `os`\n\nfunc f() {}\n");
  REQUIRE_FALSE(r.error);
  const go_file &f = r.file;
  CHECK(f.package_name == "imagecache");
  CHECK(f.package_pos == position{1, 9});
  REQUIRE(f.imports.size() == 6);
  CHECK(f.imports[0].name.empty());
  CHECK(f.imports[0].path == "errors");
  CHECK(f.imports[0].pos == position{4, 2});
  CHECK(f.imports[1].name == "u");
  CHECK(f.imports[1].pos == position{5, 4});
  CHECK(f.imports[2].name == ".");
  CHECK(f.imports[3].name == "_");
  CHECK(f.imports[4].path == "C");
  CHECK(f.imports[5].path == "os");
  CHECK(f.imports_c);
  CHECK(f.import_c_pos == position{9, 8});
  CHECK_FALSE(f.cgo_preamble);
  // Escapes are unquoted as strconv.Unquote does.
  const parse_result esc = parse_go_file("package p\nimport \"\\u00e9t\\x41\\101\"\n");
  REQUIRE_FALSE(esc.error);
  CHECK(esc.file.imports[0].path == "\xC3\xA9t" "AA");
}

TEST_CASE("parse_go_file: //go:build and // +build lines of the header (go/build)", "[cgo][source]") {
  const parse_result r = parse_go_file("// Copyright line.\n\n//go:build linux && cgo\n// +build linux,cgo\n\n"
                                       "// Package p does things.\n// +build ignored\npackage p\n");
  REQUIRE_FALSE(r.error);
  const go_file &f = r.file;
  REQUIRE(f.go_build.size() == 1);
  CHECK(f.go_build[0].text == "linux && cgo");
  CHECK(f.go_build[0].pos == position{3, 1});
  // The `// +build` line right above the package clause is not followed by
  // a blank line, so go/build ignores it (`go list` keeps such a file).
  REQUIRE(f.plus_build.size() == 1);
  CHECK(f.plus_build[0].text == "linux,cgo");
  CHECK(f.plus_build[0].pos == position{4, 1});
  CHECK_FALSE(f.binary_only_package);

  // Inside /* */ nothing counts; "//go:buildx" is not a build line;
  // "//+build" without the space is one; indentation is trimmed.
  const parse_result r2 = parse_go_file("/*\n//go:build ignore\n*/\n//go:buildx\n  //+build  darwin \n\n"
                                        "//go:binary-only-package\n\npackage p\n");
  REQUIRE_FALSE(r2.error);
  CHECK(r2.file.go_build.empty());
  REQUIRE(r2.file.plus_build.empty()); // after a /* */ block the header has ended for +build
  CHECK(r2.file.binary_only_package);

  const parse_result r3 = parse_go_file("  //+build  darwin \n\npackage p\n");
  REQUIRE(r3.file.plus_build.size() == 1);
  CHECK(r3.file.plus_build[0].text == "darwin");
  CHECK(r3.file.plus_build[0].pos == position{1, 3});

  // A BOM is skipped; the columns of line 1 still count it (go list
  // honours this //go:build ignore).
  const parse_result r4 = parse_go_file("\xEF\xBB\xBF//go:build ignore\n\npackage p\n");
  REQUIRE_FALSE(r4.error);
  REQUIRE(r4.file.go_build.size() == 1);
  CHECK(r4.file.go_build[0].text == "ignore");
  CHECK(r4.file.go_build[0].pos == position{1, 4});
  CHECK(r4.file.package_pos == position{3, 9});
}

// --- source.hpp: the preamble --------------------------------------------------

TEST_CASE("preamble from // comments: text, lines and positions", "[cgo][source]") {
  const std::string src = "package p\n\n// #include <stdio.h>\n//#cgo LDFLAGS: -lm\n//\n//\tint x;\nimport \"C\"\n";
  const parse_result r = parse_go_file(src);
  REQUIRE_FALSE(r.error);
  REQUIRE(r.file.cgo_preamble);
  const preamble &p = *r.file.cgo_preamble;
  CHECK(p.text == " #include <stdio.h>\n#cgo LDFLAGS: -lm\n\n\tint x;\n");
  CHECK(p.comment_pos == position{3, 1});
  REQUIRE(p.lines.size() == 4);
  CHECK(position{p.lines[0].go_line, p.lines[0].go_column} == position{3, 3});
  CHECK(position{p.lines[1].go_line, p.lines[1].go_column} == position{4, 3});
  CHECK(position{p.lines[2].go_line, p.lines[2].go_column} == position{5, 3}); // the added "\n"
  CHECK(position{p.lines[3].go_line, p.lines[3].go_column} == position{6, 3});
  CHECK(p.go_position(1, 2) == position{3, 4});  // '#'
  CHECK(p.go_position(4, 2) == position{6, 4});  // 'i' after the tab
  CHECK(p.go_position(4, 99) == position{6, 10}); // clamped to the added '\n' at the end of the line
  REQUIRE(r.file.cgo_lines.size() == 1);
  CHECK(r.file.cgo_lines[0].text == "#cgo LDFLAGS: -lm");
  CHECK(r.file.cgo_lines[0].preamble_line == 2);
  CHECK(r.file.cgo_lines[0].pos == position{4, 3});
  require_exact_map(src, p);
}

TEST_CASE("preamble from a /* */ comment", "[cgo][source]") {
  const std::string src = "package p\n\n/*\n#cgo CFLAGS: -DX=1\n#include \"shim.h\"\n\tstatic int f(void) { return 1; }\n*/\n"
                          "import \"C\"\n";
  const parse_result r = parse_go_file(src);
  REQUIRE_FALSE(r.error);
  const preamble &p = *r.file.cgo_preamble;
  CHECK(p.text == "\n#cgo CFLAGS: -DX=1\n#include \"shim.h\"\n\tstatic int f(void) { return 1; }\n");
  CHECK(p.comment_pos == position{3, 1});
  REQUIRE(p.lines.size() == 4);
  CHECK(position{p.lines[0].go_line, p.lines[0].go_column} == position{3, 3}); // the '\n' after "/*"
  CHECK(position{p.lines[1].go_line, p.lines[1].go_column} == position{4, 1});
  CHECK(p.go_position(4, 2) == position{6, 2});
  REQUIRE(r.file.cgo_lines.size() == 1);
  CHECK(r.file.cgo_lines[0].preamble_line == 2);
  CHECK(r.file.cgo_lines[0].pos == position{4, 1});
  require_exact_map(src, p);
}

TEST_CASE("preamble: /* */ then // joins without a separator (cmd/cgo commentText)", "[cgo][source]") {
  // cmd/cgo's single #line is off here; go_position is not.
  const std::string src = "package p\n\n/* int a; */ /* int b; */\n// int c;\nimport \"C\"\n";
  const parse_result r = parse_go_file(src);
  REQUIRE_FALSE(r.error);
  const preamble &p = *r.file.cgo_preamble;
  CHECK(p.text == " int a;  int b;  int c;\n");
  REQUIRE(p.lines.size() == 1);
  CHECK(p.go_position(1, 2) == position{3, 4});   // 'i' of a
  CHECK(p.go_position(1, 10) == position{3, 17}); // 'i' of b
  CHECK(p.go_position(1, 18) == position{4, 4});  // 'i' of c
  require_exact_map(src, p);
}

TEST_CASE("preamble: no doc comment when a blank line separates it", "[cgo][source]") {
  const parse_result r = parse_go_file("package p\n\n// #include <stdio.h>\n\nimport \"C\"\n");
  REQUIRE_FALSE(r.error);
  CHECK(r.file.imports_c);
  CHECK_FALSE(r.file.cgo_preamble);
  CHECK(r.file.cgo_lines.empty());
  // A comment on the line of the previous token is a line comment, not
  // part of the doc comment below it.
  const parse_result r2 = parse_go_file("package p // pkg\n// int x;\nimport \"C\"\n");
  REQUIRE(r2.file.cgo_preamble);
  CHECK(r2.file.cgo_preamble->text == " int x;\n");
  // A comment on the same line as `import` is no doc comment.
  const parse_result r3 = parse_go_file("package p\n/* int x; */ import \"C\"\n");
  CHECK_FALSE(r3.file.cgo_preamble);
}

TEST_CASE("preamble: grouped imports use the spec's doc, or the decl's for a single spec", "[cgo][source]") {
  // The spec's own doc comment.
  const parse_result a = parse_go_file("package p\n\n// decl doc\nimport (\n\t\"fmt\"\n\t// int x;\n\t\"C\"\n)\n");
  REQUIRE(a.file.cgo_preamble);
  CHECK(a.file.cgo_preamble->text == " int x;\n");
  CHECK(a.file.cgo_preamble->comment_pos == position{6, 2});
  // `import ( "C" )` alone: the declaration's doc comment.
  const parse_result b = parse_go_file("package p\n\n// int y;\nimport (\n\t\"C\"\n)\n");
  REQUIRE(b.file.cgo_preamble);
  CHECK(b.file.cgo_preamble->text == " int y;\n");
  // Two specs and no spec doc: nothing.
  const parse_result c = parse_go_file("package p\n\n// int z;\nimport (\n\t\"C\"\n\t\"fmt\"\n)\n");
  CHECK(c.file.imports_c);
  CHECK_FALSE(c.file.cgo_preamble);
  // A comment on the "(" line is a line comment; the next group is the doc.
  const parse_result d = parse_go_file("package p\nimport ( // paren\n// int w;\n\"C\"\n)\n");
  REQUIRE(d.file.cgo_preamble);
  CHECK(d.file.cgo_preamble->text == " int w;\n");
}

TEST_CASE("preamble: a trailing comment on import \"C\" is not part of it", "[cgo][source]") {
  const parse_result r = parse_go_file("package p\n\n// int x;\nimport \"C\" // cgo\n\nfunc f() {}\n");
  REQUIRE_FALSE(r.error);
  REQUIRE(r.file.cgo_preamble);
  CHECK(r.file.cgo_preamble->text == " int x;\n");
}

TEST_CASE("preamble: CRLF line endings lose their carriage returns as in go/scanner", "[cgo][source]") {
  const std::string src = "package p\r\n\r\n// #include <stdio.h>\r\n// #cgo LDFLAGS: -lm\r\n/*\r\nint x;\r\n*/\r\n"
                          "import \"C\"\r\n";
  const parse_result r = parse_go_file(src);
  REQUIRE_FALSE(r.error);
  const preamble &p = *r.file.cgo_preamble;
  CHECK(p.text == " #include <stdio.h>\n #cgo LDFLAGS: -lm\n\nint x;\n");
  REQUIRE(p.lines.size() == 4);
  CHECK(position{p.lines[2].go_line, p.lines[2].go_column} == position{5, 4}); // the '\n' after "/*\r"
  CHECK(position{p.lines[3].go_line, p.lines[3].go_column} == position{6, 1});
  CHECK(p.go_position(1, 20) == position{3, 22}); // the added '\n' stands at the '\r'
  REQUIRE(r.file.cgo_lines.size() == 1);
  CHECK(r.file.cgo_lines[0].text == "#cgo LDFLAGS: -lm");
  CHECK(r.file.cgo_lines[0].pos == position{4, 4});
  require_exact_map(src, p);
  // A '\r' right before "*/" is dropped too (found by fuzz_go_source).
  const std::string cr = "package p\r\n// a\r\n/* int\r*/\nimport \"C\"\n";
  const parse_result r2 = parse_go_file(cr);
  REQUIRE(r2.file.cgo_preamble);
  CHECK(r2.file.cgo_preamble->text == " a\n int");
  CHECK(r2.file.cgo_preamble->go_position(2, 5) == position{3, 7}); // the dropped '\r'
  require_exact_map(cr, *r2.file.cgo_preamble);
}

TEST_CASE("preamble: BOM, tabs and a last line that is a #cgo line", "[cgo][source]") {
  const std::string src = "\xEF\xBB\xBF// int x;\npackage p\n\n//\t#include <stdlib.h>\n//\t#cgo\tLDFLAGS: -lm\n"
                          "import \"C\"\n";
  const parse_result r = parse_go_file(src);
  REQUIRE_FALSE(r.error);
  CHECK(r.file.package_pos == position{2, 9});
  const preamble &p = *r.file.cgo_preamble;
  CHECK(p.text == "\t#include <stdlib.h>\n\t#cgo\tLDFLAGS: -lm\n");
  REQUIRE(r.file.cgo_lines.size() == 1);
  CHECK(r.file.cgo_lines[0].text == "#cgo\tLDFLAGS: -lm");
  CHECK(r.file.cgo_lines[0].preamble_line == 2);
  CHECK(r.file.cgo_lines[0].pos == position{5, 4});
  require_exact_map(src, p);
  // "#cgo" alone or glued to a word is not a #cgo line (go/build saveCgo).
  const parse_result r2 = parse_go_file("package p\n// #cgo\n// #cgoLDFLAGS: x\n/* #cgo CFLAGS: -g */\nimport \"C\"\n");
  REQUIRE(r2.file.cgo_lines.size() == 1);
  CHECK(r2.file.cgo_lines[0].text == "#cgo CFLAGS: -g");
  CHECK(r2.file.cgo_lines[0].preamble_line == 3);
  CHECK(r2.file.cgo_lines[0].pos == position{4, 4});
}

TEST_CASE("preamble::go_position clamps and never fails", "[cgo][source]") {
  const parse_result r = parse_go_file("package p\n/* int x; */\nimport \"C\"\n");
  const preamble &p = *r.file.cgo_preamble;
  CHECK(p.text == " int x; ");
  REQUIRE(p.lines.size() == 1);
  CHECK(p.go_position(0, 0) == position{2, 3});
  CHECK(p.go_position(7, 3) == position{2, 5});
  CHECK(p.go_position(1, 9) == position{2, 11});   // the "*/"
  CHECK(p.go_position(1, 1000) == position{2, 11}); // clamped
  const parse_result empty = parse_go_file("package p\n/**/\nimport \"C\"\n");
  REQUIRE(empty.file.cgo_preamble);
  CHECK(empty.file.cgo_preamble->text.empty());
  CHECK(empty.file.cgo_preamble->lines.empty());
  CHECK(empty.file.cgo_preamble->go_position(1, 1) == position{2, 1});
  const preamble none;
  CHECK(none.go_position(3, 4) == position{});
}

TEST_CASE("parse_go_file: cannot rename import \"C\" but still reads the file", "[cgo][source]") {
  for (const char *name : {"foo", "_", "."}) {
    const std::string src = std::string("package p\n// int x;\nimport ") + name + " \"C\"\n";
    const parse_result r = parse_go_file(src);
    REQUIRE(r.error);
    CHECK(r.error->message == "cannot rename import \"C\"");
    CHECK(r.error->pos.line == 3);
    CHECK(r.file.imports_c);
    REQUIRE(r.file.cgo_preamble);
    CHECK(r.file.cgo_preamble->text == " int x;\n");
  }
}

TEST_CASE("parse_go_file: //export on a func's doc comment (cmd/cgo saveExport)", "[cgo][source]") {
  const std::string src = "package p\n\nimport \"C\"\n\n//export goCallback\nfunc goCallback(x C.int) {}\n\n"
                          "// Doc.\n//export (*T).M\nfunc (t *T) M() {}\n\n//export Other\nfunc wrong() {}\n\n"
                          "//export \nfunc empty() {}\n\n//export Gap\n\nfunc Gap() {}\n\n//exportNoSpace\n"
                          "func NoSpace() {}\n\n//export First\n//export Second\nfunc First() {}\n"
                          "var f = func() {}\n";
  const parse_result r = parse_go_file(src);
  REQUIRE_FALSE(r.error);
  const go_file &f = r.file;
  REQUIRE(f.exports.size() == 5);
  CHECK(f.exports[0].name == "goCallback");
  CHECK(f.exports[0].func_name == "goCallback");
  CHECK(f.exports[0].pos == position{5, 1});
  CHECK(f.exports[1].name == "(*T).M");
  CHECK(f.exports[1].func_name == "M");
  CHECK(f.exports[2].name == "Other");
  CHECK(f.exports[3].name.empty());
  CHECK(f.exports[4].name == "First"); // only the first //export counts
  REQUIRE(f.cgo_errors.size() == 3);
  CHECK(format_error("x.go", f.cgo_errors[0]) == "x.go:9:1: export comment has wrong name \"(*T).M\", want \"M\"");
  CHECK(format_error("x.go", f.cgo_errors[1]) == "x.go:12:1: export comment has wrong name \"Other\", want \"wrong\"");
  CHECK(format_error("x.go", f.cgo_errors[2]) == "x.go:15:1: export missing name");
}

// --- against the real toolchain -------------------------------------------------

namespace {

// Offset of the first `import "C"`-looking line, if any.
std::optional<std::size_t> grep_import_c(const std::string &src) {
  for (const std::string_view needle : {"\nimport \"C\"\n", "\n\t\"C\"\n"}) {
    const std::size_t at = src.find(needle);
    if (at != std::string::npos) {
      return at + 1;
    }
  }
  return std::nullopt;
}

} // namespace

TEST_CASE("parse_go_file reads every .go file of the Go 1.19 tree", "[cgo][source]") {
  const std::filesystem::path root = "/usr/lib/go-1.19";
  if (!std::filesystem::is_directory(root / "src")) {
    WARN("no Go 1.19 tree at /usr/lib/go-1.19: skipped");
    return;
  }
  int files = 0;
  int cgo_files = 0;
  for (const char *dir : {"src", "misc"}) {
    for (const auto &e : std::filesystem::recursive_directory_iterator(
             root / dir, std::filesystem::directory_options::follow_directory_symlink)) {
      const std::string path = e.path().string();
      // testdata holds deliberately broken files.
      if (!e.is_regular_file() || e.path().extension() != ".go" || path.find("/testdata/") != std::string::npos) {
        continue;
      }
      ++files;
      const std::string src = read_file(e.path());
      const parse_result r = parse_go_file(src);
      INFO(path);
      CHECK_FALSE(r.error);
      const std::optional<std::size_t> grep = grep_import_c(src);
      if (r.file.imports_c) {
        ++cgo_files;
        CHECK(grep);
      } else if (grep) {
        // Only inside a string literal (Go source embedded in a test).
        const lex_result toks = lex(src);
        bool in_string = false;
        for (const token &t : toks.tokens) {
          in_string = in_string || ((t.kind == token_kind::string || t.kind == token_kind::raw_string) &&
                                    *grep >= t.offset && *grep < t.offset + t.text.size());
        }
        CHECK(in_string);
      }
      if (r.file.cgo_preamble) {
        for (std::size_t i = 0; i < r.file.cgo_preamble->lines.size(); i += 7) {
          const auto l = static_cast<std::uint32_t>(i + 1);
          CHECK(r.file.cgo_preamble->go_position(l, 1).line == r.file.cgo_preamble->lines[i].go_line);
        }
      }
    }
  }
  CHECK(files > 4000);
  CHECK(cgo_files > 50);
}

namespace {

// cmd/cgo (1.19) blanks the #cgo lines of the preamble (DiscardCgoDirectives).
std::string discard_cgo_lines(const std::string &text) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t nl = text.find('\n', start);
    const std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    const std::string_view t = cgocheck::cgo::detail::gotext::trim_space(line);
    const bool cgo = t.size() >= 5 && t.substr(0, 4) == "#cgo" && cgocheck::cgo::detail::gotext::is_space(t[4]);
    out += cgo ? "" : line;
    if (nl == std::string::npos) {
      return out;
    }
    out += '\n';
    start = nl + 1;
  }
}

struct cgo_output {
  std::uint32_t line = 0;
  std::string text;
};

// Runs `go tool cgo` on `file` and returns the preamble part of its
// <name>.cgo2.c: `#line N "file"`, the text, `#line 1 "cgo-generated-wrapper"`.
std::optional<cgo_output> run_cgo(const std::filesystem::path &go, const std::filesystem::path &work,
                                  const std::filesystem::path &file) {
  const std::filesystem::path objdir = work / ("obj-" + file.stem().string());
  std::filesystem::create_directories(objdir);
  const std::string cmd = "cd '" + work.string() + "' && '" + go.string() + "' tool cgo -objdir '" + objdir.string() +
                          "' '" + file.string() + "' >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) { // NOLINT(cert-env33-c): test driver running the real go tool
    return std::nullopt;
  }
  const std::string c = read_file(objdir / (file.stem().string() + ".cgo2.c"));
  const std::string head = "#line ";
  const std::string quoted = " \"" + file.string() + "\"\n";
  std::size_t at = 0;
  while ((at = c.find(head, at)) != std::string::npos) {
    const std::size_t eol = c.find('\n', at);
    const std::size_t q = c.find(quoted, at);
    if (q != std::string::npos && q < eol) {
      cgo_output out;
      out.line = static_cast<std::uint32_t>(std::stoul(c.substr(at + head.size(), q - at - head.size())));
      const std::size_t end = c.find("\n#line 1 \"cgo-generated-wrapper\"\n", eol);
      if (end == std::string::npos) {
        return std::nullopt;
      }
      out.text = c.substr(eol + 1, end - eol); // the text and the "\n" cmd/cgo adds
      return out;
    }
    at = eol;
  }
  return std::nullopt;
}

} // namespace

TEST_CASE("preambles equal what go tool cgo writes", "[cgo][source]") {
  const std::filesystem::path go = "/usr/lib/go-1.19/bin/go";
  if (!std::filesystem::exists(go) || std::system("command -v gcc >/dev/null 2>&1") != 0) { // NOLINT(cert-env33-c)
    WARN("no go 1.19 or gcc: skipped");
    return;
  }
  char tmpl[] = "/tmp/cgocheck-source-XXXXXX";
  const char *dir = mkdtemp(tmpl);
  REQUIRE(dir != nullptr);
  const std::filesystem::path work = dir;

  const std::vector<std::pair<std::string, std::string>> crafted = {
      {"slashes.go", "package p\n\n// #include <stdlib.h>\n//#cgo LDFLAGS: -lm\n//\n//\tstatic int f(void) { return 1; }\n"
                     "import \"C\"\n\nfunc F() { C.f() }\n"},
      {"crlf_bom.go", "\xEF\xBB\xBFpackage p\r\n\r\n// #include <stdlib.h>\r\n/*\r\nstatic int g(void) { return 2; }\r\n*/"
                      "\r\n// #cgo CFLAGS: -DX=1\r\nimport \"C\"\r\n\r\nfunc F() { C.g() }\r\n"},
      {"mixed.go", "package p\n\n/* static int a(void) { return 1; } */ /* static int b(void) { return 2; } */\n"
                   "// static int c(void) { return 3; }\nimport \"C\"\n\nfunc F() { C.a(); C.b(); C.c() }\n"},
      {"grouped.go", "package p\n\nimport (\n\t\"fmt\"\n\n\t// #include <stdio.h>\n\t// #cgo LDFLAGS: -lm\n\t\"C\"\n)\n\n"
                     "func F() { fmt.Println(C.int(1)) }\n"},
      {"lastcgo.go", "package p\n\n/*\n#include <stdlib.h>\n#cgo LDFLAGS: -lm */\nimport \"C\" // trailing\n\n"
                     "func F() { C.free(nil) }\n"},
  };
  std::vector<std::filesystem::path> files;
  for (const auto &[name, content] : crafted) {
    std::ofstream(work / name, std::ios::binary) << content;
    files.push_back(work / name);
  }
  for (const char *real : {"src/os/user/cgo_lookup_unix.go", "src/net/cgo_unix.go", "src/net/cgo_linux.go",
                           "src/os/user/getgrouplist_unix.go", "src/net/cgo_socknew.go", "misc/cgo/gmp/gmp.go"}) {
    const std::filesystem::path p = std::filesystem::path("/usr/lib/go-1.19") / real;
    if (std::filesystem::exists(p)) {
      files.push_back(p);
    }
  }
  int compared = 0;
  for (const std::filesystem::path &file : files) {
    INFO(file.string());
    const std::string src = read_file(file);
    const parse_result r = parse_go_file(src);
    REQUIRE_FALSE(r.error);
    REQUIRE(r.file.cgo_preamble);
    const std::optional<cgo_output> cgo = run_cgo(go, work, file);
    REQUIRE(cgo);
    CHECK(cgo->line == r.file.cgo_preamble->comment_pos.line);
    CHECK(cgo->text == discard_cgo_lines(r.file.cgo_preamble->text + "\n"));
    require_exact_map(src, *r.file.cgo_preamble);
    ++compared;
  }
  CHECK(compared >= 10);
  std::filesystem::remove_all(work);
}
