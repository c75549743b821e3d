#include "core/span_list.h"

#include <algorithm>

#include "core/packed_fields.h"

namespace loopscope {

// The tag byte holds the kind in its low half and the flags in its high half.
static_assert(static_cast<unsigned>(SpanKind::GenPulling) < 16);
static_assert((kSpanStalled | kSpanFailed | kSpanCancelled | kSpanStarved) < 16);

// Fields: begin_event, end_event (against the page's reference event), line, label, target.
Span& SpanList::push_back(const Span& span) {
  if (has_last_) {
    const Span& s = last_;
    const std::uint32_t ref = packed_.next_ref(s.begin_event != kNoEvent ? s.begin_event : s.end_event);
    packed::FieldWriter w;
    w.put(packed::relative(s.begin_event, ref, kNoEvent));
    w.put(packed::relative(s.end_event, ref, kNoEvent));
    w.put_signed(s.line);
    w.put(s.label);
    w.put_signed(static_cast<std::int64_t>(s.target) + 1);
    // A packed span is closed: only the last one can be open (end - start cannot overflow).
    const Nanos length = s.end == kOpenEnd ? kOpenEnd : s.end - s.start;
    const auto tag = static_cast<std::uint8_t>(static_cast<unsigned>(s.kind) | (static_cast<unsigned>(s.flags) << 4));
    const std::size_t page = packed_.size() / kPage;
    if (page == page_widest_.size()) {
      page_widest_.push_back(0);
      page_gap_.push_back(0);
    }
    const Nanos gap = packed_.empty() ? 0 : s.start - packed_end_;
    page_widest_[page] = std::max(page_widest_[page], s.end == kOpenEnd ? kOpenEnd : length);
    page_gap_[page] = std::max(page_gap_[page], gap);
    packed_end_ = s.end;
    packed_.push(s.start, length, tag, w.bytes(), ref);
  }
  last_ = span;
  has_last_ = true;
  return last_;
}

Span SpanList::unpack(std::size_t i) const {
  Span s;
  s.start = packed_.time(i);
  s.end = packed_end(i);
  const std::uint8_t tag = packed_.tag(i);
  s.kind = static_cast<SpanKind>(tag & 0x0f);
  s.flags = static_cast<std::uint8_t>(tag >> 4);
  const std::uint32_t ref = packed_.ref(i);
  packed::FieldReader r(packed_.fields(i));
  s.begin_event = packed::absolute(r.get(), ref, kNoEvent);
  s.end_event = packed::absolute(r.get(), ref, kNoEvent);
  s.line = static_cast<std::int32_t>(r.get_signed());
  s.label = static_cast<StrId>(r.get());
  s.target = static_cast<LaneId>(r.get_signed() - 1);
  return s;
}

std::size_t SpanList::bytes() const {
  return packed_.bytes() + (page_widest_.capacity() + page_gap_.capacity()) * sizeof(Nanos);
}

}  // namespace loopscope
