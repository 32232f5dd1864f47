// What differs between targets, for the ABI checks (abi/portability.hpp):
// the Targets option, the signedness of plain char, long double through cgo,
// variadic calling conventions and the summary of dropped fields. The
// expected texts are those the checks print (tests/checks/cgo-*.c).
#include "cgocheck/abi/portability.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

using namespace cgocheck::abi;

namespace {

using models_t = std::vector<const data_model *>;

const data_model *model(const char *pair) {
  const data_model *m = find_data_model(pair);
  REQUIRE(m != nullptr);
  return m;
}

models_t models(std::initializer_list<const char *> pairs) {
  models_t out;
  for (const char *p : pairs) {
    out.push_back(model(p));
  }
  return out;
}

std::vector<std::string> names(const models_t &ms) {
  std::vector<std::string> out;
  for (const data_model *m : ms) {
    out.push_back(pair_name(*m));
  }
  return out;
}

models_t defaults() {
  const target_list parsed = parse_targets(default_targets);
  REQUIRE(parsed.error.empty());
  return parsed.models;
}

const c_type U8 = scalar_type(c_scalar::unsigned_char);
const c_type U16 = scalar_type(c_scalar::unsigned_short);
const c_type U32 = scalar_type(c_scalar::unsigned_int);
const c_type U64 = scalar_type(c_scalar::unsigned_long_long);
const c_type I32 = scalar_type(c_scalar::int_type);
const c_type L = scalar_type(c_scalar::long_int);
const c_type D = scalar_type(c_scalar::double_type);

} // namespace

// --- Targets option ----------------------------------------------------------

TEST_CASE("parse_targets: the default list", "[abi][portability]") {
  const target_list t = parse_targets(default_targets);
  CHECK(t.error.empty());
  CHECK(names(t.models) == std::vector<std::string>{"darwin/arm64", "linux/arm64", "linux/amd64"});
}

TEST_CASE("parse_targets: commas, semicolons, spaces and tabs", "[abi][portability]") {
  const std::vector<std::string> expected{"darwin/arm64", "linux/amd64", "windows/arm64"};
  for (const char *text : {"darwin/arm64,linux/amd64,windows/arm64", "darwin/arm64;linux/amd64;windows/arm64",
                           "darwin/arm64, linux/amd64;windows/arm64", "  darwin/arm64 ;\tlinux/amd64\t, windows/arm64  ",
                           ",darwin/arm64,,linux/amd64;;windows/arm64,"}) {
    INFO(text);
    const target_list t = parse_targets(text);
    CHECK(t.error.empty());
    CHECK(names(t.models) == expected);
  }
}

TEST_CASE("parse_targets: keeps the order given and drops duplicates", "[abi][portability]") {
  const target_list t = parse_targets("linux/arm64, darwin/arm64, linux/arm64;darwin/arm64,linux/386");
  CHECK(t.error.empty());
  CHECK(names(t.models) == std::vector<std::string>{"linux/arm64", "darwin/arm64", "linux/386"});
  // The same pointers as the library's table.
  REQUIRE(t.models.size() == 3);
  CHECK(t.models[0] == find_data_model("linux", "arm64"));
}

TEST_CASE("parse_targets: an unknown pair is an error naming it", "[abi][portability]") {
  SECTION("unknown GOOS/GOARCH after good ones") {
    const target_list t = parse_targets("darwin/arm64, plan9/amd64, linux/arm64");
    CHECK(t.models.empty());
    CHECK(t.error == "unknown target 'plan9/amd64' (expected GOOS/GOARCH, e.g. darwin/arm64)");
  }
  SECTION("no slash") {
    const target_list t = parse_targets("darwin");
    CHECK(t.models.empty());
    CHECK(t.error == "unknown target 'darwin' (expected GOOS/GOARCH, e.g. darwin/arm64)");
  }
  SECTION("case matters, and surrounding spaces are not part of the name") {
    const target_list t = parse_targets(" Darwin/arm64 ");
    CHECK(t.models.empty());
    CHECK(t.error == "unknown target 'Darwin/arm64' (expected GOOS/GOARCH, e.g. darwin/arm64)");
  }
  SECTION("spaces inside a pair") {
    const target_list t = parse_targets("linux / arm64");
    CHECK(t.models.empty());
    CHECK(t.error == "unknown target 'linux / arm64' (expected GOOS/GOARCH, e.g. darwin/arm64)");
  }
}

