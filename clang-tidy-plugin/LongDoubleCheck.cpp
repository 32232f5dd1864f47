//===--- LongDoubleCheck.cpp - cgocheck -----------------------------------===//
//
// Thin adapter: the matchers find declarations whose type holds a long
// double; utils::GoSide says whether Go sees them; the library says, per
// listed target, whether cgo rejects it or maps it to float64.
//
//===----------------------------------------------------------------------===//

#include "LongDoubleCheck.h"
#include "cgocheck/rules/checks.hpp"
#include "utils/GoSide.h"
#include "utils/TypeShape.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
namespace abi = ::cgocheck::abi;
namespace rules = ::cgocheck::rules;

namespace clang::tidy::cgo {

void LongDoubleCheck::registerMatchers(MatchFinder *Finder) {
  // The first declaration of each function, so that a prototype and its
  // definition give one finding.
  Finder->addMatcher(functionDecl(unless(isImplicit())).bind("function"), this);
  Finder->addMatcher(fieldDecl().bind("field"), this);
}

void LongDoubleCheck::check(const MatchFinder::MatchResult &Result) {
  const utils::GoSide &Go = utils::goSide(*Result.Context);
  if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
    if (Function != Function->getFirstDecl() || !Go.goCalls(*Function))
      return;
    bool Reported = false;
    if (utils::containsLongDouble(Function->getReturnType()))
      Reported |= report(*Function, Function->getLocation(), 2);
    for (const ParmVarDecl *Param : Function->parameters())
      if (utils::containsLongDouble(Param->getType()))
        Reported |= Param->getName().empty()
                        ? report(*Function, Param->getTypeSpecStartLoc(), 3)
                        : report(*Param, Param->getLocation(), 0);
    if (!Reported)
      return;
    // Attached to the last finding above: where Go makes the call.
    for (const ::cgocheck::cgo::go_site &Site : Go.callSites(Function->getName()))
      if (SourceLocation Where = Go.location(Site); Where.isValid())
        diag(Where, rules::messages::go_calls_here, DiagnosticIDs::Note) << Function;
    return;
  }
  // cgo makes a union [N]byte without looking at its members.
  const auto *Field = Result.Nodes.getNodeAs<FieldDecl>("field");
  if (!Field || Field->getParent()->isUnion() || !utils::containsLongDouble(Field->getType()) ||
      !Go.goUses(*Field->getParent()))
    return;
  report(*Field, Field->getLocation(), 1);
}

bool LongDoubleCheck::report(const NamedDecl &Decl, SourceLocation Where, unsigned Kind) {
  const abi::long_double_split Split = abi::split_by_long_double(targets());
  if (!Split.any_fatal())
    return false;
  const std::string Error = abi::long_double_in_cgo(*Split.fatal.front()).error;
  if (Split.mapped.empty()) {
    diag(Where, rules::messages::long_double_fatal)
        << Kind << &Decl << abi::join_targets(Split.fatal) << Error;
    return true;
  }
  diag(Where, rules::messages::long_double_mixed)
      << Kind << &Decl << abi::join_targets(Split.fatal) << Error
      << abi::join_targets(Split.mapped);
  return true;
}

} // namespace clang::tidy::cgo
