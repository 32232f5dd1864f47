// The C data model of each GOOS/GOARCH that cgo supports: sizes and
// alignments of the C scalar types, the signedness of plain `char` and of
// `wchar_t`, the `long double` format, the biggest alignment, and how
// variadic arguments are passed.
//
// Values are those of the target's C compiler as clang implements it for the
// triple of abi/target.hpp (the same triple `cgocheck compdb` passes with
// `--target=`). tests/abi/ checks every row against clang 19 and 22 by
// compiling a generated file of `_Static_assert`s per triple.
//
// Why cgo cares (reference/go-ground-truth.md G, H; src/cmd/cgo/gcc.go
// `loadType`, go1.19-go1.27): cgo derives Go types from the C compiler's
// DWARF, so `C.char` is int8 where char is signed and uint8 where it is not,
// `C.long` is int32 on windows (LLP64) and int64 elsewhere on 64-bit, and a
// 16-byte `long double` is a fatal cgo error while an 8-byte one is float64.
#ifndef CGOCHECK_ABI_DATA_MODEL_HPP
#define CGOCHECK_ABI_DATA_MODEL_HPP

#include <array>
#include <cstdint>
#include <string_view>

namespace cgocheck::abi {

/// Size and alignment in bytes.
struct size_align {
  std::uint8_t size = 0;
  std::uint8_t align = 0;
  friend constexpr bool operator==(size_align a, size_align b) noexcept { return a.size == b.size && a.align == b.align; }
  friend constexpr bool operator!=(size_align a, size_align b) noexcept { return !(a == b); }
};

/// How `long double` is represented (the mantissa digits clang reports as
/// __LDBL_MANT_DIG__ tell them apart: 53, 64, 113, 106).
enum class long_double_format : std::uint8_t {
  ieee_double,       ///< same as double: 8 bytes
  x87_extended,      ///< 80-bit x87, padded to 12 or 16 bytes
  ieee_quad,         ///< IEEE binary128
  ibm_double_double, ///< a pair of doubles (powerpc)
};

/// How a variadic function receives its variadic arguments, compared with a
/// function of fixed arity given the same argument types. Calling one
/// through the prototype of the other is undefined behaviour everywhere; it
/// goes wrong in practice where the two conventions differ.
enum class variadic_convention : std::uint8_t {
  /// Variadic arguments go where fixed ones would (AAPCS64 for linux,
  /// android and freebsd arm64; the 32-bit and other 64-bit psABIs).
  same_as_fixed,
  /// Every variadic argument on the stack, in 8-byte slots, even when
  /// argument registers are free (Apple, "Writing ARM64 code for Apple
  /// platforms": darwin/arm64 and ios/arm64).
  stack_only,
  /// Arguments go where fixed ones would, and the caller sets %al to an upper
  /// bound of the number of vector registers used (System V x86-64 psABI
  /// §3.5.7); a callee reached without that setting may save garbage.
  vector_count_al,
  /// Floating-point variadic arguments are passed in general registers
  /// x0-x7, not in the SIMD registers (Microsoft, "Overview of ARM64 ABI
  /// conventions", variadic functions): windows/arm64.
  floats_in_gprs,
  /// The first four arguments keep their positional register, and a
  /// floating-point one among them is passed in the general register as well
  /// as in the XMM one (Microsoft, "x64 calling convention", varargs):
  /// windows/amd64.
  floats_duplicated_in_gprs,
};

/// One target's C data model. Alignments are `_Alignof`, the ABI alignment
/// (the one used inside structs): on linux/386 `_Alignof(double)` is 4 where
/// GCC's `__alignof__` says 8.
struct data_model {
  std::string_view goos;
  std::string_view goarch;
  /// As in abi/target.hpp, except darwin/amd64, which has the oldest minimum
  /// macOS version cgocheck models (10.13) appended: clang takes a bare
  /// "x86_64-apple-macos" as macOS 10.4. The data model does not depend on
  /// the version.
  std::string_view triple;
  size_align short_type;
  size_align int_type;
  size_align long_type;
  size_align long_long_type;
  size_align pointer;
  size_align size_type; ///< size_t
  size_align float_type;
  size_align double_type;
  size_align long_double_type;
  size_align bool_type;
  size_align wchar_type;  ///< __WCHAR_TYPE__
  size_align int128_type; ///< {0, 0} when the target has no __int128
  bool char_signed = true;
  bool wchar_signed = true;
  long_double_format long_double = long_double_format::ieee_double;
  std::uint8_t biggest_alignment = 0; ///< __BIGGEST_ALIGNMENT__
  variadic_convention variadic = variadic_convention::same_as_fixed;
  /// Bit-fields laid out by the Microsoft rules (MinGW's default
  /// -mms-bitfields) rather than the Itanium/System V ones: a bit-field never
  /// shares a storage unit with a field of another type's size, so
  /// `struct { char a; int b : 4; }` is 8 bytes, not 4. Measured with clang 19
  /// and 22: true for every *-windows-gnu triple (and false again with
  /// -mno-ms-bitfields), false for every other modelled triple.
  bool ms_bitfields = false;

