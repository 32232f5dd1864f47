// C struct/union layout on any modelled target, and the Go type cgo makes of
// a C type there: which fields Go sees and which it drops, and why.
//
// The plugin builds a c_type from clang's AST (independent of the triple the
// TU was parsed for) and asks for its layout and Go view per data_model.
//
// C layout: the rules clang applies for the targets of abi/data_model.hpp
// (the Itanium/System V record layout, or the Microsoft bit-field rules on
// rows with ms_bitfields). tests/abi/ compiles a corpus of records with
// clang 19 and 22 for every row and checks sizes, alignments and offsets.
//
// Go view: cgo's `loadType` and `Struct` in src/cmd/cgo/gcc.go (read in
// go1.19; tests/abi/check_cgo_view.py compares with go1.19's real
// `go tool cgo -godefs`). Go type spellings are those of `-godefs` output
// ("int32", "*_Ctype_struct_x") except that void* is unsafe.Pointer, as in
// ordinary cgo (-godefs prints *byte).
#ifndef CGOCHECK_ABI_LAYOUT_HPP
#define CGOCHECK_ABI_LAYOUT_HPP

#include "cgocheck/abi/data_model.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::abi {

/// The C scalar types, as written (plain char is its own type).
enum class c_scalar : std::uint8_t {
  char_plain,
  signed_char,
  unsigned_char,
  short_int,
  unsigned_short,
  int_type,
  unsigned_int,
  long_int,
  unsigned_long,
  long_long,
  unsigned_long_long,
  int128,
  unsigned_int128,
  float_type,
  double_type,
  long_double,
  bool_type,
  wchar, ///< wchar_t where it is a distinct type (C++), or the typedef in C
  float_complex,
  double_complex,
  long_double_complex,
};

struct c_record;

/// A C type, target-independent.
struct c_type {
  enum class kind : std::uint8_t {
    void_type,
    scalar,
    pointer,          ///< to `element` (a data pointer; nullptr element: void*)
    function_pointer, ///< pointer to a function type
    function,         ///< a function type (no size)
    array,            ///< of `element`; `count` empty: flexible / incomplete
    record,           ///< struct or union
    enumeration,
  };
  kind what = kind::void_type;
  c_scalar scalar = c_scalar::int_type;       ///< kind::scalar; kind::enumeration: the underlying integer type
  std::shared_ptr<const c_type> element;  ///< pointer: pointee; array: element
  std::optional<std::uint64_t> count;     ///< array
  std::shared_ptr<const c_record> record; ///< record (nullptr: incomplete)
  bool enum_has_negative = false;         ///< enumeration: some enumerator < 0
  std::string name;                       ///< typedef or tag name for messages ("" when none)
  /// kind::record with record == nullptr (an incomplete struct or union):
  /// whether it is a union (a complete record says so in c_record).
  bool incomplete_union = false;
};

/// One member of a struct or union.
struct c_field {
  std::string name;                       ///< "" for an unnamed bit-field or an anonymous struct/union member
  c_type type;
  std::optional<std::uint32_t> bit_width; ///< a bit-field
  std::uint32_t aligned = 0;              ///< __attribute__((aligned(N))) / _Alignas on the field, 0 = none
  bool packed = false;                    ///< __attribute__((packed)) on the field
};

/// A struct or union definition.
struct c_record {
  bool is_union = false;
  std::string tag; ///< "" when anonymous
  std::vector<c_field> fields;
  bool packed = false;       ///< __attribute__((packed)) on the record
  std::uint32_t aligned = 0; ///< __attribute__((aligned(N))) on the record, 0 = none
  std::uint32_t pack = 0;    ///< #pragma pack(N) in effect, 0 = none
};

