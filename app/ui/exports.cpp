#include "ui/exports.h"

namespace loopscope::ui {

// The exporters live in other modules that land separately; until they do, the menu says so.
bool export_chrome_trace(const Trace&, const std::string&, std::string* error) {
  if (error) *error = "the trace exporter is not built in yet";
  return false;
}
bool export_timeline_png(const Trace&, const std::string&, std::string* error) {
  if (error) *error = "the timeline image exporter is not built in yet";
  return false;
}
bool export_timeline_svg(const Trace&, const std::string&, std::string* error) {
  if (error) *error = "the timeline image exporter is not built in yet";
  return false;
}

}  // namespace loopscope::ui
