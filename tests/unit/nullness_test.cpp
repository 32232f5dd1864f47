// The nullness lattice and state of cgocheck::rules, on their own.
#include "cgocheck/rules/nullness.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <string>

using cgocheck::rules::assume;
using cgocheck::rules::dealloc_verdict;
using cgocheck::rules::judge_deallocation;
using cgocheck::rules::nullness;
using state = cgocheck::rules::nullness_state<std::string, int>;

namespace {
constexpr std::array all{nullness::unreached, nullness::null, nullness::non_null,
                         nullness::unknown};
}

TEST_CASE("join is the least upper bound of the four-point lattice", "[nullness]") {
  CHECK(join(nullness::null, nullness::non_null) == nullness::unknown);
  CHECK(join(nullness::null, nullness::null) == nullness::null);
  CHECK(join(nullness::unreached, nullness::non_null) == nullness::non_null);
  CHECK(join(nullness::unknown, nullness::unreached) == nullness::unknown);
  for (nullness a : all) {
    for (nullness b : all) {
      const nullness j = join(a, b);
      CHECK(j == join(b, a));
      CHECK(leq(a, j));
      CHECK(leq(b, j));
      // Least: every other upper bound is above the join.
      for (nullness c : all) {
        if (leq(a, c) && leq(b, c)) {
          CHECK(leq(j, c));
        }
      }
    }
  }
}

TEST_CASE("meet is the greatest lower bound", "[nullness]") {
  CHECK(meet(nullness::null, nullness::non_null) == nullness::unreached);
  CHECK(meet(nullness::unknown, nullness::null) == nullness::null);
  for (nullness a : all) {
    for (nullness b : all) {
      CHECK(leq(meet(a, b), a));
      CHECK(leq(meet(a, b), b));
    }
  }
}

TEST_CASE("a branch refines, and a contradicting branch is infeasible", "[nullness]") {
  CHECK(assume(nullness::unknown, true) == nullness::null);
  CHECK(assume(nullness::unknown, false) == nullness::non_null);
  CHECK(assume(nullness::null, true) == nullness::null);
  CHECK(assume(nullness::null, false) == nullness::unreached);
  CHECK(assume(nullness::non_null, true) == nullness::unreached);
}

TEST_CASE("only a pointer null on every path makes a deallocation a no-op", "[nullness]") {
  CHECK(judge_deallocation(nullness::null) == dealloc_verdict::frees_nothing);
  CHECK(judge_deallocation(nullness::unknown) == dealloc_verdict::frees_something_maybe);
  CHECK(judge_deallocation(nullness::non_null) == dealloc_verdict::frees_something_maybe);
  CHECK(judge_deallocation(nullness::unreached) == dealloc_verdict::unreachable);
}

TEST_CASE("state: untracked variables are unknown, bottom is unreached", "[nullness]") {
  const state entry = state::entry();
  CHECK(entry.reached());
  CHECK(entry.get("p") == nullness::unknown);
  CHECK_FALSE(entry.origin("p").has_value());
  const state bottom = state::unreachable();
  CHECK_FALSE(bottom.reached());
  CHECK(bottom.get("p") == nullness::unreached);
}

TEST_CASE("state: assignment records the value and where it was set", "[nullness]") {
  state s = state::entry();
  s.assign("p", nullness::null, 7);
  CHECK(s.get("p") == nullness::null);
  REQUIRE(s.origin("p").has_value());
  CHECK(*s.origin("p") == 7);
  s.assign("p", nullness::unknown, 8);
  CHECK(s.get("p") == nullness::unknown);
  CHECK(s.known_count() == 0);
  s.assign("q", nullness::non_null, 9);
  s.forget("q");
  CHECK(s.get("q") == nullness::unknown);
}

TEST_CASE("state: assignments to an unreached state are ignored", "[nullness]") {
  state s = state::unreachable();
  s.assign("p", nullness::null, 1);
  CHECK_FALSE(s.reached());
  CHECK(s.get("p") == nullness::unreached);
}

TEST_CASE("state: p = NULL; if (c) p = malloc(1); joins to unknown", "[nullness]") {
  state before = state::entry();
  before.assign("p", nullness::null, 1);
  state then_branch = before;
  then_branch.assign("p", nullness::unknown, 2);
  state merged = before;
  merged.join_with(then_branch);
  CHECK(merged.get("p") == nullness::unknown);
}

TEST_CASE("state: null on both incoming paths stays null, keeping one origin", "[nullness]") {
  state a = state::entry();
  a.assign("p", nullness::null, 1);
  state b = state::entry();
  b.assign("p", nullness::null, 2);
  a.join_with(b);
  CHECK(a.get("p") == nullness::null);
  CHECK(*a.origin("p") == 1);
}

TEST_CASE("state: joining with bottom changes nothing, from bottom copies", "[nullness]") {
  state a = state::entry();
  a.assign("p", nullness::non_null, 1);
  const state copy = a;
  a.join_with(state::unreachable());
  CHECK(a == copy);
  state bottom = state::unreachable();
  bottom.join_with(copy);
  CHECK(bottom == copy);
}

TEST_CASE("state: the inverted test if (p == NULL) refines an unknown pointer", "[nullness]") {
  state s = state::entry();
  state taken = s;
  CHECK(taken.assume_null("p", true, 5));
  CHECK(taken.get("p") == nullness::null);
  CHECK(*taken.origin("p") == 5);
  state not_taken = s;
  CHECK(not_taken.assume_null("p", false, 5));
  CHECK(not_taken.get("p") == nullness::non_null);
}

TEST_CASE("state: a test contradicting what is known makes the edge infeasible", "[nullness]") {
  state s = state::entry();
  s.assign("p", nullness::non_null, 1);
  CHECK_FALSE(s.assume_null("p", true, 2));
  CHECK_FALSE(s.reached());
}

TEST_CASE("state: equality ignores origins so fixpoints terminate", "[nullness]") {
  state a = state::entry();
  a.assign("p", nullness::null, 1);
  state b = state::entry();
  b.assign("p", nullness::null, 2);
  CHECK(a == b);
  b.assign("q", nullness::non_null, 3);
  CHECK(a != b);
  CHECK(state::entry() != state::unreachable());
}
