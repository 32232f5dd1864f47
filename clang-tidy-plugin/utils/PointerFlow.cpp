//===--- PointerFlow.cpp - cgocheck ---------------------------------------===//

#include "PointerFlow.h"
#include "ForwardDataflow.h"
#include "GoSide.h"
#include "OptionList.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <map>
#include <memory>
#include <set>
#include <tuple>

namespace cgofacts = ::cgocheck::cgo;

namespace clang::tidy::cgo::utils {
namespace {

using Value = pointer_rules::pointer_value<PointerSite>;
using Summary = pointer_rules::function_summary<PointerSite>;
using pointer_rules::event_kind;
using pointer_rules::param_set;
using pointer_rules::sink;

/// A place that outlives the call: kind, root (global or heap site),
/// parameters (for argument memory), field (nullptr: the whole object).
using Place = std::tuple<int, const void *, param_set, const void *>;
enum PlaceKind : std::uint8_t { GlobalPlace, HeapPlace, ArgumentPlace };
/// What can be freed twice: a local variable, or a heap block.
using Identity = std::pair<int, const void *>;
enum IdentityKind : std::uint8_t { VariableIdentity, HeapIdentity };
using State = pointer_rules::pointer_state<const VarDecl *, Place, Identity, PointerSite>;

/// What a call site says about the integer arguments of its callee: the
/// value of each argument that is a constant (`ZSTD_dlm_byCopy`), else none.
using Constants = std::vector<std::optional<std::int64_t>>;

constexpr unsigned MaxVisitsPerBlock = 64;
constexpr unsigned MaxCallDepth = 8;
/// Calls at depth below this (0: from the judged function) get summaries
/// specialised for their constant arguments.
constexpr unsigned MaxSpecialisedDepth = 2;

/// The annotate strings of cgocheck.h on any declaration of D.
bool hasAnnotation(const Decl &D, StringRef What) {
  return llvm::any_of(D.specific_attrs<AnnotateAttr>(),
                      [What](const AnnotateAttr *A) { return A->getAnnotation() == What; });
}

pointer_rules::param_annotation annotationOf(const FunctionDecl &F, unsigned Index) {
  for (const FunctionDecl *Redecl : F.redecls()) {
    if (Index >= Redecl->getNumParams())
      continue;
    const ParmVarDecl &P = *Redecl->getParamDecl(Index);
    if (hasAnnotation(P, "cgocheck.keeps"))
      return pointer_rules::param_annotation::keeps;
    if (hasAnnotation(P, "cgocheck.takes_ownership"))
      return pointer_rules::param_annotation::takes_ownership;
    if (hasAnnotation(P, "cgocheck.borrowed"))
      return pointer_rules::param_annotation::borrowed;
  }
  return pointer_rules::param_annotation::none;
}

bool calledFromGoAnnotation(const FunctionDecl &F) {
  return llvm::any_of(F.redecls(), [](const FunctionDecl *R) { return hasAnnotation(*R, "cgocheck.called_from_go"); });
}

/// A pointer, or a Go string or slice passed by value (its data is Go's).
bool isPointerLike(QualType T) {
  T = T.getCanonicalType();
  if (T->isPointerType() || T->isArrayType())
    return !T->getPointeeOrArrayElementType()->isFunctionType();
  if (const auto *Record = T->getAsRecordDecl()) {
    for (const FieldDecl *Field : Record->fields())
      if (Field->getType()->isPointerType())
        return true;
  }
  return false;
}

/// The root variable an lvalue designates through fields, subscripts of
/// arrays it holds and parentheses (`g.a.b`, `g.arr[i]`), or nullptr.
const VarDecl *lvalueRoot(const Expr *E) {
  for (int Depth = 0; Depth < 32 && E; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(Ref->getDecl());
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow())
        return nullptr;
      E = Member->getBase();
      continue;
    }
    if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E)) {
      if (!Sub->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        return nullptr;
      E = Sub->getBase();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// The root variable behind a pointer expression reached through globals
/// (`g->x`, `g.p->x`, `table[i]` of a global array): the memory is reached
/// from that variable.
const VarDecl *pointerRoot(const Expr *E) {
  for (int Depth = 0; Depth < 32 && E; ++Depth) {
    E = E->IgnoreParenCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(Ref->getDecl());
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      E = Member->getBase();
      continue;
    }
    if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E)) {
      E = Sub->getBase();
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E); Unary && Unary->getOpcode() == UO_Deref) {
      E = Unary->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

bool isGlobalStorage(const VarDecl &V) { return !V.hasLocalStorage(); }

class Analyzer;

/// One function's analysis: the CFG transfer functions.
class FunctionAnalysis {
public:
  FunctionAnalysis(Analyzer &Owner, const FunctionDecl &Function, Summary &Out, unsigned Depth, Constants Known)
      : Owner(Owner), Function(Function), Out(Out), Depth(Depth), Known(std::move(Known)) {
    if (!this->Known.empty())
      findModifiedParams();
  }

  State entryState() const {
    State S = State::entry();
    for (unsigned I = 0; I < Function.getNumParams(); ++I) {
      Value V;
      V.params = pointer_rules::param_bit(I);
      S.assign(Function.getParamDecl(I)->getCanonicalDecl(), V);
    }
    return S;
  }
  static State bottomState() { return State::unreachable(); }

  void transfer(const CFGElement &Element, State &S, bool Replaying);
  /// A branch on a parameter the call site passes as a constant (and that
  /// the body never changes) takes only the edge that constant selects:
  /// `if (method == BY_REF)`, `if (!copy)`.
  void refineEdge(const CFGBlock &From, unsigned SuccIndex, State &S) const;

  /// The constant value of an argument expression at a call in this function.
  std::optional<std::int64_t> constantOf(const Expr &Arg) const;

  void finish(const State &AtExit) {
    for (PointerEvent &Event : pointer_rules::events_at_exit(AtExit))
      Out.events.push_back(std::move(Event));
  }

  struct DoubleFree {
    const CallExpr *Second;
    PointerSite First;
    const NamedDecl *What;
  };
  std::vector<DoubleFree> DoubleFrees;

private:
  Value valueOf(const Expr *E) const {
    const auto It = Values.find(E->IgnoreParens());
    return It == Values.end() ? Value{} : It->second;
  }
  Value evaluate(const Expr &E, State &S, bool Replaying);
  Value addressOf(const Expr *LValue, const Expr &At);
  void store(const Expr *LHS, const Value &V, const Expr &At, State &S, bool Replaying);
  void storeThrough(const Value &Base, const Expr *BaseExpr, const FieldDecl *Field, bool Strong, const Value &V,
                    const Expr &At, State &S, bool Replaying);
  Value call(const CallExpr &Call, State &S, bool Replaying);
  /// The effects of freeing Arg at Call; EmitEvent: also record the free
  /// event (a helper's free arrives translated instead).
  void freeArgument(const Expr *Arg, const CallExpr &Call, State &S, bool Replaying, bool EmitEvent = true);
  void emit(const PointerEvent &E, bool Replaying) {
    if (Replaying)
      Out.events.push_back(E);
  }
  std::string paramNames(param_set Set) const {
    for (unsigned I = 0; I < Function.getNumParams(); ++I)
      if ((Set & pointer_rules::param_bit(I)) != 0)
        return Function.getParamDecl(I)->getName().str();
    return "";
  }

  void findModifiedParams();
  /// The known value of a parameter read by E, if unchanged in the body.
  std::optional<std::int64_t> knownParam(const Expr &E) const;

  Analyzer &Owner;
  const FunctionDecl &Function;
  Summary &Out;
  unsigned Depth;
  Constants Known;
  llvm::SmallPtrSet<const ParmVarDecl *, 4> Modified;
  llvm::DenseMap<const Expr *, Value> Values;
};

/// Summaries of the TU's functions, each computed once, on demand.
class Analyzer {
public:
  explicit Analyzer(const PointerFlowOptions &Options) : Options(Options) {}

  const Summary &summary(const FunctionDecl &Definition, unsigned Depth = 0, Constants Known = {}) {
    if (llvm::none_of(Known, [](const std::optional<std::int64_t> &K) { return K.has_value(); }))
      Known.clear();
    // Too deep: incomplete here, but not remembered, so that a call from
    // nearer the judged function still gets the whole summary.
    if (Depth > MaxCallDepth || !Definition.hasBody())
      return Incomplete;
    // Whether its own calls get specialised summaries depends on the depth,
    // so that is part of what the summary is of.
    const bool Specialises = Depth < MaxSpecialisedDepth;
    const auto Key = std::make_tuple(Definition.getCanonicalDecl(), Known, Specialises);
    if (auto It = Summaries.find(Key); It != Summaries.end())
      return It->second;
    Summary &Out = Summaries[Key];
    // A recursive call sees this incomplete summary.
    Out.complete = false;
    Summary Result;
    const bool General = Known.empty();
    FunctionAnalysis A(*this, Definition, Result, Depth, std::move(Known));
    const std::optional<State> AtExit = runForwardDataflow<State>(Definition, A, MaxVisitsPerBlock);
    if (!AtExit)
      return Out;
    A.finish(*AtExit);
    Result.complete = true;
    if (General)
      for (const FunctionAnalysis::DoubleFree &D : A.DoubleFrees)
        DoubleFrees.push_back({&Definition, D.Second, D.First, D.What});
    Summary &Stored = Summaries[Key];
    Stored = std::move(Result);
    return Stored;
  }

  /// Which parameters of F a branch condition tests directly (`if (p)`,
  /// `if (!p)`, `if (p == K)`, `p != K ? a : b`), computed once.
  const std::vector<bool> &testedParams(const FunctionDecl &F) {
    auto [It, Inserted] = Tested.try_emplace(F.getCanonicalDecl());
    if (!Inserted || !F.getBody())
      return It->second;
    std::vector<bool> &Result = It->second;
    Result.assign(F.getNumParams(), false);
    using namespace ast_matchers;
    const auto Param = ignoringParenImpCasts(declRefExpr(to(parmVarDecl().bind("p"))));
    const auto Test = expr(ignoringParenImpCasts(anyOf(
        Param, unaryOperator(hasOperatorName("!"), hasUnaryOperand(Param)),
        binaryOperator(hasAnyOperatorName("==", "!="), hasEitherOperand(Param)))));
    const auto Matches = match(findAll(stmt(anyOf(ifStmt(hasCondition(Test)), whileStmt(hasCondition(Test)),
                                                  forStmt(hasCondition(Test)), doStmt(hasCondition(Test)),
                                                  conditionalOperator(hasCondition(Test))))),
                               *F.getBody(), F.getASTContext());
    for (const BoundNodes &Nodes : Matches)
      if (const auto *P = Nodes.getNodeAs<ParmVarDecl>("p"); P && P->getFunctionScopeIndex() < Result.size())
        Result[P->getFunctionScopeIndex()] = true;
    return Result;
  }

  bool isDeallocator(const FunctionDecl &F) const { return named(F, Options.Deallocators); }
  bool isAllocator(const FunctionDecl &F) const { return named(F, Options.Allocators); }
  std::optional<unsigned> keptArgument(const FunctionDecl &F) const {
    const IdentifierInfo *Id = F.getIdentifier();
    if (!Id)
      return std::nullopt;
    for (const auto &[Name, Index] : Options.KeepingFunctions)
      if (Id->getName() == Name)
        return Index;
    return std::nullopt;
  }
  /// `register_x(..., void (*cb)(void *), void *ctx)`: a registration shape
  /// (pointer_rules::is_registration_name) whose body is not in the TU.
  static bool isRegistration(const FunctionDecl &F) {
    const IdentifierInfo *Id = F.getIdentifier();
    if (!Id || F.hasBody())
      return false;
    if (!pointer_rules::is_registration_name(Id->getName()))
      return false;
    return llvm::any_of(F.parameters(), [](const ParmVarDecl *P) {
      return P->getType()->isFunctionPointerType();
    });
  }

  struct DoubleFreeFound {
    const FunctionDecl *Function;
    const CallExpr *Second;
    PointerSite First;
    const NamedDecl *What;
  };
  std::vector<DoubleFreeFound> DoubleFrees;

private:
  static bool named(const FunctionDecl &F, const std::vector<std::string> &Names) {
    const IdentifierInfo *Id = F.getIdentifier();
    return Id && llvm::is_contained(Names, Id->getName());
  }

  const PointerFlowOptions &Options;
  std::map<std::tuple<const FunctionDecl *, Constants, bool>, Summary> Summaries;
  const Summary Incomplete = [] {
    Summary S;
    S.complete = false;
    return S;
  }();
  llvm::DenseMap<const FunctionDecl *, std::vector<bool>> Tested;
};

void FunctionAnalysis::findModifiedParams() {
  using namespace ast_matchers;
  const auto Param = ignoringParenImpCasts(declRefExpr(to(parmVarDecl().bind("p"))));
  const auto Writes = match(findAll(expr(anyOf(binaryOperator(isAssignmentOperator(), hasLHS(Param)),
                                               unaryOperator(hasAnyOperatorName("&", "++", "--"),
                                                             hasUnaryOperand(Param))))),
                            *Function.getBody(), Function.getASTContext());
  for (const BoundNodes &Nodes : Writes)
    if (const auto *P = Nodes.getNodeAs<ParmVarDecl>("p"))
      Modified.insert(P);
}

std::optional<std::int64_t> FunctionAnalysis::knownParam(const Expr &E) const {
  const auto *Ref = dyn_cast<DeclRefExpr>(E.IgnoreParenImpCasts());
  const auto *P = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (!P || Modified.contains(P) || P->getFunctionScopeIndex() >= Known.size())
    return std::nullopt;
  return Known[P->getFunctionScopeIndex()];
}

std::optional<std::int64_t> FunctionAnalysis::constantOf(const Expr &Arg) const {
  if (!Arg.getType()->isIntegralOrEnumerationType() || Arg.isValueDependent())
    return std::nullopt;
  Expr::EvalResult Result;
  if (Arg.EvaluateAsInt(Result, Function.getASTContext()) && Result.Val.getInt().getSignificantBits() <= 64)
    return Result.Val.getInt().getExtValue();
  return knownParam(Arg);
}

void FunctionAnalysis::refineEdge(const CFGBlock &From, unsigned SuccIndex, State &S) const {
  if (Known.empty() || From.succ_size() != 2)
    return;
  const Expr *Condition = From.getLastCondition();
  if (!Condition)
    return;
  Condition = Condition->IgnoreParenImpCasts();
  bool Negate = false;
  while (const auto *Not = dyn_cast<UnaryOperator>(Condition)) {
    if (Not->getOpcode() != UO_LNot)
      return;
    Negate = !Negate;
    Condition = Not->getSubExpr()->IgnoreParenImpCasts();
  }
  std::optional<bool> Holds;
  if (const auto *Compare = dyn_cast<BinaryOperator>(Condition); Compare && Compare->isEqualityOp()) {
    std::optional<std::int64_t> Left = knownParam(*Compare->getLHS());
    std::optional<std::int64_t> Right;
    Expr::EvalResult R;
    if (Left && Compare->getRHS()->EvaluateAsInt(R, Function.getASTContext()) &&
        R.Val.getInt().getSignificantBits() <= 64)
      Right = R.Val.getInt().getExtValue();
    if (!Left || !Right) {
      Left = knownParam(*Compare->getRHS());
      if (Left && Compare->getLHS()->EvaluateAsInt(R, Function.getASTContext()) &&
          R.Val.getInt().getSignificantBits() <= 64)
        Right = R.Val.getInt().getExtValue();
    }
    if (Left && Right)
      Holds = (*Left == *Right) == (Compare->getOpcode() == BO_EQ);
  } else if (const std::optional<std::int64_t> Value = knownParam(*Condition)) {
    Holds = *Value != 0;
  }
  if (!Holds)
    return;
  const bool TrueEdge = SuccIndex == 0;
  if ((*Holds != Negate) != TrueEdge)
    S = State::unreachable();
}

void FunctionAnalysis::transfer(const CFGElement &Element, State &S, bool Replaying) {
  const auto Stmt = Element.getAs<CFGStmt>();
  if (!Stmt)
    return;
  const clang::Stmt *St = Stmt->getStmt();
  if (const auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D); V && V->hasLocalStorage()) {
        S.unfree({VariableIdentity, V->getCanonicalDecl()});
        S.assign(V->getCanonicalDecl(), V->getInit() ? valueOf(V->getInit()) : Value{});
      }
    return;
  }
  if (const auto *Return = dyn_cast<ReturnStmt>(St)) {
    if (const Expr *Result = Return->getRetValue()) {
      const Value V = valueOf(Result);
      Out.returns |= V.params;
      if (V.stack && !Out.returns_stack)
        Out.returns_stack = V.stack;
    }
    return;
  }
  if (const auto *E = dyn_cast<Expr>(St))
    Values[E] = evaluate(*E, S, Replaying);
}

