// The desktop's own file dialog, where one is installed: zenity (GNOME's, also used on other
// desktops) runs as a child process while the app keeps drawing; its answer is polled each frame.
// Without zenity (or with LOOPSCOPE_NATIVE_DIALOGS=0) Start() says no and the caller shows the
// built-in chooser (ui/open_file_popup.h). No ImGui here: tested headless with a stand-in zenity.
#pragma once

#include <future>
#include <memory>
#include <string>
#include <vector>

namespace loopscope {
class ChildProcess;
}

namespace loopscope::ui {

struct NativeDialogRequest {
  std::string title;
  std::string folder;                   // where it opens
  std::string default_name;             // save: the suggested file name
  std::vector<std::string> extensions;  // {".py"}: only those files are offered
  bool save = false;                    // save: a new name may be typed; replacing asks first
};

// zenity on PATH, or "" (also when LOOPSCOPE_NATIVE_DIALOGS=0, or without a display).
std::string find_native_dialog();
// zenity's command line for `request` (without the program itself).
std::vector<std::string> zenity_arguments(const NativeDialogRequest& request);

class NativeFileDialog {
 public:
  enum class State { Idle, Open, Chosen, Cancelled, Failed };
  NativeFileDialog();
  ~NativeFileDialog();  // closes a dialog still open
  NativeFileDialog(const NativeFileDialog&) = delete;
  NativeFileDialog& operator=(const NativeFileDialog&) = delete;

  // False when no native dialog can be shown (use the built-in one).
  bool Start(const NativeDialogRequest& request);
  // Open while the dialog is up; then once Chosen (with `path`), Cancelled or Failed (zenity
  // could not show it: use the built-in one), after which it is Idle again.
  State Poll(std::string* path);
  bool open() const { return pending_.valid(); }

 private:
  struct Answer {
    State state = State::Failed;
    std::string path;
  };
  std::shared_ptr<ChildProcess> child_;
  std::future<Answer> pending_;
};

}  // namespace loopscope::ui