TEST_CASE("parse_targets: an empty list is an error", "[abi][portability]") {
  for (const char *text : {"", " ", ",", " ; , \t", ";;"}) {
    INFO("'" << text << "'");
    const target_list t = parse_targets(text);
    CHECK(t.models.empty());
    CHECK(t.error == "no targets given");
  }
}

TEST_CASE("parse_targets: every modelled pair is accepted", "[abi][portability]") {
  for (const data_model &m : data_models) {
    const std::string name = pair_name(m);
    INFO(name);
    const target_list t = parse_targets(name);
    CHECK(t.error.empty());
    REQUIRE(t.models.size() == 1);
    CHECK(t.models[0] == &m);
  }
}

TEST_CASE("join_targets: a, a and b, a, b and c", "[abi][portability]") {
  CHECK(join_targets({}).empty());
  CHECK(join_targets(models({"darwin/arm64"})) == "darwin/arm64");
  CHECK(join_targets(models({"darwin/arm64", "linux/amd64"})) == "darwin/arm64 and linux/amd64");
  CHECK(join_targets(defaults()) == "darwin/arm64, linux/arm64 and linux/amd64");
  CHECK(join_targets(models({"linux/386", "windows/amd64", "freebsd/arm64", "ios/arm64"})) ==
        "linux/386, windows/amd64, freebsd/arm64 and ios/arm64");
  CHECK(pair_name(*model("linux/ppc64le")) == "linux/ppc64le");
}

// --- Plain char ---------------------------------------------------------------

TEST_CASE("split_by_char_signedness: the default targets differ", "[abi][portability]") {
  const char_split s = split_by_char_signedness(defaults());
  CHECK(s.differs());
  CHECK(names(s.signed_targets) == std::vector<std::string>{"darwin/arm64", "linux/amd64"});
  CHECK(names(s.unsigned_targets) == std::vector<std::string>{"linux/arm64"});
  // As the check's messages print them.
  CHECK(join_targets(s.signed_targets) == "darwin/arm64 and linux/amd64");
  CHECK(join_targets(s.unsigned_targets) == "linux/arm64");
}

TEST_CASE("split_by_char_signedness: agreeing targets do not differ", "[abi][portability]") {
  SECTION("all signed (tests/checks/cgo-char-signedness-options.c)") {
    const target_list t = parse_targets("darwin/arm64, linux/amd64;windows/arm64");
    REQUIRE(t.error.empty());
    const char_split s = split_by_char_signedness(t.models);
    CHECK_FALSE(s.differs());
    CHECK(s.signed_targets.size() == 3);
    CHECK(s.unsigned_targets.empty());
  }
  SECTION("all unsigned") {
    const char_split s = split_by_char_signedness(models({"linux/arm64", "linux/ppc64le", "linux/arm"}));
    CHECK_FALSE(s.differs());
    CHECK(s.signed_targets.empty());
    CHECK(names(s.unsigned_targets) == std::vector<std::string>{"linux/arm64", "linux/ppc64le", "linux/arm"});
  }
  SECTION("one target, or none") {
    CHECK_FALSE(split_by_char_signedness(models({"linux/arm64"})).differs());
    CHECK_FALSE(split_by_char_signedness({}).differs());
  }
  SECTION("Apple and windows arm64 keep char signed, other arm64 do not") {
    const char_split s =
        split_by_char_signedness(models({"ios/arm64", "windows/arm64", "android/arm64", "freebsd/arm64"}));
    CHECK(s.differs());
    CHECK(names(s.signed_targets) == std::vector<std::string>{"ios/arm64", "windows/arm64"});
    CHECK(names(s.unsigned_targets) == std::vector<std::string>{"android/arm64", "freebsd/arm64"});
  }
}

