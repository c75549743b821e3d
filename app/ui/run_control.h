// The App's handle on a run: forwards to RunSession (app/runner). While the runner module has
// no implementation in the tree yet, the build leaves it out and start() explains that instead.
#pragma once

#include <memory>
#include <string>

#include "core/trace_model.h"
#include "runner/run_session.h"

namespace loopscope::ui {

class RunControl {
 public:
  RunControl();
  ~RunControl();
  bool start(const RunRequest& request, std::string* error);
  std::size_t pump(Trace& trace);
  void stop();
  bool running() const;
  double elapsed_s() const;
  std::string raw_output() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace loopscope::ui
