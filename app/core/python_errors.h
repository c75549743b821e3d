// Reading the parts of Python's error messages that loopscope acts on, in one place.
#pragma once

#include <string>
#include <string_view>

namespace loopscope {

// The module that "No module named 'x.y'" (ModuleNotFoundError, or an ImportError saying the
// same) names, the last one in `text`; empty when there is none.
std::string missing_module_in(std::string_view text);

// The Debian package that usually ships a top-level module: python3-<module>, lower case,
// '_' as '-' ("aiofiles" -> "python3-aiofiles").
std::string debian_package_for(std::string_view module);

}  // namespace loopscope
