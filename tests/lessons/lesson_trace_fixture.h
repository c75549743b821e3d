// A hand-written event stream (docs/trace-format.md) exercising every check kind:
// main() starts task "side", offloads crunch() to a worker thread, drives the async generator
// numbers() and closes it; a blocking time.sleep stalls the loop; side's timer fires late.
#pragma once

#include <sstream>
#include <string>
#include <string_view>

#include "../core/trace_fixtures.h"
#include "core/lesson_checks.h"
#include "core/trace_model.h"

namespace lesson_fixtures {

inline constexpr std::string_view kStory = R"J(
{"seq":0,"t":0,"ev":"hello","version":1,"python":"3.11.2","impl":"cpython","script":"story.py","argv":["story.py"],"pid":7,"stall_ms":50}
{"seq":1,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":2,"t":0,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":3,"t":10,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":40}
{"seq":4,"t":20,"ev":"run","lane":2,"line":30,"ready":10,"by":-1,"why":"start"}
{"seq":5,"t":30,"ev":"lane","lane":3,"kind":"task","name":"Task-2","coro":"side","parent":2,"line":31}
{"seq":6,"t":31,"ev":"rename","lane":3,"name":"side"}
{"seq":7,"t":40,"ev":"print","lane":2,"stream":"stdout","text":"main: start"}
{"seq":8,"t":50,"ev":"lane","lane":4,"kind":"thread","name":"asyncio_0","thread":"asyncio_0"}
{"seq":9,"t":60,"ev":"suspend","lane":2,"line":32,"awaiting":"to_thread(crunch)","wait":"thread","target":4}
{"seq":10,"t":70,"ev":"job","lane":4,"job":1,"func":"crunch","task":2,"via":"to_thread"}
{"seq":11,"t":80,"ev":"run","lane":3,"line":10,"ready":30,"by":2,"why":"start"}
{"seq":12,"t":90,"ev":"print","lane":3,"stream":"stdout","text":"side tick 0"}
{"seq":13,"t":100,"ev":"suspend","lane":3,"line":11,"awaiting":"sleep(0.05)","wait":"sleep","target":-1}
{"seq":14,"t":80000000,"ev":"run","lane":3,"line":11,"ready":50000100,"by":-1,"why":"timer","late":30000000}
{"seq":15,"t":80000100,"ev":"print","lane":3,"stream":"stdout","text":"side tick 1"}
{"seq":16,"t":80000200,"ev":"suspend","lane":3,"line":11,"awaiting":"sleep(0.05)","wait":"sleep","target":-1}
{"seq":17,"t":90000000,"ev":"job_end","lane":4,"job":1,"outcome":"result"}
{"seq":18,"t":90000100,"ev":"run","lane":2,"line":32,"ready":90000000,"by":4,"why":"thread"}
{"seq":19,"t":90000200,"ev":"print","lane":2,"stream":"stdout","text":"main: got data"}
{"seq":20,"t":90000300,"ev":"lane","lane":5,"kind":"gen","name":"numbers()","obj":"async_generator","parent":2,"line":20}
{"seq":21,"t":90000400,"ev":"enter","lane":5,"from":2,"how":"start","line":21}
{"seq":22,"t":90000500,"ev":"leave","lane":5,"from":2,"how":"yield","value":"1","line":23}
{"seq":23,"t":90000600,"ev":"print","lane":2,"stream":"stdout","text":"got 1"}
{"seq":24,"t":90000700,"ev":"enter","lane":5,"from":2,"how":"resume","line":23}
{"seq":25,"t":90000800,"ev":"leave","lane":5,"from":2,"how":"yield","value":"2","line":23}
{"seq":26,"t":90000900,"ev":"print","lane":2,"stream":"stdout","text":"got 2"}
{"seq":27,"t":90001000,"ev":"enter","lane":5,"from":2,"how":"resume","line":23}
{"seq":28,"t":90001100,"ev":"print","lane":2,"stream":"stdout","text":"numbers: finally"}
{"seq":29,"t":90001200,"ev":"leave","lane":5,"from":2,"how":"close","line":25}
{"seq":30,"t":90001300,"ev":"print","lane":2,"stream":"stdout","text":"after the loop"}
{"seq":31,"t":90001400,"ev":"block","lane":1,"what":"time.sleep(0.2)","line":35}
{"seq":32,"t":150000000,"ev":"stall","lane":1,"task":2,"since":90001400,"line":35,"func":"main"}
{"seq":33,"t":290001400,"ev":"block_end","lane":1}
{"seq":34,"t":290001500,"ev":"suspend","lane":2,"line":36,"awaiting":"Task side","wait":"task","target":3}
{"seq":35,"t":290001600,"ev":"run","lane":3,"line":11,"ready":290001500,"by":-1,"why":"timer","late":5000000}
{"seq":36,"t":290001700,"ev":"done","lane":3,"outcome":"result","detail":"None","line":12}
{"seq":37,"t":290001800,"ev":"run","lane":2,"line":36,"ready":290001700,"by":3,"why":"task"}
{"seq":38,"t":290001900,"ev":"print","lane":2,"stream":"stdout","text":"main: done"}
{"seq":39,"t":290002000,"ev":"done","lane":2,"outcome":"result","detail":"None","line":37}
{"seq":40,"t":290002100,"ev":"exit","code":0,"how":"normal"}
)J";

// A task that fails: an uncaught exception, and a task cancelled.
inline constexpr std::string_view kFailure = R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":2,"t":2,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":3}
{"seq":3,"t":3,"ev":"run","lane":2,"line":4,"ready":2,"by":-1,"why":"start"}
{"seq":4,"t":4,"ev":"lane","lane":3,"kind":"task","name":"consumer","coro":"consumer","parent":2,"line":5}
{"seq":5,"t":5,"ev":"done","lane":3,"outcome":"cancelled","detail":"CancelledError","line":6}
{"seq":6,"t":6,"ev":"exception","lane":2,"type":"ValueError","message":"bad input","traceback":"...","line":9}
{"seq":7,"t":7,"ev":"done","lane":2,"outcome":"exception","detail":"ValueError: bad input","line":9}
{"seq":8,"t":8,"ev":"exit","code":1,"how":"exception"}
)J";

inline loopscope::Trace make(std::string_view stream, loopscope::EndStatus status = loopscope::EndStatus::Finished,
                             int code = 0) {
  loopscope::Trace trace;
  fixtures::ingest(trace, stream);
  trace.finish(status, code, {});
  return trace;
}

// A check built in code, as lesson.toml would spell it.
inline loopscope::CheckSpec spec(std::string kind, std::initializer_list<std::pair<const std::string, std::string>> args = {}) {
  loopscope::CheckSpec s;
  s.kind = std::move(kind);
  s.args = args;
  return s;
}

}  // namespace lesson_fixtures
