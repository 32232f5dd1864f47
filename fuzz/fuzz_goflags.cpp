// Fuzzes GOFLAGS splitting and checking (goflags.hpp) for Go 1.19
// (strings.Fields) and 1.21+ (quoted.Split), and quoted_split / quoted_join
// (quoted.hpp).
#include "check.hpp"

#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/buildenv/goflags.hpp"
#include "cgocheck/buildenv/quoted.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace bf = cgocheck::buildenv;

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

void check_goflags(const bf::goflags_result &r, const bf::split_result &words) {
  if (!r.ok()) {
    FUZZ_CHECK(r.flags.empty());
    FUZZ_CHECK(starts_with(r.error, "parsing $GOFLAGS: "));
    return;
  }
  FUZZ_CHECK(words.ok());
  FUZZ_CHECK(r.flags.size() == words.fields.size());
  for (std::size_t i = 0; i < r.flags.size(); ++i) {
    const bf::go_flag &f = r.flags[i];
    FUZZ_CHECK(f.word == words.fields[i]);
    // -x, --x, -x=v or --x=v.
    FUZZ_CHECK(starts_with(f.word, "-"));
    FUZZ_CHECK(!f.name.empty());
    FUZZ_CHECK(f.name[0] != '-' && f.name[0] != '=');
    FUZZ_CHECK(f.name.find('=') == std::string::npos);
    FUZZ_CHECK(f.has_value || f.value.empty());
    const std::string rest = f.has_value ? f.name + "=" + f.value : f.name;
    FUZZ_CHECK(f.word == "-" + rest || f.word == "--" + rest);
  }
}

void check_apply(const std::vector<bf::go_flag> &goflags, const std::vector<bf::go_flag> &command_line) {
  const std::vector<bf::flag_setting> settings = bf::apply_flags(goflags, command_line);
  std::set<std::string> names;
  for (const bf::flag_setting &s : settings) {
    FUZZ_CHECK(names.insert(s.flag.name).second);
    for (const bf::go_flag &r : s.replaced) {
      FUZZ_CHECK(r.name == s.flag.name);
    }
  }
  for (const bf::go_flag &f : goflags) {
    FUZZ_CHECK(names.count(f.name) == 1);
  }
  for (const bf::go_flag &f : command_line) {
    FUZZ_CHECK(names.count(f.name) == 1);
  }
  FUZZ_CHECK(settings.size() <= goflags.size() + command_line.size());
}

bool go_fields_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char *>(data), size);

  // Go 1.19: strings.Fields never fails; words hold no white space.
  const bf::split_result fields19 = bf::split_goflags(bf::go_version{19}, s);
  FUZZ_CHECK(fields19.ok());
  for (const std::string &w : fields19.fields) {
    FUZZ_CHECK(!w.empty());
    for (const char c : w) {
      FUZZ_CHECK(!go_fields_space(c));
    }
  }
  const bf::goflags_result flags19 = bf::parse_goflags(bf::go_version{19}, s);
  check_goflags(flags19, fields19);

  // Go 1.21+: quoted.Split.
  const bf::split_result split = bf::quoted_split(s);
  if (!split.ok()) {
    FUZZ_CHECK(split.fields.empty());
    FUZZ_CHECK(split.error == "unterminated ' string" || split.error == "unterminated \" string");
  }
  const bf::goflags_result flags21 = bf::parse_goflags(bf::go_version{21}, s);
  check_goflags(flags21, split);
  if (!split.ok()) {
    FUZZ_CHECK(flags21.error == "parsing $GOFLAGS: " + split.error);
  }
  check_apply(flags19.flags, flags21.flags);

  // Round trip. quoted.Join writes an empty field as nothing (go1.19.8 ...
  // go1.27.3, and so does the header), so Split gives back the non-empty
  // fields only.
  if (split.ok()) {
    const std::optional<std::string> joined = bf::quoted_join(split.fields);
    bool both_quotes = false;
    for (const std::string &f : split.fields) {
      both_quotes = both_quotes || (f.find('\'') != std::string::npos && f.find('"') != std::string::npos);
    }
    FUZZ_CHECK(joined.has_value() == !both_quotes);
    if (joined) {
      const bf::split_result again = bf::quoted_split(*joined);
      FUZZ_CHECK(again.ok());
      std::vector<std::string> non_empty;
      for (const std::string &f : split.fields) {
        if (!f.empty()) {
          non_empty.push_back(f);
        }
      }
      FUZZ_CHECK(again.fields == non_empty);
      FUZZ_CHECK(bf::env_join(split.fields) == *joined);
    }
  }
  return 0;
}
