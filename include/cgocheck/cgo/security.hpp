// cgocheck::cgo — the go command's security check of cgo flags: which
// `#cgo CFLAGS/CPPFLAGS/CXXFLAGS/FFLAGS/LDFLAGS` words, pkg-config output
// words and `#cgo pkg-config` arguments a Go release accepts.
//
// Models src/cmd/go/internal/work/security.go (checkFlags and its tables) with
// the callers in src/cmd/go/internal/work/exec.go (buildFlags,
// getPkgConfigFlags) and load.SafeArg (src/cmd/go/internal/load/pkg.go), read
// in go1.19.8, go1.21.13, go1.22.12, go1.23.5, go1.24.4, go1.25.12, go1.26.10
// and go1.27.3:
// - Each word, in order: a CGO_<NAME>_DISALLOW match rejects it (DISALLOW wins
//   over ALLOW); a CGO_<NAME>_ALLOW match accepts it; a built-in invalid
//   pattern rejects it (linker `-lto_library`, from 1.21); a built-in valid
//   pattern accepts it; a flag that takes the next argument accepts the pair
//   when that argument is load.SafeArg (or `-Wl,-framework -Wl,NAME`, or
//   `-I =DIR` / `-I $SYSROOT...`); anything else is rejected.
// - "Matches" is Go's `re.FindString(arg) == arg`: the leftmost-first match
//   must cover the whole word. An empty word therefore matches every pattern.
// - From 1.24, a word starting with `-Wl,--push-state,` that the first valid
//   pattern does not match is split at commas and each piece, as `-Wl,PIECE`,
//   must match a valid pattern and no invalid one.
// - CGO_<NAME>_ALLOW/DISALLOW are read with cfg.Getenv (environment, then the
//   go/env file, then $GOROOT/go.env) and compiled as Go regexps even when the
//   list is empty; a bad one fails the build with `parsing $CGO_<NAME>_ALLOW:
//   error parsing regexp: ...`.
// - Go stops at the first rejection; this model gives every word a verdict
//   and says which rejection the go command reports.
// - The text: `invalid flag in #cgo CFLAGS: X`, with ` (see
//   https://go.dev/s/invalidflag)` from 1.26; the next-argument forms say
//   `X NEXT` or `X without argument` and always carry the link (golang.org
//   before 1.26, go.dev from 1.26).
// - 1.20 had no source to read: it is modelled as 1.19 (the changes below
//   first appear in go1.21.13; some reached 1.19/1.20 point releases after
//   go1.19.8 as security fixes, unverified here).
// - Patch-level changes are modelled as the newest patch release of each
//   minor: the `#cgo pkg-config` option allowlist (CVE-2025-61731, go1.24.12
//   and go1.25.6) applies from 1.24.
// Not modelled: go/build's own rewriting before the check (relative -I/-L
// made absolute, ${SRCDIR}, the character filter; see the directive parser),
// and checkCompilerFlagsForInternalLink (which environment flags force
// external linking).
#ifndef CGOCHECK_CGO_SECURITY_HPP
#define CGOCHECK_CGO_SECURITY_HPP

#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/cgo/verb.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cgocheck::cgo {

/// cfg.Getenv: the value of a key, or nothing when it is unset or empty.
using env_lookup = std::function<std::optional<std::string>(std::string_view key)>;

/// The verdict on one word of a flag list.
struct flag_verdict {
  std::size_t index = 0; ///< position of the word in the list
  std::string flag;      ///< the word
  bool accepted = true;
  /// For a rejection, the go command's error text for that version, e.g.
  /// "invalid flag in #cgo CFLAGS: -fplugin=x.so"; empty when accepted.
  std::string message;
};

/// The verdicts on a whole list.
struct flag_check {
  /// One per word, in order. A flag that takes the next argument consumes
  /// it: the argument's verdict is the pair's (accepted).
  std::vector<flag_verdict> verdicts;
  /// The go command fails before looking at any word, e.g.
  /// "parsing $CGO_CFLAGS_ALLOW: error parsing regexp: missing closing ): `(`";
  /// verdicts is then empty.
  std::optional<std::string> error;
  /// Index into verdicts of the rejection the go command reports (it stops
  /// at the first it meets); nothing when every word is accepted.
  std::optional<std::size_t> reported;

  /// The rejection the go command reports, or nullptr.
  [[nodiscard]] const flag_verdict *first_rejection() const {
    return reported && *reported < verdicts.size() ? &verdicts[*reported] : nullptr;
  }
  [[nodiscard]] bool ok() const { return !error && !reported; }
};

/// Which pkg-config output a list came from.
enum class pkg_config_output : std::uint8_t { cflags, libs };

