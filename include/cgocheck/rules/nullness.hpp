// cgocheck::rules — nullness of C pointer variables along program paths.
//
// The model behind cgo-nil-free (and, later, every check that needs to know
// whether a pointer can be null). It knows nothing about clang: the plugin
// walks clang's CFG and feeds this model three kinds of events — an
// assignment, a test against null seen on a branch edge, and a join of two
// paths — and asks it for a verdict at each call to a deallocator.
//
// Semantics modelled: C11 7.22.3.3 (also C17, C23): "If ptr is a null
// pointer, no action occurs." A `free` whose argument is null on every path
// reaching it therefore does nothing. cgo wraps `C.malloc` so that it never
// returns nil (src/cmd/cgo/out.go, `_cgo_cmalloc` throws "runtime: C malloc
// failed", go1.19–go1.27) but leaves `C.free` the C library's `free`, so the
// same holds for frees made from Go.
#ifndef CGOCHECK_RULES_NULLNESS_HPP
#define CGOCHECK_RULES_NULLNESS_HPP

#include <cstdint>
#include <map>
#include <optional>
#include <utility>

namespace cgocheck::rules {

/// What is known about whether a pointer is null at a program point.
///
/// A four-point lattice, ordered by information lost:
///
///            unknown            (null on some paths, non-null on others, or untracked)
///           /       \
///        null     non_null
///           \       /
///           unreached           (no path reaches the point)
///
/// The encoding makes join a bitwise or and meet a bitwise and.
enum class nullness : std::uint8_t {
  unreached = 0b00,
  null = 0b01,
  non_null = 0b10,
  unknown = 0b11,
};

/// Least upper bound: what holds where two paths meet.
constexpr nullness join(nullness a, nullness b) noexcept {
  return static_cast<nullness>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}

/// Greatest lower bound: what holds when both facts hold.
constexpr nullness meet(nullness a, nullness b) noexcept {
  return static_cast<nullness>(static_cast<std::uint8_t>(a) & static_cast<std::uint8_t>(b));
}

/// Partial order of the lattice: `a` carries at least as much information as `b`.
constexpr bool leq(nullness a, nullness b) noexcept { return join(a, b) == b; }

/// The value after a branch that is only taken when the pointer is null
/// (`is_null == true`) or only when it is not. Contradictions yield unreached.
constexpr nullness assume(nullness value, bool is_null) noexcept {
  return meet(value, is_null ? nullness::null : nullness::non_null);
}

/// The verdict on a call to a deallocator given its argument's nullness.
enum class dealloc_verdict : std::uint8_t {
  frees_something_maybe,  ///< the argument may be non-null: nothing to report
  frees_nothing,          ///< null on every path reaching the call: a no-op
  unreachable,            ///< no path reaches the call: nothing to report
};

/// Rule of cgo-nil-free: a deallocation is a no-op exactly when its argument
/// is null on every path that reaches it (C11 7.22.3.3).
constexpr dealloc_verdict judge_deallocation(nullness argument) noexcept {
  switch (argument) {
    case nullness::null:
      return dealloc_verdict::frees_nothing;
    case nullness::unreached:
      return dealloc_verdict::unreachable;
    case nullness::non_null:
    case nullness::unknown:
      break;
  }
  return dealloc_verdict::frees_something_maybe;
}

/// The nullness of every tracked pointer variable at one program point.
///
/// `Key` names a variable (the plugin uses `const clang::VarDecl *`); `Origin`
/// records where a null or non-null fact was established, for diagnostics
/// notes (the plugin uses `const clang::Stmt *`). Variables without an entry
/// are `unknown`; a state that is not `reached()` is the lattice bottom, so
/// joining with it changes nothing.
///
/// Equality compares values only, never origins, so that the fixpoint
/// iteration of a dataflow driver terminates.
template <class Key, class Origin>
class nullness_state {
 public:
  struct fact {
    nullness value;
    Origin origin;
  };

  /// The state at a function's entry: reached, every variable unknown.
  static nullness_state entry() {
    nullness_state s;
    s.reached_ = true;
    return s;
  }

  /// The bottom state: no path reaches this point (yet).
  static nullness_state unreachable() { return nullness_state{}; }

  [[nodiscard]] bool reached() const noexcept { return reached_; }

  /// The nullness of `key`; unreached for an unreached state.
  [[nodiscard]] nullness get(const Key &key) const {
    if (!reached_) {
      return nullness::unreached;
    }
    auto it = facts_.find(key);
    return it == facts_.end() ? nullness::unknown : it->second.value;
  }

  /// Where the fact about `key` was established, if it is not unknown.
  [[nodiscard]] std::optional<Origin> origin(const Key &key) const {
    auto it = facts_.find(key);
    if (!reached_ || it == facts_.end()) {
      return std::nullopt;
    }
    return it->second.origin;
  }

  /// Transfer for an assignment `key = <value>` (or an initialisation).
  void assign(const Key &key, nullness value, Origin origin) {
    if (!reached_) {
      return;
    }
    if (value == nullness::unknown || value == nullness::unreached) {
      facts_.erase(key);
      return;
    }
    facts_.insert_or_assign(key, fact{value, std::move(origin)});
  }

  /// Transfer for anything that may change `key` in ways not modelled.
  void forget(const Key &key) { facts_.erase(key); }

  /// Transfer for a branch edge taken only when `key` is null (`is_null`)
  /// or only when it is not. Returns false, and makes the state unreached,
  /// when the edge contradicts what is known (an infeasible path).
  bool assume_null(const Key &key, bool is_null, Origin origin) {
    if (!reached_) {
      return false;
    }
    const nullness before = get(key);
    const nullness after = assume(before, is_null);
    if (after == nullness::unreached) {
      *this = unreachable();
      return false;
    }
    if (after != before) {
      facts_.insert_or_assign(key, fact{after, std::move(origin)});
    }
    return true;
  }

  /// Least upper bound with `other`, in place: what holds where the paths meet.
  /// Where both sides agree the origin of this side is kept.
  void join_with(const nullness_state &other) {
    if (!other.reached_) {
      return;
    }
    if (!reached_) {
      *this = other;
      return;
    }
    for (auto it = facts_.begin(); it != facts_.end();) {
      const nullness joined = join(it->second.value, other.get(it->first));
      if (joined == nullness::unknown) {
        it = facts_.erase(it);
      } else {
        it->second.value = joined;
        ++it;
      }
    }
  }

  /// Number of variables with a known (non-unknown) value.
  [[nodiscard]] std::size_t known_count() const noexcept { return reached_ ? facts_.size() : 0; }

  friend bool operator==(const nullness_state &a, const nullness_state &b) {
    if (a.reached_ != b.reached_) {
      return false;
    }
    if (a.facts_.size() != b.facts_.size()) {
      return false;
    }
    auto bi = b.facts_.begin();
    for (const auto &[key, f] : a.facts_) {
      if (key != bi->first || f.value != bi->second.value) {
        return false;
      }
      ++bi;
    }
    return true;
  }
  friend bool operator!=(const nullness_state &a, const nullness_state &b) { return !(a == b); }

 private:
  bool reached_ = false;
  std::map<Key, fact> facts_;
};

}  // namespace cgocheck::rules

#endif  // CGOCHECK_RULES_NULLNESS_HPP
