//===--- PointerNullness.cpp - cgocheck -----------------------------------===//

#include "PointerNullness.h"
#include "ForwardDataflow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>

using namespace clang::ast_matchers;
using ::cgocheck::rules::nullness;

namespace clang::tidy::cgo::utils {
namespace {

using State = ::cgocheck::rules::nullness_state<const VarDecl *, NullnessOrigin>;
using VarSet = llvm::SmallPtrSet<const VarDecl *, 16>;

/// Visits allowed per CFG block before the analysis gives up. The lattice has
/// height 2 per variable, so real functions converge in a handful of visits.
constexpr unsigned MaxVisitsPerBlock = 64;

/// Local pointer variables and parameters the analysis can follow: their
/// value changes only through assignments it sees.
VarSet trackableVariables(const FunctionDecl &Function, ASTContext &Context) {
  VarSet Escaped;
  const Stmt *Body = Function.getBody();
  auto Collect = [&](const auto &Matcher) {
    for (const BoundNodes &Nodes :
         match(stmt(forEachDescendant(Matcher)), *Body, Context))
      if (const auto *V = Nodes.getNodeAs<VarDecl>("v"))
        Escaped.insert(V->getCanonicalDecl());
  };
  const auto Var = declRefExpr(to(varDecl().bind("v")));
  // `&p`: anything may write p through the address.
  Collect(unaryOperator(hasOperatorName("&"), hasUnaryOperand(ignoringParens(Var))));
  if (Context.getLangOpts().CPlusPlus) {
    // A bare lvalue as an argument or initializer binds a reference.
    Collect(callExpr(forEachArgumentWithParam(ignoringParens(Var),
                                              parmVarDecl(hasType(referenceType())))));
    Collect(varDecl(hasType(referenceType()), hasInitializer(ignoringParens(Var))));
    Collect(declRefExpr(to(varDecl().bind("v")), hasAncestor(lambdaExpr())));
  }

  VarSet Tracked;
  auto Consider = [&](const VarDecl *V) {
    const VarDecl *Canonical = V->getCanonicalDecl();
    const QualType T = V->getType();
    if (V->hasLocalStorage() && T->isPointerType() && !T.isVolatileQualified() &&
        !Escaped.contains(Canonical))
      Tracked.insert(Canonical);
  };
  for (const ParmVarDecl *P : Function.parameters())
    Consider(P);
  for (const BoundNodes &Nodes :
       match(stmt(forEachDescendant(varDecl().bind("v"))), *Body, Context))
    Consider(Nodes.getNodeAs<VarDecl>("v"));
  return Tracked;
}

/// A test of a tracked variable against null, as found in a branch condition.
struct NullTest {
  const VarDecl *Var = nullptr;
  bool NullWhenTrue = false;
};

class NullnessAnalysis {
public:
  NullnessAnalysis(ASTContext &Context, const VarSet &Tracked,
                   llvm::function_ref<bool(const FunctionDecl &)> IsDeallocator,
                   llvm::function_ref<void(const DeallocationSite &)> OnSite)
      : Context(Context), Tracked(Tracked), IsDeallocator(IsDeallocator),
        OnSite(OnSite) {}

  static State entryState() { return State::entry(); }
  static State bottomState() { return State::unreachable(); }

  void transfer(const CFGElement &Element, State &S, bool Replaying) {
    const auto Stmt = Element.getAs<CFGStmt>();
    if (!Stmt)
      return;
    const clang::Stmt *St = Stmt->getStmt();
    if (const auto *DS = dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D); V && isTracked(V)) {
          if (const Expr *Init = V->getInit())
            S.assign(V->getCanonicalDecl(), valueOf(Init), {DS, false});
          else
            S.forget(V->getCanonicalDecl());
        }
      return;
    }
    if (const auto *E = dyn_cast<Expr>(St))
      Values[E] = evaluate(*E, S, Replaying);
  }

  void refineEdge(const CFGBlock &From, unsigned SuccIndex, State &S) const {
    if (From.succ_size() != 2)
      return;
    const Expr *Condition = From.getLastCondition();
    if (!Condition)
      return;
    const std::optional<NullTest> Test = interpretTest(Condition);
    if (!Test)
      return;
    const bool TrueEdge = SuccIndex == 0;
    S.assume_null(Test->Var, TrueEdge == Test->NullWhenTrue, {Condition, true});
  }

private:
  bool isTracked(const VarDecl *V) const {
    return V && Tracked.contains(V->getCanonicalDecl());
  }

  /// The tracked variable whose value an rvalue expression is, looking
  /// through casts and assignments (`(void *)p`, `(p = f())`).
  const VarDecl *trackedVariable(const Expr *E) const {
    E = E->IgnoreParenCasts();
    if (const auto *Assign = dyn_cast<BinaryOperator>(E);
        Assign && Assign->getOpcode() == BO_Assign)
      return trackedVariable(Assign->getLHS());
    return readVariable(E);
  }

  bool isNullConstant(const Expr &E) const {
    return E.isNullPointerConstant(Context, Expr::NPC_ValueDependentIsNotNull) !=
           Expr::NPCK_NotNull;
  }