TEST_CASE("char_comparison_depends_on_signedness: c OP value", "[abi][portability]") {
  using op = comparison;
  struct row {
    comparison o;
    long long value;
    bool depends;
  };
  const row rows[] = {
      // Outside 0..127: true on one kind of target only, whatever the operator.
      {op::eq, 255, true},
      {op::ne, 255, true},
      {op::eq, 128, true},
      {op::eq, -1, true},
      {op::ne, -1, true},
      {op::eq, -128, true},
      {op::lt, 128, true},
      {op::ge, 128, true},
      {op::gt, -1, true},
      {op::le, 200, true},
      {op::eq, 100000, true},
      // Sign tests.
      {op::lt, 0, true},
      {op::ge, 0, true},
      // 0..127 otherwise: left alone.
      {op::eq, 0, false},
      {op::ne, 0, false},
      {op::le, 0, false},
      {op::gt, 0, false},
      {op::eq, 127, false},
      {op::ne, 127, false},
      {op::lt, 32, false},
      {op::ge, 32, false},
      {op::gt, 127, false},
      {op::le, 127, false},
      {op::eq, 1, false},
      {op::lt, 1, false},
  };
  for (const row &r : rows) {
    INFO("op " << static_cast<int>(r.o) << " value " << r.value);
    CHECK(char_comparison_depends_on_signedness(r.o, r.value) == r.depends);
  }
  // Usable in constant expressions.
  static_assert(char_comparison_depends_on_signedness(op::eq, 0xff));
  static_assert(!char_comparison_depends_on_signedness(op::eq, 'a'));
}

TEST_CASE("mirrored: k OP c as c OP' k", "[abi][portability]") {
  using op = comparison;
  CHECK(mirrored(op::lt) == op::gt);
  CHECK(mirrored(op::gt) == op::lt);
  CHECK(mirrored(op::le) == op::ge);
  CHECK(mirrored(op::ge) == op::le);
  CHECK(mirrored(op::eq) == op::eq);
  CHECK(mirrored(op::ne) == op::ne);
  for (op o : {op::eq, op::ne, op::lt, op::le, op::gt, op::ge}) {
    CHECK(mirrored(mirrored(o)) == o);
  }
  // `0 <= c` is the sign test `c >= 0`; `0 > c` is `c < 0`; `0 < c` is `c > 0`.
  CHECK(char_comparison_depends_on_signedness(mirrored(op::le), 0));
  CHECK(char_comparison_depends_on_signedness(mirrored(op::gt), 0));
  CHECK_FALSE(char_comparison_depends_on_signedness(mirrored(op::lt), 0));
  CHECK_FALSE(char_comparison_depends_on_signedness(mirrored(op::ge), 0));
  CHECK(char_comparison_depends_on_signedness(mirrored(op::eq), 0xff));
}

// --- long double ------------------------------------------------------------

TEST_CASE("long_double_in_cgo: per target", "[abi][portability]") {
  SECTION("8 bytes: float64") {
    for (const char *pair : {"darwin/arm64", "ios/arm64", "windows/arm64", "linux/arm", "linux/mipsle"}) {
      INFO(pair);
      const long_double_verdict v = long_double_in_cgo(*model(pair));
      CHECK_FALSE(v.fatal);
      CHECK(v.go_type == "float64");
      CHECK(v.error.empty());
    }
  }
  SECTION("16 bytes: cgo's fatal error") {
    for (const char *pair : {"linux/amd64", "linux/arm64", "darwin/amd64", "linux/ppc64le", "linux/s390x",
                             "windows/amd64", "android/amd64"}) {
      INFO(pair);
      const long_double_verdict v = long_double_in_cgo(*model(pair));
      CHECK(v.fatal);
      CHECK(v.go_type.empty());
      CHECK(v.error == "unexpected: 16-byte float type - long double");
    }
  }
  SECTION("12 bytes on 386") {
    for (const char *pair : {"linux/386", "windows/386", "freebsd/386"}) {
      INFO(pair);
      const long_double_verdict v = long_double_in_cgo(*model(pair));
      CHECK(v.fatal);
      CHECK(v.error == "unexpected: 12-byte float type - long double");
    }
  }
  SECTION("4 bytes would be float32 (no modelled target has one)") {
    data_model m = *model("darwin/arm64");
    m.long_double_type = {4, 4};
    const long_double_verdict v = long_double_in_cgo(m);
    CHECK_FALSE(v.fatal);
    CHECK(v.go_type == "float32");
  }
}

