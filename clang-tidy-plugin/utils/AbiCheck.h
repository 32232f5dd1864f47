//===--- AbiCheck.h - cgocheck ----------------------------------*- C++ -*-===//
//
// The base of the ABI checks: the `Targets` option (GOOS/GOARCH pairs, read
// with the library's abi/portability.hpp; default
// darwin/arm64,linux/arm64,linux/amd64). Every listed target is evaluated
// whatever triple the translation unit was parsed for.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_ABICHECK_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_ABICHECK_H

#include "ClangTidyCheck.h"
#include "cgocheck/abi/portability.hpp"
#include <string>
#include <vector>

namespace clang::tidy::cgo::utils {

class AbiCheck : public ClangTidyCheck {
public:
  AbiCheck(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context),
        TargetsOption(Options.get("Targets", ::cgocheck::abi::default_targets)) {
    ::cgocheck::abi::target_list Parsed = ::cgocheck::abi::parse_targets(TargetsOption);
    if (!Parsed.error.empty()) {
      configurationDiag("invalid option '%0.Targets': %1; using %2")
          << Name << Parsed.error << ::cgocheck::abi::default_targets;
      Parsed = ::cgocheck::abi::parse_targets(::cgocheck::abi::default_targets);
    }
    Targets = std::move(Parsed.models);
  }

  void storeOptions(ClangTidyOptions::OptionMap &Opts) override {
    Options.store(Opts, "Targets", TargetsOption);
  }

protected:
  /// The listed targets, in the order given.
  const std::vector<const ::cgocheck::abi::data_model *> &targets() const { return Targets; }

private:
  const std::string TargetsOption;
  std::vector<const ::cgocheck::abi::data_model *> Targets;
};

} // namespace clang::tidy::cgo::utils

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_ABICHECK_H
