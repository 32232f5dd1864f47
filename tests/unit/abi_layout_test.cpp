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

c_type scalar(c_scalar s) {
  c_type t;
  t.what = K::scalar;
  t.scalar = s;
  return t;
}
c_type array_of(c_type e, std::optional<std::uint64_t> n) {
  c_type t;
  t.what = K::array;
  t.element = std::make_shared<const c_type>(std::move(e));
  t.count = n;
  return t;
}
c_type pointer_to(c_type e) {
  c_type t;
  t.what = K::pointer;
  t.element = std::make_shared<const c_type>(std::move(e));
  return t;
}
c_type record_type(const c_record &r) {
  c_type t;
  t.what = K::record;
  t.name = r.tag;
  t.record = std::make_shared<const c_record>(r);
  return t;
}
c_type enum_type(c_scalar under, bool negative) {
  c_type t;
  t.what = K::enumeration;
  t.scalar = under;
  t.enum_has_negative = negative;
  return t;
}
c_field fld(std::string name, c_type t) {
  c_field f;
  f.name = std::move(name);
  f.type = std::move(t);
  return f;
}
c_field bits(std::string name, c_type t, std::uint32_t w) {
  c_field f = fld(std::move(name), std::move(t));
  f.bit_width = w;
  return f;
}
c_record rec(std::string tag, std::vector<c_field> fields) {
  c_record r;
  r.tag = std::move(tag);
  r.fields = std::move(fields);
  return r;
}

const c_type C = scalar(c_scalar::char_plain);
const c_type S = scalar(c_scalar::short_int);
const c_type I = scalar(c_scalar::int_);
const c_type L = scalar(c_scalar::long_int);
const c_type LL = scalar(c_scalar::long_long);
const c_type D = scalar(c_scalar::double_);
const c_type LD = scalar(c_scalar::long_double);

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
  c_record r = rec("pbits", {fld("a", C), bits("b", I, 4), bits("c", I, 30), fld("d", C)});
  r.packed = true;
  return r;
}

} // namespace

TEST_CASE("layout: a plain struct follows each row's sizes and alignments", "[abi][layout]") {
  const c_record r = rec("plain", {fld("c", C), fld("i", I), fld("s", S), fld("l", L), fld("d", C), fld("x", D)});
  check(r, {{"linux/amd64", 40, 8, {0, 4, 8, 16, 24, 32}},
            {"darwin/arm64", 40, 8, {0, 4, 8, 16, 24, 32}},
            {"linux/386", 28, 4, {0, 4, 8, 12, 16, 20}},
            {"windows/amd64", 32, 8, {0, 4, 8, 12, 16, 24}}});
}

TEST_CASE("layout: packed, aligned and #pragma pack", "[abi][layout]") {
  c_record packed = rec("packed", {fld("a", C), fld("b", I), fld("c", S), fld("d", L), fld("e", C)});
  packed.packed = true;
  check(packed, {{"linux/amd64", 16, 1, {0, 1, 5, 7, 15}}, {"linux/386", 12, 1, {0, 1, 5, 7, 11}}});

  c_record packed_field = rec("pf", {fld("a", C), fld("b", I), fld("c", C), fld("d", D)});
  packed_field.fields[1].packed = true;
  check(packed_field, {{"linux/amd64", 16, 8, {0, 1, 5, 8}}});

  c_record packed_aligned = rec("pa", {fld("a", C), fld("b", I), fld("c", C)});
  packed_aligned.fields[1].packed = true;
  packed_aligned.fields[1].aligned = 2; // packed, then raised to 2
  check(packed_aligned, {{"linux/arm64", 8, 2, {0, 2, 6}}});

  c_record aligned_field = rec("af", {fld("a", C), fld("b", I), fld("c", C)});
  aligned_field.fields[1].aligned = 16;
  check(aligned_field, {{"linux/amd64", 32, 16, {0, 16, 20}}, {"windows/386", 32, 16, {0, 16, 20}}});

  c_record aligned_low = rec("al", {fld("a", C), fld("b", D), fld("c", C)});
  aligned_low.fields[1].aligned = 1; // never lowers
  check(aligned_low, {{"linux/amd64", 24, 8, {0, 8, 16}}});

  c_record aligned_record = rec("ar", {fld("a", C), fld("b", S)});
  aligned_record.aligned = 32;
  check(aligned_record, {{"darwin/arm64", 32, 32, {0, 2}}});

  c_record pack2 = rec("p2", {fld("a", C), fld("b", LL), fld("c", C), fld("d", I)});
  pack2.pack = 2;
  pack2.fields[3].aligned = 8; // #pragma pack caps aligned(8) on a member
  check(pack2, {{"linux/amd64", 16, 2, {0, 2, 10, 12}}});

  c_record pack2_aligned = rec("p2r", {fld("a", C), fld("b", I)});
  pack2_aligned.pack = 2;
  pack2_aligned.aligned = 16; // ... but not aligned() on the record
  check(pack2_aligned, {{"linux/amd64", 16, 16, {0, 2}}});
}

