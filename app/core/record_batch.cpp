#include "core/record_batch.h"

#include "core/event_parse.h"

namespace loopscope {

void RecordBatch::add_line(std::string_view line) {
  if (line.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
  simdjson::dom::object object;
  std::string error;
  const auto first = static_cast<std::uint32_t>(fields_.size());
  const bool ok = parse_json_object(line, object, &error) &&
                  visit_record_fields(
                      object,
                      [&](int index, std::int64_t value) { fields_.push_back({index, kNumber, value}); },
                      [&](int index, std::string_view text) {
                        fields_.push_back({index, static_cast<std::uint32_t>(text.size()),
                                           static_cast<std::int64_t>(chars_.size())});
                        chars_.append(text);
                      },
                      &error);
  if (ok) {
    entries_.push_back({first, static_cast<std::uint32_t>(fields_.size() - first), 0, false});
    return;
  }
  fields_.resize(first);
  const std::string text = "skipped a malformed line (" + error + "): " + std::string(line.substr(0, 60));
  entries_.push_back({first, static_cast<std::uint32_t>(text.size()), chars_.size(), true});
  chars_.append(text);
}

void RecordBatch::clear() {
  fields_.clear();
  entries_.clear();
  chars_.clear();
}

std::size_t RecordBatch::bytes() const {
  return fields_.capacity() * sizeof(Field) + entries_.capacity() * sizeof(Entry) + chars_.capacity();
}

}  // namespace loopscope
