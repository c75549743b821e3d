// PNG files through stb (libstb-dev). Debian's libstb already contains the stb_image and
// stb_image_write implementations, so no translation unit here defines *_IMPLEMENTATION
// (a second copy would clash with it at link time).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace loopscope::platform {

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4, top row first
};

bool write_png(const std::string& path, const Image& image);
// Reads any PNG as RGBA; an empty image when the file is missing or not a PNG.
Image read_png(const std::string& path);

}  // namespace loopscope::platform