namespace detail {

/// One built-in pattern of security.go and the Go minors (inclusive) whose
/// table lists it. The patterns are Go regexps, kept verbatim.
struct flag_pattern {
  std::string_view regexp;
  int first = 0;
  int last = 0;
};

/// `last` for a pattern still listed in the newest modelled release.
inline constexpr int still_listed = buildenv::newest_modelled.minor;

/// Compiler flags (validCompilerFlags), in security.go's order.
inline constexpr flag_pattern compiler_patterns[] = {
    {R"(-D([A-Za-z_][A-Za-z0-9_]*)(=[^@\-]*)?)", 19, still_listed},
    {R"(-U([A-Za-z_][A-Za-z0-9_]*))", 19, still_listed},
    {R"(-F([^@\-].*))", 19, still_listed},
    {R"(-I([^@\-].*))", 19, still_listed},
    {R"(-O)", 19, still_listed},
    {R"(-O([^@\-].*))", 19, still_listed},
    {R"(-W)", 19, still_listed},
    {R"(-W([^@,]+))", 19, still_listed}, // -Wall, not -Wa,-foo
    {R"(-Wa,-mbig-obj)", 19, still_listed},
    {R"(-Wp,-D([A-Za-z_][A-Za-z0-9_]*)(=[^@,\-]*)?)", 19, still_listed},
    {R"(-Wp,-U([A-Za-z_][A-Za-z0-9_]*))", 19, still_listed},
    {R"(-ansi)", 19, still_listed},
    {R"(-f(no-)?asynchronous-unwind-tables)", 19, still_listed},
    {R"(-f(no-)?blocks)", 19, still_listed},
    {R"(-f(no-)builtin-[a-zA-Z0-9_]*)", 19, still_listed},
    {R"(-f(no-)?common)", 19, still_listed},
    {R"(-f(no-)?constant-cfstrings)", 19, still_listed},
    {R"(-fdebug-prefix-map=([^@]+)=([^@]+))", 22, still_listed},
    {R"(-fdiagnostics-show-note-include-stack)", 19, still_listed},
    {R"(-ffile-prefix-map=([^@]+)=([^@]+))", 22, still_listed},
    {R"(-fno-canonical-system-headers)", 22, still_listed},
    {R"(-f(no-)?eliminate-unused-debug-types)", 19, still_listed},
    {R"(-f(no-)?exceptions)", 19, still_listed},
    {R"(-f(no-)?fast-math)", 19, still_listed},
    {R"(-f(no-)?inline-functions)", 19, still_listed},
    {R"(-finput-charset=([^@\-].*))", 19, still_listed},
    {R"(-f(no-)?fat-lto-objects)", 19, still_listed},
    {R"(-f(no-)?keep-inline-dllexport)", 19, still_listed},
    {R"(-f(no-)?lto)", 19, still_listed},
    {R"(-fmacro-backtrace-limit=(.+))", 19, still_listed},
    {R"(-fmessage-length=(.+))", 19, still_listed},
    {R"(-f(no-)?modules)", 19, still_listed},
    {R"(-f(no-)?objc-arc)", 19, still_listed},
    {R"(-f(no-)?objc-nonfragile-abi)", 19, still_listed},
    {R"(-f(no-)?objc-legacy-dispatch)", 19, still_listed},
    {R"(-f(no-)?omit-frame-pointer)", 19, still_listed},
    {R"(-f(no-)?openmp(-simd)?)", 19, still_listed},
    {R"(-f(no-)?permissive)", 19, still_listed},
    {R"(-f(no-)?(pic|PIC|pie|PIE))", 19, still_listed},
    {R"(-f(no-)?plt)", 19, still_listed},
    {R"(-f(no-)?rtti)", 19, still_listed},
    {R"(-f(no-)?split-stack)", 19, still_listed},
    {R"(-f(no-)?stack-(.+))", 19, still_listed},
    {R"(-f(no-)?strict-aliasing)", 19, still_listed},
    {R"(-f(un)signed-char)", 19, still_listed},
    {R"(-f(no-)?use-linker-plugin)", 19, still_listed}, // safe while -B is refused
    {R"(-f(no-)?visibility-inlines-hidden)", 19, still_listed},
    {R"(-fsanitize=(.+))", 19, still_listed},
    {R"(-fsanitize-undefined-strip-path-components=(-)?[0-9]+)", 25, still_listed},
    {R"(-ftemplate-depth-(.+))", 19, still_listed},
    {R"(-ftls-model=(global-dynamic|local-dynamic|initial-exec|local-exec))", 24, still_listed},
    {R"(-fvisibility=(.+))", 19, still_listed},
    {R"(-g([^@\-].*)?)", 19, still_listed},
    {R"(-m32)", 19, still_listed},
    {R"(-m64)", 19, still_listed},
    {R"(-m(abi|arch|cpu|fpu|tune)=([^@\-].*))", 19, 24},
    {R"(-m(abi|arch|cpu|fpu|simd|tls-dialect|tune)=([^@\-].*))", 25, still_listed},
    {R"(-m(no-)?v?aes)", 19, still_listed},
    {R"(-marm)", 19, still_listed},
    {R"(-m(no-)?avx[0-9a-z]*)", 19, 25},
    {R"(-mcmodel=[0-9a-z-]+)", 23, still_listed},
    {R"(-mfloat-abi=([^@\-].*))", 19, still_listed},
    {R"(-m(soft|single|double)-float)", 25, still_listed},
    {R"(-mfpmath=[0-9a-z,+]*)", 19, still_listed},
    {R"(-m(no-)?avx[0-9a-z.]*)", 19, still_listed},
    {R"(-m(no-)?ms-bitfields)", 19, still_listed},
    {R"(-m(no-)?stack-(.+))", 19, still_listed},
    {R"(-mmacosx-(.+))", 19, still_listed},
    {R"(-m(no-)?relax)", 25, still_listed},
    {R"(-m(no-)?strict-align)", 25, still_listed},
    {R"(-m(no-)?(lsx|lasx|frecipe|div32|lam-bh|lamcas|ld-seq-sa))", 25, still_listed},
    {R"(-mios-simulator-version-min=(.+))", 19, still_listed},
    {R"(-miphoneos-version-min=(.+))", 19, still_listed},
    {R"(-mlarge-data-threshold=[0-9]+)", 23, still_listed},
    {R"(-mtvos-simulator-version-min=(.+))", 19, still_listed},
    {R"(-mtvos-version-min=(.+))", 19, still_listed},
    {R"(-mwatchos-simulator-version-min=(.+))", 19, still_listed},
    {R"(-mwatchos-version-min=(.+))", 19, still_listed},
    {R"(-mnop-fun-dllimport)", 19, still_listed},
    {R"(-m(no-)?sse[0-9.]*)", 19, still_listed},
    {R"(-m(no-)?ssse3)", 19, still_listed},
    {R"(-mthumb(-interwork)?)", 19, still_listed},
    {R"(-mthreads)", 19, still_listed},
    {R"(-mwindows)", 19, still_listed},
    {R"(-no-canonical-prefixes)", 22, still_listed},
    {R"(--param=ssp-buffer-size=[0-9]*)", 19, still_listed},
    {R"(-pedantic(-errors)?)", 19, still_listed},
    {R"(-pipe)", 19, still_listed},
    {R"(-pthread)", 19, still_listed},
    {R"(--static)", 25, still_listed},
    {R"(-?-std=([^@\-].*))", 19, still_listed},
    {R"(-?-stdlib=([^@\-].*))", 19, still_listed},
    {R"(--sysroot=([^@\-].*))", 19, still_listed},
    {R"(-w)", 19, still_listed},
    {R"(-x([^@\-].*))", 19, still_listed},
    {R"(-v)", 19, still_listed},
};

/// Linker flags that are refused even though a valid pattern would take
/// them (invalidLinkerFlags): on macOS `-lto_library` makes the linker load
/// the next argument.
inline constexpr flag_pattern linker_invalid_patterns[] = {
    {R"(-lto_library)", 21, still_listed},
};

/// Linker flags (validLinkerFlags), in security.go's order. Every -Wl,
/// wildcard excludes ',' so that no extra linker option can ride along.
inline constexpr flag_pattern linker_patterns[] = {
    {R"(-F([^@\-].*))", 19, still_listed},
    {R"(-l([^@\-].*))", 19, still_listed},
    {R"(-L([^@\-].*))", 19, still_listed},
    {R"(-O)", 19, still_listed},
    {R"(-O([^@\-].*))", 19, still_listed},
    {R"(-f(no-)?(pic|PIC|pie|PIE))", 19, still_listed},
    {R"(-f(no-)?openmp(-simd)?)", 19, still_listed},
    {R"(-fsanitize=([^@\-].*))", 19, still_listed},
    {R"(-flat_namespace)", 19, still_listed},
    {R"(-g([^@\-].*)?)", 19, still_listed},
    {R"(-headerpad_max_install_names)", 19, still_listed},
    {R"(-m(abi|arch|cpu|fpu|tune)=([^@\-].*))", 19, 24},
    {R"(-m(abi|arch|cpu|fpu|simd|tls-dialect|tune)=([^@\-].*))", 25, still_listed},
    {R"(-mcmodel=[0-9a-z-]+)", 25, still_listed},
    {R"(-mfloat-abi=([^@\-].*))", 19, still_listed},
    {R"(-m(soft|single|double)-float)", 25, still_listed},
    {R"(-m(no-)?relax)", 25, still_listed},
    {R"(-m(no-)?strict-align)", 25, still_listed},
    {R"(-m(no-)?(lsx|lasx|frecipe|div32|lam-bh|lamcas|ld-seq-sa))", 25, still_listed},
    {R"(-mmacosx-(.+))", 19, still_listed},
    {R"(-mios-simulator-version-min=(.+))", 19, still_listed},
    {R"(-miphoneos-version-min=(.+))", 19, still_listed},
    {R"(-mthreads)", 19, still_listed},
    {R"(-mwindows)", 19, still_listed},
    {R"(-(pic|PIC|pie|PIE))", 19, still_listed},
    {R"(-pthread)", 19, still_listed},
    {R"(-rdynamic)", 19, still_listed},
    {R"(-shared)", 19, still_listed},
    {R"(-?-static([-a-z0-9+]*))", 19, still_listed},
    {R"(-?-stdlib=([^@\-].*))", 19, still_listed},
    {R"(-v)", 19, still_listed},
    {R"(-Wl,--(no-)?allow-multiple-definition)", 19, still_listed},
    {R"(-Wl,--(no-)?allow-shlib-undefined)", 19, still_listed},
    {R"(-Wl,--(no-)?as-needed)", 19, still_listed},
    {R"(-Wl,-Bdynamic)", 19, still_listed},
    {R"(-Wl,-berok)", 19, still_listed},
    {R"(-Wl,-Bstatic)", 19, still_listed},
    {R"(-Wl,-Bsymbolic-functions)", 19, still_listed},
    {R"(-Wl,-O([^@,\-][^,]*)?)", 19, 20},
    {R"(-Wl,-O[0-9]+)", 21, still_listed},
    {R"(-Wl,-d[ny])", 19, still_listed},
    {R"(-Wl,--disable-new-dtags)", 19, still_listed},
    {R"(-Wl,-e[=,][a-zA-Z0-9]*)", 19, 20},
    {R"(-Wl,-e[=,][a-zA-Z0-9]+)", 21, still_listed},
    {R"(-Wl,--enable-new-dtags)", 19, still_listed},
    {R"(-Wl,--end-group)", 19, still_listed},
    {R"(-Wl,--(no-)?export-dynamic)", 19, still_listed},
    {R"(-Wl,-E)", 19, still_listed},
    {R"(-Wl,-framework,[^,@\-][^,]+)", 19, 23},
    {R"(-Wl,-framework,[^,@\-][^,]*)", 24, still_listed},
    {R"(-Wl,--hash-style=(sysv|gnu|both))", 19, still_listed},
    {R"(-Wl,-headerpad_max_install_names)", 19, still_listed},
    {R"(-Wl,--no-undefined)", 19, still_listed},
    {R"(-Wl,--pop-state)", 24, still_listed},
    {R"(-Wl,--push-state)", 24, still_listed},
    {R"(-Wl,-R([^@\-][^,@]*$))", 19, 20},
    {R"(-Wl,-R,?([^@\-,][^,@]*$))", 21, still_listed},
    {R"(-Wl,--just-symbols[=,]([^,@\-][^,@]+))", 19, 23},
    {R"(-Wl,--just-symbols[=,]([^,@\-][^,@]*))", 24, still_listed},
    {R"(-Wl,-rpath(-link)?[=,]([^,@\-][^,]+))", 19, 23},
    {R"(-Wl,-rpath(-link)?[=,]([^,@\-][^,]*))", 24, still_listed},
    {R"(-Wl,-s)", 19, still_listed},
    {R"(-Wl,-search_paths_first)", 19, still_listed},
    {R"(-Wl,-sectcreate,([^,@\-][^,]+),([^,@\-][^,]+),([^,@\-][^,]+))", 19, 23},
    {R"(-Wl,-sectcreate,([^,@\-][^,]*),([^,@\-][^,]*),([^,@\-][^,]*))", 24, still_listed},
    {R"(-Wl,--start-group)", 19, still_listed},
    {R"(-Wl,-?-static)", 19, still_listed},
    {R"(-Wl,-?-subsystem,(native|windows|console|posix|xbox))", 19, still_listed},
    {R"(-Wl,-syslibroot[=,]([^,@\-][^,]+))", 19, 23},
    {R"(-Wl,-syslibroot[=,]([^,@\-][^,]*))", 24, still_listed},
    {R"(-Wl,-undefined[=,]([^,@\-][^,]+))", 19, 23},
    {R"(-Wl,-undefined[=,]([^,@\-][^,]*))", 24, still_listed},
    {R"(-Wl,-?-unresolved-symbols=[^,]+)", 19, still_listed},
    {R"(-Wl,--(no-)?warn-([^,]+))", 19, still_listed},
    {R"(-Wl,-?-wrap[=,][^,@\-][^,]*)", 19, still_listed},
    {R"(-Wl,-z,(no)?execstack)", 19, 22},
    {R"(-Wl,-z,relro)", 19, 22},
    {R"(-Wl(,-z,(relro|now|(no)?execstack))+)", 23, still_listed},
    // Direct linker inputs: x.o or libfoo.so, but not -foo.o or @foo.o.
    {R"([a-zA-Z0-9_/].*\.(a|o|obj|dll|dylib|so|tbd))", 19, still_listed},
    {R"(\./.*\.(a|o|obj|dll|dylib|so|tbd))", 19, still_listed},
};

/// `#cgo pkg-config` options (validPkgConfigFlags): go1.25.6+ and
/// go1.24.12+, modelled from 1.24 (newest patch release).
inline constexpr flag_pattern pkg_config_patterns[] = {
    {R"(--atleast-pkgconfig-version=\d+\.\d+\.\d+)", 24, still_listed},
    {R"(--atleast-version=\d+\.\d+\.\d+)", 24, still_listed},
    {R"(--cflags-only-I)", 24, still_listed},
    {R"(--cflags)", 24, still_listed},
    {R"(--define-prefix)", 24, still_listed},
    {R"(--define-variable=[A-Za-z_][A-Za-z0-9_]*=[^@\-]*)", 24, still_listed},
    {R"(--digraph)", 24, still_listed},
    {R"(--dont-define-prefix)", 24, still_listed},
    {R"(--dont-relocate-paths)", 24, still_listed},
    {R"(--dump-personality)", 24, still_listed},
    {R"(--env-only)", 24, still_listed},
    {R"(--errors-to-stdout)", 24, still_listed},
    {R"(--exact-version=\d+\.\d+\.\d+)", 24, still_listed},
    {R"(--exists)", 24, still_listed},
    {R"(--fragment-filter=[A-Za-z_][a-zA-Z0-9_]*)", 24, still_listed},
    {R"(--ignore-conflicts)", 24, still_listed},
    {R"(--internal-cflags)", 24, still_listed},
    {R"(--keep-system-cflags)", 24, still_listed},
    {R"(--keep-system-libs)", 24, still_listed},
    {R"(--libs-only-l)", 24, still_listed},
    {R"(--libs-only-L)", 24, still_listed},
    {R"(--libs)", 24, still_listed},
    {R"(--list-all)", 24, still_listed},
    {R"(--list-package-names)", 24, still_listed},
    {R"(--max-version=\d+\.\d+\.\d+)", 24, still_listed},
    {R"(--maximum-traverse-depth=[0-9]+)", 24, still_listed},
    {R"(--modversion)", 24, still_listed},
    {R"(--msvc-syntax)", 24, still_listed},
    {R"(--no-cache)", 24, still_listed},
    {R"(--no-provides)", 24, still_listed},
    {R"(--no-uninstalled)", 24, still_listed},
    {R"(--path)", 24, still_listed},
    {R"(--personality=(triplet|filename))", 24, still_listed},
    {R"(--prefix-variable=[A-Za-z_][a-zA-Z0-9_]*)", 24, still_listed},
    {R"(--print-errors)", 24, still_listed},
    {R"(--print-provides)", 24, still_listed},
    {R"(--print-requires-private)", 24, still_listed},
    {R"(--print-requires)", 24, still_listed},
    {R"(--print-variables)", 24, still_listed},
    {R"(--pure)", 24, still_listed},
    {R"(--shared)", 24, still_listed},
    {R"(--short-errors)", 24, still_listed},
    {R"(--silence-errors)", 24, still_listed},
    {R"(--simulate)", 24, still_listed},
    {R"(--static)", 24, still_listed},
    {R"(--uninstalled)", 24, still_listed},
    {R"(--validate)", 24, still_listed},
    {R"(--variable=[A-Za-z_][a-zA-Z0-9_]*)", 24, still_listed},
    {R"(--with-path=[^@\-].*)", 24, still_listed},
};

/// Compiler flags whose value may be the next word
/// (validCompilerFlagsWithNextArg; unchanged 1.19-1.27).
inline constexpr std::string_view compiler_next_arg_flags[] = {
    "-arch", "-D", "-U", "-I", "-F", "-framework", "-include", "-isysroot", "-isystem", "--sysroot", "-target", "-x",
};

/// Linker flags whose value may be the next word
/// (validLinkerFlagsWithNextArg; unchanged 1.19-1.27).
inline constexpr std::string_view linker_next_arg_flags[] = {
    "-arch",          "-F",         "-l",     "-L",
    "-framework",     "-isysroot",  "--sysroot", "-target",
    "-Wl,-framework", "-Wl,-rpath", "-Wl,-R", "-Wl,--just-symbols",
    "-Wl,-undefined",
};

/// The built-in tables.
enum class flag_table : std::uint8_t { compiler, linker_invalid, linker, pkg_config };

inline constexpr std::size_t flag_table_count = 4;

/// The rows of a table.
inline std::pair<const flag_pattern *, std::size_t> table_rows(flag_table t) {
  switch (t) {
  case flag_table::compiler:
    return {std::data(compiler_patterns), std::size(compiler_patterns)};
  case flag_table::linker_invalid:
    return {std::data(linker_invalid_patterns), std::size(linker_invalid_patterns)};
  case flag_table::linker:
    return {std::data(linker_patterns), std::size(linker_patterns)};
  case flag_table::pkg_config:
    return {std::data(pkg_config_patterns), std::size(pkg_config_patterns)};
  }
  return {nullptr, 0};
}

/// RE2 set up like Go's regexp.Compile (syntax.Perl): leftmost-first, UTF-8,
/// `.` not matching newline, ^/$ at the text's ends unless (?m).
inline RE2::Options go_regexp_options() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_longest_match(false);
  o.set_posix_syntax(false);
  o.set_dot_nl(false);
  o.set_never_nl(false);
  o.set_case_sensitive(true);
  return o;
}

