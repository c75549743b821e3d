// PLACEHOLDER: loopscope bench (see commands.h).
#include <cstdio>

#include "cli/commands.h"

namespace loopscope::cli {

int run_bench(const BenchOptions&) {
  std::fprintf(stderr, "loopscope: 'bench' is not built yet\n");
  return 1;
}

}  // namespace loopscope::cli
