// A corpus of C records described as abi::c_record, and what the layout
// engine (cgocheck/abi/layout.hpp) says about each on every row of the data
// model. check_layout.py compiles the C assertions printed here with clang for
// each row's triple; check_cgo_view.py compares the Go view with go1.19's
// `go tool cgo -godefs`.
//
//   layout-cases --list                 one row a line: GOOS/GOARCH TRIPLE ms_bitfields
//   layout-cases --c GOOS/GOARCH        C11: the records, then _Static_asserts of
//                                       sizeof, _Alignof and offsetof (non-bit-fields)
//   layout-cases --c-wrong GOOS/GOARCH  the same with one size off by one (negative control)
//   layout-cases --offsets GOOS/GOARCH  per record: size, alignment (bits) and every
//                                       field's bit offset, bit-fields included
//   layout-cases --cgo-json GOOS/GOARCH the C definitions and the Go view of the records
//                                       marked for the live cgo check, as JSON
//   layout-cases --count                the number of records in the corpus
#include "cgocheck/abi/data_model.hpp"
#include "cgocheck/abi/layout.hpp"

#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace cgocheck::abi;
using K = c_type::kind;

c_type void_pointer() { return pointer_to(c_type{}); }
c_type function_pointer() {
  c_type t;
  t.what = K::function_pointer;
  return t;
}
// The corpus's three enums, defined in the C prelude.
c_type enum_pos() { return enum_type(c_scalar::unsigned_int, false, "lc_pos"); } // enum lc_pos { 1, 2 }
c_type enum_neg() { return enum_type(c_scalar::int_type, true, "lc_neg"); } // enum lc_neg { -1, 2 }
c_type enum_small() { return enum_type(c_scalar::unsigned_char, false, "lc_small"); } // packed enum lc_small { 1 }

c_field aligned(c_field f, std::uint32_t n) {
  f.aligned = n;
  return f;
}
c_field packed(c_field f) {
  f.packed = true;
  return f;
}

const c_type C = scalar_type(c_scalar::char_plain);
const c_type SC = scalar_type(c_scalar::signed_char);
const c_type UC = scalar_type(c_scalar::unsigned_char);
const c_type S = scalar_type(c_scalar::short_int);
const c_type US = scalar_type(c_scalar::unsigned_short);
const c_type I = scalar_type(c_scalar::int_type);
const c_type UI = scalar_type(c_scalar::unsigned_int);
const c_type L = scalar_type(c_scalar::long_int);
const c_type UL = scalar_type(c_scalar::unsigned_long);
const c_type LL = scalar_type(c_scalar::long_long);
const c_type ULL = scalar_type(c_scalar::unsigned_long_long);
const c_type F = scalar_type(c_scalar::float_type);
const c_type D = scalar_type(c_scalar::double_type);
const c_type LD = scalar_type(c_scalar::long_double);
const c_type B = scalar_type(c_scalar::bool_type);
const c_type W = scalar_type(c_scalar::wchar);

struct corpus_entry {
  std::shared_ptr<const c_record> record;
  bool live = false; ///< part of the live cgo comparison
  std::string note;
};

struct builder {
  std::vector<corpus_entry> entries;
  std::shared_ptr<const c_record> add(std::string tag, std::vector<c_field> fields, bool live, std::string note = {},
                                      bool is_union = false, bool packed_record = false, std::uint32_t aligned_record = 0,
                                      std::uint32_t pack = 0) {
    auto r = std::make_shared<c_record>();
    r->tag = std::move(tag);
    r->fields = std::move(fields);
    r->is_union = is_union;
    r->packed = packed_record;
    r->aligned = aligned_record;
    r->pack = pack;
    entries.push_back({r, live, std::move(note)});
    return r;
  }
};

