// The pointer-rule model (rules/pointers.hpp): memory kinds, assumption
// modes, values, events, the state's transfer functions and join, the
// translation of a callee's events, and the judgement table.
#include "cgocheck/rules/pointers.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace rules = cgocheck::rules;
namespace cgo = cgocheck::cgo;

namespace {

using Site = int;
using Value = rules::pointer_value<Site>;
using Event = rules::pointer_event<Site>;
using State = rules::pointer_state<int, int, int, Site>;
using Params = std::vector<rules::param_memory<int>>;

rules::param_memory<int> memory(rules::memory_kinds kinds, bool from_facts = true, bool freed_by_go = false) {
  rules::param_memory<int> p;
  p.kinds = kinds;
  p.from_facts = from_facts;
  p.freed_by_go = freed_by_go;
  return p;
}
const rules::memory_kinds go{true, false, false};
const rules::memory_kinds pinned{false, true, false};
const rules::memory_kinds c{false, false, true};
const rules::memory_kinds unknown{true, false, true};
const rules::memory_kinds none{};

Value from_params(rules::param_set set) {
  Value v;
  v.params = set;
  return v;
}

Event event(rules::event_kind kind, rules::param_set value, rules::param_set target, rules::sink where, Site at = 1) {
  return Event{kind, value, target, where, at, "x", {}};
}

std::optional<rules::pointer_rule> rule_of(const Event &e, const Params &params, bool boundary = true) {
  const auto v = rules::judge(e, params, boundary);
  return v ? std::optional<rules::pointer_rule>(v->rule) : std::nullopt;
}

} // namespace

TEST_CASE("provenance names map to memory kinds; held unknowns are C memory", "[pointers]") {
  CHECK(rules::kinds_of_provenance("go-memory") == go);
  CHECK(rules::kinds_of_provenance("pinned") == pinned);
  CHECK(rules::kinds_of_provenance("c-memory") == c);
  CHECK(rules::kinds_of_provenance("integer") == none);
  CHECK(rules::kinds_of_provenance("nil") == none);
  CHECK(rules::kinds_of_provenance("unknown") == unknown);
  CHECK(rules::kinds_of_provenance("something-new") == unknown);
  CHECK(rules::kinds_of_provenance("unknown", /*held=*/true) == c);
  CHECK(rules::kinds_of_provenance("go-memory", /*held=*/true) == go);
}

TEST_CASE("assumption modes parse, print and decide what a parameter may hold", "[pointers]") {
  for (const auto mode : {rules::assumption_mode::facts, rules::assumption_mode::preamble, rules::assumption_mode::strict})
    CHECK(rules::parse_assumption_mode(rules::assumption_mode_name(mode)) == mode);
  CHECK_FALSE(rules::parse_assumption_mode("Strict").has_value());
  CHECK_FALSE(rules::parse_assumption_mode("").has_value());

  using A = rules::param_annotation;
  const auto preamble = rules::assumption_mode::preamble;
  const auto strict = rules::assumption_mode::strict;
  CHECK(rules::assumed_kinds(preamble, true, true, A::none) == unknown);
  CHECK(rules::assumed_kinds(preamble, false, true, A::none) == none);
  CHECK(rules::assumed_kinds(strict, false, true, A::none) == unknown);
  CHECK(rules::assumed_kinds(strict, true, false, A::none) == none); // an integer parameter
  CHECK(rules::assumed_kinds(preamble, false, true, A::borrowed) == unknown);
  CHECK(rules::assumed_kinds(strict, true, true, A::keeps) == c);
  CHECK(rules::assumed_kinds(strict, true, true, A::takes_ownership) == c);
}

