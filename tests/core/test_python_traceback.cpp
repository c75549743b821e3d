#include <catch2/catch.hpp>

#include <string>

#include "core/python_traceback.h"

using namespace loopscope;

namespace {

// An edited copy of prog.py ran from a hidden sibling; helper.py sits beside the original.
const ProgramFiles kProgram{"/lessons/07-x/.prog.loopscope-edit-42.py", "prog.py", "/lessons/07-x"};

const char* const kAsyncError =
    "Traceback (most recent call last):\n"
    "  File \"/lessons/07-x/.prog.loopscope-edit-42.py\", line 8, in <module>\n"
    "    asyncio.run(main())\n"
    "  File \"/usr/lib/python3.11/asyncio/runners.py\", line 190, in run\n"
    "    return runner.run(main)\n"
    "           ^^^^^^^^^^^^^^^^\n"
    "  File \"/usr/lib/python3.11/asyncio/runners.py\", line 118, in run\n"
    "    return self._loop.run_until_complete(task)\n"
    "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
    "  File \"/usr/lib/python3.11/asyncio/base_events.py\", line 653, in run_until_complete\n"
    "    return future.result()\n"
    "           ^^^^^^^^^^^^^^^\n"
    "  File \"/lessons/07-x/.prog.loopscope-edit-42.py\", line 6, in main\n"
    "    helper.load(1)\n"
    "  File \"/lessons/07-x/helper.py\", line 2, in load\n"
    "    return x / 0\n"
    "           ~~^~~\n"
    "ZeroDivisionError: division by zero\n";

}  // namespace

TEST_CASE("frames are read with file, line, function and code, the learner's are told apart") {
  const Traceback tb = parse_traceback(kAsyncError, kProgram);
  REQUIRE(tb.parts.size() == 1);
  const auto& frames = tb.parts[0].frames;
  REQUIRE(frames.size() == 6);
  REQUIRE(frames[0].shown == "prog.py");
  REQUIRE(frames[0].line == 8);
  REQUIRE(frames[0].function == "<module>");
  REQUIRE(frames[0].code == std::vector<std::string>{"asyncio.run(main())"});
  REQUIRE(frames[1].code == std::vector<std::string>{"return runner.run(main)", "       ^^^^^^^^^^^^^^^^"});
  REQUIRE_FALSE(frames[1].own);
  REQUIRE(frames[1].shown == "/usr/lib/python3.11/asyncio/runners.py");
  REQUIRE(frames[5].own);  // a module beside the program is the learner's too
  REQUIRE_FALSE(frames[5].program);
  REQUIRE(frames[0].program);
  REQUIRE(frames[5].shown == "helper.py");
  REQUIRE(tb.own_frames() == 3);
  REQUIRE(tb.other_frames() == 3);
  REQUIRE(tb.parts[0].message == std::vector<std::string>{"ZeroDivisionError: division by zero"});
  REQUIRE(tb.error_frame() == &frames[5]);
}

TEST_CASE("the folded text keeps the learner's frames, names their file, and counts the rest") {
  const Traceback tb = parse_traceback(kAsyncError, kProgram);
  const std::string folded = traceback_text(tb, false);
  REQUIRE(folded ==
          "Traceback (most recent call last):\n"
          "  File \"prog.py\", line 8, in <module>\n"
          "    asyncio.run(main())\n"
          "  (3 frames inside Python's libraries)\n"
          "  File \"prog.py\", line 6, in main\n"
          "    helper.load(1)\n"
          "  File \"helper.py\", line 2, in load\n"
          "    return x / 0\n"
          "           ~~^~~\n"
          "ZeroDivisionError: division by zero\n");
  const std::string all = traceback_text(tb, true);
  REQUIRE(all.find("asyncio/base_events.py\", line 653, in run_until_complete") != std::string::npos);
  REQUIRE(all.find("loopscope-edit") == std::string::npos);
}