  /// "darwin/arm64".
  [[nodiscard]] constexpr bool is(std::string_view os, std::string_view arch) const noexcept {
    return goos == os && goarch == arch;
  }
};

/// Short name of a long double format, as docs/library/abi.md writes it.
constexpr std::string_view long_double_format_name(long_double_format f) noexcept {
  switch (f) {
  case long_double_format::ieee_double:
    return "double";
  case long_double_format::x87_extended:
    return "x87 80-bit";
  case long_double_format::ieee_quad:
    return "binary128";
  case long_double_format::ibm_double_double:
    return "double-double";
  }
  return "?";
}

/// One phrase describing a variadic convention, as docs/library/abi.md
/// writes it.
constexpr std::string_view variadic_convention_name(variadic_convention v) noexcept {
  switch (v) {
  case variadic_convention::same_as_fixed:
    return "as fixed arguments";
  case variadic_convention::stack_only:
    return "all on the stack";
  case variadic_convention::vector_count_al:
    return "as fixed arguments, %al counts vector registers";
  case variadic_convention::floats_in_gprs:
    return "floating-point in general registers";
  case variadic_convention::floats_duplicated_in_gprs:
    return "floating-point in both general and XMM registers";
  }
  return "?";
}

/// The modelled targets, one row each, in the order of abi/target.hpp
/// (C++17: positional; the field order is that of data_model). Every value
/// was read from clang 19 and clang 22 for the row's triple (`-dM -E` and
/// `_Alignof`); the two versions agree on every row. tests/abi/ compares each
/// row with clang.
///
/// Values worth knowing:
/// - long double: x87 80-bit on x86 except android/amd64, where it is
///   binary128 (16 bytes); IBM double-double on ppc64 and ppc64le (clang's
///   default; GCC built with --with-long-double-format=ieee, as some
///   distributions do for ppc64le, uses binary128 instead); 8-byte double on
///   Apple arm64, windows/arm64, linux/arm and linux/mipsle; 12 bytes aligned
///   to 4 on 386.
/// - plain char is unsigned on arm, arm64 (except Apple and windows), ppc64,
///   ppc64le, riscv64 and s390x; wchar_t is unsigned on linux/arm, the
///   non-Apple non-windows arm64 targets, and windows (2-byte wchar_t).
/// - linux/386 and freebsd/386 align long long and double to 4; windows/386
///   aligns them to 8.
/// - s390x: long double and __int128 are 16 bytes aligned to 8, and the
///   biggest alignment is 8 (as on Apple arm64, linux/arm and linux/mipsle).
// clang-format off
inline constexpr std::array data_models{
    //         goos      goarch    triple
    //         short   int     long    llong   ptr     size_t  float   double  ldouble   _Bool   wchar_t int128
    //         char_signed wchar_signed long double format  biggest align  variadic convention  ms_bitfields
    data_model{"darwin", "arm64", "arm64-apple-macos11",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {8, 8},   {1, 1}, {4, 4}, {16, 16},
               true, true, long_double_format::ieee_double, 8, variadic_convention::stack_only, false},
    data_model{"darwin", "amd64", "x86_64-apple-macos10.13",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               true, true, long_double_format::x87_extended, 16, variadic_convention::vector_count_al, false},
    data_model{"ios", "arm64", "arm64-apple-ios12.0",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {8, 8},   {1, 1}, {4, 4}, {16, 16},
               true, true, long_double_format::ieee_double, 8, variadic_convention::stack_only, false},
    data_model{"linux", "amd64", "x86_64-linux-gnu",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               true, true, long_double_format::x87_extended, 16, variadic_convention::vector_count_al, false},
    data_model{"linux", "arm64", "aarch64-linux-gnu",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               false, false, long_double_format::ieee_quad, 16, variadic_convention::same_as_fixed, false},
    data_model{"linux", "386", "i686-linux-gnu",
               {2, 2}, {4, 4}, {4, 4}, {8, 4}, {4, 4}, {4, 4}, {4, 4}, {8, 4}, {12, 4},  {1, 1}, {4, 4}, {0, 0},
               true, true, long_double_format::x87_extended, 16, variadic_convention::same_as_fixed, false},
    data_model{"linux", "arm", "arm-linux-gnueabihf",
               {2, 2}, {4, 4}, {4, 4}, {8, 8}, {4, 4}, {4, 4}, {4, 4}, {8, 8}, {8, 8},   {1, 1}, {4, 4}, {0, 0},
               false, false, long_double_format::ieee_double, 8, variadic_convention::same_as_fixed, false},
    data_model{"linux", "ppc64le", "powerpc64le-linux-gnu",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               false, true, long_double_format::ibm_double_double, 16, variadic_convention::same_as_fixed, false},
    data_model{"linux", "ppc64", "powerpc64-linux-gnu",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               false, true, long_double_format::ibm_double_double, 16, variadic_convention::same_as_fixed, false},
    data_model{"linux", "riscv64", "riscv64-linux-gnu",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               false, true, long_double_format::ieee_quad, 16, variadic_convention::same_as_fixed, false},
    data_model{"linux", "s390x", "s390x-linux-gnu",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 8},  {1, 1}, {4, 4}, {16, 8},
               false, true, long_double_format::ieee_quad, 8, variadic_convention::same_as_fixed, false},
    data_model{"linux", "mips64le", "mips64el-linux-gnuabi64",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               true, true, long_double_format::ieee_quad, 16, variadic_convention::same_as_fixed, false},
    data_model{"linux", "mipsle", "mipsel-linux-gnu",
               {2, 2}, {4, 4}, {4, 4}, {8, 8}, {4, 4}, {4, 4}, {4, 4}, {8, 8}, {8, 8},   {1, 1}, {4, 4}, {0, 0},
               true, true, long_double_format::ieee_double, 8, variadic_convention::same_as_fixed, false},
    data_model{"linux", "loong64", "loongarch64-linux-gnu",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               true, true, long_double_format::ieee_quad, 16, variadic_convention::same_as_fixed, false},
    data_model{"android", "arm64", "aarch64-linux-android21",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               false, false, long_double_format::ieee_quad, 16, variadic_convention::same_as_fixed, false},
    data_model{"android", "amd64", "x86_64-linux-android21",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               true, true, long_double_format::ieee_quad, 16, variadic_convention::vector_count_al, false},
    data_model{"windows", "amd64", "x86_64-w64-windows-gnu",
               {2, 2}, {4, 4}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {2, 2}, {16, 16},
               true, false, long_double_format::x87_extended, 16, variadic_convention::floats_duplicated_in_gprs, true},
    data_model{"windows", "arm64", "aarch64-w64-windows-gnu",
               {2, 2}, {4, 4}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {8, 8},   {1, 1}, {2, 2}, {16, 16},
               true, false, long_double_format::ieee_double, 16, variadic_convention::floats_in_gprs, true},
    data_model{"windows", "386", "i686-w64-windows-gnu",
               {2, 2}, {4, 4}, {4, 4}, {8, 8}, {4, 4}, {4, 4}, {4, 4}, {8, 8}, {12, 4},  {1, 1}, {2, 2}, {0, 0},
               true, false, long_double_format::x87_extended, 16, variadic_convention::same_as_fixed, true},
    data_model{"freebsd", "amd64", "x86_64-unknown-freebsd13",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               true, true, long_double_format::x87_extended, 16, variadic_convention::vector_count_al, false},
    data_model{"freebsd", "arm64", "aarch64-unknown-freebsd13",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               false, false, long_double_format::ieee_quad, 16, variadic_convention::same_as_fixed, false},
    data_model{"freebsd", "386", "i686-unknown-freebsd13",
               {2, 2}, {4, 4}, {4, 4}, {8, 4}, {4, 4}, {4, 4}, {4, 4}, {8, 4}, {12, 4},  {1, 1}, {4, 4}, {0, 0},
               true, true, long_double_format::x87_extended, 16, variadic_convention::same_as_fixed, false},
    data_model{"netbsd", "amd64", "x86_64-unknown-netbsd",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               true, true, long_double_format::x87_extended, 16, variadic_convention::vector_count_al, false},
    data_model{"openbsd", "amd64", "x86_64-unknown-openbsd",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               true, true, long_double_format::x87_extended, 16, variadic_convention::vector_count_al, false},
    data_model{"illumos", "amd64", "x86_64-pc-solaris2.11",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               true, true, long_double_format::x87_extended, 16, variadic_convention::vector_count_al, false},
    data_model{"solaris", "amd64", "x86_64-pc-solaris2.11",
               {2, 2}, {4, 4}, {8, 8}, {8, 8}, {8, 8}, {8, 8}, {4, 4}, {8, 8}, {16, 16}, {1, 1}, {4, 4}, {16, 16},
               true, true, long_double_format::x87_extended, 16, variadic_convention::vector_count_al, false},
};
// clang-format on

/// The model of GOOS/GOARCH, or nullptr when there is none.
constexpr const data_model *find_data_model(std::string_view goos, std::string_view goarch) noexcept {
  for (const data_model &m : data_models) {
    if (m.is(goos, goarch)) {
      return &m;
    }
  }
  return nullptr;
}

/// The model of "GOOS/GOARCH", or nullptr.
constexpr const data_model *find_data_model(std::string_view pair) noexcept {
  const std::size_t slash = pair.find('/');
  if (slash == std::string_view::npos) {
    return nullptr;
  }
  return find_data_model(pair.substr(0, slash), pair.substr(slash + 1));
}

} // namespace cgocheck::abi

#endif // CGOCHECK_ABI_DATA_MODEL_HPP
