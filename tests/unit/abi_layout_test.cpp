// The C layout engine and cgo's view (abi/layout.hpp). Expected values were
// obtained from clang 19 (sizeof/_Alignof/offsetof per triple) and from
// go1.19's `go tool cgo -godefs`; tests/abi/check_layout.py and
// check_cgo_view.py repeat those comparisons for the whole corpus.
#include "cgocheck/abi/layout.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

using namespace cgocheck::abi;
using K = c_type::kind;

namespace {

const c_type C = scalar_type(c_scalar::char_plain);
const c_type S = scalar_type(c_scalar::short_int);
const c_type I = scalar_type(c_scalar::int_type);
const c_type L = scalar_type(c_scalar::long_int);
const c_type LL = scalar_type(c_scalar::long_long);
const c_type D = scalar_type(c_scalar::double_type);
const c_type LD = scalar_type(c_scalar::long_double);

const data_model &model(const char *pair) {
  const data_model *m = find_data_model(pair);
  REQUIRE(m != nullptr);
  return *m;
}

std::vector<std::uint64_t> byte_offsets(const record_layout &l) {
  std::vector<std::uint64_t> out;
  for (const field_layout &f : l.fields) {
    out.push_back(f.offset_bits / 8);
  }
  return out;
}

struct expect_layout {
  const char *target;
  std::uint64_t size;
  std::uint64_t align;
  std::vector<std::uint64_t> offsets; ///< bytes; empty: not checked
};

void check(const c_record &r, const std::vector<expect_layout> &cases) {
  for (const expect_layout &e : cases) {
    INFO(r.tag << " on " << e.target);
    const record_layout l = layout_record(r, model(e.target));
    CHECK(l.size == e.size);
    CHECK(l.align == e.align);
    CHECK(l.exact);
    if (!e.offsets.empty()) {
      CHECK(byte_offsets(l) == e.offsets);
    }
    const type_layout t = layout_of(record_type(r), model(e.target));
    CHECK(t.size == e.size);
    CHECK(t.align == e.align);
  }
}

c_record packed_bits_record() {
  c_record r = struct_record("pbits", {field("a", C), bit_field("b", I, 4), bit_field("c", I, 30), field("d", C)});
  r.packed = true;
  return r;
}

} // namespace

TEST_CASE("layout: a plain struct follows each row's sizes and alignments", "[abi][layout]") {
  const c_record r = struct_record("plain", {field("c", C), field("i", I), field("s", S), field("l", L), field("d", C), field("x", D)});
  check(r, {{"linux/amd64", 40, 8, {0, 4, 8, 16, 24, 32}},
            {"darwin/arm64", 40, 8, {0, 4, 8, 16, 24, 32}},
            {"linux/386", 28, 4, {0, 4, 8, 12, 16, 20}},
            {"windows/amd64", 32, 8, {0, 4, 8, 12, 16, 24}}});
}

