// A lane's spans, packed: about 16 bytes a span instead of the 48 of a Span. Start, end and
// kind are read directly (the timeline's level of detail bisects on them); operator[] decodes
// the whole span.
//
// Only the last span of a lane ever changes while a trace is built (it is the only one that
// can be open), so it is kept as a plain Span that the builder edits in place (last()); it is
// packed when the next one is pushed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/paged_records.h"
#include "core/record_iterator.h"
#include "core/trace_records.h"

namespace loopscope {

class SpanList;

// A contiguous part of a SpanList.
class SpanSlice : public RecordRange<SpanSlice, Span> {
 public:
  SpanSlice(const SpanList& list, std::size_t first, std::size_t last) : list_(&list), first_(first), last_(last) {}
  std::size_t size() const { return last_ - first_; }
  Span operator[](std::size_t i) const;
  std::size_t first() const { return first_; }

 private:
  const SpanList* list_;
  std::size_t first_, last_;
};

class SpanList : public RecordRange<SpanList, Span> {
 public:
  std::size_t size() const { return packed_.size() + (has_last_ ? 1 : 0); }
  Span operator[](std::size_t i) const { return i < packed_.size() ? unpack(i) : last_; }
  Nanos start_of(std::size_t i) const { return i < packed_.size() ? packed_.time(i) : last_.start; }
  Nanos end_of(std::size_t i) const { return i < packed_.size() ? packed_end(i) : last_.end; }
  // Start and end at once (the level of detail's inner loop).
  std::pair<Nanos, Nanos> bounds_of(std::size_t i) const {
    return i < packed_.size() ? packed_.time_and_end(i) : std::pair<Nanos, Nanos>{last_.start, last_.end};
  }
  SpanKind kind_of(std::size_t i) const {
    return i < packed_.size() ? static_cast<SpanKind>(packed_.tag(i) & 0x0f) : last_.kind;
  }
  SpanSlice slice(std::size_t first, std::size_t last) const { return {*this, first, last}; }

  // Pages of spans, for the level of detail to pass over a run of spans all narrower than it
  // merges, a page at a time: span i is in page i / kPage. A page is smooth at `min_ns` when
  // each of its spans, and each gap before one (from the span before it, also across pages),
  // is shorter than that. Only packed spans count (the last span is in no page).
  static constexpr std::size_t kPage = PagedRecords::kPageSize;
  std::size_t packed_size() const { return packed_.size(); }
  bool page_smooth(std::size_t page, Nanos min_ns) const {
    return page < page_widest_.size() && page_widest_[page] < min_ns && page_gap_[page] < min_ns;
  }

  // Appends a span, packing the one before; returns the new last span, which the caller may
  // change until the next push.
  Span& push_back(const Span& span);
  // The last span, changeable (nullptr when there is none).
  Span* last() { return has_last_ ? &last_ : nullptr; }
  std::size_t bytes() const;

 private:
  Span unpack(std::size_t i) const;
  Nanos packed_end(std::size_t i) const {
    const Nanos length = packed_.second(i);
    return length == kOpenEnd ? kOpenEnd : packed_.time(i) + length;
  }

  PagedRecords packed_{true};  // time = start, second = end - start, tag = kind | flags << 4
  std::vector<Nanos> page_widest_, page_gap_;  // per page: the widest span, the widest gap
  Nanos packed_end_ = 0;                       // end of the last packed span
  Span last_;
  bool has_last_ = false;
};

inline Span SpanSlice::operator[](std::size_t i) const { return (*list_)[first_ + i]; }

}  // namespace loopscope