/// The modelled release for `v`: versions outside 1.19-1.27 take the
/// nearest modelled one.
constexpr int modelled_minor(buildenv::go_version v) {
  if (v < buildenv::oldest_modelled) {
    return buildenv::oldest_modelled.minor;
  }
  if (v > buildenv::newest_modelled) {
    return buildenv::newest_modelled.minor;
  }
  return v.minor;
}

inline constexpr int modelled_release_count = buildenv::newest_modelled.minor - buildenv::oldest_modelled.minor + 1;
inline constexpr auto modelled_releases = static_cast<std::size_t>(modelled_release_count);

/// One table compiled: every row once, and per release the rows it lists.
struct compiled_flag_table {
  std::vector<std::unique_ptr<const RE2>> rows; ///< indexed like the table
  std::array<std::vector<const RE2 *>, modelled_releases> per_release;
};

inline compiled_flag_table compile_flag_table(flag_table t) {
  compiled_flag_table out;
  const auto [rows, n] = table_rows(t);
  for (std::size_t i = 0; i < n; ++i) {
    out.rows.push_back(
        std::make_unique<const RE2>(re2::StringPiece(rows[i].regexp.data(), rows[i].regexp.size()), go_regexp_options()));
  }
  for (std::size_t r = 0; r < modelled_releases; ++r) {
    const int minor = buildenv::oldest_modelled.minor + static_cast<int>(r);
    for (std::size_t i = 0; i < n; ++i) {
      if (rows[i].first <= minor && minor <= rows[i].last) {
        out.per_release.at(r).push_back(out.rows[i].get());
      }
    }
  }
  return out;
}

