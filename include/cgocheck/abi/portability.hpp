// What differs between targets, for the ABI checks: which of a list of
// targets disagree about plain char, which cannot take a long double through
// cgo, and on which variadic and fixed-arity calls are not interchangeable.
//
// The checks evaluate every listed target whatever triple the translation
// unit was parsed for, so the verdicts here take data models, never the
// parsing target.
#ifndef CGOCHECK_ABI_PORTABILITY_HPP
#define CGOCHECK_ABI_PORTABILITY_HPP

#include "cgocheck/abi/data_model.hpp"
#include "cgocheck/abi/layout.hpp"

#include <cstdint>
#include <iterator>
#include <utility>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::abi {

/// The default of the checks' `Targets` option.
inline constexpr std::string_view default_targets = "darwin/arm64,linux/arm64,linux/amd64";

/// A list of targets, or why the text is not one.
struct target_list {
  std::vector<const data_model *> models;
  std::string error; ///< "" when the list is good
};

/// Parses "darwin/arm64,linux/arm64" (commas or semicolons, spaces ignored).
/// An unknown pair or an empty list is an error naming it; duplicates are
/// kept once.
inline target_list parse_targets(std::string_view text) {
  target_list out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(",;", start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view item = text.substr(start, end - start);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) {
      item.remove_prefix(1);
    }
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) {
      item.remove_suffix(1);
    }
    if (!item.empty()) {
      const data_model *m = find_data_model(item);
      if (m == nullptr) {
        out.models.clear();
        out.error = "unknown target '" + std::string(item) + "' (expected GOOS/GOARCH, e.g. darwin/arm64)";
        return out;
      }
      bool seen = false;
      for (const data_model *have : out.models) {
        seen = seen || have == m;
      }
      if (!seen) {
        out.models.push_back(m);
      }
    }
    start = end + 1;
  }
  if (out.models.empty()) {
    out.error = "no targets given";
  }
  return out;
}

/// "darwin/arm64".
inline std::string pair_name(const data_model &m) {
  std::string s(m.goos);
  s += '/';
  s += m.goarch;
  return s;
}

/// "a", "a and b", "a, b and c".
inline std::string join_targets(const std::vector<const data_model *> &models) {
  std::string out;
  for (std::size_t i = 0; i < models.size(); ++i) {
    if (i > 0) {
      out += i + 1 == models.size() ? " and " : ", ";
    }
    out += pair_name(*models[i]);
  }
  return out;
}

/// The targets split by the signedness of plain char.
struct char_split {
  std::vector<const data_model *> signed_targets;
  std::vector<const data_model *> unsigned_targets;
  /// Both kinds present: code that depends on the signedness behaves
  /// differently on some listed targets.
  [[nodiscard]] bool differs() const { return !signed_targets.empty() && !unsigned_targets.empty(); }
};

inline char_split split_by_char_signedness(const std::vector<const data_model *> &models) {
  char_split out;
  for (const data_model *m : models) {
    (m->char_signed ? out.signed_targets : out.unsigned_targets).push_back(m);
  }
  return out;
}

/// A comparison, written with the char on the left (`c < k`).
enum class comparison : std::uint8_t { eq, ne, lt, le, gt, ge };

/// Whether `c OP value` (c a plain char) can come out differently by
/// signedness in a way the code almost surely did not mean: the char holds
/// -128..127 where signed and 0..255 where unsigned, so an equality with a
/// constant outside 0..127 is true on one kind of target only, and so is a
/// sign test (`c < 0`, `c >= 0`). Other relational comparisons (`c < 32`)
/// also differ for bytes 0x80-0xff but are left alone: they are common and
/// mostly meant for ASCII.
constexpr bool char_comparison_depends_on_signedness(comparison op, long long value) noexcept {
  if (value < 0 || value > 127) {
    return true;
  }
  return value == 0 && (op == comparison::lt || op == comparison::ge);
}

