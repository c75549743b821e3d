#include "core/event_list.h"

#include <algorithm>

#include "core/packed_fields.h"

namespace loopscope {

static_assert(static_cast<unsigned>(EventKind::Unknown) < 32);  // page_kinds_: one bit each

namespace {

// Kinds whose `aux` is a time (a run's ready time, a suspension's due time, a stall's start):
// stored relative to the event's own time, so it takes a few bytes, not eight.
bool aux_is_time(EventKind kind) {
  return kind == EventKind::Run || kind == EventKind::Suspend || kind == EventKind::Stall;
}

}  // namespace

// Field order: sub, lane, other, line, text, extra, aux, late.
void EventList::push_back(const Event& ev) {
  packed::FieldWriter w;
  w.put(ev.sub);
  w.put_signed(static_cast<std::int64_t>(ev.lane) + 1);
  w.put_signed(static_cast<std::int64_t>(ev.other) + 1);
  w.put_signed(ev.line);
  w.put(ev.text);
  w.put(ev.extra);
  if (aux_is_time(ev.kind))
    w.put(ev.aux == 0 ? 0 : packed::zigzag(ev.aux - ev.t) + 1);  // 0 stays "none"
  else
    w.put_signed(ev.aux);
  w.put_signed(ev.late);
  const auto index = static_cast<EventIndex>(size());
  if (seq_starts_.empty() || last_seq_ + 1 != ev.seq) seq_starts_.emplace_back(index, ev.seq);
  last_seq_ = ev.seq;
  if (index % kPage == 0) page_kinds_.push_back(0);
  page_kinds_.back() |= 1u << static_cast<unsigned>(ev.kind);
  records_.push(ev.t, 0, static_cast<std::uint8_t>(ev.kind), w.bytes(), 0);
}

Event EventList::operator[](std::size_t i) const {
  Event ev;
  ev.t = records_.time(i);
  ev.kind = static_cast<EventKind>(records_.tag(i));
  packed::FieldReader r(records_.fields(i));
  ev.sub = static_cast<std::uint8_t>(r.get());
  ev.lane = static_cast<LaneId>(r.get_signed() - 1);
  ev.other = static_cast<LaneId>(r.get_signed() - 1);
  ev.line = static_cast<std::int32_t>(r.get_signed());
  ev.text = static_cast<StrId>(r.get());
  ev.extra = static_cast<StrId>(r.get());
  if (aux_is_time(ev.kind)) {
    const std::uint64_t aux = r.get();
    ev.aux = aux == 0 ? 0 : ev.t + packed::unzigzag(aux - 1);
  } else {
    ev.aux = r.get_signed();
  }
  ev.late = r.get_signed();
  ev.seq = seq(i);
  return ev;
}

LaneId EventList::lane(std::size_t i) const {
  packed::FieldReader r(records_.fields(i));
  r.get();  // sub
  return static_cast<LaneId>(r.get_signed() - 1);
}

std::uint32_t EventList::seq(std::size_t i) const {
  auto it = std::upper_bound(seq_starts_.begin(), seq_starts_.end(), i,
                             [](std::size_t index, const auto& start) { return index < start.first; });
  if (it == seq_starts_.begin()) return 0;
  --it;
  return it->second + static_cast<std::uint32_t>(i - it->first);
}

std::size_t EventList::bytes() const {
  return records_.bytes() + seq_starts_.capacity() * sizeof(seq_starts_[0]) +
         page_kinds_.capacity() * sizeof(std::uint32_t);
}

}  // namespace loopscope
