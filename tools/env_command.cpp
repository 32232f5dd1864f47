// `cgocheck env`: the go command's build environment, with the layer each
// value came from, and what editors and shell tools inject per context.
//
// All rules live in include/cgocheck/buildenv/; this file only looks at the
// machine (environment, files, PATH, the go binary) and prints.
#include "env_command.hpp"
#include "machine.hpp"

#include "cgocheck/buildenv/editor.hpp"
#include "cgocheck/buildenv/env_write.hpp"
#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/buildenv/resolve.hpp"

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <sys/utsname.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace cgocheck::tools {
namespace {

namespace be = cgocheck::buildenv;
namespace fs = std::filesystem;

struct env_options {
  bool json = false;
  std::optional<be::go_version> version;
  std::string goos;
  std::string goarch;
  std::optional<be::target> host;
  std::string toolchain_cgo;
  std::string dir = ".";
  std::vector<std::string> writes; ///< KEY=VALUE for --explain-write
  std::vector<std::string> unsets; ///< KEY for --explain-unset
};

constexpr int exit_ok = 0;
constexpr int exit_error = 2;

int fail(const std::string &reason) {
  std::cerr << "cgocheck: env: " << reason << '\n';
  return exit_error;
}

std::optional<be::target> parse_target(const std::string &text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == text.size()) {
    return std::nullopt;
  }
  return be::target{text.substr(0, slash), text.substr(slash + 1)};
}

nlohmann::json source_json(const be::source &s) {
  nlohmann::json out{{"layer", be::layer_name(s.from)}};
  if (!s.file.empty()) {
    out["file"] = s.file;
  }
  if (s.line > 0) {
    out["line"] = s.line;
  }
  return out;
}

void print_words(const env_options &opts, const be::go_installation &go, const be::resolution &r,
                 const std::vector<std::string> &go_notes, const std::vector<be::context_resolution> &contexts,
                 const be::editor_scan &scan) {
  std::cout << "Go " << go.version.str() << " build environment, host " << go.host.str();
  if (!go.goroot.empty()) {
    std::cout << ", go in " << go.goroot;
  }
  std::cout << "\n";
  for (const std::string &note : go_notes) {
    std::cout << "  (" << note << ")\n";
  }
  std::string env_file_words = r.user_file_path;
  if (env_file_words.empty()) {
    env_file_words = r.get("GOENV").empty() ? std::string("none") : r.get("GOENV") + " (not found)";
  }
  std::cout << "go/env file: " << env_file_words << "\n";
  if (go.version >= be::go_version{21}) {
    std::cout << "$GOROOT/go.env: " << (r.goroot_env_path.empty() ? "not found" : r.goroot_env_path) << "\n";
  }
  std::cout << "\n";
  for (const std::string &key : be::explained_keys()) {
    const auto it = r.values.find(key);
    if (it == r.values.end()) {
      continue;
    }
    const be::resolved_value &value = it->second;
    std::cout << key << "=" << value.value << "\n    from " << be::describe(value.winner) << "\n";
    for (const be::candidate &lost : value.overridden) {
      std::cout << "    overrides " << key << "=" << lost.value << " from " << be::describe(lost.where) << "\n";
    }
    for (const std::string &note : value.notes) {
      std::cout << "    " << note << "\n";
    }
  }
  if (!r.notes.empty()) {
    std::cout << "\nnotes:\n";
    for (const std::string &note : r.notes) {
      std::cout << "  - " << note << "\n";
    }
  }
  std::cout << "\ncontexts (what " << opts.dir << " makes each one see):\n";
  for (const be::context_resolution &view : contexts) {
    std::cout << "  " << view.context.name << ": ";
    if (!view.context.error.empty()) {
      std::cout << "does not start: " << view.context.error << "\n";
      continue;
    }
    std::cout << "CGO_ENABLED=" << view.result.get("CGO_ENABLED") << " GOOS=" << view.result.get("GOOS")
              << " GOARCH=" << view.result.get("GOARCH") << " CC=" << view.result.get("CC") << "\n";
    std::cout << "      inherits " << view.context.inherits << "\n";
    for (const char *key : {"CGO_ENABLED", "GOOS", "GOARCH", "CC"}) {
      const std::string winner = be::origin_in_context(view, key);
      if (view.context.find(key) != nullptr || winner != be::describe(r.values.at(key).winner)) {
        std::cout << "      " << key << " from " << winner << "\n";
      }
    }
    if (const std::string difference = be::cgo_difference(view, r); !difference.empty()) {
      std::cout << "      " << difference << "\n";
    }
    for (const std::string &note : view.context.notes) {
      std::cout << "      " << note << "\n";
    }
  }
  for (const std::string &note : scan.notes) {
    std::cout << "  - " << note << "\n";
  }
}

nlohmann::json to_json(const be::go_installation &go, const be::resolution &r, const std::vector<std::string> &go_notes,
                       const std::vector<be::context_resolution> &contexts, const be::editor_scan &scan) {
  nlohmann::json out = nlohmann::json::object();
  for (const std::string &key : be::printed_keys(go.version)) {
    out[key] = r.get(key);
  }
  nlohmann::json sources = nlohmann::json::object();
  nlohmann::json notes = nlohmann::json::array();
  for (const std::string &note : go_notes) {
    notes.push_back(note);
  }
  for (const auto &[key, value] : r.values) {
    nlohmann::json s = source_json(value.winner);
    if (!value.overridden.empty()) {
      s["overridden"] = nlohmann::json::array();
      for (const be::candidate &lost : value.overridden) {
        nlohmann::json o = source_json(lost.where);
        o["value"] = lost.value;
        s["overridden"].push_back(o);
      }
    }
    if (!value.notes.empty()) {
      s["notes"] = value.notes;
    }
    for (const std::string &note : value.notes) {
      std::string text = key;
      text += ": ";
      text += note;
      notes.push_back(text);
    }
    sources[key] = s;
  }
  for (const std::string &note : r.notes) {
    notes.push_back(note);
  }
  for (const std::string &note : scan.notes) {
    notes.push_back(note);
  }
  out["sources"] = sources;
  out["notes"] = notes;
  nlohmann::json ctx = nlohmann::json::array();
  for (const be::context_resolution &view : contexts) {
    nlohmann::json c{{"name", view.context.name}, {"inherits", view.context.inherits}};
    if (!view.context.error.empty()) {
      c["error"] = view.context.error;
    } else {
      nlohmann::json values = nlohmann::json::object();
      for (const char *key : {"CGO_ENABLED", "GOOS", "GOARCH", "CC"}) {
        values[key] = {{"value", view.result.get(key)}, {"from", be::origin_in_context(view, key)}};
      }
      c["values"] = values;
    }
    nlohmann::json injected = nlohmann::json::array();
    for (const be::injected_var &v : view.context.vars) {
      injected.push_back({{"key", v.key}, {"value", v.value}, {"origin", v.origin}, {"file", v.file}, {"line", v.line}});
    }
    c["injects"] = injected;
    c["notes"] = view.context.notes;
    ctx.push_back(c);
  }
  out["contexts"] = ctx;
  return out;
}

int explain_writes(const env_options &opts, const be::go_installation &go, const be::system_view &sys,
                   const be::resolution &r) {
  int status = exit_ok;
  const auto show = [&](const std::string &command, const be::write_explanation &w) {
    std::cout << command << "\n";
    if (!w.error.empty()) {
      std::cout << "  refused: " << w.error << "\n";
      status = 1;
      return;
    }
    std::cout << "  writes " << w.file << "\n";
    for (const std::string &warning : w.warnings) {
      std::cout << "  prints: " << warning << "\n";
    }
    for (const std::string &note : w.notes) {
      std::cout << "  " << note << "\n";
    }
  };
  for (const std::string &kv : opts.writes) {
    const std::size_t eq = kv.find('=');
    if (eq == std::string::npos) {
      show("go env -w " + kv, {"go: arguments must be KEY=VALUE: invalid argument: " + kv, {}, "", {}});
      continue;
    }
    show("go env -w " + kv, be::explain_env_write(go, sys, r, kv.substr(0, eq), kv.substr(eq + 1), false));
  }
  for (const std::string &key : opts.unsets) {
    show("go env -u " + key, be::explain_env_write(go, sys, r, key, "", true));
  }
  return status;
}

} // namespace