/// A table, compiled on first use (once for the process; a command that
/// checks only compiler flags never compiles the linker table).
inline const compiled_flag_table &compiled(flag_table t) {
  switch (t) {
  case flag_table::compiler: {
    static const compiled_flag_table table = compile_flag_table(flag_table::compiler);
    return table;
  }
  case flag_table::linker_invalid: {
    static const compiled_flag_table table = compile_flag_table(flag_table::linker_invalid);
    return table;
  }
  case flag_table::linker: {
    static const compiled_flag_table table = compile_flag_table(flag_table::linker);
    return table;
  }
  case flag_table::pkg_config:
    break;
  }
  static const compiled_flag_table table = compile_flag_table(flag_table::pkg_config);
  return table;
}

/// Every row of a table, compiled, indexed like the table.
inline const std::vector<std::unique_ptr<const RE2>> &compiled_table(flag_table t) { return compiled(t).rows; }

/// The patterns of table `t` that Go release `v` lists, in order.
inline const std::vector<const RE2 *> &patterns_for(buildenv::go_version v, flag_table t) {
  return compiled(t).per_release.at(
      static_cast<std::size_t>(modelled_minor(v) - buildenv::oldest_modelled.minor));
}

/// The width of the UTF-8 sequence at s[i] as utf8.DecodeRuneInString
/// takes it, or 0 when the byte starts no valid sequence (Go then reads
/// RuneError, width 1).
inline std::size_t utf8_width(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const auto cont = [&](std::size_t k, unsigned lo, unsigned hi) {
    return k < s.size() && byte(k) >= lo && byte(k) <= hi;
  };
  const unsigned c = byte(i);
  if (c < 0x80) {
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    return cont(i + 1, 0x80, 0xBF) ? 2 : 0;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned hi = c == 0xED ? 0x9F : 0xBF;
    return cont(i + 1, lo, hi) && cont(i + 2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(i + 1, lo, hi) && cont(i + 2, 0x80, 0xBF) && cont(i + 3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

/// The text as Go's regexp sees it: each byte that is not part of a valid
/// UTF-8 sequence (utf8.DecodeRuneInString's RuneError, width 1) becomes
/// U+FFFD, so that RE2 matches the same rune sequence.
inline std::string go_runes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t width = utf8_width(s, i);
    if (width == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, width));
      i += width;
    }
  }
  return out;
}