TEST_CASE("values join as sets and compare without their sites", "[pointers]") {
  Value a = from_params(0b01);
  Value b = from_params(0b10);
  b.stack = 7;
  a.join_with(b);
  CHECK(a.params == 0b11);
  REQUIRE(a.stack.has_value());
  CHECK(*a.stack == 7);
  Value c2 = from_params(0b11);
  c2.stack = 9;
  CHECK(a == c2);
  c2.heap = 3;
  CHECK(a != c2);
  CHECK(Value{}.empty());
  CHECK_FALSE(a.empty());
  CHECK(rules::param_bit(0) == 1);
  CHECK(rules::param_bit(63) == (rules::param_set{1} << 63));
  CHECK(rules::param_bit(64) == 0);
}

TEST_CASE("store events: a store into parameter memory is an event at once", "[pointers]") {
  auto events = rules::store_events<Site>(from_params(0b10), 0b01, 10, "h");
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == rules::event_kind::stored);
  CHECK(events[0].value == 0b10);
  CHECK(events[0].target == 0b01);
  CHECK(events[0].where == rules::sink::argument_memory);
  // Into the function's own memory, or a value from no parameter: nothing.
  CHECK(rules::store_events<Site>(from_params(0b10), 0, 10, "").empty());
  Value stack;
  stack.stack = 5;
  CHECK(rules::store_events<Site>(stack, 0b01, 10, "h").empty());
}

TEST_CASE("at the exit, pending stores are kept pointers and escaped stack addresses", "[pointers]") {
  State s = State::entry();
  s.store(1, {0b1, 10, rules::sink::global, 0, "g", std::nullopt}, true);
  s.store(2, {0, 11, rules::sink::global, 0, "h", 5}, true);
  s.store(3, {0b1, 12, rules::sink::global, 0, "k", std::nullopt}, true);
  s.store(3, {0, 13, rules::sink::global, 0, "k", std::nullopt}, true); // cleared
  const auto events = rules::events_at_exit(s);
  REQUIRE(events.size() == 2);
  CHECK(events[0].kind == rules::event_kind::kept);
  CHECK(events[0].at == 10);
  CHECK(events[0].sink_name == "g");
  CHECK(events[1].kind == rules::event_kind::stack_escape);
  CHECK(events[1].at == 5);
  CHECK(events[1].sink_name == "h");
}

TEST_CASE("a callee's events are translated through the call's arguments", "[pointers]") {
  // The callee keeps its parameter 1 in a global; the caller passes its
  // parameters 2 and 0 there.
  const std::vector<Value> args{from_params(0b100), from_params(0b001)};
  auto out = rules::translate_event<Site>(event(rules::event_kind::kept, 0b10, 0, rules::sink::global, 20), args, 99);
  REQUIRE(out.size() == 1);
  CHECK(out[0].value == 0b001);
  CHECK(out[0].at == 20);
  REQUIRE(out[0].via.size() == 1);
  CHECK(out[0].via[0] == 99);

  // The caller passes a stack address: the kept pointer is a stack escape.
  Value local;
  local.stack = 4;
  out = rules::translate_event<Site>(event(rules::event_kind::kept, 0b1, 0, rules::sink::global, 20), {local}, 99);
  REQUIRE(out.size() == 1);
  CHECK(out[0].kind == rules::event_kind::stack_escape);

  // The callee writes into memory of its parameter 0, which is the caller's
  // own stack: the caller's business, nothing to translate.
  out = rules::translate_event<Site>(event(rules::event_kind::stored, 0b10, 0b01, rules::sink::argument_memory),
                                     {local, from_params(0b1)}, 99);
  CHECK(out.empty());

  // A free of a caller parameter stays a free, with the path.
  const Event inner = [] {
    Event e = event(rules::event_kind::freed, 0b1, 0, rules::sink::global, 30);
    e.via = {50};
    return e;
  }();
  out = rules::translate_event<Site>(inner, {from_params(0b10)}, 99);
  REQUIRE(out.size() == 1);
  CHECK(out[0].kind == rules::event_kind::freed);
  CHECK(out[0].value == 0b10);
  CHECK(out[0].via == std::vector<Site>{99, 50});

  // A callee's free of something the caller did not get from a parameter.
  CHECK(rules::translate_event<Site>(event(rules::event_kind::freed, 0b1, 0, rules::sink::global), {Value{}}, 99)
            .empty());
}

