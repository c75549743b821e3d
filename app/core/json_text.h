// Writing JSON text straight into a string, without building a document: the export writes
// millions of small objects, and a DOM per object cost most of its time. Keys are the
// caller's own literals (written as they are); string values are escaped by RapidJSON's
// writer, and bytes that are not valid UTF-8 become U+FFFD, so the text is always valid JSON.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace loopscope {

void append_json_string(std::string& out, std::string_view text);
void append_json_int(std::string& out, std::int64_t value);
// Nanoseconds as exact decimal microseconds, without trailing zeros: 1234567 -> 1234.567,
// 1500 -> 1.5, 2000 -> 2 (so that ts + dur of one span is exactly the next span's ts).
void append_json_us(std::string& out, std::int64_t ns);

// One JSON object being appended to a string: fields in call order, commas between them.
class JsonObjectText {
 public:
  explicit JsonObjectText(std::string& out) : out_(out) { out_ += '{'; }
  // An object whose '{' and first fields the caller has already written.
  struct Continued {};
  static constexpr Continued kContinue{};
  JsonObjectText(std::string& out, Continued) : out_(out), fields_(1) {}

  JsonObjectText& text(std::string_view key, std::string_view value) {
    append_json_string(key_of(key), value);
    return *this;
  }
  JsonObjectText& num(std::string_view key, std::int64_t value) {
    append_json_int(key_of(key), value);
    return *this;
  }
  JsonObjectText& us(std::string_view key, std::int64_t ns) {
    append_json_us(key_of(key), ns);
    return *this;
  }
  JsonObjectText& flag(std::string_view key, bool value) {
    key_of(key) += value ? "true" : "false";
    return *this;
  }
  // A value that is already JSON text (a string quoted and escaped once, kept for reuse).
  JsonObjectText& json(std::string_view key, std::string_view json_text) {
    key_of(key) += json_text;
    return *this;
  }
  // A value that is already JSON text (a nested object written by the caller).
  std::string& nested(std::string_view key) { return key_of(key); }

  bool empty() const { return fields_ == 0; }
  void close() { out_ += '}'; }

 private:
  // `,"key":` (no comma before the first field), appended at once: keys are short literals,
  // and four appends per field were a tenth of the export's time.
  std::string& key_of(std::string_view key) {
    char piece[64];
    if (key.size() > sizeof piece - 4) {
      if (fields_++ > 0) out_ += ',';
      out_ += '"';
      out_ += key;
      out_.append("\":", 2);
      return out_;
    }
    std::size_t n = 0;
    if (fields_++ > 0) piece[n++] = ',';
    piece[n++] = '"';
    std::memcpy(piece + n, key.data(), key.size());
    n += key.size();
    piece[n++] = '"';
    piece[n++] = ':';
    out_.append(piece, n);
    return out_;
  }

  std::string& out_;
  int fields_ = 0;
};

}  // namespace loopscope
