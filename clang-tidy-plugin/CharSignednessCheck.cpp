//===--- CharSignednessCheck.cpp - cgocheck -------------------------------===//
//
// Thin adapter. The matchers find plain char values (not constants) that
// are compared with a constant outside 0..127 or sign-tested (c < 0,
// c >= 0), converted explicitly or by initialisation/assignment to a wider
// integer type, used as an array index or shifted; and plain char
// parameters, results and fields that Go sees (utils::GoSide), except
// members of unions, which Go sees as bytes. The library splits the listed
// targets by the signedness of char; nothing is reported when they agree.
// Integer promotions inside arithmetic and calls are not reported: they are
// everywhere and mostly harmless.
//
//===----------------------------------------------------------------------===//

#include "CharSignednessCheck.h"
#include "cgocheck/rules/checks.hpp"
#include "utils/GoSide.h"
#include "utils/TypeShape.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
namespace abi = ::cgocheck::abi;
namespace rules = ::cgocheck::rules;

namespace clang::tidy::cgo {

namespace {

AST_MATCHER(QualType, plainChar) { return utils::isPlainChar(Node); }

/// A plain char value read from memory or a variable (not a literal or a
/// constant, whose value the programmer chose).
auto plainCharValue() {
  return expr(hasType(qualType(plainChar())), unless(characterLiteral()),
              unless(integerLiteral()),
              anyOf(declRefExpr(), memberExpr(), arraySubscriptExpr(), unaryOperator(hasOperatorName("*")),
                    callExpr()));
}

/// An integer type wider than char.
AST_MATCHER(QualType, widerInteger) {
  const QualType Canonical = Node.getCanonicalType();
  return Canonical->isIntegerType() && !Canonical->isBooleanType() && !Canonical->isEnumeralType() &&
         !utils::isPlainChar(Canonical) && !Canonical->isSpecificBuiltinType(BuiltinType::SChar) &&
         !Canonical->isSpecificBuiltinType(BuiltinType::UChar);
}

} // namespace

void CharSignednessCheck::registerMatchers(MatchFinder *Finder) {
  // Where all listed targets agree, nothing depends on the signedness: no
  // matcher at all.
  const abi::char_split Split = abi::split_by_char_signedness(targets());
  if (!Split.differs())
    return;
  Signed = abi::join_targets(Split.signed_targets);
  Unsigned = abi::join_targets(Split.unsigned_targets);
  const auto Value = ignoringParenImpCasts(plainCharValue().bind("char"));
  // c == 0xff, c < 0, c >= 0x80, c == EOF.
  Finder->addMatcher(
      binaryOperator(isComparisonOperator(), hasEitherOperand(Value),
                     hasEitherOperand(ignoringParenImpCasts(expr(unless(hasType(qualType(plainChar()))))
                                                               .bind("constant"))),
                     unless(isExpansionInSystemHeader()))
          .bind("compare"),
      this);
  // (int)c, (unsigned)c; int x = c; x = c.
  Finder->addMatcher(cStyleCastExpr(hasSourceExpression(Value), hasDestinationType(qualType(widerInteger())),
                                    unless(isExpansionInSystemHeader()))
                         .bind("widen"),
                     this);
  Finder->addMatcher(varDecl(hasInitializer(implicitCastExpr(hasSourceExpression(Value)).bind("widen")),
                             hasType(qualType(widerInteger())), unless(isExpansionInSystemHeader()))
                         .bind("var"),
                     this);
  Finder->addMatcher(binaryOperator(hasOperatorName("="), hasRHS(implicitCastExpr(hasSourceExpression(Value)).bind("widen")),
                                    hasLHS(expr(hasType(qualType(widerInteger())))),
                                    unless(isExpansionInSystemHeader())),
                     this);
  // table[c].
  Finder->addMatcher(arraySubscriptExpr(hasIndex(Value), unless(isExpansionInSystemHeader())).bind("subscript"),
                     this);
  // c >> 4, c << 8.
  Finder->addMatcher(binaryOperator(hasAnyOperatorName("<<", ">>", "<<=", ">>="), hasLHS(Value),
                                    unless(isExpansionInSystemHeader()))
                         .bind("shift"),
                     this);
  // What Go sees.
  Finder->addMatcher(functionDecl(unless(isImplicit())).bind("function"), this);
  Finder->addMatcher(fieldDecl(hasType(qualType(plainChar()))).bind("field"), this);
}

void CharSignednessCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;

