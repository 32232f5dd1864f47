//===--- PointerRuleCheck.cpp - cgocheck ----------------------------------===//
//
// Thin adapter: utils/PointerFlow runs the library's pointer lattice over the
// CFG of the functions that can see boundary pointers and the library judges
// each event; this file words the findings of one rule, with notes at the
// calls on the way and at the Go calls that pass the memory.
//
//===----------------------------------------------------------------------===//

#include "PointerRuleCheck.h"
#include "cgocheck/rules/checks.hpp"
#include "utils/GoSide.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
namespace rules = ::cgocheck::rules;

namespace clang::tidy::cgo {

namespace {

/// The local variable or parameter a stack address is taken of.
const VarDecl *stackVariable(const Stmt *Site) {
  for (int Depth = 0; Depth < 32 && Site; ++Depth) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Site))
      return dyn_cast<VarDecl>(Ref->getDecl());
    if (const auto *E = dyn_cast<Expr>(Site)) {
      const Expr *Inner = E->IgnoreParenImpCasts();
      if (Inner != E) {
        Site = Inner;
        continue;
      }
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(Site))
      Site = Unary->getSubExpr();
    else if (const auto *Member = dyn_cast<MemberExpr>(Site))
      Site = Member->getBase();
    else if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(Site))
      Site = Sub->getBase();
    else if (const auto *Cast = dyn_cast<CastExpr>(Site))
      Site = Cast->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

const FunctionDecl *calleeAt(const Stmt *Site) {
  const auto *Call = dyn_cast_or_null<CallExpr>(Site);
  return Call ? Call->getDirectCallee() : nullptr;
}

} // namespace

PointerRuleCheck::PointerRuleCheck(StringRef Name, ClangTidyContext *Context, rules::pointer_rule Rule)
    : ClangTidyCheck(Name, Context), Rule(Rule), AssumeOption(Options.getLocalOrGlobal("Assume", "facts")),
      DeallocatorsOption(Options.getLocalOrGlobal("Deallocators", utils::DefaultDeallocators)),
      AllocatorsOption(Options.getLocalOrGlobal("Allocators", utils::DefaultAllocators)),
      KeepingFunctionsOption(Options.getLocalOrGlobal("KeepingFunctions", utils::DefaultKeepingFunctions)) {
  const std::string Error = utils::PointerFlowOptions::parse(AssumeOption, DeallocatorsOption, AllocatorsOption,
                                                             KeepingFunctionsOption, Parsed);
  Valid = Error.empty();
  if (!Valid)
    configurationDiag("%0: %1", DiagnosticIDs::Error) << Name << Error;
}

void PointerRuleCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Assume", AssumeOption);
  Options.store(Opts, "Deallocators", DeallocatorsOption);
  Options.store(Opts, "Allocators", AllocatorsOption);
  Options.store(Opts, "KeepingFunctions", KeepingFunctionsOption);
}

void PointerRuleCheck::registerMatchers(MatchFinder *Finder) {
  if (Valid)
    Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void PointerRuleCheck::check(const MatchFinder::MatchResult &Result) {
  for (const utils::PointerFinding &Finding : utils::pointerFindings(*Result.Context, Parsed))
    if (Finding.Rule == Rule)
      report(Finding, *Result.Context);
}

void PointerRuleCheck::report(const utils::PointerFinding &Finding, ASTContext &Context) {
  const Stmt *At = Finding.Event.at;
  if (!At)
    return;
  const SourceLocation Where = At->getBeginLoc();
  const std::string Sink = rules::sink_phrase(Finding.Event.where, Finding.Event.sink_name);
  switch (Finding.Rule) {
  case rules::pointer_rule::retained:
    if (!Finding.Param)
      return;
    diag(Where, Finding.NoEscape ? rules::messages::pointer_retained_noescape : rules::messages::pointer_retained)
        << Finding.Param << Finding.Function << Sink;
    break;
  case rules::pointer_rule::go_pointer_in_go_memory:
    if (!Finding.Param || !Finding.Target)
      return;
    diag(Where, rules::messages::go_pointer_in_go_memory) << Finding.Param << Finding.Target;
    break;
  case rules::pointer_rule::free_go_memory: {
    const FunctionDecl *Callee = calleeAt(At);
    if (!Finding.Param || !Callee)
      return;
    diag(Where, rules::messages::free_go_memory) << Callee << Finding.Param;
    break;
  }
  case rules::pointer_rule::double_free: {
    const FunctionDecl *Callee = calleeAt(At);
    if (!Callee)
      return;
    if (Finding.Freed) {
      diag(Where, rules::messages::double_free_in_c) << Callee << Finding.Freed;
      if (Finding.FirstFree)
        diag(Finding.FirstFree->getBeginLoc(), rules::messages::first_freed_here, DiagnosticIDs::Note)
            << Finding.Freed;
      return;
    }
    if (!Finding.Param)
      return;
    diag(Where, rules::messages::double_free_by_go) << Callee << Finding.Param;
    break;
  }
  case rules::pointer_rule::stack_address_escape: {
    const VarDecl *Local = stackVariable(At);
    if (!Local)
      return;
    const std::string How = rules::escape_phrase(Finding.Event.where, Finding.Event.sink_name);
    const auto *Owner = dyn_cast<FunctionDecl>(Local->getDeclContext());
    diag(Where, rules::messages::stack_address_escape) << Local << (Owner ? Owner : Finding.Function) << How;
    break;
  }
  }
  notes(Finding, Context);
}

void PointerRuleCheck::notes(const utils::PointerFinding &Finding, ASTContext &Context) {
  for (const Stmt *Call : Finding.Event.via)
    if (const FunctionDecl *Callee = calleeAt(Call))
      diag(Call->getBeginLoc(), rules::messages::passed_on_here, DiagnosticIDs::Note) << Callee;
  if (!Finding.Param)
    return;
  const utils::GoSide &Go = utils::goSide(Context);
  const bool ByGo = Finding.Rule == rules::pointer_rule::double_free;
  for (const auto &Origin : Finding.Origins) {
    if (!rules::origin_is_noted(Finding.Rule, Origin))
      continue;
    const SourceLocation Where = Go.location(Origin.site);
    if (Where.isInvalid())
      continue;
    if (ByGo)
      diag(Where, rules::messages::go_frees_after_call, DiagnosticIDs::Note) << Finding.Param;
    else
      diag(Where, rules::messages::go_passes_here, DiagnosticIDs::Note) << Finding.Param << Origin.why;
  }
  if (Finding.Origins.empty() && !Finding.Assumed.empty())
    diag(Finding.Param->getLocation(), rules::messages::assumed_go_memory, DiagnosticIDs::Note)
        << Finding.Param << Finding.Assumed;
}

} // namespace clang::tidy::cgo
