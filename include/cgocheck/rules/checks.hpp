// cgocheck::rules — the checks cgocheck offers: ids, summaries, messages.
//
// This table is the single place where a check's name and texts live. The
// clang-tidy plugin registers its checks under these names and emits these
// messages; the `cgocheck checks` command prints the table; the test suite
// compares it with what the plugin actually registers and with docs/checks/.
//
// Messages use clang's diagnostic format placeholders (`%0`, `%1`, ...), which
// the plugin fills with entities (declarations, names) so that quoting is
// consistent with every other clang-tidy diagnostic.
#ifndef CGOCHECK_RULES_CHECKS_HPP
#define CGOCHECK_RULES_CHECKS_HPP

#include <array>
#include <optional>
#include <string_view>

namespace cgocheck::rules {

/// One check as users see it.
struct check_info {
  std::string_view name;     ///< clang-tidy check name, always `cgo-...`
  std::string_view summary;  ///< one line, for listings and SARIF short descriptions
  std::string_view basis;    ///< the rule it enforces and where that rule is defined
};

/// cgo-nil-free: a deallocation whose argument is null on every path.
inline constexpr check_info nil_free{
    "cgo-nil-free",
    "call to a deallocator whose argument is null on every path reaching it",
    "C11/C17/C23 7.22.3.3: free of a null pointer does nothing; C.free from Go is "
    "the same libc free (src/cmd/cgo/out.go, go1.19-go1.27)",
};

/// Every check, in the order they are documented.
inline constexpr std::array all_checks{nil_free};

/// What `cgocheck lint` reports from the Go side itself, before any C is
/// parsed (the cgo front end, include/cgocheck/cgo/).
inline constexpr std::array front_end_checks{
    check_info{"cgo-invalid-flag", "a #cgo flag (or pkg-config output) that the go command's flag allowlist rejects",
               "src/cmd/go/internal/work/security.go (checkCompilerFlags, checkLinkerFlags), go1.19-go1.27"},
    check_info{"cgo-invalid-directive", "a #cgo line that go/build or cgo refuses",
               "src/go/build/build.go (saveCgo), src/cmd/cgo/gcc.go, go1.19-go1.27"},
    check_info{"cgo-go-syntax", "a .go file of a cgo package that cannot be read, or a bad build constraint",
               "src/go/scanner, src/go/build/read.go, src/go/build/constraint, go1.19-go1.27"},
};

/// Looks a check up by its name, plugin checks and front-end checks alike.
constexpr std::optional<check_info> find_check(std::string_view name) noexcept {
  for (const check_info &c : all_checks) {
    if (c.name == name) {
      return c;
    }
  }
  for (const check_info &c : front_end_checks) {
    if (c.name == name) {
      return c;
    }
  }
  return std::nullopt;
}

/// Diagnostic texts, by check. Lower case, no final period: the finding, then
/// after a semicolon the consequence or the fix.
namespace messages {

/// %0: the deallocator.
inline constexpr std::string_view nil_free_constant =
    "call to %0 with a null pointer constant frees nothing; remove the call or "
    "pass the pointer that was meant to be freed";

/// %0: the deallocator.
inline constexpr std::string_view nil_free_expression =
    "argument to %0 is null on every path reaching the call, so the call frees "
    "nothing; the memory meant to be freed here leaks, or a different pointer was meant";

/// %0: the deallocator, %1: the variable.
inline constexpr std::string_view nil_free_variable =
    "%1 is null on every path reaching this call to %0, so the call frees nothing; "
    "the memory meant to be freed here leaks, or a different pointer was meant";

/// Note at the place that made the variable null. %0: the variable.
inline constexpr std::string_view nil_free_note_assigned = "%0 is set to null here";

/// Note at the test that leaves the variable null on the path to the call.
/// %0: the variable.
inline constexpr std::string_view nil_free_note_tested =
    "%0 is null on the branch taken after this test";

}  // namespace messages

/// How the argument of a deallocation that frees nothing is written.
enum class null_argument : unsigned char {
  constant,    ///< a null pointer constant: `free(NULL)`, `free(0)`
  variable,    ///< a tracked variable: `free(p)`
  expression,  ///< anything else whose value is null: `free(c ? 0 : NULL)`
};

/// The cgo-nil-free finding for an argument written as `form`. %0 is always
/// the deallocator; %1 the variable, for null_argument::variable.
constexpr std::string_view nil_free_message(null_argument form) noexcept {
  switch (form) {
    case null_argument::constant:
      return messages::nil_free_constant;
    case null_argument::variable:
      return messages::nil_free_variable;
    case null_argument::expression:
      break;
  }
  return messages::nil_free_expression;
}

/// The note at the place that made the variable null: a branch test or an
/// assignment. %0 is the variable.
constexpr std::string_view nil_free_note(bool from_test) noexcept {
  return from_test ? messages::nil_free_note_tested : messages::nil_free_note_assigned;
}

}  // namespace cgocheck::rules

#endif  // CGOCHECK_RULES_CHECKS_HPP
