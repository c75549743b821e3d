// Short names that tell lanes apart at a glance. A task named by create_task(name=...) keeps
// its name; an unnamed one (Task-N) is called after its coroutine; generator and iterator lanes
// after their function or class; and lanes that would still read alike get #1, #2, ... in
// creation order. The long form (Task-3, the coroutine) stays in each lane's subtitle.
#pragma once

#include <string>
#include <vector>

#include "core/trace_model.h"

namespace loopscope {

class LaneNames {
 public:
  // Cheap when no lane was added or renamed since the last call.
  void refresh(const Trace& trace);
  const std::string& title(LaneId lane) const;
  // The second line: "Task-3 · consumer()", "asyncio_0", "async generator".
  const std::string& subtitle(LaneId lane) const;

 private:
  std::vector<std::string> titles_, subtitles_;
  std::size_t lanes_seen_ = 0;
  std::size_t events_seen_ = 0;  // renames arrive as events
};

// `lane` as `names` titles it, or by its Python name when there are no names ("Task-2");
// `otherwise` when the trace has no such lane.
std::string lane_title_or_name(const Trace& trace, LaneId lane, const LaneNames* names, std::string_view otherwise = {});

// True for the default names asyncio gives tasks ("Task-12").
bool is_default_task_name(std::string_view name);

}  // namespace loopscope
