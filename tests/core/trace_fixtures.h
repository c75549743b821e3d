// Hand-written event streams (docs/trace-format.md) shared by the core tests.
#pragma once

#include <sstream>
#include <string>
#include <string_view>

#include "core/trace_model.h"

namespace fixtures {

// main() creates worker w1; both sleep; w1 is woken by a timer 0.4 ms late (due at 2.6 ms).
inline constexpr std::string_view kTwoTasks = R"J(
{"seq":0,"t":0,"ev":"hello","version":1,"python":"3.11.2","impl":"cpython","script":"demo.py","argv":["demo.py"],"pid":42,"stall_ms":50}
{"seq":1,"t":10,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":2,"t":20,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":3,"t":30,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":12}
{"seq":4,"t":40,"ev":"run","lane":2,"line":5,"ready":30,"by":-1,"why":"start"}
{"seq":5,"t":50,"ev":"lane","lane":3,"kind":"task","name":"Task-2","coro":"worker","parent":2,"line":6}
{"seq":6,"t":60,"ev":"print","lane":2,"stream":"stdout","text":"hello from main"}
{"seq":7,"t":70,"ev":"suspend","lane":2,"line":7,"awaiting":"Task w1","wait":"task","target":3}
{"seq":8,"t":75,"ev":"rename","lane":3,"name":"w1"}
{"seq":9,"t":80,"ev":"run","lane":3,"line":1,"ready":50,"by":2,"why":"start"}
{"seq":10,"t":90,"ev":"suspend","lane":3,"line":2,"awaiting":"sleep(0.5)","wait":"sleep","target":-1,"due":2600000}
{"seq":11,"t":100,"ev":"idle","lane":1,"timeout":900}
{"seq":12,"t":2999950,"ev":"idle_end","lane":1,"events":0}
{"seq":13,"t":3000100,"ev":"run","lane":3,"line":2,"ready":3000000,"by":-1,"why":"timer","late":400000}
{"seq":14,"t":3000200,"ev":"print","lane":3,"stream":"stderr","text":"w1 done"}
{"seq":15,"t":3000300,"ev":"done","lane":3,"outcome":"result","detail":"42","line":3}
{"seq":16,"t":3000400,"ev":"run","lane":2,"line":7,"ready":3000300,"by":3,"why":"task"}
{"seq":17,"t":3000500,"ev":"done","lane":2,"outcome":"exception","detail":"ValueError: bad","line":8}
{"seq":18,"t":3000600,"ev":"exit","code":1,"how":"exception"}
)J";

// The runtime reaches its event budget while a task runs and another waits: past the budget
// note only the end of the run is recorded.
inline constexpr std::string_view kBudgetCut = R"J(
{"seq":0,"t":0,"ev":"hello","version":1,"python":"3.11.2","impl":"cpython","script":"flood.py","argv":["flood.py"],"pid":7,"stall_ms":50}
{"seq":1,"t":10,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":2,"t":20,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":3,"t":30,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":9}
{"seq":4,"t":40,"ev":"run","lane":2,"line":5,"ready":30,"by":-1,"why":"start"}
{"seq":5,"t":50,"ev":"lane","lane":3,"kind":"task","name":"Task-2","coro":"spin","parent":2,"line":6}
{"seq":6,"t":60,"ev":"suspend","lane":2,"line":7,"awaiting":"gather(1)","wait":"gather","target":-1}
{"seq":7,"t":70,"ev":"run","lane":3,"line":2,"ready":50,"by":2,"why":"start"}
{"seq":8,"t":1000,"ev":"note","budget":8,"text":"the trace reached its budget of 8 records: later records are counted, not recorded (except the end of the run)"}
{"seq":9,"t":900000,"ev":"note","dropped":5000,"text":"5,000 records were not recorded (budget of 8 records)"}
{"seq":10,"t":900100,"ev":"exit","code":0,"how":"normal"}
)J";

// A blocking time.sleep inside a task step, with a stall report, and a to_thread job.
inline constexpr std::string_view kBlockingAndThread = R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":2,"t":2,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":3}
{"seq":3,"t":3,"ev":"run","lane":2,"line":4,"ready":2,"by":-1,"why":"start"}
{"seq":4,"t":10,"ev":"block","lane":1,"what":"time.sleep(0.2)","line":5}
{"seq":5,"t":60,"ev":"stall","lane":1,"task":2,"since":3,"line":5,"func":"main"}
{"seq":6,"t":200,"ev":"block_end","lane":1}
{"seq":7,"t":210,"ev":"lane","lane":3,"kind":"thread","name":"asyncio_0","thread":"asyncio_0"}
{"seq":8,"t":220,"ev":"suspend","lane":2,"line":6,"awaiting":"to_thread(crunch)","wait":"thread","target":3}
{"seq":9,"t":230,"ev":"job","lane":3,"job":1,"func":"crunch","task":2,"via":"to_thread"}
{"seq":10,"t":400,"ev":"job_end","lane":3,"job":1,"outcome":"result"}
{"seq":11,"t":410,"ev":"run","lane":2,"line":6,"ready":400,"by":3,"why":"thread"}
{"seq":12,"t":420,"ev":"done","lane":2,"outcome":"result","detail":"None","line":7}
)J";

