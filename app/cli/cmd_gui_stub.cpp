// The GUI commands in a build without the GUI (-DLOOPSCOPE_BUILD_GUI=OFF): they say so and
// point at what this build can do, instead of failing to link or pretending to run.
#include <cstdio>

#include "cli/commands.h"

namespace loopscope::cli {
namespace {

int no_gui(const char* what) {
  std::fprintf(stderr,
               "loopscope: %s needs the GUI, and this loopscope was built without it "
               "(-DLOOPSCOPE_BUILD_GUI=OFF).\n"
               "Use `loopscope trace SCRIPT.py` for a text timeline and a Chrome trace, "
               "or rebuild with the GUI.\n",
               what);
  return 2;
}

}  // namespace

int run_gui(const GuiOptions&) { return no_gui("the timeline window"); }
int run_screenshot(const ScreenshotOptions&) { return no_gui("screenshot"); }
int run_record(const RecordOptions&) { return no_gui("record"); }

}  // namespace loopscope::cli