TEST_CASE("layout: packed, aligned and #pragma pack", "[abi][layout]") {
  c_record packed = struct_record("packed", {field("a", C), field("b", I), field("c", S), field("d", L), field("e", C)});
  packed.packed = true;
  check(packed, {{"linux/amd64", 16, 1, {0, 1, 5, 7, 15}}, {"linux/386", 12, 1, {0, 1, 5, 7, 11}}});

  c_record packed_field = struct_record("pf", {field("a", C), field("b", I), field("c", C), field("d", D)});
  packed_field.fields[1].packed = true;
  check(packed_field, {{"linux/amd64", 16, 8, {0, 1, 5, 8}}});

  c_record packed_aligned = struct_record("pa", {field("a", C), field("b", I), field("c", C)});
  packed_aligned.fields[1].packed = true;
  packed_aligned.fields[1].aligned = 2; // packed, then raised to 2
  check(packed_aligned, {{"linux/arm64", 8, 2, {0, 2, 6}}});

  c_record aligned_field = struct_record("af", {field("a", C), field("b", I), field("c", C)});
  aligned_field.fields[1].aligned = 16;
  check(aligned_field, {{"linux/amd64", 32, 16, {0, 16, 20}}, {"windows/386", 32, 16, {0, 16, 20}}});

  c_record aligned_low = struct_record("al", {field("a", C), field("b", D), field("c", C)});
  aligned_low.fields[1].aligned = 1; // never lowers
  check(aligned_low, {{"linux/amd64", 24, 8, {0, 8, 16}}});

  c_record aligned_record = struct_record("ar", {field("a", C), field("b", S)});
  aligned_record.aligned = 32;
  check(aligned_record, {{"darwin/arm64", 32, 32, {0, 2}}});

  c_record pack2 = struct_record("p2", {field("a", C), field("b", LL), field("c", C), field("d", I)});
  pack2.pack = 2;
  pack2.fields[3].aligned = 8; // #pragma pack caps aligned(8) on a member
  check(pack2, {{"linux/amd64", 16, 2, {0, 2, 10, 12}}});

  c_record pack2_aligned = struct_record("p2r", {field("a", C), field("b", I)});
  pack2_aligned.pack = 2;
  pack2_aligned.aligned = 16; // ... but not aligned() on the record
  check(pack2_aligned, {{"linux/amd64", 16, 16, {0, 2}}});
}

TEST_CASE("layout: bit-fields on System V, AAPCS and Microsoft rules", "[abi][layout]") {
  // { char a; int b:3; int c:5; char d; long e; }
  const c_record basic = struct_record("bits", {field("a", C), bit_field("b", I, 3), bit_field("c", I, 5), field("d", C), field("e", L)});
  check(basic, {{"linux/amd64", 16, 8, {0, 1, 1, 2, 8}}, {"windows/amd64", 16, 4, {0, 4, 4, 8, 12}}});
  const record_layout pl = layout_record(packed_bits_record(), model("linux/amd64"));
  CHECK(pl.fields[2].offset_bits == 12); // packed: the next free bit, straddling bytes and units
  const record_layout bl = layout_record(basic, model("linux/amd64"));
  CHECK(bl.fields[1].offset_bits == 8);
  CHECK(bl.fields[2].offset_bits == 11);
  CHECK(bl.fields[2].size_bits == 5);

  // { int a:30; int b:4; char c; }: b does not straddle its int unit.
  check(struct_record("straddle", {bit_field("a", I, 30), bit_field("b", I, 4), field("c", C)}), {{"linux/amd64", 8, 4, {0, 4, 5}}});

  // { short a:3; int b:5; short c:3; }: one unit on System V, three on Microsoft.
  const c_record mixed = struct_record("mixed", {bit_field("a", S, 3), bit_field("b", I, 5), bit_field("c", S, 3)});
  check(mixed, {{"linux/amd64", 4, 4, {}}, {"windows/amd64", 12, 4, {0, 4, 8}}, {"windows/386", 12, 4, {0, 4, 8}}});

  // { char a; int :0; char b; }: the zero-width bit-field aligns b to 4; it
  // raises the record's alignment on AAPCS only; Microsoft rules ignore it
  // after a non-bit-field.
  const c_record zero = struct_record("zero", {field("a", C), bit_field("", I, 0), field("b", C)});
  check(zero, {{"linux/amd64", 5, 1, {0, 4, 4}},
               {"darwin/arm64", 5, 1, {0, 4, 4}},
               {"linux/arm64", 8, 4, {0, 4, 4}},
               {"linux/arm", 8, 4, {0, 4, 4}},
               {"windows/amd64", 2, 1, {0, 1, 1}}});
  CHECK(unnamed_bitfields_align_record(model("linux/arm64")));
  CHECK_FALSE(unnamed_bitfields_align_record(model("darwin/arm64")));
  CHECK_FALSE(unnamed_bitfields_align_record(model("linux/amd64")));

  // { char a; int :4; }: an unnamed bit-field.
  const c_record unnamed = struct_record("unnamed", {field("a", C), bit_field("", I, 4)});
  check(unnamed, {{"linux/amd64", 2, 1, {}}, {"linux/arm64", 4, 4, {}}, {"windows/arm64", 8, 4, {}}});

  // packed { char a; int b:4; int c:30; char d; }: bits run on; Microsoft
  // rules ignore packed for bit-fields.
  c_record packed = struct_record("pbits", {field("a", C), bit_field("b", I, 4), bit_field("c", I, 30), field("d", C)});
  packed.packed = true;
  check(packed, {{"linux/amd64", 7, 1, {0, 1, 1, 6}}, {"windows/amd64", 16, 4, {0, 4, 8, 12}}});

  // #pragma pack(1) { char a; int b:4; short c:3; char d; }
  c_record pack1 = struct_record("pack1bits", {field("a", C), bit_field("b", I, 4), bit_field("c", S, 3), field("d", C)});
  pack1.pack = 1;
  check(pack1, {{"linux/amd64", 3, 1, {0, 1, 1, 2}}, {"windows/amd64", 8, 1, {0, 1, 5, 7}}});

  // { char a; long long b:40; int c:20; char d; }: long long is 4-aligned on linux/386.
  const c_record wide = struct_record("ll", {field("a", C), bit_field("b", LL, 40), bit_field("c", I, 20), field("d", C)});
  check(wide, {{"linux/amd64", 16, 8, {}}, {"linux/386", 12, 4, {}}});

  // A union of bit-fields: Microsoft rules give it alignment 1.
  c_record ubits = struct_record("ubits", {bit_field("a", C, 3), bit_field("b", I, 9)});
  ubits.is_union = true;
  check(ubits, {{"linux/amd64", 4, 4, {0, 0}}, {"windows/amd64", 4, 1, {0, 0}}});
}