/// The text from the first byte that starts no valid UTF-8 sequence (what
/// Go's parser names in "invalid UTF-8"), or nothing.
inline std::optional<std::string_view> from_first_bad_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t width = utf8_width(s, i);
    if (width == 0) {
      return s.substr(i);
    }
    i += width;
  }
  return std::nullopt;
}

/// Go's `re.FindString(text) == text` for a text already passed through
/// go_runes: the leftmost-first match starts at 0 and covers the text. For
/// the empty text it holds whatever the pattern (FindString returns "" both
/// for no match and for an empty match).
inline bool find_string_is(const RE2 &re, std::string_view text) {
  if (text.empty()) {
    return true;
  }
  const re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece match;
  if (!re.Match(whole, 0, whole.size(), RE2::UNANCHORED, &match, 1)) {
    return false;
  }
  return match.data() == whole.data() && match.size() == whole.size();
}

/// Whether any pattern of `list` matches the whole text (go_runes form).
inline bool any_matches(const std::vector<const RE2 *> &list, std::string_view text) {
  return std::any_of(list.begin(), list.end(), [&](const RE2 *re) { return find_string_is(*re, text); });
}

/// The text of Go's regexp/syntax ErrorCode for an RE2 error.
inline std::string_view go_regexp_error_text(RE2::ErrorCode code) {
  switch (code) {
  case RE2::ErrorBadEscape:
    return "invalid escape sequence";
  case RE2::ErrorBadCharClass:
    return "invalid character class";
  case RE2::ErrorBadCharRange:
    return "invalid character class range";
  case RE2::ErrorMissingBracket:
    return "missing closing ]";
  case RE2::ErrorMissingParen:
    return "missing closing )";
  case RE2::ErrorUnexpectedParen:
    return "unexpected )";
  case RE2::ErrorTrailingBackslash:
    return "trailing backslash at end of expression";
  case RE2::ErrorRepeatArgument:
    return "missing argument to repetition operator";
  case RE2::ErrorRepeatSize:
    return "invalid repeat count";
  case RE2::ErrorRepeatOp:
    return "invalid nested repetition operator";
  case RE2::ErrorBadPerlOp:
    return "invalid or unsupported Perl syntax";
  case RE2::ErrorBadUTF8:
    return "invalid UTF-8";
  case RE2::ErrorBadNamedCapture:
    return "invalid named capture";
  case RE2::ErrorPatternTooLarge:
    return "expression too large";
  default:
    return "regexp/syntax: internal error";
  }
}

