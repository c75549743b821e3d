#include "ui/open_file_popup.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "platform/fonts.h"

namespace loopscope::ui {
namespace fs = std::filesystem;

void OpenFilePopup::Open(const std::string& title, const std::string& start_dir, std::vector<std::string> extensions,
                         bool save, const std::string& default_name) {
  title_ = title;
  std::error_code ec;
  dir_ = start_dir.empty() ? fs::current_path(ec).string() : start_dir;
  name_ = default_name;
  extensions_ = std::move(extensions);
  save_ = save;
  request_open_ = true;
  List();
}

// One folder listing when it changes (not every frame): cheap and bounded.
void OpenFilePopup::List() {
  folders_.clear();
  files_.clear();
  std::error_code ec;
  fs::directory_iterator it(dir_, fs::directory_options::skip_permission_denied, ec);
  std::size_t seen = 0;
  for (; !ec && it != fs::directory_iterator() && seen < 2000; it.increment(ec), ++seen) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code ec2;
    if (it->is_directory(ec2)) {
      folders_.push_back(name);
    } else {
      const std::string ext = it->path().extension().string();
      if (extensions_.empty() || std::find(extensions_.begin(), extensions_.end(), ext) != extensions_.end()) files_.push_back(name);
    }
  }
  std::sort(folders_.begin(), folders_.end());
  std::sort(files_.begin(), files_.end());
}

bool OpenFilePopup::Draw(std::string* chosen) {
  if (request_open_) {
    ImGui::OpenPopup(title_.c_str());
    request_open_ = false;
    open_ = true;
  }
  bool done = false;
  const ImVec2 size(ImGui::GetMainViewport()->Size.x * 0.5f, ImGui::GetMainViewport()->Size.y * 0.6f);
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal(title_.c_str(), &open_)) {
    ImGui::PushFont(platform::fonts().mono);
    ImGui::TextUnformatted(dir_.c_str());
    ImGui::PopFont();
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.2f;
    ImGui::BeginChild("##files", ImVec2(0, -footer), true);
    if (ImGui::Selectable("..", false, ImGuiSelectableFlags_DontClosePopups)) {
      dir_ = fs::path(dir_).parent_path().string();
      List();
    }
    for (const std::string& folder : folders_) {
      if (ImGui::Selectable((folder + "/").c_str(), false, ImGuiSelectableFlags_DontClosePopups)) {
        dir_ = (fs::path(dir_) / folder).string();
        List();
        break;
      }
    }
    for (const std::string& file : files_) {
      if (ImGui::Selectable(file.c_str(), file == name_, ImGuiSelectableFlags_DontClosePopups | ImGuiSelectableFlags_AllowDoubleClick)) {
        name_ = file;
        if (ImGui::IsMouseDoubleClicked(0)) done = true;
      }
    }
    ImGui::EndChild();
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize(save_ ? "Save" : "Open").x * 3.0f);
    if (ImGui::InputText("##name", &name_, ImGuiInputTextFlags_EnterReturnsTrue)) done = true;
    ImGui::SameLine();
    if (ImGui::Button(save_ ? "Save" : "Open")) done = true;
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
      open_ = false;
      ImGui::CloseCurrentPopup();
    }
    if (done && !name_.empty()) {
      const fs::path p(name_);
      *chosen = p.is_absolute() ? p.string() : (fs::path(dir_) / p).string();
      std::error_code ec;
      if (!save_ && fs::is_directory(*chosen, ec)) {
        dir_ = *chosen;
        name_.clear();
        List();
        done = false;
      } else {
        open_ = false;
        ImGui::CloseCurrentPopup();
      }
    } else {
      done = false;
    }
    ImGui::EndPopup();
  }
  return done;
}

}  // namespace loopscope::ui
