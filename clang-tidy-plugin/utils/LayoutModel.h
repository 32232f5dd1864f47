//===--- LayoutModel.h - cgocheck -------------------------------*- C++ -*-===//
//
// Describes a clang record in the library's target-independent terms
// (cgocheck/abi/layout.hpp), so that its layout and cgo's view of it can be
// computed for every listed target, not only the one the TU was parsed for.
//
// Fixed-width and pointer-sized typedefs (int32_t, size_t, ...) are
// described by what they are on every target, not by the type they name
// on the parsing target.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_LAYOUTMODEL_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_LAYOUTMODEL_H

#include "cgocheck/abi/layout.hpp"
#include <memory>
#include <optional>

namespace clang {
class ASTContext;
class RecordDecl;
class QualType;
} // namespace clang

namespace clang::tidy::cgo::utils {

/// The record, or nothing when it holds a type the model lacks (vectors,
/// _Float16, C++ classes with bases, ...).
std::optional<::cgocheck::abi::c_record> describeRecord(const RecordDecl &Record, const ASTContext &Context);

/// The type, or nothing when the model lacks it.
std::optional<::cgocheck::abi::c_type> describeType(QualType Type, const ASTContext &Context);

} // namespace clang::tidy::cgo::utils

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_LAYOUTMODEL_H
