#include "core/edits_store.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "core/file_text.h"

namespace loopscope {
namespace fs = std::filesystem;
namespace {

constexpr const char* kMemoryRoot = "memory:";

// One path component from an id or a file name: never empty, "." or "..", no separators.
bool safe_component(const std::string& s) {
  return !s.empty() && s != "." && s != ".." && s.find('/') == std::string::npos && s.find('\0') == std::string::npos;
}

bool write_file_atomically(const fs::path& path, std::string_view text, std::string* error) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) {
      if (error) *error = "cannot write " + tmp.string();
      return false;
    }
  }
  fs::rename(tmp, path, ec);  // a crash never leaves half an edit
  if (ec) {
    if (error) *error = "cannot write " + path.string() + ": " + ec.message();
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

}  // namespace

std::string default_edits_folder() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/loopscope/edits";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.local/share/loopscope/edits";
  return {};
}

EditsStore::EditsStore(std::string folder) : folder_(std::move(folder)) { rescan(); }

std::string EditsStore::path_of(const EditKey& key) const {
  if (!safe_component(key.lesson) || !safe_component(key.file)) return {};
  if (!key.exercise.empty() && !safe_component(key.exercise)) return {};
  fs::path p = fs::path(folder_.empty() ? kMemoryRoot : folder_) / key.lesson;
  if (!key.exercise.empty()) p /= key.exercise;
  return (p / key.file).string();
}

// Which lessons and exercises have edits (on disk, or in memory): read once, then again after
// each erase (keep only adds).
void EditsStore::rescan() {
  edited_lessons_.clear();
  edited_exercises_.clear();
  auto note = [this](const fs::path& rel) {  // <lesson>/<file> or <lesson>/<exercise>/<file>
    if (rel.empty()) return;
    const std::string lesson = rel.begin()->string();
    edited_lessons_.insert(lesson);
    if (std::distance(rel.begin(), rel.end()) == 3) edited_exercises_.insert(lesson + "/" + std::next(rel.begin())->string());
  };
  if (folder_.empty()) {
    for (const auto& entry : memory_) note(fs::path(entry.first).lexically_relative(kMemoryRoot));
    return;
  }
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder_, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    std::error_code file_ec;
    if (!it->is_regular_file(file_ec) || it->path().extension() == ".tmp") continue;
    note(it->path().lexically_relative(folder_));
  }
}

bool EditsStore::exercise_edited(const std::string& lesson, const std::string& exercise) const {
  return edited_exercises_.count(lesson + "/" + exercise) != 0;
}

std::optional<std::string> EditsStore::load(const EditKey& key) const {
  const std::string path = path_of(key);
  if (path.empty()) return std::nullopt;
  if (folder_.empty()) {
    auto it = memory_.find(path);
    if (it == memory_.end()) return std::nullopt;
    return it->second;
  }
  std::string text;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec) || !read_text_file(path, text)) return std::nullopt;
  return text;
}

bool EditsStore::keep(const EditKey& key, std::string_view text, std::string_view original, std::string* error) {
  if (text == original) return erase(key);
  const std::string path = path_of(key);
  if (path.empty()) {
    if (error) *error = "cannot keep the edit: the lesson or file name is not usable as a file name";
    return false;
  }
  if (folder_.empty()) {
    memory_[path] = std::string(text);
  } else if (!write_file_atomically(path, text, error)) {
    return false;
  }
  edited_lessons_.insert(key.lesson);
  if (!key.exercise.empty()) edited_exercises_.insert(key.lesson + "/" + key.exercise);
  return true;
}

bool EditsStore::erase(const EditKey& key) {
  const std::string path = path_of(key);
  if (path.empty()) return false;
  bool removed = false;
  if (folder_.empty()) {
    removed = memory_.erase(path) != 0;
    rescan();
    return removed;
  }
  std::error_code ec;
  removed = fs::remove(path, ec);
  // Empty folders go too, so that "edited" stays "a file exists".
  for (fs::path dir = fs::path(path).parent_path(); dir != fs::path(folder_) && fs::is_empty(dir, ec); dir = dir.parent_path())
    fs::remove(dir, ec);
  rescan();
  return removed;
}

}  // namespace loopscope
