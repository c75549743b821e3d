// Key presses and typed characters in the order they happened, frame by frame. Dear ImGui 1.86
// only knows which keys are down when a frame starts, so a key pressed and released between two
// frames (fast typing, Enter right after a character) is lost or comes out of order; the code
// editor reads this queue instead.
#pragma once

#include <vector>

struct GLFWwindow;

namespace loopscope::platform {

struct KeyInput {
  int key = 0;                 // GLFW_KEY_*, 0 for a typed character
  int mods = 0;                // GLFW_MOD_* bits
  unsigned int codepoint = 0;  // the typed character (key == 0)
};

// Before ImGui's GLFW backend installs its callbacks (it chains to these).
void install_key_queue(GLFWwindow* window);
// At the start of each frame: what came in since the last one becomes this frame's input.
void next_key_frame();
const std::vector<KeyInput>& frame_key_inputs();

}  // namespace loopscope::platform
