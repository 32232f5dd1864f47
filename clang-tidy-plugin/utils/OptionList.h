//===--- OptionList.h - cgocheck --------------------------------*- C++ -*-===//
//
// Check options that list names ("free;sqlite3_free", "a, b"): the syntax
// every cgo-* check with such an option accepts.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_OPTIONLIST_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_OPTIONLIST_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::cgo::utils {

/// The names of a list separated by semicolons or commas, trimmed, empty
/// entries dropped.
inline std::vector<std::string> splitNameList(llvm::StringRef List) {
  std::vector<std::string> Result;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  List.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    llvm::SmallVector<llvm::StringRef, 4> Names;
    Part.split(Names, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
    for (llvm::StringRef Name : Names)
      if (!Name.trim().empty())
        Result.push_back(Name.trim().str());
  }
  return Result;
}

} // namespace clang::tidy::cgo::utils

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_OPTIONLIST_H
