// cgocheck::rules — the cgo pointer rules as the C side must keep them.
//
// The model behind the five pointer-lifetime checks (cgo-pointer-retained,
// cgo-go-pointer-in-go-memory, cgo-free-go-memory, cgo-double-free,
// cgo-stack-address-escape). It knows nothing about clang: the plugin walks
// clang's CFG of a C function, evaluates expressions to `pointer_value`s,
// keeps a `pointer_state` per program point with the transfer functions
// below, and records what the function does with the pointers it receives as
// `pointer_event`s (its summary). Whether an event breaks a rule depends on
// what each parameter may hold, which `judge()` decides from the parameters'
// `param_memory` — given by the Go-side facts or by an assumption mode.
//
// Rules modelled (src/cmd/cgo/doc.go, "Passing pointers", go1.19-go1.27, as
// summarised in reference/go-ground-truth.md section E):
// - C may not keep a copy of a Go pointer after the call returns; this
//   includes _GoString_ data (1.19-1.20 rule 3; 1.21+ rules 4 and 5: only
//   while the memory stays pinned with runtime.Pinner, src/runtime/pinner.go).
// - C must not store a Go pointer into Go memory, even temporarily (1.19-1.20
//   rule 2; 1.21+ requires all memory reachable from arguments to stay free
//   of unpinned Go pointers).
// - Go memory is managed by Go's garbage collector: C must never pass it to
//   the C library's free. C.free is that free (src/cmd/cgo/out.go, go1.19-
//   go1.27), so memory freed by both sides is freed twice (C11 7.22.3.3:
//   undefined behaviour).
// - C stack addresses are invalid after the C function returns; Go must not
//   receive them (C11 6.2.4p2: the lifetime of an automatic object ends with
//   its block).
// The runtime checks none of this (src/runtime/cgocall.go checks only the Go
// values passed; C stores have no write barrier).
#ifndef CGOCHECK_RULES_POINTERS_HPP
#define CGOCHECK_RULES_POINTERS_HPP

#include "cgocheck/cgo/unit_facts.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cgocheck::rules {

// ---------------------------------------------------------------------------
// Memory kinds

/// What the memory a boundary parameter points to may be, as a bit set.
/// `go` is unpinned Go memory (heap, stack or data of Go); `pinned` is Go
/// memory pinned with runtime.Pinner; `c` is C memory (C.malloc, C.CString,
/// C.CBytes or a pointer a C function returned).
struct memory_kinds {
  bool go = false;
  bool pinned = false;
  bool c = false;

  [[nodiscard]] constexpr bool any_go() const noexcept { return go || pinned; }
  [[nodiscard]] constexpr bool none() const noexcept { return !go && !pinned && !c; }
  friend constexpr bool operator==(memory_kinds a, memory_kinds b) noexcept {
    return a.go == b.go && a.pinned == b.pinned && a.c == b.c;
  }
};

/// The kinds of one Go-side provenance name (cgo/facts.hpp provenance_name):
/// "go-memory", "pinned", "c-memory" name one kind each; "unknown" (and any
/// name this reader does not know) may be Go or C memory; "integer" and "nil"
/// are no memory at all (cgo.Handle values are integers).
///
/// `held`: an unknown that Go reads from a struct field or a package
/// variable (`C.f(c.ctx)`) counts as C memory. Go code keeps the C objects it
/// works with in such fields; Go memory kept there and handed to C for C to
/// keep would have to stay pinned, which the front end sees as `pinned` when
/// it is pinned in the calling function. This trades the rare Go buffer held
/// in a field for precision on every C handle (docs/checks/pointer-assumptions.md).
constexpr memory_kinds kinds_of_provenance(std::string_view provenance, bool held = false) noexcept {
  if (provenance == "unknown" && held) {
    return {false, false, true};
  }
  if (provenance == "go-memory") {
    return {true, false, false};
  }
  if (provenance == "pinned") {
    return {false, true, false};
  }
  if (provenance == "c-memory") {
    return {false, false, true};
  }
  if (provenance == "integer" || provenance == "nil") {
    return {};
  }
  return {true, false, true};
}

