#include "core/string_pool.h"

#include <cstring>

namespace loopscope {

namespace {

constexpr std::size_t kBlockBytes = 64 * 1024;

// A fast hash for short strings (labels, printed lines), eight bytes at a time.
std::uint64_t hash_of(std::string_view text) {
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ text.size();
  const char* p = text.data();
  std::size_t n = text.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  std::uint64_t w = 0;
  std::memcpy(&w, p, n);
  h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 29);
}

}  // namespace

StringPool::StringPool(const StringPool& other) : StringPool() {
  for (std::size_t id = 1; id < other.size(); ++id) intern(other.view(static_cast<StrId>(id)));
}

StringPool& StringPool::operator=(const StringPool& other) {
  if (this != &other) *this = StringPool(other);
  return *this;
}

const char* StringPool::store(std::string_view text) {
  if (text.empty()) return "";
  if (blocks_.empty() || block_used_ + text.size() > block_sizes_.back()) {
    // A long string (a traceback) gets a block of its own size.
    const std::size_t size = std::max(kBlockBytes, text.size());
    blocks_.push_back(std::make_unique<char[]>(size));
    block_sizes_.push_back(size);
    block_used_ = 0;
  }
  char* at = blocks_.back().get() + block_used_;
  std::memcpy(at, text.data(), text.size());
  block_used_ += text.size();
  return at;
}

void StringPool::grow_index() {
  std::vector<std::uint32_t> bigger(index_.empty() ? 64 : index_.size() * 2, 0);
  const std::size_t mask = bigger.size() - 1;
  for (std::uint32_t slot : index_) {
    if (slot == 0) continue;
    std::size_t at = hash_of(view(slot - 1)) & mask;
    while (bigger[at] != 0) at = (at + 1) & mask;
    bigger[at] = slot;
  }
  index_.swap(bigger);
}

StrId StringPool::intern(std::string_view text) {
  if ((starts_.size() + 1) * 4 > index_.size() * 3) grow_index();  // at most 3/4 full
  const std::size_t mask = index_.size() - 1;
  std::size_t at = hash_of(text) & mask;
  for (; index_[at] != 0; at = (at + 1) & mask)
    if (view(index_[at] - 1) == text) return index_[at] - 1;
  const auto id = static_cast<StrId>(starts_.size());
  starts_.push_back(store(text));
  lengths_.push_back(static_cast<std::uint32_t>(text.size()));
  index_[at] = id + 1;
  return id;
}

std::size_t StringPool::bytes() const {
  std::size_t total = blocks_.capacity() * sizeof(blocks_[0]) + block_sizes_.capacity() * sizeof(std::size_t) +
                      starts_.capacity() * sizeof(const char*) + lengths_.capacity() * sizeof(std::uint32_t) +
                      index_.capacity() * sizeof(std::uint32_t);
  for (std::size_t size : block_sizes_) total += size;
  return total;
}

}  // namespace loopscope
