// Editor and shell-tool layers: VS Code envFile parsing, direnv's simple
// lines, JSON with comments, and the contexts scan_editor_layers lists.
//
// envFile rules: golang/vscode-go extension/src/utils/envUtils.ts
// (parseEnvFile: /^\s*(export\s+)?([\w\.\-]+)\s*=\s*(.*)?\s*$/ per line, quote
// stripping with /(^['"]|['"]$)/g; substituteEnvVars with
// /\${([a-zA-Z]\w*)?([^}\w].*)?}/g, then \$ -> $). Context precedence as the
// header documents it (goDebugConfiguration.ts, testUtils.ts, goEnv.ts).
#include "cgocheck/buildenv/dotenv.hpp"
#include "cgocheck/buildenv/editor.hpp"
#include "cgocheck/buildenv/jsonc.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

using cgocheck::buildenv::dotenv_result;
using cgocheck::buildenv::editor_context;
using cgocheck::buildenv::editor_scan;
using cgocheck::buildenv::envrc_result;
using cgocheck::buildenv::injected_var;
using cgocheck::buildenv::parse_dotenv;
using cgocheck::buildenv::parse_envrc;
using cgocheck::buildenv::parse_jsonc;
using cgocheck::buildenv::scan_editor_layers;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

using file_map = std::map<std::string, std::string>;

const std::map<std::string, std::string> home_env{{"HOME", "/home/u"}, {"USER", "u"}};

editor_scan scan(const file_map &files, const std::map<std::string, std::string> &environ = home_env) {
  return scan_editor_layers("/proj", environ, [&files](const std::string &path) -> std::optional<std::string> {
    const auto it = files.find(path);
    if (it == files.end()) {
      return std::nullopt;
    }
    return it->second;
  });
}

const editor_context *context(const editor_scan &s, const std::string &name) {
  for (const editor_context &c : s.contexts) {
    if (c.name == name) {
      return &c;
    }
  }
  return nullptr;
}

bool any_contains(const std::vector<std::string> &notes, const std::string &needle) {
  return std::any_of(notes.begin(), notes.end(),
                     [&](const std::string &n) { return n.find(needle) != std::string::npos; });
}

const char *const settings_json = R"json({
  // what gopls and the tools see
  "go.toolsEnvVars": {
    "CGO_ENABLED": "0", // trailing comment
    "GOPATH": "${env:HOME}/go",
    "CGO_CFLAGS": "-I${workspaceFolder}/include",
    "GOCACHE": "~/cache",
    "CC": "tools-cc",
  },
  /* a block
     comment */
  "editor.tabSize": 4,
}
)json";

const char *const launch_json = R"json({
  "version": "0.2.0",
  "configurations": [
    {
      "name": "Launch Package",
      "type": "go",
      "request": "launch",
      "envFile": "${workspaceFolder}/debug.env",
      "env": {
        "CC": "env-cc",
      },
    },
    {
      "name": "Some node app",
      "type": "node",
    },
    {
      "name": "Missing env file",
      "type": "go",
      "envFile": ["debug.env", "${workspaceFolder}/missing.env"],
    },
  ],
}
)json";

const char *const debug_env = "CC=file-cc\n"
                              "CGO_LDFLAGS=-L${GOPATH}/lib\n"
                              "GOFLAGS=-tags=debug\n";

} // namespace

// --- dotenv.hpp: parse_dotenv ---------------------------------------------------

TEST_CASE("parse_dotenv: line syntax of the Go extension", "[buildenv][dotenv]") {
  const dotenv_result r = parse_dotenv("\xEF\xBB\xBF"
                                       "export CC=clang\n"             // 1
                                       "# a comment\n"                 // 2
                                       "CGO_CFLAGS=-O2 # not comment\n" // 3
                                       "WIN=crlf\r\n"                  // 4
                                       "TRAIL=x   \n"                  // 5
                                       "  A.b-c  =   spaced\n"         // 6
                                       "not a setting\n"               // 7
                                       "   \n"                         // 8
                                       "EMPTY=\n"                      // 9
                                       "export=1\n"                    // 10
                                       "X=a\rb");                      // 11
  REQUIRE(r.vars.size() == 7);
  CHECK(r.vars[0].key == "CC");
  CHECK(r.vars[0].value == "clang");
  CHECK(r.vars[0].line == 1);
  CHECK(r.vars[1].key == "CGO_CFLAGS");
  CHECK(r.vars[1].value == "-O2 # not comment");
  CHECK(r.vars[1].line == 3);
  CHECK(r.vars[2].value == "crlf");
  CHECK(r.vars[3].value == "x   ");
  CHECK(r.vars[4].key == "A.b-c");
  CHECK(r.vars[4].value == "spaced");
  CHECK(r.vars[5].key == "EMPTY");
  CHECK(r.vars[5].value.empty());
  CHECK(r.vars[5].line == 9);
  CHECK(r.vars[6].key == "export");
  CHECK(r.vars[6].value == "1");
  CHECK(r.vars[6].line == 10);
  // A bare '\r' in the middle ends `.`: "X=a\rb" does not match.
  CHECK(r.skipped == std::vector<int>{7, 11});
}