/// What a pattern scan found that RE2 and Go read differently.
struct go_syntax_scan {
  std::string for_re2;    ///< the pattern to give RE2
  bool has_any_byte = false; ///< `\C` outside \Q...\E: RE2 takes it, Go refuses it
  bool renamed = false;   ///< `(?<name>` was rewritten to `(?P<name>`
};

/// Walks a pattern the way Go's parser does (escapes, \Q...\E, classes with
/// [:name:]) to find `\C` and, when `named_short` (Go 1.22+), rewrite
/// `(?<name>` for RE2 versions that only know `(?P<name>`.
inline go_syntax_scan scan_go_syntax(std::string_view p, bool named_short) {
  go_syntax_scan out;
  out.for_re2.reserve(p.size() + 4);
  std::size_t i = 0;
  bool in_class = false;
  std::size_t class_body = 0; // where a class's members start
  while (i < p.size()) {
    const char c = p[i];
    if (!in_class && c == '\\' && i + 1 < p.size() && p[i + 1] == 'Q') {
      const std::size_t end = p.find("\\E", i + 2);
      const std::size_t stop = end == std::string_view::npos ? p.size() : end + 2;
      out.for_re2.append(p.substr(i, stop - i));
      i = stop;
      continue;
    }
    if (c == '\\') {
      if (i + 1 < p.size() && p[i + 1] == 'C') {
        out.has_any_byte = true;
      }
      out.for_re2.append(p.substr(i, 2));
      i += 2;
      continue;
    }
    if (in_class) {
      if (c == '[' && i + 1 < p.size() && p[i + 1] == ':') {
        if (const std::size_t end = p.find(":]", i + 2); end != std::string_view::npos) {
          out.for_re2.append(p.substr(i, end + 2 - i));
          i = end + 2;
          continue;
        }
      }
      if (c == ']' && i > class_body) {
        in_class = false;
      }
      out.for_re2 += c;
      ++i;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out.for_re2 += c;
      ++i;
      if (i < p.size() && p[i] == '^') {
        out.for_re2 += '^';
        ++i;
      }
      class_body = i; // a ']' right here is a member
      continue;
    }
    if (named_short && c == '(' && p.substr(i, 3) == "(?<" && p.size() > i + 3) {
      out.for_re2 += "(?P<";
      out.renamed = true;
      i += 3;
      continue;
    }
    out.for_re2 += c;
    ++i;
  }
  return out;
}

/// A user regexp ($CGO_<NAME>_ALLOW/DISALLOW) compiled as Go's
/// regexp.Compile of release `v` would, or Go's error text
/// ("error parsing regexp: missing closing ): `(`").
struct user_regexp {
  std::unique_ptr<const RE2> re;
  std::string error;
};

inline user_regexp compile_go_regexp(buildenv::go_version v, std::string_view pattern) {
  user_regexp out;
  // Go 1.22 added the (?<name>expr) form (src/regexp/syntax/parse.go).
  const go_syntax_scan scan = scan_go_syntax(pattern, v >= buildenv::go_version{22});
  auto re = std::make_unique<const RE2>(re2::StringPiece(scan.for_re2.data(), scan.for_re2.size()),
                                        go_regexp_options());
  if (!re->ok()) {
    std::string arg = re->error_arg();
    if (scan.renamed && arg.rfind("(?P<", 0) == 0 && pattern.find(arg) == std::string_view::npos) {
      arg.replace(0, 4, "(?<");
    }
    if (re->error_code() == RE2::ErrorBadUTF8) {
      // Go names the rest of the pattern from the bad byte; RE2 names nothing.
      arg = std::string(from_first_bad_utf8(pattern).value_or(std::string_view{}));
    }
    out.error = "error parsing regexp: " + std::string(go_regexp_error_text(re->error_code())) + ": `" + arg + "`";
    return out;
  }
  if (scan.has_any_byte) {
    out.error = "error parsing regexp: invalid escape sequence: `\\C`";
    return out;
  }
  out.re = std::move(re);
  return out;
}

