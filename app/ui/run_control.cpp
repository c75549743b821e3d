#include "ui/run_control.h"

namespace loopscope::ui {

#if LOOPSCOPE_HAVE_RUN_SESSION
struct RunControl::Impl {
  RunSession session;
};
RunControl::RunControl() : impl_(std::make_unique<Impl>()) {}
RunControl::~RunControl() = default;
bool RunControl::start(const RunRequest& request, std::string* error) { return impl_->session.start(request, error); }
std::size_t RunControl::pump(Trace& trace) { return impl_->session.pump(trace); }
void RunControl::stop() { impl_->session.stop(); }
bool RunControl::running() const { return impl_->session.running(); }
double RunControl::elapsed_s() const { return impl_->session.elapsed_s(); }
std::string RunControl::raw_output() const { return impl_->session.raw_output(); }
#else
struct RunControl::Impl {};
RunControl::RunControl() = default;
RunControl::~RunControl() = default;
bool RunControl::start(const RunRequest&, std::string* error) {
  if (error) *error = "this build has no runner yet (app/runner): open a saved trace instead";
  return false;
}
std::size_t RunControl::pump(Trace&) { return 0; }
void RunControl::stop() {}
bool RunControl::running() const { return false; }
double RunControl::elapsed_s() const { return 0.0; }
std::string RunControl::raw_output() const { return {}; }
#endif

}  // namespace loopscope::ui
