// Earlier runs of the open program, kept to compare with the current run on one time axis: the
// last few finished runs with how each was made, and the one pinned above the current run.
// Titles tell the two apart by what differs (core/run_titles.h), unless a saved run came with
// its own (the recorder shows what the GUI compared).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/lesson_catalog.h"
#include "core/run_titles.h"
#include "core/trace_model.h"

namespace loopscope {

class RunHistory {
 public:
  struct PastRun {
    std::unique_ptr<Trace> trace;  // owned apart, so that a pinned trace stays put as runs come and go
    RunSetup setup;
  };
  static constexpr std::size_t kKept = 6;

  // A finished run goes in, the newest last; past kKept the oldest goes, and a pin on it too.
  void keep(Trace trace, RunSetup setup);
  // Another program: nothing left to compare with.
  void clear();

  bool pin(int index);  // false: no such run
  void unpin();
  bool pin_last();      // the run before the current one; false when there is none
  // A saved run compared under titles given with it.
  void pin_saved(std::unique_ptr<Trace> trace, std::string pinned_title, std::string current_title);

  const std::vector<PastRun>& runs() const { return runs_; }
  int pinned_index() const { return pinned_; }  // -1: not comparing
  const Trace* pinned_trace() const;            // null: not comparing
  // The titles of the pinned run and of the current run (made as `current`); empty when
  // nothing is pinned. `lesson` is null for a script.
  std::pair<std::string, std::string> titles(const Lesson* lesson, const RunSetup& current) const;
  // What tells run `index` apart from the current run ("blocking = off").
  std::string title_of(std::size_t index, const Lesson* lesson, const RunSetup& current) const;

 private:
  std::vector<PastRun> runs_;
  int pinned_ = -1;
  std::pair<std::string, std::string> given_titles_;  // pin_saved's titles
  bool titles_given_ = false;
};

}  // namespace loopscope
