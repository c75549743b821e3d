#include "core/paged_records.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

namespace loopscope {

namespace {
constexpr std::size_t kFirstCap = 4;         // records in a list's first page, at first
constexpr std::size_t kFieldBytesGuess = 6;  // field bytes per record a list's first page makes room for

// Pages grow by half (less slack than doubling), in steps of 4 records.
std::size_t next_cap(std::size_t cap) {
  return std::min(PagedRecords::kPageSize, (cap + cap / 2 + 3) & ~std::size_t{3});
}
}  // namespace

PagedRecords::~PagedRecords() { free_pages(); }

void PagedRecords::free_pages() {
  for (Page* p : pages_) std::free(p);
  pages_.clear();
}

PagedRecords::PagedRecords(const PagedRecords& other) : size_(other.size_), with_second_(other.with_second_) {
  if (other.far_) far_ = std::make_unique<FarValues>(*other.far_);
  pages_.reserve(other.pages_.size());
  for (const Page* p : other.pages_) {
    const std::size_t bytes = other.page_bytes(p);
    auto* copy = static_cast<Page*>(std::malloc(bytes));
    if (!copy) throw std::bad_alloc();
    std::memcpy(copy, p, bytes);
    pages_.push_back(copy);
  }
}

PagedRecords& PagedRecords::operator=(const PagedRecords& other) {
  if (this != &other) *this = PagedRecords(other);
  return *this;
}

PagedRecords::PagedRecords(PagedRecords&& other) noexcept
    : pages_(std::move(other.pages_)), far_(std::move(other.far_)), size_(other.size_),
      with_second_(other.with_second_) {
  other.pages_.clear();
  other.size_ = 0;
}

PagedRecords& PagedRecords::operator=(PagedRecords&& other) noexcept {
  if (this != &other) {
    free_pages();
    pages_ = std::move(other.pages_);
    far_ = std::move(other.far_);
    size_ = other.size_;
    with_second_ = other.with_second_;
    other.pages_.clear();
    other.size_ = 0;
  }
  return *this;
}

const std::uint8_t* PagedRecords::fields(std::size_t i) const {
  const Page* p = pages_[i >> kPageShift];
  const std::size_t j = i & (kPageSize - 1);
  const Layout l = layout(p->cap);
  const auto* base = reinterpret_cast<const std::uint8_t*>(p);
  const auto* lens = base + l.lens;
  const auto* marks = reinterpret_cast<const std::uint16_t*>(base + l.marks);
  std::size_t offset = marks[j >> kMarkShift];
  for (std::size_t k = j & ~((std::size_t{1} << kMarkShift) - 1); k < j; ++k) offset += lens[k];
  return base + l.fields + offset;
}

std::int64_t PagedRecords::far_value(std::size_t i, bool second) const {
  if (!far_) return 0;
  const std::uint64_t key = 2 * static_cast<std::uint64_t>(i) + (second ? 1 : 0);
  const auto it = std::lower_bound(far_->begin(), far_->end(), key,
                                   [](const auto& entry, std::uint64_t k) { return entry.first < k; });
  return it != far_->end() && it->first == key ? it->second : 0;
}

// The 32-bit form of a time offset or a second number of the record being pushed.
std::uint32_t PagedRecords::near_or_far(std::int64_t value, bool second) {
  if (value >= 0 && value < kFar) return static_cast<std::uint32_t>(value);
  if (!far_) far_ = std::make_unique<FarValues>();
  far_->emplace_back(2 * static_cast<std::uint64_t>(size_) + (second ? 1 : 0), value);
  return kFar;
}

PagedRecords::Page* PagedRecords::grown(Page* p, std::size_t cap, std::size_t room) const {
  const Layout from = layout(p->cap), to = layout(cap);
  auto* q = static_cast<Page*>(std::malloc(to.fields + room));
  if (!q) throw std::bad_alloc();
  *q = *p;
  q->cap = static_cast<std::uint16_t>(cap);
  q->room = static_cast<std::uint32_t>(room);
  const auto* src = reinterpret_cast<const std::uint8_t*>(p);
  auto* dst = reinterpret_cast<std::uint8_t*>(q);
  const std::size_t n = p->count;
  std::memcpy(dst + sizeof(Page), src + sizeof(Page), 4 * n);
  if (with_second_) std::memcpy(dst + to.seconds, src + from.seconds, 4 * n);
  std::memcpy(dst + to.tags, src + from.tags, n);
  std::memcpy(dst + to.lens, src + from.lens, n);
  std::memcpy(dst + to.marks, src + from.marks, 2 * ((n + 15) >> kMarkShift));
  std::memcpy(dst + to.fields, src + from.fields, p->used);
  std::free(p);
  return q;
}

void PagedRecords::push(std::int64_t time, std::int64_t second, std::uint8_t tag,
                        std::span<const std::uint8_t> fields, std::uint32_t ref) {
  const std::size_t j = size_ & (kPageSize - 1);
  if (j == 0) {
    // A later page (the list is long) is made whole at once, with room for fields as many as
    // the page before held: it is filled, not grown.
    const Page* before = pages_.empty() ? nullptr : pages_.back();
    const std::size_t cap = before ? kPageSize : kFirstCap;
    const std::size_t room = before ? before->used + before->used / 16 + fields.size() : cap * kFieldBytesGuess;
    auto* p = static_cast<Page*>(std::malloc(layout(cap).fields + room));
    if (!p) throw std::bad_alloc();
    *p = Page{time, ref, 0, static_cast<std::uint16_t>(cap), 0, static_cast<std::uint32_t>(room)};
    pages_.push_back(p);
  }
  Page*& p = pages_.back();
  // Short fields are copied as one 16-byte block (an inline copy, not a call): the page keeps
  // room for that, and the writer's buffer is longer.
  constexpr std::size_t kBlock = 16;
  const std::size_t needed = std::max(fields.size(), kBlock);
  if (p->count == p->cap || p->used + needed > p->room) {
    const std::size_t cap = p->count == p->cap ? next_cap(p->cap) : p->cap;
    // Room for the fields grows with the records: the page's average so far, for the new cap.
    const std::size_t average = p->count ? (p->used + p->count - 1) / p->count : kFieldBytesGuess;
    const std::size_t room = std::max({p->used + needed, std::size_t{p->room}, cap * average + kBlock});
    p = grown(p, cap, room);
  }
  const Layout l = layout(p->cap);
  auto* base = reinterpret_cast<std::uint8_t*>(p);
  reinterpret_cast<std::uint32_t*>(base + sizeof(Page))[j] = near_or_far(time - p->base, false);
  if (with_second_) reinterpret_cast<std::uint32_t*>(base + l.seconds)[j] = near_or_far(second, true);
  base[l.tags + j] = tag;
  base[l.lens + j] = static_cast<std::uint8_t>(fields.size());
  if ((j & ((std::size_t{1} << kMarkShift) - 1)) == 0)
    reinterpret_cast<std::uint16_t*>(base + l.marks)[j >> kMarkShift] = static_cast<std::uint16_t>(p->used);
  if (fields.size() <= kBlock) std::memcpy(base + l.fields + p->used, fields.data(), kBlock);
  else std::memcpy(base + l.fields + p->used, fields.data(), fields.size());
  p->used += static_cast<std::uint32_t>(fields.size());
  ++p->count;
  ++size_;
}

std::size_t PagedRecords::bytes() const {
  std::size_t total = pages_.capacity() * sizeof(Page*);
  if (far_) total += sizeof(FarValues) + far_->capacity() * sizeof((*far_)[0]);
  for (const Page* p : pages_) total += page_bytes(p);
  return total;
}

}  // namespace loopscope
