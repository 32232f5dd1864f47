//===--- VariadicCheck.cpp - cgocheck -------------------------------------===//
//
// Thin adapter. Three shapes:
// - Go calls a variadic C function (from the Go-side facts): at the Go call.
// - An explicit cast between function pointer types of which one is
//   variadic, looking through other casts and through a local void* that is
//   initialised with a function and never assigned again.
// - A call with arguments through a declaration without a prototype.
// The library (abi/portability.hpp) says on which listed targets each goes
// wrong.
//
//===----------------------------------------------------------------------===//

#include "VariadicCheck.h"
#include "cgocheck/rules/checks.hpp"
#include "utils/GoSide.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <optional>

using namespace clang::ast_matchers;
namespace abi = ::cgocheck::abi;
namespace rules = ::cgocheck::rules;

namespace clang::tidy::cgo {

namespace {

AST_MATCHER(QualType, callsUnprototyped) {
  QualType T = Node.getCanonicalType();
  if (const auto *Pointer = T->getAs<PointerType>())
    T = Pointer->getPointeeType().getCanonicalType();
  return isa<FunctionNoProtoType>(T.getTypePtr());
}

/// The function type a value of type T calls, if T is a function or a
/// pointer to one.
const FunctionType *calledType(QualType T) {
  T = T.getCanonicalType();
  if (const auto *Pointer = T->getAs<PointerType>())
    T = Pointer->getPointeeType().getCanonicalType();
  return T->getAs<FunctionType>();
}

/// A cast to a function or function pointer type.
AST_MATCHER(ExplicitCastExpr, castsToFunction) { return calledType(Node.getType()) != nullptr; }

/// Whether FT is a prototype, and a variadic one.
std::optional<bool> variadicness(const FunctionType *FT) {
  if (const auto *Proto = dyn_cast_or_null<FunctionProtoType>(FT))
    return Proto->isVariadic();
  return std::nullopt;
}

/// The function whose address E holds, looking through casts and a local
/// void* (or function pointer) variable that is initialised with it and
/// never assigned.
const FunctionDecl *functionBehind(const Expr *E, ASTContext &Context) {
  for (int Depth = 0; Depth < 4 && E; ++Depth) {
    E = E->IgnoreParenCasts();
    if (const auto *Unary = dyn_cast<UnaryOperator>(E); Unary && Unary->getOpcode() == UO_AddrOf)
      E = Unary->getSubExpr()->IgnoreParenCasts();
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    if (!Ref)
      return nullptr;
    if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl()))
      return Function;
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || !Var->hasLocalStorage() || !Var->getInit())
      return nullptr;
    const auto *Enclosing = dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
    if (!Enclosing || !Enclosing->hasBody())
      return nullptr;
    const auto RefersToVar = ignoringParenImpCasts(declRefExpr(to(varDecl(equalsNode(Var)))));
    const auto Write = expr(anyOf(binaryOperator(isAssignmentOperator(), hasLHS(RefersToVar)),
                                  unaryOperator(hasOperatorName("&"), hasUnaryOperand(RefersToVar))));
    const auto Writes = match(findAll(Write), *Enclosing->getBody(), Context);
    if (!Writes.empty())
      return nullptr;
    E = Var->getInit();
  }
  return nullptr;
}

/// "static int printf_fixed(const char *format, int value) { return printf(format, value); }"
std::string wrapperShape(const FunctionDecl &Function, const PrintingPolicy &Policy) {
  std::string Params;
  std::string Args;
  unsigned Index = 0;
  for (const ParmVarDecl *Param : Function.parameters()) {
    // Reserved names of system headers (__format) become a0, a1, ...
    const bool Plain = !Param->getName().empty() && !Param->getName().starts_with("_");
    const std::string Name = Plain ? Param->getName().str() : "a" + std::to_string(Index);
    Params += Param->getType().getAsString(Policy) + " " + Name + ", ";
    Args += Name + ", ";
    ++Index;
  }
  const std::string Result = Function.getReturnType().getAsString(Policy);
  const std::string Return = Function.getReturnType()->isVoidType() ? "" : "return ";
  return "static " + Result + " " + Function.getName().str() + "_fixed(" + Params + "int value) { " + Return +
         Function.getName().str() + "(" + Args + "value); }";
}

} // namespace

void VariadicCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
  // The cheap shape test first: the system-header test costs a source lookup.
  Finder->addMatcher(explicitCastExpr(castsToFunction(), unless(isExpansionInSystemHeader())).bind("cast"), this);
  Finder->addMatcher(callExpr(callee(expr(hasType(qualType(callsUnprototyped())))),
                              unless(isExpansionInSystemHeader()))
                         .bind("call"),
                     this);
}

void VariadicCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;
  if (Result.Nodes.getNodeAs<TranslationUnitDecl>("unit")) {
    const utils::GoSide &Go = utils::goSide(Context);
    const auto *Facts = Go.facts();
    if (!Facts)
      return;
    TranslationUnitDecl *Unit = Context.getTranslationUnitDecl();
    for (const ::cgocheck::cgo::unit_call &Call : Facts->calls) {
      if (!Call.at.has_value())
        continue;
      const ::cgocheck::cgo::go_site &Site = *Call.at;
      for (const NamedDecl *Decl : Unit->lookup(&Context.Idents.get(Call.function))) {
        const auto *Function = dyn_cast<FunctionDecl>(Decl);
        if (!Function || !Function->isVariadic())
          continue;
        const SourceLocation Where = Go.location(Site);
        if (Where.isInvalid())
          break;
        diag(Where, rules::messages::variadic_go_call, DiagnosticIDs::Error)
            << Function << wrapperShape(*Function, Context.getPrintingPolicy());
        diag(Function->getLocation(), rules::messages::variadic_declared_here, DiagnosticIDs::Note)
            << Function;
        break;
      }
    }
    return;
  }

  if (const auto *Cast = Result.Nodes.getNodeAs<ExplicitCastExpr>("cast")) {
    // Only the outermost cast of a chain is reported: (fixed)(void *)printf.
    // Casts are matched outermost first, so the outer one marks the inner
    // ones (asking for parents would build the whole unit's parent map).
    if (InnerCasts.erase(Cast) != 0)
      return;
    const std::optional<bool> To = variadicness(calledType(Cast->getType()));
    if (!To)
      return;
    for (const Expr *Inner = Cast->getSubExpr()->IgnoreParens(); Inner;) {
      const auto *InnerCast = dyn_cast<CastExpr>(Inner);
      if (!InnerCast)
        break;
      if (isa<ExplicitCastExpr>(InnerCast))
        InnerCasts.insert(InnerCast);
      Inner = InnerCast->getSubExpr()->IgnoreParens();
    }
    const Expr *Source = Cast->getSubExpr();
    std::optional<bool> From = variadicness(calledType(Source->IgnoreParenCasts()->getType()));
    const FunctionDecl *Behind = functionBehind(Source, Context);
    if (Behind)
      From = variadicness(Behind->getType()->getAs<FunctionType>());
    if (!From || *From == *To)
      return;
    const auto Kind = *From ? abi::variadic_mismatch::variadic_called_as_fixed
                            : abi::variadic_mismatch::fixed_called_as_variadic;
    const auto Broken = abi::variadic_breaking_targets(targets(), Kind, std::nullopt);
    if (Broken.empty())
      return;
    const QualType FromType = Behind ? Behind->getType() : Source->IgnoreParenCasts()->getType();
    diag(Cast->getBeginLoc(), rules::messages::variadic_cast)
        << FromType << Cast->getType() << abi::join_targets(Broken)
        << abi::variadic_reason(*Broken.front());
    if (Behind && Behind->isVariadic())
      diag(Behind->getLocation(), rules::messages::variadic_declared_here, DiagnosticIDs::Note) << Behind;
    return;
  }

  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    if (Call->getNumArgs() == 0)
      return;
    const FunctionDecl *Callee = Call->getDirectCallee();
    // A prototype elsewhere in the unit that is not variadic: the call is
    // made the way the definition expects.
    if (Callee)
      for (const FunctionDecl *Redecl : Callee->redecls())
        if (const std::optional<bool> Variadic = variadicness(Redecl->getType()->getAs<FunctionType>());
            Variadic && !*Variadic)
          return;
    bool Floating = false;
    for (const Expr *Arg : Call->arguments())
      Floating = Floating || Arg->IgnoreParenImpCasts()->getType()->isRealFloatingType();
    const auto Broken =
        abi::variadic_breaking_targets(targets(), abi::variadic_mismatch::unprototyped_call, Floating);
    if (Broken.empty())
      return;
    if (Callee)
      diag(Call->getBeginLoc(), rules::messages::variadic_unprototyped) << Callee << abi::join_targets(Broken);
    else
      diag(Call->getBeginLoc(), rules::messages::variadic_unprototyped)
          << "the function pointer" << abi::join_targets(Broken);
  }
}

} // namespace clang::tidy::cgo
