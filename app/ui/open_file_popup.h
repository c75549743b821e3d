// The file chooser for Open script/trace and Save/Export: the desktop's own dialog where one is
// installed and allowed (ui/native_file_dialog.h), else a built-in one: a path field plus the
// current folder's sub-folders and matching files. It remembers the last folder per kind of file (scripts, traces, exports; the App keeps them
// in the settings), asks before replacing an existing file, and sizes itself so that its
// buttons fit at every UI scale.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ui/confirm_popup.h"
#include "ui/native_file_dialog.h"

namespace loopscope::ui {

// The folder a chooser of `kind` starts in: the remembered one while it exists, else `fallback`.
std::string start_folder(const std::map<std::string, std::string>& remembered, const std::string& kind,
                         const std::string& fallback);

class OpenFilePopup {
 public:
  // Opens the popup. `kind` ("scripts", "traces", "exports") picks the remembered folder;
  // `extensions` like {".py"}; `save`: the path may name a new file.
  void Open(const std::string& title, const std::string& kind, const std::string& fallback_dir,
            std::vector<std::string> extensions, bool save, const std::string& default_name = {});
  // Draws it when open; returns true (with `chosen` set) on the frame the user confirms.
  bool Draw(std::string* chosen);
  bool is_open() const { return open_; }
  // The last folder of each kind, as the settings keep them.
  const std::map<std::string, std::string>& folders() const { return folders_by_kind_; }
  void set_folders(std::map<std::string, std::string> folders) { folders_by_kind_ = std::move(folders); }
  // The desktop's dialog first (off for screenshots and tests: they must never wait on one).
  void set_native_allowed(bool allowed) { native_allowed_ = allowed; }

 private:
  void List();
  bool Confirm(const std::string& path);  // closes the popup on the chosen path
  std::string title_;
  std::string kind_;
  std::string dir_;
  std::string name_;
  std::vector<std::string> extensions_;
  std::vector<std::string> folders_, files_;
  std::map<std::string, std::string> folders_by_kind_;
  ConfirmPopup replace_;
  std::string replace_path_;  // waiting for "Replace?"
  NativeFileDialog native_;
  bool native_allowed_ = false;
  bool save_ = false;
  bool open_ = false;
  bool request_open_ = false;
};

}  // namespace loopscope::ui
