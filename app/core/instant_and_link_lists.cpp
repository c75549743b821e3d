// Packing of instants and links (core/instant_list.h, core/link_list.h).
#include <algorithm>

#include "core/instant_list.h"
#include "core/link_list.h"
#include "core/packed_fields.h"

namespace loopscope {

static_assert(static_cast<unsigned>(InstantKind::Receive) < 32);  // kinds_in: one bit each

// Instant fields: event (against the page's reference event), line, text, extra.
void InstantList::push_back(const Instant& in) {
  const std::uint32_t ref = records_.next_ref(in.event);
  packed::FieldWriter w;
  w.put(packed::relative(in.event, ref, kNoEvent));
  w.put_signed(in.line);
  w.put(in.text);
  w.put(in.extra);
  if (records_.size() % kPage == 0) page_kinds_.push_back(0);
  if (records_.size() % kGroup == 0) group_kinds_.push_back(0);
  page_kinds_.back() |= 1u << static_cast<unsigned>(in.kind);
  group_kinds_.back() |= 1u << static_cast<unsigned>(in.kind);
  records_.push(in.t, 0, static_cast<std::uint8_t>(in.kind), w.bytes(), ref);
}

std::uint32_t InstantList::kinds_in(std::size_t first, std::size_t count) const {
  const std::size_t last = std::min(first + count, size());
  std::uint32_t kinds = 0;
  // Whole pages where they fit, else whole groups, else one by one.
  for (std::size_t i = first; i < last;) {
    if (i % kPage == 0 && i + kPage <= last) {
      kinds |= page_kinds_[i / kPage];
      i += kPage;
    } else if (i % kGroup == 0 && i + kGroup <= last) {
      kinds |= group_kinds_[i / kGroup];
      i += kGroup;
    } else {
      kinds |= 1u << static_cast<unsigned>(kind(i));
      ++i;
    }
  }
  return kinds;
}

Instant InstantList::operator[](std::size_t i) const {
  Instant in;
  in.t = records_.time(i);
  in.kind = static_cast<InstantKind>(records_.tag(i));
  packed::FieldReader r(records_.fields(i));
  in.event = packed::absolute(r.get(), records_.ref(i), kNoEvent);
  in.line = static_cast<std::int32_t>(r.get_signed());
  in.text = static_cast<StrId>(r.get());
  in.extra = static_cast<StrId>(r.get());
  return in;
}

EventIndex InstantList::event(std::size_t i) const {
  packed::FieldReader r(records_.fields(i));
  return packed::absolute(r.get(), records_.ref(i), kNoEvent);
}

// Link fields: to_t - from_t, from, to, event (against the page's reference event).
void LinkList::push_back(const Link& link) {
  const std::uint32_t ref = records_.next_ref(link.event);
  packed::FieldWriter w;
  w.put_signed(link.to_t - link.from_t);
  w.put_signed(static_cast<std::int64_t>(link.from) + 1);
  w.put_signed(static_cast<std::int64_t>(link.to) + 1);
  w.put(packed::relative(link.event, ref, kNoEvent));
  if (records_.size() % kPage == 0) page_from_.push_back(link.from_t);
  page_from_.back() = std::min(page_from_.back(), link.from_t);
  longest_ = std::max(longest_, link.to_t - link.from_t);
  records_.push(link.to_t, 0, static_cast<std::uint8_t>(link.kind), w.bytes(), ref);
}

Link LinkList::operator[](std::size_t i) const {
  Link link;
  link.to_t = records_.time(i);
  link.kind = static_cast<LinkKind>(records_.tag(i));
  packed::FieldReader r(records_.fields(i));
  link.from_t = link.to_t - r.get_signed();
  link.from = static_cast<LaneId>(r.get_signed() - 1);
  link.to = static_cast<LaneId>(r.get_signed() - 1);
  link.event = packed::absolute(r.get(), records_.ref(i), kNoEvent);
  return link;
}

}  // namespace loopscope
