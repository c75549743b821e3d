#include "runner/event_ring.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace loopscope {

namespace {

// Header words (64-bit, native order), as app/runtime/loopscope_runtime/stream.py has them:
// magic, capacity, then write, read and dropped-record counts each on a cache line of its own.
constexpr char kMagic[8] = {'L', 'S', 'R', 'I', 'N', 'G', '1', '\0'};
constexpr std::size_t kCapacityWord = 1, kWriteWord = 8, kReadWord = 16, kDroppedWord = 24;

}  // namespace

EventRing::~EventRing() { release(); }

bool EventRing::create(std::size_t capacity, std::string* error) {
  release();
  auto fail = [&](const char* what) {
    if (error) *error = std::string(what) + ": " + std::strerror(errno);
    release();
    return false;
  };
  if (capacity == 0 || (capacity & (capacity - 1)) != 0) {
    if (error) *error = "the event ring's capacity must be a power of two";
    return false;
  }
  const int raw = ::memfd_create("loopscope-events", MFD_CLOEXEC);
  if (raw < 0) return fail("cannot create the event ring (memfd_create)");
  // Above the child's standard fds and fd 3: posix_spawn's dup2 onto the same number would be
  // a no-op that keeps close-on-exec.
  fd_ = ::fcntl(raw, F_DUPFD_CLOEXEC, 10);
  ::close(raw);
  if (fd_ < 0) return fail("cannot create the event ring (fcntl)");
  map_size_ = kHeaderBytes + capacity;
  if (::ftruncate(fd_, static_cast<off_t>(map_size_)) != 0) return fail("cannot size the event ring");
  void* p = ::mmap(nullptr, map_size_, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, 0);
  if (p == MAP_FAILED) return fail("cannot map the event ring");
  map_ = static_cast<unsigned char*>(p);
  capacity_ = capacity;
  read_ = 0;
  std::memcpy(map_, kMagic, sizeof kMagic);
  store(kCapacityWord, capacity);
  return true;
}

std::uint64_t EventRing::load(std::size_t word) const {
  auto* w = reinterpret_cast<std::uint64_t*>(map_) + word;
  return std::atomic_ref<std::uint64_t>(*w).load(std::memory_order_acquire);
}

void EventRing::store(std::size_t word, std::uint64_t value) {
  auto* w = reinterpret_cast<std::uint64_t*>(map_) + word;
  std::atomic_ref<std::uint64_t>(*w).store(value, std::memory_order_release);
}

std::size_t EventRing::take(std::string& out) {
  if (!map_) return 0;
  const std::uint64_t written = load(kWriteWord);
  // A write position behind ours, or more than a ring ahead, is not the runtime's: ignore it.
  if (written <= read_ || written - read_ > capacity_) return 0;
  const std::size_t n = static_cast<std::size_t>(written - read_);
  const std::size_t at = static_cast<std::size_t>(read_ & (capacity_ - 1));
  const unsigned char* data = map_ + kHeaderBytes;
  const std::size_t first = std::min(n, capacity_ - at);
  out.append(reinterpret_cast<const char*>(data + at), first);
  out.append(reinterpret_cast<const char*>(data), n - first);
  read_ = written;
  store(kReadWord, read_);  // the runtime may reuse the space now
  return n;
}

std::uint64_t EventRing::dropped_records() const { return map_ ? load(kDroppedWord) : 0; }

void EventRing::close_fd() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

void EventRing::release() {
  if (map_) ::munmap(map_, map_size_);
  map_ = nullptr;
  map_size_ = capacity_ = 0;
  close_fd();
}

}  // namespace loopscope
