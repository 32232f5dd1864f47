/*
 * cgocheck.h -- for the C side of Go cgo packages: the C files of a package
 * and the preambles of its .go files.
 *
 * Includable as C89 and later and as C++98 and later. Needs nothing but the
 * compiler's <stddef.h> (for offsetof), so it also works when parsing for
 * Apple targets with -nostdlibinc. Documentation: docs/library/cgocheck-h.md.
 *
 * Two sections:
 *   ABI guards:          each macro is a declaration; write it at file scope
 *                        or block scope, followed by a semicolon.
 *   Pointer annotations: each macro is an attribute; write it in a function
 *                        declaration, on the function or on a parameter.
 */
#ifndef CGOCHECK_CGOCHECK_H
#define CGOCHECK_CGOCHECK_H

#include <stddef.h>

/* ======================================================================== */
/* ABI guards                                                               */
/* ======================================================================== */
/*
 * Assert at C compile time that the compiler's data model is the one the Go
 * side of the package was written for. cgo derives the Go type of every C
 * type from the C compiler of the target (src/cmd/cgo/gcc.go, go1.19 on):
 * plain char becomes int8 or uint8 after the target's char signedness, long
 * follows the C long (int32 on windows and 32-bit targets), an 8-byte long
 * double becomes float64 and a 16-byte one is a cgo error. A struct shared
 * with Go must have the layout the Go code assumes. A failing guard stops
 * the compilation with a message starting "cgocheck:".
 */

/* -- CGOCHECK_STATIC_ASSERT(cond, message) --------------------------------
 * cond: an integer constant expression; message: a string literal.
 *   C23 and later:        static_assert(cond, message)
 *   C11, C17:             _Static_assert(cond, message)
 *   C++11 and later:      static_assert(cond, message)
 *   older C and C++:      an array declaration of size -1 when cond is
 *                         false, named cgocheck_static_assertion_failed
 *                         (the message is in the macro invocation that the
 *                         compiler quotes in its error).
 * CGOCHECK_STATIC_ASSERT_NAMED_ is the same with the name of the fallback
 * array given; the guards below name it after their message.
 */
#if defined(__cplusplus) && (__cplusplus >= 201103L || (defined(_MSVC_LANG) && _MSVC_LANG >= 201103L))
#define CGOCHECK_STATIC_ASSERT_NAMED_(cond, name, message) static_assert(cond, message)
#elif !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 202311L
#define CGOCHECK_STATIC_ASSERT_NAMED_(cond, name, message) static_assert(cond, message)
#elif !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define CGOCHECK_STATIC_ASSERT_NAMED_(cond, name, message) _Static_assert(cond, message)
#else
/* An extern declaration may be repeated (with the same type, an array of
 * one char, whenever the condition holds), so the same guard can appear in
 * several headers of one translation unit. */
#define CGOCHECK_STATIC_ASSERT_NAMED_(cond, name, message) extern char name[(cond) ? 1 : -1]
#endif

#define CGOCHECK_STATIC_ASSERT(cond, message) \
  CGOCHECK_STATIC_ASSERT_NAMED_(cond, cgocheck_static_assertion_failed, message)

/* -- _Alignof across standards (internal) --------------------------------- */
#if defined(__cplusplus) && (__cplusplus >= 201103L || (defined(_MSVC_LANG) && _MSVC_LANG >= 201103L))
#define CGOCHECK_ALIGNOF_(type) alignof(type)
#elif !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define CGOCHECK_ALIGNOF_(type) _Alignof(type)
#elif defined(__GNUC__) || defined(__clang__)
/* Before C11: the GNU operator (it may be larger than the alignment inside a
 * struct for double and long long on 32-bit x86). */
#define CGOCHECK_ALIGNOF_(type) __alignof__(type)
#elif defined(_MSC_VER)
#define CGOCHECK_ALIGNOF_(type) __alignof(type)
#else
#define CGOCHECK_ALIGNOF_(type) offsetof(struct { char cgocheck_c; type cgocheck_t; }, cgocheck_t)
#endif

/* -- Layout of types shared with Go ---------------------------------------
 * CGOCHECK_ASSERT_SIZEOF(type, bytes):   sizeof(type) == bytes
 * CGOCHECK_ASSERT_ALIGNOF(type, bytes):  the alignment of type == bytes
 * CGOCHECK_ASSERT_OFFSETOF(type, member, bytes):
 *                                        offsetof(type, member) == bytes
 * Use them for every struct whose layout the Go code relies on (through
 * C.struct_x, unsafe.Sizeof/Offsetof, or a Go struct mirroring it).
 */