/// `k OP c` as `c OP' k`.
constexpr comparison mirrored(comparison op) noexcept {
  switch (op) {
  case comparison::lt:
    return comparison::gt;
  case comparison::le:
    return comparison::ge;
  case comparison::gt:
    return comparison::lt;
  case comparison::ge:
    return comparison::le;
  case comparison::eq:
  case comparison::ne:
    break;
  }
  return op;
}

/// What cgo does with a `long double` on a target (src/cmd/cgo/gcc.go
/// `loadType`, dwarf.FloatType: 4 and 8 bytes map to float32/float64, any
/// other size is the fatal "unexpected: N-byte float type - long double";
/// checked in go1.19, same through go1.27).
struct long_double_verdict {
  bool fatal = false;  ///< cgo stops with an error
  std::string go_type; ///< "float64" when not fatal
  std::string error;   ///< cgo's message when fatal
};

inline long_double_verdict long_double_in_cgo(const data_model &m) {
  long_double_verdict v;
  if (m.long_double_type.size == 8) {
    v.go_type = "float64";
  } else if (m.long_double_type.size == 4) {
    v.go_type = "float32";
  } else {
    v.fatal = true;
    v.error = "unexpected: " + std::to_string(m.long_double_type.size) + "-byte float type - long double";
  }
  return v;
}

/// The targets split by what cgo does with long double.
struct long_double_split {
  std::vector<const data_model *> fatal;
  std::vector<const data_model *> mapped; ///< to float64
  [[nodiscard]] bool any_fatal() const { return !fatal.empty(); }
};

inline long_double_split split_by_long_double(const std::vector<const data_model *> &models) {
  long_double_split out;
  for (const data_model *m : models) {
    (long_double_in_cgo(*m).fatal ? out.fatal : out.mapped).push_back(m);
  }
  return out;
}

/// How a call and the function it reaches disagree about variadic arguments.
enum class variadic_mismatch : std::uint8_t {
  variadic_called_as_fixed, ///< a variadic function called through a fixed-arity type
  fixed_called_as_variadic, ///< a fixed-arity function called through a variadic type
  unprototyped_call,        ///< a call through a declaration without a prototype
};

/// Whether a mismatch passes arguments in the wrong place on a target.
/// `floating_arguments`: some argument concerned is a float or double
/// (empty: not known, as for a cast with no call in sight; then only what
/// goes wrong whatever the arguments counts).
/// - stack_only (Apple arm64, "Writing ARM64 code for Apple platforms"):
///   variadic arguments are always on the stack and fixed ones in
///   registers, so every mismatch is wrong; an unprototyped call is made as
///   a fixed one, which is wrong when the definition is variadic.
/// - vector_count_al (x86-64 System V psABI 3.5.7): a variadic callee reads
///   %al for the number of vector registers to save; a caller using a fixed
///   prototype leaves it unset, losing floating arguments. Callers of
///   unprototyped functions set %al, and a fixed callee ignores it.
/// - floats_in_gprs (Windows arm64): floating variadic arguments travel in
///   general registers, fixed ones in vector registers: wrong with floating
///   arguments either way.
/// - floats_duplicated_in_gprs (Windows x64): a caller using a variadic or
///   unprototyped declaration puts floating arguments in both kinds of
///   register, so a fixed callee still finds them; a variadic callee reached
///   through a fixed prototype reads general registers the caller left unset.
/// - same_as_fixed: the conventions coincide.
constexpr bool variadic_mismatch_breaks(const data_model &m, variadic_mismatch kind,
                                        std::optional<bool> floating_arguments) noexcept {
  const bool floating = floating_arguments.value_or(false);
  switch (m.variadic) {
  case variadic_convention::stack_only:
    return true;
  case variadic_convention::vector_count_al:
    return kind == variadic_mismatch::variadic_called_as_fixed && floating;
  case variadic_convention::same_as_fixed:
    return false;
  case variadic_convention::floats_in_gprs:
    return floating;
  case variadic_convention::floats_duplicated_in_gprs:
    return kind == variadic_mismatch::variadic_called_as_fixed && floating;
  }
  return false;
}

