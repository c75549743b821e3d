// The storage under the model's lists (events, spans, instants, links): append-only records
// kept small, with O(1) access to any record by index.
//
// Each record has a time, optionally a second number (a span's length), a tag byte (its kind)
// and a few variable-length fields (core/packed_fields.h). Records sit in pages of 256, one
// allocation per page that grows as it fills (so a lane with three spans holds a few dozen
// bytes, not a 256-record page). Within a page the columns lie side by side (structure of
// arrays): the times, searched by every bisection, are a dense array of 32-bit offsets from the
// page's first time, the second numbers are 32-bit too; a value that does not fit (a page
// spanning more than 4.29 s, a span longer than that) is kept exactly in a side table. The
// fields of record i are found from a mark every 16 records plus the lengths before it.
// Each page also keeps one reference number given by its first record (an event index) that the
// lists encode their event indexes against, so those are a byte or two.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace loopscope {

class PagedRecords {
 public:
  static constexpr unsigned kPageShift = 8;
  static constexpr std::size_t kPageSize = std::size_t{1} << kPageShift;

  explicit PagedRecords(bool with_second = false) : with_second_(with_second) {}
  ~PagedRecords();
  PagedRecords(const PagedRecords& other);
  PagedRecords& operator=(const PagedRecords& other);
  PagedRecords(PagedRecords&& other) noexcept;
  PagedRecords& operator=(PagedRecords&& other) noexcept;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  std::int64_t time(std::size_t i) const {
    const Page* p = pages_[i >> kPageShift];
    const std::uint32_t d = times(p)[i & (kPageSize - 1)];
    return p->base + (d != kFar ? d : far_value(i, false));
  }
  std::int64_t second(std::size_t i) const {
    const std::uint32_t v = seconds(pages_[i >> kPageShift])[i & (kPageSize - 1)];
    return v != kFar ? v : far_value(i, true);
  }
  std::uint8_t tag(std::size_t i) const { return tags(pages_[i >> kPageShift])[i & (kPageSize - 1)]; }
  // time(i) and time(i) + second(i) with one page lookup (a span's start and end).
  std::pair<std::int64_t, std::int64_t> time_and_end(std::size_t i) const {
    const Page* p = pages_[i >> kPageShift];
    const std::size_t j = i & (kPageSize - 1);
    const std::uint32_t d = times(p)[j], v = seconds(p)[j];
    const std::int64_t time = p->base + (d != kFar ? d : far_value(i, false));
    if (v != kFar) return {time, time + v};
    const std::int64_t second = far_value(i, true);
    return {time, second == kOpenEnd64 ? kOpenEnd64 : time + second};
  }
  // The tags of the page holding record i, from record i on: `count` of them (to the page's end).
  const std::uint8_t* tags_from(std::size_t i, std::size_t& count) const {
    const Page* p = pages_[i >> kPageShift];
    const std::size_t j = i & (kPageSize - 1);
    count = p->count - j;
    return tags(p) + j;
  }
  // The variable-length fields of record i (read them with packed::FieldReader).
  const std::uint8_t* fields(std::size_t i) const;
  // The reference number of record i's page.
  std::uint32_t ref(std::size_t i) const { return pages_[i >> kPageShift]->ref; }
  // The reference the next push will be encoded against: its page's, or `candidate` when it
  // starts a new page.
  std::uint32_t next_ref(std::uint32_t candidate) const {
    return (size_ & (kPageSize - 1)) == 0 ? candidate : pages_.back()->ref;
  }

  // Appends a record (fields at most 255 bytes, readable 16 bytes from their start: the
  // FieldWriter's buffer). `ref`: see next_ref.
  void push(std::int64_t time, std::int64_t second, std::uint8_t tag, std::span<const std::uint8_t> fields,
            std::uint32_t ref);

  // Bytes held (pages, page table, side table), for the memory figures.
  std::size_t bytes() const;

 private:
  static constexpr std::uint32_t kFar = 0xffffffffu;  // the value is in far_
  static constexpr std::int64_t kOpenEnd64 = std::numeric_limits<std::int64_t>::max();  // "open" (kOpenEnd)
  static constexpr unsigned kMarkShift = 4;            // a fields offset mark every 16 records

  struct Page {
    std::int64_t base;     // time of the page's first record
    std::uint32_t ref;     // reference number given by the first record
    std::uint16_t count;   // records held
    std::uint16_t cap;     // records there is room for (4 .. 256)
    std::uint32_t used;    // field bytes used
    std::uint32_t room;    // field bytes there is room for
  };

  // Column offsets inside a page of `cap` records.
  struct Layout {
    std::size_t seconds, tags, lens, marks, fields;
  };
  Layout layout(std::size_t cap) const {
    Layout l{};
    l.seconds = sizeof(Page) + 4 * cap;
    l.tags = l.seconds + (with_second_ ? 4 * cap : 0);
    l.lens = l.tags + cap;
    l.marks = l.lens + cap;  // even: cap is a multiple of 4
    l.fields = l.marks + 2 * ((cap + 15) >> kMarkShift);
    return l;
  }
  std::size_t page_bytes(const Page* p) const { return layout(p->cap).fields + p->room; }

  static const std::uint32_t* times(const Page* p) { return reinterpret_cast<const std::uint32_t*>(p + 1); }
  static const std::uint32_t* seconds(const Page* p) {
    return reinterpret_cast<const std::uint32_t*>(reinterpret_cast<const char*>(p) + sizeof(Page) + 4 * p->cap);
  }
  const std::uint8_t* tags(const Page* p) const {
    return reinterpret_cast<const std::uint8_t*>(p) + layout(p->cap).tags;
  }
  std::int64_t far_value(std::size_t i, bool second) const;
  std::uint32_t near_or_far(std::int64_t value, bool second);
  Page* grown(Page* p, std::size_t cap, std::size_t room) const;  // a copy with more room; frees p
  void free_pages();

  // Values that do not fit 32 bits: (index * 2 + 1 for a second number, value), by index.
  using FarValues = std::vector<std::pair<std::uint64_t, std::int64_t>>;

  std::vector<Page*> pages_;
  std::unique_ptr<FarValues> far_;  // only when needed
  std::uint32_t size_ = 0;
  bool with_second_ = false;
};

}  // namespace loopscope
