#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <vector>

#include "ui/timeline/label_placer.h"
#include "ui/timeline/recording_canvas.h"

using namespace loopscope::timeline;

TEST_CASE("text is cut at whole characters with dots, or left out", "[text]") {
  const EstimatedTextMetrics metrics(10, 8);
  RecordingCanvas canvas(metrics);
  CHECK(fit_text(canvas, Font::Label, "sleep(0.5)", 1000) == "sleep(0.5)");
  const std::string cut = fit_text(canvas, Font::Label, "sleep(0.5)", 30);
  CHECK(cut.size() < 10);
  CHECK(cut.substr(cut.size() - 3) == "...");
  CHECK(canvas.text_width(Font::Label, cut) <= 30);
  CHECK(fit_text(canvas, Font::Label, "sleep(0.5)", 3).empty());
  // UTF-8: never half a character.
  const std::string arrows = fit_text(canvas, Font::Label, "\xE2\x86\x90\xE2\x86\x90\xE2\x86\x90\xE2\x86\x90\xE2\x86\x90", 26);
  CHECK((arrows.empty() || arrows.size() % 3 == 0));
}

TEST_CASE("labels take free room only, at their own height", "[text]") {
  LabelPlacer placer;
  CHECK(placer.take({10, 0, 50, 10}));
  CHECK_FALSE(placer.take({40, 5, 60, 15}));
  CHECK(placer.take({40, 20, 60, 30}));  // lower in the row
  CHECK(placer.free_until({60, 0, 200, 10}) == 200);
  CHECK(placer.free_until({0, 0, 200, 10}) == 10);
  CHECK(placer.free_until({20, 0, 200, 10}) == 20);  // starts inside a taken box
  CHECK(placer.free_until({0, 12, 200, 18}) == 200);  // between the two
  placer.clear();
  CHECK(placer.take({40, 5, 60, 15}));
}

namespace {

// The placer's answers worked out box by box, for comparison with its columns.
struct PlainPlacer {
  std::vector<Box> taken;
  bool free(const Box& box) const {
    return std::none_of(taken.begin(), taken.end(), [&](const Box& t) { return t.overlaps(box); });
  }
  float free_until(const Box& box) const {
    float end = box.x1;
    for (const Box& t : taken) {
      if (t.y0 >= box.y1 || box.y0 >= t.y1 || t.x1 <= box.x0 || t.x0 >= box.x1) continue;
      if (t.x0 <= box.x0) return box.x0;
      end = std::min(end, t.x0);
    }
    return end;
  }
};

}  // namespace

TEST_CASE("the placer's columns answer as checking every box would, rolled back or not", "[text]") {
  std::mt19937 random(7);
  std::uniform_real_distribution<float> x(-200.0f, 3000.0f), width(1.0f, 400.0f);
  std::uniform_int_distribution<int> line(0, 3);
  for (int round = 0; round < 20; ++round) {
    LabelPlacer placer;
    PlainPlacer plain;
    for (int i = 0; i < 300; ++i) {
      const float x0 = x(random), y0 = static_cast<float>(line(random)) * 10.0f;
      const Box box{x0, y0, x0 + width(random), y0 + 10.0f};
      if (i % 7 == 0) {
        const std::size_t mark = placer.mark();
        placer.force(box);
        placer.take({x(random), y0, x(random) + 3000.0f, y0 + 10.0f});
        placer.roll_back(mark);  // as if neither had been placed
        continue;
      }
      const Box query{box.x0, box.y0, box.x0 + 2000.0f, box.y1};
      CHECK(placer.free_until(query) == plain.free_until(query));
      const bool was_free = plain.free(box);
      CHECK(placer.take(box) == was_free);
      if (was_free) plain.taken.push_back(box);
    }
  }
}