TEST_CASE("layout: unions, arrays, flexible arrays, enums, nested records", "[abi][layout]") {
  c_record u = struct_record("u", {field("a", I), field("b", D), field("c", array_of(C, 3))});
  u.is_union = true;
  check(u, {{"linux/amd64", 8, 8, {0, 0, 0}}, {"linux/386", 8, 4, {0, 0, 0}}});

  check(struct_record("arr", {field("c", array_of(C, 3)), field("s", array_of(array_of(S, 3), 2)), field("d", array_of(D, 2))}),
        {{"linux/amd64", 32, 8, {0, 4, 16}}});

  check(struct_record("flex", {field("n", I), field("c", C), field("data", array_of(I, std::nullopt))}), {{"linux/amd64", 8, 4, {0, 4, 8}}});
  check(struct_record("flexd", {field("c", C), field("data", array_of(D, std::nullopt))}),
        {{"linux/amd64", 8, 8, {0, 8}}, {"linux/386", 4, 4, {0, 4}}});

  check(struct_record("enums", {field("c", C), field("a", enum_type(c_scalar::unsigned_int, false)),
                      field("s", enum_type(c_scalar::unsigned_char, false)), field("d", C)}),
        {{"linux/arm64", 12, 4, {0, 4, 8, 9}}});

  const c_record inner = struct_record("inner", {field("c", C), field("x", D)});
  check(struct_record("outer", {field("c", C), field("in", record_type(inner)), field("t", C)}),
        {{"linux/amd64", 32, 8, {0, 8, 24}}, {"linux/386", 20, 4, {0, 4, 16}}});
}

