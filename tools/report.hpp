// Findings of `cgocheck lint` and their three output formats.
#ifndef CGOCHECK_TOOLS_REPORT_HPP
#define CGOCHECK_TOOLS_REPORT_HPP

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cgocheck::tools {

struct finding_note {
  std::string file; ///< relative to the current directory when below it
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
};

struct finding {
  std::string check;
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string severity; ///< "warning" or "error"
  std::string message;
  std::vector<finding_note> notes;
};

/// Sorts by file, line, column and check, and drops exact duplicates (a
/// header's finding reported from every unit that includes it).
void sort_and_dedupe(std::vector<finding> &findings);

/// `file:line:col: severity: message [check]`, notes indented below.
std::string format_text(const std::vector<finding> &findings);

/// The JSON array of the contract: check, file, line, column, severity,
/// message, notes.
nlohmann::json format_json(const std::vector<finding> &findings);

/// A SARIF 2.1.0 log with one rule per check cgocheck offers, help from
/// docs/checks/<check>.md; file URIs relative to %SRCROOT% (the current
/// directory).
nlohmann::json format_sarif(const std::vector<finding> &findings, const std::string &current_dir);

} // namespace cgocheck::tools

#endif // CGOCHECK_TOOLS_REPORT_HPP