TEST_CASE("state transfer: locals, strong and weak stores, frees, join", "[pointers]") {
  State s = State::entry();
  s.assign(1, from_params(0b1));
  CHECK(s.get(1).params == 0b1);
  s.assign(1, Value{});
  CHECK(s.get(1).empty());

  const rules::pending_store<Site> keep{0b1, 10, rules::sink::global, 0, "g", std::nullopt};
  const rules::pending_store<Site> clear{0, 11, rules::sink::global, 0, "g", std::nullopt};
  s.store(100, keep, /*strong=*/true);
  REQUIRE(s.pending().count(100) == 1);
  // A strong store of a value that is no pointer clears the place.
  State cleared = s;
  cleared.store(100, clear, /*strong=*/true);
  CHECK(cleared.pending().empty());
  // A weak one (an element, memory behind unknown pointers) does not.
  State weak = s;
  weak.store(100, clear, /*strong=*/false);
  CHECK(weak.pending().count(100) == 1);

  // Paths meet: the store is pending if it is on some path.
  State joined = cleared;
  joined.join_with(s);
  CHECK(joined.pending().count(100) == 1);
  CHECK(joined != cleared);

  // Freeing a heap block drops what was stored in it.
  State heap = State::entry();
  heap.store(200, keep, true);
  heap.store(300, keep, true);
  heap.drop_places([](int place) { return place == 200; });
  CHECK(heap.pending().count(200) == 0);
  CHECK(heap.pending().count(300) == 1);

  // Freed on some path, and fresh again after a reassignment.
  State f = State::entry();
  CHECK_FALSE(f.freed_at(7).has_value());
  f.mark_freed(7, 40);
  REQUIRE(f.freed_at(7).has_value());
  CHECK(*f.freed_at(7) == 40);
  State other = State::entry();
  other.join_with(f);
  CHECK(other.freed_at(7).has_value());
  f.unfree(7);
  CHECK_FALSE(f.freed_at(7).has_value());

  // Bottom: joining with it changes nothing, and it records nothing.
  State bottom = State::unreachable();
  CHECK_FALSE(bottom.reached());
  State before = joined;
  joined.join_with(bottom);
  CHECK(joined == before);
  bottom.store(1, keep, true);
  bottom.mark_freed(1, 1);
  CHECK(bottom.pending().empty());
  CHECK_FALSE(bottom.freed_at(1).has_value());
}

