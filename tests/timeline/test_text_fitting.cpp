#include <catch2/catch.hpp>

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
