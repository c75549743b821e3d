// Checks a screenshot of the GUI: png_check FILE WIDTH HEIGHT. Fails (exit 1, with the reason)
// when the image has the wrong size, is blank or nearly so, or when its panels are not there:
// the window is cut into a grid and most cells must show content (several distinct colours),
// and the left, middle and right thirds must differ from each other.
#include <cstdio>
#include <cstdlib>
#include <set>

#include "platform/png_file.h"

namespace {

int fail(const char* what) {
  std::fprintf(stderr, "png_check: %s\n", what);
  return 1;
}

// Distinct colours in a rectangle (quantised a little so antialiasing does not dominate).
std::size_t distinct_colors(const loopscope::platform::Image& img, int x0, int y0, int x1, int y1) {
  std::set<unsigned> colors;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const unsigned char* p = &img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4];
      colors.insert((p[0] >> 2) << 12 | (p[1] >> 2) << 6 | (p[2] >> 2));
    }
  }
  return colors.size();
}

double mean_luma(const loopscope::platform::Image& img, int x0, int y0, int x1, int y1) {
  double sum = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const unsigned char* p = &img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4];
      sum += 0.3 * p[0] + 0.59 * p[1] + 0.11 * p[2];
    }
  }
  return sum / ((x1 - x0) * (y1 - y0));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) return fail("usage: png_check FILE WIDTH HEIGHT");
  const auto img = loopscope::platform::read_png(argv[1]);
  if (img.rgba.empty()) return fail("cannot read the PNG");
  if (img.width != std::atoi(argv[2]) || img.height != std::atoi(argv[3])) return fail("wrong size");
  if (distinct_colors(img, 0, 0, img.width, img.height) < 200) return fail("nearly blank: fewer than 200 colours");
  const int cols = 4, rows = 3;
  int busy = 0;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const int x0 = img.width * c / cols, x1 = img.width * (c + 1) / cols;
      const int y0 = img.height * r / rows, y1 = img.height * (r + 1) / rows;
      if (distinct_colors(img, x0, y0, x1, y1) >= 12) ++busy;
    }
  }
  std::fprintf(stderr, "png_check: %d of %d grid cells show content\n", busy, cols * rows);
  if (busy < 8) return fail("too few regions show content: panels missing");
  // The three columns hold different panels, so their pictures differ.
  const int third = img.width / 3;
  const double a = mean_luma(img, 0, 0, third, img.height);
  const double b = mean_luma(img, third, 0, 2 * third, img.height);
  const double c = mean_luma(img, 2 * third, 0, img.width, img.height);
  const auto differ = [](double u, double v) { return u - v > 0.3 || v - u > 0.3; };
  if (!differ(a, b) && !differ(b, c)) return fail("the columns look identical");
  return 0;
}