TEST_CASE("judge: the rule an event breaks, by what the parameters may hold", "[pointers]") {
  using K = rules::event_kind;
  using R = rules::pointer_rule;
  const auto global = rules::sink::global;
  const auto args = rules::sink::argument_memory;

  // Kept: Go memory (and unknown) is a finding; pinned, C memory and integers are not.
  CHECK(rule_of(event(K::kept, 0b1, 0, global), {memory(go)}) == R::retained);
  CHECK(rule_of(event(K::kept, 0b1, 0, global), {memory(unknown)}) == R::retained);
  CHECK_FALSE(rule_of(event(K::kept, 0b1, 0, global), {memory(pinned)}));
  CHECK_FALSE(rule_of(event(K::kept, 0b1, 0, global), {memory(c)}));
  CHECK_FALSE(rule_of(event(K::kept, 0b1, 0, global), {memory(none)}));
  // Kept in memory of another parameter (C memory per the facts).
  CHECK(rule_of(event(K::kept, 0b10, 0b01, args), {memory(c), memory(go)}) == R::retained);
  // A pointer into an object kept in that same object.
  CHECK_FALSE(rule_of(event(K::kept, 0b01, 0b01, args), {memory(unknown)}));

  // Stored into Go memory: the target must be Go memory by the facts...
  CHECK(rule_of(event(K::stored, 0b10, 0b01, args), {memory(go), memory(go)}) == R::go_pointer_in_go_memory);
  CHECK_FALSE(rule_of(event(K::stored, 0b10, 0b01, args), {memory(unknown), memory(go)}));
  CHECK_FALSE(rule_of(event(K::stored, 0b10, 0b01, args), {memory(go), memory(c)}));
  // ...or may be Go memory by assumption, except into itself.
  CHECK(rule_of(event(K::stored, 0b10, 0b01, args), {memory(unknown, false), memory(unknown, false)}) ==
        R::go_pointer_in_go_memory);
  CHECK_FALSE(rule_of(event(K::stored, 0b01, 0b01, args), {memory(unknown, false)}));
  CHECK(rule_of(event(K::stored, 0b01, 0b01, args), {memory(go)}) == R::go_pointer_in_go_memory);

  // Freed: Go memory (pinned included) is freed by Go's collector only.
  CHECK(rule_of(event(K::freed, 0b1, 0, global), {memory(go)}) == R::free_go_memory);
  CHECK(rule_of(event(K::freed, 0b1, 0, global), {memory(pinned)}) == R::free_go_memory);
  CHECK_FALSE(rule_of(event(K::freed, 0b1, 0, global), {memory(c)}));
  CHECK(rule_of(event(K::freed, 0b1, 0, global), {memory(c, true, /*freed_by_go=*/true)}) == R::double_free);

  // Stack escapes: into globals from any function; returned or written
  // through a parameter only from a function Go calls.
  CHECK(rule_of(event(K::stack_escape, 0, 0, global), {}, /*boundary=*/false) == R::stack_address_escape);
  CHECK(rule_of(event(K::stack_escape, 0, 0, rules::sink::returned), {}, true) == R::stack_address_escape);
  CHECK_FALSE(rule_of(event(K::stack_escape, 0, 0, rules::sink::returned), {}, false));
  const auto through = rules::judge(event(K::stack_escape, 0, 0b10, args), Params{memory(c), memory(c)}, true);
  REQUIRE(through);
  CHECK(through->rule == R::stack_address_escape);
  CHECK(through->param == 1);
  CHECK_FALSE(rule_of(event(K::stack_escape, 0, 0b10, args), {memory(c), memory(c)}, false));
}

TEST_CASE("a kept store that is also a store into Go memory is reported once", "[pointers]") {
  using K = rules::event_kind;
  const auto args = rules::sink::argument_memory;
  const Params params{memory(go), memory(go)};
  const std::vector<Event> events{event(K::stored, 0b10, 0b01, args, 5), event(K::kept, 0b10, 0b01, args, 5)};
  CHECK(rules::kept_is_reported_as_store(events[1], events, params, true));
  const Params into_c{memory(c), memory(go)};
  CHECK_FALSE(rules::kept_is_reported_as_store(events[1], events, into_c, true));
}

TEST_CASE("parameters from the facts: join over calls, Go frees, origins", "[pointers]") {
  cgo::unit_call first{"f", cgo::go_site{"a.go", 3, 2}, "F", {}};
  first.args.push_back({"c-memory", "C.CString at line 2", cgo::go_site{"a.go", 3, 4}, true, false});
  first.args.push_back({"integer", "len", cgo::go_site{"a.go", 3, 9}, false, false});
  cgo::unit_call second{"f", cgo::go_site{"a.go", 8, 2}, "G", {}};
  second.args.push_back({"c-memory", "C.malloc", cgo::go_site{"a.go", 8, 4}, false, false});
  second.args.push_back({"go-memory", "&x (address of a Go variable)", cgo::go_site{"a.go", 8, 9}, false, false});
  const auto params = rules::params_from_calls({&first, &second}, 3);
  REQUIRE(params.size() == 3);
  CHECK(params[0].kinds == c);
  CHECK(params[0].freed_by_go);
  REQUIRE(params[0].origins.size() == 1);
  CHECK(params[0].origins[0].site.line == 3);
  CHECK(params[1].kinds == go);
  REQUIRE(params[1].origins.size() == 1);
  CHECK(params[1].origins[0].why == "&x (address of a Go variable)");
  // Neither call passes a third argument: unknown.
  CHECK(params[2].kinds == unknown);
  CHECK(params[2].from_facts);
}