TEST_CASE("long_double_in_cgo agrees with the layout engine's Go view", "[abi][portability]") {
  const c_type ld = scalar_type(c_scalar::long_double);
  for (const data_model &m : data_models) {
    INFO(pair_name(m));
    const long_double_verdict v = long_double_in_cgo(m);
    const go_type_result g = go_type_of(ld, m);
    CHECK(v.fatal == g.error.has_value());
    if (g.error) {
      CHECK(v.error == *g.error);
    } else {
      CHECK(v.go_type == g.go_type);
    }
  }
}

TEST_CASE("split_by_long_double", "[abi][portability]") {
  SECTION("default targets: rejected on linux, float64 on darwin/arm64") {
    const long_double_split s = split_by_long_double(defaults());
    CHECK(s.any_fatal());
    CHECK(names(s.fatal) == std::vector<std::string>{"linux/arm64", "linux/amd64"});
    CHECK(names(s.mapped) == std::vector<std::string>{"darwin/arm64"});
    CHECK(join_targets(s.fatal) == "linux/arm64 and linux/amd64");
  }
  SECTION("only 8-byte long doubles: nothing fatal") {
    const long_double_split s = split_by_long_double(models({"darwin/arm64", "windows/arm64", "linux/arm"}));
    CHECK_FALSE(s.any_fatal());
    CHECK(s.mapped.size() == 3);
  }
  SECTION("only fatal ones (tests/checks/cgo-long-double-options.c)") {
    const long_double_split s = split_by_long_double(models({"linux/amd64"}));
    CHECK(s.any_fatal());
    CHECK(s.mapped.empty());
  }
  SECTION("empty") {
    const long_double_split s = split_by_long_double({});
    CHECK_FALSE(s.any_fatal());
    CHECK(s.mapped.empty());
  }
}

// --- Variadic calls -----------------------------------------------------------

TEST_CASE("variadic_mismatch_breaks: convention x mismatch x floating arguments", "[abi][portability]") {
  using vm = variadic_mismatch;
  const std::optional<bool> yes = true;
  const std::optional<bool> no = false;
  const std::optional<bool> unknown = std::nullopt;
  struct row {
    const char *pair;
    variadic_mismatch kind;
    bool with_floats;
    bool without_floats;
    bool not_known;
  };
  const row rows[] = {
      // stack_only: variadic arguments always on the stack.
      {"darwin/arm64", vm::variadic_called_as_fixed, true, true, true},
      {"darwin/arm64", vm::fixed_called_as_variadic, true, true, true},
      {"darwin/arm64", vm::unprototyped_call, true, true, true},
      {"ios/arm64", vm::variadic_called_as_fixed, true, true, true},
      // vector_count_al: only a variadic callee reached without %al set, and
      // only when vector registers carry arguments.
      {"linux/amd64", vm::variadic_called_as_fixed, true, false, false},
      {"linux/amd64", vm::fixed_called_as_variadic, false, false, false},
      {"linux/amd64", vm::unprototyped_call, false, false, false},
      {"darwin/amd64", vm::variadic_called_as_fixed, true, false, false},
      // same_as_fixed: never.
      {"linux/arm64", vm::variadic_called_as_fixed, false, false, false},
      {"linux/arm64", vm::fixed_called_as_variadic, false, false, false},
      {"linux/arm64", vm::unprototyped_call, false, false, false},
      {"linux/386", vm::variadic_called_as_fixed, false, false, false},
      // floats_in_gprs: with floating arguments, either way.
      {"windows/arm64", vm::variadic_called_as_fixed, true, false, false},
      {"windows/arm64", vm::fixed_called_as_variadic, true, false, false},
      {"windows/arm64", vm::unprototyped_call, true, false, false},
      // floats_duplicated_in_gprs: a variadic callee reads floating
      // arguments from general registers a fixed caller left unset; a
      // caller through a variadic or unprototyped declaration puts them in
      // both registers ("x64 calling convention": varargs, unprototyped
      // functions), so a fixed callee finds them.
      {"windows/amd64", vm::variadic_called_as_fixed, true, false, false},
      {"windows/amd64", vm::fixed_called_as_variadic, false, false, false},
      {"windows/amd64", vm::unprototyped_call, false, false, false},
  };
  for (const row &r : rows) {
    INFO(r.pair << " kind " << static_cast<int>(r.kind));
    const data_model &m = *model(r.pair);
    CHECK(variadic_mismatch_breaks(m, r.kind, yes) == r.with_floats);
    CHECK(variadic_mismatch_breaks(m, r.kind, no) == r.without_floats);
    CHECK(variadic_mismatch_breaks(m, r.kind, unknown) == r.not_known);
  }
  // Every convention is covered above.
  for (variadic_convention c : {variadic_convention::same_as_fixed, variadic_convention::stack_only,
                                variadic_convention::vector_count_al, variadic_convention::floats_in_gprs,
                                variadic_convention::floats_duplicated_in_gprs}) {
    bool covered = false;
    for (const row &r : rows) {
      covered = covered || model(r.pair)->variadic == c;
    }
    INFO(variadic_convention_name(c));
    CHECK(covered);
  }
}

