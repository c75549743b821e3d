// Variable-length fields for the model's compact storage (core/paged_records.h): a record's
// rarely large fields are written as LEB128 varints behind one presence byte, so that a field
// that is zero (no lane, no label, line 0) costs nothing and a small one costs one byte.
#pragma once

#include <cstdint>
#include <span>

namespace loopscope::packed {

// Signed values as unsigned, small magnitudes small: 0, -1, 1, -2, ... -> 0, 1, 2, 3, ...
inline std::uint64_t zigzag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
inline std::int64_t unzigzag(std::uint64_t u) {
  return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
}

// An index (an event) relative to a page's reference, with 0 for "none" (`none`).
inline std::uint64_t relative(std::uint32_t value, std::uint32_t ref, std::uint32_t none) {
  return value == none ? 0 : zigzag(static_cast<std::int64_t>(value) - ref) + 1;
}
inline std::uint32_t absolute(std::uint64_t field, std::uint32_t ref, std::uint32_t none) {
  return field == 0 ? none : static_cast<std::uint32_t>(ref + unzigzag(field - 1));
}

// At most 8 fields (one presence bit each), at most 10 bytes each.
inline constexpr int kMaxFields = 8;
inline constexpr int kMaxRecordBytes = 1 + kMaxFields * 10;

// Writes fields in a fixed order; a zero field sets no presence bit and takes no bytes.
class FieldWriter {
 public:
  FieldWriter() { buf_[0] = 0; }
  void put(std::uint64_t value) {
    if (value != 0) {
      buf_[0] = static_cast<std::uint8_t>(buf_[0] | (1u << field_));
      while (value >= 0x80) {
        *end_++ = static_cast<std::uint8_t>(value | 0x80);
        value >>= 7;
      }
      *end_++ = static_cast<std::uint8_t>(value);
    }
    ++field_;
  }
  void put_signed(std::int64_t value) { put(zigzag(value)); }
  std::span<const std::uint8_t> bytes() const { return {buf_, end_}; }

 private:
  // Not zeroed: only the presence byte needs a value, the rest is written before it is read.
  std::uint8_t buf_[kMaxRecordBytes];
  std::uint8_t* end_ = buf_ + 1;
  int field_ = 0;
};

// Reads them back in the same order.
class FieldReader {
 public:
  explicit FieldReader(const std::uint8_t* record) : present_(*record), at_(record + 1) {}
  std::uint64_t get() {
    const bool present = (present_ >> field_++) & 1u;
    if (!present) return 0;
    std::uint64_t value = 0;
    for (int shift = 0;; shift += 7) {
      const std::uint8_t byte = *at_++;
      value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (byte < 0x80 || shift >= 63) return value;
    }
  }
  std::int64_t get_signed() { return unzigzag(get()); }

 private:
  std::uint8_t present_;
  const std::uint8_t* at_;
  int field_ = 0;
};

}  // namespace loopscope::packed