/// Why cgo leaves a field out of the Go struct (src/cmd/cgo/gcc.go, Struct).
enum class drop_reason : std::uint8_t {
  bitfield,           ///< bit-fields are replaced by padding
  misaligned,         ///< offset not a multiple of the Go type's alignment
  packed_overlap,     ///< starts before the end of the previous field Go kept
  flexible_array,     ///< T x[] becomes [0]T, then dropped as zero-size trailing
  zero_size_trailing, ///< a zero-size last field of a non-empty struct
  union_member,       ///< a union becomes [N]byte: Go sees none of its members
};

/// The name of a drop reason ("packed_overlap").
inline std::string_view drop_reason_name(drop_reason r) noexcept {
  switch (r) {
  case drop_reason::bitfield:
    return "bitfield";
  case drop_reason::misaligned:
    return "misaligned";
  case drop_reason::packed_overlap:
    return "packed_overlap";
  case drop_reason::flexible_array:
    return "flexible_array";
  case drop_reason::zero_size_trailing:
    return "zero_size_trailing";
  case drop_reason::union_member:
    return "union_member";
  }
  return "?";
}

/// One field as laid out on a target, and what Go makes of it.
struct field_layout {
  std::string name;
  std::uint64_t offset_bits = 0;
  std::uint64_t size_bits = 0;        ///< the bit width of a bit-field, else 8 * sizeof
  std::optional<drop_reason> dropped; ///< empty: Go sees it
  std::string go_type;                ///< Go's type: "int32", "[4]uint8", "*_Ctype_struct_x" (also set for
                                      ///< dropped fields that are not bit-fields)
  std::string go_name;                ///< the Go field name of ordinary cgo when kept: the C name, "_type" for
                                      ///< a Go keyword, "anon0", "anon1", ... for anonymous members
  bool is_bitfield = false;
};

/// A record's layout on a target.
struct record_layout {
  std::uint64_t size = 0;  ///< bytes
  std::uint64_t align = 0; ///< bytes
  std::vector<field_layout> fields;
  /// False when the engine knows it does not model this record exactly on
  /// this target (a bit-field wider than its type, which C forbids).
  bool exact = true;
  /// Alignment of the Go type cgo makes (structs: the largest Go alignment
  /// of a kept field, at least 1; unions: 1).
  std::uint64_t go_align = 1;
  /// The error cgo dies with when Go code uses this record, e.g.
  /// "unexpected: 16-byte float type - long double".
  std::optional<std::string> go_error;
};

/// The Go type cgo gives a C type on a target, or the cgo error it dies with.
struct go_type_result {
  std::string go_type;              ///< "int8", "float64", "[16]uint8", "_Ctype_struct_x", ...
  std::optional<std::string> error; ///< "unexpected: 16-byte float type - long double"
  std::uint64_t size = 0;           ///< cgo's size of the type (bytes)
  std::uint64_t align = 1;          ///< cgo's Go alignment of the type (bytes)
};

/// The scalar a standard typedef stands for on every modelled target, where
/// the type it names differs between targets (<stdint.h>: int64_t is long on
/// one and long long on another, same width), or nothing. size_t, uintptr_t,
/// ssize_t, ptrdiff_t and intptr_t are pointer-sized and modelled as
/// (unsigned) long: right on every row except the LLP64 windows targets.
inline std::optional<c_scalar> portable_typedef(std::string_view name) {
  struct entry {
    std::string_view name;
    c_scalar scalar;
  };
  static constexpr entry table[] = {
      {"int8_t", c_scalar::signed_char},       {"int_least8_t", c_scalar::signed_char},
      {"uint8_t", c_scalar::unsigned_char},    {"uint_least8_t", c_scalar::unsigned_char},
      {"int16_t", c_scalar::short_int},        {"int_least16_t", c_scalar::short_int},
      {"uint16_t", c_scalar::unsigned_short},  {"uint_least16_t", c_scalar::unsigned_short},
      {"int32_t", c_scalar::int_type},         {"int_least32_t", c_scalar::int_type},
      {"uint32_t", c_scalar::unsigned_int},    {"uint_least32_t", c_scalar::unsigned_int},
      {"int64_t", c_scalar::long_long},        {"int_least64_t", c_scalar::long_long},
      {"uint64_t", c_scalar::unsigned_long_long}, {"uint_least64_t", c_scalar::unsigned_long_long},
      {"size_t", c_scalar::unsigned_long},     {"uintptr_t", c_scalar::unsigned_long},
      {"ssize_t", c_scalar::long_int},         {"ptrdiff_t", c_scalar::long_int},
      {"intptr_t", c_scalar::long_int},
  };
  for (const entry &e : table) {
    if (e.name == name) {
      return e.scalar;
    }
  }
  return std::nullopt;
}

