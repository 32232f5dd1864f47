// Fuzzes the go command's cgo flag security check (cgo/security.hpp):
// check_cgo_flags, check_pkg_config_output and check_pkg_config_args for any
// Go release 1.19-1.27, with and without CGO_<VERB>_ALLOW/DISALLOW.
//
// Input: byte 0 picks the release, byte 1 the verb and which of the first
// lines are an ALLOW / DISALLOW regexp; the rest is split at '\n' into those
// patterns and then the words to check.
#include "check.hpp"

#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/cgo/security.hpp"
#include "cgocheck/cgo/verb.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cg = cgocheck::cgo;
namespace be = cgocheck::buildenv;

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

cg::env_lookup env_of(const std::map<std::string, std::string> &vars) {
  return [vars](std::string_view key) -> std::optional<std::string> {
    const auto it = vars.find(std::string(key));
    if (it == vars.end() || it->second.empty()) {
      return std::nullopt;
    }
    return it->second;
  };
}

bool takes_next(cg::cgo_verb verb, std::string_view word) {
  if (verb == cg::cgo_verb::ldflags) {
    for (const std::string_view f : cg::detail::linker_next_arg_flags) {
      if (f == word) {
        return true;
      }
    }
    return false;
  }
  for (const std::string_view f : cg::detail::compiler_next_arg_flags) {
    if (f == word) {
      return true;
    }
  }
  return false;
}