#define CGOCHECK_ASSERT_SIZEOF(type, bytes)                                                           \
  CGOCHECK_STATIC_ASSERT_NAMED_(sizeof(type) == (bytes), cgocheck_error_sizeof_differs_from_go_side, \
                                "cgocheck: sizeof(" #type ") is not " #bytes                         \
                                " bytes on this target, but the Go side relies on that size")

#define CGOCHECK_ASSERT_ALIGNOF(type, bytes)                                                                      \
  CGOCHECK_STATIC_ASSERT_NAMED_(CGOCHECK_ALIGNOF_(type) == (bytes), cgocheck_error_alignof_differs_from_go_side, \
                                "cgocheck: the alignment of " #type " is not " #bytes                            \
                                " bytes on this target, but the Go side relies on that alignment")

#define CGOCHECK_ASSERT_OFFSETOF(type, member, bytes)                                                              \
  CGOCHECK_STATIC_ASSERT_NAMED_(offsetof(type, member) == (bytes), cgocheck_error_offsetof_differs_from_go_side, \
                                "cgocheck: offsetof(" #type ", " #member ") is not " #bytes                      \
                                " on this target, but the Go side relies on that offset")

/* -- Plain char -------------------------------------------------------------
 * Go's C.char is int8 where plain char is signed (amd64, darwin/arm64,
 * windows) and uint8 where it is unsigned (linux/arm64, linux/arm,
 * linux/ppc64le, linux/s390x). Code that compares chars with negative
 * values, or hands C.char values to Go as numbers, depends on it.
 */
#define CGOCHECK_CHAR_IS_SIGNED_ ((char)-1 < 0)

#define CGOCHECK_ASSERT_CHAR_SIGNED()                                                                         \
  CGOCHECK_STATIC_ASSERT_NAMED_(CGOCHECK_CHAR_IS_SIGNED_,                                                     \
                                cgocheck_error_plain_char_is_unsigned_here_but_code_relies_on_signed_char, \
                                "cgocheck: plain char is unsigned on this target, but this code relies on " \
                                "signed char (Go's C.char is uint8 here); use signed char")

#define CGOCHECK_ASSERT_CHAR_UNSIGNED()                                                                       \
  CGOCHECK_STATIC_ASSERT_NAMED_(!CGOCHECK_CHAR_IS_SIGNED_,                                                    \
                                cgocheck_error_plain_char_is_signed_here_but_code_relies_on_unsigned_char, \
                                "cgocheck: plain char is signed on this target, but this code relies on "   \
                                "unsigned char (Go's C.char is int8 here); use unsigned char")

/* -- long double -------------------------------------------------------------
 * cgo maps an 8-byte long double to float64 (darwin/arm64, windows, linux/arm)
 * and stops with "unexpected: 16-byte float type - long double" where it is
 * 16 bytes (linux/amd64, linux/arm64, darwin/amd64).
 */
#define CGOCHECK_ASSERT_LONG_DOUBLE_IS_DOUBLE()                                                                   \
  CGOCHECK_STATIC_ASSERT_NAMED_(sizeof(long double) == sizeof(double),                                         \
                                cgocheck_error_long_double_is_wider_than_double_here_and_cgo_cannot_map_it,   \
                                "cgocheck: long double is wider than double on this target, so cgo cannot "    \
                                "map it to a Go type (a 16-byte float is a cgo error); use double in what Go " \
                                "sees")

/* -- long, pointers and Go's int ---------------------------------------------
 * CGOCHECK_ASSERT_LP64():        long and pointers are 8 bytes (linux and
 *                                darwin 64-bit targets; not windows, where
 *                                long is 4 bytes, nor 32-bit targets).
 * CGOCHECK_ASSERT_LONG_SIZE(n):  sizeof(long) == n; Go's C.long is int32
 *                                when n is 4 and int64 when n is 8.
 * CGOCHECK_ASSERT_POINTER_SIZE(n): sizeof(void *) == n.
 * CGOCHECK_ASSERT_GO_INT(type):  type has the size of Go's int and uint,
 *                                which are pointer-sized on every Go target
 *                                (ptrdiff_t, size_t and intptr_t qualify;
 *                                long does not on windows, int does not on
 *                                64-bit targets).
 */
#define CGOCHECK_ASSERT_LP64()                                                                                  \
  CGOCHECK_STATIC_ASSERT_NAMED_(sizeof(long) == 8 && sizeof(void *) == 8,                                    \
                                cgocheck_error_target_is_not_lp64_but_code_relies_on_8_byte_long_and_pointers, \
                                "cgocheck: this target is not LP64, but this code relies on 8-byte long and " \
                                "pointers (Go's C.long is int32 on windows and 32-bit targets); use int64_t " \
                                "or intptr_t")

