// cgocheck::buildenv — what editors and shell tools inject into the go
// command's environment, per context.
//
// The go command reads none of these files itself. Each context below starts
// from an inherited environment and sets variables on top of it; the go
// command then resolves its build environment from that (resolve.hpp), where
// an injected variable is simply part of the process environment.
//
// VS Code's Go extension (golang/vscode-go, read at v0.57.2-5-g28e27ffd,
// paths under extension/src/):
// - tools (gopls, build/vet/lint on save, format, `go env`): process.env with
//   "go.toolsEnvVars" on top (goEnv.ts `toolExecutionEnvironment`,
//   `newEnvironment`); values expand `${env:NAME}` from the process
//   environment (util.ts `substituteEnv`) and `${workspaceFolder}`,
//   `${workspaceFolderBasename}` and a leading `~` (util.ts `resolvePath`);
// - "go.goroot" sets GOROOT for every child process (goEnv.ts
//   `setGOROOTEnvVar`);
// - tests: process.env < go.toolsEnvVars < "go.testEnvFile" <
//   "go.testEnvVars" (testUtils.ts `getTestEnvVars`); a testEnvFile that
//   cannot be read is logged and ignored;
// - debugging (launch.json): go.toolsEnvVars < "envFile" (a string or an
//   array; a later file wins) < "env" (goDebugConfiguration.ts
//   `resolveDebugConfigurationWithSubstitutedVariables`, utils/envUtils.ts
//   `parseEnvFiles`); a missing envFile stops the session with "Cannot load
//   environment variables from file ...";
// - "go.alternateTools" maps a tool name such as "go" to another binary; it
//   sets no variable (util.ts `getBinPathWithExplanation`);
// - no .env and no .envrc is read by default.
// direnv (.envrc) is a shell program; only `export K=V` and `dotenv [FILE]`
// lines are interpreted (dotenv.hpp), and the rest is reported.
#ifndef CGOCHECK_BUILDENV_EDITOR_HPP
#define CGOCHECK_BUILDENV_EDITOR_HPP

#include "cgocheck/buildenv/dotenv.hpp"
#include "cgocheck/buildenv/jsonc.hpp"
#include "cgocheck/buildenv/resolve.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cgocheck::buildenv {

/// A variable a context sets, and where that is written.
struct injected_var {
  std::string key;
  std::string value;
  std::string origin; ///< e.g. ".vscode/settings.json go.toolsEnvVars"
  std::string file;   ///< path of the file that sets it
  int line = 0;       ///< 1-based where known, else 0
};

/// An environment the go command can be run in.
struct editor_context {
  std::string name;     ///< "terminal", "VS Code tools", "debug: Launch Package", ...
  std::string inherits; ///< what the base environment is, in words
  std::vector<injected_var> vars; ///< applied in order; a later one wins
  std::vector<std::string> notes;
  std::string error; ///< the context cannot start at all (e.g. missing envFile)

  /// The injected variable that wins for `key`, or nullptr.
  [[nodiscard]] const injected_var *find(const std::string &key) const {
    const injected_var *found = nullptr;
    for (const injected_var &v : vars) {
      if (v.key == key) {
        found = &v;
      }
    }
    return found;
  }

  /// The base environment with this context's variables applied.
  [[nodiscard]] std::map<std::string, std::string> apply(std::map<std::string, std::string> base) const;
};

/// `base` with `vars` set on top, in order.
inline std::map<std::string, std::string> apply_vars(std::map<std::string, std::string> base,
                                                     const std::vector<injected_var> &vars) {
  for (const injected_var &v : vars) {
    base[v.key] = v.value;
  }
  return base;
}

inline std::map<std::string, std::string> editor_context::apply(std::map<std::string, std::string> base) const {
  return apply_vars(std::move(base), vars);
}

struct editor_scan {
  std::vector<editor_context> contexts;
  std::vector<std::string> notes;
  /// Files that exist but cannot be understood: "path: line L, column C: reason".
  std::vector<std::string> errors;
};

