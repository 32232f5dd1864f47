// cgocheck::cgo — which files of a package directory go/build builds for a
// target: build tags, `//go:build` and `// +build` constraints, and the
// _GOOS/_GOARCH file name suffixes.
//
// Sources (paths relative to the Go repository root; go1.19.8 read locally,
// later releases from the golang/go sources of 1.22+):
// - src/go/build/build.go: `matchTag` (the tags a context satisfies),
//   `goodOSArchFile` (file name suffixes), `matchFile` (leading '_' or '.',
//   extensions, which files are read), `shouldBuild` and `parseFileHeader`
//   (where constraints count and which one wins), `fileListForExt`.
//   An identical copy lives in src/cmd/go/internal/modindex/build.go.
// - src/go/build/read.go: `readComments` (how much of a non-Go file is read).
// - src/go/build/syslist.go (1.19-1.20), src/internal/syslist/syslist.go
//   (1.21+): knownOS, knownArch, unixOS. "wasip1" joined knownOS in 1.21.
// - src/go/build/constraint/expr.go: the `//go:build` grammar and its error
//   texts, the `// +build` grammar (space = OR, comma = AND, '!' = NOT, an
//   invalid word stands for the tag "ignore"). Since 1.22 (CVE-2024-34158,
//   in 1.22.7 and 1.23.1) a `//go:build` expression may hold at most 1000
//   terms ("build expression too large") and a `// +build` line at most 100
//   operators ("expression too complex for // +build lines").
//
// Verified against `go list -json` of go1.19.8 by
// tests/live/cgo_directives_live.py (data: tests/unit/data/cgo_directives_go119.json).
#ifndef CGOCHECK_CGO_CONSTRAINTS_HPP
#define CGOCHECK_CGO_CONSTRAINTS_HPP

#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/buildenv/platform.hpp"
#include "cgocheck/cgo/gotext.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cgocheck::cgo {

/// go/build.Context as the go command fills it for one target.
struct build_context {
  std::string goos;
  std::string goarch;
  bool cgo_enabled = true;
  std::string compiler = "gc";
  /// The Go release: it gives the release tags go1.1 ... go1.<minor> and
  /// picks the version-dependent rules (known GOOS names, parser limits,
  /// `#cgo noescape`).
  buildenv::go_version version = buildenv::newest_modelled;
  /// -tags.
  std::vector<std::string> build_tags;
  /// Tags the toolchain configuration adds (`Context.ToolTags`), given by the
  /// caller:
  /// - every release: "goexperiment.<name>" for each enabled GOEXPERIMENT
  ///   (1.19 on amd64, arm64, ppc64, ppc64le and riscv64 enables
  ///   regabiwrappers and regabiargs by default; `go list -f
  ///   '{{context.ToolTags}}'` prints the list);
  /// - 1.20+: the architecture feature tags, cumulative: GOAMD64=v3 gives
  ///   amd64.v1 amd64.v2 amd64.v3, GOARM=7 arm.5 arm.6 arm.7, GO386=sse2
  ///   386.sse2, and likewise for the other GO<ARCH> variables of the
  ///   release (`go help buildconstraint` lists them).
  std::vector<std::string> tool_tags;
};

namespace detail::gotext {

/// unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.': the
/// characters of a build tag (constraint/expr.go `isValidTag`, `lex`).
/// Non-ASCII runes are classified with RE2's Unicode tables (gotext.hpp).
inline bool is_tag_rune(std::int32_t r) {
  if (r < 0x80) {
    const auto c = static_cast<char>(r);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  }
  return r != rune_error && (is_letter(r) || is_digit(r));
}

} // namespace detail::gotext

// --- Expressions --------------------------------------------------------------

/// A parsed build constraint (constraint.Expr). Nodes are stored children
/// first; the root is the last node.
struct build_expr {
  enum class op : std::uint8_t { tag, not_op, and_op, or_op };
  struct node {
    op kind = op::tag;
    std::string tag;      ///< for op::tag
    std::uint32_t x = 0;  ///< operand of not, left operand of and/or
    std::uint32_t y = 0;  ///< right operand of and/or
  };
  std::vector<node> nodes;

