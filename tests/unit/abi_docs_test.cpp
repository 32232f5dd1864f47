// docs/library/abi.md tabulates the target data models in its section
// "Target data models"; this test reads that table and compares every cell
// with abi::data_models, row for row, so the page cannot drift from the
// library (whose values tests/abi/ checks against clang).
#include "cgocheck/abi/data_model.hpp"

#include "docs_table.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifndef CGOCHECK_DOCS_DIR
#error "CGOCHECK_DOCS_DIR must name the docs/ directory"
#endif

namespace {

namespace abi = cgocheck::abi;

std::string size_align_text(abi::size_align sa) { return std::to_string(sa.size) + "/" + std::to_string(sa.align); }

std::string signedness(bool is_signed) { return is_signed ? "signed" : "unsigned"; }

/// The table lines (header, separator, rows) of the section "## Target data
/// models", up to the next section or the end of the page.
std::vector<std::string> section_table(std::istream &page) {
  std::vector<std::string> out;
  std::string line;
  bool in_section = false;
  while (std::getline(page, line)) {
    if (line.rfind("## ", 0) == 0) {
      if (in_section) {
        break;
      }
      in_section = line == "## Target data models";
      continue;
    }
    if (in_section && line.rfind("<!-- other sections follow -->", 0) == 0) {
      break;
    }
    if (in_section && line.rfind("|", 0) == 0) {
      out.push_back(line);
    }
  }
  return out;
}

} // namespace

TEST_CASE("docs/library/abi.md: the target data-model table matches the library", "[abi][docs]") {
  std::ifstream page(std::string(CGOCHECK_DOCS_DIR) + "/library/abi.md");
  REQUIRE(page);
  const std::vector<std::string> lines = section_table(page);
  REQUIRE(lines.size() >= 2);

  const std::vector<std::string> header = docs_table::cells(lines[0]);
  const std::vector<std::string> expected_header = {
      "pair",       "triple",     "long",          "pointer",            "long double",
      "wchar_t",    "plain char", "biggest alignment", "variadic arguments", "bit-fields"};
  CHECK(header == expected_header);
  REQUIRE(lines[1].find("---") != std::string::npos);

  const std::size_t rows = lines.size() - 2;
  CHECK(rows == abi::data_models.size());
  for (std::size_t i = 0; i < rows && i < abi::data_models.size(); ++i) {
    const std::vector<std::string> c = docs_table::cells(lines[i + 2]);
    INFO(lines[i + 2]);
    REQUIRE(c.size() == expected_header.size());
    // Same order as the library, so a missing or extra row shows where.
    const abi::data_model &m = abi::data_models[i];
    const abi::data_model *named = abi::find_data_model(c[0]);
    REQUIRE(named != nullptr);
    CHECK(named == &m);
    CHECK(c[1] == m.triple);
    CHECK(c[2] == size_align_text(m.long_type));
    CHECK(c[3] == size_align_text(m.pointer));
    CHECK(c[4] == size_align_text(m.long_double_type) + " " + std::string(abi::long_double_format_name(m.long_double)));
    CHECK(c[5] == size_align_text(m.wchar_type) + " " + signedness(m.wchar_signed));
    CHECK(c[6] == signedness(m.char_signed));
    CHECK(c[7] == std::to_string(m.biggest_alignment));
    CHECK(c[8] == abi::variadic_convention_name(m.variadic));
    CHECK(c[9] == (m.ms_bitfields ? "Microsoft" : "Itanium"));
  }
}
