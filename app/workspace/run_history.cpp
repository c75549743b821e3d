#include "workspace/run_history.h"

namespace loopscope {

void RunHistory::keep(Trace trace, RunSetup setup) {
  runs_.push_back({std::make_unique<Trace>(std::move(trace)), std::move(setup)});
  if (runs_.size() > kKept) {
    runs_.erase(runs_.begin());
    if (pinned_ == 0) unpin();
    else if (pinned_ > 0) --pinned_;
  }
}

void RunHistory::clear() {
  runs_.clear();
  unpin();
}

bool RunHistory::pin(int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= runs_.size()) return false;
  pinned_ = index;
  titles_given_ = false;
  return true;
}

void RunHistory::unpin() {
  pinned_ = -1;
  titles_given_ = false;
}

bool RunHistory::pin_last() { return pin(static_cast<int>(runs_.size()) - 1); }

void RunHistory::pin_saved(std::unique_ptr<Trace> trace, std::string pinned_title, std::string current_title) {
  runs_.push_back({std::move(trace), RunSetup{}});
  pinned_ = static_cast<int>(runs_.size()) - 1;
  given_titles_ = {std::move(pinned_title), std::move(current_title)};
  titles_given_ = true;
}

const Trace* RunHistory::pinned_trace() const {
  return pinned_ >= 0 && static_cast<std::size_t>(pinned_) < runs_.size() ? runs_[static_cast<std::size_t>(pinned_)].trace.get()
                                                                          : nullptr;
}

std::pair<std::string, std::string> RunHistory::titles(const Lesson* lesson, const RunSetup& current) const {
  if (!pinned_trace()) return {};
  if (titles_given_) return given_titles_;
  return compare_titles(lesson, runs_[static_cast<std::size_t>(pinned_)].setup, current);
}

std::string RunHistory::title_of(std::size_t index, const Lesson* lesson, const RunSetup& current) const {
  return index < runs_.size() ? compare_titles(lesson, runs_[index].setup, current).first : std::string();
}

}  // namespace loopscope