  /// Expr.Eval: `has(tag)` says whether a tag is satisfied. Iterative, so
  /// long `// +build` chains cannot exhaust the stack.
  template <typename Pred>
  bool eval(Pred &&has) const {
    if (nodes.empty()) {
      return false;
    }
    std::vector<bool> value(nodes.size(), false);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const node &n = nodes[i];
      switch (n.kind) {
      case op::tag: value[i] = has(std::string_view(n.tag)); break;
      case op::not_op: value[i] = !value[n.x]; break;
      case op::and_op: value[i] = value[n.x] && value[n.y]; break;
      case op::or_op: value[i] = value[n.x] || value[n.y]; break;
      }
    }
    return value.back();
  }

  /// Expr.String: the `//go:build` spelling, with the parentheses Go adds
  /// (an OR under an AND or a NOT, an AND under an OR or a NOT).
  [[nodiscard]] std::string str() const {
    std::string out;
    if (nodes.empty()) {
      return out;
    }
    struct frame {
      std::uint32_t at;
      bool paren;
      std::uint8_t stage;
    };
    std::vector<frame> stack{{static_cast<std::uint32_t>(nodes.size() - 1), false, 0}};
    const auto binary = [&](std::uint32_t i) { return nodes[i].kind == op::and_op || nodes[i].kind == op::or_op; };
    while (!stack.empty()) {
      frame &f = stack.back();
      const node &n = nodes[f.at];
      if (n.kind == op::tag) {
        out += n.tag;
        stack.pop_back();
      } else if (n.kind == op::not_op) {
        if (f.stage == 0) {
          out += '!';
          f.stage = 1;
          const bool paren = binary(n.x);
          stack.push_back({n.x, paren, 0});
        } else {
          stack.pop_back();
        }
      } else {
        const op other = n.kind == op::and_op ? op::or_op : op::and_op;
        if (f.stage == 0) {
          if (f.paren) {
            out += '(';
          }
          f.stage = 1;
          const bool paren = nodes[n.x].kind == other;
          stack.push_back({n.x, paren, 0});
        } else if (f.stage == 1) {
          out += n.kind == op::and_op ? " && " : " || ";
          f.stage = 2;
          const bool paren = nodes[n.y].kind == other;
          stack.push_back({n.y, paren, 0});
        } else {
          if (f.paren) {
            out += ')';
          }
          stack.pop_back();
        }
      }
    }
    return out;
  }
};

/// A parse: the expression, or constraint's error text (SyntaxError.Err).
struct expr_result {
  std::optional<build_expr> expr;
  std::optional<std::string> error;
};

namespace detail::bc {

/// Go 1.22+ `maxSize`: terms (calls of the parser's `not`) in one
/// `//go:build` expression.
inline constexpr int max_go_build_terms = 1000;
/// Go 1.22+ `maxOldSize`: AND/OR operators in one `// +build` line.
inline constexpr int max_plus_build_operators = 100;
/// cgocheck's own guard for 1.19-1.21, which have no limit: parentheses
/// nested deeper than this are refused instead of recursing further.
inline constexpr int max_paren_depth = 1000;

inline bool has_size_limits(buildenv::go_version v) { return v >= buildenv::go_version{22}; }

inline std::uint32_t add(build_expr &e, build_expr::node n) {
  e.nodes.push_back(std::move(n));
  return static_cast<std::uint32_t>(e.nodes.size() - 1);
}

/// The recursive-descent parser of constraint/expr.go (`exprParser`),
/// with errors as values instead of panics.
class go_build_parser {
public:
  go_build_parser(std::string_view s, buildenv::go_version v) : s_(s), limits_(has_size_limits(v)) {}

  expr_result parse() {
    expr_result r;
    build_expr e;
    const std::uint32_t root = parse_or(e);
    if (!err_ && !tok_.empty()) {
      fail("unexpected token " + std::string(tok_));
    }
    if (err_) {
      r.error = std::move(err_);
      return r;
    }
    // The root must be the last node: copy it there when it is not (a
    // parenthesised expression followed by nothing leaves it last anyway).
    if (root + 1 != e.nodes.size()) {
      build_expr::node copy = e.nodes[root];
      add(e, std::move(copy));
    }
    r.expr = std::move(e);
    return r;
  }

private:
  std::string_view s_;
  bool limits_;
  std::size_t i_ = 0;
  std::string_view tok_;
  bool is_tag_ = false;
  int size_ = 0;
  int paren_depth_ = 0;
  std::optional<std::string> err_;

  void fail(std::string message) {
    if (err_) {
      return;
    }
    // atom's deferred recover: inside parentheses an early end is reported
    // as a missing close paren.
    if (paren_depth_ > 0 && message == "unexpected end of expression") {
      message = "missing close paren";
    }
    err_ = std::move(message);
  }

