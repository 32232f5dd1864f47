// cgocheck::buildenv — GODEBUG and GOEXPERIMENT as they bear on cgo's own
// run-time pointer checks.
//
// Sources: src/runtime/runtime1.go (`parsedebugvars`: settings are
// comma-separated name=value pairs, a later one replaces an earlier one;
// `debug.cgocheck = 1` by default), src/runtime/cgocheck.go and cgocall.go,
// go1.19.8 and go1.21.13 ... go1.27.3:
// - cgocheck=0 turns the run-time checks off, 1 is the default (cheap checks);
// - 1.19/1.20: cgocheck=2 adds the write-barrier checks;
// - 1.21+: any cgocheck > 1 throws at startup ("cgocheck > 1 mode is no
//   longer supported at runtime. Use GOEXPERIMENT=cgocheck2 at build time
//   instead."); GOEXPERIMENT=cgocheck2 (internal/goexperiment CgoCheck2) is
//   the build-time switch and forces every check on, even with cgocheck=0.
// GODEBUG is read from the OS environment only (never from the go/env file).
#ifndef CGOCHECK_BUILDENV_RUNTIME_DEBUG_HPP
#define CGOCHECK_BUILDENV_RUNTIME_DEBUG_HPP

#include "cgocheck/buildenv/go_version.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::buildenv {

namespace detail {
/// The comma-separated items of a GODEBUG or GOEXPERIMENT list, empty ones
/// included.
inline std::vector<std::string_view> comma_items(std::string_view list) {
  std::vector<std::string_view> out;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    out.push_back(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
  }
  return out;
}

/// Every value given to `name` in a name=value list, in order.
inline std::vector<std::string_view> setting_values(std::string_view list, std::string_view name) {
  std::vector<std::string_view> out;
  for (const std::string_view item : comma_items(list)) {
    const std::size_t eq = item.find('=');
    if (eq != std::string_view::npos && item.substr(0, eq) == name) {
      out.push_back(item.substr(eq + 1));
    }
  }
  return out;
}
} // namespace detail

/// The last value of `name` in a comma-separated name=value list.
inline std::optional<std::string> debug_setting(std::string_view list, std::string_view name) {
  const std::vector<std::string_view> values = detail::setting_values(list, name);
  return values.empty() ? std::nullopt : std::optional<std::string>(values.back());
}

/// Whether a GOEXPERIMENT list turns `experiment` on (a later "noX" turns it
/// off again, "none" turns everything off; src/internal/buildcfg/exp.go
/// `ParseGOEXPERIMENT`).
inline bool experiment_enabled(std::string_view list, std::string_view experiment) {
  bool on = false;
  for (const std::string_view item : detail::comma_items(list)) {
    const bool negated = item.size() == experiment.size() + 2 && item.substr(0, 2) == "no" &&
                         item.substr(2) == experiment;
    // `none` clears every experiment set so far; `noX` clears X.
    if (item == "none" || negated) {
      on = false;
    } else if (item == experiment) {
      on = true;
    }
  }
  return on;
}

/// What a program built and run with these settings does about cgo checks.
struct cgo_runtime_checks {
  enum class mode : std::uint8_t { off, default_checks, full_checks, aborts_at_startup };
  mode effect = mode::default_checks;
  std::string explanation; ///< empty for the plain default
};

/// `godebug` is the run-time GODEBUG (OS environment), `goexperiment` the
/// build-time GOEXPERIMENT. Integers are parsed like the runtime's atoi:
/// a value that is not a number leaves the default.
inline cgo_runtime_checks judge_cgo_runtime_checks(go_version v, std::string_view godebug,
                                                   std::string_view goexperiment) {
  cgo_runtime_checks out;
  const bool cgocheck2 = v >= go_version{21} && experiment_enabled(goexperiment, "cgocheck2");
  // parsegodebug assigns only values that parse as numbers, so a later
  // "cgocheck=x" leaves an earlier "cgocheck=0" in force.
  int level = 1;
  std::string setting = "1";
  for (const std::string_view value : detail::setting_values(godebug, "cgocheck")) {
    if (!value.empty() && value.size() < 10 && value.find_first_not_of("0123456789") == std::string_view::npos) {
      setting = std::string(value);
      level = std::stoi(setting);
    }
  }
  using mode = cgo_runtime_checks::mode;
  if (v >= go_version{21} && level > 1) {
    out.effect = mode::aborts_at_startup;
    out.explanation = "GODEBUG=cgocheck=" + setting +
                      " makes every program built with Go " + v.str() +
                      " abort at startup (\"cgocheck > 1 mode is no longer supported at runtime\"); "
                      "build with GOEXPERIMENT=cgocheck2 instead";
    return out;
  }
  if (cgocheck2) {
    out.effect = mode::full_checks;
    out.explanation = level == 0 ? "GOEXPERIMENT=cgocheck2 keeps every cgo pointer check on; "
                                   "GODEBUG=cgocheck=0 has no effect on such a build"
                                 : "GOEXPERIMENT=cgocheck2: every cgo pointer check is on, "
                                   "including the write-barrier checks";
    return out;
  }
  if (!goexperiment.empty() && v < go_version{21} && experiment_enabled(goexperiment, "cgocheck2")) {
    out.explanation = "GOEXPERIMENT=cgocheck2 does not exist before Go 1.21";
  }
  const std::string before = out.explanation.empty() ? std::string{} : out.explanation + "; ";
  if (level == 0) {
    out.effect = mode::off;
    out.explanation = before + "GODEBUG=cgocheck=0 turns off the run-time cgo pointer checks; "
                      "bugs that pass Go pointers wrongly go unreported until the GC crashes";
  } else if (level > 1) {
    out.effect = mode::full_checks;
    out.explanation = before + "GODEBUG=cgocheck=" + setting + " adds the write-barrier checks (Go " +
                      v.str() + "; from 1.21 this aborts at startup)";
  }
  return out;
}

} // namespace cgocheck::buildenv

#endif // CGOCHECK_BUILDENV_RUNTIME_DEBUG_HPP
