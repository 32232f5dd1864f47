//===--- NilFreeCheck.cpp - cgocheck --------------------------------------===//
//
// Thin adapter: the matcher picks function definitions that call a
// deallocator, utils/PointerNullness runs the library's nullness lattice over
// their CFG, the library judges each call, and this file words the finding.
//
//===----------------------------------------------------------------------===//

#include "NilFreeCheck.h"
#include "cgocheck/rules/checks.hpp"
#include "cgocheck/rules/nullness.hpp"
#include "utils/OptionList.h"
#include "utils/PointerNullness.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang::ast_matchers;
namespace rules = ::cgocheck::rules;

namespace clang::tidy::cgo {

NilFreeCheck::NilFreeCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      DeallocatorsOption(Options.get("Deallocators", "free")),
      Deallocators(utils::splitNameList(DeallocatorsOption)) {}

void NilFreeCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Deallocators", DeallocatorsOption);
}

void NilFreeCheck::registerMatchers(MatchFinder *Finder) {
  if (Deallocators.empty())
    return;
  const std::vector<StringRef> Names(Deallocators.begin(), Deallocators.end());
  Finder->addMatcher(
      functionDecl(isDefinition(),
                   hasDescendant(callExpr(callee(functionDecl(hasAnyName(Names))))))
          .bind("function"),
      this);
}

void NilFreeCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!Function || Function->isDependentContext())
    return;
  auto IsDeallocator = [this](const FunctionDecl &Callee) {
    const IdentifierInfo *Id = Callee.getIdentifier();
    return Id && llvm::is_contained(Deallocators, Id->getName());
  };
  const SourceManager &Sources = Result.Context->getSourceManager();
  auto Report = [this, &Sources](const utils::DeallocationSite &Site) {
    if (rules::judge_deallocation(Site.Value) != rules::dealloc_verdict::frees_nothing)
      return;
    {
      // Keep the builder itself (not what operator<< returns): the finding is
      // emitted when it goes out of scope, before the note.
      DiagnosticBuilder Finding =
          diag(Site.Call->getBeginLoc(), rules::nil_free_message(Site.Form));
      Finding << Site.Callee;
      if (Site.Variable)
        Finding << Site.Variable;
    }
    // At the file position of the assignment or test, not inside a macro
    // such as NULL that it happens to start with.
    if (const Stmt *Where = Site.Origin.Where; Where && Site.Variable)
      diag(Sources.getFileLoc(Where->getBeginLoc()),
           rules::nil_free_note(Site.Origin.FromTest), DiagnosticIDs::Note)
          << Site.Variable;
  };
  utils::forEachDeallocation(*Function, *Result.Context, IsDeallocator, Report);
}

} // namespace clang::tidy::cgo
