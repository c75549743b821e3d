#include "core/json_text.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <simdjson.h>

#include <charconv>

namespace loopscope {

namespace {

// JSON string escaping is RapidJSON's (Debian's rapidjson-dev): its writer escapes into a
// reused buffer, which is appended to the export's text.
void append_escaped(std::string& out, std::string_view text) {
  thread_local rapidjson::StringBuffer buffer;
  thread_local rapidjson::Writer<rapidjson::StringBuffer> writer;
  buffer.Clear();
  writer.Reset(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  out.append(buffer.GetString(), buffer.GetSize());
}

// The length of the valid UTF-8 sequence starting at text[i], or 0 if it is not one.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return 0;
  // A sequence longer than needed, a surrogate or beyond U+10FFFF is not valid either: let the
  // validator judge the sequence alone.
  return simdjson::validate_utf8(text.data() + i, n) ? n : 0;
}

// The rare text that is not valid UTF-8: valid sequences kept, each bad byte replaced.
std::string repaired(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t n = utf8_sequence(text, i);
    if (n == 0) {
      out += "\xef\xbf\xbd";  // U+FFFD
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  // Most text is ASCII, and most of that has nothing to escape: it is written as it is (the
  // same text as RapidJSON's writer makes of it, which escapes only control characters, '"'
  // and '\\'). Only text beyond ASCII needs the UTF-8 check.
  bool ascii = true, plain = true;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    ascii &= u < 0x80;
    plain &= u >= 0x20 && u != '"' && u != '\\';
  }
  if (ascii && plain) {
    out += '"';
    out += text;
    out += '"';
  } else if (ascii || simdjson::validate_utf8(text)) {
    append_escaped(out, text);
  } else {
    append_escaped(out, repaired(text));
  }
}

void append_json_int(std::string& out, std::int64_t value) {
  if (value >= 0 && value < 10) {  // lanes, kinds, small counts: most of the export's integers
    out += static_cast<char>('0' + value);
    return;
  }
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
  out.append(buf, end);
}

void append_json_us(std::string& out, std::int64_t ns) {
  // Built in a buffer and appended once: two of these per span are much of the export.
  char buf[32];
  char* p = buf;
  if (ns < 0) {
    *p++ = '-';
    ns = -ns;
  }
  p = std::to_chars(p, buf + 24, ns / 1000).ptr;
  const int frac = static_cast<int>(ns % 1000);
  if (frac != 0) {
    *p++ = '.';
    *p++ = static_cast<char>('0' + frac / 100);
    *p++ = static_cast<char>('0' + frac / 10 % 10);
    *p++ = static_cast<char>('0' + frac % 10);
    while (p[-1] == '0') --p;
  }
  out.append(buf, static_cast<std::size_t>(p - buf));
}

}  // namespace loopscope
