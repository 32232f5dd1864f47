// Fuzzes the build-constraint parsers (cgo/constraints.hpp) and `#cgo` line
// parsing (cgo/directives.hpp). Each line of the input is read as a
// //go:build expression, a // +build line, a `#cgo` line (for several
// targets and Go versions), an argument string for split_quoted, a tag and a
// file name; the whole input is also read as the content of a C file.
// The first byte picks the package directory.
#include "check.hpp"

#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/cgo/constraints.hpp"
#include "cgocheck/cgo/directives.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cg = cgocheck::cgo;
using cgocheck::buildenv::go_version;

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

/// A non-empty message on one line.
bool one_liner(const std::string &s) { return !s.empty() && s.find('\n') == std::string::npos; }

cg::build_context context(const char *goos, const char *goarch, int minor, bool cgo) {
  cg::build_context c;
  c.goos = goos;
  c.goarch = goarch;
  c.version = go_version{minor};
  c.cgo_enabled = cgo;
  c.build_tags = {"foo"};
  c.tool_tags = {"goexperiment.regabiargs"};
  return c;
}

/// A deterministic tag predicate, to compare two expressions' truth tables.
bool pseudo_tag(std::string_view tag) { return (std::hash<std::string_view>{}(tag) & 1U) != 0; }

void check_go_build(std::string_view line, int minor) {
  const cg::expr_result r = cg::parse_go_build_expr(line, go_version{minor});
  FUZZ_CHECK(r.expr.has_value() != r.error.has_value());
  if (r.error) {
    FUZZ_CHECK(one_liner(*r.error));
    return;
  }
  FUZZ_CHECK(!r.expr->nodes.empty());
  // String() parses back to the same expression (no size limit before 1.22;
  // the added parentheses may reach cgocheck's nesting guard).
  const std::string text = r.expr->str();
  const cg::expr_result again = cg::parse_go_build_expr(text, go_version{19});
  if (again.error) {
    FUZZ_CHECK(again.error->find("cgocheck") != std::string::npos);
    return;
  }
  FUZZ_CHECK(again.expr->str() == text);
  FUZZ_CHECK(again.expr->eval(pseudo_tag) == r.expr->eval(pseudo_tag));
}

void check_plus_build(std::string_view line, int minor) {
  const cg::expr_result r = cg::parse_plus_build_line(line, go_version{minor});
  FUZZ_CHECK(r.expr.has_value() != r.error.has_value());
  if (r.error) {
    FUZZ_CHECK(minor >= 22);
    FUZZ_CHECK(*r.error == "expression too complex for // +build lines");
    return;
  }
  // Every +build line has a //go:build spelling with the same meaning.
  const std::string text = r.expr->str();
  const cg::expr_result as_go_build = cg::parse_go_build_expr(text, go_version{19});
  if (as_go_build.error) {
    FUZZ_CHECK(as_go_build.error->find("cgocheck") != std::string::npos);
    return;
  }
  FUZZ_CHECK(as_go_build.expr->eval(pseudo_tag) == r.expr->eval(pseudo_tag));
}

void check_directive(std::string_view line, const cg::build_context &ctx, std::string_view srcdir) {
  const cg::directive_result r = cg::parse_cgo_directive(line, ctx, srcdir);
  if (!cg::is_cgo_line(line)) {
    FUZZ_CHECK(!r.directive && !r.error);
    return;
  }
  if (r.error) {
    const std::string &e = *r.error;
    FUZZ_CHECK(one_liner(e));
    const bool known = starts_with(e, "invalid #cgo line: ") || starts_with(e, "invalid #cgo verb: ") ||
                       starts_with(e, "malformed #cgo argument: ") ||
                       e == "#cgo noescape disabled until Go 1.23" || e == "#cgo nocallback disabled until Go 1.23";
    FUZZ_CHECK(known);
    if (r.directive) {
      // Only cmd/cgo's 1.22-1.23 refusal comes with a directive.
      FUZZ_CHECK(r.directive->what != cg::cgo_directive::kind::flags);
      FUZZ_CHECK(ctx.version.minor == 22 || ctx.version.minor == 23);
    }
    return;
  }
  FUZZ_CHECK(r.directive.has_value());
  const cg::cgo_directive &d = *r.directive;
  if (d.what != cg::cgo_directive::kind::flags) {
    FUZZ_CHECK(ctx.version >= go_version{24});
    FUZZ_CHECK(!d.name.empty());
    FUZZ_CHECK(d.applies);
    return;
  }
  if (d.inactive_error) {
    FUZZ_CHECK(!d.applies);
    FUZZ_CHECK(one_liner(*d.inactive_error));
    FUZZ_CHECK(d.args.empty());
    return;
  }
  // Every accepted argument passes go/build's character filter (the
  // directory joined in by ${SRCDIR} and makePathsAbsolute is a safe one).
  for (const std::string &arg : d.args) {
    FUZZ_CHECK(cg::safe_cgo_arg(arg));
  }
  FUZZ_CHECK(cg::parse_verb(d.verb_text).has_value());
}