namespace detail {

inline std::string expand_vscode(const std::string &value, const std::string &dir,
                                 const std::map<std::string, std::string> &environ) {
  std::string out;
  std::size_t i = 0;
  while (i < value.size()) {
    if (value.compare(i, 2, "${") == 0) {
      const std::size_t close = value.find('}', i + 2);
      if (close != std::string::npos) {
        const std::string name = value.substr(i + 2, close - i - 2);
        bool known = true;
        if (name.rfind("env:", 0) == 0) {
          const auto it = environ.find(name.substr(4));
          out += it == environ.end() ? "" : it->second;
        } else if (name == "workspaceFolder" || name == "workspaceRoot") {
          out += dir;
        } else if (name == "workspaceFolderBasename") {
          const std::size_t slash = dir.find_last_of('/');
          out += slash == std::string::npos ? dir : dir.substr(slash + 1);
        } else {
          known = false;
        }
        if (known) {
          i = close + 1;
          continue;
        }
      }
    }
    out += value[i++];
  }
  // resolveHomeDir: any leading '~' becomes path.join(home, rest).
  if (out.rfind('~', 0) == 0) {
    const auto home = environ.find("HOME");
    if (home != environ.end()) {
      out = clean_path(home->second + "/" + out.substr(1));
    }
  }
  return out;
}

/// A JSON scalar as Node would put it in a child's environment.
inline std::optional<std::string> env_string(const nlohmann::json &v) {
  if (v.is_string()) {
    return v.get<std::string>();
  }
  if (v.is_number() || v.is_boolean()) {
    return v.dump();
  }
  return std::nullopt;
}

/// A path named in a setting or .envrc: absolute as is, else relative to the
/// project directory.
inline std::string in_dir(const std::string &dir, const std::string &path) {
  return !path.empty() && path.front() == '/' ? path : dir + "/" + path;
}

/// The variables an env file sets, attributed to `origin`.
inline std::vector<injected_var> env_file_vars(const std::string &data, const std::map<std::string, std::string> &global,
                                               const std::string &origin, const std::string &file) {
  std::vector<injected_var> out;
  for (const file_var &v : parse_dotenv(data, global).vars) {
    out.push_back({v.key, v.value, origin, file, v.line});
  }
  return out;
}

/// The 1-based line of the first occurrence of `"key"` after `from`.
inline int line_of_key(const std::string &text, const std::string &key, std::size_t from = 0) {
  const std::size_t at = text.find("\"" + key + "\"", from);
  if (at == std::string::npos) {
    return 0;
  }
  int line = 1;
  for (std::size_t i = 0; i < at; ++i) {
    line += text[i] == '\n' ? 1 : 0;
  }
  return line;
}

} // namespace detail