Value FunctionAnalysis::addressOf(const Expr *LValue, const Expr &At) {
  LValue = LValue->IgnoreParens();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(LValue)) {
    const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
    Value Result;
    if (V && V->hasLocalStorage())
      Result.stack = &At;
    return Result;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(LValue))
    return Member->isArrow() ? valueOf(Member->getBase()) : addressOf(Member->getBase(), At);
  if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(LValue))
    return valueOf(Sub->getBase());
  if (const auto *Unary = dyn_cast<UnaryOperator>(LValue); Unary && Unary->getOpcode() == UO_Deref)
    return valueOf(Unary->getSubExpr());
  return {};
}

Value FunctionAnalysis::evaluate(const Expr &E, State &S, bool Replaying) {
  if (const auto *Cast = dyn_cast<CastExpr>(&E)) {
    switch (Cast->getCastKind()) {
    case CK_NullToPointer:
    case CK_FunctionToPointerDecay:
    case CK_BuiltinFnToFnPtr:
    case CK_IntegralToBoolean:
    case CK_PointerToBoolean:
      return {};
    case CK_ArrayToPointerDecay:
      return addressOf(Cast->getSubExpr(), E);
    case CK_LValueToRValue: {
      const Expr *Sub = Cast->getSubExpr()->IgnoreParens();
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Sub)) {
        if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()); V && V->hasLocalStorage())
          return S.get(V->getCanonicalDecl());
        return {};
      }
      // A field of a struct value (a Go string's data, a local struct):
      // derived from the value.
      if (const auto *Member = dyn_cast<MemberExpr>(Sub); Member && !Member->isArrow())
        if (const VarDecl *Root = lvalueRoot(Member); Root && Root->hasLocalStorage())
          return S.get(Root->getCanonicalDecl());
      return {};
    }
    default:
      return valueOf(Cast->getSubExpr());
    }
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(&E)) {
    if (Unary->getOpcode() == UO_AddrOf)
      return addressOf(Unary->getSubExpr(), E);
    if (Unary->isIncrementDecrementOp())
      return valueOf(Unary->getSubExpr());
    return {};
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(&E)) {
    switch (Binary->getOpcode()) {
    case BO_Assign: {
      const Value V = valueOf(Binary->getRHS());
      store(Binary->getLHS(), V, E, S, Replaying);
      return V;
    }
    case BO_Comma:
      return valueOf(Binary->getRHS());
    case BO_Add:
    case BO_Sub:
    case BO_And:
    case BO_Or:
    case BO_Xor: {
      if (Binary->getOpcode() == BO_Sub && Binary->getLHS()->getType()->isPointerType() &&
          Binary->getRHS()->getType()->isPointerType())
        return {}; // a difference of pointers is a number
      Value V = valueOf(Binary->getLHS());
      V.join_with(valueOf(Binary->getRHS()));
      return V;
    }
    default:
      return {};
    }
  }
  if (const auto *Conditional = dyn_cast<AbstractConditionalOperator>(&E)) {
    Value V = valueOf(Conditional->getTrueExpr());
    V.join_with(valueOf(Conditional->getFalseExpr()));
    return V;
  }
  if (const auto *Call = dyn_cast<CallExpr>(&E))
    return call(*Call, S, Replaying);
  return {};
}