/// Where one Go call passes memory to a parameter: for notes at the .go line.
template <class GoSite>
struct go_origin {
  std::string why;  ///< the front end's phrase: "&buf[0] (address of a Go variable)"
  GoSite site;
  bool freed_by_go = false;
  memory_kinds kinds; ///< what this call passes
};

/// What a parameter of a function that Go calls may hold, and why.
template <class GoSite>
struct param_memory {
  memory_kinds kinds;
  bool freed_by_go = false;  ///< Go frees the argument after the call (`defer C.free(p)`)
  bool from_facts = false;   ///< kinds come from Go-side facts, not from an assumption
  /// The Go calls that pass Go memory (or memory Go frees) to it, first first.
  std::vector<go_origin<GoSite>> origins;
};

/// What each of `count` parameters of a C function may hold, from the Go
/// calls of it in the facts: the join over the calls of each argument's
/// provenance (a missing argument is unknown), whether Go frees it after
/// some call, and the calls that pass Go memory or memory Go frees.
inline std::vector<param_memory<cgo::go_site>> params_from_calls(const std::vector<const cgo::unit_call *> &calls,
                                                                 std::size_t count) {
  std::vector<param_memory<cgo::go_site>> params(count);
  for (param_memory<cgo::go_site> &p : params) {
    p.from_facts = true;
  }
  for (const cgo::unit_call *call : calls) {
    for (std::size_t i = 0; i < count; ++i) {
      param_memory<cgo::go_site> &p = params[i];
      if (i >= call->args.size()) {
        p.kinds = {true, p.kinds.pinned, true};
        continue;
      }
      const cgo::unit_argument &arg = call->args[i];
      const memory_kinds k = kinds_of_provenance(arg.kind, arg.held);
      p.kinds = {p.kinds.go || k.go, p.kinds.pinned || k.pinned, p.kinds.c || k.c};
      p.freed_by_go = p.freed_by_go || arg.freed_by_go;
      if ((k.any_go() || arg.freed_by_go) && arg.at) {
        p.origins.push_back({arg.why, *arg.at, arg.freed_by_go, k});
      }
    }
  }
  return params;
}

// ---------------------------------------------------------------------------
// Assumption modes

/// Which parameters may hold Go pointers when the facts do not say (a plain
/// C file run through clang-tidy has no facts):
/// - facts:    the Go-side facts of the unit (calls, argument provenance,
///             Go-side frees); without facts, as `preamble`;
/// - preamble: functions Go can call — non-static functions of the main file,
///             every function of a main file that is a header (a preamble
///             includes it), and functions annotated CGOCHECK_CALLED_FROM_GO
///             (in a unit with Go-side facts: the functions the facts say Go
///             calls); each pointer parameter of theirs may be Go memory,
///             whatever the facts say Go passes;
/// - strict:   every pointer parameter of every function may be Go memory.
/// In every mode, parameters annotated CGOCHECK_BORROWED may be Go memory and
/// parameters annotated CGOCHECK_KEEPS or CGOCHECK_TAKES_OWNERSHIP must be C
/// memory (with facts, the facts decide what Go passes).
enum class assumption_mode : std::uint8_t { facts, preamble, strict };

constexpr std::optional<assumption_mode> parse_assumption_mode(std::string_view text) noexcept {
  if (text == "facts") {
    return assumption_mode::facts;
  }
  if (text == "preamble") {
    return assumption_mode::preamble;
  }
  if (text == "strict") {
    return assumption_mode::strict;
  }
  return std::nullopt;
}

constexpr std::string_view assumption_mode_name(assumption_mode mode) noexcept {
  switch (mode) {
    case assumption_mode::facts:
      return "facts";
    case assumption_mode::preamble:
      return "preamble";
    case assumption_mode::strict:
      return "strict";
  }
  return "facts";
}

/// What the annotations of cgocheck.h say about one parameter.
enum class param_annotation : std::uint8_t { none, borrowed, takes_ownership, keeps };

/// The memory a parameter may hold when there are no facts for it.
/// `pointer_like`: a pointer, or a _GoString_/GoSlice value whose data Go owns.
constexpr memory_kinds assumed_kinds(assumption_mode mode, bool function_is_boundary, bool pointer_like,
                                     param_annotation annotation) noexcept {
  if (!pointer_like) {
    return {};
  }
  switch (annotation) {
    case param_annotation::keeps:
    case param_annotation::takes_ownership:
      return {false, false, true};
    case param_annotation::borrowed:
      return {true, false, true};
    case param_annotation::none:
      break;
  }
  if (mode == assumption_mode::strict || function_is_boundary) {
    return {true, false, true};
  }
  return {};
}