TEST_CASE("parse_dotenv: quotes", "[buildenv][dotenv]") {
  const dotenv_result r = parse_dotenv("Q=\"a\\nb\"\n"
                                       "S='a\\nb'\n"
                                       "HALF=\"abc\n"
                                       "TAIL=abc'\n"
                                       "MIXED='abc\"\n"
                                       "INNER=a\"b\"c\n"
                                       "ONE=\"\n");
  const auto m = r.as_map();
  CHECK(m.at("Q") == "a\nb");
  CHECK(m.at("S") == "a\\nb");
  CHECK(m.at("HALF") == "abc");
  CHECK(m.at("TAIL") == "abc");
  CHECK(m.at("MIXED") == "abc");
  CHECK(m.at("INNER") == "a\"b\"c");
  CHECK(m.at("ONE").empty());
}

TEST_CASE("parse_dotenv: ${NAME} substitution", "[buildenv][dotenv]") {
  const std::map<std::string, std::string> global{{"HOME", "/home/u"}, {"EMPTY", "from-global"}};
  const dotenv_result r = parse_dotenv("BASE=/opt\n"
                                       "INC=${BASE}/include\n"
                                       "HOMEDIR=${HOME}/x\n"
                                       "ESC=\\${BASE}\n"
                                       "BAD=${BASE} ${A:-b}\n"
                                       "DOLLAR=a\\$b\n"
                                       "MISSING=${NOPE}x\n"
                                       "EMPTY=\n"
                                       "FALL=${EMPTY}\n"
                                       "NOBRACE=$BASE\n"
                                       "LATER=${AFTER}\n"
                                       "AFTER=1\n"
                                       "BASE=/usr\n"
                                       "AGAIN=${BASE}\n",
                                       global);
  const auto m = r.as_map();
  CHECK(m.at("INC") == "/opt/include");
  CHECK(m.at("HOMEDIR") == "/home/u/x");
  CHECK(m.at("ESC") == "${BASE}");
  // One malformed ${...} cancels every substitution in the value.
  CHECK(m.at("BAD") == "${BASE} ${A:-b}");
  CHECK(m.at("DOLLAR") == "a$b");
  CHECK(m.at("MISSING") == "x");
  // An empty earlier value falls through to the global one.
  CHECK(m.at("FALL") == "from-global");
  CHECK(m.at("NOBRACE") == "$BASE");
  // Only earlier keys count.
  CHECK(m.at("LATER").empty());
  CHECK(m.at("AGAIN") == "/usr");
  CHECK(m.at("BASE") == "/usr");
  // vars keeps both BASE lines, in order.
  const auto base_lines = std::count_if(r.vars.begin(), r.vars.end(), [](const auto &v) { return v.key == "BASE"; });
  CHECK(base_lines == 2);
}

TEST_CASE("parse_dotenv: empty input", "[buildenv][dotenv]") {
  const dotenv_result r = parse_dotenv("");
  CHECK(r.vars.empty());
  CHECK(r.skipped.empty());
}

// --- dotenv.hpp: parse_envrc ---------------------------------------------------