TEST_CASE("sink phrases", "[pointers]") {
  CHECK(rules::sink_phrase(rules::sink::global, "cache") == "stored in global 'cache'");
  CHECK(rules::sink_phrase(rules::sink::static_local, "last") == "stored in static variable 'last'");
  CHECK(rules::sink_phrase(rules::sink::heap_block, "") == "stored in heap memory that is not freed before returning");
  CHECK(rules::sink_phrase(rules::sink::argument_memory, "ctx") == "stored in memory that 'ctx' points to");
  CHECK(rules::sink_phrase(rules::sink::keeping_call, "pthread_create") ==
        "passed to 'pthread_create', which keeps it");
  CHECK(rules::sink_phrase(rules::sink::returned, "") == "returned");
}

TEST_CASE("escape and assumption phrases, the registration shape, the option defaults", "[pointers]") {
  CHECK(rules::escape_phrase(rules::sink::argument_memory, "out") == "written into memory that 'out' points to");
  CHECK(rules::escape_phrase(rules::sink::global, "g") == "stored in global 'g'");
  CHECK(rules::escape_phrase(rules::sink::returned, "") == "returned");

  using A = rules::param_annotation;
  const auto preamble = rules::assumption_mode::preamble;
  CHECK(rules::assumption_phrase(preamble, A::borrowed, true, "f", false) == "it is annotated CGOCHECK_BORROWED");
  CHECK(rules::assumption_phrase(preamble, A::none, true, "f", false) == "'f' is annotated CGOCHECK_CALLED_FROM_GO");
  CHECK(rules::assumption_phrase(rules::assumption_mode::strict, A::none, false, "f", false) ==
        "strict mode assumes it of every pointer parameter");
  CHECK(rules::assumption_phrase(preamble, A::none, false, "f", true) ==
        "Go calls 'f' (Assume=preamble ignores what Go passes)");
  CHECK(rules::assumption_phrase(preamble, A::none, false, "f", false) ==
        "Go can call 'f' (no Go-side facts; preamble mode)");

  CHECK(rules::is_registration_name("sqlite3_busy_handler"));
  CHECK(rules::is_registration_name("RegisterCallback"));
  CHECK(rules::is_registration_name("set_hook"));
  CHECK_FALSE(rules::is_registration_name("qsort"));
  CHECK_FALSE(rules::is_registration_name("add_listener"));

  CHECK(rules::default_deallocators == "free");
  CHECK(rules::default_keeping_functions.find("pthread_create:3") != std::string_view::npos);
}

TEST_CASE("which Go calls a finding notes", "[pointers]") {
  using R = rules::pointer_rule;
  const rules::go_origin<int> go_call{"&x", 1, false, go};
  const rules::go_origin<int> pinned_call{"pinned", 2, false, pinned};
  const rules::go_origin<int> freed_call{"C.CString", 3, true, c};
  CHECK(rules::origin_is_noted(R::retained, go_call));
  CHECK_FALSE(rules::origin_is_noted(R::retained, pinned_call));
  CHECK_FALSE(rules::origin_is_noted(R::retained, freed_call));
  CHECK(rules::origin_is_noted(R::go_pointer_in_go_memory, go_call));
  CHECK(rules::origin_is_noted(R::free_go_memory, pinned_call));
  CHECK_FALSE(rules::origin_is_noted(R::free_go_memory, freed_call));
  CHECK(rules::origin_is_noted(R::double_free, freed_call));
  CHECK_FALSE(rules::origin_is_noted(R::double_free, go_call));
}