/// The corpus for one row (a row without __int128 gets no __int128 record).
std::vector<corpus_entry> corpus(const data_model &m) {
  builder b;
  auto plain = b.add("lc_plain", {field("c", C), field("i", I), field("s", S), field("l", L), field("d", C), field("x", D)},
                     true, "natural alignment");
  b.add("lc_scalars",
        {field("c", C), field("sc", SC), field("uc", UC), field("s", S), field("us", US), field("i", I), field("ui", UI),
         field("l", L), field("ul", UL), field("ll", LL), field("ull", ULL), field("f", F), field("d", D), field("b", B),
         field("w", W)},
        true, "every integer and floating type");
  if (m.int128_type.size != 0) {
    b.add("lc_int128", {field("c", C), field("x", scalar_type(c_scalar::int128)), field("u", scalar_type(c_scalar::unsigned_int128))},
          true, "__int128: [16]uint8 with Go alignment 8");
  }
  b.add("lc_longdouble", {field("c", C), field("ld", LD), field("e", C)}, true, "long double: cgo error unless 8 bytes");
  b.add("lc_complex",
        {field("c", C), field("fc", scalar_type(c_scalar::float_complex)), field("dc", scalar_type(c_scalar::double_complex))}, true,
        "complex64 / complex128");
  b.add("lc_pointers",
        {field("c", C), field("p", void_pointer()), field("ip", pointer_to(I)), field("sp", pointer_to(record_type(plain))),
         field("fp", function_pointer()), field("pp", pointer_to(pointer_to(C)))},
        true, "pointers");
  auto arrays = b.add("lc_arrays",
                      {field("c", array_of(C, 3)), field("a", array_of(I, 5)), field("s", array_of(array_of(S, 3), 2)),
                       field("d", array_of(D, 2))},
                      true, "arrays");
  b.add("lc_nested", {field("c", C), field("p", record_type(plain)), field("a", array_of(record_type(arrays), 2)), field("t", C)},
        true, "nested records");
  b.add("lc_packed", {field("a", C), field("b", I), field("c", S), field("d", L), field("e", C)}, true,
        "packed record: misaligned fields dropped", false, true);
  b.add("lc_packedfield", {field("a", C), packed(field("b", I)), field("c", C), field("d", D)}, true, "packed field");
  b.add("lc_packedaligned", {field("a", C), aligned(packed(field("b", I)), 2), field("c", C)}, true,
        "packed and aligned(2) field");
  b.add("lc_alignedfield", {field("a", C), aligned(field("b", I), 16), field("c", C)}, true, "aligned(16) field");
  b.add("lc_alignedlow", {field("a", C), aligned(field("b", D), 1), field("c", C)}, false, "aligned(1) never lowers");
  b.add("lc_alignedrec", {field("a", C), field("b", S)}, true, "aligned(32) record", false, false, 32);
  b.add("lc_packedalignedrec", {field("a", C), field("b", I), field("c", C)}, false, "packed, aligned(4) record", false, true,
        4);
  b.add("lc_pack1", {field("a", C), field("b", I), field("c", D), field("d", S)}, true, "#pragma pack(1)", false, false, 0, 1);
  b.add("lc_pack2", {field("a", C), field("b", LL), field("c", C), aligned(field("d", I), 8)}, true,
        "#pragma pack(2) caps aligned(8)", false, false, 0, 2);
  b.add("lc_pack4", {field("a", C), field("b", D), field("c", C), field("d", LL)}, false, "#pragma pack(4)", false, false, 0,
        4);
  b.add("lc_pack2rec", {field("a", C), field("b", I)}, false, "#pragma pack(2) with aligned(16) record", false, false, 16, 2);
  b.add("lc_bits", {field("a", C), bit_field("b", I, 3), bit_field("c", I, 5), field("d", C), field("e", L)}, true, "bit-fields");
  b.add("lc_bitstraddle", {bit_field("a", I, 30), bit_field("b", I, 4), field("c", C)}, true, "a bit-field that would straddle");
  b.add("lc_bitsmixed", {bit_field("a", S, 3), bit_field("b", I, 5), bit_field("c", S, 3), field("d", C)}, true,
        "bit-field types of different sizes");
  b.add("lc_bitszero", {field("a", C), bit_field("", I, 0), field("b", C)}, true, "zero-width bit-field");
  b.add("lc_bitsleadzero", {bit_field("", I, 0), field("a", C)}, false, "leading zero-width bit-field");
  b.add("lc_bitsunnamed", {field("a", C), bit_field("", I, 4), field("b", C)}, true, "unnamed bit-field");
  b.add("lc_bitsafterzero", {field("a", C), bit_field("b", C, 4), bit_field("", I, 0), field("c", C)}, false,
        "zero-width after a bit-field");
  b.add("lc_bitspacked", {field("a", C), bit_field("b", I, 4), bit_field("c", I, 30), field("d", C)}, true, "packed bit-fields", false,
        true);
  b.add("lc_bitspack1", {field("a", C), bit_field("b", I, 4), bit_field("c", S, 3), field("d", C)}, false, "#pragma pack(1) bit-fields",
        false, false, 0, 1);
  b.add("lc_bitspackedpack2", {field("a", C), bit_field("b", I, 4)}, false, "packed record under #pragma pack(2)", false, true, 0,
        2);
  b.add("lc_bitsaligned", {field("a", C), aligned(bit_field("b", I, 4), 4), field("c", C)}, false, "aligned(4) bit-field");
  b.add("lc_bitslong", {field("a", C), bit_field("b", LL, 40), bit_field("c", I, 20), field("d", C)}, true, "long long bit-fields");
  b.add("lc_bitssmall", {bit_field("a", B, 1), bit_field("b", UC, 7), bit_field("c", US, 9), field("d", C)}, false,
        "_Bool, unsigned char and unsigned short bit-fields");
  b.add("lc_bitsenum", {bit_field("a", enum_pos(), 3), field("b", I)}, false, "enum bit-field");
  b.add("lc_bitspackedzero", {field("a", C), bit_field("", I, 0), field("b", C)}, false, "zero-width bit-field in a packed record",
        false, true);
  b.add("lc_flex", {field("n", I), field("c", C), field("data", array_of(I, std::nullopt))}, true,
        "flexible array member: dropped");
  b.add("lc_flexchar", {field("n", I), field("c", C), field("data", array_of(C, std::nullopt))}, true,
        "flexible char array followed by padding: kept as [0]int8");
  b.add("lc_flexdouble", {field("c", C), field("data", array_of(D, std::nullopt))}, false, "flexible double array");
  b.add("lc_zerotail", {field("n", I), field("z", array_of(I, 0))}, true, "zero-length trailing array");
  b.add("lc_zeromid", {field("a", I), field("z", array_of(I, 0)), field("b", I)}, true, "zero-length array in the middle");
  auto un = b.add("lc_union", {field("a", I), field("b", D), field("c", array_of(C, 3))}, false, "union", true);
  b.add("lc_unionbits", {bit_field("a", C, 3), bit_field("b", I, 9)}, false, "union of bit-fields", true);
  b.add("lc_unionpacked", {field("a", I), field("b", array_of(C, 5))}, false, "packed union", true, true);
  b.add("lc_unionaligned", {field("a", C), field("b", S)}, false, "aligned(16) union", true, false, 16);
  b.add("lc_hasunion", {field("c", C), field("u", record_type(un)), field("d", C), field("pu", pointer_to(record_type(un)))},
        true, "a union member is [N]byte with Go alignment 1");
  b.add("lc_enums", {field("c", C), field("a", enum_pos()), field("b", enum_neg()), field("s", enum_small()), field("d", C)},
        true, "enums");
  auto inner = b.add("lc_inner", {field("b", I), field("a", C)}, false, "packed inner record", false, true);
  b.add("lc_outer", {field("c", C), field("p", record_type(inner)), field("d", S)}, true,
        "a packed record at an odd offset: misaligned for Go");
  {
    auto anon = std::make_shared<c_record>();
    anon->is_union = true;
    anon->fields = {field("i", I), field("f", F)};
    b.add("lc_anon", {field("kind", I), field("", record_type(anon)), field("type", C)}, false,
          "anonymous union member (anon0) and a Go keyword");
  }
  b.add("lc_packedfp", {field("a", C), field("fp", function_pointer()), field("b", C)}, false, "packed function pointer",
        false, true);
  return b.entries;
}