// ---------------------------------------------------------------------------
// Values: where a pointer (or an integer holding one) may come from

/// Bit i is set when a value may derive from parameter i (its value, a field
/// address, an offset, a cast, a uintptr_t round trip). Parameters from the
/// 64th on are not tracked.
using param_set = std::uint64_t;
inline constexpr std::size_t max_tracked_params = 64;

constexpr param_set param_bit(std::size_t index) noexcept {
  return index < max_tracked_params ? (param_set{1} << index) : param_set{0};
}

/// The abstract value of an expression in a function: which parameters it
/// may derive from, whether it may be the address of this function's stack
/// (a local or a parameter), and whether it may be a heap block this function
/// allocated. `Site` says where (the plugin uses `const clang::Stmt *`); sites
/// are kept for messages and never compared.
template <class Site>
struct pointer_value {
  param_set params = 0;
  std::optional<Site> stack;  ///< the `&local` (or array) that makes it a stack address
  std::optional<Site> heap;   ///< the allocation that made the block

  [[nodiscard]] bool empty() const noexcept { return params == 0 && !stack && !heap; }

  /// Least upper bound, in place; the first site seen is kept.
  void join_with(const pointer_value &other) {
    params |= other.params;
    if (!stack) {
      stack = other.stack;
    }
    if (!heap) {
      heap = other.heap;
    }
  }

  friend bool operator==(const pointer_value &a, const pointer_value &b) {
    return a.params == b.params && a.stack.has_value() == b.stack.has_value() &&
           a.heap.has_value() == b.heap.has_value();
  }
  friend bool operator!=(const pointer_value &a, const pointer_value &b) { return !(a == b); }
};

// ---------------------------------------------------------------------------
// Events: what a function does with the values it holds

/// Where a stored or passed pointer ends up.
enum class sink : std::uint8_t {
  global,          ///< a global variable (or memory reached through one)
  static_local,    ///< a function-local static
  heap_block,      ///< a heap block this function allocated and did not free
  argument_memory, ///< memory reachable from a pointer parameter
  keeping_call,    ///< an argument of a function that keeps it (pthread_create, CGOCHECK_KEEPS, ...)
  returned,        ///< the function's result
};

/// One thing a function (or a helper it calls, through its summary) does.
enum class event_kind : std::uint8_t {
  kept,         ///< `value` outlives the call: stored in `where` and not cleared before every return
  stored,       ///< `value` written into memory reachable from `target` (even temporarily)
  freed,        ///< `value` passed to a deallocator
  stack_escape, ///< a stack address stored in `where` (target: the parameters whose memory holds it)
};

template <class Site>
struct pointer_event {
  event_kind kind = event_kind::kept;
  param_set value = 0;    ///< the parameters the pointer may derive from
  param_set target = 0;   ///< stored / argument_memory / stack_escape: whose memory it is written into
  sink where = sink::global;
  Site at{};                   ///< the store, free or call where it happens
  std::string sink_name;       ///< the global, static, parameter or keeping function, for messages
  std::vector<Site> via;       ///< the calls from the judged function down to `at`, outermost first
};

/// The events of a store of `value`, in the function itself, into memory
/// reachable from the parameters `target`: a store into Go memory is wrong
/// even if it is undone before returning. Whether a pointer is kept, or a
/// stack address escapes, is known only at the exit (events_at_exit).
template <class Site>
std::vector<pointer_event<Site>> store_events(const pointer_value<Site> &value, param_set target, const Site &at,
                                              const std::string &sink_name) {
  std::vector<pointer_event<Site>> out;
  if (target != 0 && value.params != 0) {
    out.push_back({event_kind::stored, value.params, target, sink::argument_memory, at, sink_name, {}});
  }
  return out;
}