void FunctionAnalysis::store(const Expr *LHS, const Value &V, const Expr &At, State &S, bool Replaying) {
  LHS = LHS->IgnoreParenImpCasts();
  const FieldDecl *Field = nullptr;
  if (const auto *Member = dyn_cast<MemberExpr>(LHS))
    Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
  // Walk down to the variable the lvalue is part of, or to the pointer it
  // is reached through: `g.a.b`, `arr[i]`, `p->in.f`, `(*p).f`, `p[i]`.
  const Expr *E = LHS;
  const Expr *Base = nullptr;
  const VarDecl *Root = nullptr;
  bool Strong = true;
  for (int Depth = 0; Depth < 32 && !Base && !Root; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      Root = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Root)
        return;
    } else if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow())
        Base = Member->getBase();
      else
        E = Member->getBase();
    } else if (const auto *Deref = dyn_cast<UnaryOperator>(E); Deref && Deref->getOpcode() == UO_Deref) {
      Base = Deref->getSubExpr();
    } else if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E)) {
      Strong = false;
      if (Sub->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        E = Sub->getBase();
      else
        Base = Sub->getBase();
    } else {
      return;
    }
  }
  if (Base) {
    storeThrough(valueOf(Base), Base, Field, Strong, V, At, S, Replaying);
    return;
  }
  if (!Root)
    return;
  if (Root->hasLocalStorage()) {
    if (isa<DeclRefExpr>(LHS)) {
      S.assign(Root->getCanonicalDecl(), V);
      S.unfree({VariableIdentity, Root->getCanonicalDecl()});
      return;
    }
    // A field or element of a local aggregate: it now may hold the value.
    Value Joined = S.get(Root->getCanonicalDecl());
    Joined.join_with(V);
    S.assign(Root->getCanonicalDecl(), Joined);
    return;
  }
  const sink Where = Root->isStaticLocal() ? sink::static_local : sink::global;
  S.store({GlobalPlace, Root->getCanonicalDecl(), 0, Field},
          {V.params, &At, Where, 0, Root->getName().str(), V.stack}, Strong);
}

