//===--- CharSignednessCheck.h - cgocheck -----------------------*- C++ -*-===//
//
// cgo-char-signedness: plain char where the result depends on its
// signedness, which differs between the listed targets (signed on
// darwin/arm64 and amd64, unsigned on linux/arm64). Docs:
// docs/checks/cgo-char-signedness.md.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_CHARSIGNEDNESSCHECK_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_CHARSIGNEDNESSCHECK_H

#include "utils/AbiCheck.h"
#include <string>

namespace clang::tidy::cgo {

class CharSignednessCheck : public utils::AbiCheck {
public:
  using AbiCheck::AbiCheck;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// The targets where plain char is signed and unsigned, worded once
  /// (registerMatchers): "darwin/arm64 and linux/amd64".
  std::string Signed;
  std::string Unsigned;
};

} // namespace clang::tidy::cgo

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_CHARSIGNEDNESSCHECK_H