/// Translates an event of a callee into its caller: callee parameter j is
/// argument j of the call, whose value is `arguments[j]`. The event is then
/// about the parameters those arguments derive from, and `call` is put first
/// on its path. A pointer the callee keeps or stores that is an address of
/// the caller's stack becomes a stack escape; what the callee writes into
/// memory the caller owns (its stack, its own heap blocks) is dropped.
template <class Site>
std::vector<pointer_event<Site>> translate_event(const pointer_event<Site> &event,
                                                 const std::vector<pointer_value<Site>> &arguments,
                                                 const Site &call) {
  struct mapped {
    param_set params = 0;
    std::optional<Site> stack; ///< the caller's stack address among the arguments
  };
  const auto map = [&](param_set callee) {
    mapped m;
    for (std::size_t j = 0; j < arguments.size() && j < max_tracked_params; ++j) {
      if ((callee & param_bit(j)) != 0) {
        m.params |= arguments[j].params;
        if (!m.stack) {
          m.stack = arguments[j].stack;
        }
      }
    }
    return m;
  };
  std::vector<pointer_event<Site>> result;
  const mapped value = map(event.value);
  const mapped target = map(event.target);
  if (event.where == sink::argument_memory && target.params == 0) {
    return result;
  }
  pointer_event<Site> out = event;
  out.via.insert(out.via.begin(), call);
  out.target = target.params;
  if (event.kind == event_kind::stack_escape) {
    result.push_back(std::move(out));
    return result;
  }
  if (value.stack && event.kind != event_kind::freed) {
    // Reported where the caller takes the address, through the call.
    pointer_event<Site> escape = out;
    escape.kind = event_kind::stack_escape;
    escape.value = 0;
    escape.at = *value.stack;
    result.push_back(std::move(escape));
  }
  out.value = value.params;
  if (out.value != 0) {
    result.push_back(std::move(out));
  }
  return result;
}

/// What a function does with its parameters, computed once per function.
template <class Site>
struct function_summary {
  std::vector<pointer_event<Site>> events;
  param_set returns = 0;           ///< the parameters its result may derive from
  std::optional<Site> returns_stack; ///< where it returns an address of its own stack
  bool complete = true;            ///< false: analysis gave up (too big, recursion); no events are trusted
};

// ---------------------------------------------------------------------------
// The state at one program point

/// A store of a value into a place that outlives the call, not yet undone.
template <class Site>
struct pending_store {
  param_set value = 0;
  Site at{};
  sink where = sink::global;
  param_set target = 0;
  std::string sink_name;
  std::optional<Site> stack; ///< the stored value may be this function's stack address (taken here)
  friend bool operator==(const pending_store &a, const pending_store &b) {
    return a.value == b.value && a.where == b.where && a.target == b.target && a.sink_name == b.sink_name &&
           a.stack.has_value() == b.stack.has_value();
  }
};

/// The lattice element of the pointer analysis at one program point.
///
/// - `values`: the abstract value of each tracked local (`Key`, the plugin
///   uses `const clang::VarDecl *`). Untracked or absent locals are empty.
/// - `pending`: per place that outlives the call (`Place`, chosen by the
///   plugin: a global, a global's field, a parameter's field, a heap block),
///   the stores into it that no later store has overwritten on this path.
/// - `freed`: what has been freed on some path to here (`Identity`: a
///   parameter, an allocation or a local), and where.
///
/// Join is a union everywhere (may-analysis); a state that is not reached is
/// the bottom. Equality ignores sites so that iteration terminates.
template <class Key, class Place, class Identity, class Site>
class pointer_state {
 public:
  using value_type = pointer_value<Site>;

  static pointer_state entry() {
    pointer_state s;
    s.reached_ = true;
    return s;
  }
  static pointer_state unreachable() { return pointer_state{}; }
  [[nodiscard]] bool reached() const noexcept { return reached_; }

  [[nodiscard]] value_type get(const Key &key) const {
    const auto it = values_.find(key);
    return it == values_.end() ? value_type{} : it->second;
  }

  /// Transfer for `key = value`: a strong update of a local.
  void assign(const Key &key, value_type value) {
    if (!reached_) {
      return;
    }
    if (value.empty()) {
      values_.erase(key);
    } else {
      values_.insert_or_assign(key, std::move(value));
    }
  }

