// A random-access iterator over one of the model's compact lists (events, spans, instants,
// links). The lists store records packed, so dereferencing decodes a value: `*it` is a copy,
// and `const Span& s = *it` or `for (const Span& s : lane.spans)` bind to that copy.
#pragma once

#include <compare>
#include <cstddef>
#include <iterator>

namespace loopscope {

template <class List, class Value>
class RecordIterator {
 public:
  using iterator_category = std::random_access_iterator_tag;
  using value_type = Value;
  using difference_type = std::ptrdiff_t;
  using reference = Value;
  struct Arrow {
    Value value;
    const Value* operator->() const { return &value; }
  };
  using pointer = Arrow;

  RecordIterator() = default;
  RecordIterator(const List* list, std::size_t index) : list_(list), index_(index) {}

  Value operator*() const { return (*list_)[index_]; }
  Arrow operator->() const { return {**this}; }
  Value operator[](difference_type n) const { return (*list_)[index_ + static_cast<std::size_t>(n)]; }
  std::size_t index() const { return index_; }

  RecordIterator& operator++() { ++index_; return *this; }
  RecordIterator operator++(int) { auto old = *this; ++index_; return old; }
  RecordIterator& operator--() { --index_; return *this; }
  RecordIterator operator--(int) { auto old = *this; --index_; return old; }
  RecordIterator& operator+=(difference_type n) { index_ += static_cast<std::size_t>(n); return *this; }
  RecordIterator& operator-=(difference_type n) { index_ -= static_cast<std::size_t>(n); return *this; }
  friend RecordIterator operator+(RecordIterator it, difference_type n) { return it += n; }
  friend RecordIterator operator+(difference_type n, RecordIterator it) { return it += n; }
  friend RecordIterator operator-(RecordIterator it, difference_type n) { return it -= n; }
  friend difference_type operator-(const RecordIterator& a, const RecordIterator& b) {
    return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
  }
  friend bool operator==(const RecordIterator& a, const RecordIterator& b) { return a.index_ == b.index_; }
  friend auto operator<=>(const RecordIterator& a, const RecordIterator& b) { return a.index_ <=> b.index_; }

 private:
  const List* list_ = nullptr;
  std::size_t index_ = 0;
};

// begin/end/front/back/rbegin for a list with size() and operator[] (mixed in by CRTP).
template <class List, class Value>
class RecordRange {
 public:
  using const_iterator = RecordIterator<List, Value>;
  using iterator = const_iterator;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  const_iterator begin() const { return {self(), 0}; }
  const_iterator end() const { return {self(), self()->size()}; }
  const_reverse_iterator rbegin() const { return const_reverse_iterator(end()); }
  const_reverse_iterator rend() const { return const_reverse_iterator(begin()); }
  Value front() const { return (*self())[0]; }
  Value back() const { return (*self())[self()->size() - 1]; }
  bool empty() const { return self()->size() == 0; }

 private:
  const List* self() const { return static_cast<const List*>(this); }
};

}  // namespace loopscope
