// The playhead: the current position in a run, as an index into Trace::events().
// Pure logic, no window: stepping with a filter, lane jumps, play/pause at a pace, scrubbing to a
// time, and following a live run. The App owns one and advances it with update(dt) every frame.
// Every call takes the events (Trace::events()) so the playhead never holds a pointer
// into a model that may grow or be replaced.
#pragma once

#include <cstdint>

#include "core/trace_model.h"

namespace loopscope {

// Which events Left/Right (and playback) stop at.
enum class StepFilter : std::uint8_t {
  All,           // every event
  TaskSwitches,  // Run, Suspend, Done, Job, JobEnd: where control changes hands
  MyCode,        // events with a line in the user's script (line > 0)
};

enum class PaceMode : std::uint8_t {
  EventsPerSecond,  // N (filtered) events per second of wall time
  RealTime,         // the run's own time, scaled by `speed`
};

struct Pace {
  PaceMode mode = PaceMode::EventsPerSecond;
  double events_per_second = 8.0;  // 0.5 .. 1000
  double speed = 1.0;              // RealTime: 0.1x .. 4x
};

bool passes(const Event& event, StepFilter filter);
const char* step_filter_name(StepFilter filter);  // "all events", "task switches", "my code"

class Playhead {
 public:
  using Events = const EventList&;

  // kNoEvent only while the trace is empty.
  EventIndex position() const { return pos_; }
  bool playing() const { return playing_; }
  bool follow_live() const { return follow_live_; }
  StepFilter filter() const { return filter_; }
  const Pace& pace() const { return pace_; }

  void set_filter(StepFilter filter) { filter_ = filter; }
  void set_pace(const Pace& pace);
  // Follow-live keeps the playhead on the last event while events arrive.
  void set_follow_live(bool on) { follow_live_ = on; }

  // Back to the start state for a new run (keeps filter, pace and follow-live).
  void reset();

  // Navigation. Each stops playback and follow-live (the user took over) and returns whether
  // the position changed. Positions are clamped to the events present.
  bool seek(Events events, EventIndex index);
  bool step(Events events, int direction);           // next/previous event passing filter()
  bool step(Events events, int direction, StepFilter filter);
  bool jump_in_lane(Events events, LaneId lane, int direction);  // prev/next event of `lane`
  bool first(Events events);
  bool last(Events events);
  bool scrub(Events events, Nanos t);                // the event nearest to time t

  void play(Events events);  // from the current position (from the start when at the end)
  void pause() { playing_ = false; }
  void toggle_play(Events events);

  // Once per frame: advances playback by dt seconds of wall time, or follows the live end.
  // Clamps a position left beyond the end (e.g. after a new, shorter trace). Returns whether
  // the position changed. Playback stops at the last event.
  bool update(Events events, double dt_seconds);

 private:
  void stop_auto() { playing_ = false; follow_live_ = false; }
  bool move_to(EventIndex index);
  void start_clock(Events events);

  EventIndex pos_ = kNoEvent;
  bool playing_ = false;
  bool follow_live_ = false;
  StepFilter filter_ = StepFilter::All;
  Pace pace_;
  double carry_ = 0.0;       // EventsPerSecond: fraction of an event not yet stepped
  double clock_ns_ = 0.0;    // RealTime: run time the playback has reached
};

}  // namespace loopscope