  /// Transfer for a store into a place that outlives the call. A strong
  /// store replaces what the place held (a global, a field of one, a field
  /// of a parameter's memory); a weak one (an element, memory reached through
  /// unknown pointers) only adds. Empty values are stores that clear.
  void store(const Place &place, const pending_store<Site> &store, bool strong) {
    if (!reached_) {
      return;
    }
    std::vector<pending_store<Site>> &at = pending_[place];
    if (strong) {
      at.clear();
    }
    if (store.value != 0 || store.stack) {
      add_unique(at, store);
    }
    if (at.empty()) {
      pending_.erase(place);
    }
  }

  /// Transfer for freeing a heap block: what was stored into it no longer
  /// outlives anything.
  template <class Pred>
  void drop_places(Pred &&pred) {
    for (auto it = pending_.begin(); it != pending_.end();) {
      it = pred(it->first) ? pending_.erase(it) : std::next(it);
    }
  }

  /// Where `identity` was freed on some path to here, if it was.
  [[nodiscard]] std::optional<Site> freed_at(const Identity &identity) const {
    const auto it = freed_.find(identity);
    return it == freed_.end() ? std::nullopt : std::optional<Site>(it->second);
  }
  void mark_freed(const Identity &identity, Site at) {
    if (reached_) {
      freed_.emplace(identity, std::move(at));
    }
  }
  /// A fresh value: a reassigned local, a new allocation.
  void unfree(const Identity &identity) { freed_.erase(identity); }

  /// The stores still pending: at the function's exit these are kept.
  [[nodiscard]] const std::map<Place, std::vector<pending_store<Site>>> &pending() const { return pending_; }

  void join_with(const pointer_state &other) {
    if (!other.reached_) {
      return;
    }
    if (!reached_) {
      *this = other;
      return;
    }
    for (const auto &[key, value] : other.values_) {
      values_[key].join_with(value);
    }
    for (const auto &[place, stores] : other.pending_) {
      std::vector<pending_store<Site>> &at = pending_[place];
      for (const pending_store<Site> &s : stores) {
        add_unique(at, s);
      }
    }
    for (const auto &[identity, site] : other.freed_) {
      freed_.emplace(identity, site);
    }
  }

  friend bool operator==(const pointer_state &a, const pointer_state &b) {
    if (a.reached_ != b.reached_ || a.values_ != b.values_ || a.pending_ != b.pending_ ||
        a.freed_.size() != b.freed_.size()) {
      return false;
    }
    auto bi = b.freed_.begin();
    for (const auto &entry : a.freed_) {
      if (entry.first != bi->first) {
        return false;
      }
      ++bi;
    }
    return true;
  }
  friend bool operator!=(const pointer_state &a, const pointer_state &b) { return !(a == b); }

 private:
  static void add_unique(std::vector<pending_store<Site>> &at, const pending_store<Site> &s) {
    for (pending_store<Site> &have : at) {
      if (have == s) {
        return;
      }
    }
    at.push_back(s);
  }

  bool reached_ = false;
  std::map<Key, value_type> values_;
  std::map<Place, std::vector<pending_store<Site>>> pending_;
  std::map<Identity, Site> freed_;
};

/// How a kept or escaping pointer gets there, for messages: "stored in
/// global 'cache'", "passed to 'pthread_create', which keeps it", "returned".
/// `name` is the global, static, parameter or function of the sink.
inline std::string sink_phrase(sink where, std::string_view name) {
  const std::string quoted = "'" + std::string(name) + "'";
  switch (where) {
    case sink::global:
      return "stored in global " + quoted;
    case sink::static_local:
      return "stored in static variable " + quoted;
    case sink::heap_block:
      return "stored in heap memory that is not freed before returning";
    case sink::argument_memory:
      return "stored in memory that " + quoted + " points to";
    case sink::keeping_call:
      return "passed to " + quoted + ", which keeps it";
    case sink::returned:
      return "returned";
  }
  return "kept";
}

