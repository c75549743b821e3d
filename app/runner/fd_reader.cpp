#include "runner/fd_reader.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

namespace loopscope {

void FdReader::start(int fd, OnData on_data) {
  done_ = false;
  abandon_ = false;
  thread_ = std::thread([this, fd, cb = std::move(on_data)] { run(fd, cb); });
}

void FdReader::run(int fd, OnData on_data) {
  char buffer[1 << 16];
  while (!abandon_.load()) {
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, 100);
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      on_data(std::string_view(buffer, static_cast<std::size_t>(n)));
      continue;
    }
    if (n == 0 || (errno != EINTR && errno != EAGAIN)) break;  // end-of-file or a real error
  }
  done_ = true;
}

void FdReader::join() {
  if (thread_.joinable()) thread_.join();
}

void FdReader::abandon_and_join() {
  abandon_ = true;
  join();
}

}  // namespace loopscope