// --- C spelling of the corpus ------------------------------------------------

std::string scalar_spelling(c_scalar s) {
  switch (s) {
  case c_scalar::char_plain:
    return "char";
  case c_scalar::signed_char:
    return "signed char";
  case c_scalar::unsigned_char:
    return "unsigned char";
  case c_scalar::short_int:
    return "short";
  case c_scalar::unsigned_short:
    return "unsigned short";
  case c_scalar::int_type:
    return "int";
  case c_scalar::unsigned_int:
    return "unsigned int";
  case c_scalar::long_int:
    return "long";
  case c_scalar::unsigned_long:
    return "unsigned long";
  case c_scalar::long_long:
    return "long long";
  case c_scalar::unsigned_long_long:
    return "unsigned long long";
  case c_scalar::int128:
    return "__int128";
  case c_scalar::unsigned_int128:
    return "unsigned __int128";
  case c_scalar::float_type:
    return "float";
  case c_scalar::double_type:
    return "double";
  case c_scalar::long_double:
    return "long double";
  case c_scalar::bool_type:
    return "_Bool";
  case c_scalar::wchar:
    return "wchar_t";
  case c_scalar::float_complex:
    return "float _Complex";
  case c_scalar::double_complex:
    return "double _Complex";
  case c_scalar::long_double_complex:
    return "long double _Complex";
  }
  return "?";
}

