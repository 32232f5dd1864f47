//===--- DroppedFieldCheck.h - cgocheck -------------------------*- C++ -*-===//
//
// cgo-dropped-field: Go code accessing a C struct field that cgo leaves out
// of the Go type on some listed target (bit-field, packed or misaligned
// field, flexible array member); without Go-side facts, such fields of the
// records Go may use. Docs: docs/checks/cgo-dropped-field.md.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_DROPPEDFIELDCHECK_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_DROPPEDFIELDCHECK_H

#include "utils/AbiCheck.h"

namespace clang::tidy::cgo {

class DroppedFieldCheck : public utils::AbiCheck {
public:
  DroppedFieldCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Report dropped fields of records Go may use when the unit has no
  /// Go-side facts (a warning at the field); the findings at Go accesses
  /// need facts.
  const bool WithoutGoFacts;
};

} // namespace clang::tidy::cgo

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_DROPPEDFIELDCHECK_H