void FunctionAnalysis::storeThrough(const Value &BaseValue, const Expr *BaseExpr, const FieldDecl *Field, bool Strong,
                                    const Value &V, const Expr &At, State &S, bool Replaying) {
  if (BaseValue.params != 0) {
    const std::string Name = paramNames(BaseValue.params);
    for (const PointerEvent &Event : pointer_rules::store_events<PointerSite>(V, BaseValue.params, &At, Name))
      emit(Event, Replaying);
    const bool Single = (BaseValue.params & (BaseValue.params - 1)) == 0;
    S.store({ArgumentPlace, nullptr, BaseValue.params, Field},
            {V.params, &At, sink::argument_memory, BaseValue.params, Name, V.stack}, Strong && Single);
  }
  if (BaseValue.heap) {
    S.store({HeapPlace, *BaseValue.heap, 0, Field}, {V.params, &At, sink::heap_block, 0, "", std::nullopt},
            Strong && BaseValue.params == 0);
  }
  if (BaseValue.params == 0 && !BaseValue.heap && !BaseValue.stack && BaseExpr) {
    // Memory reached through a global (`g_ctx->user = p`).
    if (const VarDecl *Root = pointerRoot(BaseExpr); Root && isGlobalStorage(*Root)) {
      const sink Where = Root->isStaticLocal() ? sink::static_local : sink::global;
      S.store({GlobalPlace, Root->getCanonicalDecl(), 0, Field},
              {V.params, &At, Where, 0, Root->getName().str(), V.stack}, Strong && Field);
    }
  }
}

