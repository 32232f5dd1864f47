//===--- TypeShape.h - cgocheck ---------------------------------*- C++ -*-===//
//
// Small questions about C types that the ABI checks share.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_TYPESHAPE_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_TYPESHAPE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"

namespace clang::tidy::cgo::utils {

/// Plain `char` (not signed char, not unsigned char), through typedefs.
inline bool isPlainChar(QualType Type) {
  if (Type.isNull())
    return false;
  const auto *Builtin = Type.getCanonicalType()->getAs<BuiltinType>();
  return Builtin && (Builtin->getKind() == BuiltinType::Char_S ||
                     Builtin->getKind() == BuiltinType::Char_U);
}

/// long double, or a complex of it.
inline bool isLongDouble(QualType Type) {
  QualType Canonical = Type.getCanonicalType();
  if (const auto *Complex = Canonical->getAs<ComplexType>())
    Canonical = Complex->getElementType().getCanonicalType();
  const auto *Builtin = Canonical->getAs<BuiltinType>();
  return Builtin && Builtin->getKind() == BuiltinType::LongDouble;
}

/// The type holds a long double cgo must map: itself, or the element of a
/// pointer or array (function types stop: cgo maps function pointers to
/// *[0]byte without looking inside).
inline bool containsLongDouble(QualType Type) {
  for (int Depth = 0; Depth < 16 && !Type.isNull(); ++Depth) {
    QualType Canonical = Type.getCanonicalType();
    if (isLongDouble(Canonical))
      return true;
    if (const auto *Pointer = Canonical->getAs<PointerType>())
      Type = Pointer->getPointeeType();
    else if (const auto *Array = dyn_cast<ArrayType>(Canonical.getTypePtr()))
      Type = Array->getElementType();
    else
      return false;
  }
  return false;
}

/// The record definition a value of this type holds (through arrays) or,
/// with ThroughPointers, also points to; nullptr for anything else.
inline const RecordDecl *recordBehind(QualType Type, bool ThroughPointers) {
  for (int Depth = 0; Depth < 16 && !Type.isNull(); ++Depth) {
    const QualType Canonical = Type.getCanonicalType();
    if (const auto *Record = Canonical->getAs<RecordType>())
      return Record->getDecl()->getDefinition();
    if (const auto *Pointer = Canonical->getAs<PointerType>(); Pointer && ThroughPointers)
      Type = Pointer->getPointeeType();
    else if (const auto *Array = dyn_cast<ArrayType>(Canonical.getTypePtr()))
      Type = Array->getElementType();
    else
      return nullptr;
  }
  return nullptr;
}

} // namespace clang::tidy::cgo::utils

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_TYPESHAPE_H
