//===--- LayoutModel.cpp - cgocheck ---------------------------------------===//

#include "LayoutModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/StringRef.h"
#include <string_view>
#include "llvm/Config/llvm-config.h"

namespace abi = ::cgocheck::abi;

namespace clang::tidy::cgo::utils {

namespace {

constexpr int MaxDepth = 12;

std::optional<abi::c_scalar> builtinScalar(const BuiltinType &Builtin) {
  switch (Builtin.getKind()) {
  case BuiltinType::Char_S:
  case BuiltinType::Char_U:
    return abi::c_scalar::char_plain;
  case BuiltinType::SChar:
    return abi::c_scalar::signed_char;
  case BuiltinType::UChar:
    return abi::c_scalar::unsigned_char;
  case BuiltinType::Short:
    return abi::c_scalar::short_int;
  case BuiltinType::UShort:
    return abi::c_scalar::unsigned_short;
  case BuiltinType::Int:
    return abi::c_scalar::int_type;
  case BuiltinType::UInt:
    return abi::c_scalar::unsigned_int;
  case BuiltinType::Long:
    return abi::c_scalar::long_int;
  case BuiltinType::ULong:
    return abi::c_scalar::unsigned_long;
  case BuiltinType::LongLong:
    return abi::c_scalar::long_long;
  case BuiltinType::ULongLong:
    return abi::c_scalar::unsigned_long_long;
  case BuiltinType::Int128:
    return abi::c_scalar::int128;
  case BuiltinType::UInt128:
    return abi::c_scalar::unsigned_int128;
  case BuiltinType::Float:
    return abi::c_scalar::float_type;
  case BuiltinType::Double:
    return abi::c_scalar::double_type;
  case BuiltinType::LongDouble:
    return abi::c_scalar::long_double;
  case BuiltinType::Bool:
    return abi::c_scalar::bool_type;
  case BuiltinType::WChar_S:
  case BuiltinType::WChar_U:
    return abi::c_scalar::wchar;
  default:
    return std::nullopt;
  }
}

std::optional<abi::c_type> describe(QualType Type, const ASTContext &Context, int Depth);

std::optional<abi::c_record> describeRecordAt(const RecordDecl &Record, const ASTContext &Context, int Depth) {
  const RecordDecl *Definition = Record.getDefinition();
  if (!Definition || Depth > MaxDepth)
    return std::nullopt;
  abi::c_record Out;
  Out.is_union = Definition->isUnion();
  Out.tag = Definition->getName().str();
  Out.packed = Definition->hasAttr<PackedAttr>();
  for (const auto *Aligned : Definition->specific_attrs<AlignedAttr>())
    if (!Aligned->isAlignmentDependent())
      Out.aligned = std::max<std::uint32_t>(Out.aligned, Aligned->getAlignment(const_cast<ASTContext &>(Context)) / 8);
  if (const auto *Pack = Definition->getAttr<MaxFieldAlignmentAttr>())
    Out.pack = Pack->getAlignment() / 8;
  for (const FieldDecl *Field : Definition->fields()) {
    std::optional<abi::c_type> FieldType = describe(Field->getType(), Context, Depth + 1);
    if (!FieldType)
      return std::nullopt;
    abi::c_field F;
    F.name = Field->getName().str();
    F.type = std::move(*FieldType);
    if (Field->isBitField())
#if LLVM_VERSION_MAJOR >= 20
      F.bit_width = Field->getBitWidthValue();
#else
      F.bit_width = Field->getBitWidthValue(Context);
#endif
    F.packed = Field->hasAttr<PackedAttr>();
    for (const auto *Aligned : Field->specific_attrs<AlignedAttr>())
      if (!Aligned->isAlignmentDependent())
        F.aligned = std::max<std::uint32_t>(F.aligned, Aligned->getAlignment(const_cast<ASTContext &>(Context)) / 8);
    Out.fields.push_back(std::move(F));
  }
  return Out;
}

std::optional<abi::c_type> describe(QualType Type, const ASTContext &Context, int Depth) {
  if (Type.isNull() || Depth > MaxDepth)
    return std::nullopt;
  abi::c_type Out;
  // Walk typedefs by hand: the portable ones stop the walk.
  while (const auto *Typedef = Type->getAs<TypedefType>()) {
    const StringRef Name = Typedef->getDecl()->getName();
    if (Out.name.empty())
      Out.name = Name.str();
    if (std::optional<abi::c_scalar> Scalar = abi::portable_typedef(std::string_view(Name.data(), Name.size()))) {
      Out.what = abi::c_type::kind::scalar;
      Out.scalar = *Scalar;
      return Out;
    }
    Type = Typedef->desugar();
  }
  const QualType Canonical = Type.getCanonicalType();
  if (Canonical->isVoidType()) {
    Out.what = abi::c_type::kind::void_type;
    return Out;
  }
  if (const auto *Builtin = Canonical->getAs<BuiltinType>()) {
    std::optional<abi::c_scalar> Scalar = builtinScalar(*Builtin);
    if (!Scalar)
      return std::nullopt;
    Out.what = abi::c_type::kind::scalar;
    Out.scalar = *Scalar;
    return Out;
  }
  if (const auto *Complex = Canonical->getAs<ComplexType>()) {
    const auto *Element = Complex->getElementType()->getAs<BuiltinType>();
    if (!Element)
      return std::nullopt;
    Out.what = abi::c_type::kind::scalar;
    switch (Element->getKind()) {
    case BuiltinType::Float:
      Out.scalar = abi::c_scalar::float_complex;
      return Out;
    case BuiltinType::Double:
      Out.scalar = abi::c_scalar::double_complex;
      return Out;
    case BuiltinType::LongDouble:
      Out.scalar = abi::c_scalar::long_double_complex;
      return Out;
    default:
      return std::nullopt;
    }
  }
  if (const auto *Pointer = Canonical->getAs<PointerType>()) {
    const QualType Pointee = Pointer->getPointeeType();
    if (Pointee->isFunctionType()) {
      Out.what = abi::c_type::kind::function_pointer;
      return Out;
    }
    Out.what = abi::c_type::kind::pointer;
    if (Pointee->isVoidType())
      return Out; // void*: no element
    // The pointee only names the Go type; records are not expanded (they
    // may point back to the record being described).
    abi::c_type Element;
    if (const auto *Record = Pointee->getAs<RecordType>()) {
      Element.what = abi::c_type::kind::record;
      Element.name = Record->getDecl()->getName().str();
      Element.incomplete_union = Record->getDecl()->isUnion();
    } else if (std::optional<abi::c_type> Described = describe(Pointee, Context, Depth + 1)) {
      Element = std::move(*Described);
    }
    Out.element = std::make_shared<const abi::c_type>(std::move(Element));
    return Out;
  }
  if (const auto *Array = dyn_cast<ArrayType>(Canonical.getTypePtr())) {
    std::optional<abi::c_type> Element = describe(Array->getElementType(), Context, Depth + 1);
    if (!Element)
      return std::nullopt;
    Out.what = abi::c_type::kind::array;
    Out.element = std::make_shared<const abi::c_type>(std::move(*Element));
    if (const auto *Constant = dyn_cast<ConstantArrayType>(Array))
      Out.count = Constant->getSize().getZExtValue();
    else if (!isa<IncompleteArrayType>(Array))
      return std::nullopt; // variable length
    return Out;
  }
  if (const auto *Enum = Canonical->getAs<EnumType>()) {
    const EnumDecl *Decl = Enum->getDecl()->getDefinition();
    if (!Decl)
      return std::nullopt;
    const auto *Underlying = Decl->getIntegerType().getCanonicalType()->getAs<BuiltinType>();
    std::optional<abi::c_scalar> Scalar = Underlying ? builtinScalar(*Underlying) : std::nullopt;
    if (!Scalar)
      return std::nullopt;
    Out.what = abi::c_type::kind::enumeration;
    Out.scalar = *Scalar;
    for (const EnumConstantDecl *Constant : Decl->enumerators())
      Out.enum_has_negative = Out.enum_has_negative || Constant->getInitVal().isNegative();
    if (Out.name.empty())
      Out.name = "enum_" + Decl->getName().str();
    return Out;
  }
  if (const auto *Record = Canonical->getAs<RecordType>()) {
    std::optional<abi::c_record> Described = describeRecordAt(*Record->getDecl(), Context, Depth + 1);
    if (!Described)
      return std::nullopt;
    Out.what = abi::c_type::kind::record;
    if (Out.name.empty())
      Out.name = (Described->is_union ? "union_" : "struct_") + Described->tag;
    Out.record = std::make_shared<const abi::c_record>(std::move(*Described));
    return Out;
  }
  return std::nullopt;
}

} // namespace

std::optional<abi::c_record> describeRecord(const RecordDecl &Record, const ASTContext &Context) {
  return describeRecordAt(Record, Context, 0);
}

std::optional<abi::c_type> describeType(QualType Type, const ASTContext &Context) {
  return describe(Type, Context, 0);
}

} // namespace clang::tidy::cgo::utils
