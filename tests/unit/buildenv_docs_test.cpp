// docs/library/buildenv.md tabulates the per-version rules; this test reads
// that table and compares every cell with buildenv::rules_for, so the page
// cannot drift from the model.
#include "cgocheck/buildenv/version_rules.hpp"

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

std::string yes_no(bool b) { return b ? "yes" : "no"; }

} // namespace

TEST_CASE("docs/library/buildenv.md: the per-version table matches the model", "[buildenv][docs]") {
  std::ifstream page(std::string(CGOCHECK_DOCS_DIR) + "/library/buildenv.md");
  REQUIRE(page);
  std::string line;
  int rows = 0;
  while (std::getline(page, line)) {
    if (line.rfind("| 1.", 0) != 0) {
      continue;
    }
    const std::vector<std::string> c = docs_table::cells(line);
    REQUIRE(c.size() == 10);
    const auto v = cgocheck::buildenv::parse_go_version(c[0]);
    REQUIRE(v.has_value());
    const cgocheck::buildenv::version_rules r = cgocheck::buildenv::rules_for(*v);
    INFO("Go " << c[0]);
    CHECK(c[1] == yes_no(r.reads_goroot_go_env));
    CHECK(c[2] == yes_no(r.probes_c_compiler));
    CHECK(c[3] == (r.toolchain_default_cross ? "on" : "off"));
    CHECK(c[4] == r.default_cflags);
    CHECK(c[5] == r.darwin_cc_from_linux);
    CHECK(c[6] == yes_no(r.goflags_quoting));
    CHECK(c[7] == (r.relative_xdg_ok ? "used" : "no file"));
    CHECK(c[8] == r.godebug_write);
    CHECK(c[9] == (r.goroot_writable ? "accepted" : "refused"));
    ++rows;
  }
  CHECK(rows == 9); // 1.19 ... 1.27
}
