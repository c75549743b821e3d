#include "core/file_text.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace loopscope {

bool read_text_file(const std::string& path, std::string& text, std::string* error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    if (error) *error = "cannot read " + path + ": " + std::strerror(errno);
    return false;
  }
  if (std::fseek(f, 0, SEEK_END) == 0) {
    if (const long size = std::ftell(f); size > 0) text.reserve(text.size() + static_cast<std::size_t>(size));
    std::rewind(f);
  }
  char chunk[1 << 16];
  for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) text.append(chunk, n);
  const bool ok = !std::ferror(f);
  if (!ok && error) *error = "cannot read " + path + ": " + std::strerror(errno);
  std::fclose(f);
  return ok;
}

std::string file_text(const std::string& path) {
  std::string text;
  return read_text_file(path, text) ? text : std::string();
}

}  // namespace loopscope