  void lex() {
    is_tag_ = false;
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) {
      ++i_;
    }
    if (i_ >= s_.size()) {
      tok_ = {};
      return;
    }
    const char c = s_[i_];
    if (c == '(' || c == ')' || c == '!') {
      tok_ = s_.substr(i_, 1);
      ++i_;
      return;
    }
    if (c == '&' || c == '|') {
      if (i_ + 1 >= s_.size() || s_[i_ + 1] != c) {
        fail(std::string("invalid syntax at ") + c);
        return;
      }
      tok_ = s_.substr(i_, 2);
      i_ += 2;
      return;
    }
    std::size_t end = i_;
    while (end < s_.size()) {
      const gotext::decoded_rune d = gotext::decode_rune(s_, end);
      if (!gotext::is_tag_rune(d.rune)) {
        break;
      }
      end += d.width;
    }
    if (end == i_) {
      fail("invalid syntax at " + gotext::encode_rune(gotext::decode_rune(s_, i_).rune));
      return;
    }
    tok_ = s_.substr(i_, end - i_);
    i_ = end;
    is_tag_ = true;
  }

  std::uint32_t parse_or(build_expr &e) {
    std::uint32_t x = parse_and(e);
    while (!err_ && tok_ == "||") {
      const std::uint32_t y = parse_and(e);
      if (err_) {
        return 0;
      }
      x = add(e, {build_expr::op::or_op, {}, x, y});
    }
    return x;
  }

  std::uint32_t parse_and(build_expr &e) {
    std::uint32_t x = parse_not(e);
    while (!err_ && tok_ == "&&") {
      const std::uint32_t y = parse_not(e);
      if (err_) {
        return 0;
      }
      x = add(e, {build_expr::op::and_op, {}, x, y});
    }
    return x;
  }

  std::uint32_t parse_not(build_expr &e) {
    if (err_) {
      return 0;
    }
    ++size_;
    if (limits_ && size_ > max_go_build_terms) {
      fail("build expression too large");
      return 0;
    }
    lex();
    if (err_) {
      return 0;
    }
    if (tok_ == "!") {
      lex();
      if (err_) {
        return 0;
      }
      if (tok_ == "!") {
        fail("double negation not allowed");
        return 0;
      }
      const std::uint32_t x = parse_atom(e);
      if (err_) {
        return 0;
      }
      return add(e, {build_expr::op::not_op, {}, x, 0});
    }
    return parse_atom(e);
  }

  std::uint32_t parse_atom(build_expr &e) {
    if (tok_ == "(") {
      if (paren_depth_ >= max_paren_depth) {
        fail("build expression nested more than 1000 parentheses deep (cgocheck's limit)");
        return 0;
      }
      ++paren_depth_;
      const std::uint32_t x = parse_or(e);
      if (!err_ && tok_ != ")") {
        fail("missing close paren");
      }
      if (!err_) {
        lex();
      }
      --paren_depth_;
      return x;
    }
    if (!is_tag_) {
      fail(tok_.empty() ? std::string("unexpected end of expression") : "unexpected token " + std::string(tok_));
      return 0;
    }
    const std::uint32_t t = add(e, {build_expr::op::tag, std::string(tok_), 0, 0});
    lex();
    return t;
  }
};

} // namespace detail::bc

/// Parses a `//go:build` expression (the text after "//go:build"; white
/// space around it is trimmed as constraint.splitGoBuild does) with the
/// rules of Go release `v` (constraint.parseExpr).
inline expr_result parse_go_build_expr(std::string_view text, buildenv::go_version v = buildenv::newest_modelled) {
  return detail::bc::go_build_parser(detail::gotext::trim_space(text), v).parse();
}