TEST_CASE("layout: bit-fields on System V, AAPCS and Microsoft rules", "[abi][layout]") {
  // { char a; int b:3; int c:5; char d; long e; }
  const c_record basic = rec("bits", {fld("a", C), bits("b", I, 3), bits("c", I, 5), fld("d", C), fld("e", L)});
  check(basic, {{"linux/amd64", 16, 8, {0, 1, 1, 2, 8}}, {"windows/amd64", 16, 4, {0, 4, 4, 8, 12}}});
  const record_layout pl = layout_record(packed_bits_record(), model("linux/amd64"));
  CHECK(pl.fields[2].offset_bits == 12); // packed: the next free bit, straddling bytes and units
  const record_layout bl = layout_record(basic, model("linux/amd64"));
  CHECK(bl.fields[1].offset_bits == 8);
  CHECK(bl.fields[2].offset_bits == 11);
  CHECK(bl.fields[2].size_bits == 5);

  // { int a:30; int b:4; char c; }: b does not straddle its int unit.
  check(rec("straddle", {bits("a", I, 30), bits("b", I, 4), fld("c", C)}), {{"linux/amd64", 8, 4, {0, 4, 5}}});

  // { short a:3; int b:5; short c:3; }: one unit on System V, three on Microsoft.
  const c_record mixed = rec("mixed", {bits("a", S, 3), bits("b", I, 5), bits("c", S, 3)});
  check(mixed, {{"linux/amd64", 4, 4, {}}, {"windows/amd64", 12, 4, {0, 4, 8}}, {"windows/386", 12, 4, {0, 4, 8}}});

  // { char a; int :0; char b; }: the zero-width bit-field aligns b to 4; it
  // raises the record's alignment on AAPCS only; Microsoft rules ignore it
  // after a non-bit-field.
  const c_record zero = rec("zero", {fld("a", C), bits("", I, 0), fld("b", C)});
  check(zero, {{"linux/amd64", 5, 1, {0, 4, 4}},
               {"darwin/arm64", 5, 1, {0, 4, 4}},
               {"linux/arm64", 8, 4, {0, 4, 4}},
               {"linux/arm", 8, 4, {0, 4, 4}},
               {"windows/amd64", 2, 1, {0, 1, 1}}});
  CHECK(unnamed_bitfields_align_record(model("linux/arm64")));
  CHECK_FALSE(unnamed_bitfields_align_record(model("darwin/arm64")));
  CHECK_FALSE(unnamed_bitfields_align_record(model("linux/amd64")));

  // { char a; int :4; }: an unnamed bit-field.
  const c_record unnamed = rec("unnamed", {fld("a", C), bits("", I, 4)});
  check(unnamed, {{"linux/amd64", 2, 1, {}}, {"linux/arm64", 4, 4, {}}, {"windows/arm64", 8, 4, {}}});

  // packed { char a; int b:4; int c:30; char d; }: bits run on; Microsoft
  // rules ignore packed for bit-fields.
  c_record packed = rec("pbits", {fld("a", C), bits("b", I, 4), bits("c", I, 30), fld("d", C)});
  packed.packed = true;
  check(packed, {{"linux/amd64", 7, 1, {0, 1, 1, 6}}, {"windows/amd64", 16, 4, {0, 4, 8, 12}}});

  // #pragma pack(1) { char a; int b:4; short c:3; char d; }
  c_record pack1 = rec("pack1bits", {fld("a", C), bits("b", I, 4), bits("c", S, 3), fld("d", C)});
  pack1.pack = 1;
  check(pack1, {{"linux/amd64", 3, 1, {0, 1, 1, 2}}, {"windows/amd64", 8, 1, {0, 1, 5, 7}}});

  // { char a; long long b:40; int c:20; char d; }: long long is 4-aligned on linux/386.
  const c_record wide = rec("ll", {fld("a", C), bits("b", LL, 40), bits("c", I, 20), fld("d", C)});
  check(wide, {{"linux/amd64", 16, 8, {}}, {"linux/386", 12, 4, {}}});

  // A union of bit-fields: Microsoft rules give it alignment 1.
  c_record ubits = rec("ubits", {bits("a", C, 3), bits("b", I, 9)});
  ubits.is_union = true;
  check(ubits, {{"linux/amd64", 4, 4, {0, 0}}, {"windows/amd64", 4, 1, {0, 0}}});
}

