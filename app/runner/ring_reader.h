// A thread that takes what the runtime writes into the event ring and hands every chunk to a
// callback, polling (about every millisecond while records come, less often while none do).
// The child's death ends nothing here: the owner calls finish() once the child has been
// reaped, and the reader, woken at once, takes what is left and stops.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string_view>
#include <thread>

#include "runner/event_ring.h"

namespace loopscope {

class RingReader {
 public:
  using OnData = std::function<void(std::string_view)>;
  RingReader() = default;
  ~RingReader() { finish(); }
  RingReader(const RingReader&) = delete;
  RingReader& operator=(const RingReader&) = delete;

  void start(EventRing& ring, OnData on_data);
  // Takes the last records (the writer is gone) and joins the thread.
  void finish();

 private:
  void run(EventRing& ring, const OnData& on_data);
  // Waits up to `wait` unless finish() comes first; true once finishing.
  bool wait_or_finishing(std::chrono::milliseconds wait);
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool finishing_ = false;      // guarded by mutex_
};

}  // namespace loopscope
