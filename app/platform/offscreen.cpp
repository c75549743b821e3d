#include "platform/offscreen.h"

#include <glad/gl.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>

namespace loopscope::platform {

std::unique_ptr<OffscreenTarget> OffscreenTarget::create(int width, int height, std::string* error) {
  std::unique_ptr<OffscreenTarget> target(new OffscreenTarget());
  target->width_ = width;
  target->height_ = height;
  glGenFramebuffers(1, &target->fbo_);
  glGenRenderbuffers(1, &target->color_);
  glBindRenderbuffer(GL_RENDERBUFFER, target->color_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, target->fbo_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, target->color_);
  const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (!complete) {
    if (error) *error = "cannot create a " + std::to_string(width) + "x" + std::to_string(height) + " framebuffer";
    return nullptr;
  }
  return target;
}

OffscreenTarget::~OffscreenTarget() {
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (color_) glDeleteRenderbuffers(1, &color_);
}

void OffscreenTarget::bind() { glBindFramebuffer(GL_FRAMEBUFFER, fbo_); }
void OffscreenTarget::unbind() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

namespace {

void flip_rows(Image& image) {
  // GL's first row is the bottom one; PNG's is the top one.
  const std::size_t row = static_cast<std::size_t>(image.width) * 4;
  for (int y = 0; y < image.height / 2; ++y) {
    std::swap_ranges(image.rgba.begin() + y * row, image.rgba.begin() + (y + 1) * row,
                     image.rgba.begin() + (image.height - 1 - y) * row);
  }
  // The UI is opaque; force alpha so viewers do not show blended edges as holes.
  for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
}

}  // namespace

Image render_draw_list(ImDrawList& draw_list, int width, int height, std::string* error) {
  auto target = OffscreenTarget::create(width, height, error);
  if (!target) return {};
  ImDrawList* lists[] = {&draw_list};
  ImDrawData data;
  data.Valid = true;
  data.CmdLists = lists;
  data.CmdListsCount = 1;
  data.TotalVtxCount = draw_list.VtxBuffer.Size;
  data.TotalIdxCount = draw_list.IdxBuffer.Size;
  data.DisplayPos = ImVec2(0, 0);
  data.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  data.FramebufferScale = ImVec2(1, 1);
  GLint previous = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
  target->bind();
  glViewport(0, 0, width, height);
  glClearColor(0, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(&data);
  Image image = target->read();
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
  return image;
}

Image capture_region(int x, int y, int width, int height, int fb_height) {
  Image image;
  if (width <= 0 || height <= 0) return image;
  image.width = width;
  image.height = height;
  image.rgba.resize(static_cast<std::size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x, fb_height - y - height, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  flip_rows(image);
  return image;
}

Image OffscreenTarget::read() {
  Image image;
  image.width = width_;
  image.height = height_;
  image.rgba.resize(static_cast<std::size_t>(width_) * height_ * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  flip_rows(image);
  return image;
}

}  // namespace loopscope::platform