TEST_CASE("variadic_breaking_targets: what the check names", "[abi][portability]") {
  // A cast with no call in sight (floating unknown): darwin/arm64 only, as in
  // tests/checks/cgo-variadic.c.
  CHECK(names(variadic_breaking_targets(defaults(), variadic_mismatch::variadic_called_as_fixed, std::nullopt)) ==
        std::vector<std::string>{"darwin/arm64"});
  CHECK(names(variadic_breaking_targets(defaults(), variadic_mismatch::unprototyped_call, true)) ==
        std::vector<std::string>{"darwin/arm64"});
  // Floating arguments through a fixed-arity type also break linux/amd64.
  CHECK(names(variadic_breaking_targets(defaults(), variadic_mismatch::variadic_called_as_fixed, true)) ==
        std::vector<std::string>{"darwin/arm64", "linux/amd64"});
  CHECK(variadic_breaking_targets(models({"linux/arm64", "linux/amd64"}), variadic_mismatch::fixed_called_as_variadic,
                                  true)
            .empty());
}

TEST_CASE("variadic_reason: one phrase per convention", "[abi][portability]") {
  std::vector<std::string_view> seen;
  for (const data_model &m : data_models) {
    INFO(pair_name(m));
    const std::string_view reason = variadic_reason(m);
    CHECK_FALSE(reason.empty());
    bool same_convention_seen = false;
    for (const data_model &other : data_models) {
      if (&other == &m) {
        break;
      }
      if (other.variadic == m.variadic) {
        same_convention_seen = true;
        CHECK(variadic_reason(other) == reason);
      }
    }
    if (!same_convention_seen) {
      // A new convention has a phrase of its own.
      for (std::string_view s : seen) {
        CHECK(s != reason);
      }
      seen.push_back(reason);
    }
  }
  CHECK(seen.size() == 5);
  CHECK(variadic_reason(*model("darwin/arm64")) == "variadic arguments go on the stack, fixed ones in registers");
  CHECK(variadic_reason(*model("linux/amd64")) ==
        "a variadic callee needs %al set to the number of vector registers used");
}

// --- Dropped fields -----------------------------------------------------------

TEST_CASE("drop_reason_phrase: every reason", "[abi][portability]") {
  CHECK(drop_reason_phrase(drop_reason::bitfield) == "a bit-field");
  CHECK(drop_reason_phrase(drop_reason::misaligned) == "misaligned for its Go type");
  CHECK(drop_reason_phrase(drop_reason::packed_overlap) == "packed over the previous field");
  CHECK(drop_reason_phrase(drop_reason::flexible_array) == "a flexible array member");
  CHECK(drop_reason_phrase(drop_reason::zero_size_trailing) == "a zero-size last field");
  CHECK(drop_reason_phrase(drop_reason::union_member) == "a member of a union, which Go sees as bytes");
}