/// The invariants of one flag_check over `words`.
void check_result(be::go_version v, cg::cgo_verb verb, std::string_view source, const std::vector<std::string> &words,
                  const cg::flag_check &c, bool overridden) {
  if (c.error) {
    FUZZ_CHECK(c.verdicts.empty());
    FUZZ_CHECK(!c.reported);
    FUZZ_CHECK(starts_with(*c.error, "parsing $CGO_"));
    FUZZ_CHECK(c.error->find(": error parsing regexp: ") != std::string::npos);
    return;
  }
  FUZZ_CHECK(c.verdicts.size() == words.size());
  const std::string link = v >= be::go_version{26} ? " (see https://go.dev/s/invalidflag)"
                                                   : " (see https://golang.org/s/invalidflag)";
  const std::string prefix = "invalid flag in " + std::string(source) + ": ";
  std::optional<std::size_t> first_rejected;
  for (std::size_t i = 0; i < c.verdicts.size(); ++i) {
    const cg::flag_verdict &verdict = c.verdicts[i];
    FUZZ_CHECK(verdict.index == i);
    FUZZ_CHECK(verdict.flag == words[i]);
    FUZZ_CHECK(verdict.accepted == verdict.message.empty());
    if (!verdict.accepted) {
      if (!first_rejected) {
        first_rejected = i;
      }
      FUZZ_CHECK(starts_with(verdict.message, prefix + words[i]));
      const std::string_view rest = std::string_view(verdict.message).substr(prefix.size() + words[i].size());
      if (rest == " without argument" + link) {
        FUZZ_CHECK(i + 1 == words.size());
        FUZZ_CHECK(takes_next(verb, words[i]));
      } else if (!rest.empty() && ends_with(rest, link) && takes_next(verb, words[i]) && i + 1 < words.size() &&
                 rest == " " + words[i + 1] + link) {
        // The next-argument form naming both words.
      } else {
        FUZZ_CHECK(rest == (v >= be::go_version{26} ? link : std::string{}));
      }
    } else if (!overridden) {
      // Nothing the built-in lists accept starts like a response file or a
      // plugin, unless it is the safe argument of the flag before it.
      const bool consumed = i > 0 && c.verdicts[i - 1].accepted && takes_next(verb, words[i - 1]);
      if (!consumed) {
        FUZZ_CHECK(!starts_with(words[i], "@"));
        FUZZ_CHECK(!starts_with(words[i], "-fplugin"));
        FUZZ_CHECK(!starts_with(words[i], "-B"));
      }
    }
  }
  FUZZ_CHECK(c.reported == first_rejected);
  FUZZ_CHECK((c.first_rejection() == nullptr) == !first_rejected);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size < 2) {
    return 0;
  }
  const be::go_version v{19 + data[0] % 9};
  const std::uint8_t mode = data[1];
  const std::string_view text(reinterpret_cast<const char *>(data + 2), size - 2);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t nl = text.find('\n', start);
    lines.emplace_back(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) {
      break;
    }
    start = nl + 1;
  }
  std::size_t next = 0;
  std::map<std::string, std::string> vars;
  const bool with_allow = (mode & 0x10) != 0 && next < lines.size();
  const std::string allow = with_allow ? lines[next++] : std::string{};
  const bool with_disallow = (mode & 0x20) != 0 && next < lines.size();
  const std::string disallow = with_disallow ? lines[next++] : std::string{};
  const std::vector<std::string> words(lines.begin() + static_cast<std::ptrdiff_t>(next), lines.end());

  const cg::cgo_verb verbs[] = {cg::cgo_verb::cflags, cg::cgo_verb::cppflags, cg::cgo_verb::cxxflags,
                                cg::cgo_verb::fflags, cg::cgo_verb::ldflags};
  const cg::cgo_verb verb = verbs[mode % 5];
  const std::string name(cg::verb_name(verb));
  if (with_allow) {
    vars["CGO_" + name + "_ALLOW"] = allow;
  }
  if (with_disallow) {
    vars["CGO_" + name + "_DISALLOW"] = disallow;
  }
  const bool overridden = !allow.empty() || !disallow.empty();

  // The #cgo check, twice: it is deterministic.
  const cg::flag_check c = cg::check_cgo_flags(v, verb, words, env_of(vars));
  check_result(v, verb, "#cgo " + name, words, c, overridden);
  const cg::flag_check again = cg::check_cgo_flags(v, verb, words, env_of(vars));
  FUZZ_CHECK(again.error == c.error && again.reported == c.reported && again.verdicts.size() == c.verdicts.size());

  // Without any override the list is judged the same by every compiler verb.
  if (!overridden && verb != cg::cgo_verb::ldflags) {
    const cg::flag_check cxx = cg::check_cgo_flags(v, cg::cgo_verb::cxxflags, words, env_of({}));
    FUZZ_CHECK(cxx.reported == c.reported);
  }

  // ALLOW=.* accepts every word; DISALLOW=.* rejects every word that is
  // not the accepted argument of the word before it (and DISALLOW wins).
  const cg::flag_check all = cg::check_cgo_flags(v, verb, words, env_of({{"CGO_" + name + "_ALLOW", ".*"}}));
  FUZZ_CHECK(!all.error && !all.reported);
  const cg::flag_check none = cg::check_cgo_flags(
      v, verb, words, env_of({{"CGO_" + name + "_ALLOW", ".*"}, {"CGO_" + name + "_DISALLOW", "(?s).*"}}));
  FUZZ_CHECK(!none.error);
  for (const cg::flag_verdict &verdict : none.verdicts) {
    FUZZ_CHECK(!verdict.accepted);
  }

  // The user regexp, compiled as Go would: a value or Go's error text.
  const cg::detail::user_regexp re = cg::detail::compile_go_regexp(v, allow);
  FUZZ_CHECK((re.re != nullptr) == re.error.empty());
  if (!re.error.empty()) {
    FUZZ_CHECK(starts_with(re.error, "error parsing regexp: "));
  }

  // go_runes is idempotent and leaves valid UTF-8 alone.
  for (const std::string &w : words) {
    const std::string runes = cg::detail::go_runes(w);
    FUZZ_CHECK(cg::detail::go_runes(runes) == runes);
    FUZZ_CHECK(runes.size() >= w.size());
  }

  // pkg-config output and arguments.
  const cg::pkg_config_output which = verb == cg::cgo_verb::ldflags ? cg::pkg_config_output::libs
                                                                    : cg::pkg_config_output::cflags;
  const cg::flag_check out = cg::check_pkg_config_output(v, which, words, env_of({}));
  check_result(v, verb == cg::cgo_verb::ldflags ? verb : cg::cgo_verb::cflags,
               which == cg::pkg_config_output::libs ? "pkg-config --libs" : "pkg-config --cflags", words, out, false);
  const cg::flag_check args = cg::check_pkg_config_args(v, words);
  FUZZ_CHECK(!args.error);
  FUZZ_CHECK(args.verdicts.size() == words.size());
  bool bad_name = false;
  for (std::size_t i = 0; i < args.verdicts.size(); ++i) {
    const cg::flag_verdict &verdict = args.verdicts[i];
    FUZZ_CHECK(verdict.index == i && verdict.flag == words[i]);
    FUZZ_CHECK(verdict.accepted == verdict.message.empty());
    const bool option = starts_with(words[i], "--");
    if (words[i] == "--" || (option && v < be::go_version{24})) {
      FUZZ_CHECK(verdict.accepted);
    } else if (!option) {
      FUZZ_CHECK(verdict.accepted == cg::detail::safe_arg(words[i]));
      if (!verdict.accepted) {
        FUZZ_CHECK(verdict.message == "invalid pkg-config package name: " + words[i]);
        bad_name = true;
      }
    } else if (!verdict.accepted) {
      FUZZ_CHECK(starts_with(verdict.message, "invalid flag in pkg-config: " + words[i]));
    }
  }
  // A bad package name is what go reports, before any option.
  if (bad_name) {
    const cg::flag_verdict *reported = args.first_rejection();
    FUZZ_CHECK(reported != nullptr && !starts_with(reported->flag, "--"));
  }
  return 0;
}