void FunctionAnalysis::freeArgument(const Expr *Arg, const CallExpr &Call, State &S, bool Replaying,
                                    bool EmitEvent) {
  const Value V = valueOf(Arg);
  std::optional<Identity> Id;
  const NamedDecl *What = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenCasts())) {
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()); Var && Var->hasLocalStorage()) {
      Id = Identity{VariableIdentity, Var->getCanonicalDecl()};
      What = Var;
    }
  }
  if (!Id && V.heap && V.params == 0)
    Id = Identity{HeapIdentity, *V.heap};
  if (Id) {
    if (std::optional<PointerSite> First = S.freed_at(*Id); First && Replaying && What)
      DoubleFrees.push_back({&Call, *First, What});
    S.mark_freed(*Id, &Call);
  }
  if (V.heap) {
    const void *Block = *V.heap;
    S.drop_places([Block](const Place &P) { return std::get<0>(P) == HeapPlace && std::get<1>(P) == Block; });
  }
  if (V.params != 0 && EmitEvent)
    emit({event_kind::freed, V.params, 0, sink::global, &Call, "", {}}, Replaying);
}

Value FunctionAnalysis::call(const CallExpr &Call, State &S, bool Replaying) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return {};
  std::vector<Value> Args;
  for (const Expr *Arg : Call.arguments())
    Args.push_back(valueOf(Arg));
  const IdentifierInfo *Id = Callee->getIdentifier();
  const StringRef Name = Id ? Id->getName() : StringRef();
  const unsigned Builtin = Callee->getBuiltinID();
  if (Name == "_GoStringPtr" && !Args.empty())
    return Args[0];
  if ((Builtin == Builtin::BImemcpy || Builtin == Builtin::BImemmove || Builtin == Builtin::BI__builtin_memcpy ||
       Builtin == Builtin::BI__builtin_memmove || Name == "memcpy" || Name == "memmove") &&
      Call.getNumArgs() >= 2) {
    // memcpy(dst, &p, sizeof p): the pointer value p is stored at dst.
    const Expr *Source = Call.getArg(1)->IgnoreParenCasts();
    if (const auto *AddrOf = dyn_cast<UnaryOperator>(Source); AddrOf && AddrOf->getOpcode() == UO_AddrOf) {
      if (const VarDecl *From = lvalueRoot(AddrOf->getSubExpr()); From && From->hasLocalStorage()) {
        const Value Copied = S.get(From->getCanonicalDecl());
        const Expr *Dest = Call.getArg(0)->IgnoreParenCasts();
        if (const auto *DestAddr = dyn_cast<UnaryOperator>(Dest); DestAddr && DestAddr->getOpcode() == UO_AddrOf)
          store(DestAddr->getSubExpr(), Copied, Call, S, Replaying);
        else
          storeThrough(Args[0], Call.getArg(0), nullptr, false, Copied, Call, S, Replaying);
      }
    }
    return Args[0];
  }
  if (Owner.isAllocator(*Callee)) {
    Value V;
    V.heap = &Call;
    S.unfree({HeapIdentity, &Call});
    return V;
  }
  if (Owner.isDeallocator(*Callee)) {
    if (Call.getNumArgs() > 0)
      freeArgument(Call.getArg(0), Call, S, Replaying);
    return {};
  }
  const std::string CalleeName = Name.str();
  const auto keep = [&](unsigned I) {
    if (I >= Args.size())
      return;
    if (Args[I].stack)
      emit({event_kind::stack_escape, 0, 0, sink::keeping_call, *Args[I].stack, CalleeName, {}}, Replaying);
    if (Args[I].params != 0)
      emit({event_kind::kept, Args[I].params, 0, sink::keeping_call, &Call, CalleeName, {}}, Replaying);
  };
  // What the annotations say a parameter's pointer becomes stands for what
  // the body (if any) does with it.
  param_set Annotated = 0;
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    switch (annotationOf(*Callee, I)) {
    case pointer_rules::param_annotation::takes_ownership:
      freeArgument(Call.getArg(I), Call, S, Replaying);
      Annotated |= pointer_rules::param_bit(I);
      break;
    case pointer_rules::param_annotation::keeps:
      keep(I);
      Annotated |= pointer_rules::param_bit(I);
      break;
    case pointer_rules::param_annotation::borrowed:
    case pointer_rules::param_annotation::none:
      break;
    }
  }
  if (const std::optional<unsigned> Kept = Owner.keptArgument(*Callee)) {
    keep(*Kept);
    return {};
  }
  if (Analyzer::isRegistration(*Callee)) {
    for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I)
      if (Callee->getParamDecl(I)->getType()->isVoidPointerType())
        keep(I);
    return {};
  }
  const FunctionDecl *Definition = nullptr;
  if (!Callee->hasBody(Definition) || !Definition)
    return {};
  const bool SeesPointers = llvm::any_of(Args, [](const Value &V) { return !V.empty(); });
  if (!SeesPointers)
    return {};
  // Constants only for the parameters the callee branches on (any other
  // constant would only make another, identical summary), and only near the
  // judged function (a wrapper choosing a mode of the function it wraps):
  // deeper, the specialised summaries cost more than they find.
  Constants CalleeKnown;
  if (Depth < MaxSpecialisedDepth) {
    const std::vector<bool> &Tested = Owner.testedParams(*Definition);
    for (unsigned I = 0; I < Call.getNumArgs(); ++I)
      CalleeKnown.push_back(I < Tested.size() && Tested[I] ? constantOf(*Call.getArg(I)) : std::nullopt);
  }
  const Summary &Callee_ = Owner.summary(*Definition, Depth + 1, std::move(CalleeKnown));
  if (!Callee_.complete)
    return {};
  // The helper freed what the caller passed (a local, a heap block): once
  // per argument, however many of its paths free it.
  param_set FreedArgs = 0;
  for (const PointerEvent &Original : Callee_.events) {
    PointerEvent Event = Original;
    Event.value &= ~Annotated;
    if (Event.value == 0 && Event.kind != event_kind::stack_escape)
      continue;
    if (Event.kind == event_kind::freed)
      FreedArgs |= Event.value;
    for (PointerEvent &Translated : pointer_rules::translate_event<PointerSite>(Event, Args, &Call))
      emit(Translated, Replaying);
  }
  for (unsigned J = 0; J < Args.size() && J < pointer_rules::max_tracked_params; ++J)
    if ((FreedArgs & pointer_rules::param_bit(J)) != 0)
      freeArgument(Call.getArg(J), Call, S, Replaying, /*EmitEvent=*/false);
  Value Result;
  for (unsigned J = 0; J < Args.size() && J < pointer_rules::max_tracked_params; ++J)
    if ((Callee_.returns & pointer_rules::param_bit(J)) != 0)
      Result.join_with(Args[J]);
  return Result;
}

