// PLACEHOLDER: loopscope gui (see commands.h).
#include <cstdio>

#include "cli/commands.h"

namespace loopscope::cli {

int run_gui(const GuiOptions&) {
  std::fprintf(stderr, "loopscope: 'gui' is not built yet\n");
  return 1;
}
int run_screenshot(const ScreenshotOptions&) {
  std::fprintf(stderr, "loopscope: screenshot is not built yet\n");
  return 1;
}
}  // namespace loopscope::cli