/// What the stores still pending at a function's exit mean: each kept
/// pointer is a `kept` event, each stack address a `stack_escape`.
template <class Key, class Place, class Identity, class Site>
std::vector<pointer_event<Site>> events_at_exit(const pointer_state<Key, Place, Identity, Site> &at_exit) {
  std::vector<pointer_event<Site>> out;
  for (const auto &entry : at_exit.pending()) {
    for (const pending_store<Site> &store : entry.second) {
      if (store.value != 0) {
        out.push_back({event_kind::kept, store.value, store.target, store.where, store.at, store.sink_name, {}});
      }
      if (store.stack) {
        out.push_back({event_kind::stack_escape, 0, store.target, store.where, *store.stack, store.sink_name, {}});
      }
    }
  }
  return out;
}

/// How a stack address reaches Go, for cgo-stack-address-escape: as
/// sink_phrase, except that memory a parameter points to is "written into".
inline std::string escape_phrase(sink where, std::string_view name) {
  if (where == sink::argument_memory) {
    return "written into memory that '" + std::string(name) + "' points to";
  }
  return sink_phrase(where, name);
}

/// Why a parameter is assumed to hold Go memory when the facts do not say,
/// for the note at the parameter. `function`: its function's name;
/// `called_from_go`: the function is annotated CGOCHECK_CALLED_FROM_GO;
/// `unit_has_facts`: the facts exist but Assume=preamble set them aside.
inline std::string assumption_phrase(assumption_mode mode, param_annotation annotation, bool called_from_go,
                                     std::string_view function, bool unit_has_facts) {
  const std::string quoted = "'" + std::string(function) + "'";
  if (annotation == param_annotation::borrowed) {
    return "it is annotated CGOCHECK_BORROWED";
  }
  if (called_from_go) {
    return quoted + " is annotated CGOCHECK_CALLED_FROM_GO";
  }
  if (mode == assumption_mode::strict) {
    return "strict mode assumes it of every pointer parameter";
  }
  if (unit_has_facts) {
    return "Go calls " + quoted + " (Assume=preamble ignores what Go passes)";
  }
  return "Go can call " + quoted + " (no Go-side facts; preamble mode)";
}

