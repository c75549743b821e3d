// An offscreen framebuffer of an exact size, for screenshots: a hidden window's default
// framebuffer may be clipped to the (virtual) screen, an FBO never is.
#pragma once

#include <memory>
#include <string>

#include "platform/png_file.h"

namespace loopscope::platform {

class OffscreenTarget {
 public:
  static std::unique_ptr<OffscreenTarget> create(int width, int height, std::string* error);
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;

  void bind();    // render into it
  void unbind();  // back to the window
  Image read();   // the pixels, top row first
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  OffscreenTarget() = default;
  unsigned fbo_ = 0, color_ = 0;
  int width_ = 0, height_ = 0;
};

}  // namespace loopscope::platform