/// Reads the editor and tool layers found in `dir` (a project root) and lists
/// the contexts they create. `read_file` returns nothing for a missing file.
inline editor_scan scan_editor_layers(const std::string &dir, const std::map<std::string, std::string> &environ,
                                      const std::function<std::optional<std::string>(const std::string &)> &read_file) {
  editor_scan out;
  const std::string settings_path = dir + "/.vscode/settings.json";
  const std::string launch_path = dir + "/.vscode/launch.json";
  const std::string dotenv_path = dir + "/.env";
  const std::string envrc_path = dir + "/.envrc";

  editor_context terminal;
  terminal.name = "terminal";
  terminal.inherits = "your shell's environment (this process's environment)";
  out.contexts.push_back(terminal);

  bool dotenv_used = false;

  // direnv
  if (const std::optional<std::string> envrc = read_file(envrc_path)) {
    editor_context ctx;
    ctx.name = "terminal with direnv";
    ctx.inherits = "your shell's environment, once `direnv allow` has approved .envrc";
    const envrc_result parsed = parse_envrc(*envrc);
    for (const file_var &v : parsed.vars) {
      ctx.vars.push_back({v.key, v.value, ".envrc export", envrc_path, v.line});
    }
    // `dotenv` lines load their file at that point; keep file order.
    for (std::size_t k = 0; k < parsed.dotenv_files.size(); ++k) {
      const std::string file = detail::in_dir(dir, parsed.dotenv_files[k]);
      dotenv_used = dotenv_used || file == dotenv_path;
      const std::optional<std::string> data = read_file(file);
      if (!data) {
        ctx.notes.push_back(".envrc line " + std::to_string(parsed.dotenv_lines[k]) + ": dotenv " +
                            parsed.dotenv_files[k] + ": file not found, direnv fails here");
        continue;
      }
      const std::vector<injected_var> loaded =
          detail::env_file_vars(*data, environ, ".envrc dotenv " + parsed.dotenv_files[k], file);
      // Insert after the exports that precede the dotenv line.
      auto pos = ctx.vars.begin();
      while (pos != ctx.vars.end() && pos->file == envrc_path && pos->line < parsed.dotenv_lines[k]) {
        ++pos;
      }
      ctx.vars.insert(pos, loaded.begin(), loaded.end());
    }
    for (const file_var &line : parsed.not_interpreted) {
      ctx.notes.push_back(".envrc line " + std::to_string(line.line) + " is not interpreted (only `export K=V` and "
                                                                      "`dotenv` lines are): " +
                          line.value);
    }
    out.contexts.push_back(std::move(ctx));
  }

  // VS Code settings.
  std::vector<injected_var> tools_vars;
  std::vector<injected_var> test_vars;
  std::string test_env_file;
  int test_env_file_line = 0;
  const std::optional<std::string> settings_text = read_file(settings_path);
  if (settings_text) {
    const jsonc_result settings = parse_jsonc(*settings_text);
    if (!settings.ok()) {
      out.errors.push_back(settings_path + ": " + settings.error);
    } else if (!settings.value.is_object()) {
      out.errors.push_back(settings_path + ": line 1, column 1: the settings file is not a JSON object");
    } else {
      const nlohmann::json &s = settings.value;
      const auto read_vars = [&](const char *setting, std::vector<injected_var> &into, bool expand_env) {
        if (!s.contains(setting)) {
          return;
        }
        const nlohmann::json &obj = s.at(setting);
        if (!obj.is_object()) {
          out.notes.push_back(settings_path + ": " + setting + " is not an object and is ignored");
          return;
        }
        const std::size_t block = settings_text->find(std::string("\"") + setting + "\"");
        for (const auto &[key, value] : obj.items()) {
          std::optional<std::string> text = detail::env_string(value);
          if (!text) {
            out.notes.push_back(std::string(setting) + "." + key + " is not a string and is not passed on");
            continue;
          }
          std::string expanded = expand_env ? detail::expand_vscode(*text, dir, environ)
                                            : detail::expand_vscode(*text, dir, {});
          into.push_back({key, expanded, std::string(".vscode/settings.json ") + setting, settings_path,
                          detail::line_of_key(*settings_text, key, block == std::string::npos ? 0 : block)});
        }
      };
      read_vars("go.toolsEnvVars", tools_vars, true);
      read_vars("go.testEnvVars", test_vars, false);
      if (s.contains("go.goroot") && s.at("go.goroot").is_string() && !s.at("go.goroot").get<std::string>().empty()) {
        tools_vars.insert(tools_vars.begin(),
                          {"GOROOT", detail::expand_vscode(s.at("go.goroot").get<std::string>(), dir, environ),
                           ".vscode/settings.json go.goroot", settings_path,
                           detail::line_of_key(*settings_text, "go.goroot")});
      }
      if (s.contains("go.testEnvFile") && s.at("go.testEnvFile").is_string()) {
        test_env_file = detail::expand_vscode(s.at("go.testEnvFile").get<std::string>(), dir, {});
        test_env_file_line = detail::line_of_key(*settings_text, "go.testEnvFile");
      }
      if (s.contains("go.alternateTools") && s.at("go.alternateTools").is_object() &&
          s.at("go.alternateTools").contains("go")) {
        const nlohmann::json &alt = s.at("go.alternateTools").at("go");
        out.notes.push_back("go.alternateTools makes VS Code run '" + (alt.is_string() ? alt.get<std::string>() : alt.dump()) +
                            "' instead of the go on PATH; its version, GOROOT and go.env may differ from the "
                            "terminal's");
      }
    }
    editor_context tools;
    tools.name = "VS Code tools";
    tools.inherits = "VS Code's environment (the one it was started with; on macOS, started from the Dock, "
                     "it lacks your shell profile's variables); modelled as this process's environment";
    tools.vars = tools_vars;
    tools.notes.emplace_back("gopls, build/vet/lint on save, formatting and the extension's own 'go env' run here");
    out.contexts.push_back(tools);
    if (!test_vars.empty() || !test_env_file.empty()) {
      editor_context tests = tools;
      tests.name = "VS Code tests";
      tests.notes = {"'run test' / 'debug test' code lenses and the test explorer"};
      if (!test_env_file.empty()) {
        const std::string file = detail::in_dir(dir, test_env_file);
        dotenv_used = dotenv_used || file == dotenv_path;
        if (const std::optional<std::string> data = read_file(file)) {
          const std::vector<injected_var> loaded =
              detail::env_file_vars(*data, tools.apply(environ), "go.testEnvFile " + test_env_file, file);
          tests.vars.insert(tests.vars.end(), loaded.begin(), loaded.end());
        } else {
          tests.notes.push_back("go.testEnvFile " + test_env_file + " (line " + std::to_string(test_env_file_line) +
                                ") cannot be read; the extension logs this and runs the tests without it");
        }
      }
      tests.vars.insert(tests.vars.end(), test_vars.begin(), test_vars.end());
      out.contexts.push_back(std::move(tests));
    }
  }

  // launch.json
  if (const std::optional<std::string> launch_text = read_file(launch_path)) {
    const jsonc_result launch = parse_jsonc(*launch_text);
    if (!launch.ok()) {
      out.errors.push_back(launch_path + ": " + launch.error);
    } else if (!launch.value.is_object() || !launch.value.contains("configurations") ||
               !launch.value.at("configurations").is_array()) {
      out.errors.push_back(launch_path + ": line 1, column 1: no \"configurations\" array");
    } else {
      std::size_t search_from = 0;
      for (const nlohmann::json &config : launch.value.at("configurations")) {
        if (!config.is_object() || config.value("type", "") != "go") {
          continue;
        }
        const std::string name = config.value("name", "(unnamed)");
        const std::size_t at = launch_text->find("\"" + name + "\"", search_from);
        if (at != std::string::npos) {
          search_from = at;
        }
        editor_context ctx;
        ctx.name = "debug: " + name;
        ctx.inherits = "VS Code's environment with go.toolsEnvVars (the debug adapter adds the rest)";
        ctx.vars = tools_vars;
        std::vector<std::string> files;
        if (config.contains("envFile")) {
          const nlohmann::json &ef = config.at("envFile");
          if (ef.is_string()) {
            files.push_back(ef.get<std::string>());
          } else if (ef.is_array()) {
            for (const nlohmann::json &f : ef) {
              if (f.is_string()) {
                files.push_back(f.get<std::string>());
              }
            }
          }
        }
        const std::map<std::string, std::string> global = apply_vars(environ, tools_vars);
        for (const std::string &raw : files) {
          const std::string file = detail::in_dir(dir, detail::expand_vscode(raw, dir, environ));
          dotenv_used = dotenv_used || file == dotenv_path;
          const std::optional<std::string> data = read_file(file);
          if (!data) {
            ctx.error = "Cannot load environment variables from file " + file +
                        ": the file does not exist, so this debug session does not start";
            continue;
          }
          const std::vector<injected_var> loaded = detail::env_file_vars(*data, global, "launch.json envFile " + raw, file);
          ctx.vars.insert(ctx.vars.end(), loaded.begin(), loaded.end());
        }
        if (config.contains("env") && config.at("env").is_object()) {
          const std::size_t env_at = launch_text->find("\"env\"", search_from);
          for (const auto &[key, value] : config.at("env").items()) {
            if (std::optional<std::string> text = detail::env_string(value)) {
              ctx.vars.push_back({key, detail::expand_vscode(*text, dir, environ), "launch.json env", launch_path,
                                  detail::line_of_key(*launch_text, key, env_at == std::string::npos ? 0 : env_at)});
            }
          }
        }
        out.contexts.push_back(std::move(ctx));
      }
    }
  }

  if (!dotenv_used && read_file(dotenv_path)) {
    out.notes.emplace_back(".env is not read by the go command, by your shell, or by VS Code's Go tools; only a "
                        "launch.json envFile, go.testEnvFile or direnv's `dotenv` line loads it");
  }
  return out;
}

