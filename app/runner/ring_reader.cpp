#include "runner/ring_reader.h"

#include <chrono>
#include <string>

namespace loopscope {

void RingReader::start(EventRing& ring, OnData on_data) {
  {
    std::lock_guard lock(mutex_);
    finishing_ = false;
  }
  thread_ = std::thread([this, &ring, cb = std::move(on_data)] { run(ring, cb); });
}

void RingReader::run(EventRing& ring, const OnData& on_data) {
  using namespace std::chrono_literals;
  std::string chunk;
  auto idle_wait = 1ms;
  for (;;) {
    // Read the flag first: a take() after seeing it gets everything written before the end.
    const bool last = wait_or_finishing(0ms);
    chunk.clear();
    if (ring.take(chunk) > 0) {
      on_data(chunk);
      idle_wait = 1ms;
      continue;
    }
    if (last) return;
    wait_or_finishing(idle_wait);
    if (idle_wait < 10ms) idle_wait += 1ms;  // a quiet script costs few wake-ups
  }
}

bool RingReader::wait_or_finishing(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  if (wait.count() > 0) wake_.wait_for(lock, wait, [this] { return finishing_; });
  return finishing_;
}

void RingReader::finish() {
  {
    std::lock_guard lock(mutex_);
    finishing_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace loopscope