  if (const auto *Compare = Result.Nodes.getNodeAs<BinaryOperator>("compare")) {
    const auto *Constant = Result.Nodes.getNodeAs<Expr>("constant");
    Expr::EvalResult Value;
    if (!Constant || isa<CharacterLiteral>(Constant) || Constant->isValueDependent() ||
        !Constant->EvaluateAsInt(Value, Context))
      return;
    const llvm::APSInt &Int = Value.Val.getInt();
    if (Int.getSignificantBits() > 64)
      return;
    abi::comparison Op = abi::comparison::eq;
    switch (Compare->getOpcode()) {
    case BO_NE:
      Op = abi::comparison::ne;
      break;
    case BO_LT:
      Op = abi::comparison::lt;
      break;
    case BO_LE:
      Op = abi::comparison::le;
      break;
    case BO_GT:
      Op = abi::comparison::gt;
      break;
    case BO_GE:
      Op = abi::comparison::ge;
      break;
    default:
      break;
    }
    if (Compare->getLHS()->IgnoreParenImpCasts() == Constant)
      Op = abi::mirrored(Op);
    if (!abi::char_comparison_depends_on_signedness(Op, Int.getExtValue()))
      return;
    diag(Compare->getOperatorLoc(), rules::messages::char_compare)
        << toString(Int, 10) << Signed << Unsigned;
    return;
  }
  if (const auto *Widen = Result.Nodes.getNodeAs<Expr>("widen")) {
    const auto *Char = Result.Nodes.getNodeAs<Expr>("char");
    diag(Char->getBeginLoc(), rules::messages::char_widen) << Widen->getType() << Signed << Unsigned;
    return;
  }
  if (const auto *Subscript = Result.Nodes.getNodeAs<ArraySubscriptExpr>("subscript")) {
    diag(Subscript->getIdx()->getBeginLoc(), rules::messages::char_subscript) << Signed << Unsigned;
    return;
  }
  if (const auto *Shift = Result.Nodes.getNodeAs<BinaryOperator>("shift")) {
    diag(Shift->getOperatorLoc(), rules::messages::char_shift) << Signed << Unsigned;
    return;
  }

  const utils::GoSide &Go = utils::goSide(Context);
  if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
    if (Function != Function->getFirstDecl() || !Go.goCalls(*Function))
      return;
    if (utils::isPlainChar(Function->getReturnType()))
      diag(Function->getLocation(), rules::messages::char_go_visible) << 2 << Function << Signed << Unsigned;
    for (const ParmVarDecl *Param : Function->parameters())
      if (utils::isPlainChar(Param->getType())) {
        if (Param->getName().empty())
          diag(Param->getTypeSpecStartLoc(), rules::messages::char_go_visible) << 3 << Function << Signed << Unsigned;
        else
          diag(Param->getLocation(), rules::messages::char_go_visible) << 0 << Param << Signed << Unsigned;
      }
    return;
  }
  if (const auto *Field = Result.Nodes.getNodeAs<FieldDecl>("field")) {
    // cgo makes a union [N]byte without looking at its members.
    if (!Field->isBitField() && !Field->getParent()->isUnion() && Go.goUses(*Field->getParent()))
      diag(Field->getLocation(), rules::messages::char_go_visible) << 1 << Field << Signed << Unsigned;
  }
}

} // namespace clang::tidy::cgo
