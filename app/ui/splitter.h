// A draggable bar between two panels (ImGui 1.86 has no docking): an invisible button the
// width of the gap; dragging it moves the size of the panel before it.
#pragma once

namespace loopscope::ui {

// Draws a splitter at the cursor: vertical bar (between left/right panels) when `vertical`,
// else a horizontal bar (between top/bottom). `size` is the first panel's size in px, kept
// within [min_size, max_size]. Returns true while dragged.
bool Splitter(const char* id, bool vertical, float thickness, float length, float* size, float min_size,
              float max_size);

}  // namespace loopscope::ui