TEST_CASE("go view: drop decisions follow gcc.go Struct", "[abi][cgo-view]") {
  const data_model &amd64 = model("linux/amd64");

  c_record packed = struct_record("packed", {field("a", C), field("b", I), field("c", S), field("d", L), field("e", C)});
  packed.packed = true;
  const record_layout p = layout_record(packed, amd64);
  CHECK_FALSE(p.fields[0].dropped);
  CHECK(p.fields[1].dropped == drop_reason::misaligned);
  CHECK(p.fields[2].dropped == drop_reason::misaligned);
  CHECK(p.fields[3].dropped == drop_reason::misaligned);
  CHECK_FALSE(p.fields[4].dropped);
  CHECK(p.fields[4].go_type == "int8");

  const record_layout b = layout_record(struct_record("bits", {field("a", C), bit_field("b", I, 3), field("d", C)}), amd64);
  CHECK(b.fields[1].dropped == drop_reason::bitfield);
  CHECK(b.fields[1].is_bitfield);
  CHECK_FALSE(b.fields[2].dropped);

  // A flexible int array ends the struct exactly: dropped. A flexible char
  // array is followed by tail padding, so cgo keeps it as [0]int8.
  const record_layout f = layout_record(struct_record("flex", {field("n", I), field("c", C), field("data", array_of(I, std::nullopt))}), amd64);
  CHECK(f.fields[2].dropped == drop_reason::flexible_array);
  const record_layout fc =
      layout_record(struct_record("flexc", {field("n", I), field("c", C), field("data", array_of(C, std::nullopt))}), amd64);
  CHECK_FALSE(fc.fields[2].dropped);
  CHECK(fc.fields[2].go_type == "[0]int8");

  const record_layout z = layout_record(struct_record("zt", {field("n", I), field("z", array_of(I, 0))}), amd64);
  CHECK(z.fields[1].dropped == drop_reason::zero_size_trailing);
  const record_layout zm = layout_record(struct_record("zm", {field("a", I), field("z", array_of(I, 0)), field("b", I)}), amd64);
  CHECK_FALSE(zm.fields[1].dropped);

  // A packed record at an odd offset keeps its int, so Go aligns it to 4.
  c_record inner = struct_record("inner", {field("b", I), field("a", C)});
  inner.packed = true;
  const record_layout o = layout_record(struct_record("outer", {field("c", C), field("p", record_type(inner)), field("d", S)}), amd64);
  CHECK(o.fields[1].offset_bits == 8);
  CHECK(o.fields[1].dropped == drop_reason::misaligned);
  CHECK(o.fields[1].go_type == "_Ctype_struct_inner");
  CHECK_FALSE(o.fields[2].dropped);
  CHECK(layout_record(inner, amd64).go_align == 4);

  // A union member is [N]byte with Go alignment 1; the union's own members
  // are not Go fields.
  c_record u = struct_record("u", {field("a", I), field("b", D)});
  u.is_union = true;
  const record_layout hu = layout_record(struct_record("hu", {field("c", C), field("u", record_type(u))}), amd64);
  CHECK(hu.fields[1].go_type == "[8]byte");
  CHECK_FALSE(hu.fields[1].dropped);
  CHECK(layout_record(u, amd64).fields[0].dropped == drop_reason::union_member);

  // Anonymous members and Go keywords get cgo's names.
  c_record anon_union = struct_record("", {field("i", I)});
  anon_union.is_union = true;
  const record_layout an = layout_record(struct_record("an", {field("", record_type(anon_union)), field("type", C)}), amd64);
  CHECK(an.fields[0].go_name == "anon0");
  CHECK(an.fields[1].go_name == "_type");

  // On linux/386 int64's Go alignment is 4: a 4-aligned long long is kept.
  const record_layout ll = layout_record(struct_record("ll", {field("c", C), field("x", LL)}), model("linux/386"));
  CHECK(ll.fields[1].offset_bits == 32);
  CHECK_FALSE(ll.fields[1].dropped);
  CHECK(ll.go_align == 4);
}