std::string record_body(const c_record &r);

std::string attrs(const c_record &r) {
  std::string a;
  if (r.packed) {
    a += " __attribute__((packed))";
  }
  if (r.aligned != 0) {
    a += " __attribute__((aligned(" + std::to_string(r.aligned) + ")))";
  }
  return a;
}

/// "T declarator" for a C type.
std::string declare(const c_type &t, const std::string &declarator) {
  switch (t.what) {
  case K::void_type:
    return "void " + declarator;
  case K::scalar:
    return scalar_spelling(t.scalar) + " " + declarator;
  case K::enumeration:
    return "enum " + t.name + " " + declarator;
  case K::pointer:
    if (!t.element) {
      return "void *" + declarator;
    }
    return declare(*t.element, "*" + declarator);
  case K::function_pointer:
    return "void (*" + declarator + ")(void)";
  case K::function:
    return "void " + declarator + "(void)";
  case K::array:
    return declare(*t.element, declarator + "[" + (t.count ? std::to_string(*t.count) : std::string()) + "]");
  case K::record: {
    const bool is_union = t.record ? t.record->is_union : t.incomplete_union;
    std::string kw = is_union ? "union" : "struct";
    if (t.record && t.record->tag.empty()) {
      return kw + attrs(*t.record) + " " + record_body(*t.record) + " " + declarator;
    }
    return kw + " " + t.name + " " + declarator;
  }
  }
  return "?";
}

std::string record_body(const c_record &r) {
  std::string s = "{";
  for (const c_field &f : r.fields) {
    s += " " + declare(f.type, f.name);
    if (f.bit_width) {
      s += ":" + std::to_string(*f.bit_width);
    }
    if (f.packed) {
      s += " __attribute__((packed))";
    }
    if (f.aligned != 0) {
      s += " __attribute__((aligned(" + std::to_string(f.aligned) + ")))";
    }
    s += ";";
  }
  return s + " }";
}

std::string definition(const c_record &r) {
  std::string s;
  if (r.pack != 0) {
    s += "#pragma pack(push, " + std::to_string(r.pack) + ")\n";
  }
  s += std::string(r.is_union ? "union" : "struct") + attrs(r) + " " + r.tag + " " + record_body(r) + ";\n";
  if (r.pack != 0) {
    s += "#pragma pack(pop)\n";
  }
  return s;
}

constexpr std::string_view prelude = "#include <stddef.h>\n"
                                     "enum lc_pos { LC_POS_A = 1, LC_POS_B = 2 };\n"
                                     "enum lc_neg { LC_NEG_A = -1, LC_NEG_B = 2 };\n"
                                     "enum __attribute__((packed)) lc_small { LC_SMALL_A = 1 };\n";

std::string definitions(const std::vector<corpus_entry> &entries) {
  std::string s(prelude);
  for (const corpus_entry &e : entries) {
    s += definition(*e.record);
  }
  return s;
}

std::string kw(const c_record &r) { return std::string(r.is_union ? "union " : "struct ") + r.tag; }

