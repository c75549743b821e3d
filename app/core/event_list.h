// The run's events in order, packed: about 12 bytes an event instead of the 56 of an Event.
// The time and kind of an event are read directly (t(i), kind(i)); operator[] decodes the
// whole record. Sequence numbers are stored only where they do not follow on by one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <vector>

#include "core/paged_records.h"
#include "core/record_iterator.h"
#include "core/trace_records.h"

namespace loopscope {

class EventList : public RecordRange<EventList, Event> {
 public:
  EventList() = default;
  EventList(std::initializer_list<Event> events) {
    for (const Event& e : events) push_back(e);
  }
  std::size_t size() const { return records_.size(); }
  Event operator[](std::size_t i) const;
  Nanos t(std::size_t i) const { return records_.time(i); }
  EventKind kind(std::size_t i) const { return static_cast<EventKind>(records_.tag(i)); }
  LaneId lane(std::size_t i) const;
  std::uint32_t seq(std::size_t i) const;

  // Appends an event; its time must not be before the last one's.
  void push_back(const Event& event);
  std::size_t bytes() const;

 private:
  PagedRecords records_;  // time = t, tag = kind
  std::vector<std::pair<EventIndex, std::uint32_t>> seq_starts_;  // (index, seq) where seq jumps
  std::uint32_t last_seq_ = 0;
};

}  // namespace loopscope
