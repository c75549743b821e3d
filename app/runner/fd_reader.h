// A thread that reads one pipe until end-of-file and hands every chunk to a callback.
// It polls with a short timeout so that it can be told to give up on a pipe that a stray
// grandchild keeps open.
#pragma once

#include <atomic>
#include <functional>
#include <string_view>
#include <thread>

namespace loopscope {

class FdReader {
 public:
  using OnData = std::function<void(std::string_view)>;
  FdReader() = default;
  ~FdReader() { abandon_and_join(); }
  FdReader(const FdReader&) = delete;
  FdReader& operator=(const FdReader&) = delete;

  void start(int fd, OnData on_data);
  bool done() const { return done_.load(); }  // end-of-file (or error, or abandoned)
  void abandon_and_join();                    // stop reading and wait for the thread
  void join();                                // wait for end-of-file

 private:
  void run(int fd, OnData on_data);
  std::thread thread_;
  std::atomic<bool> done_{false};
  std::atomic<bool> abandon_{false};
};

}  // namespace loopscope
