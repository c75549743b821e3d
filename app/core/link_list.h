// The trace's links (who woke or created whom), packed: about 14 bytes each instead of 32.
// Links are appended in event order and a link ends at its event's time, so to_t is sorted:
// the timeline finds the links in view by bisection on it, and skips whole pages of links
// that start after the view (each page of 256 keeps its earliest from_t).
#pragma once

#include <cstddef>
#include <vector>

#include "core/paged_records.h"
#include "core/record_iterator.h"
#include "core/trace_records.h"

namespace loopscope {

class LinkList : public RecordRange<LinkList, Link> {
 public:
  std::size_t size() const { return records_.size(); }
  Link operator[](std::size_t i) const;
  Nanos to_t(std::size_t i) const { return records_.time(i); }
  // Appends a link; its to_t must not be before the last one's.
  void push_back(const Link& link);
  std::size_t bytes() const { return records_.bytes() + page_from_.capacity() * sizeof(Nanos); }

  // Calls visit(index, link) for the links overlapping [t0, t1] (to_t >= t0, from_t <= t1), in
  // order, until it returns false.
  template <class Visit>
  void visit_overlapping(Nanos t0, Nanos t1, Visit&& visit) const;

 private:
  static constexpr std::size_t kPage = PagedRecords::kPageSize;
  PagedRecords records_;        // time = to_t, tag = kind
  std::vector<Nanos> page_from_;  // per page of kPage links: the earliest from_t in it
  Nanos longest_ = 0;            // the longest to_t - from_t
};

template <class Visit>
void LinkList::visit_overlapping(Nanos t0, Nanos t1, Visit&& visit) const {
  std::size_t lo = 0, hi = size();  // the first link ending at or after t0
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (to_t(mid) < t0) lo = mid + 1;
    else hi = mid;
  }
  // Beyond t1 + longest_ no link can reach back into the view.
  const Nanos reach = t1 > kOpenEnd - longest_ ? kOpenEnd : t1 + longest_;
  for (std::size_t i = lo; i < size() && to_t(i) <= reach;) {
    if (i % kPage == 0 && page_from_[i / kPage] > t1) {  // no link of this page reaches the view
      i += kPage;
      continue;
    }
    const Link link = (*this)[i];
    if (link.from_t <= t1 && !visit(i, link)) return;
    ++i;
  }
}

}  // namespace loopscope
