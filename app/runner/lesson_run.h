// How a program of a lesson is run, the same for the GUI and `loopscope check`: in the lesson
// folder (so data files are found), with the knobs in the environment and the lesson's timeout.
#pragma once

#include <string>

#include "core/lesson_catalog.h"
#include "runner/run_session.h"

namespace loopscope {

// `script` may live elsewhere (an edited copy, a learner's answer): it still runs in the
// lesson's folder, in place of the lesson's own file, and the lesson's folder comes first on
// its PYTHONPATH, so that it imports the lesson's modules (`import helper`) as the original does.
RunRequest lesson_run_request(const Lesson& lesson, const std::string& script, const KnobValues& knobs = {});

}  // namespace loopscope
