// A yes/no question in a modal popup ("Discard your edits?", "Replace the file?"), sized to its
// text and buttons at every UI scale. Esc or Cancel says no; nothing happens without a click on
// the yes button.
#pragma once

#include <string>

namespace loopscope::ui {

class ConfirmPopup {
 public:
  void Ask(std::string title, std::string question, std::string yes_label);
  // Call every frame (inside another popup to stack on it). True on the frame the user says yes.
  bool Draw();
  bool asking() const { return open_ || request_; }

 private:
  std::string title_, question_, yes_;
  bool request_ = false;
  bool open_ = false;
};

}  // namespace loopscope::ui
