// A lane's instants (prints, yields, marks), packed: about 15 bytes each instead of 32. The
// time is read directly (the timeline clusters on it); operator[] decodes the whole instant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

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
  InstantKind kind(std::size_t i) const { return static_cast<InstantKind>(records_.tag(i)); }
  // The kinds among instants [first, first + count), as bits (1 << kind): a cluster of a
  // million markers is summed up a page of 256 at a time.
  std::uint32_t kinds_in(std::size_t first, std::size_t count) const;
  void push_back(const Instant& instant);
  std::size_t bytes() const {
    return records_.bytes() + (page_kinds_.capacity() + group_kinds_.capacity()) * sizeof(std::uint32_t);
  }

 private:
  static constexpr std::size_t kPage = PagedRecords::kPageSize, kGroup = 16;
  PagedRecords records_;                    // time = t, tag = kind
  std::vector<std::uint32_t> page_kinds_;   // per page of kPage instants: the kinds in it
  std::vector<std::uint32_t> group_kinds_;  // per group of kGroup instants
};

}  // namespace loopscope
