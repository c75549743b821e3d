#include "ui/timeline/label_placer.h"

#include <algorithm>

namespace loopscope::timeline {

bool LabelPlacer::take(const Box& box) {
  for (const Box& t : taken_)
    if (t.overlaps(box)) return false;
  taken_.push_back(box);
  return true;
}

float LabelPlacer::free_until(const Box& box) const {
  float end = box.x1;
  for (const Box& t : taken_) {
    if (t.y0 >= box.y1 || box.y0 >= t.y1) continue;  // another height
    if (t.x1 <= box.x0 || t.x0 >= end) continue;
    if (t.x0 <= box.x0) return box.x0;  // taken right where the label would start
    end = t.x0;
  }
  return end;
}

Box LabelPlacer::first_free(const Box& box, float min_width) const {
  float start = box.x0;
  // Each pass moves the start past one obstacle; a row holds few boxes, so this stays small.
  for (std::size_t guard = 0; guard <= taken_.size() && start < box.x1; ++guard) {
    const float end = free_until({start, box.y0, box.x1, box.y1});
    if (end - start >= min_width) return {start, box.y0, end, box.y1};
    // Skip past whatever blocks here.
    float next = box.x1;
    for (const Box& t : taken_) {
      if (t.y0 >= box.y1 || box.y0 >= t.y1) continue;
      if (t.x0 <= end + 0.01f && t.x1 > start) next = std::min(next, std::max(t.x1, start + 0.5f));
    }
    if (next <= start) break;
    start = next;
  }
  return {box.x1, box.y0, box.x1, box.y1};
}

}  // namespace loopscope::timeline