TEST_CASE("parse_envrc: exports, dotenv lines and the rest", "[buildenv][envrc]") {
  const envrc_result r = parse_envrc("# comment\n"                     // 1
                                     "export CC=clang\n"               // 2
                                     "export CGO_CFLAGS='-O2 -g'\n"    // 3
                                     "  export GOFLAGS=\"-tags=dev\"  \r\n" // 4
                                     "dotenv\n"                        // 5
                                     "dotenv .env.local\n"             // 6
                                     "source_up\n"                     // 7
                                     "export A=$(cmd)\n"               // 8
                                     "export 1A=x\n"                   // 9
                                     "export B=\"$HOME\"\n"            // 10
                                     "\n"                              // 11
                                     "export EMPTY=\n");               // 12
  REQUIRE(r.vars.size() == 4);
  CHECK(r.vars[0].key == "CC");
  CHECK(r.vars[0].value == "clang");
  CHECK(r.vars[0].line == 2);
  CHECK(r.vars[1].key == "CGO_CFLAGS");
  CHECK(r.vars[1].value == "-O2 -g");
  CHECK(r.vars[2].key == "GOFLAGS");
  CHECK(r.vars[2].value == "-tags=dev");
  CHECK(r.vars[2].line == 4);
  CHECK(r.vars[3].key == "EMPTY");
  CHECK(r.vars[3].value.empty());
  CHECK(r.vars[3].line == 12);
  CHECK(r.dotenv_files == std::vector<std::string>{".env", ".env.local"});
  CHECK(r.dotenv_lines == std::vector<int>{5, 6});
  REQUIRE(r.not_interpreted.size() == 4);
  CHECK(r.not_interpreted[0].value == "source_up");
  CHECK(r.not_interpreted[0].line == 7);
  CHECK(r.not_interpreted[1].value == "export A=$(cmd)");
  CHECK(r.not_interpreted[2].value == "export 1A=x");
  CHECK(r.not_interpreted[3].value == "export B=\"$HOME\"");
  CHECK(r.not_interpreted[3].line == 10);
}

// --- jsonc.hpp ---------------------------------------------------------------------

TEST_CASE("parse_jsonc: comments and trailing commas", "[buildenv][jsonc]") {
  const auto r = parse_jsonc("{\n"
                             "  // line comment\n"
                             "  \"a\": 1, /* block */ \"b\": [1, 2,],\n"
                             "  \"c\": {\"d\": true,  // why not\n"
                             "  },\n"
                             "}\n");
  REQUIRE(r.ok());
  CHECK(r.value.at("a") == 1);
  CHECK(r.value.at("b").size() == 2);
  CHECK(r.value.at("c").at("d") == true);
  CHECK(r.value.size() == 3);
}