/// Builders for describing C types by hand (tests, tables, callers without
/// an AST).
inline c_type scalar_type(c_scalar s) {
  c_type t;
  t.what = c_type::kind::scalar;
  t.scalar = s;
  return t;
}

/// A pointer to `pointee`; `void*` is pointer_to(c_type{}) or a pointer
/// with no element.
inline c_type pointer_to(c_type pointee) {
  c_type t;
  t.what = c_type::kind::pointer;
  t.element = std::make_shared<const c_type>(std::move(pointee));
  return t;
}

/// `element[count]`; no count: a flexible or incomplete array.
inline c_type array_of(c_type element, std::optional<std::uint64_t> count) {
  c_type t;
  t.what = c_type::kind::array;
  t.element = std::make_shared<const c_type>(std::move(element));
  t.count = count;
  return t;
}

inline c_type record_type(std::shared_ptr<const c_record> record) {
  c_type t;
  t.what = c_type::kind::record;
  t.name = record->tag;
  t.record = std::move(record);
  return t;
}

inline c_type record_type(c_record record) { return record_type(std::make_shared<const c_record>(std::move(record))); }

/// An enum whose underlying type is `underlying`.
inline c_type enum_type(c_scalar underlying, bool has_negative, std::string name = {}) {
  c_type t;
  t.what = c_type::kind::enumeration;
  t.scalar = underlying;
  t.enum_has_negative = has_negative;
  t.name = std::move(name);
  return t;
}

inline c_field field(std::string name, c_type type) {
  c_field f;
  f.name = std::move(name);
  f.type = std::move(type);
  return f;
}

inline c_field bit_field(std::string name, c_type type, std::uint32_t width) {
  c_field f = field(std::move(name), std::move(type));
  f.bit_width = width;
  return f;
}

inline c_record struct_record(std::string tag, std::vector<c_field> fields) {
  c_record r;
  r.tag = std::move(tag);
  r.fields = std::move(fields);
  return r;
}

/// Size and alignment in bytes of any C type.
struct type_layout {
  std::uint64_t size = 0;
  std::uint64_t align = 0;
};

/// True where clang lets unnamed bit-fields (zero-width ones included) raise
/// the alignment of the record and honours a leading zero-width bit-field:
/// ARM and AArch64 outside Apple's platforms (AAPCS; clang's
/// "zero-length bit-field alignment"). Determined by experiment with clang
/// 19 for every triple of abi/target.hpp; the data model has no column for
/// it. Rows with ms_bitfields follow the Microsoft rules instead.
inline bool unnamed_bitfields_align_record(const data_model &model) noexcept {
  const bool arm = model.goarch == "arm" || model.goarch == "arm64";
  const bool apple = model.goos == "darwin" || model.goos == "ios";
  return arm && !apple;
}

type_layout layout_of(const c_type &type, const data_model &model);
record_layout layout_record(const c_record &record, const data_model &model);
go_type_result go_type_of(const c_type &type, const data_model &model);

