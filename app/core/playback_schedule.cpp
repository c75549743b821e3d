#include "core/playback_schedule.h"

#include <algorithm>
#include <cmath>

namespace loopscope {
namespace {

// Gaps between consecutive steps, in seconds of run time.
std::vector<double> gaps_between(const EventList& events, const std::vector<EventIndex>& steps) {
  std::vector<double> gaps;
  for (std::size_t i = 1; i < steps.size(); ++i) {
    gaps.push_back(std::max(0.0, static_cast<double>(events.t(steps[i]) - events.t(steps[i - 1])) / 1e9));
  }
  return gaps;
}

double playback_length(const std::vector<double>& gaps, double speed, double min_step) {
  double total = 0.0;
  for (const double gap : gaps) total += std::max(min_step, gap / speed);
  return total;
}

// The speed at which the playback lasts `target` seconds (the length falls as speed rises).
// When even an infinite speed would be too long (every step at its dwell), the slowest speed
// at which every step is shown for exactly its dwell.
double speed_for_length(const std::vector<double>& gaps, double min_step, double target) {
  const double largest = gaps.empty() ? 0.0 : *std::max_element(gaps.begin(), gaps.end());
  if (largest <= 0.0 || target <= 0.0) return 1.0;  // nothing to stretch: speed does not matter
  if (min_step <= 0.0) return playback_length(gaps, 1.0, 0.0) / target;  // plain proportion
  const double all_at_dwell = largest / min_step;
  if (playback_length(gaps, all_at_dwell, min_step) >= target * (1.0 - 1e-9)) return all_at_dwell;
  double lo = std::log(all_at_dwell) - 40.0, hi = std::log(all_at_dwell);  // lengths: lo too long, hi too short
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (playback_length(gaps, std::exp(mid), min_step) > target) lo = mid;
    else hi = mid;
  }
  return std::exp(hi);
}

}  // namespace

double PlaybackSchedule::seconds() const { return fps > 0 ? static_cast<double>(frames.size()) / fps : 0.0; }

PlaybackSchedule schedule_playback(const EventList& events, StepFilter filter, const PlaybackPace& pace) {
  PlaybackSchedule schedule;
  schedule.fps = pace.fps;
  std::vector<EventIndex> steps;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (passes(events[i], filter)) steps.push_back(static_cast<EventIndex>(i));
  }
  schedule.steps = steps.size();
  if (steps.empty() || pace.fps <= 0) return schedule;

  const std::vector<double> gaps = gaps_between(events, steps);
  double min_step = std::max(0.0, pace.min_step_s);
  double speed = pace.speed;
  if (speed <= 0) {
    if (!gaps.empty()) min_step = std::min(min_step, pace.target_s / static_cast<double>(gaps.size()));
    speed = speed_for_length(gaps, min_step, pace.target_s);
  }
  schedule.speed = speed;
  schedule.min_step_s = min_step;

  // Step i is on screen from starts[i] on; the first one also through the opening hold.
  std::vector<double> starts(steps.size(), 0.0);
  double t = std::max(0.0, pace.hold_start_s);
  for (std::size_t i = 0; i < gaps.size(); ++i) {
    t += std::max(min_step, gaps[i] / speed);
    starts[i + 1] = t;
  }
  const double total = t + std::max(pace.hold_end_s, 1.0 / pace.fps);  // the last step is seen too
  const auto frame_count = std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(total * pace.fps)));
  schedule.frames.reserve(frame_count);
  std::size_t step = 0;
  for (std::size_t k = 0; k < frame_count; ++k) {
    const double at = static_cast<double>(k) / pace.fps;
    while (step + 1 < steps.size() && starts[step + 1] <= at + 1e-9) ++step;
    schedule.frames.push_back(steps[step]);
  }
  return schedule;
}

}  // namespace loopscope
