#include "core/python_errors.h"

#include <cctype>

namespace loopscope {

std::string missing_module_in(std::string_view text) {
  constexpr std::string_view marker = "No module named '";
  const auto at = text.rfind(marker);
  if (at == std::string_view::npos) return {};
  const auto start = at + marker.size();
  const auto end = text.find('\'', start);
  if (end == std::string_view::npos) return {};
  return std::string(text.substr(start, end - start));
}

std::string debian_package_for(std::string_view module) {
  std::string package = "python3-";
  for (char c : module.substr(0, module.find('.')))
    package += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return package;
}

}  // namespace loopscope
