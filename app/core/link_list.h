// The trace's links (who woke or created whom), packed: about 10 bytes each instead of 32.
// Links are appended in event order and a link ends at its event's time, so to_t is sorted:
// the timeline finds the links in view by bisection on it.
#pragma once

#include <cstddef>

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
  std::size_t bytes() const { return records_.bytes(); }

 private:
  PagedRecords records_;  // time = to_t, tag = kind
};

}  // namespace loopscope
