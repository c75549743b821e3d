#include "platform/png_file.h"

#include <stb_image.h>
#include <stb_image_write.h>

namespace loopscope::platform {

bool write_png(const std::string& path, const Image& image) {
  if (image.width <= 0 || image.height <= 0) return false;
  if (image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4) return false;
  return stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4) != 0;
}

Image read_png(const std::string& path) {
  Image image;
  int channels = 0;
  stbi_uc* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
  if (!data) return {};
  image.rgba.assign(data, data + static_cast<std::size_t>(image.width) * image.height * 4);
  stbi_image_free(data);
  return image;
}

}  // namespace loopscope::platform
