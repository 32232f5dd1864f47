// A cgo package as the go command builds it for one target: which files are
// in it, the flags of its `#cgo` directives (checked against the go
// command's allowlist), its preambles and its Go-side facts.
//
// Models src/go/build/build.go (Context.Import: which files of a directory
// belong to the package, by extension, name and build constraints; files
// beginning with '_' or '.' are ignored; cgo files are ignored when cgo is
// off; saveCgo collects the directives) and
// src/cmd/go/internal/work/exec.go (Builder.CFlags: CGO_<VERB> from the
// environment, then the package's `#cgo` values; only the package's values
// go through the security check), Go 1.19-1.27.
//
// Pure: the caller lists the directory and reads the files.
#ifndef CGOCHECK_CGO_PACKAGE_HPP
#define CGOCHECK_CGO_PACKAGE_HPP

#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/buildenv/quoted.hpp"
#include "cgocheck/cgo/constraints.hpp"
#include "cgocheck/cgo/directives.hpp"
#include "cgocheck/cgo/facts.hpp"
#include "cgocheck/cgo/position.hpp"
#include "cgocheck/cgo/security.hpp"
#include "cgocheck/cgo/source.hpp"
#include "cgocheck/cgo/verb.hpp"
#include "cgocheck/rules/checks.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cgocheck::cgo {

/// The ids of what the front end itself reports (the plugin's checks report
/// the rest); rules::front_end_checks has their summaries.
inline constexpr std::string_view invalid_flag_check = rules::front_end_checks[0].name;
inline constexpr std::string_view invalid_directive_check = rules::front_end_checks[1].name;
inline constexpr std::string_view go_syntax_check = rules::front_end_checks[2].name;

/// A finding of the front end, at a position in a package file.
struct front_end_finding {
  std::string_view check;
  std::string file; ///< path as given to analyze_package (dir + '/' + name)
  position pos;
  std::string message;
};

/// One flag of a `#cgo` directive (or of pkg-config's output) and where it
/// was written.
struct package_flag {
  std::string value;
  std::string file; ///< "" for pkg-config output
  position pos;
};

/// A .go file of the package that imports "C".
struct cgo_source {
  std::string name; ///< file name in the package directory
  std::string path; ///< dir + '/' + name
  go_file file;
  go_facts facts;
  std::string content; ///< the file's text
};

/// A file of the package directory, as the caller read it.
struct input_file {
  std::string name;    ///< file name, no directory
  std::string content; ///< for .go, .c, .h, .cc...; may be empty for others
};

/// What go/build puts in a package, for one target.
struct cgo_package {
  std::string dir;
  std::string name; ///< the package clause of the first file built
  std::vector<cgo_source> cgo_files;
  std::vector<std::string> go_files; ///< built .go files that do not import "C"
  std::vector<std::string> ignored_files;
  std::vector<std::string> c_files;
  std::vector<std::string> cxx_files;
  std::vector<std::string> h_files;
  std::array<std::vector<package_flag>, all_verbs.size()> flags{}; ///< by cgo_verb
  std::vector<std::string> noescape;
  std::vector<std::string> nocallback;
  std::vector<front_end_finding> findings;

  [[nodiscard]] bool is_cgo() const { return !cgo_files.empty(); }
  [[nodiscard]] const std::vector<package_flag> &flags_of(cgo_verb v) const {
    return flags.at(static_cast<std::size_t>(v));
  }
  [[nodiscard]] std::vector<package_flag> &flags_of(cgo_verb v) { return flags.at(static_cast<std::size_t>(v)); }
  /// The values of flags_of(v).
  [[nodiscard]] std::vector<std::string> flag_values(cgo_verb v) const {
    std::vector<std::string> out;
    out.reserve(flags_of(v).size());
    for (const package_flag &f : flags_of(v)) {
      out.push_back(f.value);
    }
    return out;
  }
};

/// What analyze_package needs besides the files.
struct package_options {
  build_context context;
  env_lookup getenv; ///< cfg.Getenv, for CGO_<VERB>_ALLOW / _DISALLOW
};