/// Parses the text after "// +build" (constraint.parsePlusBuildExpr): fields
/// separated by white space are ORed, comma-separated words ANDed, a leading
/// '!' negates; "!!x", "!" and any word that is not a valid tag stand for the
/// tag "ignore"; an empty line is the tag "ignore". Never fails before 1.22;
/// from 1.22 more than 100 operators give "expression too complex for //
/// +build lines".
inline expr_result parse_plus_build_line(std::string_view text, buildenv::go_version v = buildenv::newest_modelled) {
  namespace gt = detail::gotext;
  using op = build_expr::op;
  const bool limits = detail::bc::has_size_limits(v);
  const auto valid_tag = [](std::string_view word) {
    if (word.empty()) {
      return false;
    }
    for (std::size_t i = 0; i < word.size();) {
      const gt::decoded_rune d = gt::decode_rune(word, i);
      if (!gt::is_tag_rune(d.rune)) {
        return false;
      }
      i += d.width;
    }
    return true;
  };
  expr_result r;
  build_expr e;
  int size = 0;
  bool have_x = false;
  std::uint32_t x = 0;
  for (const std::string_view clause : gt::fields(text)) {
    bool have_y = false;
    std::uint32_t y = 0;
    for (std::string_view lit : gt::split(clause, ',')) {
      std::uint32_t z = 0;
      if (gt::has_prefix(lit, "!!") || lit == "!") {
        z = detail::bc::add(e, {op::tag, "ignore", 0, 0});
      } else {
        const bool neg = gt::has_prefix(lit, "!");
        if (neg) {
          lit.remove_prefix(1);
        }
        z = detail::bc::add(e, {op::tag, valid_tag(lit) ? std::string(lit) : std::string("ignore"), 0, 0});
        if (neg) {
          z = detail::bc::add(e, {op::not_op, {}, z, 0});
        }
      }
      if (!have_y) {
        y = z;
        have_y = true;
      } else {
        if (limits && ++size > detail::bc::max_plus_build_operators) {
          r.error = "expression too complex for // +build lines";
          return r;
        }
        y = detail::bc::add(e, {op::and_op, {}, y, z});
      }
    }
    if (!have_x) {
      x = y;
      have_x = true;
    } else {
      if (limits && ++size > detail::bc::max_plus_build_operators) {
        r.error = "expression too complex for // +build lines";
        return r;
      }
      x = detail::bc::add(e, {op::or_op, {}, x, y});
    }
  }
  if (!have_x) {
    detail::bc::add(e, {op::tag, "ignore", 0, 0});
  }
  r.expr = std::move(e);
  return r;
}

/// constraint.splitGoBuild: the expression of a whole `//go:build` line
/// ("//go:build" then white space or nothing), or nothing for other lines.
inline std::optional<std::string_view> go_build_text(std::string_view line) {
  namespace gt = detail::gotext;
  if (!line.empty() && line.back() == '\n') {
    line.remove_suffix(1);
  }
  if (line.find('\n') != std::string_view::npos || !gt::has_prefix(line, "//go:build")) {
    return std::nullopt;
  }
  line = gt::trim_space(line).substr(10);
  const std::string_view trimmed = gt::trim_space(line);
  if (line.size() == trimmed.size() && !line.empty()) {
    return std::nullopt;
  }
  return trimmed;
}

/// constraint.splitPlusBuild: the text of a whole `// +build` line ("//",
/// optional white space, "+build", then white space or nothing), or nothing.
inline std::optional<std::string_view> plus_build_text(std::string_view line) {
  namespace gt = detail::gotext;
  if (!line.empty() && line.back() == '\n') {
    line.remove_suffix(1);
  }
  if (line.find('\n') != std::string_view::npos || !gt::has_prefix(line, "//")) {
    return std::nullopt;
  }
  line = gt::trim_space(line.substr(2));
  if (!gt::has_prefix(line, "+build")) {
    return std::nullopt;
  }
  line.remove_prefix(6);
  const std::string_view trimmed = gt::trim_space(line);
  if (line.size() == trimmed.size() && !line.empty()) {
    return std::nullopt;
  }
  return trimmed;
}

// --- Tags -------------------------------------------------------------------------

/// Context.matchTag (src/go/build/build.go, go1.19.8; unchanged through
/// 1.27): cgo when cgo is enabled; GOOS, GOARCH and the compiler; linux for
/// android, solaris for illumos, darwin for ios; unix for a Unix GOOS;
/// otherwise a -tags, tool or release tag (go1.1 ... go1.<minor>), where
/// "boringcrypto" is read as "goexperiment.boringcrypto".
inline bool match_tag(std::string_view tag, const build_context &ctx) {
  if (ctx.cgo_enabled && tag == "cgo") {
    return true;
  }
  if (tag == ctx.goos || tag == ctx.goarch || tag == ctx.compiler) {
    return true;
  }
  if ((ctx.goos == "android" && tag == "linux") || (ctx.goos == "illumos" && tag == "solaris") ||
      (ctx.goos == "ios" && tag == "darwin")) {
    return true;
  }
  if (tag == "unix" && std::find(buildenv::unix_goos.begin(), buildenv::unix_goos.end(), ctx.goos) != buildenv::unix_goos.end()) {
    return true;
  }
  if (tag == "boringcrypto") {
    tag = "goexperiment.boringcrypto";
  }
  const auto listed = [&](const std::vector<std::string> &tags) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
  };
  if (listed(ctx.build_tags) || listed(ctx.tool_tags)) {
    return true;
  }
  // Release tags go1.1 ... go1.<minor>.
  if (detail::gotext::has_prefix(tag, "go1.")) {
    const std::string_view n = tag.substr(4);
    if (n.empty() || n.size() > 3 || n.front() == '0') {
      return false;
    }
    int minor = 0;
    for (const char c : n) {
      if (c < '0' || c > '9') {
        return false;
      }
      minor = minor * 10 + (c - '0');
    }
    return minor >= 1 && minor <= ctx.version.minor;
  }
  return false;
}