bool inSystemHeader(const SourceManager &Sources, const Decl &D) {
  return Sources.isInSystemHeader(Sources.getExpansionLoc(D.getLocation()));
}

/// The function definitions of the TU outside system headers, in order: C
/// has them at file scope (and in `extern "C"` blocks of a C++ shim).
void collectDefinitions(const DeclContext &Scope, const SourceManager &Sources,
                        std::vector<const FunctionDecl *> &Found) {
  for (const Decl *D : Scope.decls()) {
    if (const auto *F = dyn_cast<FunctionDecl>(D)) {
      if (F->doesThisDeclarationHaveABody() && !F->isDependentContext() && !inSystemHeader(Sources, *F))
        Found.push_back(F);
    } else if (isa<LinkageSpecDecl, NamespaceDecl>(D)) {
      collectDefinitions(*cast<DeclContext>(D), Sources, Found);
    }
  }
}

std::vector<const FunctionDecl *> definitions(ASTContext &Context) {
  std::vector<const FunctionDecl *> Found;
  collectDefinitions(*Context.getTranslationUnitDecl(), Context.getSourceManager(), Found);
  return Found;
}

/// The function calls a deallocator directly (for double frees inside C).
bool callsDeallocator(const FunctionDecl &F, const std::vector<std::string> &Names, ASTContext &Context) {
  using namespace ast_matchers;
  if (!F.getBody() || Names.empty())
    return false;
  const std::vector<StringRef> Refs(Names.begin(), Names.end());
  return !match(findAll(callExpr(callee(functionDecl(hasAnyName(Refs))))), *F.getBody(), Context).empty();
}