TEST_CASE("a chained exception keeps both parts and the sentence between them") {
  const char* text =
      "Traceback (most recent call last):\n"
      "  File \"/lessons/07-x/.prog.loopscope-edit-42.py\", line 2, in <module>\n"
      "    {}['k']\n"
      "    ~~^^^^^\n"
      "KeyError: 'k'\n"
      "\n"
      "During handling of the above exception, another exception occurred:\n"
      "\n"
      "Traceback (most recent call last):\n"
      "  File \"/lessons/07-x/.prog.loopscope-edit-42.py\", line 4, in <module>\n"
      "    raise RuntimeError('wrapped')\n"
      "RuntimeError: wrapped\n";
  const Traceback tb = parse_traceback(text, kProgram);
  REQUIRE(tb.parts.size() == 2);
  REQUIRE(tb.parts[0].message == std::vector<std::string>{"KeyError: 'k'"});
  REQUIRE(tb.parts[1].lead == "During handling of the above exception, another exception occurred:");
  REQUIRE(tb.error_frame()->line == 4);
  REQUIRE(traceback_text(tb, true) == rename_program_path(text, kProgram));
}

TEST_CASE("a SyntaxError's location has no function and no header") {
  const char* text =
      "  File \"/lessons/07-x/.prog.loopscope-edit-42.py\", line 1\n"
      "    def f(:\n"
      "          ^\n"
      "SyntaxError: invalid syntax\n";
  const Traceback tb = parse_traceback(text, kProgram);
  REQUIRE(tb.parts.size() == 1);
  REQUIRE(tb.parts[0].frames.size() == 1);
  const TracebackFrame& f = tb.parts[0].frames[0];
  REQUIRE(f.own);
  REQUIRE(f.function.empty());
  REQUIRE(f.code == std::vector<std::string>{"def f(:", "      ^"});
  REQUIRE(traceback_text(tb, false) == "  File \"prog.py\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n");
}

TEST_CASE("an exception group's borders are read through, each sub-exception is a part") {
  const char* text =
      "  + Exception Group Traceback (most recent call last):\n"
      "  |   File \"/lessons/07-x/.prog.loopscope-edit-42.py\", line 7, in <module>\n"
      "  |     asyncio.run(main())\n"
      "  |   File \"/usr/lib/python3.11/asyncio/taskgroups.py\", line 145, in __aexit__\n"
      "  |     raise me from None\n"
      "  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)\n"
      "  +-+---------------- 1 ----------------\n"
      "    | Traceback (most recent call last):\n"
      "    |   File \"/lessons/07-x/.prog.loopscope-edit-42.py\", line 3, in bad\n"
      "    |     raise ValueError('x')\n"
      "    | ValueError: x\n"
      "    +------------------------------------\n";
  const Traceback tb = parse_traceback(text, kProgram);
  REQUIRE(tb.parts.size() == 2);
  REQUIRE(tb.parts[0].frames.size() == 2);
  REQUIRE(tb.parts[0].frames[0].code == std::vector<std::string>{"asyncio.run(main())"});
  REQUIRE(tb.parts[0].message == std::vector<std::string>{"ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)"});
  REQUIRE(tb.parts[1].frames.size() == 1);
  REQUIRE(tb.parts[1].message == std::vector<std::string>{"ValueError: x"});
  REQUIRE(tb.error_frame()->function == "bad");
}

TEST_CASE("text that is no traceback stays as message lines, paths are renamed in any text") {
  const Traceback tb = parse_traceback("something odd\n  happened\n", kProgram);
  REQUIRE(tb.parts.size() == 1);
  REQUIRE_FALSE(tb.has_frames());
  REQUIRE(tb.parts[0].message == std::vector<std::string>{"something odd", "  happened"});
  REQUIRE(tb.error_frame() == nullptr);
  REQUIRE(rename_program_path("at /lessons/07-x/.prog.loopscope-edit-42.py:3 and /lessons/07-x/.prog.loopscope-edit-42.py", kProgram) ==
          "at prog.py:3 and prog.py");
}