TEST_CASE("go view: long double and the cgo error", "[abi][cgo-view]") {
  const c_record r = struct_record("ld", {field("c", C), field("ld", LD)});
  const record_layout darwin = layout_record(r, model("darwin/arm64"));
  CHECK_FALSE(darwin.go_error);
  CHECK(darwin.fields[1].go_type == "float64");
  CHECK(layout_record(r, model("linux/amd64")).go_error == std::string("unexpected: 16-byte float type - long double"));
  CHECK(layout_record(r, model("linux/arm64")).go_error == std::string("unexpected: 16-byte float type - long double"));
  CHECK(layout_record(r, model("linux/386")).go_error == std::string("unexpected: 12-byte float type - long double"));
  // A pointer to long double is loaded too; a union member is not.
  CHECK(go_type_of(pointer_to(LD), model("linux/amd64")).error);
  c_record u = struct_record("u", {field("ld", LD), field("i", I)});
  u.is_union = true;
  CHECK_FALSE(layout_record(struct_record("hu", {field("u", record_type(u))}), model("linux/amd64")).go_error);
  CHECK(go_type_of(scalar_type(c_scalar::long_double_complex), model("linux/amd64")).error ==
        std::string("unexpected: 32-byte complex type - complex"));
}

TEST_CASE("go view: go_type_of per target", "[abi][cgo-view]") {
  struct row {
    const char *target;
    c_type type;
    const char *go;
  };
  c_type vp;
  vp.what = K::pointer;
  vp.element = std::make_shared<const c_type>();
  c_type fp;
  fp.what = K::function_pointer;
  const c_record st = struct_record("x", {field("i", I)});
  c_type incomplete;
  incomplete.what = K::record;
  incomplete.name = "opaque";
  const std::vector<row> rows = {
      {"linux/amd64", C, "int8"},
      {"linux/arm64", C, "uint8"},
      {"darwin/arm64", C, "int8"},
      {"linux/amd64", scalar_type(c_scalar::signed_char), "int8"},
      {"linux/arm64", scalar_type(c_scalar::unsigned_char), "uint8"},
      {"linux/amd64", L, "int64"},
      {"windows/amd64", L, "int32"},
      {"linux/386", L, "int32"},
      {"linux/amd64", scalar_type(c_scalar::unsigned_long), "uint64"},
      {"linux/amd64", LL, "int64"},
      {"linux/amd64", scalar_type(c_scalar::float_type), "float32"},
      {"darwin/arm64", LD, "float64"},
      {"linux/amd64", scalar_type(c_scalar::bool_type), "bool"},
      {"linux/amd64", scalar_type(c_scalar::int128), "[16]uint8"},
      {"linux/amd64", scalar_type(c_scalar::double_complex), "complex128"},
      {"windows/amd64", scalar_type(c_scalar::wchar), "uint16"},
      {"linux/amd64", scalar_type(c_scalar::wchar), "int32"},
      {"linux/amd64", vp, "unsafe.Pointer"},
      {"linux/amd64", pointer_to(I), "*int32"},
      {"linux/amd64", pointer_to(record_type(st)), "*_Ctype_struct_x"},
      {"linux/amd64", pointer_to(incomplete), "*_Ctype_struct_opaque"},
      {"linux/amd64", fp, "*[0]byte"},
      {"linux/amd64", array_of(S, 4), "[4]int16"},
      {"linux/amd64", record_type(st), "_Ctype_struct_x"},
      {"linux/amd64", enum_type(c_scalar::unsigned_int, false), "uint32"},
      {"linux/amd64", enum_type(c_scalar::int_type, true), "int32"},
      {"linux/amd64", enum_type(c_scalar::unsigned_char, false), "uint8"},
  };
  for (const row &r : rows) {
    INFO(r.target << " " << r.go);
    const go_type_result g = go_type_of(r.type, model(r.target));
    CHECK_FALSE(g.error);
    CHECK(g.go_type == r.go);
  }
  c_record u = struct_record("u", {field("a", I), field("b", array_of(C, 7))});
  u.is_union = true;
  const go_type_result gu = go_type_of(record_type(u), model("linux/amd64"));
  CHECK(gu.go_type == "[8]byte");
  CHECK(gu.align == 1);
  CHECK(go_type_of(scalar_type(c_scalar::int128), model("linux/amd64")).align == 8);
  CHECK(go_type_of(LL, model("linux/386")).align == 4);
}