// A generator driven from main, and an iterator class whose __next__ is a "call".
inline constexpr std::string_view kGenerators = R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":5,"ev":"lane","lane":1,"kind":"gen","name":"numbers()","obj":"generator","parent":0,"line":1}
{"seq":2,"t":10,"ev":"enter","lane":1,"from":0,"how":"start","line":2}
{"seq":3,"t":20,"ev":"leave","lane":1,"from":0,"how":"yield","value":"1","line":3}
{"seq":4,"t":30,"ev":"print","lane":0,"stream":"stdout","text":"got 1"}
{"seq":5,"t":40,"ev":"enter","lane":1,"from":0,"how":"resume","line":3}
{"seq":6,"t":50,"ev":"leave","lane":1,"from":0,"how":"yield","value":"'two'","line":4}
{"seq":7,"t":60,"ev":"enter","lane":1,"from":0,"how":"resume","line":4}
{"seq":8,"t":70,"ev":"leave","lane":1,"from":0,"how":"return","value":"None","line":5}
{"seq":9,"t":80,"ev":"lane","lane":2,"kind":"gen","name":"Lines","obj":"iterator","parent":0,"line":9}
{"seq":10,"t":90,"ev":"enter","lane":2,"from":0,"how":"call","line":12}
{"seq":11,"t":100,"ev":"leave","lane":2,"from":0,"how":"return","value":"'a'","line":14}
{"seq":12,"t":110,"ev":"enter","lane":2,"from":0,"how":"call","line":12}
{"seq":13,"t":120,"ev":"leave","lane":2,"from":0,"how":"stop","line":13}
)J";

// A ticker whose 50 ms timer comes due while main blocks the loop with time.sleep(0.2) (it is
// starved: ready from the due time, the timer 154 ms late), and a worker woken during the
// blocking step that waits for it too.
inline constexpr std::string_view kStarvedTicker = R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":10,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":2,"t":20,"ev":"lane","lane":2,"kind":"task","name":"ticker","coro":"tick","parent":0,"line":3,"loop":1}
{"seq":3,"t":1000,"ev":"run","lane":2,"line":4,"ready":999,"by":0,"why":"start"}
{"seq":4,"t":2000,"ev":"suspend","lane":2,"line":5,"awaiting":"sleep(0.05)","wait":"sleep","target":-1,"due":50002000}
{"seq":5,"t":2500,"ev":"lane","lane":3,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":9,"loop":1}
{"seq":6,"t":3000,"ev":"run","lane":3,"line":10,"ready":2999,"by":0,"why":"start"}
{"seq":7,"t":3400,"ev":"lane","lane":4,"kind":"task","name":"worker","coro":"work","parent":3,"line":11,"loop":1}
{"seq":8,"t":4000,"ev":"block","lane":1,"what":"time.sleep(0.2)","line":12}
{"seq":9,"t":204000000,"ev":"block_end","lane":1}
{"seq":10,"t":204001000,"ev":"suspend","lane":3,"line":13,"awaiting":"Task worker","wait":"task","target":4}
{"seq":11,"t":204003000,"ev":"run","lane":2,"line":5,"ready":204002000,"by":-1,"why":"timer","late":154000000}
{"seq":12,"t":204004000,"ev":"suspend","lane":2,"line":5,"awaiting":"sleep(0.05)","wait":"sleep","target":-1}
{"seq":13,"t":204005000,"ev":"run","lane":4,"line":11,"ready":3500,"by":3,"why":"start"}
{"seq":14,"t":204006000,"ev":"done","lane":4,"outcome":"result","detail":"None","line":11}
)J";

