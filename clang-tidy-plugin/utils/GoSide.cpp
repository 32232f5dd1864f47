//===--- GoSide.cpp - cgocheck --------------------------------------------===//

#include "GoSide.h"
#include "TypeShape.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <memory>

namespace cgofacts = ::cgocheck::cgo;

namespace clang::tidy::cgo::utils {

namespace {

/// A record named Tag defined inside one of the records of Context.
const RecordDecl *nestedRecordNamed(const DeclContext &Context, StringRef Tag, bool WantUnion, int Depth = 0) {
  if (Depth > 16)
    return nullptr;
  for (const Decl *D : Context.decls()) {
    const auto *Record = dyn_cast<RecordDecl>(D);
    if (!Record || !Record->isThisDeclarationADefinition())
      continue;
    if (Depth > 0 && Record->getName() == Tag && Record->isUnion() == WantUnion)
      return Record;
    if (const RecordDecl *Inner = nestedRecordNamed(*Record, Tag, WantUnion, Depth + 1))
      return Inner;
  }
  return nullptr;
}

} // namespace

GoSide::GoSide(ASTContext &Context) : Context(Context) {
  const SourceManager &Sources = Context.getSourceManager();
  if (OptionalFileEntryRef Main = Sources.getFileEntryRefForID(Sources.getMainFileID())) {
    const StringRef Name = Main->getName();
    MainIsHeader = Name.ends_with(".h") || Name.ends_with(".hh") || Name.ends_with(".hpp");
  }
  TranslationUnitDecl *Unit = Context.getTranslationUnitDecl();
  const auto Found =
      Unit->lookup(&Context.Idents.get(cgofacts::facts_table_name));
  for (const NamedDecl *Decl : Found) {
    const auto *Table = dyn_cast<VarDecl>(Decl);
    const auto *Init = Table ? dyn_cast_or_null<InitListExpr>(Table->getInit()) : nullptr;
    if (!Init)
      continue;
    HasFacts = true;
    FactsInMainFile = FactsInMainFile || Sources.isInMainFile(Sources.getExpansionLoc(Table->getLocation()));
    for (const Expr *Element : Init->inits())
      if (const auto *Text = dyn_cast<StringLiteral>(Element->IgnoreParenImpCasts()))
        if (Text->getCharByteWidth() == 1)
          cgofacts::add_unit_fact(Facts, Text->getString());
  }
  if (!HasFacts)
    return;
  for (const std::string &Name : Facts.c_types)
    if (const RecordDecl *Record = recordNamed(Name))
      UsedRecords.insert(Record);
  for (const cgofacts::unit_call &Call : Facts.calls) {
    for (const NamedDecl *Decl : Unit->lookup(&Context.Idents.get(Call.function))) {
      const auto *Function = dyn_cast<FunctionDecl>(Decl);
      if (!Function)
        continue;
      if (const RecordDecl *Record = recordBehind(Function->getReturnType(), /*ThroughPointers=*/true))
        UsedRecords.insert(Record);
      for (const ParmVarDecl *Param : Function->parameters())
        if (const RecordDecl *Record = recordBehind(Param->getType(), /*ThroughPointers=*/true))
          UsedRecords.insert(Record);
    }
  }
  // cgo loads the records a used struct holds by value (not those of a
  // union, which becomes [N]byte).
  llvm::SmallVector<const RecordDecl *, 16> Work(UsedRecords.begin(), UsedRecords.end());
  while (!Work.empty()) {
    const RecordDecl *Record = Work.pop_back_val();
    if (Record->isUnion())
      continue;
    for (const FieldDecl *Field : Record->fields())
      // cgo names a struct behind a pointer without loading it.
      if (const RecordDecl *Held = recordBehind(Field->getType(), /*ThroughPointers=*/false))
        if (UsedRecords.insert(Held).second)
          Work.push_back(Held);
  }
}

const RecordDecl *GoSide::recordNamed(StringRef CgoName) const {
  TranslationUnitDecl *Unit = Context.getTranslationUnitDecl();
  for (StringRef Prefix : {"struct_", "union_"}) {
    if (!CgoName.starts_with(Prefix))
      continue;
    const StringRef Tag = CgoName.drop_front(Prefix.size());
    const bool WantUnion = Prefix == "union_";
    for (const NamedDecl *Decl : Unit->lookup(&Context.Idents.get(Tag)))
      if (const auto *Record = dyn_cast<RecordDecl>(Decl))
        if (Record->isUnion() == WantUnion && Record->getDefinition())
          return Record->getDefinition();
    // C gives a struct declared inside another struct file scope, but the
    // lookup table does not list it: search the records' own declarations.
    return nestedRecordNamed(*Unit, Tag, WantUnion);
  }
  for (const NamedDecl *Decl : Unit->lookup(&Context.Idents.get(CgoName)))
    if (const auto *Typedef = dyn_cast<TypedefNameDecl>(Decl)) {
      QualType Type = Typedef->getUnderlyingType().getCanonicalType();
      if (const auto *Record = Type->getAs<RecordType>())
        return Record->getDecl()->getDefinition();
    }
  return nullptr;
}

SourceLocation GoSide::location(const cgofacts::go_site &Site) const {
  SourceManager &Sources = Context.getSourceManager();
  llvm::Expected<FileEntryRef> File = Sources.getFileManager().getFileRef(Site.path);
  if (!File) {
    llvm::consumeError(File.takeError());
    return {};
  }
  const FileID Id = Sources.getOrCreateFileID(*File, SrcMgr::C_User);
  return Sources.translateLineCol(Id, Site.line, Site.column);
}

std::vector<const cgofacts::unit_call *> GoSide::goCallsOf(const FunctionDecl &Function) const {
  if (!HasFacts || !Function.getIdentifier() || (!FactsInMainFile && !Function.hasExternalFormalLinkage()))
    return {};
  return Facts.calls_of(Function.getName());
}

bool GoSide::goCalls(const FunctionDecl &Function) const {
  if (HasFacts)
    return !goCallsOf(Function).empty();
  const SourceManager &Sources = Context.getSourceManager();
  for (const FunctionDecl *Redecl : Function.redecls())
    if (Sources.isInMainFile(Sources.getExpansionLoc(Redecl->getLocation())))
      return MainIsHeader || Function.hasExternalFormalLinkage();
  return false;
}

bool GoSide::goUses(const RecordDecl &Record) const {
  const RecordDecl *Definition = Record.getDefinition();
  if (!Definition)
    return false;
  if (HasFacts)
    return UsedRecords.contains(Definition);
  const SourceManager &Sources = Context.getSourceManager();
  return Sources.isInMainFile(Sources.getExpansionLoc(Definition->getLocation()));
}

std::vector<cgofacts::go_site> GoSide::callSites(StringRef Function) const {
  std::vector<cgofacts::go_site> Sites;
  if (HasFacts)
    for (const cgofacts::unit_call *Call : Facts.calls_of(Function))
      if (Call->at)
        Sites.push_back(*Call->at);
  return Sites;
}

const GoSide &goSide(ASTContext &Context) {
  // One TU at a time per process; the key guards against a new TU whose
  // ASTContext reuses the address of the last one.
  static ASTContext *Key = nullptr;
  static const TranslationUnitDecl *KeyUnit = nullptr;
  static std::unique_ptr<GoSide> Cached;
  if (!Cached || Key != &Context || KeyUnit != Context.getTranslationUnitDecl()) {
    Cached = std::make_unique<GoSide>(Context);
    Key = &Context;
    KeyUnit = Context.getTranslationUnitDecl();
  }
  return *Cached;
}

} // namespace clang::tidy::cgo::utils
