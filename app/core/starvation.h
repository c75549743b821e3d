// Was a waiting task starved? The loop's lane tells what the loop did while the task waited:
// running other work (task steps, callbacks) starves it; sitting idle in its selector does not
// (a timer that fires a little late after an idle wait is wake-up jitter).
#pragma once

#include "core/trace_model.h"

namespace loopscope {

// How much of [from, to) the loop lane spent running task steps and callbacks. Stops counting
// once `enough` is reached (the answer is then at least `enough`).
Nanos loop_work_ns(const Lane& loop, Nanos from, Nanos to, Nanos enough = kStarvedNs);

// A task that waited for the loop over [from, to) was starved: the loop ran other work for at
// least kStarvedNs of it.
inline bool starved_by_loop(const Lane& loop, Nanos from, Nanos to) {
  // A wait shorter than kStarvedNs cannot hold that much work: no need to look.
  return to - from >= kStarvedNs && loop_work_ns(loop, from, to) >= kStarvedNs;
}

}  // namespace loopscope
