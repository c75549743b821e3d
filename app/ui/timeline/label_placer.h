// Keeps the labels of one row from overprinting each other or the markers: every label and
// marker drawn takes a box, and a label only goes where its box is free. Markers' labels are
// placed first (a yielded value or a printed line says more than "running"); span labels then
// take what is left, cut to fit.
#pragma once

#include <vector>

namespace loopscope::timeline {

struct Box {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

class LabelPlacer {
 public:
  void clear() { taken_.clear(); }
  // Takes `box` if nothing taken overlaps it; false (and nothing taken) otherwise.
  bool take(const Box& box);
  // Marks `box` taken whether or not it was free (a marker, a label that must be drawn).
  void force(const Box& box) { taken_.push_back(box); }
  // How far right a label starting at `box.x0` may reach (at most `box.x1`) before it meets
  // something taken at its height; `box.x0` when the start itself is taken.
  float free_until(const Box& box) const;
  // The first free stretch at least `min_width` wide inside [box.x0, box.x1] at the box's
  // height, as a box (x1 <= x0 when there is none): a label slides right past a marker.
  Box first_free(const Box& box, float min_width) const;

 private:
  std::vector<Box> taken_;  // unordered: a row holds a few dozen labels at most
};

}  // namespace loopscope::timeline