void check_split(std::string_view line) {
  const cg::split_result r = cg::split_quoted(line);
  if (r.error) {
    FUZZ_CHECK(*r.error == "unclosed quote" || *r.error == "unfinished escaping");
    return;
  }
  // Quoting each argument and joining them gives the arguments back.
  std::string joined;
  for (const std::string &arg : r.args) {
    joined += joined.empty() ? "'" : " '";
    for (const char c : arg) {
      if (c == '\'' || c == '\\') {
        joined += '\\';
      }
      joined += c;
    }
    joined += '\'';
  }
  const cg::split_result again = cg::split_quoted(joined);
  FUZZ_CHECK(!again.error);
  FUZZ_CHECK(again.args == r.args);
  // Without ${SRCDIR}, expansion is the character filter alone.
  for (const std::string &arg : r.args) {
    if (arg.find("${SRCDIR}") == std::string::npos) {
      const cg::expanded_arg e = cg::expand_srcdir(arg, "/src/p");
      FUZZ_CHECK(e.ok == cg::safe_cgo_arg(arg));
      FUZZ_CHECK(e.value == arg);
    }
  }
}

void check_decision(const cg::file_decision &d) {
  if (d.error) {
    FUZZ_CHECK(!d.included);
    FUZZ_CHECK(one_liner(*d.error));
    if (d.unreadable) {
      FUZZ_CHECK(*d.error == "syntax error" || *d.error == "unexpected NUL in input");
    } else {
      FUZZ_CHECK(*d.error == "multiple //go:build comments" || starts_with(*d.error, "parsing //go:build line: "));
    }
  }
  FUZZ_CHECK(!d.reason.empty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::string_view s(reinterpret_cast<const char *>(data), size);
  static constexpr std::array<std::string_view, 4> dirs{"/home/u/m/p", "", "/src/a-b.c/x_y", "/tmp/p ~x"};
  std::string_view srcdir = dirs[0];
  if (!s.empty()) {
    srcdir = dirs[static_cast<unsigned char>(s.front()) % dirs.size()];
    s.remove_prefix(1);
  }
  static const std::array<cg::build_context, 4> contexts{
      context("linux", "amd64", 19, true), context("darwin", "arm64", 22, true),
      context("windows", "amd64", 23, false), context("ios", "arm64", 27, true)};

  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t nl = s.find('\n', start);
    const std::string_view line = s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    check_go_build(line, 19);
    check_go_build(line, 22);
    check_plus_build(line, 19);
    check_plus_build(line, 22);
    check_split(line);
    for (const cg::build_context &ctx : contexts) {
      check_directive(line, ctx, srcdir);
      (void)cg::match_tag(line, ctx);
      (void)cg::eval_go_build(line, ctx);
      (void)cg::eval_plus_build(line, ctx);
      const bool by_name = cg::file_name_matches(line, ctx);
      const cg::file_decision d = cg::decide_go_file(line, {std::string(line)}, {}, ctx);
      check_decision(d);
      if (!by_name) {
        FUZZ_CHECK(!d.included && !d.error);
      }
    }
    if (nl == std::string_view::npos) {
      break;
    }
    start = nl + 1;
  }
  for (const cg::build_context &ctx : contexts) {
    check_decision(cg::decide_other_file("x.c", s, ctx));
    check_decision(cg::decide_go_file("x.go", {}, {std::string(s.substr(0, s.find('\n')))}, ctx));
  }
  return 0;
}
