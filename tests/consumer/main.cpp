// Uses the installed headers: a nullness join and the check table.
#include <cgocheck/rules/checks.hpp>
#include <cgocheck/rules/nullness.hpp>
#include <cgocheck/version.hpp>
#include <cstdio>

int main() {
  using cgocheck::rules::nullness;
  const bool join_ok = join(nullness::null, nullness::non_null) == nullness::unknown;
  const bool table_ok = cgocheck::rules::find_check("cgo-nil-free").has_value();
  std::printf("cgocheck %d.%d: join %s, table %s\n", cgocheck::version.major,
              cgocheck::version.minor, join_ok ? "ok" : "wrong", table_ok ? "ok" : "wrong");
  return join_ok && table_ok ? 0 : 1;
}