/// A context together with the build environment the go command resolves in it.
struct context_resolution {
  editor_context context;
  resolution result;
};

/// Resolves the build environment as the go command would inside `ctx`:
/// the context's variables become part of the process environment.
inline context_resolution resolve_in_context(const go_installation &go, const system_view &sys,
                                             const editor_context &ctx) {
  system_view inside = sys;
  inside.environ = ctx.apply(sys.environ);
  return {ctx, resolve(go, inside)};
}

/// Where `key`'s value comes from in this context, in words: the context's
/// own setting (".vscode/settings.json go.toolsEnvVars (path:4)") when that
/// is what the go command sees, else the layer that won.
inline std::string origin_in_context(const context_resolution &c, const std::string &key) {
  const resolved_value &value = c.result.values.at(key);
  if (value.winner.from == layer::env) {
    if (const injected_var *injected = c.context.find(key); injected != nullptr && !injected->value.empty()) {
      std::string out = injected->origin;
      if (injected->line > 0) {
        out += " (" + injected->file + ":" + std::to_string(injected->line) + ")";
      }
      return out;
    }
  }
  return describe(value.winner);
}

/// Why cgo is on or off in this context when it is the other way in `base`
/// (the terminal); empty when both agree.
inline std::string cgo_difference(const context_resolution &c, const resolution &base) {
  if (c.result.cgo_enabled == base.cgo_enabled) {
    return {};
  }
  const injected_var *injected = c.context.find("CGO_ENABLED");
  const std::string why = injected != nullptr && (injected->value == "0" || injected->value == "1")
                              ? injected->origin + " sets CGO_ENABLED=" + injected->value
                              : c.result.values.at("CGO_ENABLED").notes.back();
  return std::string("cgo is ") + (c.result.cgo_enabled ? "on" : "off") + " here but " +
         (base.cgo_enabled ? "on" : "off") + " in the terminal: " + why;
}

} // namespace cgocheck::buildenv

#endif // CGOCHECK_BUILDENV_EDITOR_HPP