  /// `p`, `!p`, `p == NULL`, `NULL != p`, `(p = f()) == NULL`,
  /// `__builtin_expect(!p, 0)` and their negations.
  std::optional<NullTest> interpretTest(const Expr *Condition) const {
    const Expr *E = Condition->IgnoreParenImpCasts();
    if (const auto *Not = dyn_cast<UnaryOperator>(E);
        Not && Not->getOpcode() == UO_LNot) {
      std::optional<NullTest> Inner = interpretTest(Not->getSubExpr());
      if (Inner)
        Inner->NullWhenTrue = !Inner->NullWhenTrue;
      return Inner;
    }
    if (const auto *Cmp = dyn_cast<BinaryOperator>(E);
        Cmp && Cmp->isEqualityOp()) {
      const Expr *Other = nullptr;
      if (isNullConstant(*Cmp->getRHS()))
        Other = Cmp->getLHS();
      else if (isNullConstant(*Cmp->getLHS()))
        Other = Cmp->getRHS();
      if (const VarDecl *V = Other ? trackedVariable(Other) : nullptr)
        return NullTest{V, Cmp->getOpcode() == BO_EQ};
      return std::nullopt;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const unsigned Builtin = Call->getBuiltinCallee();
      if ((Builtin == Builtin::BI__builtin_expect ||
           Builtin == Builtin::BI__builtin_expect_with_probability) &&
          Call->getNumArgs() > 0)
        return interpretTest(Call->getArg(0));
      return std::nullopt;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
        Cast && Cast->getType()->isBooleanType())
      return interpretTest(Cast->getSubExpr());
    if (const VarDecl *V = trackedVariable(E))
      return NullTest{V, false};
    return std::nullopt;
  }

  nullness valueOf(const Expr *E) const {
    const auto It = Values.find(E->IgnoreParens());
    return It == Values.end() ? nullness::unknown : It->second;
  }

  /// The value of one CFG element, given the values of its operands computed
  /// earlier (with AllAlwaysAdd every subexpression is an element of its own,
  /// in evaluation order), and its effect on S.
  nullness evaluate(const Expr &E, State &S, bool Replaying) {
    if (const auto *Cast = dyn_cast<CastExpr>(&E)) {
      switch (Cast->getCastKind()) {
      // Sema marks every conversion of a null pointer constant (`0`,
      // `(void *)0`, `nullptr`, `__null`) to a pointer type this way, so no
      // constant needs re-evaluating here.
      case CK_NullToPointer:
        return nullness::null;
      case CK_LValueToRValue:
        if (const VarDecl *V = readVariable(Cast->getSubExpr()))
          return S.get(V);
        return nullness::unknown;
      case CK_ArrayToPointerDecay:
      case CK_FunctionToPointerDecay:
      case CK_BuiltinFnToFnPtr:
        return nullness::non_null;
      default:
        return valueOf(Cast->getSubExpr());
      }
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(&E)) {
      if (Unary->getOpcode() == UO_AddrOf)
        return nullness::non_null;
      if (Unary->isIncrementDecrementOp())
        if (const VarDecl *V = readVariable(Unary->getSubExpr()))
          S.forget(V);
      return nullness::unknown;
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(&E)) {
      if (Binary->getOpcode() == BO_Assign) {
        const nullness Value = valueOf(Binary->getRHS());
        if (const VarDecl *V = readVariable(Binary->getLHS()))
          S.assign(V, Value, {&E, false});
        return Value;
      }
      if (Binary->isCompoundAssignmentOp()) {
        if (const VarDecl *V = readVariable(Binary->getLHS()))
          S.forget(V);
        return nullness::unknown;
      }
      if (Binary->getOpcode() == BO_Comma)
        return valueOf(Binary->getRHS());
      return nullness::unknown;
    }
    if (const auto *Conditional = dyn_cast<ConditionalOperator>(&E))
      return join(valueOf(Conditional->getTrueExpr()),
                  valueOf(Conditional->getFalseExpr()));
    if (isa<StringLiteral, AddrLabelExpr>(&E))
      return nullness::non_null;
    if (const auto *Call = dyn_cast<CallExpr>(&E)) {
      if (Replaying)
        reportIfDeallocation(*Call, S);
      return nullness::unknown;
    }
    return nullness::unknown;
  }

  /// The tracked variable an lvalue expression designates, if any.
  const VarDecl *readVariable(const Expr *E) const {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParens())) {
      const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
      if (V && isTracked(V))
        return V->getCanonicalDecl();
    }
    return nullptr;
  }

  void reportIfDeallocation(const CallExpr &Call, const State &S) const {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee || Call.getNumArgs() == 0 || !IsDeallocator(*Callee))
      return;
    DeallocationSite Site;
    Site.Call = &Call;
    Site.Callee = Callee;
    Site.Argument = Call.getArg(0);
    Site.Value = valueOf(Site.Argument);
    Site.Variable = trackedVariable(Site.Argument);
    if (Site.Variable) {
      Site.Form = ::cgocheck::rules::null_argument::variable;
      if (std::optional<NullnessOrigin> Origin = S.origin(Site.Variable))
        Site.Origin = *Origin;
    } else if (Site.Value == nullness::null && isNullConstant(*Site.Argument)) {
      Site.Form = ::cgocheck::rules::null_argument::constant;
    }
    OnSite(Site);
  }

  ASTContext &Context;
  const VarSet &Tracked;
  llvm::function_ref<bool(const FunctionDecl &)> IsDeallocator;
  llvm::function_ref<void(const DeallocationSite &)> OnSite;
  llvm::DenseMap<const Expr *, nullness> Values;
};

} // namespace

bool forEachDeallocation(
    const FunctionDecl &Function, ASTContext &Context,
    llvm::function_ref<bool(const FunctionDecl &)> IsDeallocator,
    llvm::function_ref<void(const DeallocationSite &)> OnSite) {
  if (!Function.hasBody())
    return false;
  const VarSet Tracked = trackableVariables(Function, Context);
  NullnessAnalysis Analysis(Context, Tracked, IsDeallocator, OnSite);
  return runForwardDataflow<State>(Function, Analysis, MaxVisitsPerBlock).has_value();
}

} // namespace clang::tidy::cgo::utils
