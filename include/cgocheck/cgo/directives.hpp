// cgocheck::cgo — one `#cgo` line of a preamble, as go/build reads it.
//
// Sources (paths relative to the Go repository root):
// - src/go/build/build.go, go1.19.8 (same in src/cmd/go/internal/modindex/build.go):
//   `saveCgo` — the line is "#cgo" then a space or tab; it is cut at the first
//   ':'; the fields before it are `[COND...] VERB`; the directive applies when
//   any COND matches (`matchAuto`: a `// +build` term, or a `//go:build`
//   expression when it holds one of & | ( )); the arguments are split by
//   `splitQuoted`, expanded and checked by `expandSrcDir`/`safeCgoName`, and
//   for the flag verbs relative -I/-L paths are made absolute
//   (`makePathsAbsolute`). Errors, in the order go/build meets them:
//   "invalid #cgo line: LINE" (no colon, no verb, bad quoting),
//   "malformed #cgo argument: ARG" (ARG after ${SRCDIR} expansion),
//   "invalid #cgo verb: LINE". A line whose conditions do not match is
//   skipped before its arguments or verb are looked at.
// - 1.22+ (build.go `saveCgo`; src/cmd/cgo/gcc.go `ProcessCgoDirectives`):
//   a line of exactly three fields `#cgo noescape NAME` or
//   `#cgo nocallback NAME` is skipped by go/build and read by cmd/cgo.
//   Before 1.22 it is an ordinary line (usually "invalid #cgo line": no
//   colon). cmd/cgo of 1.22 and 1.23 stops with "#cgo noescape disabled
//   until Go 1.23" / "#cgo nocallback disabled until Go 1.23" (cmd/cgo's
//   test data notmatchedcfunction.go expects the first in 1.22);
//   1.24+ accepts them (and reports "#cgo noescape NAME: no matched C
//   function" when no C function has that name, which needs the C side and
//   is not modelled here).
// - Paths are those of a Unix host (filepath.Join = path.Join, IsAbs =
//   leading '/'), whatever the target GOOS.
//
// Verified against `go list -json` of go1.19.8 by
// tests/live/cgo_directives_live.py (data: tests/unit/data/cgo_directives_go119.json).
#ifndef CGOCHECK_CGO_DIRECTIVES_HPP
#define CGOCHECK_CGO_DIRECTIVES_HPP

#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/cgo/constraints.hpp"
#include "cgocheck/cgo/verb.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cgocheck::cgo {

/// The words of a `#cgo` argument string (go/build `splitQuoted`).
struct split_result {
  std::vector<std::string> args;
  /// "unclosed quote" or "unfinished escaping"; args then still hold what
  /// was read, the unfinished word last, as Go returns them.
  std::optional<std::string> error;
};

/// go/build `splitQuoted` (go1.19.8 ... 1.27): white space (unicode.IsSpace)
/// separates words; ' and " quote and may start or stop anywhere in a word
/// ('' makes an empty word); a backslash takes the next character literally,
/// inside quotes too. The text is read rune by rune, so an invalid UTF-8
/// byte comes out as U+FFFD.
inline split_result split_quoted(std::string_view s) {
  namespace gt = detail::gotext;
  split_result r;
  std::string arg;
  bool escaped = false;
  bool quoted = false; // a quote was seen in the current word
  std::int32_t quote = 0;
  for (std::size_t i = 0; i < s.size();) {
    const gt::decoded_rune d = gt::decode_rune(s, i);
    i += d.width;
    const std::int32_t c = d.rune;
    if (escaped) {
      escaped = false;
    } else if (c == U'\\') {
      escaped = true;
      continue;
    } else if (quote != 0) {
      if (c == quote) {
        quote = 0;
        continue;
      }
    } else if (c == U'"' || c == U'\'') {
      quoted = true;
      quote = c;
      continue;
    } else if (gt::is_space(c)) {
      if (quoted || !arg.empty()) {
        quoted = false;
        r.args.push_back(std::move(arg));
        arg.clear();
      }
      continue;
    }
    arg += gt::encode_rune(c);
  }
  if (quoted || !arg.empty()) {
    r.args.push_back(std::move(arg));
  }
  if (quote != 0) {
    r.error = "unclosed quote";
  } else if (escaped) {
    r.error = "unfinished escaping";
  }
  return r;
}

/// go/build `safeCgoName`: non-empty, and every byte below 0x80 is one of
/// the letters, digits and `+-.,/=_:$@%! ~^` (go1.19.8 ... 1.27).
inline bool safe_cgo_arg(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  constexpr std::string_view safe = "+-.,/=_:$@%! ~^";
  return std::all_of(s.begin(), s.end(), [&](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return c >= 0x80 || alnum || safe.find(ch) != std::string_view::npos;
  });
}

