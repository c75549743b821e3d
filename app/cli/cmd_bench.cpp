// loopscope bench: the benchmarks live in their own program (bench/loopscope_bench.cpp, built as
// loopscope-bench next to loopscope) so that none of their code is linked into the app; this
// command hands its arguments over to it.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/data_paths.h"

namespace loopscope::cli {

int run_bench(const std::vector<std::string>& args) {
  const std::filesystem::path bench = executable_dir() / "loopscope-bench";
  std::vector<std::string> owned{bench.string()};
  owned.insert(owned.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : owned) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::fflush(stdout);
  ::execv(argv[0], argv.data());
  std::fprintf(stderr,
               "loopscope: cannot run the benchmarks (%s: %s). They are built with loopscope, as "
               "loopscope-bench in the build folder, and not installed: run `loopscope bench` from the build.\n",
               argv[0], std::strerror(errno));
  return 70;
}

}  // namespace loopscope::cli
