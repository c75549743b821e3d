#include "core/run_titles.h"

namespace loopscope {

std::string knob_display(const Knob& knob, const std::string& value) {
  if (knob.type == Knob::Type::Bool) return value == "1" ? "on" : "off";
  return value;
}

std::pair<std::string, std::string> compare_titles(const Lesson* lesson, const RunSetup& a, const RunSetup& b) {
  std::string ta, tb;
  const auto add = [](std::string& to, const std::string& part) { to += (to.empty() ? "" : ", ") + part; };
  if (lesson) {
    for (const Knob& k : lesson->knobs) {
      const auto va = a.knobs.count(k.name) ? a.knobs.at(k.name) : k.default_text();
      const auto vb = b.knobs.count(k.name) ? b.knobs.at(k.name) : k.default_text();
      if (va == vb) continue;
      add(ta, k.name + " = " + knob_display(k, va));
      add(tb, k.name + " = " + knob_display(k, vb));
    }
  }
  if (a.program != b.program) {
    add(ta, a.program);
    add(tb, b.program);
  }
  if (a.edited != b.edited) {
    add(ta, a.edited ? "edited" : "as shipped");
    add(tb, b.edited ? "edited" : "as shipped");
  }
  if (ta.empty()) {  // the same setup: told apart by their order
    ta = "run " + std::to_string(a.number);
    tb = "run " + std::to_string(b.number);
  }
  return {ta, tb};
}

}  // namespace loopscope
