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

/// cgo-char-signedness: code whose behaviour depends on the signedness of
/// plain char, which differs between the listed targets.
inline constexpr check_info char_signedness{
    "cgo-char-signedness",
    "plain char where the result depends on its signedness, which differs between the listed targets",
    "plain char is signed on darwin/arm64 and amd64, unsigned on linux/arm64, ppc64le and arm (the targets' "
    "C ABIs); cgo's C.char is int8 or uint8 accordingly (src/cmd/cgo/gcc.go loadType, go1.19-go1.27)",
};

/// cgo-long-double: long double in anything Go can see.
inline constexpr check_info long_double{
    "cgo-long-double",
    "long double in a signature or struct that Go uses: a fatal cgo error where it is 16 bytes, float64 where 8",
    "src/cmd/cgo/gcc.go loadType (dwarf.FloatType: \"unexpected: N-byte float type\"), go1.19-go1.27",
};

/// cgo-variadic: variadic and fixed-arity calls mixed up.
inline constexpr check_info variadic{
    "cgo-variadic",
    "a variadic C function called from Go, or called through a fixed-arity or unprototyped type (or the reverse)",
    "cgo cannot call variadic functions (src/cmd/cgo/gcc.go, go1.19-go1.27); C11 6.5.2.2p9 makes a call through "
    "an incompatible function type undefined; Apple arm64 passes variadic arguments on the stack",
};

/// cgo-dropped-field: Go touches a struct field that cgo leaves out.
inline constexpr check_info dropped_field{
    "cgo-dropped-field",
    "a C struct field that cgo leaves out of the Go type on some listed target (bit-field, packed, misaligned, "
    "flexible array)",
    "src/cmd/cgo/gcc.go (*typeConv).Struct, go1.19-go1.27",
};

/// cgo-pointer-retained: C keeps a pointer that may be Go memory.
inline constexpr check_info pointer_retained{
    "cgo-pointer-retained",
    "C keeps a pointer that may be Go memory after the call returns (in a global, a static, heap or C memory, or "
    "given to a thread or callback)",
    "src/cmd/cgo/doc.go \"Passing pointers\": C may not keep a copy of a Go pointer after the call returns "
    "(go1.19-go1.20); only while it stays pinned with runtime.Pinner (go1.21-go1.27)",
};

/// cgo-go-pointer-in-go-memory: C stores a Go pointer into Go memory.
inline constexpr check_info go_pointer_in_go_memory{
    "cgo-go-pointer-in-go-memory",
    "C stores a pointer that may be Go memory into memory that may be Go memory",
    "src/cmd/cgo/doc.go \"Passing pointers\": C must not store any Go pointer into Go memory, even temporarily "
    "(go1.19-go1.20); memory reachable from arguments must hold only pinned Go pointers (go1.21-go1.27)",
};

/// cgo-free-go-memory: a deallocator called on Go memory.
inline constexpr check_info free_go_memory{
    "cgo-free-go-memory",
    "free (or a configured deallocator) called on a pointer that may be Go memory",
    "Go memory belongs to Go's garbage collector (src/cmd/cgo/doc.go); C.free is the C library's free "
    "(src/cmd/cgo/out.go, go1.19-go1.27), which C11 7.22.3.3 defines only for memory from malloc",
};

/// cgo-double-free: memory freed twice, in C or by C and then by Go.
inline constexpr check_info double_free{
    "cgo-double-free",
    "memory freed twice: on one path in C, or by C and again by Go after the call",
    "C11/C17/C23 7.22.3.3: freeing memory already freed is undefined; C.free is the same C library free "
    "(src/cmd/cgo/out.go, go1.19-go1.27)",
};

/// cgo-stack-address-escape: a C stack address reaches Go.
inline constexpr check_info stack_address_escape{
    "cgo-stack-address-escape",
    "the address of a C local or parameter reaches Go: returned, written through an out-parameter, stored in a "
    "global",
    "C11 6.2.4p2: an automatic object's lifetime ends with its block; Go receives C pointers as plain values "
    "and keeps using them (src/cmd/cgo/doc.go, go1.19-go1.27)",
};

/// Every check, in the order they are documented.
inline constexpr std::array all_checks{nil_free,       char_signedness,         long_double,
                                       variadic,       dropped_field,           pointer_retained,
                                       go_pointer_in_go_memory, free_go_memory, double_free,
                                       stack_address_escape};

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

// cgo-char-signedness. %0 and %1 (or %1 and %2) are lists of targets where
// plain char is signed and unsigned.

/// %0: the constant, %1: signed targets, %2: unsigned targets.
inline constexpr std::string_view char_compare =
    "comparison of plain char with %0 depends on the signedness of char, which is signed on %1 and unsigned "
    "on %2; use signed char, unsigned char or uint8_t";

/// %0: the wider type, %1: signed targets, %2: unsigned targets.
inline constexpr std::string_view char_widen =
    "conversion of plain char to %0 sign-extends on %1 and zero-extends on %2; convert through unsigned char "
    "or signed char to say which is meant";

/// %0: signed targets, %1: unsigned targets.
inline constexpr std::string_view char_subscript =
    "plain char used as an array index is negative for bytes 0x80-0xff on %0 but not on %1; index with "
    "(unsigned char)";

/// %0: signed targets, %1: unsigned targets.
inline constexpr std::string_view char_shift =
    "shift of a plain char gives different results on %0 (signed) and %1 (unsigned); use unsigned char or uint8_t";

