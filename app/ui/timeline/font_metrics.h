// Text widths read from the font files the app draws with (Inter), through FreeType, at the
// pixel sizes of an export: an SVG made without a window measures its labels as the screen
// would. Falls back to estimates when a font file is missing.
#pragma once

#include <memory>
#include <string>

#include "ui/timeline/canvas.h"

namespace loopscope::timeline {

class FontFileMetrics final : public TextMetrics {
 public:
  // `label_px`, `small_px`: the sizes of the Label/Bold and Small fonts.
  FontFileMetrics(float label_px, float small_px);
  ~FontFileMetrics() override;
  FontFileMetrics(const FontFileMetrics&) = delete;
  FontFileMetrics& operator=(const FontFileMetrics&) = delete;

  float width(Font font, std::string_view text) const override;
  float size(Font font) const override;
  float ascent(Font font) const override;
  float em_size(Font font) const override;
  // Whether the font files were found (else widths are estimates).
  bool exact() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace loopscope::timeline