TEST_CASE("parse_jsonc: strings keep their commas and slashes", "[buildenv][jsonc]") {
  const auto r = parse_jsonc(R"({"url": "http://x/y,z", "c": "a // b /* c */", "s": "x,]", "q": "a\"b,}", })");
  REQUIRE(r.ok());
  CHECK(r.value.at("url") == "http://x/y,z");
  CHECK(r.value.at("c") == "a // b /* c */");
  CHECK(r.value.at("s") == "x,]");
  CHECK(r.value.at("q") == "a\"b,}");
  // A byte-order mark is accepted.
  const auto bom = parse_jsonc("\xEF\xBB\xBF{\"k\": \"v\"}");
  REQUIRE(bom.ok());
  CHECK(bom.value.at("k") == "v");
}

TEST_CASE("parse_jsonc: a syntax error names its line", "[buildenv][jsonc]") {
  const auto r = parse_jsonc("{\n"
                             "  \"a\": 1,\n"
                             "  \"b\" 2\n"
                             "}\n");
  CHECK_FALSE(r.ok());
  CHECK_THAT(r.error, StartsWith("line 3, column"));
  CHECK_THAT(r.error, Contains("line 3"));
  // Comments before the error do not move it.
  const auto commented = parse_jsonc("{ /* one\ntwo */ \"a\": 1,\n// three\n\"b\": ]\n}");
  CHECK_FALSE(commented.ok());
  CHECK_THAT(commented.error, StartsWith("line 4,"));
  CHECK_FALSE(parse_jsonc("").ok());
}

// --- editor.hpp --------------------------------------------------------------------

TEST_CASE("scan_editor_layers: go.toolsEnvVars make the VS Code tools context", "[buildenv][editor]") {
  const editor_scan s = scan({{"/proj/.vscode/settings.json", settings_json}});
  CHECK(s.errors.empty());
  REQUIRE(s.contexts.size() == 2);
  CHECK(s.contexts[0].name == "terminal");
  CHECK(s.contexts[0].vars.empty());
  const editor_context *tools = context(s, "VS Code tools");
  REQUIRE(tools != nullptr);

  const injected_var *cgo = tools->find("CGO_ENABLED");
  REQUIRE(cgo != nullptr);
  CHECK(cgo->value == "0");
  CHECK(cgo->origin == ".vscode/settings.json go.toolsEnvVars");
  CHECK(cgo->file == "/proj/.vscode/settings.json");
  CHECK(cgo->line == 4);

  REQUIRE(tools->find("GOPATH") != nullptr);
  CHECK(tools->find("GOPATH")->value == "/home/u/go");
  CHECK(tools->find("GOPATH")->line == 5);
  REQUIRE(tools->find("CGO_CFLAGS") != nullptr);
  CHECK(tools->find("CGO_CFLAGS")->value == "-I/proj/include");
  REQUIRE(tools->find("GOCACHE") != nullptr);
  CHECK(tools->find("GOCACHE")->value == "/home/u/cache");
  REQUIRE(tools->find("CC") != nullptr);
  CHECK(tools->find("CC")->line == 8);
  CHECK(tools->find("editor.tabSize") == nullptr);
  CHECK(tools->vars.size() == 5);

  const auto applied = tools->apply({{"CGO_ENABLED", "1"}, {"PATH", "/bin"}});
  CHECK(applied.at("CGO_ENABLED") == "0");
  CHECK(applied.at("PATH") == "/bin");

  // Without HOME, ${env:HOME} is empty and ~ stays.
  const editor_scan bare = scan({{"/proj/.vscode/settings.json", settings_json}}, {});
  const editor_context *bare_tools = context(bare, "VS Code tools");
  REQUIRE(bare_tools != nullptr);
  CHECK(bare_tools->find("GOPATH")->value == "/go");
  CHECK(bare_tools->find("GOCACHE")->value == "~/cache");
}

TEST_CASE("scan_editor_layers: launch.json env > envFile > go.toolsEnvVars", "[buildenv][editor]") {
  const editor_scan s = scan({{"/proj/.vscode/settings.json", settings_json},
                              {"/proj/.vscode/launch.json", launch_json},
                              {"/proj/debug.env", debug_env}});
  CHECK(s.errors.empty());
  REQUIRE(s.contexts.size() == 4);
  CHECK(context(s, "debug: Some node app") == nullptr);

  const editor_context *debug = context(s, "debug: Launch Package");
  REQUIRE(debug != nullptr);
  CHECK(debug->error.empty());

  const injected_var *cc = debug->find("CC");
  REQUIRE(cc != nullptr);
  CHECK(cc->value == "env-cc");
  CHECK(cc->origin == "launch.json env");
  CHECK(cc->file == "/proj/.vscode/launch.json");
  CHECK(cc->line == 10);

  const injected_var *goflags = debug->find("GOFLAGS");
  REQUIRE(goflags != nullptr);
  CHECK(goflags->value == "-tags=debug");
  CHECK(goflags->origin == "launch.json envFile ${workspaceFolder}/debug.env");
  CHECK(goflags->file == "/proj/debug.env");
  CHECK(goflags->line == 3);

  // The envFile's ${GOPATH} sees go.toolsEnvVars.
  REQUIRE(debug->find("CGO_LDFLAGS") != nullptr);
  CHECK(debug->find("CGO_LDFLAGS")->value == "-L/home/u/go/lib");

  const injected_var *cgo = debug->find("CGO_ENABLED");
  REQUIRE(cgo != nullptr);
  CHECK(cgo->value == "0");
  CHECK(cgo->origin == ".vscode/settings.json go.toolsEnvVars");

  // Every layer is kept, in order: tools, envFile, env.
  std::vector<std::string> cc_values;
  for (const injected_var &v : debug->vars) {
    if (v.key == "CC") {
      cc_values.push_back(v.value);
    }
  }
  CHECK(cc_values == std::vector<std::string>{"tools-cc", "file-cc", "env-cc"});
}

TEST_CASE("scan_editor_layers: a missing envFile stops the debug session", "[buildenv][editor]") {
  const editor_scan s = scan({{"/proj/.vscode/launch.json", launch_json}, {"/proj/debug.env", debug_env}});
  const editor_context *missing = context(s, "debug: Missing env file");
  REQUIRE(missing != nullptr);
  CHECK_THAT(missing->error, StartsWith("Cannot load environment variables from file /proj/missing.env"));
  // The readable file of the array still counts.
  REQUIRE(missing->find("GOFLAGS") != nullptr);
  CHECK(missing->find("GOFLAGS")->origin == "launch.json envFile debug.env");
  const editor_context *ok = context(s, "debug: Launch Package");
  REQUIRE(ok != nullptr);
  CHECK(ok->error.empty());
  // No settings.json: no tools context, and no toolsEnvVars in the debug one.
  CHECK(context(s, "VS Code tools") == nullptr);
  CHECK(ok->find("CGO_ENABLED") == nullptr);
}

TEST_CASE("scan_editor_layers: an unreferenced .env gets a note", "[buildenv][editor]") {
  const editor_scan alone = scan({{"/proj/.env", "CGO_ENABLED=0\n"}});
  REQUIRE(alone.contexts.size() == 1);
  CHECK(alone.contexts[0].name == "terminal");
  REQUIRE(alone.notes.size() == 1);
  CHECK_THAT(alone.notes[0], StartsWith(".env is not read by the go command"));

  const editor_scan used = scan({{"/proj/.env", "CGO_ENABLED=0\n"},
                                 {"/proj/.vscode/launch.json",
                                  R"({"configurations": [{"name": "d", "type": "go", "envFile": "${workspaceFolder}/.env"}]})"}});
  CHECK_FALSE(any_contains(used.notes, ".env is not read"));
  const editor_context *d = context(used, "debug: d");
  REQUIRE(d != nullptr);
  REQUIRE(d->find("CGO_ENABLED") != nullptr);
  CHECK(d->find("CGO_ENABLED")->value == "0");

  CHECK(scan({}).notes.empty());
}

TEST_CASE("scan_editor_layers: .envrc makes a direnv context", "[buildenv][editor]") {
  const editor_scan s = scan({{"/proj/.envrc", "export CC=clang\n"
                                               "dotenv\n"
                                               "export CGO_CFLAGS=-O1\n"
                                               "source_up\n"},
                              {"/proj/.env", "CGO_CFLAGS=-O3\nGOFLAGS=-mod=mod\n"}});
  CHECK(s.notes.empty()); // .env is loaded by the dotenv line
  const editor_context *direnv = context(s, "terminal with direnv");
  REQUIRE(direnv != nullptr);
  REQUIRE(direnv->vars.size() == 4);
  CHECK(direnv->vars[0].key == "CC");
  CHECK(direnv->vars[1].key == "CGO_CFLAGS");
  CHECK(direnv->vars[1].value == "-O3");
  CHECK(direnv->vars[2].key == "GOFLAGS");
  CHECK(direnv->vars[3].key == "CGO_CFLAGS");

  const injected_var *cflags = direnv->find("CGO_CFLAGS");
  REQUIRE(cflags != nullptr);
  CHECK(cflags->value == "-O1");
  CHECK(cflags->origin == ".envrc export");
  CHECK(cflags->file == "/proj/.envrc");
  CHECK(cflags->line == 3);
  const injected_var *goflags = direnv->find("GOFLAGS");
  REQUIRE(goflags != nullptr);
  CHECK(goflags->origin == ".envrc dotenv .env");
  CHECK(goflags->file == "/proj/.env");
  CHECK(goflags->line == 2);
  CHECK(any_contains(direnv->notes, ".envrc line 4 is not interpreted"));
  CHECK(any_contains(direnv->notes, "source_up"));

  const editor_scan missing = scan({{"/proj/.envrc", "dotenv .env.local\n"}});
  const editor_context *m = context(missing, "terminal with direnv");
  REQUIRE(m != nullptr);
  CHECK(m->vars.empty());
  CHECK(any_contains(m->notes, ".envrc line 1: dotenv .env.local: file not found"));
}

TEST_CASE("scan_editor_layers: test settings stack on the tools context", "[buildenv][editor]") {
  const editor_scan s = scan({{"/proj/.vscode/settings.json", R"({
  "go.toolsEnvVars": {"CGO_ENABLED": "0", "GOFLAGS": "-tags=tools"},
  "go.testEnvFile": "${workspaceFolder}/.env",
  "go.testEnvVars": {"CGO_ENABLED": "1"}
})"},
                              {"/proj/.env", "CGO_ENABLED=0\nGOFLAGS=${GOFLAGS},test\n"}});
  CHECK(s.notes.empty());
  const editor_context *tests = context(s, "VS Code tests");
  REQUIRE(tests != nullptr);
  REQUIRE(tests->find("CGO_ENABLED") != nullptr);
  CHECK(tests->find("CGO_ENABLED")->value == "1");
  CHECK(tests->find("CGO_ENABLED")->origin == ".vscode/settings.json go.testEnvVars");
  REQUIRE(tests->find("GOFLAGS") != nullptr);
  CHECK(tests->find("GOFLAGS")->value == "-tags=tools,test");
  CHECK(tests->find("GOFLAGS")->origin == "go.testEnvFile /proj/.env");
  const editor_context *tools = context(s, "VS Code tools");
  REQUIRE(tools != nullptr);
  CHECK(tools->find("CGO_ENABLED")->value == "0");
}