/// Evaluates an expression against a context.
inline bool eval_expr(const build_expr &e, const build_context &ctx) {
  return e.eval([&](std::string_view tag) { return match_tag(tag, ctx); });
}

/// An evaluated `//go:build` expression or `// +build` line.
struct constraint_result {
  bool matches = false;
  std::optional<std::string> error; ///< go/build/constraint's text, e.g. "missing close paren"
};

/// The text after "//go:build", evaluated for `ctx` (a parse error does not
/// match).
inline constraint_result eval_go_build(std::string_view expr, const build_context &ctx) {
  constraint_result r;
  const expr_result p = parse_go_build_expr(expr, ctx.version);
  if (!p.expr) {
    r.error = p.error;
    return r;
  }
  r.matches = eval_expr(*p.expr, ctx);
  return r;
}

/// The text after "// +build", evaluated for `ctx`. Only Go 1.22+ can fail
/// (too many operators); go/build then ignores the line (shouldBuild), while
/// a `#cgo` condition does not match (matchAuto).
inline constraint_result eval_plus_build(std::string_view line, const build_context &ctx) {
  constraint_result r;
  const expr_result p = parse_plus_build_line(line, ctx.version);
  if (!p.expr) {
    r.error = p.error;
    return r;
  }
  r.matches = eval_expr(*p.expr, ctx);
  return r;
}

// --- Files ------------------------------------------------------------------------

namespace detail::bc {

/// What goodOSArchFile found in a file name.
struct name_suffix {
  bool matches = true;
  std::string suffix; ///< "_windows", "_linux_arm64"; empty when the name has none
};

/// Context.goodOSArchFile (src/go/build/build.go, go1.19.8 ... 1.27): the
/// name up to its first '.', from its first '_'; a final "_test" is dropped;
/// then _GOOS_GOARCH, _GOOS or _GOARCH — known names only — must match as
/// tags (so -tags can satisfy them, and android/illumos/ios also accept
/// linux/solaris/darwin).
inline name_suffix os_arch_suffix(std::string_view name, const build_context &ctx) {
  name_suffix out;
  name = name.substr(0, name.find('.'));
  const std::size_t underscore = name.find('_');
  if (underscore == std::string_view::npos) {
    return out;
  }
  std::vector<std::string_view> l = gotext::split(name.substr(underscore), '_');
  if (!l.empty() && l.back() == "test") {
    l.pop_back();
  }
  const std::size_t n = l.size();
  if (n >= 2 && buildenv::is_known_goos(ctx.version, l[n - 2]) && buildenv::is_known_goarch(l[n - 1])) {
    out.suffix = "_" + std::string(l[n - 2]) + "_" + std::string(l[n - 1]);
    out.matches = match_tag(l[n - 1], ctx) && match_tag(l[n - 2], ctx);
    return out;
  }
  if (n >= 1 && (buildenv::is_known_goos(ctx.version, l[n - 1]) || buildenv::is_known_goarch(l[n - 1]))) {
    out.suffix = "_" + std::string(l[n - 1]);
    out.matches = match_tag(l[n - 1], ctx);
  }
  return out;
}

inline bool ignored_name(std::string_view name) {
  return !name.empty() && (name.front() == '_' || name.front() == '.');
}

} // namespace detail::bc

/// Whether go/build keeps a file by its name alone for `ctx`: not beginning
/// with '_' or '.' (matchFile), and no _GOOS/_GOARCH suffix that fails
/// (goodOSArchFile). Unknown words ("_unix", "_bar") constrain nothing;
/// "_test" files are selectable like others (the caller skips tests).
inline bool file_name_matches(std::string_view file_name, const build_context &ctx) {
  return !detail::bc::ignored_name(file_name) && detail::bc::os_arch_suffix(file_name, ctx).matches;
}

