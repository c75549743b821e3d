// The desktop's file dialog through a stand-in zenity (a shell script on PATH): what it is asked,
// and how its answer, a cancel or a failure come back.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/file_text.h"
#include "ui/native_file_dialog.h"

using namespace loopscope::ui;
namespace fs = std::filesystem;

namespace {

// PATH and DISPLAY pointing at a stand-in zenity that records its arguments and answers with
// `reply` and exit status `code`; restored afterwards.
struct StandInZenity {
  fs::path dir;
  std::string old_path, old_display;
  StandInZenity(const std::string& reply, int code) {
    std::string pattern = (fs::temp_directory_path() / "loopscope-zenity-test-XXXXXX").string();
    dir = ::mkdtemp(pattern.data());
    const fs::path script = dir / "zenity";
    std::ofstream(script) << "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > '" << (dir / "args").string() << "'\n"
                          << "printf '%s\\n' '" << reply << "'\nexit " << code << "\n";
    ::chmod(script.c_str(), 0755);
    old_path = std::getenv("PATH") ? std::getenv("PATH") : "";
    old_display = std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "";
    ::setenv("PATH", (dir.string() + ":" + old_path).c_str(), 1);
    ::setenv("DISPLAY", ":99", 1);
    ::unsetenv("LOOPSCOPE_NATIVE_DIALOGS");
    ::unsetenv("WAYLAND_DISPLAY");  // the display check below looks at X11's alone
  }
  ~StandInZenity() {
    ::setenv("PATH", old_path.c_str(), 1);
    if (old_display.empty()) ::unsetenv("DISPLAY");
    else ::setenv("DISPLAY", old_display.c_str(), 1);
    fs::remove_all(dir);
  }
  std::string args() const { return loopscope::file_text((dir / "args").string()); }
};

NativeFileDialog::State wait_for(NativeFileDialog& dialog, std::string* path) {
  for (int i = 0; i < 1000; ++i) {
    const NativeFileDialog::State state = dialog.Poll(path);
    if (state != NativeFileDialog::State::Open) return state;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return NativeFileDialog::State::Open;
}

}  // namespace

TEST_CASE("zenity is asked for a save with the folder, the name, the filter and a replace check") {
  const auto args = zenity_arguments({"Save trace", "/home/me/traces", "trace.json", {".json"}, true});
  REQUIRE(args == std::vector<std::string>{"--file-selection", "--title=Save trace", "--filename=/home/me/traces/trace.json",
                                           "--save", "--confirm-overwrite", "--file-filter=*.json"});
  const auto open = zenity_arguments({"Open trace", "/t", "", {".json", ".jsonl"}, false});
  REQUIRE(open == std::vector<std::string>{"--file-selection", "--title=Open trace", "--filename=/t/", "--file-filter=*.json *.jsonl"});
}

TEST_CASE("the path chosen in the desktop's dialog comes back") {
  StandInZenity zenity("/home/me/code/script.py", 0);
  NativeFileDialog dialog;
  REQUIRE(dialog.Start({"Open script", "/home/me", "", {".py"}, false}));
  std::string path;
  REQUIRE(wait_for(dialog, &path) == NativeFileDialog::State::Chosen);
  REQUIRE(path == "/home/me/code/script.py");
  REQUIRE(zenity.args().find("--filename=/home/me/\n") != std::string::npos);
  REQUIRE(dialog.Poll(&path) == NativeFileDialog::State::Idle);
}

TEST_CASE("a cancel is a cancel, a dialog that cannot show is a failure (the built-in one takes over)") {
  std::string path;
  {
    StandInZenity zenity("", 1);
    NativeFileDialog dialog;
    REQUIRE(dialog.Start({"Open script", "/", "", {}, false}));
    REQUIRE(wait_for(dialog, &path) == NativeFileDialog::State::Cancelled);
  }
  {
    StandInZenity zenity("", 255);
    NativeFileDialog dialog;
    REQUIRE(dialog.Start({"Open script", "/", "", {}, false}));
    REQUIRE(wait_for(dialog, &path) == NativeFileDialog::State::Failed);
  }
}

TEST_CASE("without zenity, a display, or with LOOPSCOPE_NATIVE_DIALOGS=0 there is no native dialog") {
  StandInZenity zenity("/x.py", 0);
  REQUIRE_FALSE(find_native_dialog().empty());
  ::setenv("LOOPSCOPE_NATIVE_DIALOGS", "0", 1);
  REQUIRE(find_native_dialog().empty());
  NativeFileDialog dialog;
  REQUIRE_FALSE(dialog.Start({"Open script", "/", "", {}, false}));
  ::unsetenv("LOOPSCOPE_NATIVE_DIALOGS");
  ::unsetenv("DISPLAY");
  REQUIRE(find_native_dialog().empty());
}