TEST_CASE("layout: unions, arrays, flexible arrays, enums, nested records", "[abi][layout]") {
  c_record u = rec("u", {fld("a", I), fld("b", D), fld("c", array_of(C, 3))});
  u.is_union = true;
  check(u, {{"linux/amd64", 8, 8, {0, 0, 0}}, {"linux/386", 8, 4, {0, 0, 0}}});

  check(rec("arr", {fld("c", array_of(C, 3)), fld("s", array_of(array_of(S, 3), 2)), fld("d", array_of(D, 2))}),
        {{"linux/amd64", 32, 8, {0, 4, 16}}});

  check(rec("flex", {fld("n", I), fld("c", C), fld("data", array_of(I, std::nullopt))}), {{"linux/amd64", 8, 4, {0, 4, 8}}});
  check(rec("flexd", {fld("c", C), fld("data", array_of(D, std::nullopt))}),
        {{"linux/amd64", 8, 8, {0, 8}}, {"linux/386", 4, 4, {0, 4}}});

  check(rec("enums", {fld("c", C), fld("a", enum_type(c_scalar::unsigned_int, false)),
                      fld("s", enum_type(c_scalar::unsigned_char, false)), fld("d", C)}),
        {{"linux/arm64", 12, 4, {0, 4, 8, 9}}});

  const c_record inner = rec("inner", {fld("c", C), fld("x", D)});
  check(rec("outer", {fld("c", C), fld("in", record_type(inner)), fld("t", C)}),
        {{"linux/amd64", 32, 8, {0, 8, 24}}, {"linux/386", 20, 4, {0, 4, 16}}});
}

TEST_CASE("go view: drop decisions follow gcc.go Struct", "[abi][cgo-view]") {
  const data_model &amd64 = model("linux/amd64");

  c_record packed = rec("packed", {fld("a", C), fld("b", I), fld("c", S), fld("d", L), fld("e", C)});
  packed.packed = true;
  const record_layout p = layout_record(packed, amd64);
  CHECK_FALSE(p.fields[0].dropped);
  CHECK(p.fields[1].dropped == drop_reason::misaligned);
  CHECK(p.fields[2].dropped == drop_reason::misaligned);
  CHECK(p.fields[3].dropped == drop_reason::misaligned);
  CHECK_FALSE(p.fields[4].dropped);
  CHECK(p.fields[4].go_type == "int8");

  const record_layout b = layout_record(rec("bits", {fld("a", C), bits("b", I, 3), fld("d", C)}), amd64);
  CHECK(b.fields[1].dropped == drop_reason::bitfield);
  CHECK(b.fields[1].is_bitfield);
  CHECK_FALSE(b.fields[2].dropped);

  // A flexible int array ends the struct exactly: dropped. A flexible char
  // array is followed by tail padding, so cgo keeps it as [0]int8.
  const record_layout f = layout_record(rec("flex", {fld("n", I), fld("c", C), fld("data", array_of(I, std::nullopt))}), amd64);
  CHECK(f.fields[2].dropped == drop_reason::flexible_array);
  const record_layout fc =
      layout_record(rec("flexc", {fld("n", I), fld("c", C), fld("data", array_of(C, std::nullopt))}), amd64);
  CHECK_FALSE(fc.fields[2].dropped);
  CHECK(fc.fields[2].go_type == "[0]int8");

  const record_layout z = layout_record(rec("zt", {fld("n", I), fld("z", array_of(I, 0))}), amd64);
  CHECK(z.fields[1].dropped == drop_reason::zero_size_trailing);
  const record_layout zm = layout_record(rec("zm", {fld("a", I), fld("z", array_of(I, 0)), fld("b", I)}), amd64);
  CHECK_FALSE(zm.fields[1].dropped);

  // A packed record at an odd offset keeps its int, so Go aligns it to 4.
  c_record inner = rec("inner", {fld("b", I), fld("a", C)});
  inner.packed = true;
  const record_layout o = layout_record(rec("outer", {fld("c", C), fld("p", record_type(inner)), fld("d", S)}), amd64);
  CHECK(o.fields[1].offset_bits == 8);
  CHECK(o.fields[1].dropped == drop_reason::misaligned);
  CHECK(o.fields[1].go_type == "_Ctype_struct_inner");
  CHECK_FALSE(o.fields[2].dropped);
  CHECK(layout_record(inner, amd64).go_align == 4);

  // A union member is [N]byte with Go alignment 1; the union's own members
  // are not Go fields.
  c_record u = rec("u", {fld("a", I), fld("b", D)});
  u.is_union = true;
  const record_layout hu = layout_record(rec("hu", {fld("c", C), fld("u", record_type(u))}), amd64);
  CHECK(hu.fields[1].go_type == "[8]byte");
  CHECK_FALSE(hu.fields[1].dropped);
  CHECK(layout_record(u, amd64).fields[0].dropped == drop_reason::union_member);

  // Anonymous members and Go keywords get cgo's names.
  c_record anon_union = rec("", {fld("i", I)});
  anon_union.is_union = true;
  const record_layout an = layout_record(rec("an", {fld("", record_type(anon_union)), fld("type", C)}), amd64);
  CHECK(an.fields[0].go_name == "anon0");
  CHECK(an.fields[1].go_name == "_type");

  // On linux/386 int64's Go alignment is 4: a 4-aligned long long is kept.
  const record_layout ll = layout_record(rec("ll", {fld("c", C), fld("x", LL)}), model("linux/386"));
  CHECK(ll.fields[1].offset_bits == 32);
  CHECK_FALSE(ll.fields[1].dropped);
  CHECK(ll.go_align == 4);
}