TEST_CASE("dropped_field_summary: bit-fields, packed and flexible arrays", "[abi][portability]") {
  const models_t targets = defaults();

  SECTION("bit-fields (struct header of tests/checks/cgo-dropped-field.c)") {
    const c_record header = struct_record("header", {bit_field("version", U8, 4), bit_field("ihl", U8, 4), field("length", U16)});
    CHECK(dropped_field_summary(header, "version", targets) ==
          "a bit-field on darwin/arm64, linux/arm64 and linux/amd64");
    CHECK(dropped_field_summary(header, "ihl", targets) == "a bit-field on darwin/arm64, linux/arm64 and linux/amd64");
    CHECK(dropped_field_summary(header, "length", targets).empty());
    CHECK(dropped_field_summary(header, "missing", targets).empty());
    CHECK(dropped_field_summary(header, "version", models({"linux/386"})) == "a bit-field on linux/386");
  }

  SECTION("packed: misaligned fields") {
    c_record wire = struct_record("wire", {field("tag", U8), field("value", U32), field("stamp", U64)});
    wire.packed = true;
    CHECK(dropped_field_summary(wire, "tag", targets).empty());
    CHECK(dropped_field_summary(wire, "value", targets) ==
          "misaligned for its Go type on darwin/arm64, linux/arm64 and linux/amd64");
    CHECK(dropped_field_summary(wire, "stamp", targets) ==
          "misaligned for its Go type on darwin/arm64, linux/arm64 and linux/amd64");
    // Packed but naturally aligned: kept.
    c_record aligned = struct_record("aligned_anyway", {field("a", U32), field("b", U32)});
    aligned.packed = true;
    CHECK(dropped_field_summary(aligned, "b", targets).empty());
  }

  SECTION("flexible array member") {
    const c_record buffer = struct_record("buffer", {field("len", U32), field("data", array_of(U8, std::nullopt))});
    CHECK(dropped_field_summary(buffer, "data", targets) ==
          "a flexible array member on darwin/arm64, linux/arm64 and linux/amd64");
    CHECK(dropped_field_summary(buffer, "len", targets).empty());
  }

  SECTION("only some targets drop it") {
    // #pragma pack(4): a double at offset 4 is misaligned for Go's float64
    // on 64-bit targets, but Go aligns float64 to 4 on linux/386.
    c_record r = struct_record("sample", {field("n", I32), field("value", D)});
    r.pack = 4;
    CHECK(dropped_field_summary(r, "value", models({"darwin/arm64", "linux/386", "linux/amd64"})) ==
          "misaligned for its Go type on darwin/arm64 and linux/amd64");
    CHECK(dropped_field_summary(r, "value", models({"linux/386"})).empty());
  }

  SECTION("different reasons on different targets") {
    // #pragma pack(4) and a trailing long[]: misaligned where long is 8
    // bytes, a flexible array member (kept at a Go-aligned offset, then
    // dropped as a zero-size last field) where it is 4.
    c_record r = struct_record("runs", {field("n", I32), field("run", array_of(L, std::nullopt))});
    r.pack = 4;
    CHECK(dropped_field_summary(r, "run", models({"darwin/arm64", "linux/386", "linux/amd64", "linux/arm"})) ==
          "misaligned for its Go type on darwin/arm64 and linux/amd64; a flexible array member on linux/386 and "
          "linux/arm");
    c_record z = struct_record("pad", {field("n", I32), field("tail", array_of(L, 0))});
    z.pack = 4;
    CHECK(dropped_field_summary(z, "tail", models({"linux/386", "linux/arm64"})) ==
          "a zero-size last field on linux/386; misaligned for its Go type on linux/arm64");
  }

  SECTION("union members") {
    c_record u = struct_record("value", {field("i", scalar_type(c_scalar::long_long)), field("d", D)});
    u.is_union = true;
    CHECK(dropped_field_summary(u, "d", targets) ==
          "a member of a union, which Go sees as bytes on darwin/arm64, linux/arm64 and linux/amd64");
  }

  SECTION("no targets, nothing to say") {
    const c_record header = struct_record("header", {bit_field("version", U8, 4)});
    CHECK(dropped_field_summary(header, "version", {}).empty());
  }
}
