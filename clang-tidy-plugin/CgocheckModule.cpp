//===--- CgocheckModule.cpp - cgocheck ------------------------------------===//
//
// Registers the cgo-* checks, and refuses to run inside a clang-tidy of
// another LLVM version: such a plugin would list its checks but report
// nothing (the plugin-facing ABI differs between LLVM majors), a silent false
// negative. The guard runs when the plugin is loaded, before any check.
//
//===----------------------------------------------------------------------===//

#include "ClangTidyModule.h"
#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR < 22
#include "ClangTidyModuleRegistry.h"
#endif
#include "CharSignednessCheck.h"
#include "DroppedFieldCheck.h"
#include "LongDoubleCheck.h"
#include "NilFreeCheck.h"
#include "PointerRuleCheck.h"
#include "VariadicCheck.h"
#include "cgocheck/rules/checks.hpp"
#include "utils/HostVersion.h"
#include "clang/Basic/Version.h"
#include <cstdio>
#include <cstdlib>
#include <string>

namespace clang::tidy::cgo {
namespace {

/// Compares the LLVM version this plugin was compiled against with the one
/// of the clang-tidy that loaded it; on a mismatch prints one line naming
/// both and ends the process with status 1.
bool guardHostVersion() {
  const utils::MajorMinor Built{CLANG_VERSION_MAJOR, CLANG_VERSION_MINOR};
  const std::string Banner = getClangFullVersion();
  const std::optional<utils::MajorMinor> Host = utils::parseClangVersion(Banner);
  if (!Host) {
    (void)std::fprintf(stderr,
                 "cgocheck: warning: cannot tell the LLVM version of this clang-tidy "
                 "from '%s'; libcgocheck.so was built for LLVM %d.%d\n",
                 Banner.c_str(), Built.Major, Built.Minor);
    return true;
  }
  if (*Host == Built)
    return true;
  (void)std::fprintf(stderr,
               "cgocheck: libcgocheck.so was built for LLVM %d.%d but is loaded into "
               "clang-tidy %d.%d; run clang-tidy-%d with this plugin, or load the "
               "plugin built for LLVM %d (cmake --preset llvm%d)\n",
               Built.Major, Built.Minor, Host->Major, Host->Minor, Built.Major,
               Host->Major, Host->Major);
  (void)std::fflush(stderr);
  // Still inside dlopen: leave without running static destructors of a host
  // whose command line is half parsed.
  std::_Exit(1);
}

[[maybe_unused]] const bool HostVersionMatches = guardHostVersion();

class CgocheckModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    namespace rules = ::cgocheck::rules;
    Factories.registerCheck<NilFreeCheck>(rules::nil_free.name);
    Factories.registerCheck<CharSignednessCheck>(rules::char_signedness.name);
    Factories.registerCheck<LongDoubleCheck>(rules::long_double.name);
    Factories.registerCheck<VariadicCheck>(rules::variadic.name);
    Factories.registerCheck<DroppedFieldCheck>(rules::dropped_field.name);
    const std::pair<rules::check_info, rules::pointer_rule> PointerChecks[] = {
        {rules::pointer_retained, rules::pointer_rule::retained},
        {rules::go_pointer_in_go_memory, rules::pointer_rule::go_pointer_in_go_memory},
        {rules::free_go_memory, rules::pointer_rule::free_go_memory},
        {rules::double_free, rules::pointer_rule::double_free},
        {rules::stack_address_escape, rules::pointer_rule::stack_address_escape},
    };
    for (const auto &[Info, Rule] : PointerChecks) {
      const rules::pointer_rule Which = Rule;
      Factories.registerCheckFactory(Info.name, [Which](StringRef Name, ClangTidyContext *Context) {
        return std::make_unique<PointerRuleCheck>(Name, Context, Which);
      });
    }
  }
};

} // namespace

static ClangTidyModuleRegistry::Add<CgocheckModule>
    Registration("cgocheck-module", "Adds the cgo-* checks of cgocheck.");

} // namespace clang::tidy::cgo