namespace layout_detail {

inline std::uint64_t align_to(std::uint64_t v, std::uint64_t a) noexcept { return a <= 1 ? v : (v + a - 1) / a * a; }

inline bool is_pow2(std::uint64_t v) noexcept { return v != 0 && (v & (v - 1)) == 0; }

inline type_layout scalar_layout(c_scalar s, const data_model &m) noexcept {
  auto sa = [](size_align x) { return type_layout{x.size, x.align}; };
  switch (s) {
  case c_scalar::char_plain:
  case c_scalar::signed_char:
  case c_scalar::unsigned_char:
    return {1, 1};
  case c_scalar::short_int:
  case c_scalar::unsigned_short:
    return sa(m.short_type);
  case c_scalar::int_type:
  case c_scalar::unsigned_int:
    return sa(m.int_type);
  case c_scalar::long_int:
  case c_scalar::unsigned_long:
    return sa(m.long_type);
  case c_scalar::long_long:
  case c_scalar::unsigned_long_long:
    return sa(m.long_long_type);
  case c_scalar::int128:
  case c_scalar::unsigned_int128:
    return sa(m.int128_type);
  case c_scalar::float_type:
    return sa(m.float_type);
  case c_scalar::double_type:
    return sa(m.double_type);
  case c_scalar::long_double:
    return sa(m.long_double_type);
  case c_scalar::bool_type:
    return sa(m.bool_type);
  case c_scalar::wchar:
    return sa(m.wchar_type);
  case c_scalar::float_complex:
    return {std::uint64_t{2} * m.float_type.size, m.float_type.align};
  case c_scalar::double_complex:
    return {std::uint64_t{2} * m.double_type.size, m.double_type.align};
  case c_scalar::long_double_complex:
    return {std::uint64_t{2} * m.long_double_type.size, m.long_double_type.align};
  }
  return {};
}

/// Whether clang treats the type as a builtin scalar in the Microsoft
/// record layout (arrays count by their element type): such a field is
/// aligned to its size when that is a power of two.
inline const c_type *ms_builtin(const c_type &t) noexcept {
  const c_type *e = &t;
  while (e->what == c_type::kind::array && e->element) {
    e = e->element.get();
  }
  if (e->what != c_type::kind::scalar) {
    return nullptr;
  }
  switch (e->scalar) {
  case c_scalar::float_complex:
  case c_scalar::double_complex:
  case c_scalar::long_double_complex:
    return nullptr;
  default:
    return e;
  }
}

/// Go keywords (ordinary cgo renames such fields "_name").
inline bool is_go_keyword(std::string_view s) noexcept {
  static constexpr std::string_view keywords[] = {
      "break",  "case",  "chan",      "const",  "continue", "default", "defer",  "else",   "fallthrough",
      "for",    "func",  "go",        "goto",   "if",       "import",  "interface", "map", "package",
      "range",  "return", "select",   "struct", "switch",   "type",    "var"};
  return std::find(std::begin(keywords), std::end(keywords), s) != std::end(keywords);
}

/// A C record laid out with the engine's rules, without the Go view.
struct raw_field {
  std::uint64_t offset_bits = 0;
  std::uint64_t size_bits = 0;
};
struct raw_record {
  std::uint64_t size = 0;
  std::uint64_t align = 1;
  std::vector<raw_field> fields;
  bool exact = true;
};

inline raw_record c_layout(const c_record &rec, const data_model &m) {
  const bool ms = m.ms_bitfields;
  const bool unnamed_align = unnamed_bitfields_align_record(m);
  const std::uint64_t pack_bits = 8ull * rec.pack;
  raw_record out;
  out.fields.reserve(rec.fields.size());
  std::uint64_t data_bits = 0; // bits used so far (a multiple of 8 after a non-bit-field)
  std::uint64_t size_bits = 0;
  std::uint64_t align_bits = 8;
  std::uint64_t unfilled = 0;  // bits left unused in the last bit-field byte (or MS unit)
  std::uint64_t last_unit = 0; // MS: storage-unit size of the bit-field run, 0 = none
  if (rec.aligned != 0) {
    align_bits = std::max<std::uint64_t>(align_bits, 8ull * rec.aligned);
  }
  for (const c_field &f : rec.fields) {
    const type_layout tl = layout_of(f.type, m);
    const bool field_packed = rec.packed || f.packed;
    const std::uint64_t explicit_bits = 8ull * f.aligned;
    if (f.bit_width) {
      const std::uint64_t width = *f.bit_width;
      const std::uint64_t unit = 8 * tl.size;
      if (width > unit) {
        out.exact = false;
      }
      std::uint64_t fa = 8 * tl.align;
      if (ms) {
        // A run continues while the declared type has the same size and the
        // unit still has room; otherwise a new unit aligned to the type size.
        fa = unit;
        if (last_unit != unit || unfilled < width) {
          if (last_unit == 0 && width == 0) {
            fa = 8; // a zero-width bit-field after a non-bit-field is ignored
          }
          unfilled = 0;
          last_unit = 0;
        }
      }
      std::uint64_t offset = rec.is_union ? 0 : data_bits - unfilled;
      std::uint64_t unpacked_fa = fa;
      if (!ms && field_packed && width != 0) {
        fa = 1; // a packed bit-field takes the next free bit
      }
      if (explicit_bits != 0) {
        fa = std::max(fa, explicit_bits);
        unpacked_fa = std::max(unpacked_fa, explicit_bits);
      }
      if (pack_bits != 0 && width != 0) { // #pragma pack does not touch zero-width bit-fields
        unpacked_fa = std::min(unpacked_fa, pack_bits);
        fa = field_packed ? unpacked_fa : std::min(fa, pack_bits);
      }
      if (ms && rec.is_union) {
        fa = 1;
      }
      if (ms) {
        if (width == 0 || width > unfilled) {
          offset = align_to(offset, fa);
          unfilled = 0;
        }
      } else {
        const bool allow_padding = pack_bits == 0; // #pragma pack never pads before a bit-field
        if (width == 0 || (allow_padding && (offset % fa) + width > unit)) {
          offset = align_to(offset, fa);
        } else if (explicit_bits != 0 && (pack_bits == 0 || explicit_bits <= pack_bits)) {
          offset = align_to(offset, explicit_bits);
        }
      }
      out.fields.push_back({offset, width});
      if (!ms && !unnamed_align && f.name.empty()) {
        fa = 1; // unnamed bit-fields do not align the record
      }
      if (rec.is_union) {
        std::uint64_t used = align_to(width, 8);
        if (ms) {
          used = width != 0 ? unit : 8;
        }
        data_bits = std::max(data_bits, used);
      } else if (ms && width != 0) {
        if (unfilled == 0) {
          data_bits = offset + unit;
          unfilled = unit;
        }
        unfilled -= width;
        last_unit = unit;
      } else {
        const std::uint64_t end = offset + width;
        data_bits = align_to(end, 8);
        unfilled = data_bits - end;
        last_unit = 0;
      }
      size_bits = std::max(size_bits, data_bits);
      align_bits = std::max(align_bits, fa);
      continue;
    }
    unfilled = 0;
    last_unit = 0;
    std::uint64_t natural = 8 * std::max<std::uint64_t>(tl.align, 1);
    if (ms) {
      if (const c_type *b = ms_builtin(f.type)) {
        const std::uint64_t bsize = layout_detail::scalar_layout(b->scalar, m).size;
        if (is_pow2(bsize) && 8 * bsize > natural) {
          natural = 8 * bsize;
        }
      }
    }
    std::uint64_t unpacked_fa = std::max(natural, explicit_bits);
    std::uint64_t packed_fa = std::max<std::uint64_t>(8, explicit_bits);
    if (pack_bits != 0) {
      unpacked_fa = std::min(unpacked_fa, pack_bits);
      packed_fa = std::min(packed_fa, pack_bits);
    }
    const std::uint64_t fa = field_packed ? packed_fa : unpacked_fa;
    const std::uint64_t offset = rec.is_union ? 0 : align_to(data_bits, fa);
    const std::uint64_t bits = 8 * tl.size;
    out.fields.push_back({offset, bits});
    data_bits = rec.is_union ? std::max(data_bits, bits) : offset + bits;
    size_bits = std::max(size_bits, data_bits);
    align_bits = std::max(align_bits, fa);
  }
  out.align = align_bits / 8;
  out.size = align_to(align_to(size_bits, 8) / 8, out.align);
  return out;
}

/// cgo's view of a C type (loadType in gcc.go): Go spelling, size, Go
/// alignment, or the fatal error.
inline go_type_result go_view(const c_type &t, const data_model &m);

inline go_type_result go_int(std::uint64_t size, bool is_signed, std::uint64_t ptr) {
  go_type_result r;
  r.size = size;
  r.align = std::min(size, ptr);
  switch (size) {
  case 1:
  case 2:
  case 4:
  case 8:
    r.go_type = std::string(is_signed ? "int" : "uint") + std::to_string(8 * size);
    break;
  case 16:
    r.go_type = "[16]uint8";
    break;
  default:
    r.error = "unexpected: " + std::to_string(size) + "-byte " + (is_signed ? "int" : "uint") + " type";
  }
  return r;
}

inline std::string struct_go_name(const c_type &t) {
  std::string tag = t.record ? t.record->tag : t.name;
  if (tag.empty()) {
    tag = "_anon"; // cgo numbers anonymous structs "__0", "__1", ... in order of use
  }
  const bool is_union = t.record ? t.record->is_union : t.incomplete_union;
  return std::string("_Ctype_") + (is_union ? "union_" : "struct_") + tag;
}

inline go_type_result go_view(const c_type &t, const data_model &m) {
  const std::uint64_t ptr = m.pointer.size;
  go_type_result r;
  switch (t.what) {
  case c_type::kind::void_type:
    r.go_type = "_Ctype_void";
    return r;
  case c_type::kind::scalar: {
    const type_layout tl = scalar_layout(t.scalar, m);
    switch (t.scalar) {
    case c_scalar::char_plain:
      return go_int(1, m.char_signed, ptr);
    case c_scalar::signed_char:
      return go_int(1, true, ptr);
    case c_scalar::unsigned_char:
      return go_int(1, false, ptr);
    case c_scalar::short_int:
    case c_scalar::int_type:
    case c_scalar::long_int:
    case c_scalar::long_long:
    case c_scalar::int128:
      return go_int(tl.size, true, ptr);
    case c_scalar::unsigned_short:
    case c_scalar::unsigned_int:
    case c_scalar::unsigned_long:
    case c_scalar::unsigned_long_long:
    case c_scalar::unsigned_int128:
      return go_int(tl.size, false, ptr);
    case c_scalar::wchar:
      return go_int(tl.size, m.wchar_signed, ptr);
    case c_scalar::bool_type:
      r.go_type = "bool";
      r.size = tl.size;
      r.align = 1;
      return r;
    case c_scalar::float_type:
    case c_scalar::double_type:
    case c_scalar::long_double:
      r.size = tl.size;
      r.align = std::min<std::uint64_t>(tl.size, ptr);
      if (tl.size == 4) {
        r.go_type = "float32";
      } else if (tl.size == 8) {
        r.go_type = "float64";
      } else {
        // gcc.go loadType, *dwarf.FloatType (go1.19): clang names the type
        // "float", "double" or "long double" in DWARF.
        const char *name = "float";
        if (t.scalar == c_scalar::long_double) {
          name = "long double";
        } else if (t.scalar == c_scalar::double_type) {
          name = "double";
        }
        r.error = "unexpected: " + std::to_string(tl.size) + "-byte float type - " + name;
      }
      return r;
    case c_scalar::float_complex:
    case c_scalar::double_complex:
    case c_scalar::long_double_complex:
      r.size = tl.size;
      r.align = std::min<std::uint64_t>(tl.size / 2, ptr);
      if (tl.size == 8) {
        r.go_type = "complex64";
      } else if (tl.size == 16) {
        r.go_type = "complex128";
      } else {
        // clang's DWARF names every complex type "complex" (checked in go1.19).
        r.error = "unexpected: " + std::to_string(tl.size) + "-byte complex type - complex";
      }
      return r;
    }
    return r;
  }
  case c_type::kind::enumeration: {
    const type_layout tl = scalar_layout(t.scalar, m);
    go_type_result e = go_int(tl.size, t.enum_has_negative, ptr);
    if (e.error) {
      e.error = "unexpected: " + std::to_string(tl.size) + "-byte enum type";
    }
    return e;
  }
  case c_type::kind::pointer: {
    r.size = ptr;
    r.align = ptr;
    if (!t.element || t.element->what == c_type::kind::void_type) {
      r.go_type = "unsafe.Pointer";
      return r;
    }
    if (t.element->what == c_type::kind::record) {
      // Named without loading the record (a struct may point to itself).
      if (t.element->record && t.element->record->is_union) {
        r.go_type = "*[" + std::to_string(layout_of(*t.element, m).size) + "]byte";
      } else {
        r.go_type = "*" + struct_go_name(*t.element);
      }
      return r;
    }
    // FinishType loads the pointee: its error is the pointer's error.
    const go_type_result p = go_view(*t.element, m);
    r.go_type = "*" + p.go_type;
    r.error = p.error;
    return r;
  }
  case c_type::kind::function_pointer:
    r.size = ptr;
    r.align = ptr;
    r.go_type = "*[0]byte";
    return r;
  case c_type::kind::function:
    r.go_type = "[0]byte"; // an unsized type
    return r;
  case c_type::kind::array: {
    if (!t.element) {
      r.error = "array without element type";
      return r;
    }
    const go_type_result e = go_view(*t.element, m);
    const std::uint64_t n = t.count.value_or(0); // T x[] is [0]T
    r.go_type = "[" + std::to_string(n) + "]" + e.go_type;
    r.size = n * e.size;
    r.align = e.align;
    r.error = e.error;
    return r;
  }
  case c_type::kind::record: {
    if (!t.record) {
      r.go_type = struct_go_name(t);
      return r;
    }
    if (t.record->is_union) {
      const type_layout tl = layout_of(t, m);
      r.go_type = "[" + std::to_string(tl.size) + "]byte";
      r.size = tl.size;
      r.align = 1;
      return r;
    }
    const record_layout rl = layout_record(*t.record, m);
    r.go_type = struct_go_name(t);
    r.size = rl.size;
    r.align = rl.go_align;
    r.error = rl.go_error;
    return r;
  }
  }
  return r;
}

} // namespace layout_detail