/// go/build's decision about one file.
struct file_decision {
  bool included = false;
  /// Why, in words: "excluded by the _windows file name suffix",
  /// "excluded by //go:build linux && !cgo", "no build constraints", ...
  std::string reason;
  /// go/build's error for the file, without the prefix go/build adds ("NAME: "
  /// for constraint errors, "read DIR/NAME: " for read errors), e.g.
  /// "parsing //go:build line: missing close paren",
  /// "multiple //go:build comments", "syntax error". A file with an error is
  /// not built (go/build lists it in InvalidGoFiles and fails the package).
  std::optional<std::string> error;
  /// The error is a read error (go/build prefixes "read DIR/NAME: ") rather
  /// than a constraint error (prefix "NAME: ").
  bool unreadable = false;
};

namespace detail::bc {

/// The name rules, shared by Go and other files; nothing when they pass.
inline std::optional<file_decision> decide_by_name(std::string_view name, const build_context &ctx) {
  if (ignored_name(name)) {
    return file_decision{false, "file names beginning with '_' or '.' are ignored", std::nullopt};
  }
  const name_suffix s = os_arch_suffix(name, ctx);
  if (!s.matches) {
    return file_decision{false, "excluded by the " + s.suffix + " file name suffix", std::nullopt};
  }
  return std::nullopt;
}

/// A `//go:build` or `// +build` entry as the caller gave it: the text
/// after the prefix, or (accepted too) the whole comment line.
inline std::string_view go_build_entry(std::string_view entry) {
  if (const auto t = go_build_text(gotext::trim_space(entry))) {
    return *t;
  }
  return entry;
}
inline std::string_view plus_build_entry(std::string_view entry) {
  const std::string_view trimmed = gotext::trim_space(entry);
  if (gotext::has_prefix(trimmed, "//")) {
    if (const auto t = plus_build_text(trimmed)) {
      return *t;
    }
  }
  return entry;
}

/// shouldBuild after the header was read: `//go:build` wins; else every
/// `// +build` line must match (a line that fails to parse is skipped).
inline file_decision decide_constraints(const std::vector<std::string_view> &go_build,
                                        const std::vector<std::string_view> &plus_build,
                                        const build_context &ctx, std::string_view suffix_note) {
  file_decision d;
  if (go_build.size() > 1) {
    d.reason = "more than one //go:build line";
    d.error = "multiple //go:build comments";
    return d;
  }
  if (go_build.size() == 1) {
    const std::string_view text = gotext::trim_space(go_build.front());
    const constraint_result r = eval_go_build(text, ctx);
    if (r.error) {
      d.reason = "//go:build " + std::string(text) + " does not parse";
      d.error = "parsing //go:build line: " + *r.error;
      return d;
    }
    d.included = r.matches;
    d.reason = (r.matches ? "matches //go:build " : "excluded by //go:build ") + std::string(text);
    return d;
  }
  for (const std::string_view line : plus_build) {
    const std::string_view text = gotext::trim_space(line);
    const constraint_result r = eval_plus_build(text, ctx);
    if (!r.error && !r.matches) {
      d.reason = "excluded by // +build " + std::string(text);
      return d;
    }
  }
  d.included = true;
  if (!plus_build.empty()) {
    d.reason = "matches its // +build lines";
  } else if (!suffix_note.empty()) {
    d.reason = "matches the " + std::string(suffix_note) + " file name suffix";
  } else {
    d.reason = "no build constraints";
  }
  return d;
}

} // namespace detail::bc

/// The whole decision for a .go file (matchFile + shouldBuild): the name
/// rules, then the `//go:build` expression if there is one (several are an
/// error), else every `// +build` line (AND across lines). The caller finds
/// the lines where go/build looks for them (parseFileHeader: the leading
/// comments, `// +build` only in the part followed by a blank line) and
/// passes the text after the prefix; whole comment lines are accepted too.
/// `imports_c`: a file that imports "C" is left out when cgo is disabled
/// (Context.Import).
inline file_decision decide_go_file(std::string_view file_name, const std::vector<std::string> &go_build_exprs,
                                    const std::vector<std::string> &plus_build_lines, const build_context &ctx,
                                    bool imports_c = false) {
  if (auto by_name = detail::bc::decide_by_name(file_name, ctx)) {
    return std::move(*by_name);
  }
  std::vector<std::string_view> go_build;
  go_build.reserve(go_build_exprs.size());
  for (const std::string &e : go_build_exprs) {
    go_build.push_back(detail::bc::go_build_entry(e));
  }
  std::vector<std::string_view> plus_build;
  plus_build.reserve(plus_build_lines.size());
  for (const std::string &l : plus_build_lines) {
    plus_build.push_back(detail::bc::plus_build_entry(l));
  }
  file_decision d =
      detail::bc::decide_constraints(go_build, plus_build, ctx, detail::bc::os_arch_suffix(file_name, ctx).suffix);
  if (d.included && imports_c && !ctx.cgo_enabled) {
    d.included = false;
    d.reason = "imports \"C\" and cgo is disabled";
  }
  return d;
}