namespace detail {

/// go/build's file kinds by extension (Context.Import: the switch on ext).
enum class file_kind : std::uint8_t { go, c, cxx, header, other, not_source };

inline file_kind kind_of(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) {
    return file_kind::not_source;
  }
  const std::string_view ext = name.substr(dot);
  if (ext == ".go") {
    return file_kind::go;
  }
  if (ext == ".c") {
    return file_kind::c;
  }
  if (ext == ".cc" || ext == ".cpp" || ext == ".cxx") {
    return file_kind::cxx;
  }
  if (ext == ".h" || ext == ".hh" || ext == ".hpp" || ext == ".hxx") {
    return file_kind::header;
  }
  if (ext == ".m" || ext == ".s" || ext == ".S" || ext == ".sx" || ext == ".f" || ext == ".F" || ext == ".for" ||
      ext == ".f90" || ext == ".swig" || ext == ".swigcxx" || ext == ".syso") {
    return file_kind::other;
  }
  return file_kind::not_source;
}

inline std::vector<std::string> texts(const std::vector<build_line> &lines) {
  std::vector<std::string> out;
  out.reserve(lines.size());
  for (const build_line &l : lines) {
    out.push_back(l.text);
  }
  return out;
}

/// The names a C text declares with `typedef`, so that the facts read
/// `C.name(x)` as a conversion, not a call, also for the types of the
/// package's headers. The facts' own scan of a preamble (preamble_typedefs:
/// the last identifier at brace depth 0, or the NAME of `(*NAME)`), sorted.
/// A scan, not a parse.
inline std::vector<std::string> typedef_names(std::string_view text) {
  const std::set<std::string> names = preamble_typedefs(text);
  return {names.begin(), names.end()};
}

/// Reads the `#cgo` lines of one file into the package (saveCgo), then
/// checks the new flags against the allowlist.
inline void save_directives(cgo_package &pkg, const cgo_source &src, const package_options &opts) {
  for (const cgo_line &line : src.file.cgo_lines) {
    const directive_result r = parse_cgo_directive(line.text, opts.context, pkg.dir);
    if (r.error) {
      pkg.findings.push_back({invalid_directive_check, src.path, line.pos, *r.error});
    }
    if (!r.directive || !r.directive->applies) {
      continue;
    }
    const cgo_directive &d = *r.directive;
    if (d.what == cgo_directive::kind::noescape) {
      pkg.noescape.push_back(d.name);
      continue;
    }
    if (d.what == cgo_directive::kind::nocallback) {
      pkg.nocallback.push_back(d.name);
      continue;
    }
    // The allowlist runs on the whole list of a verb in cmd/go; a flag that
    // takes the next argument takes it from the same directive in practice,
    // so checking per directive gives each rejection the right line.
    if (d.verb == cgo_verb::pkg_config) {
      const flag_check check = check_pkg_config_args(opts.context.version, d.args);
      for (const flag_verdict &v : check.verdicts) {
        if (!v.accepted) {
          pkg.findings.push_back({invalid_flag_check, src.path, line.pos, v.message});
        }
      }
    } else {
      const flag_check check = check_cgo_flags(opts.context.version, d.verb, d.args, opts.getenv);
      if (check.error) {
        pkg.findings.push_back({invalid_flag_check, src.path, line.pos, *check.error});
      }
      for (const flag_verdict &v : check.verdicts) {
        if (!v.accepted) {
          pkg.findings.push_back({invalid_flag_check, src.path, line.pos, v.message});
        }
      }
    }
    for (const std::string &arg : d.args) {
      pkg.flags_of(d.verb).push_back({arg, src.path, line.pos});
    }
  }
}

} // namespace detail