/// The listed targets on which a mismatch goes wrong.
inline std::vector<const data_model *> variadic_breaking_targets(const std::vector<const data_model *> &models,
                                                                 variadic_mismatch kind,
                                                                 std::optional<bool> floating_arguments) {
  std::vector<const data_model *> out;
  for (const data_model *m : models) {
    if (variadic_mismatch_breaks(*m, kind, floating_arguments)) {
      out.push_back(m);
    }
  }
  return out;
}

/// One phrase on why a mismatch is wrong on a target (for messages).
constexpr std::string_view variadic_reason(const data_model &m) noexcept {
  switch (m.variadic) {
  case variadic_convention::stack_only:
    return "variadic arguments go on the stack, fixed ones in registers";
  case variadic_convention::vector_count_al:
    return "a variadic callee needs %al set to the number of vector registers used";
  case variadic_convention::same_as_fixed:
    return "the conventions coincide";
  case variadic_convention::floats_duplicated_in_gprs:
    return "floating-point variadic arguments go in both general and vector registers";
  case variadic_convention::floats_in_gprs:
    return "floating-point variadic arguments go in general registers";
  }
  return "";
}

/// Why cgo drops a field, as a phrase for messages.
constexpr std::string_view drop_reason_phrase(drop_reason r) noexcept {
  switch (r) {
  case drop_reason::bitfield:
    return "a bit-field";
  case drop_reason::misaligned:
    return "misaligned for its Go type";
  case drop_reason::packed_overlap:
    return "packed over the previous field";
  case drop_reason::flexible_array:
    return "a flexible array member";
  case drop_reason::zero_size_trailing:
    return "a zero-size last field";
  case drop_reason::union_member:
    return "a member of a union, which Go sees as bytes";
  }
  return "dropped";
}

/// For each field of `record` (in order): where and why cgo drops it on the
/// listed targets, "a bit-field on darwin/arm64 and linux/amd64; misaligned
/// for its Go type on linux/386", or "" when every listed target keeps it.
/// Lays the record out once per target.
inline std::vector<std::string> dropped_field_summaries(const c_record &record,
                                                        const std::vector<const data_model *> &models) {
  using group = std::pair<drop_reason, std::vector<const data_model *>>;
  std::vector<std::vector<group>> groups(record.fields.size());
  for (const data_model *m : models) {
    const record_layout layout = layout_record(record, *m);
    for (std::size_t i = 0; i < layout.fields.size() && i < groups.size(); ++i) {
      const std::optional<drop_reason> dropped = layout.fields[i].dropped;
      if (!dropped.has_value()) {
        continue;
      }
      const drop_reason reason = dropped.value_or(drop_reason::bitfield);
      auto it = groups[i].begin();
      while (it != groups[i].end() && it->first != reason) {
        ++it;
      }
      if (it == groups[i].end()) {
        groups[i].push_back({reason, {}});
        it = std::prev(groups[i].end());
      }
      it->second.push_back(m);
    }
  }
  std::vector<std::string> out(record.fields.size());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    for (const auto &[reason, where] : groups[i]) {
      if (!out[i].empty()) {
        out[i] += "; ";
      }
      out[i] += drop_reason_phrase(reason);
      out[i] += " on ";
      out[i] += join_targets(where);
    }
  }
  return out;
}

/// dropped_field_summaries for the field named `field` ("" when the record
/// has no such field or every listed target keeps it).
inline std::string dropped_field_summary(const c_record &record, std::string_view field,
                                         const std::vector<const data_model *> &models) {
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    if (record.fields[i].name == field) {
      return dropped_field_summaries(record, models)[i];
    }
  }
  return {};
}

} // namespace cgocheck::abi

#endif // CGOCHECK_ABI_PORTABILITY_HPP
