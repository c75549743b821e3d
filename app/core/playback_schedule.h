// Which step a recorded video shows in each of its frames (`loopscope record`, File > Record
// video). Pure arithmetic on event times, so a recording is the same every time it is made and
// never depends on how fast the frames were rendered.
//
// What the pace means:
//  - `speed` is the run's own time stretched: one second of video shows `speed` seconds of the
//    run (0.25: four times slower than real time; 0.01: a 10 ms run lasts a second).
//  - every step (an event passing the filter) stays on screen at least `min_step_s`, so events
//    microseconds apart are still seen one after the other; the video is then longer than
//    run length / speed.
//  - `speed` 0 (auto) picks the speed that makes the playback last about `target_s`; when the
//    steps alone would need longer than that at `min_step_s` each, the dwell shrinks to fit
//    (and steps closer together than a frame share it).
//  - the first step is held `hold_start_s` before playback starts, the last one `hold_end_s`.
#pragma once

#include <vector>

#include "core/playhead.h"
#include "core/trace_model.h"

namespace loopscope {

struct PlaybackPace {
  double fps = 30.0;
  double speed = 0.0;          // seconds of run per second of video; 0: auto
  double target_s = 12.0;      // auto: length of the playback between the holds
  double min_step_s = 0.2;     // least time a step stays on screen
  double hold_start_s = 1.0;
  double hold_end_s = 2.0;
};

struct PlaybackSchedule {
  std::vector<EventIndex> frames;  // the step shown in each frame
  std::size_t steps = 0;           // steps passing the filter
  double speed = 0.0;              // the speed used (auto resolved)
  double min_step_s = 0.0;         // the dwell used (auto may shrink it)
  double seconds() const;          // frames / fps
  double fps = 0.0;
};

// Empty `frames` when no event passes the filter.
PlaybackSchedule schedule_playback(const EventList& events, StepFilter filter, const PlaybackPace& pace);

}  // namespace loopscope