namespace detail::bc {

/// fileListForExt: the extensions go/build reads besides .go.
inline bool known_extension(std::string_view ext) {
  static constexpr std::array<std::string_view, 19> exts{".c",   ".cc",  ".cpp", ".cxx",   ".m",       ".h",   ".hh",
                                                         ".hpp", ".hxx", ".f",   ".F",     ".for",     ".f90", ".s",
                                                         ".S",   ".sx",  ".swig", ".swigcxx", ".syso"};
  return std::find(exts.begin(), exts.end(), ext) != exts.end();
}

/// The part of a file go/build reads for constraints (read.go
/// `readComments`): after a UTF-8 BOM, white space (and ';') and comments up
/// to the first other byte. Errors: "syntax error" for a '/' that starts no
/// comment or an unclosed /* */, "unexpected NUL in input".
struct header_read {
  std::string_view header;
  std::optional<std::string> error;
};

inline header_read read_comments(std::string_view content) {
  if (gotext::has_prefix(content, "\xEF\xBB\xBF")) {
    content.remove_prefix(3);
  }
  header_read r;
  std::size_t i = 0;
  const auto fail = [&](const char *why, std::size_t end) {
    r.error = why;
    r.header = content.substr(0, end);
    return r;
  };
  while (i < content.size()) {
    const char c = content[i];
    if (c == '\0') {
      return fail("unexpected NUL in input", i + 1);
    }
    if (c == ' ' || c == '\f' || c == '\t' || c == '\r' || c == '\n' || c == ';') {
      ++i;
      continue;
    }
    if (c != '/') {
      r.header = content.substr(0, i);
      return r;
    }
    if (i + 1 >= content.size()) {
      return fail("syntax error", i + 1);
    }
    const char next = content[i + 1];
    if (next == '/') {
      const std::size_t nl = content.find('\n', i + 2);
      const std::size_t nul = content.find('\0', i + 2);
      if (nul != std::string_view::npos && (nl == std::string_view::npos || nul < nl)) {
        return fail("unexpected NUL in input", nul + 1);
      }
      if (nl == std::string_view::npos) {
        r.header = content;
        return r;
      }
      i = nl + 1;
    } else if (next == '*') {
      const std::size_t close = content.find("*/", i + 2);
      const std::size_t nul = content.find('\0', i + 2);
      if (nul != std::string_view::npos && (close == std::string_view::npos || nul < close)) {
        return fail("unexpected NUL in input", nul + 1);
      }
      if (close == std::string_view::npos) {
        return fail("syntax error", content.size());
      }
      i = close + 2;
    } else if (next == '\0') {
      return fail("unexpected NUL in input", i + 2);
    } else {
      return fail("syntax error", i + 2);
    }
  }
  r.header = content;
  return r;
}

/// The constraint lines parseFileHeader finds in a header: the one
/// `//go:build` line (error when several), and the `// +build` lines of the
/// leading comment block that a blank line ends.
struct header_constraints {
  std::vector<std::string_view> go_build; ///< expression texts
  std::vector<std::string_view> plus_build; ///< texts after "+build"
};

inline header_constraints scan_header(std::string_view content) {
  header_constraints out;
  std::size_t end = 0;
  bool ended = false;
  bool in_slash_star = false;
  std::size_t pos = 0;
  while (pos < content.size()) {
    const std::size_t nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    line = gotext::trim_space(line);
    if (line.empty() && !ended) {
      end = pos;
      continue;
    }
    if (!gotext::has_prefix(line, "//")) {
      ended = true;
    }
    if (!in_slash_star) {
      if (const auto t = go_build_text(line)) {
        out.go_build.push_back(*t);
      }
    }
    bool stop = false;
    while (!line.empty()) {
      if (in_slash_star) {
        const std::size_t close = line.find("*/");
        if (close == std::string_view::npos) {
          break;
        }
        in_slash_star = false;
        line = gotext::trim_space(line.substr(close + 2));
        continue;
      }
      if (gotext::has_prefix(line, "//")) {
        break;
      }
      if (gotext::has_prefix(line, "/*")) {
        in_slash_star = true;
        line = gotext::trim_space(line.substr(2));
        continue;
      }
      stop = true;
      break;
    }
    if (stop) {
      break;
    }
  }
  // shouldBuild: `// +build` lines only before `end`.
  std::size_t p = 0;
  const std::string_view head = content.substr(0, end);
  while (p < head.size()) {
    const std::size_t nl = head.find('\n', p);
    std::string_view line = head.substr(p, nl == std::string_view::npos ? std::string_view::npos : nl - p);
    p = nl == std::string_view::npos ? head.size() : nl + 1;
    line = gotext::trim_space(line);
    if (!gotext::has_prefix(line, "//") || line.find("+build") == std::string_view::npos) {
      continue;
    }
    if (const auto t = plus_build_text(line)) {
      out.plus_build.push_back(*t);
    }
  }
  return out;
}

} // namespace detail::bc

