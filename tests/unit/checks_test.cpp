// The table of checks: names, uniqueness, message style.
#include "cgocheck/rules/checks.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <string_view>

namespace rules = cgocheck::rules;

TEST_CASE("every check is named cgo-* and named once", "[checks]") {
  std::set<std::string_view> seen;
  for (const auto &check : rules::all_checks) {
    CHECK(check.name.substr(0, 4) == "cgo-");
    CHECK(seen.insert(check.name).second);
    CHECK_FALSE(check.summary.empty());
    CHECK_FALSE(check.basis.empty());
  }
}

TEST_CASE("find_check looks checks up by name", "[checks]") {
  REQUIRE(rules::find_check("cgo-nil-free").has_value());
  CHECK(rules::find_check("cgo-nil-free")->name == rules::nil_free.name);
  CHECK_FALSE(rules::find_check("cgo-no-such-check").has_value());
}

TEST_CASE("messages are lower case and end without a period", "[checks]") {
  for (std::string_view m :
       {rules::messages::nil_free_constant, rules::messages::nil_free_expression,
        rules::messages::nil_free_variable, rules::messages::nil_free_note_assigned,
        rules::messages::nil_free_note_tested, rules::messages::pointer_retained,
        rules::messages::pointer_retained_noescape, rules::messages::go_pointer_in_go_memory,
        rules::messages::free_go_memory, rules::messages::double_free_in_c, rules::messages::double_free_by_go,
        rules::messages::first_freed_here, rules::messages::stack_address_escape, rules::messages::passed_on_here, rules::messages::assumed_go_memory}) {
    INFO(std::string(m));
    REQUIRE_FALSE(m.empty());
    CHECK(m.back() != '.');
    CHECK_FALSE((m.front() >= 'A' && m.front() <= 'Z'));
  }
}

TEST_CASE("cgo-nil-free words each argument form with its own message", "[checks]") {
  using rules::null_argument;
  CHECK(rules::nil_free_message(null_argument::constant) == rules::messages::nil_free_constant);
  CHECK(rules::nil_free_message(null_argument::variable) == rules::messages::nil_free_variable);
  CHECK(rules::nil_free_message(null_argument::expression) ==
        rules::messages::nil_free_expression);
  CHECK(rules::nil_free_note(true) == rules::messages::nil_free_note_tested);
  CHECK(rules::nil_free_note(false) == rules::messages::nil_free_note_assigned);
}

TEST_CASE("cgo-nil-free messages name the deallocator as %0", "[checks]") {
  using rules::null_argument;
  for (null_argument form :
       {null_argument::constant, null_argument::variable, null_argument::expression}) {
    CHECK(rules::nil_free_message(form).find("%0") != std::string_view::npos);
  }
  CHECK(rules::nil_free_message(null_argument::variable).find("%1") != std::string_view::npos);
}

TEST_CASE("pointer-rule messages name the fix after a semicolon and fill their placeholders", "[checks]") {
  struct expected {
    std::string_view message;
    int placeholders;
  };
  for (const expected &e : {expected{rules::messages::pointer_retained, 3},
                            expected{rules::messages::pointer_retained_noescape, 3},
                            expected{rules::messages::go_pointer_in_go_memory, 2},
                            expected{rules::messages::free_go_memory, 2}, expected{rules::messages::double_free_in_c, 2},
                            expected{rules::messages::double_free_by_go, 2},
                            expected{rules::messages::stack_address_escape, 3}}) {
    INFO(std::string(e.message));
    CHECK(e.message.find("; ") != std::string_view::npos);
    for (int i = 0; i < 4; ++i) {
      const std::string placeholder = "%" + std::to_string(i);
      CHECK((e.message.find(placeholder) != std::string_view::npos) == (i < e.placeholders));
    }
  }
  CHECK(rules::messages::pointer_retained.find("runtime.Pinner") != std::string_view::npos);
  CHECK(rules::messages::pointer_retained.find("runtime/cgo.Handle") != std::string_view::npos);
}