/// load.SafeArg: the word is non-empty and starts with an ASCII letter or
/// digit, '.', '_', '/', or a byte >= 0x80.
constexpr bool safe_arg(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  const auto c = static_cast<unsigned char>(s.front());
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '_' ||
         c == '/' || c >= 0x80;
}

/// The link the go command appends to its messages in release `v`.
inline std::string_view invalid_flag_link(buildenv::go_version v) {
  return v >= buildenv::go_version{26} ? " (see https://go.dev/s/invalidflag)"
                                       : " (see https://golang.org/s/invalidflag)";
}

/// What one checkFlags call is given.
struct check_request {
  std::string_view name;   ///< "CFLAGS": names CGO_CFLAGS_ALLOW/DISALLOW
  std::string_view source; ///< "#cgo CFLAGS", "pkg-config --cflags", ...
  flag_table valid = flag_table::compiler;
  const flag_table *invalid = nullptr;       ///< nullptr: none
  const std::string_view *next_args = nullptr;
  std::size_t next_arg_count = 0;
  bool overrides = true; ///< read CGO_<NAME>_ALLOW/DISALLOW
};

/// checkFlags (security.go) for release `v`, giving every word a verdict.
inline flag_check check_flag_list(buildenv::go_version v, const check_request &req,
                                  const std::vector<std::string> &list, const env_lookup &env) {
  flag_check out;
  user_regexp allow;
  user_regexp disallow;
  if (req.overrides) {
    const auto read = [&](const std::string &key) -> std::optional<std::string> {
      if (!env) {
        return std::nullopt;
      }
      std::optional<std::string> value = env(key);
      if (value && value->empty()) {
        value.reset();
      }
      return value;
    };
    const std::string prefix = "CGO_" + std::string(req.name);
    if (const std::optional<std::string> pattern = read(prefix + "_ALLOW")) {
      allow = compile_go_regexp(v, *pattern);
      if (!allow.re) {
        out.error = "parsing $" + prefix + "_ALLOW: " + allow.error;
        return out;
      }
    }
    if (const std::optional<std::string> pattern = read(prefix + "_DISALLOW")) {
      disallow = compile_go_regexp(v, *pattern);
      if (!disallow.re) {
        out.error = "parsing $" + prefix + "_DISALLOW: " + disallow.error;
        return out;
      }
    }
  }
  const std::vector<const RE2 *> &valid = patterns_for(v, req.valid);
  static const std::vector<const RE2 *> no_patterns;
  const std::vector<const RE2 *> &invalid = req.invalid != nullptr ? patterns_for(v, *req.invalid) : no_patterns;
  const bool push_state = v >= buildenv::go_version{24};
  const std::string_view link = invalid_flag_link(v);
  const std::string bad_suffix = v >= buildenv::go_version{26} ? std::string(link) : std::string{};

  const auto reject = [&](std::size_t i, std::string message) {
    out.verdicts.push_back({i, list[i], false, std::move(message)});
    if (!out.reported) {
      out.reported = out.verdicts.size() - 1;
    }
  };
  const auto accept = [&](std::size_t i) { out.verdicts.push_back({i, list[i], true, {}}); };
  const auto bad = [&](std::size_t i) {
    reject(i, "invalid flag in " + std::string(req.source) + ": " + list[i] + bad_suffix);
  };
  // The -Wl,--push-state,A,B form (1.24+): each piece on its own.
  const auto pieces_ok = [&](const std::string &arg) {
    std::size_t start = arg.find(',') + 1;
    while (true) {
      const std::size_t comma = arg.find(',', start);
      const std::string piece =
          "-Wl," + arg.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      const std::string text = go_runes(piece);
      if (!any_matches(valid, text) || any_matches(invalid, text)) {
        return false;
      }
      if (comma == std::string::npos) {
        return true;
      }
      start = comma + 1;
    }
  };

  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string &arg = list[i];
    const std::string text = go_runes(arg);
    if (disallow.re && find_string_is(*disallow.re, text)) {
      bad(i);
      continue;
    }
    if (allow.re && find_string_is(*allow.re, text)) {
      accept(i);
      continue;
    }
    if (any_matches(invalid, text)) {
      bad(i);
      continue;
    }
    // Go tries the valid patterns in order; the push-state form is decided
    // at the first pattern that does not match the whole word.
    std::optional<bool> decided;
    for (const RE2 *re : valid) {
      if (find_string_is(*re, text)) {
        decided = true;
        break;
      }
      if (push_state && arg.rfind("-Wl,--push-state,", 0) == 0) {
        decided = pieces_ok(arg);
        break;
      }
    }
    if (decided) {
      if (*decided) {
        accept(i);
      } else {
        bad(i);
      }
      continue;
    }
    bool takes_next = false;
    for (std::size_t k = 0; k < req.next_arg_count; ++k) {
      takes_next = takes_next || req.next_args[k] == arg;
    }
    if (!takes_next) {
      bad(i);
      continue;
    }
    if (i + 1 >= list.size()) {
      reject(i, "invalid flag in " + std::string(req.source) + ": " + arg + " without argument" + std::string(link));
      continue;
    }
    const std::string &next = list[i + 1];
    const std::string_view after_wl = std::string_view(next).substr(next.rfind("-Wl,", 0) == 0 ? 4 : 0);
    const bool pair_ok =
        safe_arg(next) ||
        // -Wl,-framework -Wl,NAME
        (arg.rfind("-Wl,", 0) == 0 && next.rfind("-Wl,", 0) == 0 && safe_arg(after_wl) &&
         after_wl.find(',') == std::string_view::npos) ||
        // -I =DIR, -I $SYSROOT/DIR
        (arg == "-I" && (next.rfind('=', 0) == 0 || next.rfind("$SYSROOT", 0) == 0) &&
         safe_arg(std::string_view(next).substr(1)));
    if (pair_ok) {
      accept(i);
      accept(i + 1);
      ++i;
      continue;
    }
    std::string message = "invalid flag in ";
    message.append(req.source).append(": ").append(arg).append(" ").append(next).append(link);
    reject(i, std::move(message));
  }
  return out;
}

} // namespace detail

