//===--- PointerRuleCheck.h - cgocheck --------------------------*- C++ -*-===//
//
// The five pointer-lifetime checks: cgo-pointer-retained,
// cgo-go-pointer-in-go-memory, cgo-free-go-memory, cgo-double-free and
// cgo-stack-address-escape. One adapter, instantiated per rule: the analysis
// (utils/PointerFlow) runs once per translation unit and options, and each
// check words the findings of its rule. Docs: docs/checks/<name>.md.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_POINTERRULECHECK_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_POINTERRULECHECK_H

#include "ClangTidyCheck.h"
#include "utils/PointerFlow.h"
#include <string>

namespace clang::tidy::cgo {

class PointerRuleCheck : public ClangTidyCheck {
public:
  PointerRuleCheck(StringRef Name, ClangTidyContext *Context, ::cgocheck::rules::pointer_rule Rule);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void report(const utils::PointerFinding &Finding, ASTContext &Context);
  void notes(const utils::PointerFinding &Finding, ASTContext &Context);

  ::cgocheck::rules::pointer_rule Rule;
  const std::string AssumeOption;
  const std::string DeallocatorsOption;
  const std::string AllocatorsOption;
  const std::string KeepingFunctionsOption;
  utils::PointerFlowOptions Parsed;
  bool Valid = false;
};

} // namespace clang::tidy::cgo

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_POINTERRULECHECK_H