// A sync pipeline driven by main: squares(numbers()). squares pulls from numbers.
inline constexpr std::string_view kSyncChain = R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":5,"ev":"lane","lane":1,"kind":"gen","name":"squares","obj":"generator","parent":0,"line":9}
{"seq":2,"t":10,"ev":"enter","lane":1,"from":0,"how":"start","line":9}
{"seq":3,"t":15,"ev":"lane","lane":2,"kind":"gen","name":"numbers","obj":"generator","parent":1,"line":4}
{"seq":4,"t":20,"ev":"enter","lane":2,"from":1,"how":"start","line":4}
{"seq":5,"t":30,"ev":"leave","lane":2,"from":1,"how":"yield","value":"0","line":6}
{"seq":6,"t":40,"ev":"leave","lane":1,"from":0,"how":"yield","value":"0","line":11}
{"seq":7,"t":50,"ev":"print","lane":0,"stream":"stdout","text":"got 0"}
{"seq":8,"t":60,"ev":"enter","lane":1,"from":0,"how":"resume","line":11}
{"seq":9,"t":70,"ev":"enter","lane":2,"from":1,"how":"resume","line":6}
{"seq":10,"t":80,"ev":"leave","lane":2,"from":1,"how":"return","value":"None","line":5}
{"seq":11,"t":90,"ev":"leave","lane":1,"from":0,"how":"return","value":"None","line":10}
)J";

// A task driving lines(chunks()), two async generators; chunks awaits sleep(0.02) once.
inline constexpr std::string_view kAsyncChain = R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":2,"t":2,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":30,"loop":1}
{"seq":3,"t":10,"ev":"run","lane":2,"line":31,"ready":9,"by":0,"why":"start"}
{"seq":4,"t":15,"ev":"lane","lane":3,"kind":"gen","name":"lines","obj":"async_generator","parent":2,"line":16}
{"seq":5,"t":20,"ev":"enter","lane":3,"from":2,"how":"start","line":16}
{"seq":6,"t":25,"ev":"lane","lane":4,"kind":"gen","name":"chunks","obj":"async_generator","parent":3,"line":9}
{"seq":7,"t":30,"ev":"enter","lane":4,"from":3,"how":"start","line":9}
{"seq":8,"t":40,"ev":"suspend","lane":2,"awaiting":"sleep(0.02)","wait":"sleep","target":-1,"line":11}
{"seq":9,"t":50,"ev":"idle","lane":1,"timeout":1000}
{"seq":10,"t":2900,"ev":"idle_end","lane":1,"events":0}
{"seq":11,"t":3000,"ev":"run","lane":2,"ready":2950,"by":-1,"why":"timer","late":900,"line":11}
{"seq":12,"t":3010,"ev":"leave","lane":4,"from":3,"how":"yield","value":"'id=1'","line":13}
{"seq":13,"t":3020,"ev":"leave","lane":3,"from":2,"how":"yield","value":"'id=1'","line":22}
{"seq":14,"t":3030,"ev":"suspend","lane":2,"awaiting":"sleep(1)","wait":"sleep","target":-1,"line":33}
)J";

inline void ingest(loopscope::Trace& trace, std::string_view stream) {
  std::istringstream in{std::string(stream)};
  for (std::string line; std::getline(in, line);) trace.ingest_line(line);
}

inline loopscope::Trace make(std::string_view stream) {
  loopscope::Trace trace;
  ingest(trace, stream);
  return trace;
}

inline loopscope::LaneId lane_named(const loopscope::Trace& trace, std::string_view name) {
  for (const auto& lane : trace.lanes())
    if (trace.str(lane.name) == name) return lane.id;
  return loopscope::kNoLane;
}

}  // namespace fixtures