/// Size and alignment (bytes) of a C type on a target; size 0 for function
/// types, void, incomplete records and incomplete arrays.
inline type_layout layout_of(const c_type &type, const data_model &model) {
  switch (type.what) {
  case c_type::kind::void_type:
  case c_type::kind::function:
    return {0, 1};
  case c_type::kind::scalar:
  case c_type::kind::enumeration:
    return layout_detail::scalar_layout(type.scalar, model);
  case c_type::kind::pointer:
  case c_type::kind::function_pointer:
    return {model.pointer.size, model.pointer.align};
  case c_type::kind::array: {
    if (!type.element) {
      return {0, 1};
    }
    const type_layout e = layout_of(*type.element, model);
    return {type.count.value_or(0) * e.size, e.align};
  }
  case c_type::kind::record: {
    if (!type.record) {
      return {0, 1};
    }
    const layout_detail::raw_record r = layout_detail::c_layout(*type.record, model);
    return {r.size, r.align};
  }
  }
  return {0, 1};
}

/// The layout of a struct or union on a target, with cgo's view of each field
/// (gcc.go Struct, go1.19; the rules are unchanged through go1.27 as far as
/// this project models them).
inline record_layout layout_record(const c_record &record, const data_model &model) {
  const layout_detail::raw_record raw = layout_detail::c_layout(record, model);
  record_layout out;
  out.size = raw.size;
  out.align = raw.align;
  out.exact = raw.exact;
  out.fields.reserve(record.fields.size());
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const c_field &f = record.fields[i];
    field_layout fl;
    fl.name = f.name;
    fl.offset_bits = raw.fields[i].offset_bits;
    fl.size_bits = raw.fields[i].size_bits;
    fl.is_bitfield = f.bit_width.has_value();
    out.fields.push_back(std::move(fl));
  }
  if (record.is_union) {
    // loadType, *dwarf.StructType, Kind "union": [N]byte, Go alignment 1,
    // members never loaded (so a long double member is no error).
    for (field_layout &fl : out.fields) {
      fl.dropped = drop_reason::union_member;
    }
    out.go_align = 1;
    return out;
  }

  // Struct: walk the fields as gcc.go's Struct does. Every field's type is
  // loaded first (an error there kills cgo even for a bit-field or a dropped
  // field), then: bit-field -> dropped; offset % Go alignment -> dropped;
  // the running offset rounded up to the Go alignment, padding inserted
  // before a later field, and a field starting before it dropped.
  struct entry {
    std::optional<std::size_t> field; // empty: padding
    std::uint64_t size;
  };
  std::vector<entry> entries;
  std::uint64_t off = 0;
  std::uint64_t go_align = 1;
  int anon = 0;
  std::vector<std::string> used;
  used.reserve(record.fields.size());
  for (const c_field &f : record.fields) {
    used.push_back(f.name);
  }
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const c_field &f = record.fields[i];
    field_layout &fl = out.fields[i];
    const go_type_result g = layout_detail::go_view(f.type, model);
    if (g.error && !out.go_error) {
      out.go_error = g.error;
    }
    if (f.bit_width) {
      fl.dropped = drop_reason::bitfield;
      continue;
    }
    fl.go_type = g.go_type;
    const std::uint64_t byte_offset = fl.offset_bits / 8;
    const std::uint64_t talign = g.align;
    if (talign > 0 && byte_offset % talign != 0) {
      fl.dropped = drop_reason::misaligned;
      continue;
    }
    off = layout_detail::align_to(off, talign);
    if (byte_offset > off) {
      entries.push_back({std::nullopt, byte_offset - off});
      off = byte_offset;
    }
    if (byte_offset < off) {
      fl.dropped = drop_reason::packed_overlap;
      continue;
    }
    if (f.name.empty()) {
      fl.go_name = "anon" + std::to_string(anon++);
    } else if (layout_detail::is_go_keyword(f.name)) {
      std::string n = "_" + f.name;
      while (std::find(used.begin(), used.end(), n) != used.end()) {
        n.insert(0, 1, '_');
      }
      used.push_back(n);
      fl.go_name = n;
    } else {
      fl.go_name = f.name;
    }
    entries.push_back({i, g.size});
    off += g.size;
    go_align = std::max(go_align, talign);
  }
  if (off < out.size) {
    entries.push_back({std::nullopt, out.size - off});
    off = out.size;
  }
  // A zero-size last field of a non-empty struct is removed (Go would pad
  // it); padding is never zero-size, so only fields can be removed here.
  while (off > 0 && !entries.empty() && entries.back().size == 0 && entries.back().field) {
    const std::size_t i = *entries.back().field;
    const c_type &ft = record.fields[i].type;
    const bool flexible = ft.what == c_type::kind::array && !ft.count;
    out.fields[i].dropped = flexible ? drop_reason::flexible_array : drop_reason::zero_size_trailing;
    out.fields[i].go_name.clear();
    entries.pop_back();
  }
  out.go_align = go_align;
  return out;
}

/// The Go type cgo makes of a C type on a target.
inline go_type_result go_type_of(const c_type &type, const data_model &model) {
  return layout_detail::go_view(type, model);
}

} // namespace cgocheck::abi

#endif // CGOCHECK_ABI_LAYOUT_HPP
