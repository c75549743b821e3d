// A small file chooser (no native dialog library is available): a path field plus the
// current folder's sub-folders and matching files. Used for Open script/trace and Save/Export.
#pragma once

#include <string>
#include <vector>

namespace loopscope::ui {

class OpenFilePopup {
 public:
  // Opens the popup. `extensions` like {".py"}; `save`: the path may name a new file.
  void Open(const std::string& title, const std::string& start_dir, std::vector<std::string> extensions, bool save,
            const std::string& default_name = {});
  // Draws it when open; returns true (with `chosen` set) on the frame the user confirms.
  bool Draw(std::string* chosen);
  bool is_open() const { return open_; }

 private:
  void List();
  std::string title_;
  std::string dir_;
  std::string name_;
  std::vector<std::string> extensions_;
  std::vector<std::string> folders_, files_;
  bool save_ = false;
  bool open_ = false;
  bool request_open_ = false;
};

}  // namespace loopscope::ui