std::vector<PointerFinding> computeFindings(ASTContext &Context, const PointerFlowOptions &Options) {
  std::vector<PointerFinding> Findings;
  const SourceManager &Sources = Context.getSourceManager();
  const GoSide &Go = goSide(Context);
  const cgofacts::unit_facts *Facts = Options.Mode == pointer_rules::assumption_mode::facts ? Go.facts() : nullptr;
  const pointer_rules::assumption_mode Mode =
      Options.Mode == pointer_rules::assumption_mode::facts ? pointer_rules::assumption_mode::preamble : Options.Mode;
  Analyzer A(Options);

  std::set<std::tuple<int, PointerSite, PointerSite>> Seen;

  for (const FunctionDecl *F : definitions(Context)) {
    const bool Annotated = calledFromGoAnnotation(*F);
    bool Boundary = false;
    std::vector<ParamMemory> Params;
    std::vector<std::string> Assumed(F->getNumParams());
    if (Facts) {
      const std::vector<const cgofacts::unit_call *> Calls = Go.goCallsOf(*F);
      Boundary = !Calls.empty() || Annotated;
      Params = pointer_rules::params_from_calls(Calls, F->getNumParams());
      if (Calls.empty())
        for (ParmVarDecl *P : F->parameters()) {
          const auto Annotation = annotationOf(*F, P->getFunctionScopeIndex());
          Params[P->getFunctionScopeIndex()].from_facts = false;
          Params[P->getFunctionScopeIndex()].kinds =
              pointer_rules::assumed_kinds(Mode, Annotated, isPointerLike(P->getType()), Annotation);
          Assumed[P->getFunctionScopeIndex()] = pointer_rules::assumption_phrase(Mode, Annotation, Annotated, F->getName(), Go.facts() != nullptr);
        }
    } else {
      Boundary = Go.goCalls(*F) || Annotated || Mode == pointer_rules::assumption_mode::strict;
      Params.resize(F->getNumParams());
      for (ParmVarDecl *P : F->parameters()) {
        const auto Annotation = annotationOf(*F, P->getFunctionScopeIndex());
        Params[P->getFunctionScopeIndex()].kinds =
            pointer_rules::assumed_kinds(Mode, Boundary, isPointerLike(P->getType()), Annotation);
        Assumed[P->getFunctionScopeIndex()] = pointer_rules::assumption_phrase(Mode, Annotation, Annotated, F->getName(), Go.facts() != nullptr);
      }
    }
    const bool Relevant = Boundary || llvm::any_of(Params, [](const ParamMemory &P) {
                            return !P.kinds.none() || P.freed_by_go;
                          });
    if (!Relevant) {
      if (callsDeallocator(*F, Options.Deallocators, Context))
        A.summary(*F);
      continue;
    }
    const Summary &S = A.summary(*F);
    if (!S.complete)
      continue;
    const bool NoEscape = Facts && F->getIdentifier() && Facts->noescape.count(F->getName().str()) != 0;
    const auto paramAt = [&](std::size_t I) -> const ParmVarDecl * {
      return I < F->getNumParams() ? F->getParamDecl(I) : nullptr;
    };
    const auto add = [&](PointerFinding Finding) {
      const PointerSite First = Finding.Event.via.empty() ? nullptr : Finding.Event.via.front();
      if (!Seen.insert({static_cast<int>(Finding.Rule), Finding.Event.at, First}).second)
        return;
      // One finding per store, whatever path led there.
      if (!Seen.insert({static_cast<int>(Finding.Rule), Finding.Event.at, nullptr}).second && First)
        return;
      Findings.push_back(std::move(Finding));
    };
    for (const PointerEvent &Event : S.events) {
      const std::optional<pointer_rules::pointer_verdict> Verdict = pointer_rules::judge(Event, Params, Boundary);
      if (!Verdict)
        continue;
      if (pointer_rules::kept_is_reported_as_store(Event, S.events, Params, Boundary))
        continue;
      PointerFinding Finding;
      Finding.Rule = Verdict->rule;
      Finding.Function = F;
      Finding.Event = Event;
      Finding.NoEscape = NoEscape;
      if (Verdict->rule != pointer_rules::pointer_rule::stack_address_escape ||
          Event.where == sink::argument_memory) {
        Finding.Param = paramAt(Verdict->param);
        if (Verdict->param < Params.size()) {
          Finding.Origins = Params[Verdict->param].origins;
          Finding.Assumed = Assumed[Verdict->param];
        }
      }
      if (Verdict->rule == pointer_rules::pointer_rule::go_pointer_in_go_memory)
        for (std::size_t I = 0; I < F->getNumParams(); ++I)
          if ((Event.target & pointer_rules::param_bit(I)) != 0) {
            Finding.Target = paramAt(I);
            break;
          }
      add(std::move(Finding));
    }
    if (S.returns_stack && Boundary) {
      PointerFinding Finding;
      Finding.Rule = pointer_rules::pointer_rule::stack_address_escape;
      Finding.Function = F;
      Finding.Event = {event_kind::stack_escape, 0, 0, sink::returned, *S.returns_stack, "", {}};
      add(std::move(Finding));
    }
  }
  for (const Analyzer::DoubleFreeFound &D : A.DoubleFrees) {
    if (inSystemHeader(Sources, *D.Function))
      continue;
    PointerFinding Finding;
    Finding.Rule = pointer_rules::pointer_rule::double_free;
    Finding.Function = D.Function;
    Finding.Event = {event_kind::freed, 0, 0, sink::global, D.Second, "", {}};
    Finding.FirstFree = D.First;
    Finding.Freed = D.What;
    if (Seen.insert({static_cast<int>(Finding.Rule), D.Second, nullptr}).second)
      Findings.push_back(std::move(Finding));
  }
  return Findings;
}

} // namespace