/// The decision for a file that is not .go (matchFile): the name rules, an
/// extension go/build reads (.c .cc .cpp .cxx .m .h .hh .hpp .hxx .f .F .for
/// .f90 .s .S .sx .swig .swigcxx .syso — others are skipped without being
/// listed anywhere), then — as for Go files — the `//go:build` / `// +build`
/// lines of the leading comments, which go/build reads from every such file
/// but .syso (`readComments` + `shouldBuild`, go1.19.8 ... 1.27). Given a .go
/// file it applies the same constraint rules without checking Go syntax.
/// Not modelled here: .S/.sx files are dropped later unless the package
/// uses cgo.
inline file_decision decide_other_file(std::string_view file_name, std::string_view content,
                                       const build_context &ctx) {
  if (auto by_name = detail::bc::decide_by_name(file_name, ctx)) {
    return std::move(*by_name);
  }
  const std::size_t dot = file_name.rfind('.');
  const std::string_view ext = dot == std::string_view::npos ? std::string_view{} : file_name.substr(dot);
  if (ext != ".go" && !detail::bc::known_extension(ext)) {
    return {false, "go/build does not read files with the extension '" + std::string(ext) + "'", std::nullopt};
  }
  const std::string suffix = detail::bc::os_arch_suffix(file_name, ctx).suffix;
  if (ext == ".syso") {
    return {true, suffix.empty() ? "no build constraints" : "matches the " + suffix + " file name suffix",
            std::nullopt};
  }
  const detail::bc::header_read h = detail::bc::read_comments(content);
  if (h.error) {
    return {false, "go/build cannot read its leading comments", h.error, true};
  }
  const detail::bc::header_constraints c = detail::bc::scan_header(h.header);
  return detail::bc::decide_constraints(c.go_build, c.plus_build, ctx, suffix);
}

/// The tool tags the go command sets by default for GOARCH
/// (`Context.ToolTags`, src/internal/buildcfg/exp.go and cfg.go):
/// go1.19-1.27 enable the register ABI experiments regabiwrappers and
/// regabiargs on amd64, arm64, ppc64, ppc64le and riscv64 (loong64 from
/// 1.21); from 1.20 the architecture feature tags of the default GO<ARCH>
/// level: amd64.v1, 386.sse2, arm.5 arm.6 arm.7 (GOARM=7). Verified with
/// `go list -f '{{context.ToolTags}}'` of go1.19; other releases from their
/// source. GOEXPERIMENT and GO<ARCH> settings are not applied.
inline std::vector<std::string> default_tool_tags(buildenv::go_version v, std::string_view goarch) {
  std::vector<std::string> tags;
  const bool regabi = goarch == "amd64" || goarch == "arm64" || goarch == "ppc64" || goarch == "ppc64le" ||
                      goarch == "riscv64" || (goarch == "loong64" && v.minor >= 21);
  if (regabi) {
    tags.emplace_back("goexperiment.regabiwrappers");
    tags.emplace_back("goexperiment.regabiargs");
  }
  if (v.minor >= 20) {
    if (goarch == "amd64") {
      tags.emplace_back("amd64.v1");
    } else if (goarch == "386") {
      tags.emplace_back("386.sse2");
    } else if (goarch == "arm") {
      tags.insert(tags.end(), {"arm.5", "arm.6", "arm.7"});
    }
  }
  return tags;
}

} // namespace cgocheck::cgo

#endif // CGOCHECK_CGO_CONSTRAINTS_HPP