/// The package in `dir` for the target in opts.context: every file sorted
/// by name as go/build reads them; test files are not part of the build.
inline cgo_package analyze_package(std::string dir, std::vector<input_file> files, const package_options &opts) {
  cgo_package pkg;
  pkg.dir = std::move(dir);
  std::sort(files.begin(), files.end(), [](const input_file &a, const input_file &b) { return a.name < b.name; });
  // C type names from the package's headers and every preamble.
  fact_options fact_opts;
  for (const input_file &f : files) {
    const detail::file_kind kind = detail::kind_of(f.name);
    if (kind == detail::file_kind::header || kind == detail::file_kind::go) {
      std::vector<std::string> names = detail::typedef_names(f.content);
      fact_opts.c_type_names.insert(fact_opts.c_type_names.end(), names.begin(), names.end());
    }
  }
  for (input_file &f : files) {
    if (f.name.empty() || f.name.front() == '_' || f.name.front() == '.') {
      continue;
    }
    const detail::file_kind kind = detail::kind_of(f.name);
    if (kind == detail::file_kind::not_source || detail::gotext::has_suffix(f.name, "_test.go")) {
      continue;
    }
    const std::string path = pkg.dir + "/" + f.name;
    if (kind != detail::file_kind::go) {
      const file_decision d = decide_other_file(f.name, f.content, opts.context);
      if (!d.included) {
        pkg.ignored_files.push_back(f.name);
      } else if (kind == detail::file_kind::c) {
        pkg.c_files.push_back(f.name);
      } else if (kind == detail::file_kind::cxx) {
        pkg.cxx_files.push_back(f.name);
      } else if (kind == detail::file_kind::header) {
        pkg.h_files.push_back(f.name);
      }
      continue;
    }
    parse_result parsed = parse_go_file(f.content);
    if (parsed.error) {
      pkg.findings.push_back({go_syntax_check, path, parsed.error->pos, parsed.error->message});
      // go/build keeps a file whose package clause it read (GoFiles and
      // InvalidGoFiles); what was read of it is used.
      if (parsed.file.package_name.empty()) {
        pkg.ignored_files.push_back(f.name);
        continue;
      }
    }
    for (const source_error &e : parsed.file.cgo_errors) {
      pkg.findings.push_back({invalid_directive_check, path, e.pos, e.message});
    }
    const file_decision d = decide_go_file(f.name, detail::texts(parsed.file.go_build),
                                           detail::texts(parsed.file.plus_build), opts.context);
    if (d.error) {
      pkg.findings.push_back({go_syntax_check, path, parsed.file.package_pos, *d.error});
    }
    // go/build 1.19-1.27 ignores `package documentation` files.
    if (!d.included || parsed.file.package_name == "documentation") {
      pkg.ignored_files.push_back(f.name);
      continue;
    }
    // go/build: a file that imports "C" is ignored when cgo is off, but its
    // #cgo flags were saved first (saveCgo runs before that test).
    if (parsed.file.imports_c && !opts.context.cgo_enabled) {
      cgo_source ignored{f.name, path, std::move(parsed.file), {}, {}};
      detail::save_directives(pkg, ignored, opts);
      pkg.ignored_files.push_back(f.name);
      continue;
    }
    if (pkg.name.empty()) {
      pkg.name = parsed.file.package_name;
    }
    if (!parsed.file.imports_c) {
      pkg.go_files.push_back(f.name);
      continue;
    }
    cgo_source src{f.name, path, std::move(parsed.file), {}, std::move(f.content)};
    src.facts = collect_facts(src.content, src.file, fact_opts);
    detail::save_directives(pkg, src, opts);
    pkg.cgo_files.push_back(std::move(src));
  }
  // cmd/go/internal/load/pkg.go: without cgo, C and C++ files are not built.
  if (!opts.context.cgo_enabled) {
    pkg.c_files.clear();
    pkg.cxx_files.clear();
  }
  return pkg;
}

/// The flags the go command compiles the package's C files with
/// (cmd/go/internal/work/exec.go, Go 1.19-1.27: compilerCmd's `-I` of the
/// package directory; Builder.CFlags' CGO_CPPFLAGS then the package's
/// CPPFLAGS, with pkg-config's --cflags; cgo's `-I` of its output
/// directory, where _cgo_export.h is; CGO_CFLAGS then the package's
/// CFLAGS). The CGO_* values are as resolved, split like the go command's
/// envList (quoted.Split); the C compiler itself and its machine flags are
/// the caller's.
inline std::vector<std::string> c_compiler_flags(const cgo_package &pkg, std::string_view cgo_cppflags,
                                                 std::string_view cgo_cflags, std::string_view objdir) {
  std::vector<std::string> out{"-I" + pkg.dir};
  const auto append = [&out](const std::vector<std::string> &words) { out.insert(out.end(), words.begin(), words.end()); };
  append(buildenv::quoted_split(cgo_cppflags).fields);
  append(pkg.flag_values(cgo_verb::cppflags));
  out.push_back("-I" + std::string(objdir));
  append(buildenv::quoted_split(cgo_cflags).fields);
  append(pkg.flag_values(cgo_verb::cflags));
  return out;
}

