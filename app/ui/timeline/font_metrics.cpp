#include "ui/timeline/font_metrics.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cmath>
#include <unordered_map>

#include "core/font_files.h"
#include "ui/timeline/recording_canvas.h"

namespace loopscope::timeline {

namespace {

// Decodes one UTF-8 character at `i` (advancing it); U+FFFD for a broken sequence.
char32_t next_char(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const int n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (i + static_cast<std::size_t>(n) > text.size()) {
    i = text.size();
    return 0xFFFD;
  }
  char32_t code = n == 1 ? lead : lead & (0x3Fu >> (n - 1));
  for (int k = 1; k < n; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3Fu);
  i += static_cast<std::size_t>(n);
  return code;
}

// One face at one pixel size, sized as Dear ImGui's FreeType builder sizes it (the pixel size is
// ascender + descender) with its advances rounded up to whole pixels, as ImGui does.
class Face {
 public:
  Face(FT_Library library, const std::string& path, float px) : px_(px) {
    if (path.empty() || FT_New_Face(library, path.c_str(), 0, &face_) != 0) {
      face_ = nullptr;
      return;
    }
    FT_Size_RequestRec request{};
    request.type = FT_SIZE_REQUEST_TYPE_REAL_DIM;
    request.height = static_cast<FT_Long>(std::lround(px * 64.0f));
    if (FT_Request_Size(face_, &request) != 0) {
      FT_Done_Face(face_);
      face_ = nullptr;
      return;
    }
    ascent_ = std::ceil(static_cast<float>(face_->size->metrics.ascender) / 64.0f);
    em_ = static_cast<float>(FT_MulFix(face_->units_per_EM, face_->size->metrics.y_scale)) / 64.0f;
  }
  ~Face() {
    if (face_) FT_Done_Face(face_);
  }
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;

  bool ok() const { return face_ != nullptr; }
  float ascent() const { return ascent_; }
  float em() const { return em_; }
  float advance(char32_t c) {
    auto it = advances_.find(c);
    if (it != advances_.end()) return it->second;
    float a = px_ * 0.55f;
    if (FT_Load_Char(face_, c, FT_LOAD_TARGET_LIGHT) == 0) a = std::ceil(static_cast<float>(face_->glyph->advance.x) / 64.0f);
    advances_.emplace(c, a);
    return a;
  }

 private:
  FT_Face face_ = nullptr;
  float px_;
  float ascent_ = 0;
  float em_ = 0;
  std::unordered_map<char32_t, float> advances_;
};

}  // namespace

struct FontFileMetrics::Impl {
  FT_Library library = nullptr;
  std::unique_ptr<Face> label, bold, small;
  EstimatedTextMetrics estimate;
  float label_px, small_px;

  Impl(float label_size, float small_size) : estimate(label_size, small_size), label_px(label_size), small_px(small_size) {
    if (FT_Init_FreeType(&library) != 0) {
      library = nullptr;
      return;
    }
    label = std::make_unique<Face>(library, find_font_file(kLabelFontFile), label_px);
    bold = std::make_unique<Face>(library, find_font_file(kBoldFontFile), label_px);
    small = std::make_unique<Face>(library, find_font_file(kSmallFontFile), small_px);
  }
  ~Impl() {
    label.reset();
    bold.reset();
    small.reset();
    if (library) FT_Done_FreeType(library);
  }
  Face* face(Font font) const {
    Face* f = font == Font::Bold ? bold.get() : font == Font::Small ? small.get() : label.get();
    return f && f->ok() ? f : nullptr;
  }
};

FontFileMetrics::FontFileMetrics(float label_px, float small_px) : impl_(std::make_unique<Impl>(label_px, small_px)) {}
FontFileMetrics::~FontFileMetrics() = default;

float FontFileMetrics::width(Font font, std::string_view text) const {
  Face* face = impl_->face(font);
  if (!face) return impl_->estimate.width(font, text);
  float w = 0;
  for (std::size_t i = 0; i < text.size();) w += face->advance(next_char(text, i));
  return w;
}

float FontFileMetrics::size(Font font) const { return font == Font::Small ? impl_->small_px : impl_->label_px; }

float FontFileMetrics::ascent(Font font) const {
  Face* face = impl_->face(font);
  return face ? face->ascent() : impl_->estimate.ascent(font);
}

float FontFileMetrics::em_size(Font font) const {
  Face* face = impl_->face(font);
  return face ? face->em() : impl_->estimate.em_size(font);
}

bool FontFileMetrics::exact() const { return impl_->face(Font::Label) && impl_->face(Font::Small) && impl_->face(Font::Bold); }

}  // namespace loopscope::timeline
