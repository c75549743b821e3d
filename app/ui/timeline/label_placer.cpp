#include "ui/timeline/label_placer.h"

#include <algorithm>
#include <cmath>

namespace loopscope::timeline {

int LabelPlacer::column_of(float x) {
  // Far outside any view (a box reaching off screen) all share the end columns.
  return static_cast<int>(std::floor(std::clamp(x, -16384.0f, 65536.0f) / kColumnPx));
}

// Calls visit(box) for every taken box listed in the columns over [x0, x1]; a box covering
// several of them comes more than once, which the queries below do not mind. Stops early when
// visit returns false.
template <class Visit>
void LabelPlacer::visit_columns(float x0, float x1, Visit&& visit) const {
  for (int c = column_of(x0), last = column_of(x1); c <= last; ++c) {
    const auto it = columns_.find(c);
    if (it == columns_.end()) continue;
    for (const std::uint32_t i : it->second)
      if (!visit(taken_[i])) return;
  }
}

void LabelPlacer::clear() {
  taken_.clear();
  for (auto& [column, boxes] : columns_) boxes.clear();  // keeps their room for the next row
}

void LabelPlacer::force(const Box& box) {
  const auto index = static_cast<std::uint32_t>(taken_.size());
  taken_.push_back(box);
  for (int c = column_of(box.x0), last = column_of(box.x1); c <= last; ++c) columns_[c].push_back(index);
}

void LabelPlacer::roll_back(std::size_t mark) {
  // Each box's index was appended last to its columns: the newest boxes go first.
  while (taken_.size() > mark) {
    const Box& box = taken_.back();
    for (int c = column_of(box.x0), last = column_of(box.x1); c <= last; ++c) columns_[c].pop_back();
    taken_.pop_back();
  }
}

bool LabelPlacer::take(const Box& box) {
  bool free = true;
  visit_columns(box.x0, box.x1, [&](const Box& t) {
    if (t.overlaps(box)) free = false;
    return free;
  });
  if (free) force(box);
  return free;
}

float LabelPlacer::free_until(const Box& box) const {
  float end = box.x1;
  // Columns left to right, until one starts at or past `end`: a box listed first there starts
  // there too, and a box that starts further left was met in an earlier column.
  for (int c = column_of(box.x0), last = column_of(box.x1); c <= last && static_cast<float>(c) * kColumnPx < end; ++c) {
    const auto it = columns_.find(c);
    if (it == columns_.end()) continue;
    for (const std::uint32_t i : it->second) {
      const Box& t = taken_[i];
      if (t.y0 >= box.y1 || box.y0 >= t.y1) continue;  // another height
      if (t.x1 <= box.x0 || t.x0 >= end) continue;
      if (t.x0 <= box.x0) return box.x0;  // taken right where the label would start
      end = t.x0;
    }
  }
  return end;
}

Box LabelPlacer::first_free(const Box& box, float min_width) const {
  float start = box.x0;
  // Each pass moves the start past one obstacle.
  for (std::size_t guard = 0; guard <= taken_.size() && start < box.x1; ++guard) {
    const float end = free_until({start, box.y0, box.x1, box.y1});
    if (end - start >= min_width) return {start, box.y0, end, box.y1};
    // Skip past whatever blocks here.
    float next = box.x1;
    visit_columns(start, end + 0.01f, [&](const Box& t) {
      if (t.y0 >= box.y1 || box.y0 >= t.y1) return true;
      if (t.x0 <= end + 0.01f && t.x1 > start) next = std::min(next, std::max(t.x1, start + 0.5f));
      return true;
    });
    if (next <= start) break;
    start = next;
  }
  return {box.x1, box.y0, box.x1, box.y1};
}

}  // namespace loopscope::timeline
