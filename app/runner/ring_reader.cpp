#include "runner/ring_reader.h"

#include <chrono>
#include <string>

namespace loopscope {

void RingReader::start(EventRing& ring, OnData on_data) {
  finishing_ = false;
  thread_ = std::thread([this, &ring, cb = std::move(on_data)] { run(ring, cb); });
}

void RingReader::run(EventRing& ring, const OnData& on_data) {
  using namespace std::chrono_literals;
  std::string chunk;
  auto idle_wait = 1ms;
  for (;;) {
    // Read the flag first: a take() after seeing it gets everything written before the end.
    const bool last = finishing_.load();
    chunk.clear();
    if (ring.take(chunk) > 0) {
      on_data(chunk);
      idle_wait = 1ms;
      continue;
    }
    if (last) return;
    std::this_thread::sleep_for(idle_wait);
    if (idle_wait < 10ms) idle_wait += 1ms;  // a quiet script costs few wake-ups
  }
}

void RingReader::finish() {
  finishing_ = true;
  if (thread_.joinable()) thread_.join();
}

}  // namespace loopscope
