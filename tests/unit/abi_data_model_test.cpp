// abi/data_model.hpp: look-ups, names, and agreement with abi/target.hpp.
// The values themselves are checked against clang by tests/abi/.
#include "cgocheck/abi/data_model.hpp"
#include "cgocheck/abi/target.hpp"

#include <catch2/catch.hpp>

#include <iterator>
#include <set>
#include <string>
#include <string_view>

namespace abi = cgocheck::abi;

namespace {

std::string pair_of(const abi::data_model &m) { return std::string(m.goos) + "/" + std::string(m.goarch); }

// Usable in constant expressions.
static_assert(abi::find_data_model("linux", "amd64") != nullptr, "linux/amd64 is modelled");
static_assert(abi::find_data_model("linux/amd64") == abi::find_data_model("linux", "amd64"), "both overloads agree");
static_assert(abi::find_data_model("plan9/amd64") == nullptr, "plan9 is not modelled");

} // namespace

TEST_CASE("find_data_model: by GOOS and GOARCH", "[abi][data_model]") {
  const abi::data_model *m = abi::find_data_model("darwin", "arm64");
  REQUIRE(m != nullptr);
  CHECK(m->goos == "darwin");
  CHECK(m->goarch == "arm64");
  CHECK(m->is("darwin", "arm64"));
  CHECK_FALSE(m->is("ios", "arm64"));

  const abi::data_model *w = abi::find_data_model("windows", "amd64");
  REQUIRE(w != nullptr);
  CHECK(w->goos == "windows");
  CHECK(w->goarch == "amd64");
  CHECK(w != abi::find_data_model("linux", "amd64"));

  CHECK(abi::find_data_model("linux", "") == nullptr);
  CHECK(abi::find_data_model("", "amd64") == nullptr);
  CHECK(abi::find_data_model("linux", "amd") == nullptr);
  CHECK(abi::find_data_model("Linux", "amd64") == nullptr);
  CHECK(abi::find_data_model("js", "wasm") == nullptr);
  CHECK(abi::find_data_model("wasip1", "wasm") == nullptr);
  CHECK(abi::find_data_model("linux", "arm64 ") == nullptr);
}

TEST_CASE("find_data_model: by \"GOOS/GOARCH\"", "[abi][data_model]") {
  for (const abi::data_model &m : abi::data_models) {
    INFO(pair_of(m));
    CHECK(abi::find_data_model(pair_of(m)) == &m);
    CHECK(abi::find_data_model(m.goos, m.goarch) == &m);
  }
  CHECK(abi::find_data_model("") == nullptr);
  CHECK(abi::find_data_model("/") == nullptr);
  CHECK(abi::find_data_model("linux") == nullptr);
  CHECK(abi::find_data_model("linux/") == nullptr);
  CHECK(abi::find_data_model("/amd64") == nullptr);
  CHECK(abi::find_data_model("linux_amd64") == nullptr);
  CHECK(abi::find_data_model("linux/amd64/v3") == nullptr);
  CHECK(abi::find_data_model("windows/arm") == nullptr);
}

TEST_CASE("data_models: one row per pair, each with a target triple", "[abi][data_model]") {
  std::set<std::string> pairs;
  for (const abi::data_model &m : abi::data_models) {
    const std::string pair = pair_of(m);
    INFO(pair);
    CHECK(pairs.insert(pair).second);

    const abi::target_triple *t = nullptr;
    for (const abi::target_triple &candidate : abi::triples) {
      if (candidate.pair == pair) {
        t = &candidate;
      }
    }
    REQUIRE(t != nullptr);
    if (pair == "darwin/amd64") {
      // target.hpp appends the minimum macOS version per Go release.
      CHECK(m.triple.substr(0, t->triple.size()) == t->triple);
      CHECK(m.triple.size() > t->triple.size());
    } else {
      CHECK(m.triple == t->triple);
    }
  }
  // And the other way round: every target cgocheck parses for has a model.
  for (const abi::target_triple &t : abi::triples) {
    INFO(t.pair);
    CHECK(abi::find_data_model(t.pair) != nullptr);
  }
  CHECK(pairs.size() == std::size(abi::triples));
}

TEST_CASE("data_models: rows are internally consistent", "[abi][data_model]") {
  for (const abi::data_model &m : abi::data_models) {
    INFO(pair_of(m));
    CHECK(m.pointer.size == m.size_type.size);
    CHECK((m.long_type.size == 4 || m.long_type.size == 8));
    CHECK(m.long_double_type.size >= m.double_type.size);
    CHECK((m.long_double == abi::long_double_format::ieee_double) == (m.long_double_type.size == 8));
    CHECK((m.int128_type.size == 0) == (m.int128_type.align == 0));
    CHECK(m.ms_bitfields == (m.goos == "windows"));
    CHECK(m.long_type.size == (m.goos == "windows" ? 4 : m.pointer.size)); // LLP64 vs ILP32/LP64
  }
}

TEST_CASE("long_double_format_name", "[abi][data_model]") {
  CHECK(abi::long_double_format_name(abi::long_double_format::ieee_double) == "double");
  CHECK(abi::long_double_format_name(abi::long_double_format::x87_extended) == "x87 80-bit");
  CHECK(abi::long_double_format_name(abi::long_double_format::ieee_quad) == "binary128");
  CHECK(abi::long_double_format_name(abi::long_double_format::ibm_double_double) == "double-double");
  CHECK(abi::long_double_format_name(static_cast<abi::long_double_format>(200)) == "?");
}

TEST_CASE("variadic_convention_name", "[abi][data_model]") {
  using v = abi::variadic_convention;
  const v all[] = {v::same_as_fixed, v::stack_only, v::vector_count_al, v::floats_in_gprs,
                   v::floats_duplicated_in_gprs};
  std::set<std::string_view> names;
  for (v c : all) {
    const std::string_view name = abi::variadic_convention_name(c);
    CHECK_FALSE(name.empty());
    CHECK(name != "?");
    CHECK(name.find('|') == std::string_view::npos); // docs table cell
    names.insert(name);
  }
  CHECK(names.size() == std::size(all));
  CHECK(abi::variadic_convention_name(v::stack_only) == "all on the stack");
  CHECK(abi::variadic_convention_name(static_cast<v>(200)) == "?");

  // Which targets use which convention (the ABI documents cited in
  // data_model.hpp).
  CHECK(abi::find_data_model("darwin/arm64")->variadic == v::stack_only);
  CHECK(abi::find_data_model("ios/arm64")->variadic == v::stack_only);
  CHECK(abi::find_data_model("windows/arm64")->variadic == v::floats_in_gprs);
  CHECK(abi::find_data_model("windows/amd64")->variadic == v::floats_duplicated_in_gprs);
  CHECK(abi::find_data_model("linux/arm64")->variadic == v::same_as_fixed);
  for (const abi::data_model &m : abi::data_models) {
    INFO(pair_of(m));
    if (m.goarch == "amd64" && m.goos != "windows") {
      CHECK(m.variadic == v::vector_count_al);
    }
  }
}
