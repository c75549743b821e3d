// PLACEHOLDER: loopscope trace (see commands.h).
#include <cstdio>

#include "cli/commands.h"

namespace loopscope::cli {

int run_trace(const TraceOptions&) {
  std::fprintf(stderr, "loopscope: 'trace' is not built yet\n");
  return 1;
}

}  // namespace loopscope::cli
