// Who drives a generator lane at a given moment, and on which thread it runs. A running stage
// names its driver (Span::target of GenRunning); a driver that is itself a stage pulls from it,
// and so on down to the task, main code or worker thread at the root of the chain.
#pragma once

#include <string>
#include <vector>

#include "core/trace_model.h"

namespace loopscope {

// The lane at the root of the chain that drives span number `running` of `gen` (a GenRunning
// or GenAwaiting span): a task, main or a worker thread; kNoLane when the stream does not say.
LaneId chain_root(const Trace& trace, LaneId gen, std::size_t running);

// chain_root for many spans asked about in time order, lane after lane (as the export asks):
// each search on a driver's lane starts where the last one on that lane ended, instead of
// halving the whole lane again (it was a tenth of exporting a generator pipeline).
class ChainRoots {
 public:
  explicit ChainRoots(const Trace& trace) : trace_(trace), last_(trace.lanes().size(), 0) {}
  LaneId of(LaneId gen, std::size_t running);

 private:
  const Trace& trace_;
  std::vector<std::size_t> last_;  // per lane: the span the last search found
};

// The lane standing for the OS thread that `lane` runs on: a task runs on its loop's lane,
// main and worker threads on their own. Generators: see chain_root.
LaneId thread_lane_of(const Trace& trace, LaneId lane);

// Checks the rule every picture relies on: on one thread at most one generator or iterator
// lane is running at any instant (the innermost active frame), and a running stage driven by a
// task runs inside one of that task's steps. Returns one line per violation (empty: none).
std::vector<std::string> one_running_frame_problems(const Trace& trace);

}  // namespace loopscope
