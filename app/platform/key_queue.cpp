#include "platform/key_queue.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace loopscope::platform {
namespace {

// GLFW calls back on the main thread, inside poll_events; frames run there too.
std::vector<KeyInput> g_pending, g_frame;

void on_key(GLFWwindow*, int key, int, int action, int mods) {
  if (action != GLFW_RELEASE) g_pending.push_back({key, mods, 0});
}

void on_char(GLFWwindow*, unsigned int codepoint) { g_pending.push_back({0, 0, codepoint}); }

}  // namespace

void install_key_queue(GLFWwindow* window) {
  glfwSetKeyCallback(window, on_key);
  glfwSetCharCallback(window, on_char);
}

void next_key_frame() {
  g_frame.swap(g_pending);
  g_pending.clear();
}

const std::vector<KeyInput>& frame_key_inputs() { return g_frame; }

}  // namespace loopscope::platform