/// %0: 0 parameter, 1 field, 2 result, 3 unnamed parameter (%1 is then the
/// function); %1: the declaration; %2/%3 targets.
inline constexpr std::string_view char_go_visible =
    "%select{parameter|field|result of|an unnamed parameter of}0 %1 has type plain char, which Go sees as int8 on %2 and uint8 on %3 "
    "(C.char follows the target); use signed char, unsigned char or uint8_t";

// cgo-long-double.

/// %0: 0 parameter, 1 field, 2 result, 3 unnamed parameter (%1 is then the
/// function); %1: the declaration; %2: targets where cgo fails; %3: cgo's error on the first of them.
inline constexpr std::string_view long_double_fatal =
    "%select{parameter|field|result of|an unnamed parameter of}0 %1 has type long double, which cgo rejects on %2 (\"%3\"); use double";

/// As long_double_fatal, and %4: targets where it becomes float64.
inline constexpr std::string_view long_double_mixed =
    "%select{parameter|field|result of|an unnamed parameter of}0 %1 has type long double, which cgo rejects on %2 (\"%3\") and maps "
    "to float64 on %4; use double";

/// Note at the Go call. %0: the C function.
inline constexpr std::string_view go_calls_here = "Go calls %0 here";

/// Note at the Go use of a type. %0: the C type.
inline constexpr std::string_view go_uses_type_here = "Go uses %0";

// cgo-variadic.

/// At the Go call. %0: the C function, %1: a wrapper to write instead.
inline constexpr std::string_view variadic_go_call =
    "Go calls variadic C function %0, which cgo cannot call; call a fixed-arity C wrapper from Go instead, "
    "e.g. %1";

/// %0: source type, %1: destination type, %2: targets, %3: why there.
inline constexpr std::string_view variadic_cast =
    "cast from %0 to %1 mixes variadic and fixed-arity function types; a call through it passes arguments "
    "in the wrong place on %2 (%3)";

/// %0: the function, %1: targets.
inline constexpr std::string_view variadic_unprototyped =
    "call to %0 through a declaration without a prototype; if %0 is variadic or takes other parameters, its "
    "arguments arrive in the wrong place on %1; declare the prototype";

/// Note at the definition or prototype of the variadic function. %0: it.
inline constexpr std::string_view variadic_declared_here = "%0 is declared variadic here";

// cgo-dropped-field.

/// At the Go access. %0: field, %1: record, %2: why and where.
inline constexpr std::string_view dropped_field_go_access =
    "Go accesses field %0 of %1, which cgo leaves out of the Go type (%2), so this Go code does not build "
    "there; read and write the field through a C accessor function";

/// At the field, without Go-side facts. %0: field, %1: record, %2: why and where.
inline constexpr std::string_view dropped_field_declared =
    "field %0 of %1 is left out of the Go type by cgo (%2); Go cannot access it there: use a C accessor function";

/// Note at the C field. %0: the field.
inline constexpr std::string_view field_declared_here = "%0 is declared here";

// The pointer-lifetime checks. The fix follows the semicolon.

/// %0: the parameter, %1: the function, %2: where it is kept (sink_phrase).
inline constexpr std::string_view pointer_retained =
    "%0 may point to Go memory and is kept after %1 returns (%2); C must not keep a Go pointer after the call: "
    "copy the data into C memory, pin it with runtime.Pinner, or pass a runtime/cgo.Handle";

/// As pointer_retained, for a function marked `#cgo noescape` (%1).
inline constexpr std::string_view pointer_retained_noescape =
    "%0 may point to Go memory and is kept after %1 returns (%2), which breaks the promise of the #cgo noescape "
    "directive for %1; "
    "copy the data into C memory, or remove the directive and pin the memory with runtime.Pinner";

/// %0: the stored parameter, %1: the parameter whose memory it is stored in.
inline constexpr std::string_view go_pointer_in_go_memory =
    "%0 may point to Go memory and is stored in memory that %1 points to, which may be Go memory; C must not store a Go pointer in Go "
    "memory: store a C pointer or a runtime/cgo.Handle value instead";

/// %0: the deallocator, %1: the parameter.
inline constexpr std::string_view free_go_memory =
    "%0 frees %1, which may point to Go memory; only C memory may be freed (memory from C.malloc, C.CString or "
    "C.CBytes), Go's garbage collector frees Go memory";

/// %0: the deallocator, %1: what is freed (a variable or a parameter).
inline constexpr std::string_view double_free_in_c =
    "%0 frees %1, which is already freed on a path to here; free it once (set it to NULL after the first free)";

/// %0: the deallocator, %1: the parameter.
inline constexpr std::string_view double_free_by_go =
    "%0 frees %1, which Go frees again after the call; free it on one side only";

/// Note at the first free. %0: what is freed.
inline constexpr std::string_view first_freed_here = "%0 is first freed here";

/// %0: the local or parameter, %1: the function, %2: how it reaches Go (sink_phrase).
inline constexpr std::string_view stack_address_escape =
    "address of %0, on the stack of %1, reaches Go (%2) and is invalid once %1 returns; allocate the memory "
    "with malloc, or let Go pass the memory in";

/// Note at the .go argument. %0: the parameter, %1: the front end's phrase.
inline constexpr std::string_view go_passes_here = "Go passes %0 here: %1";

/// Note at the .go argument of a call after which Go frees it. %0: the parameter.
inline constexpr std::string_view go_frees_after_call = "Go passes %0 here and frees it after the call";

/// Note at a C call on the way to the finding. %0: the callee.
inline constexpr std::string_view passed_on_here = "through this call to %0";

/// Note at the function, without facts. %0: the parameter, %1: why it may be Go memory.
inline constexpr std::string_view assumed_go_memory = "%0 is assumed to hold Go memory: %1";

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
