#include "core/synthetic_stream.h"

#include <cstdio>
#include <vector>

namespace loopscope {

namespace {

class StreamWriter {
 public:
  explicit StreamWriter(std::string& out) : out_(out) {}
  // One record: `fields` is the JSON after seq/t/ev, without braces (may be empty).
  void record(const char* ev, const char* fields) {
    char head[96];
    std::snprintf(head, sizeof head, "{\"seq\":%zu,\"t\":%lld,\"ev\":\"%s\"", seq_++, t_, ev);
    out_ += head;
    if (*fields) {
      out_ += ',';
      out_ += fields;
    }
    out_ += "}\n";
  }
  void advance(long long ns) { t_ += ns; }
  long long now() const { return t_; }
  std::size_t count() const { return seq_; }

 private:
  std::string& out_;
  std::size_t seq_ = 0;
  long long t_ = 0;
};

}  // namespace

void append_synthetic_stream(std::string& out, std::size_t events, int tasks) {
  if (tasks < 1) tasks = 1;
  out.reserve(out.size() + events * 120);
  StreamWriter w(out);
  char f[256];
  w.record("hello", "\"version\":1,\"python\":\"3.11.2\",\"impl\":\"cpython\",\"script\":\"synthetic.py\",\"argv\":[],\"pid\":1,\"stall_ms\":50");
  w.record("lane", "\"lane\":0,\"kind\":\"main\",\"name\":\"main\"");
  w.record("lane", "\"lane\":1,\"kind\":\"loop\",\"name\":\"loop\"");
  w.record("lane", "\"lane\":2,\"kind\":\"thread\",\"name\":\"asyncio_0\",\"thread\":\"asyncio_0\"");
  w.record("lane", "\"lane\":3,\"kind\":\"gen\",\"name\":\"numbers()\",\"obj\":\"generator\",\"parent\":0,\"line\":3");
  const int first_task = 4;
  for (int i = 0; i < tasks; ++i) {
    w.advance(100);
    std::snprintf(f, sizeof f, "\"lane\":%d,\"kind\":\"task\",\"name\":\"Task-%d\",\"coro\":\"worker\",\"parent\":0,\"line\":20",
                  first_task + i, i + 1);
    w.record("lane", f);
  }
  std::vector<long long> ready(static_cast<std::size_t>(tasks), w.now());
  long long job = 0;
  // Each round: every task runs one step (sometimes printing, sometimes in a blocking call),
  // then suspends; the loop idles; a worker job and a generator step happen now and then.
  for (long round = 0; w.count() + 8 < events; ++round) {
    for (int i = 0; i < tasks && w.count() + 8 < events; ++i) {
      const int lane = first_task + i;
      w.advance(2000);
      std::snprintf(f, sizeof f, "\"lane\":%d,\"line\":11,\"ready\":%lld,\"by\":-1,\"why\":\"%s\",\"late\":%d", lane,
                    ready[static_cast<std::size_t>(i)], round == 0 ? "start" : "timer", round % 7 == 0 ? 3000000 : 0);
      w.record("run", f);
      if ((round + i) % 5 == 0) {
        w.advance(500);
        std::snprintf(f, sizeof f, "\"lane\":%d,\"stream\":\"stdout\",\"text\":\"task %d round %ld\"", lane, i, round);
        w.record("print", f);
      }
      if ((round + i) % 11 == 0) {
        w.advance(300);
        std::snprintf(f, sizeof f, "\"lane\":1,\"what\":\"time.sleep(0.01)\",\"line\":12");
        w.record("block", f);
        w.advance(10000);
        w.record("block_end", "\"lane\":1");
      }
      w.advance(3000);
      std::snprintf(f, sizeof f, "\"lane\":%d,\"line\":13,\"awaiting\":\"sleep(0.1)\",\"wait\":\"sleep\",\"target\":-1", lane);
      w.record("suspend", f);
      ready[static_cast<std::size_t>(i)] = w.now() + 40000;
    }
    if (round % 3 == 0) {
      w.advance(1000);
      std::snprintf(f, sizeof f, "\"lane\":2,\"job\":%lld,\"func\":\"crunch\",\"task\":%d,\"via\":\"to_thread\"", ++job, first_task);
      w.record("job", f);
      w.advance(1000);
      std::snprintf(f, sizeof f, "\"lane\":3,\"from\":0,\"how\":\"%s\",\"line\":4", round == 0 ? "start" : "resume");
      w.record("enter", f);
      w.advance(500);
      std::snprintf(f, sizeof f, "\"lane\":3,\"from\":0,\"how\":\"yield\",\"value\":\"%ld\",\"line\":5", round);
      w.record("leave", f);
      w.advance(1000);
      std::snprintf(f, sizeof f, "\"lane\":2,\"job\":%lld,\"outcome\":\"result\"", job);
      w.record("job_end", f);
    }
    w.advance(1000);
    w.record("idle", "\"lane\":1,\"timeout\":40000");
    w.advance(40000);
    w.record("idle_end", "\"lane\":1,\"events\":0");
  }
  w.advance(1000);
  w.record("exit", "\"code\":0,\"how\":\"normal\"");
}

}  // namespace loopscope