TEST_CASE("go view: long double and the cgo error", "[abi][cgo-view]") {
  const c_record r = rec("ld", {fld("c", C), fld("ld", LD)});
  const record_layout darwin = layout_record(r, model("darwin/arm64"));
  CHECK_FALSE(darwin.go_error);
  CHECK(darwin.fields[1].go_type == "float64");
  CHECK(layout_record(r, model("linux/amd64")).go_error == std::string("unexpected: 16-byte float type - long double"));
  CHECK(layout_record(r, model("linux/arm64")).go_error == std::string("unexpected: 16-byte float type - long double"));
  CHECK(layout_record(r, model("linux/386")).go_error == std::string("unexpected: 12-byte float type - long double"));
  // A pointer to long double is loaded too; a union member is not.
  CHECK(go_type_of(pointer_to(LD), model("linux/amd64")).error);
  c_record u = rec("u", {fld("ld", LD), fld("i", I)});
  u.is_union = true;
  CHECK_FALSE(layout_record(rec("hu", {fld("u", record_type(u))}), model("linux/amd64")).go_error);
  CHECK(go_type_of(scalar(c_scalar::long_double_complex), model("linux/amd64")).error ==
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
  const c_record st = rec("x", {fld("i", I)});
  c_type incomplete;
  incomplete.what = K::record;
  incomplete.name = "opaque";
  const std::vector<row> rows = {
      {"linux/amd64", C, "int8"},
      {"linux/arm64", C, "uint8"},
      {"darwin/arm64", C, "int8"},
      {"linux/amd64", scalar(c_scalar::signed_char), "int8"},
      {"linux/arm64", scalar(c_scalar::unsigned_char), "uint8"},
      {"linux/amd64", L, "int64"},
      {"windows/amd64", L, "int32"},
      {"linux/386", L, "int32"},
      {"linux/amd64", scalar(c_scalar::unsigned_long), "uint64"},
      {"linux/amd64", LL, "int64"},
      {"linux/amd64", scalar(c_scalar::float_), "float32"},
      {"darwin/arm64", LD, "float64"},
      {"linux/amd64", scalar(c_scalar::bool_), "bool"},
      {"linux/amd64", scalar(c_scalar::int128), "[16]uint8"},
      {"linux/amd64", scalar(c_scalar::double_complex), "complex128"},
      {"windows/amd64", scalar(c_scalar::wchar), "uint16"},
      {"linux/amd64", scalar(c_scalar::wchar), "int32"},
      {"linux/amd64", vp, "unsafe.Pointer"},
      {"linux/amd64", pointer_to(I), "*int32"},
      {"linux/amd64", pointer_to(record_type(st)), "*_Ctype_struct_x"},
      {"linux/amd64", pointer_to(incomplete), "*_Ctype_struct_opaque"},
      {"linux/amd64", fp, "*[0]byte"},
      {"linux/amd64", array_of(S, 4), "[4]int16"},
      {"linux/amd64", record_type(st), "_Ctype_struct_x"},
      {"linux/amd64", enum_type(c_scalar::unsigned_int, false), "uint32"},
      {"linux/amd64", enum_type(c_scalar::int_, true), "int32"},
      {"linux/amd64", enum_type(c_scalar::unsigned_char, false), "uint8"},
  };
  for (const row &r : rows) {
    INFO(r.target << " " << r.go);
    const go_type_result g = go_type_of(r.type, model(r.target));
    CHECK_FALSE(g.error);
    CHECK(g.go_type == r.go);
  }
  c_record u = rec("u", {fld("a", I), fld("b", array_of(C, 7))});
  u.is_union = true;
  const go_type_result gu = go_type_of(record_type(u), model("linux/amd64"));
  CHECK(gu.go_type == "[8]byte");
  CHECK(gu.align == 1);
  CHECK(go_type_of(scalar(c_scalar::int128), model("linux/amd64")).align == 8);
  CHECK(go_type_of(LL, model("linux/386")).align == 4);
}
