//===--- DroppedFieldCheck.cpp - cgocheck ---------------------------------===//
//
// Thin adapter. With Go-side facts: for every Go access of a C field (the
// facts' field accesses), the record is found by cgo's name of its type or
// by the result type of the C function accessed; utils::describeRecord
// turns it into the library's terms and the library's layout engine says
// on which listed targets cgo drops the field, and why. Without facts:
// every record Go may use (utils::GoSide) is checked field by field.
//
//===----------------------------------------------------------------------===//

#include "DroppedFieldCheck.h"
#include "cgocheck/rules/checks.hpp"
#include "utils/GoSide.h"
#include "utils/LayoutModel.h"
#include "utils/TypeShape.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
namespace abi = ::cgocheck::abi;
namespace rules = ::cgocheck::rules;

namespace clang::tidy::cgo {

namespace {

/// The C field Go calls Name: cgo prefixes fields named like Go keywords
/// with '_' (src/cmd/cgo/gcc.go (*typeConv).Struct, go1.19-go1.27).
const FieldDecl *fieldNamed(const RecordDecl &Record, StringRef Name) {
  for (const FieldDecl *Field : Record.fields())
    if (Field->getName() == Name)
      return Field;
  if (Name.starts_with("_"))
    return fieldNamed(Record, Name.drop_front());
  return nullptr;
}

} // namespace

DroppedFieldCheck::DroppedFieldCheck(StringRef Name, ClangTidyContext *Context)
    : AbiCheck(Name, Context), WithoutGoFacts(Options.get("WithoutGoFacts", true)) {}

void DroppedFieldCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AbiCheck::storeOptions(Opts);
  Options.store(Opts, "WithoutGoFacts", WithoutGoFacts);
}

void DroppedFieldCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
  Finder->addMatcher(recordDecl(isDefinition(), unless(isExpansionInSystemHeader())).bind("record"), this);
}

void DroppedFieldCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;
  const utils::GoSide &Go = utils::goSide(Context);
  const auto *Facts = Go.facts();

  if (const auto *Record = Result.Nodes.getNodeAs<RecordDecl>("record")) {
    // The members of a union are never fields in Go ([N]byte); only a Go
    // access of one (with facts) is worth a finding.
    if (Facts || !WithoutGoFacts || Record->isUnion() || !Go.goUses(*Record))
      return;
    const std::optional<abi::c_record> Described = utils::describeRecord(*Record, Context);
    if (!Described)
      return;
    const std::vector<std::string> Where = abi::dropped_field_summaries(*Described, targets());
    unsigned Index = 0;
    for (const FieldDecl *Field : Record->fields()) {
      const std::string &Summary = Where[Index++];
      if (!Field->getName().empty() && !Summary.empty())
        diag(Field->getLocation(), rules::messages::dropped_field_declared) << Field << Record << Summary;
    }
    return;
  }

  if (!Result.Nodes.getNodeAs<TranslationUnitDecl>("unit") || !Facts)
    return;
  TranslationUnitDecl *Unit = Context.getTranslationUnitDecl();
  for (const ::cgocheck::cgo::unit_field_access &Access : Facts->field_accesses) {
    if (!Access.at.has_value())
      continue;
    const ::cgocheck::cgo::go_site &Site = *Access.at;
    const RecordDecl *Record = nullptr;
    if (!Access.of.empty())
      Record = Go.recordNamed(Access.of);
    else if (!Access.via_call.empty())
      for (const NamedDecl *Decl : Unit->lookup(&Context.Idents.get(Access.via_call)))
        if (const auto *Function = dyn_cast<FunctionDecl>(Decl))
          Record = utils::recordBehind(Function->getReturnType(), /*ThroughPointers=*/true);
    const FieldDecl *Field = Record ? fieldNamed(*Record, Access.field) : nullptr;
    if (!Field)
      continue;
    const std::optional<abi::c_record> Described = utils::describeRecord(*Record, Context);
    if (!Described)
      continue;
    const std::string Where = abi::dropped_field_summary(*Described, Field->getName().str(), targets());
    if (Where.empty())
      continue;
    const SourceLocation At = Go.location(Site);
    if (At.isInvalid())
      continue;
    diag(At, rules::messages::dropped_field_go_access, DiagnosticIDs::Error) << Field << Record << Where;
    diag(Field->getLocation(), rules::messages::field_declared_here, DiagnosticIDs::Note) << Field;
  }
}

} // namespace clang::tidy::cgo
