// Keeps the labels of one row from overprinting each other or the markers: every label and
// marker drawn takes a box, and a label only goes where its box is free. Markers' labels are
// placed first (a yielded value or a printed line says more than "running"); span labels then
// take what is left, cut to fit.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace loopscope::timeline {

struct Box {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

class LabelPlacer {
 public:
  void clear();
  // Takes `box` if nothing taken overlaps it; false (and nothing taken) otherwise.
  bool take(const Box& box);
  // Marks `box` taken whether or not it was free (a marker, a label that must be drawn).
  void force(const Box& box);
  // How far right a label starting at `box.x0` may reach (at most `box.x1`) before it meets
  // something taken at its height; `box.x0` when the start itself is taken.
  float free_until(const Box& box) const;
  // The first free stretch at least `min_width` wide inside [box.x0, box.x1] at the box's
  // height, as a box (x1 <= x0 when there is none): a label slides right past a marker.
  Box first_free(const Box& box, float min_width) const;
  // Undoing: every box taken since mark() was returned is given back by roll_back(mark).
  std::size_t mark() const { return taken_.size(); }
  void roll_back(std::size_t mark);

 private:
  // A row zoomed in on a busy stretch takes thousands of boxes: each is listed in the columns
  // of kColumnPx it covers, and a query reads only the columns it spans.
  static constexpr float kColumnPx = 64.0f;
  static int column_of(float x);
  template <class Visit>
  void visit_columns(float x0, float x1, Visit&& visit) const;

  std::vector<Box> taken_;
  std::unordered_map<int, std::vector<std::uint32_t>> columns_;  // column -> indexes into taken_
};

}  // namespace loopscope::timeline
