// Reading markdown tables of docs/ in the tests that compare a page with the
// library (buildenv_docs_test.cpp, abi_docs_test.cpp).
#ifndef CGOCHECK_TESTS_UNIT_DOCS_TABLE_HPP
#define CGOCHECK_TESTS_UNIT_DOCS_TABLE_HPP

#include <sstream>
#include <string>
#include <vector>

namespace docs_table {

/// The cells of one markdown table row, trimmed, with `code` quotes removed.
inline std::vector<std::string> cells(const std::string &row) {
  std::vector<std::string> out;
  std::stringstream in(row);
  std::string cell;
  std::getline(in, cell, '|'); // before the first '|'
  while (std::getline(in, cell, '|')) {
    const auto first = cell.find_first_not_of(' ');
    const auto last = cell.find_last_not_of(' ');
    cell = first == std::string::npos ? "" : cell.substr(first, last - first + 1);
    if (cell.size() >= 2 && cell.front() == '`' && cell.back() == '`') {
      cell = cell.substr(1, cell.size() - 2);
    }
    out.push_back(cell);
  }
  if (!out.empty() && out.back().empty()) {
    out.pop_back();
  }
  return out;
}

} // namespace docs_table

#endif // CGOCHECK_TESTS_UNIT_DOCS_TABLE_HPP
