// The shared-memory ring the runtime writes its records into (docs/trace-format.md,
// "Transport"). We create it (a memfd), the child gets it as fd 3 and maps it too; a record
// counts as written once the child has advanced the write position past it, so everything the
// child emitted is here even when it dies of SIGKILL or SIGSEGV: nothing is flushed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace loopscope {

class EventRing {
 public:
  static constexpr std::size_t kHeaderBytes = 4096;
  static constexpr std::size_t kDefaultCapacity = std::size_t{8} << 20;  // a power of two

  EventRing() = default;
  ~EventRing();
  EventRing(const EventRing&) = delete;
  EventRing& operator=(const EventRing&) = delete;

  // Creates the memfd and maps it. False with `error` if the system refuses.
  bool create(std::size_t capacity, std::string* error);
  // The memfd (close-on-exec; the child gets it through dup2), or -1.
  int fd() const { return fd_; }
  // Appends the bytes the child has written since the last call to `out`; returns how many.
  // Only one thread may call it.
  std::size_t take(std::string& out);
  // Records the runtime left out because of its event budget (written by it at exit).
  std::uint64_t dropped_records() const;
  void close_fd();  // the mapping stays readable
  void release();   // unmaps and closes

 private:
  std::uint64_t load(std::size_t word) const;
  void store(std::size_t word, std::uint64_t value);
  int fd_ = -1;
  unsigned char* map_ = nullptr;
  std::size_t map_size_ = 0;
  std::size_t capacity_ = 0;
  std::uint64_t read_ = 0;
};

}  // namespace loopscope