/// go/build `expandSrcDir`: every "${SRCDIR}" replaced by `srcdir`; each
/// piece around it, and `srcdir` itself (when not empty), must pass
/// safe_cgo_arg (empty pieces are fine), and the result must not be empty.
/// Without ${SRCDIR} the argument itself must pass safe_cgo_arg.
struct expanded_arg {
  std::string value; ///< the expansion, also when !ok (go/build quotes it in its error)
  bool ok = false;
};

inline expanded_arg expand_srcdir(std::string_view arg, std::string_view srcdir) {
  constexpr std::string_view var = "${SRCDIR}";
  if (arg.find(var) == std::string_view::npos) {
    return {std::string(arg), safe_cgo_arg(arg)};
  }
  expanded_arg out;
  out.ok = srcdir.empty() || safe_cgo_arg(srcdir);
  std::size_t start = 0;
  while (true) {
    const std::size_t at = arg.find(var, start);
    const std::string_view chunk = arg.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start);
    out.ok = out.ok && (chunk.empty() || safe_cgo_arg(chunk));
    out.value += chunk;
    if (at == std::string_view::npos) {
      break;
    }
    out.value += srcdir;
    start = at + var.size();
  }
  out.ok = out.ok && !out.value.empty();
  return out;
}

namespace detail::directive {

/// path.Clean (Unix filepath.Clean).
inline std::string clean_path(std::string_view p) {
  if (p.empty()) {
    return ".";
  }
  const bool rooted = p.front() == '/';
  std::vector<std::string_view> parts;
  std::size_t dotdots = 0; // leading ".." kept in a relative path
  for (const std::string_view part : gotext::split(p, '/')) {
    if (part.empty() || part == ".") {
      continue;
    }
    if (part == "..") {
      if (parts.size() > dotdots) {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(part);
        ++dotdots;
      }
      continue;
    }
    parts.push_back(part);
  }
  std::string out = rooted ? "/" : "";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      out += '/';
    }
    out += parts[i];
  }
  if (out.empty()) {
    return ".";
  }
  return out;
}

/// filepath.Join(dir, p) on a Unix host.
inline std::string join_path(std::string_view dir, std::string_view p) {
  if (dir.empty() && p.empty()) {
    return {};
  }
  if (dir.empty()) {
    return clean_path(p);
  }
  if (p.empty()) {
    return clean_path(dir);
  }
  std::string joined(dir);
  joined += '/';
  joined += p;
  return clean_path(joined);
}

} // namespace detail::directive

/// go/build `makePathsAbsolute` (go1.19.8 ... 1.27): "-Ipath"/"-Lpath" and
/// the word after a bare "-I"/"-L" become filepath.Join(srcdir, path) unless
/// already absolute (Join also cleans the path: "-I../inc" -> "-I/dir/inc").
inline void make_paths_absolute(std::vector<std::string> &args, std::string_view srcdir) {
  bool next_path = false;
  for (std::string &arg : args) {
    if (next_path) {
      if (arg.empty() || arg.front() != '/') {
        arg = detail::directive::join_path(srcdir, arg);
      }
      next_path = false;
    } else if (detail::gotext::has_prefix(arg, "-I") || detail::gotext::has_prefix(arg, "-L")) {
      if (arg.size() == 2) {
        next_path = true;
      } else if (arg[2] != '/') {
        arg = arg.substr(0, 2) + detail::directive::join_path(srcdir, std::string_view(arg).substr(2));
      }
    }
  }
}

/// Whether go/build reads a preamble line as a `#cgo` line: after trimming,
/// "#cgo" and then a space or a tab.
inline bool is_cgo_line(std::string_view line) {
  line = detail::gotext::trim_space(line);
  return line.size() >= 5 && line.substr(0, 4) == "#cgo" && (line[4] == ' ' || line[4] == '\t');
}

/// go/build `matchAuto`: one condition field of a `#cgo` line.
inline bool match_cgo_condition(std::string_view cond, const build_context &ctx) {
  if (cond.find_first_of("&|()") != std::string_view::npos) {
    return eval_go_build(cond, ctx).matches;
  }
  return eval_plus_build(cond, ctx).matches;
}

/// One `#cgo` line.
struct cgo_directive {
  enum class kind : std::uint8_t { flags, noescape, nocallback };
  kind what = kind::flags;
  /// The conditions match the context (any one of them; no condition always
  /// matches). noescape/nocallback lines have none.
  bool applies = false;
  cgo_verb verb = cgo_verb::cflags;
  /// After splitQuoted, the character filter, ${SRCDIR} expansion and, for
  /// the flag verbs (not pkg-config), makePathsAbsolute. Filled when the
  /// line is valid, whether or not it applies.
  std::vector<std::string> args;
  /// The C name of a noescape/nocallback line.
  std::string name;
  /// The condition fields as written, e.g. {"linux,amd64", "darwin"}.
  std::vector<std::string> conditions;
  /// The verb as written (also when it is not a valid verb).
  std::string verb_text;
  /// For a line that does not apply: the error go/build would report for it
  /// on a target where it does (it reports nothing here).
  std::optional<std::string> inactive_error;
};

