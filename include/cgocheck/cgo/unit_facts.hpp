// Reading the Go-side facts back from a generated unit: the strings of its
// `_cgocheck_go_facts` table (written by translation_unit.hpp's
// facts_as_json) parsed into plain structs, for the checks.
//
// Unknown shapes and malformed entries are skipped: a unit written by a newer
// driver still gives the facts this reader knows.
#ifndef CGOCHECK_CGO_UNIT_FACTS_HPP
#define CGOCHECK_CGO_UNIT_FACTS_HPP

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::cgo {

/// The name of the facts table in generated units.
inline constexpr std::string_view facts_table_name = "_cgocheck_go_facts";

/// A position in a .go file, as the facts give it ("path:line:col").
struct go_site {
  std::string path;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// "path:line:col" (the path may itself hold colons), or nothing.
inline std::optional<go_site> parse_go_site(std::string_view text) {
  const std::size_t c2 = text.rfind(':');
  if (c2 == std::string_view::npos || c2 == 0) {
    return std::nullopt;
  }
  const std::size_t c1 = text.rfind(':', c2 - 1);
  if (c1 == std::string_view::npos || c1 == 0) {
    return std::nullopt;
  }
  const auto number = [](std::string_view s) -> std::optional<std::uint32_t> {
    if (s.empty() || s.size() > 9) {
      return std::nullopt;
    }
    std::uint32_t n = 0;
    for (const char ch : s) {
      if (ch < '0' || ch > '9') {
        return std::nullopt;
      }
      n = n * 10 + static_cast<std::uint32_t>(ch - '0');
    }
    return n;
  };
  const auto line = number(text.substr(c1 + 1, c2 - c1 - 1));
  const auto column = number(text.substr(c2 + 1));
  if (!line || !column || *line == 0 || *column == 0) {
    return std::nullopt;
  }
  return go_site{std::string(text.substr(0, c1)), *line, *column};
}

struct unit_argument {
  std::string kind; ///< provenance_name(): "go-memory", "c-memory", ...
  std::string why;
  std::optional<go_site> at;
  bool freed_by_go = false;
  bool held = false; ///< unknown, read from a struct field or package variable
};

struct unit_call {
  std::string function; ///< the C function
  std::optional<go_site> at;
  std::string go_function;
  std::vector<unit_argument> args;
};

/// Go code reads or writes field `field` of a C struct or union.
struct unit_field_access {
  std::string field;
  std::string of;       ///< cgo's name of the type: "struct_packet", "packet_t"; "" if only via_call is known
  std::string via_call; ///< the C function whose result is accessed, when `of` is unknown
  std::optional<go_site> at;
  std::string go_function;
};

/// All facts of one unit.
struct unit_facts {
  std::string package;
  std::string go_file;
  std::vector<unit_call> calls;
  std::vector<unit_field_access> field_accesses;
  std::set<std::string> exports;
  std::set<std::string> noescape;
  std::set<std::string> nocallback;
  std::set<std::string> c_types; ///< cgo names used by the Go file: "struct_img", "size_t"

  /// The calls of C function `name`.
  [[nodiscard]] std::vector<const unit_call *> calls_of(std::string_view name) const {
    std::vector<const unit_call *> out;
    for (const unit_call &c : calls) {
      if (c.function == name) {
        out.push_back(&c);
      }
    }
    return out;
  }
};

namespace detail {
inline std::string json_string(const nlohmann::json &j, const char *key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
inline std::optional<go_site> json_site(const nlohmann::json &j, const char *key) {
  const std::string s = json_string(j, key);
  return s.empty() ? std::nullopt : parse_go_site(s);
}
} // namespace detail

/// Adds one table entry to `facts`; false when it is not a JSON object.
inline bool add_unit_fact(unit_facts &facts, std::string_view text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) {
    return false;
  }
  using detail::json_site;
  using detail::json_string;
  if (j.contains("call")) {
    unit_call c{json_string(j, "call"), json_site(j, "at"), json_string(j, "go_function"), {}};
    if (const auto args = j.find("args"); args != j.end() && args->is_array()) {
      for (const nlohmann::json &a : *args) {
        if (!a.is_object()) {
          continue;
        }
        const auto freed = a.find("freed_by_go");
        const auto held = a.find("held");
        c.args.push_back({json_string(a, "kind"), json_string(a, "why"), json_site(a, "at"),
                          freed != a.end() && freed->is_boolean() && freed->get<bool>(),
                          held != a.end() && held->is_boolean() && held->get<bool>()});
      }
    }
    facts.calls.push_back(std::move(c));
  } else if (j.contains("field")) {
    facts.field_accesses.push_back({json_string(j, "field"), json_string(j, "of"), json_string(j, "via_call"),
                                    json_site(j, "at"), json_string(j, "go_function")});
  } else if (j.contains("export")) {
    facts.exports.insert(json_string(j, "export"));
  } else if (j.contains("noescape")) {
    facts.noescape.insert(json_string(j, "noescape"));
  } else if (j.contains("nocallback")) {
    facts.nocallback.insert(json_string(j, "nocallback"));
  } else if (j.contains("c_type")) {
    facts.c_types.insert(json_string(j, "c_type"));
  } else if (j.contains("package")) {
    facts.package = json_string(j, "package");
    facts.go_file = json_string(j, "file");
  }
  return true;
}

/// cgo's name for a C type spelled in C: "struct x" -> "struct_x",
/// "union u" -> "union_u", "enum e" -> "enum_e", a typedef name as it is
/// (src/cmd/cgo/gcc.go, the C.struct_/union_/enum_ prefixes; go1.19-go1.27).
inline std::string cgo_type_name(std::string_view keyword, std::string_view name) {
  if (keyword.empty()) {
    return std::string(name);
  }
  return std::string(keyword) + "_" + std::string(name);
}

} // namespace cgocheck::cgo

#endif // CGOCHECK_CGO_UNIT_FACTS_HPP
