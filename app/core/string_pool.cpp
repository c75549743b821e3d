#include "core/string_pool.h"

namespace loopscope {

StringPool::StringPool(const StringPool& other) : strings_(other.strings_) {
  ids_.reserve(strings_.size());
  for (std::size_t i = 0; i < strings_.size(); ++i) ids_.emplace(std::string_view(strings_[i]), static_cast<StrId>(i));
}

StringPool& StringPool::operator=(const StringPool& other) {
  if (this != &other) *this = StringPool(other);
  return *this;
}

StrId StringPool::intern(std::string_view text) {
  if (auto found = ids_.find(text); found != ids_.end()) return found->second;
  const auto id = static_cast<StrId>(strings_.size());
  const std::string& stored = strings_.emplace_back(text);
  ids_.emplace(std::string_view(stored), id);
  return id;
}

}  // namespace loopscope