TEST_CASE("scan_editor_layers: a malformed settings.json is reported with its line", "[buildenv][editor]") {
  const editor_scan s = scan({{"/proj/.vscode/settings.json", "{\n"
                                                              "  \"go.toolsEnvVars\": {\n"
                                                              "    \"CC\": \"x\"\n"
                                                              "    \"CXX\": \"y\"\n"
                                                              "  }\n"
                                                              "}\n"}});
  REQUIRE(s.errors.size() == 1);
  CHECK_THAT(s.errors[0], StartsWith("/proj/.vscode/settings.json: line 4"));
  const editor_context *tools = context(s, "VS Code tools");
  REQUIRE(tools != nullptr);
  CHECK(tools->vars.empty());

  const editor_scan not_object = scan({{"/proj/.vscode/settings.json", "[1, 2]"}});
  REQUIRE(not_object.errors.size() == 1);
  CHECK_THAT(not_object.errors[0], Contains("not a JSON object"));

  const editor_scan bad_launch = scan({{"/proj/.vscode/launch.json", "{\"configurations\": 3}"}});
  REQUIRE(bad_launch.errors.size() == 1);
  CHECK_THAT(bad_launch.errors[0], Contains("no \"configurations\" array"));
}

TEST_CASE("parse_jsonc: a number too large for a double is an error with a position, not a throw",
          "[buildenv][jsonc]") {
  // Found by fuzz/fuzz_jsonc: nlohmann::json reports this as out_of_range.
  const auto r = parse_jsonc("{\n  \"a\": 1e999\n}");
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error, StartsWith("line 2, column 8: "));
  CHECK_THAT(r.error, Contains("number overflow"));
  CHECK_FALSE(parse_jsonc("1e999").ok());
}

