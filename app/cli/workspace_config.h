// The workspace's configuration from a command's options: the GUI, screenshot, record and check
// all make and judge runs through one Workspace (workspace/workspace.h).
#pragma once

#include <string>

#include "cli/commands.h"
#include "workspace/workspace.h"

namespace loopscope::cli {

inline WorkspaceConfig workspace_config(const std::string& lessons_dir, const PythonOptions& py) {
  WorkspaceConfig config;
  config.lessons_dir = lessons_dir;
  config.python = py.python;
  config.timeout_s = py.timeout_s;
  config.max_events = py.max_events;
  return config;  // no edits folder: kept in memory (the GUI's App names the learner's own)
}

}  // namespace loopscope::cli