int run_env(const std::vector<std::string_view> &args) {
  env_options opts;
  bool dir_given = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string arg(args[i]);
    const auto value_of = [&](const std::string &flag) -> std::optional<std::string> {
      if (arg.rfind(flag + "=", 0) == 0) {
        return arg.substr(flag.size() + 1);
      }
      if (arg == flag && i + 1 < args.size()) {
        return std::string(args[++i]);
      }
      return std::nullopt;
    };
    if (arg == "--json") {
      opts.json = true;
    } else if (auto v = value_of("--go-version")) {
      opts.version = be::parse_go_version(*v);
      if (!opts.version) {
        return fail("--go-version=" + *v + " is not a Go release cgocheck models (1.19 to 1.27)");
      }
    } else if (auto goos = value_of("--goos")) {
      opts.goos = *goos;
    } else if (auto goarch = value_of("--goarch")) {
      opts.goarch = *goarch;
    } else if (auto host = value_of("--host")) {
      opts.host = parse_target(*host);
      if (!opts.host) {
        return fail("--host=" + *host + " must look like GOOS/GOARCH, e.g. darwin/arm64");
      }
    } else if (auto tc = value_of("--toolchain-cgo-enabled")) {
      if (*tc != "0" && *tc != "1" && !tc->empty()) {
        return fail("--toolchain-cgo-enabled must be 0, 1 or empty");
      }
      opts.toolchain_cgo = *tc;
    } else if (auto w = value_of("--explain-write")) {
      opts.writes.push_back(*w);
    } else if (auto u = value_of("--explain-unset")) {
      opts.unsets.push_back(*u);
    } else if (!arg.empty() && arg.front() == '-') {
      return fail("unknown flag '" + arg + "' (run 'cgocheck help')");
    } else if (!dir_given) {
      opts.dir = arg;
      dir_given = true;
    } else {
      return fail("only one DIR may be given");
    }
  }
  std::error_code ec;
  if (!fs::is_directory(opts.dir, ec)) {
    return fail("'" + opts.dir + "' is not a directory");
  }

  machine_request request;
  request.version = opts.version;
  request.goos = opts.goos;
  request.goarch = opts.goarch;
  request.host = opts.host;
  request.toolchain_cgo = opts.toolchain_cgo;
  machine m = inspect_machine(request);
  const be::go_installation &go = m.go;
  const be::system_view &sys = m.sys;
  const std::vector<std::string> &go_notes = m.notes;

  const be::resolution r = be::resolve(go, sys);
  if (!r.error.empty()) {
    return fail(r.error);
  }
  if (!opts.writes.empty() || !opts.unsets.empty()) {
    return explain_writes(opts, go, sys, r);
  }

  const std::string dir = fs::absolute(opts.dir, ec).lexically_normal().string();
  const be::editor_scan scan = be::scan_editor_layers(dir.size() > 1 && dir.back() == '/' ? dir.substr(0, dir.size() - 1) : dir,
                                                      sys.environ, read_whole_file);
  if (!scan.errors.empty()) {
    return fail(scan.errors.front());
  }
  std::vector<be::context_resolution> contexts;
  contexts.reserve(scan.contexts.size());
  for (const be::editor_context &ctx : scan.contexts) {
    contexts.push_back(be::resolve_in_context(go, sys, ctx));
  }

  if (opts.json) {
    std::cout << to_json(go, r, go_notes, contexts, scan).dump(1, '\t') << '\n';
  } else {
    print_words(opts, go, r, go_notes, contexts, scan);
  }
  return exit_ok;
}

} // namespace cgocheck::tools
