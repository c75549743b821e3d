// The run's events in order, packed: about 12 bytes an event instead of the 56 of an Event.
// The time and kind of an event are read directly (t(i), kind(i)); operator[] decodes the
// whole record. Sequence numbers are stored only where they do not follow on by one.
#pragma once

#include <cstddef>
#include <algorithm>
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

  // Calls visit(index) for each event in [from, to) whose kind is one of `kinds`, in order. For
  // the views' scans of a whole trace (its prints, its exceptions): the kinds are read straight
  // from the pages, and a page of 256 events without any of them is passed over at once.
  template <class Visit>
  void visit_kinds(std::size_t from, std::size_t to, std::initializer_list<EventKind> kinds, Visit&& visit) const;

  // Appends an event; its time must not be before the last one's.
  void push_back(const Event& event);
  std::size_t bytes() const;

 private:
  static constexpr std::size_t kPage = PagedRecords::kPageSize;
  PagedRecords records_;  // time = t, tag = kind
  std::vector<std::uint32_t> page_kinds_;  // per page of kPage events: the kinds in it (1 << kind)
  std::vector<std::pair<EventIndex, std::uint32_t>> seq_starts_;  // (index, seq) where seq jumps
  std::uint32_t last_seq_ = 0;
};

template <class Visit>
void EventList::visit_kinds(std::size_t from, std::size_t to, std::initializer_list<EventKind> kinds,
                            Visit&& visit) const {
  std::uint32_t wanted = 0;
  for (EventKind k : kinds) wanted |= 1u << static_cast<unsigned>(k);
  to = std::min(to, size());
  for (std::size_t i = from; i < to;) {
    if ((page_kinds_[i / kPage] & wanted) == 0) {  // none here
      i = (i / kPage + 1) * kPage;
      continue;
    }
    std::size_t count = 0;
    const std::uint8_t* tags = records_.tags_from(i, count);
    count = std::min(count, to - i);
    for (std::size_t k = 0; k < count; ++k)
      if ((wanted >> tags[k]) & 1u) visit(i + k);
    i += count;
  }
}

}  // namespace loopscope