int print_c(const data_model &m, bool wrong) {
  const std::vector<corpus_entry> entries = corpus(m);
  std::cout << "// Generated by layout-cases for " << m.goos << "/" << m.goarch << " (" << m.triple << ")\n";
  std::cout << definitions(entries);
  bool first = true;
  for (const corpus_entry &e : entries) {
    const c_record &r = *e.record;
    const record_layout rl = layout_record(r, m);
    std::uint64_t size = rl.size;
    if (wrong && first) {
      size += 1; // the negative control: clang must reject this
    }
    first = false;
    std::cout << "_Static_assert(sizeof(" << kw(r) << ") == " << size << " && _Alignof(" << kw(r) << ") == " << rl.align
              << ", \"" << r.tag << ": size " << size << " align " << rl.align << "\");\n";
    for (std::size_t i = 0; i < r.fields.size(); ++i) {
      const c_field &f = r.fields[i];
      if (f.bit_width || f.name.empty()) {
        continue;
      }
      std::cout << "_Static_assert(offsetof(" << kw(r) << ", " << f.name << ") == " << rl.fields[i].offset_bits / 8 << ", \""
                << r.tag << "." << f.name << " at " << rl.fields[i].offset_bits / 8 << "\");\n";
    }
  }
  return 0;
}

/// "struct tag|size_bits|align_bits|offset,offset,..." per record: the form
/// of clang's -fdump-record-layouts-simple, which also gives bit-field offsets.
int print_offsets(const data_model &m) {
  for (const corpus_entry &e : corpus(m)) {
    const record_layout rl = layout_record(*e.record, m);
    std::cout << kw(*e.record) << "|" << 8 * rl.size << "|" << 8 * rl.align << "|";
    for (std::size_t i = 0; i < rl.fields.size(); ++i) {
      std::cout << (i == 0 ? "" : ",") << rl.fields[i].offset_bits;
    }
    std::cout << "\n";
  }
  return 0;
}

std::string json_string(std::string_view s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      o += '\\';
      o += c;
    } else if (c == '\n') {
      o += "\\n";
    } else {
      o += c;
    }
  }
  return o + "\"";
}

int print_cgo_json(const data_model &m) {
  const std::vector<corpus_entry> entries = corpus(m);
  std::ostringstream o;
  o << "{\"target\": " << json_string(std::string(m.goos) + "/" + std::string(m.goarch))
    << ", \"triple\": " << json_string(m.triple) << ", \"c\": " << json_string(definitions(entries)) << ", \"records\": [";
  bool first_record = true;
  for (const corpus_entry &e : entries) {
    if (!e.live) {
      continue;
    }
    const c_record &r = *e.record;
    const record_layout rl = layout_record(r, m);
    o << (first_record ? "\n" : ",\n") << "  {\"tag\": " << json_string(r.tag) << ", \"size\": " << rl.size
      << ", \"go_error\": " << (rl.go_error ? json_string(*rl.go_error) : std::string("null")) << ", \"fields\": [";
    first_record = false;
    bool first_field = true;
    for (const field_layout &f : rl.fields) {
      o << (first_field ? "" : ", ") << "{\"name\": " << json_string(f.name) << ", \"offset\": " << f.offset_bits / 8
        << ", \"go_type\": " << json_string(f.go_type) << ", \"dropped\": "
        << (f.dropped ? json_string(drop_reason_name(*f.dropped)) : std::string("null")) << "}";
      first_field = false;
    }
    o << "]}";
  }
  o << "\n]}\n";
  std::cout << o.str();
  return 0;
}

int usage() {
  std::cerr << "usage: layout-cases --list | --count | --c GOOS/GOARCH | --c-wrong GOOS/GOARCH | --offsets GOOS/GOARCH | "
               "--cgo-json GOOS/GOARCH\n";
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    return usage();
  }
  const std::string_view opt = argv[1];
  if (opt == "--list") {
    for (const data_model &m : data_models) {
      std::cout << m.goos << "/" << m.goarch << " " << m.triple << " " << (m.ms_bitfields ? 1 : 0) << "\n";
    }
    return 0;
  }
  if (opt == "--count") {
    std::cout << corpus(data_models[0]).size() << "\n";
    return 0;
  }
  if (argc != 3) {
    return usage();
  }
  const data_model *m = find_data_model(argv[2]);
  if (m == nullptr) {
    std::cerr << "layout-cases: no data model for " << argv[2] << "\n";
    return 2;
  }
  if (opt == "--c" || opt == "--c-wrong") {
    return print_c(*m, opt == "--c-wrong");
  }
  if (opt == "--offsets") {
    return print_offsets(*m);
  }
  if (opt == "--cgo-json") {
    return print_cgo_json(*m);
  }
  return usage();
}
