#include "ui/open_file_popup.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "platform/fonts.h"

namespace loopscope::ui {
namespace fs = std::filesystem;

std::string start_folder(const std::map<std::string, std::string>& remembered, const std::string& kind,
                         const std::string& fallback) {
  std::error_code ec;
  auto it = remembered.find(kind);
  if (it != remembered.end() && !it->second.empty() && fs::is_directory(it->second, ec)) return it->second;
  if (!fallback.empty()) return fallback;
  return fs::current_path(ec).string();
}

void OpenFilePopup::Open(const std::string& title, const std::string& kind, const std::string& fallback_dir,
                         std::vector<std::string> extensions, bool save, const std::string& default_name) {
  title_ = title;
  kind_ = kind;
  dir_ = start_folder(folders_by_kind_, kind, fallback_dir);
  name_ = default_name;
  extensions_ = std::move(extensions);
  save_ = save;
  request_open_ = true;
  replace_path_.clear();
  if (native_allowed_ && native_.Start({title, dir_, default_name, extensions_, save})) {
    request_open_ = false;  // the built-in one only if the desktop's cannot show
    return;
  }
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

bool OpenFilePopup::Confirm(const std::string& path) {
  folders_by_kind_[kind_] = fs::path(path).parent_path().string();
  open_ = false;
  ImGui::CloseCurrentPopup();
  return true;
}

bool OpenFilePopup::Draw(std::string* chosen) {
  std::string native_path;
  switch (native_.Poll(&native_path)) {
    case NativeFileDialog::State::Chosen:
      folders_by_kind_[kind_] = fs::path(native_path).parent_path().string();
      *chosen = native_path;
      return true;
    case NativeFileDialog::State::Failed:
      List();
      request_open_ = true;
      break;
    default: break;
  }
  if (request_open_) {
    ImGui::OpenPopup(title_.c_str());
    request_open_ = false;
    open_ = true;
  }
  bool done = false;
  const ImGuiStyle& style = ImGui::GetStyle();
  const char* action = save_ ? "Save" : "Open";
  auto button_width = [&](const char* label) { return ImGui::CalcTextSize(label).x + style.FramePadding.x * 2; };
  const float button_w = button_width(action) + button_width("Cancel");
  // Wide enough for a name field and both buttons (never "Can"), at most the window.
  const ImVec2 viewport = ImGui::GetMainViewport()->Size;
  const float min_w = std::min(viewport.x * 0.95f, button_w + style.ItemSpacing.x * 2 + ImGui::GetFontSize() * 14 + style.WindowPadding.x * 2);
  ImGui::SetNextWindowSize(ImVec2(std::max(min_w, viewport.x * 0.5f), viewport.y * 0.6f), ImGuiCond_Appearing);
  ImGui::SetNextWindowSizeConstraints(ImVec2(min_w, ImGui::GetFontSize() * 12), ImVec2(viewport.x, viewport.y));
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal(title_.c_str(), &open_)) {
    ImGui::PushFont(platform::fonts().mono);
    ImGui::TextUnformatted(dir_.c_str());
    ImGui::PopFont();
    const float footer = ImGui::GetFrameHeightWithSpacing() * 1.6f;
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
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 6, ImGui::GetContentRegionAvail().x - button_w - style.ItemSpacing.x * 2));
    if (ImGui::InputText("##name", &name_, ImGuiInputTextFlags_EnterReturnsTrue)) done = true;
    ImGui::SameLine();
    if (ImGui::Button(action)) done = true;
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
      open_ = false;
      ImGui::CloseCurrentPopup();
    }
    bool confirmed = false;
    if (done && !name_.empty()) {
      const fs::path p(name_);
      const std::string path = p.is_absolute() ? p.string() : (fs::path(dir_) / p).string();
      std::error_code ec;
      if (fs::is_directory(path, ec)) {
        dir_ = path;
        name_.clear();
        List();
      } else if (save_ && fs::exists(path, ec)) {
        replace_path_ = path;
        replace_.Ask("Replace the file?", fs::path(path).filename().string() + " already exists in " + fs::path(path).parent_path().string() +
                                              ". Replace it with the new one?", "Replace");
      } else {
        *chosen = path;
        confirmed = Confirm(path);
      }
    }
    if (replace_.Draw() && !replace_path_.empty()) {  // stacked on this popup
      *chosen = replace_path_;
      replace_path_.clear();
      confirmed = Confirm(*chosen);
    }
    done = confirmed;
    ImGui::EndPopup();
  } else {
    done = false;
  }
  return done;
}

}  // namespace loopscope::ui