/// The security check of a `#cgo VERB:` list (buildFlags in exec.go:
/// checkCompilerFlags for CPPFLAGS/CFLAGS/CXXFLAGS/FFLAGS, checkLinkerFlags
/// for LDFLAGS), as Go release `v` runs it, with CGO_<VERB>_ALLOW/DISALLOW
/// from `env`. The flags are the words after go/build's processing. For
/// `cgo_verb::pkg_config` use check_pkg_config_args; given here, it returns
/// an error.
inline flag_check check_cgo_flags(buildenv::go_version v, cgo_verb verb, const std::vector<std::string> &flags,
                                  const env_lookup &env) {
  if (verb == cgo_verb::pkg_config) {
    flag_check out;
    out.error = "check_cgo_flags: pkg-config arguments are checked by check_pkg_config_args";
    return out;
  }
  static constexpr detail::flag_table linker_invalid = detail::flag_table::linker_invalid;
  const std::string name(verb_name(verb));
  const std::string source = "#cgo " + name;
  detail::check_request req;
  req.name = name;
  req.source = source;
  if (verb == cgo_verb::ldflags) {
    req.valid = detail::flag_table::linker;
    req.invalid = &linker_invalid;
    req.next_args = std::data(detail::linker_next_arg_flags);
    req.next_arg_count = std::size(detail::linker_next_arg_flags);
  } else {
    req.valid = detail::flag_table::compiler;
    req.next_args = std::data(detail::compiler_next_arg_flags);
    req.next_arg_count = std::size(detail::compiler_next_arg_flags);
  }
  return detail::check_flag_list(v, req, flags, env);
}

/// The security check of pkg-config's output (getPkgConfigFlags in
/// exec.go): `--cflags` output is checked as compiler flags under the name
/// CFLAGS (CGO_CFLAGS_ALLOW/DISALLOW) with source "pkg-config --cflags",
/// `--libs` output as linker flags under LDFLAGS with "pkg-config --libs".
inline flag_check check_pkg_config_output(buildenv::go_version v, pkg_config_output which,
                                          const std::vector<std::string> &words, const env_lookup &env) {
  static constexpr detail::flag_table linker_invalid = detail::flag_table::linker_invalid;
  detail::check_request req;
  if (which == pkg_config_output::libs) {
    req.name = "LDFLAGS";
    req.source = "pkg-config --libs";
    req.valid = detail::flag_table::linker;
    req.invalid = &linker_invalid;
    req.next_args = std::data(detail::linker_next_arg_flags);
    req.next_arg_count = std::size(detail::linker_next_arg_flags);
  } else {
    req.name = "CFLAGS";
    req.source = "pkg-config --cflags";
    req.next_args = std::data(detail::compiler_next_arg_flags);
    req.next_arg_count = std::size(detail::compiler_next_arg_flags);
  }
  return detail::check_flag_list(v, req, words, env);
}

/// The check of `#cgo pkg-config:` arguments (getPkgConfigFlags in exec.go):
/// - "--" is dropped (the go command adds its own);
/// - other words starting with "--" are options: from 1.24 (go1.24.12,
///   go1.25.6; modelled as the newest patch release) each must match
///   validPkgConfigFlags, else `invalid flag in pkg-config: X` (with the
///   link from 1.26); no ALLOW/DISALLOW, no next-argument forms;
/// - the rest are package names and must be load.SafeArg in every release,
///   else `invalid pkg-config package name: X`. Go checks all names before
///   any option, so a bad name is what it reports.
inline flag_check check_pkg_config_args(buildenv::go_version v, const std::vector<std::string> &args) {
  flag_check out;
  std::vector<std::string> options;
  std::vector<std::size_t> option_index;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string &arg = args[i];
    out.verdicts.push_back({i, arg, true, {}});
    if (arg == "--") {
      continue;
    }
    if (arg.rfind("--", 0) == 0) {
      options.push_back(arg);
      option_index.push_back(i);
      continue;
    }
    if (!detail::safe_arg(arg)) {
      out.verdicts[i].accepted = false;
      out.verdicts[i].message = "invalid pkg-config package name: " + arg;
      if (!out.reported) {
        out.reported = i;
      }
    }
  }
  if (v < buildenv::go_version{24} || options.empty()) {
    return out;
  }
  detail::check_request req;
  req.source = "pkg-config";
  req.valid = detail::flag_table::pkg_config;
  req.overrides = false;
  const flag_check checked = detail::check_flag_list(v, req, options, nullptr);
  for (const flag_verdict &verdict : checked.verdicts) {
    flag_verdict &mine = out.verdicts[option_index[verdict.index]];
    mine.accepted = verdict.accepted;
    mine.message = verdict.message;
  }
  if (!out.reported && checked.reported) {
    out.reported = option_index[checked.verdicts[*checked.reported].index];
  }
  return out;
}

} // namespace cgocheck::cgo

#endif // CGOCHECK_CGO_SECURITY_HPP