std::string PointerFlowOptions::parse(StringRef Mode, StringRef Deallocators, StringRef Allocators,
                                      StringRef KeepingFunctions, PointerFlowOptions &Out) {
  const std::optional<pointer_rules::assumption_mode> Parsed = pointer_rules::parse_assumption_mode(Mode.trim());
  if (!Parsed)
    return "option Assume must be facts, preamble or strict, not '" + Mode.str() + "'";
  Out.Mode = *Parsed;
  Out.Deallocators = splitNameList(Deallocators);
  Out.Allocators = splitNameList(Allocators);
  Out.KeepingFunctions.clear();
  for (const std::string &Entry : splitNameList(KeepingFunctions)) {
    const auto [Name, Index] = StringRef(Entry).split(':');
    unsigned N = 0;
    if (Name.empty() || Index.getAsInteger(10, N))
      return "option KeepingFunctions: '" + Entry + "' is not NAME:ARGUMENT_INDEX";
    Out.KeepingFunctions.emplace_back(Name.str(), N);
  }
  return "";
}

std::string PointerFlowOptions::key() const {
  std::string Key(pointer_rules::assumption_mode_name(Mode));
  for (const auto *List : {&Deallocators, &Allocators}) {
    Key += '|';
    for (const std::string &Name : *List)
      Key += Name + ';';
  }
  Key += '|';
  for (const auto &[Name, Index] : KeepingFunctions)
    Key += Name + ':' + std::to_string(Index) + ';';
  return Key;
}

const std::vector<PointerFinding> &pointerFindings(ASTContext &Context, const PointerFlowOptions &Options) {
  // One TU at a time per process (see goSide); one result per options.
  static ASTContext *Key = nullptr;
  static const TranslationUnitDecl *KeyUnit = nullptr;
  static std::map<std::string, std::vector<PointerFinding>> Cached;
  if (Key != &Context || KeyUnit != Context.getTranslationUnitDecl()) {
    Cached.clear();
    Key = &Context;
    KeyUnit = Context.getTranslationUnitDecl();
  }
  const std::string OptionsKey = Options.key();
  auto It = Cached.find(OptionsKey);
  if (It == Cached.end())
    It = Cached.emplace(OptionsKey, computeFindings(Context, Options)).first;
  return It->second;
}

} // namespace clang::tidy::cgo::utils