struct directive_result {
  /// Nothing for a line that is not a `#cgo` line and for a line go/build
  /// rejects (error set), except noescape/nocallback in 1.22-1.23, which
  /// come with cmd/cgo's error.
  std::optional<cgo_directive> directive;
  /// go/build's (or for noescape/nocallback in 1.22-1.23, cmd/cgo's) message,
  /// without the "FILE: " prefix go/build adds.
  std::optional<std::string> error;
};

namespace detail::directive {

/// The part of saveCgo after the conditions: arguments, then verb.
inline std::optional<std::string> read_arguments(cgo_directive &d, std::string_view argstr, std::string_view orig,
                                                 std::string_view srcdir) {
  split_result split = split_quoted(argstr);
  if (split.error) {
    d.args.clear();
    return "invalid #cgo line: " + std::string(orig);
  }
  for (std::string &arg : split.args) {
    expanded_arg e = expand_srcdir(arg, srcdir);
    if (!e.ok) {
      d.args.clear();
      return "malformed #cgo argument: " + e.value;
    }
    arg = std::move(e.value);
  }
  const std::optional<cgo_verb> verb = parse_verb(d.verb_text);
  if (!verb) {
    d.args.clear();
    return "invalid #cgo verb: " + std::string(orig);
  }
  d.verb = *verb;
  if (*verb != cgo_verb::pkg_config) {
    make_paths_absolute(split.args, srcdir);
  }
  d.args = std::move(split.args);
  return std::nullopt;
}

} // namespace detail::directive

/// Reads one preamble line as go/build's saveCgo does for `ctx`.
///
/// `line`: a line of the preamble as ast.CommentGroup.Text gives it; it is
/// trimmed here, and error messages quote it as given (go/build quotes the
/// untrimmed line). `srcdir`: the package directory, absolute, with slashes.
/// Errors carry go/build's text without its "FILE: " prefix, e.g.
/// "invalid #cgo line: #cgo FOO", "invalid #cgo verb: #cgo FOO: x",
/// "malformed #cgo argument: -DX=a;b".
///
/// `#cgo noescape NAME` / `#cgo nocallback NAME`: up to 1.21 read like any
/// other line (so usually "invalid #cgo line: ..."); 1.22 and 1.23 return
/// the directive and cmd/cgo's error "#cgo noescape disabled until Go 1.23";
/// 1.24+ return the directive alone.
inline directive_result parse_cgo_directive(std::string_view line, const build_context &ctx, std::string_view srcdir) {
  namespace gt = detail::gotext;
  directive_result r;
  const std::string_view orig = line;
  const std::string_view trimmed = gt::trim_space(line);
  if (!is_cgo_line(trimmed)) {
    return r;
  }
  if (ctx.version >= buildenv::go_version{22}) {
    const std::vector<std::string_view> f = gt::fields(trimmed);
    if (f.size() == 3 && (f[1] == "noescape" || f[1] == "nocallback")) {
      cgo_directive d;
      d.what = f[1] == "noescape" ? cgo_directive::kind::noescape : cgo_directive::kind::nocallback;
      d.applies = true;
      d.name = std::string(f[2]);
      d.verb_text = std::string(f[1]);
      if (ctx.version <= buildenv::go_version{23}) {
        r.error = "#cgo " + d.verb_text + " disabled until Go 1.23";
      }
      r.directive = std::move(d);
      return r;
    }
  }
  const std::string_view rest = gt::trim_space(trimmed.substr(4));
  const std::size_t colon = rest.find(':');
  if (colon == std::string_view::npos) {
    r.error = "invalid #cgo line: " + std::string(orig);
    return r;
  }
  const std::vector<std::string_view> f = gt::fields(rest.substr(0, colon));
  if (f.empty()) {
    r.error = "invalid #cgo line: " + std::string(orig);
    return r;
  }
  cgo_directive d;
  d.verb_text = std::string(f.back());
  d.applies = f.size() == 1;
  for (std::size_t i = 0; i + 1 < f.size(); ++i) {
    d.conditions.emplace_back(f[i]);
    d.applies = d.applies || match_cgo_condition(f[i], ctx);
  }
  std::optional<std::string> err = detail::directive::read_arguments(d, rest.substr(colon + 1), orig, srcdir);
  if (d.applies && err) {
    // go/build rejects the file: no directive.
    r.error = std::move(err);
    return r;
  }
  d.inactive_error = std::move(err);
  r.directive = std::move(d);
  return r;
}

} // namespace cgocheck::cgo

#endif // CGOCHECK_CGO_DIRECTIVES_HPP
