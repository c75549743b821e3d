// The one native window: GLFW + an OpenGL 3.3 core context + the ImGui GLFW/OpenGL3 backends.
// Used visible by the GUI and hidden (rendering into an offscreen framebuffer) by `screenshot`.
#pragma once

#include <memory>
#include <string>

struct GLFWwindow;

namespace loopscope::platform {

struct WindowOptions {
  std::string title = "loopscope";
  int width = 1600, height = 900;
  int x = -1, y = -1;        // -1: let the window manager place it
  bool maximized = false;
  bool visible = true;       // false: hidden window for offscreen rendering
};

struct WindowGeometry {
  int x = 0, y = 0, width = 0, height = 0;
  bool maximized = false;
};

class Window {
 public:
  // Creates the window, the GL context, loads GL and starts ImGui. Null (with `error` saying
  // why, e.g. no display) when any of it fails.
  static std::unique_ptr<Window> create(const WindowOptions& options, std::string* error);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  bool should_close() const;
  void set_should_close(bool close);
  // Processes window events; waits at most `max_wait_s` when nothing happens (0: never waits),
  // so an idle window costs nothing but a live run still animates.
  void poll_events(double max_wait_s);
  void begin_frame();
  // Renders ImGui's draw data into the currently bound framebuffer and shows it (swap).
  void end_frame(bool swap = true);
  void swap();

  float content_scale() const;  // the monitor's scale (1.0 on a normal screen, 2.0 on HiDPI)
  WindowGeometry geometry() const;
  void set_title(const std::string& title);
  GLFWwindow* handle() const { return window_; }

 private:
  explicit Window(GLFWwindow* window) : window_(window) {}
  GLFWwindow* window_ = nullptr;
};

// True when a display server is reachable (DISPLAY or WAYLAND_DISPLAY set).
bool display_available();

}  // namespace loopscope::platform
