#include "platform/window.h"

#include <glad/gl.h>
// glad must come first: it provides the GL declarations GLFW would otherwise include.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "core/data_paths.h"
#include "platform/key_queue.h"
#include "platform/png_file.h"

namespace loopscope::platform {
namespace {

std::string g_last_glfw_error;

void on_glfw_error(int code, const char* description) {
  g_last_glfw_error = std::string(description ? description : "unknown") + " (GLFW error " +
                      std::to_string(code) + ")";
}

// The app icon (assets/icons/<size>/loopscope.png) on the window, where the desktop shows it.
void set_icon(GLFWwindow* window) {
  std::vector<Image> images;
  for (const char* size : {"32", "64", "256"}) {
    const std::string path = locate_data(std::string("assets/icons/") + size + "/loopscope.png");
    if (!path.empty()) images.push_back(read_png(path));
  }
  std::vector<GLFWimage> icons;
  for (Image& image : images)
    if (!image.rgba.empty()) icons.push_back({image.width, image.height, image.rgba.data()});
  if (!icons.empty()) glfwSetWindowIcon(window, static_cast<int>(icons.size()), icons.data());
}

bool init_glfw(std::string* error) {
  glfwSetErrorCallback(on_glfw_error);
  if (glfwInit()) return true;
  if (error) *error = "cannot start GLFW: " + g_last_glfw_error;
  return false;
}

}  // namespace

bool display_available() {
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  return (x11 && *x11) || (wayland && *wayland);
}

std::unique_ptr<Window> Window::create(const WindowOptions& options, std::string* error) {
  if (!display_available()) {
    if (error) *error = "no display (DISPLAY is not set); run under a desktop session or `xvfb-run -a`";
    return nullptr;
  }
  if (!init_glfw(error)) return nullptr;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_MAXIMIZED, options.maximized ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_FALSE);
  GLFWwindow* handle = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (!handle) {
    if (error) *error = "cannot create an OpenGL 3.3 window: " + g_last_glfw_error;
    glfwTerminate();
    return nullptr;
  }
  if (options.x >= 0 && options.y >= 0 && !options.maximized) glfwSetWindowPos(handle, options.x, options.y);
  set_icon(handle);
  glfwMakeContextCurrent(handle);
  glfwSwapInterval(1);
  if (!gladLoadGL(glfwGetProcAddress)) {
    if (error) *error = "cannot load OpenGL 3.3 functions";
    glfwDestroyWindow(handle);
    glfwTerminate();
    return nullptr;
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout lives in our own settings file
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  install_key_queue(handle);  // first: ImGui's callbacks chain to it
  ImGui_ImplGlfw_InitForOpenGL(handle, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  return std::unique_ptr<Window>(new Window(handle));
}

Window::~Window() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }
void Window::set_should_close(bool close) { glfwSetWindowShouldClose(window_, close ? GLFW_TRUE : GLFW_FALSE); }

void Window::poll_events(double max_wait_s) {
  if (max_wait_s > 0) glfwWaitEventsTimeout(max_wait_s);
  else glfwPollEvents();
}

void Window::begin_frame() {
  next_key_frame();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
}

void Window::end_frame(bool swap) {
  ImGui::Render();
  ImDrawData* data = ImGui::GetDrawData();
  const int fb_w = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
  const int fb_h = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
  glViewport(0, 0, fb_w, fb_h);
  const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(data);
  if (swap) glfwSwapBuffers(window_);
}

void Window::swap() { glfwSwapBuffers(window_); }

float Window::content_scale() const {
  float sx = 1.0f, sy = 1.0f;
  glfwGetWindowContentScale(window_, &sx, &sy);
  return sx > 0.0f ? sx : 1.0f;
}

WindowGeometry Window::geometry() const {
  WindowGeometry g;
  glfwGetWindowPos(window_, &g.x, &g.y);
  glfwGetWindowSize(window_, &g.width, &g.height);
  g.maximized = glfwGetWindowAttrib(window_, GLFW_MAXIMIZED) == GLFW_TRUE;
  return g;
}

void Window::set_title(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

}  // namespace loopscope::platform