#define CGOCHECK_ASSERT_LONG_SIZE(n)                                                                      \
  CGOCHECK_STATIC_ASSERT_NAMED_(sizeof(long) == (n), cgocheck_error_long_has_another_size_on_this_target, \
                                "cgocheck: long is not " #n " bytes on this target, but this code relies "  \
                                "on it (Go's C.long is int32 on windows and 32-bit targets, int64 "         \
                                "elsewhere); use a fixed-width type")

#define CGOCHECK_ASSERT_POINTER_SIZE(n)                                                                             \
  CGOCHECK_STATIC_ASSERT_NAMED_(sizeof(void *) == (n), cgocheck_error_pointers_have_another_size_on_this_target, \
                                "cgocheck: pointers are not " #n " bytes on this target, but this code relies "   \
                                "on it")

#define CGOCHECK_ASSERT_GO_INT(type)                                                                        \
  CGOCHECK_STATIC_ASSERT_NAMED_(sizeof(type) == sizeof(void *), cgocheck_error_type_is_not_the_size_of_go_int, \
                                "cgocheck: " #type " is not the size of Go's int on this target (Go's int "   \
                                "is pointer-sized); use ptrdiff_t or intptr_t")

/* ======================================================================== */
/* Pointer annotations                                                      */
/* ======================================================================== */
/*
 * Say who owns a pointer that crosses between Go and C, on the declaration of
 * the C function it crosses. The cgocheck clang-tidy checks
 * cgo-pointer-retained, cgo-go-pointer-in-go-memory, cgo-free-go-memory,
 * cgo-double-free and cgo-stack-address-escape read them from the AST, where
 * clang keeps each as an AnnotateAttr with the string given below.
 *
 * CGOCHECK_CALLED_FROM_GO, annotate("cgocheck.called_from_go"):
 *   on a function. Go calls it (C.f), so its pointer parameters may hold Go
 *   pointers.
 * CGOCHECK_BORROWED, annotate("cgocheck.borrowed"):
 *   on a pointer parameter. The function uses the pointer only during the
 *   call and keeps no copy of it after returning; it may receive Go memory.
 * CGOCHECK_TAKES_OWNERSHIP, annotate("cgocheck.takes_ownership"):
 *   on a pointer parameter. The function frees it, or hands it to something
 *   that will; callers pass C memory and do not free it again.
 * CGOCHECK_KEEPS, annotate("cgocheck.keeps"):
 *   on a pointer parameter. The function keeps the pointer after it returns
 *   (a registry of handles, a callback context); callers pass C memory, a
 *   cgo.Handle value or pinned memory, never plain Go memory.
 *
 * Where they go, in prototypes and definitions, static functions included:
 *   CGOCHECK_CALLED_FROM_GO void f(void *p);       before the declaration
 *   static CGOCHECK_CALLED_FROM_GO void f(void *p) (or before static)
 *   void g(void *p CGOCHECK_BORROWED, char *q CGOCHECK_KEEPS);
 *                                  after a parameter's name (or its type,
 *                                  when the parameter has no name)
 *   void h(CGOCHECK_TAKES_OWNERSHIP void *p);      before a parameter's type
 * These are the positions tests/cgocheck_h checks. A definition inherits the
 * annotations of an earlier prototype, so writing them in the header is
 * enough.
 *
 * They expand to __attribute__((annotate("..."))) only where the checks
 * read them: when clang-tidy parses the code (clang-tidy defines
 * __clang_analyzer__, as the static analyzer does), or when
 * CGOCHECK_ANNOTATIONS is defined, with clang. Everywhere else, and always
 * when CGOCHECK_NO_ANNOTATIONS is defined, they expand to nothing, so the
 * binary a compiler builds is the same as without them (clang passes
 * annotate on to code generation: llvm.global.annotations and
 * llvm.var.annotation calls, which can keep a static function or a stack
 * store that would otherwise go away).
 */
#if defined(__clang__) && (defined(__clang_analyzer__) || defined(CGOCHECK_ANNOTATIONS)) && \
    !defined(CGOCHECK_NO_ANNOTATIONS)
#define CGOCHECK_CALLED_FROM_GO __attribute__((annotate("cgocheck.called_from_go")))
#define CGOCHECK_BORROWED __attribute__((annotate("cgocheck.borrowed")))
#define CGOCHECK_TAKES_OWNERSHIP __attribute__((annotate("cgocheck.takes_ownership")))
#define CGOCHECK_KEEPS __attribute__((annotate("cgocheck.keeps")))
#else
#define CGOCHECK_CALLED_FROM_GO
#define CGOCHECK_BORROWED
#define CGOCHECK_TAKES_OWNERSHIP
#define CGOCHECK_KEEPS
#endif

#endif /* CGOCHECK_CGOCHECK_H */