TEST_CASE("resolve_in_context: what the go command sees inside a context, and from where", "[buildenv][editor]") {
  namespace be = cgocheck::buildenv;
  const file_map files{{"/proj/.vscode/settings.json",
                        "{\n  \"go.toolsEnvVars\": {\n    \"CGO_ENABLED\": \"0\",\n    \"PATH\": \"/opt/cc/bin\"\n  }\n}\n"}};
  const editor_scan s = scan(files);
  const editor_context *tools = context(s, "VS Code tools");
  REQUIRE(tools != nullptr);
  be::go_installation go;
  go.version = be::go_version{21};
  go.host = {"linux", "amd64"};
  be::system_view sys;
  sys.environ = {{"HOME", "/home/u"}, {"PATH", "/usr/bin"}};
  sys.read_file = [](const std::string &) -> std::optional<std::string> { return std::nullopt; };
  std::vector<std::string> searched;
  sys.look_path = [&searched](const std::string &name, const std::string &path) {
    searched.push_back(path);
    return name == "gcc" && path == "/usr/bin";
  };
  const be::resolution terminal = be::resolve(go, sys);
  CHECK(terminal.get("CGO_ENABLED") == "1");
  const be::context_resolution in_tools = be::resolve_in_context(go, sys, *tools);
  CHECK(in_tools.result.get("CGO_ENABLED") == "0");
  CHECK(be::origin_in_context(in_tools, "CGO_ENABLED") ==
        ".vscode/settings.json go.toolsEnvVars (/proj/.vscode/settings.json:3)");
  CHECK(be::origin_in_context(in_tools, "GOOS") == "the built-in default");
  CHECK(be::cgo_difference(in_tools, terminal) ==
        "cgo is off here but on in the terminal: .vscode/settings.json go.toolsEnvVars sets CGO_ENABLED=0");
  CHECK(be::cgo_difference(be::resolve_in_context(go, sys, *context(s, "terminal")), terminal).empty());

  // A context that changes PATH changes where the compiler probe looks.
  editor_context path_only = *tools;
  path_only.vars.erase(path_only.vars.begin()); // keep PATH=/opt/cc/bin only
  REQUIRE(path_only.find("CGO_ENABLED") == nullptr);
  searched.clear();
  const be::context_resolution without_cc = be::resolve_in_context(go, sys, path_only);
  CHECK(searched == std::vector<std::string>{"/opt/cc/bin"});
  CHECK(without_cc.result.get("CGO_ENABLED") == "0");
  CHECK_THAT(be::cgo_difference(without_cc, terminal), Contains("'gcc' is not on PATH"));
}
