// The learner's edits of lesson programs, kept in their data folder so that an edit survives a
// lesson switch and a restart: $XDG_DATA_HOME/loopscope/edits (else ~/.local/share/loopscope/
// edits). One plain file per program, readable outside the app:
//   edits/<lesson-id>/<program file>                 the lesson's program
//   edits/<lesson-id>/<exercise-id>/<start file>     an exercise's start file
// A program whose text equals the shipped one has no file: "edited" means a file exists.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace loopscope {

struct EditKey {
  std::string lesson;    // lesson id
  std::string exercise;  // exercise id, empty for the lesson's own program
  std::string file;      // the program's file name ("blocking.py")
};

// $XDG_DATA_HOME/loopscope/edits, else $HOME/.local/share/loopscope/edits; empty without either.
std::string default_edits_folder();

class EditsStore {
 public:
  // `folder` empty: edits live in memory only (screenshots and tests that must not touch disk).
  explicit EditsStore(std::string folder = {});

  std::optional<std::string> load(const EditKey& key) const;
  // Keeps `text` as the learner's version of the program; when it equals `original` the edit is
  // dropped instead (the program is no longer edited). False with `error` when it cannot be written.
  bool keep(const EditKey& key, std::string_view text, std::string_view original, std::string* error = nullptr);
  bool erase(const EditKey& key);
  bool lesson_edited(const std::string& lesson) const { return edited_lessons_.count(lesson) != 0; }
  bool exercise_edited(const std::string& lesson, const std::string& exercise) const;
  const std::string& folder() const { return folder_; }

 private:
  std::string path_of(const EditKey& key) const;  // empty when the key cannot name a file safely
  void rescan();
  std::string folder_;
  std::map<std::string, std::string> memory_;  // by path_of(), when there is no folder
  std::set<std::string> edited_lessons_;
  std::set<std::string> edited_exercises_;     // "lesson/exercise"
};

}  // namespace loopscope
