// An offscreen framebuffer of an exact size, for screenshots: a hidden window's default
// framebuffer may be clipped to the (virtual) screen, an FBO never is.
#pragma once

#include <memory>
#include <string>

#include "platform/png_file.h"

struct ImDrawList;

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

// Renders one ImGui draw list (built outside any window, e.g. by the timeline painter) into an
// offscreen framebuffer of width x height and returns the pixels: pictures made from the model at
// a chosen size, never a grab of the screen. Needs the GL context and a built font atlas.
Image render_draw_list(ImDrawList& draw_list, int width, int height, std::string* error);

// The pixels of a rectangle of the framebuffer that was just rendered (before it is shown),
// in framebuffer pixels with a top-left origin; `fb_height` is the framebuffer's height.
Image capture_region(int x, int y, int width, int height, int fb_height);

}  // namespace loopscope::platform
