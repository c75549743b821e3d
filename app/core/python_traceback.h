// Python's traceback text, read into frames so that the problems panel can show a learner their
// own code first: which frames are the learner's (their program and the files beside it) and
// which are asyncio's, the standard library's or loopscope's, and the file named as the learner
// knows it (an edited copy runs from a hidden sibling file; its path never reaches the screen).
// Understands chained exceptions, exception groups (the `| ` borders), SyntaxError locations
// and "[Previous line repeated …]"; text it does not recognise is kept as message lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace loopscope {

// The learner's program: the file that ran, the name the learner knows it by, and its folder
// (the files there, modules the program imports, are the learner's too).
struct ProgramFiles {
  std::string run_path;    // absolute path of the file Python ran (an edited copy's, maybe)
  std::string shown_name;  // "blocking.py"
  std::string folder;      // the original's folder, absolute
};

struct TracebackFrame {
  std::string file;               // as Python printed it
  std::string shown;              // as the learner knows it: "blocking.py", "helper.py", or the path
  int line = 0;
  std::string function;           // empty at a SyntaxError's location
  std::vector<std::string> code;  // the source line, caret lines, "[Previous line repeated …]"
  bool own = false;               // the learner's program or a file beside it
  bool program = false;           // the program itself (its lines are the code pane's)
};

// One exception of a chain (or of a group), with the sentence that led to it.
struct TracebackPart {
  std::string lead;                  // "During handling of the above exception, …" ("" for the first)
  std::vector<TracebackFrame> frames;
  std::vector<std::string> message;  // "NameError: name 'x' is not defined", notes
};

struct Traceback {
  std::vector<TracebackPart> parts;
  bool has_frames() const;
  int own_frames() const;
  int other_frames() const;
  // The learner's frame closest to the error (the last own frame of the last part), or null.
  const TracebackFrame* error_frame() const;
};

Traceback parse_traceback(std::string_view text, const ProgramFiles& program);

// The traceback as Python would print it, with the learner's files named as they know them;
// `all_frames` false leaves out the frames that are not the learner's (with a count instead).
std::string traceback_text(const Traceback& traceback, bool all_frames);

// `text` with every occurrence of the run path replaced by the shown name (console lines).
std::string rename_program_path(std::string_view text, const ProgramFiles& program);

}  // namespace loopscope
