// Fuzzes cgocheck::buildenv::parse_jsonc (JSON with comments, jsonc.hpp)
// against nlohmann::json: whatever strict JSON accepts, JSONC must give the
// same value for.
#include "check.hpp"

#include "cgocheck/buildenv/jsonc.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bf = cgocheck::buildenv;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  // Any exception escaping parse_jsonc is a finding: it promises a result.
  const bf::jsonc_result r = bf::parse_jsonc(text);
  if (r.ok()) {
    FUZZ_CHECK(r.error.empty());
  } else {
    FUZZ_CHECK(!r.error.empty());
    FUZZ_CHECK(r.error.find("line ") != std::string::npos);
  }

  if (nlohmann::json::accept(data, data + size)) {
    FUZZ_CHECK(r.ok());
    FUZZ_CHECK(r.value == nlohmann::json::parse(data, data + size));
  }
  return 0;
}
