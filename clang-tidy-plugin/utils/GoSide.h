//===--- GoSide.h - cgocheck ------------------------------------*- C++ -*-===//
//
// What the checks know of the Go side of the translation unit being checked:
// the Go-side facts a generated unit carries (its `_cgocheck_go_facts`
// table, read with the library's cgo/unit_facts.hpp), positions in the .go
// file, and which C functions and records Go can see.
//
// Without facts (a plain C file run through clang-tidy directly), Go is
// assumed to see the functions of the main file that have external linkage
// (all of them when the main file is a header, which a preamble includes)
// and the records defined in the main file.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_GOSIDE_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_GOSIDE_H

#include "cgocheck/cgo/unit_facts.hpp"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class RecordDecl;
} // namespace clang

namespace clang::tidy::cgo::utils {

/// The Go side of one translation unit.
class GoSide {
public:
  /// Reads the facts table of the TU, if it has one.
  explicit GoSide(ASTContext &Context);

  /// The facts, or nullptr for a TU without them.
  const ::cgocheck::cgo::unit_facts *facts() const {
    return HasFacts ? &Facts : nullptr;
  }

  /// The location of a .go position (the .go file itself, read from disk),
  /// or an invalid location when the file cannot be read.
  SourceLocation location(const ::cgocheck::cgo::go_site &Site) const;

  /// Go calls this function: by the facts, or without them by the rule in
  /// the file comment.
  bool goCalls(const FunctionDecl &Function) const;

  /// Go names this record (or a typedef of it), or reaches it through the
  /// signature of a function it calls; without facts, defined in the main
  /// file.
  bool goUses(const RecordDecl &Record) const;

  /// The record cgo's type name refers to ("struct_x", "union_u", a typedef
  /// name), or nullptr.
  const RecordDecl *recordNamed(llvm::StringRef CgoName) const;

  /// The Go calls of this function in the facts. A .c file of the package
  /// sees the package's facts through an included header: there Go can call
  /// only its functions with external linkage (a static one of the same
  /// name is another function). Empty without facts.
  std::vector<const ::cgocheck::cgo::unit_call *> goCallsOf(const FunctionDecl &Function) const;

  /// The Go call sites of a C function (empty without facts).
  std::vector<::cgocheck::cgo::go_site> callSites(llvm::StringRef Function) const;

private:
  ASTContext &Context;
  ::cgocheck::cgo::unit_facts Facts;
  bool HasFacts = false;
  bool MainIsHeader = false;
  bool FactsInMainFile = false; ///< a generated unit (a preamble), not a .c file of the package
  llvm::SmallPtrSet<const RecordDecl *, 16> UsedRecords;
};

/// The Go side of the TU of Context, read once per TU and shared by the
/// checks.
const GoSide &goSide(ASTContext &Context);

} // namespace clang::tidy::cgo::utils

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_GOSIDE_H