namespace detail {

/// splitPkgConfigOutput (cmd/go/internal/work/exec.go, Go 1.19-1.27): shell-like
/// words with quotes and backslashes; inside double or single quotes a
/// backslash escapes only $ ` " and \.
inline buildenv::split_result split_pkg_config_output(std::string_view out) {
  buildenv::split_result r;
  std::string word;
  bool in_word = false;
  bool escaped = false;
  char quote = 0;
  const auto flush = [&] {
    if (in_word) {
      r.fields.push_back(word);
      word.clear();
      in_word = false;
    }
  };
  for (const char c : out) {
    if (escaped) {
      if (quote != 0 && c != '$' && c != '`' && c != '"' && c != '\\') {
        word += '\\';
      }
      word += c;
      in_word = true;
      escaped = false;
    } else if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\') {
        escaped = true;
      } else {
        word += c;
      }
    } else if (std::string_view(" \t\n\v\f\r").find(c) == std::string_view::npos) {
      in_word = true;
      if (c == '\\') {
        escaped = true;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else {
        word += c;
      }
    } else {
      flush();
    }
  }
  if (escaped) {
    r.error = "broken character escaping in pkgconf output";
  } else if (quote != 0) {
    r.error = "unterminated quoted string in pkgconf output";
  }
  flush();
  return r;
}

/// The first `#cgo pkg-config` directive of the package, where pkg-config's
/// problems are reported.
inline std::pair<std::string, position> pkg_config_site(const cgo_package &pkg) {
  const std::vector<package_flag> &args = pkg.flags_of(cgo_verb::pkg_config);
  if (args.empty()) {
    return {pkg.dir, {}};
  }
  return {args.front().file, args.front().pos};
}

} // namespace detail

/// The arguments of pkg-config for the package's `#cgo pkg-config` values
/// (exec.go getPkgConfigFlags): its options (words starting with "--"; a
/// lone "--" is dropped), then "--", then the package names. Empty when the
/// package uses no pkg-config. (save_directives has checked them.)
inline std::vector<std::string> pkg_config_arguments(const cgo_package &pkg) {
  std::vector<std::string> options;
  std::vector<std::string> names;
  for (const package_flag &f : pkg.flags_of(cgo_verb::pkg_config)) {
    if (f.value == "--") {
      continue;
    }
    (f.value.rfind("--", 0) == 0 ? options : names).push_back(f.value);
  }
  if (names.empty() && options.empty()) {
    return {};
  }
  options.emplace_back("--");
  options.insert(options.end(), names.begin(), names.end());
  return options;
}

/// Adds pkg-config's output as the go command does (exec.go
/// getPkgConfigFlags): `--cflags` split like a shell word list and checked
/// as CFLAGS, then appended to CPPFLAGS; `--libs` split at white space and
/// checked as LDFLAGS. Problems are findings at the first `#cgo pkg-config`
/// line.
inline void add_pkg_config_output(cgo_package &pkg, std::string_view cflags, std::string_view libs,
                                  const package_options &opts) {
  const auto [file, pos] = detail::pkg_config_site(pkg);
  const auto add = [&, &file = file, &pos = pos](const std::vector<std::string> &words, pkg_config_output which,
                                                 cgo_verb into) {
    const flag_check check = check_pkg_config_output(opts.context.version, which, words, opts.getenv);
    if (check.error) {
      pkg.findings.push_back({invalid_flag_check, file, pos, *check.error});
    } else if (const flag_verdict *v = check.first_rejection()) {
      pkg.findings.push_back({invalid_flag_check, file, pos, v->message});
    }
    for (const std::string &w : words) {
      pkg.flags_of(into).push_back({w, "", {}});
    }
  };
  const buildenv::split_result c = detail::split_pkg_config_output(cflags);
  if (!c.ok()) {
    pkg.findings.push_back({invalid_flag_check, file, pos, c.error});
  } else {
    add(c.fields, pkg_config_output::cflags, cgo_verb::cppflags);
  }
  const std::vector<std::string_view> lib_words = detail::gotext::fields(libs);
  add({lib_words.begin(), lib_words.end()}, pkg_config_output::libs, cgo_verb::ldflags);
}

} // namespace cgocheck::cgo

#endif // CGOCHECK_CGO_PACKAGE_HPP
