// PLACEHOLDER: loopscope check (see commands.h).
#include <cstdio>

#include "cli/commands.h"

namespace loopscope::cli {

int run_check(const CheckOptions&) {
  std::fprintf(stderr, "loopscope: 'check' is not built yet\n");
  return 1;
}

}  // namespace loopscope::cli