/// A C function whose body is not in the unit and whose name and shape say
/// it registers a callback with a context it keeps: a name with "register",
/// "callback", "hook" or "handler" (any case) and a function-pointer
/// parameter. Its `void *` arguments are kept.
inline bool is_registration_name(std::string_view name) {
  std::string lower(name);
  for (char &c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  constexpr std::array<std::string_view, 4> words{"register", "callback", "hook", "handler"};
  return std::any_of(words.begin(), words.end(),
                     [&lower](std::string_view word) { return lower.find(word) != std::string::npos; });
}

/// The option defaults of the pointer checks: what frees, what allocates,
/// and which functions keep which (0-based) argument.
inline constexpr std::string_view default_deallocators = "free";
inline constexpr std::string_view default_allocators = "malloc;calloc;realloc;strdup;strndup;aligned_alloc";
inline constexpr std::string_view default_keeping_functions =
    "pthread_create:3;thrd_create:2;pthread_setspecific:1;on_exit:1";

// ---------------------------------------------------------------------------
// Judgement

enum class pointer_rule : std::uint8_t {
  retained,               ///< cgo-pointer-retained
  go_pointer_in_go_memory,///< cgo-go-pointer-in-go-memory
  free_go_memory,         ///< cgo-free-go-memory
  double_free,            ///< cgo-double-free (across the boundary; in C, see double_free_in_c)
  stack_address_escape,   ///< cgo-stack-address-escape
};

/// A rule broken by an event of a function Go calls.
struct pointer_verdict {
  pointer_rule rule = pointer_rule::retained;
  std::size_t param = 0;  ///< the parameter whose Go memory (or Go-freed memory) it is about
};

/// Judges one event of a boundary function (or of a helper, translated into
/// it) given what each parameter may hold. At most one verdict per event:
/// the most specific rule.
template <class Site, class GoSite>
std::optional<pointer_verdict> judge(const pointer_event<Site> &event,
                                     const std::vector<param_memory<GoSite>> &params,
                                     bool function_is_boundary) {
  const auto first = [&](param_set set, auto &&pred) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < params.size() && i < max_tracked_params; ++i) {
      if ((set & param_bit(i)) != 0 && pred(params[i])) {
        return i;
      }
    }
    return std::nullopt;
  };
  const auto unpinned_go = [](const param_memory<GoSite> &p) { return p.kinds.go; };
  const auto any_go = [](const param_memory<GoSite> &p) { return p.kinds.any_go(); };
  switch (event.kind) {
    case event_kind::stored: {
      // Into Go memory. A target the facts call unknown may as well be a C
      // handle; that store is judged as kept (at the exit) instead.
      const auto value = first(event.value, unpinned_go);
      const auto target = first(event.target, [](const param_memory<GoSite> &p) {
        return p.kinds.any_go() && !(p.from_facts && p.kinds.c);
      });
      // Without facts, a pointer into an object stored into that object
      // (`ctx->cur = ctx->buf`) is C code maintaining its own structure; only
      // the facts can say the object is Go memory.
      const bool self = (event.value & ~event.target) == 0;
      const bool assumed = !first(event.target, [](const param_memory<GoSite> &p) { return p.from_facts; });
      if (self && assumed) {
        return std::nullopt;
      }
      if (value && target) {
        return pointer_verdict{pointer_rule::go_pointer_in_go_memory, *value};
      }
      return std::nullopt;
    }
    case event_kind::kept: {
      // A pointer into memory stored into that same memory (`ctx->cur =
      // ctx->buf`) is kept only as long as the memory itself: fine in C
      // memory, and a store into Go memory (judged above) in Go memory.
      if (event.where == sink::argument_memory && (event.value & ~event.target) == 0) {
        return std::nullopt;
      }
      const auto value = first(event.value & ~(event.where == sink::argument_memory ? event.target : 0), unpinned_go);
      if (!value) {
        return std::nullopt;
      }
      return pointer_verdict{pointer_rule::retained, *value};
    }
    case event_kind::freed: {
      if (const auto go = first(event.value, any_go)) {
        return pointer_verdict{pointer_rule::free_go_memory, *go};
      }
      if (const auto twice = first(event.value, [](const param_memory<GoSite> &p) { return p.freed_by_go; })) {
        return pointer_verdict{pointer_rule::double_free, *twice};
      }
      return std::nullopt;
    }
    case event_kind::stack_escape: {
      if (event.where == sink::global || event.where == sink::static_local) {
        return pointer_verdict{pointer_rule::stack_address_escape, 0};
      }
      if (!function_is_boundary) {
        return std::nullopt;
      }
      if (event.where == sink::returned) {
        return pointer_verdict{pointer_rule::stack_address_escape, 0};
      }
      if (event.where == sink::argument_memory && event.target != 0) {
        for (std::size_t i = 0; i < params.size() && i < max_tracked_params; ++i) {
          if ((event.target & param_bit(i)) != 0) {
            return pointer_verdict{pointer_rule::stack_address_escape, i};
          }
        }
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

/// Whether a finding of `rule` notes this Go call: the calls that pass what
/// the rule is about (unpinned Go memory for what C keeps or stores, any Go
/// memory for a free, memory Go frees after the call for a double free).
template <class GoSite>
bool origin_is_noted(pointer_rule rule, const go_origin<GoSite> &origin) {
  switch (rule) {
    case pointer_rule::double_free:
      return origin.freed_by_go;
    case pointer_rule::free_go_memory:
      return !origin.freed_by_go && origin.kinds.any_go();
    case pointer_rule::retained:
    case pointer_rule::go_pointer_in_go_memory:
    case pointer_rule::stack_address_escape:
      break;
  }
  return !origin.freed_by_go && origin.kinds.go;
}

/// A `kept` event of a store that `judge` also reports as a store into Go
/// memory is the same finding twice: the store wins.
template <class Site, class GoSite>
bool kept_is_reported_as_store(const pointer_event<Site> &kept, const std::vector<pointer_event<Site>> &events,
                               const std::vector<param_memory<GoSite>> &params, bool function_is_boundary) {
  if (kept.kind != event_kind::kept || kept.where != sink::argument_memory) {
    return false;
  }
  return std::any_of(events.begin(), events.end(), [&](const pointer_event<Site> &e) {
    if (e.kind != event_kind::stored || e.at != kept.at || e.via != kept.via) {
      return false;
    }
    const auto v = judge(e, params, function_is_boundary);
    return v && v->rule == pointer_rule::go_pointer_in_go_memory;
  });
}

}  // namespace cgocheck::rules

#endif  // CGOCHECK_RULES_POINTERS_HPP
