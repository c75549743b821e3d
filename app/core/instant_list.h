// A lane's instants (prints, yields, marks), packed: about 10 bytes each instead of 32. The
// time is read directly (the timeline clusters on it); operator[] decodes the whole instant.
#pragma once

#include <cstddef>

#include "core/paged_records.h"
#include "core/record_iterator.h"
#include "core/trace_records.h"

namespace loopscope {

class InstantList : public RecordRange<InstantList, Instant> {
 public:
  std::size_t size() const { return records_.size(); }
  Instant operator[](std::size_t i) const;
  Nanos t(std::size_t i) const { return records_.time(i); }
  EventIndex event(std::size_t i) const;
  void push_back(const Instant& instant);
  std::size_t bytes() const { return records_.bytes(); }

 private:
  PagedRecords records_;  // time = t, tag = kind
};

}  // namespace loopscope
