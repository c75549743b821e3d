// The SVG export is the screen's painting written as SVG: the same texts in the same order, the
// theme's colours, hatching as a pattern, escaped text, and only what is in the range shown.
#include <catch2/catch.hpp>

#include <regex>

#include "../core/trace_fixtures.h"
#include "paint_helpers.h"
#include "ui/timeline/font_metrics.h"
#include "ui/timeline/svg_canvas.h"
#include "ui/timeline/timeline_svg.h"

using namespace paint_test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string escaped(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

std::vector<std::string> svg_texts(const std::string& svg) {
  std::vector<std::string> out;
  const std::regex text(R"(<text [^>]*>([^<]*)</text>)");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("an SVG replays exactly what the screen's painter drew", "[svg]") {
  for (auto stream : {fixtures::kStarvedTicker, fixtures::kAsyncChain, fixtures::kBlockingAndThread, fixtures::kGenerators}) {
    const Trace trace = trace_of(stream);
    Painted p;
    paint(p, trace);
    SvgCanvas svg(p.metrics, 1600, 900);
    p.canvas.replay(svg);
    const std::string doc = svg.finish();
    std::vector<std::string> want;
    for (const std::string& t : p.canvas.texts())
      if (!t.empty()) want.push_back(escaped(t));
    CHECK(svg_texts(doc) == want);
    // One SVG shape per recorded shape.
    std::size_t shapes = 0;
    for (const DrawCommand& c : p.canvas.commands())
      shapes += c.kind != DrawCommand::Kind::Text && c.kind != DrawCommand::Kind::PushClip &&
                c.kind != DrawCommand::Kind::PopClip && c.kind != DrawCommand::Kind::Hatch;
    const std::regex shape(R"(<(rect|line|polygon|circle|path) )");
    const auto found = static_cast<std::size_t>(std::distance(std::sregex_iterator(doc.begin(), doc.end(), shape), std::sregex_iterator()));
    CHECK(found >= shapes);  // hatches add a pattern's rect and line
  }
}

TEST_CASE("the SVG export draws every lane in the theme's colours", "[svg]") {
  const Trace trace = trace_of(fixtures::kStarvedTicker);
  const EstimatedTextMetrics metrics;
  SvgExportOptions options;
  const std::string dark = timeline_svg(trace, shipped_theme("dark"), metrics, options);
  CHECK(dark.rfind("<svg ", 0) == 0);
  CHECK(contains(dark, "</svg>"));
  const auto loop_at = dark.find(">event loop<"), ticker_at = dark.find(">ticker<");
  REQUIRE(loop_at != std::string::npos);
  REQUIRE(ticker_at != std::string::npos);
  CHECK(loop_at < ticker_at);
  CHECK(contains(dark, "time.sleep(0.2)"));
  CHECK(contains(dark, hex_rgb(shipped_theme("dark").error)));
  CHECK(contains(dark, "<pattern"));  // the starved ticker, hatched
  const std::string projector = timeline_svg(trace, shipped_theme("projector"), metrics, options);
  CHECK(contains(projector, hex_rgb(shipped_theme("projector").error)));
  CHECK_FALSE(contains(projector, hex_rgb(shipped_theme("dark").error)));
}

TEST_CASE("the SVG export escapes text and shows only the range asked for", "[svg]") {
  const Trace trace = trace_of(R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1000,"ev":"print","lane":0,"stream":"stdout","text":"tick <0> & \"more\""}
{"seq":2,"t":5000000,"ev":"block","lane":0,"what":"time.sleep(1)","line":5}
{"seq":3,"t":9000000,"ev":"block_end","lane":0}
)J");
  const EstimatedTextMetrics metrics;
  SvgExportOptions options;
  options.t0 = 0;
  options.t1 = 200000;
  const std::string svg = timeline_svg(trace, shipped_theme("dark"), metrics, options);
  CHECK(contains(svg, "&quot;tick &lt;0&gt; &amp; &quot;more&quot;&quot;"));
  CHECK_FALSE(contains(svg, "<0>"));
}

TEST_CASE("two runs compared: the pinned one above the current one, on one axis, each titled", "[svg]") {
  const Trace blocked = trace_of(fixtures::kStarvedTicker);
  const Trace cooperative = trace_of(fixtures::kTwoTasks);
  const EstimatedTextMetrics metrics;
  SvgExportOptions options;
  options.pinned = &blocked;
  options.pinned_title = "blocking = on";
  options.current_title = "blocking = off";
  const std::string svg = timeline_svg(cooperative, shipped_theme("dark"), metrics, options);
  const auto pinned_at = svg.find(">pinned: blocking = on<"), current_at = svg.find(">this run: blocking = off<");
  REQUIRE(pinned_at != std::string::npos);
  REQUIRE(current_at != std::string::npos);
  CHECK(pinned_at < current_at);
  CHECK(svg.find("time.sleep(0.2)") < current_at);  // the pinned run's blocking call, above
  CHECK(svg.find(">w1<") > current_at);              // the current run's task, below
  // One picture, as tall as both runs.
  SvgExportOptions single;
  CHECK(ExportPicture(cooperative, shipped_theme("dark"), metrics, options).height() >
        ExportPicture(cooperative, shipped_theme("dark"), metrics, single).height());
}

TEST_CASE("SVG text is set at the em size of the screen's fonts, so it takes the room it was measured for", "[svg]") {
  // The screen sizes a font by its line height (ImGui: ascender + descender); an SVG's
  // font-size is the em, smaller for Inter. Writing the line height made every label about a
  // fifth wider than measured, and neighbours ran into each other.
  const timeline::FontFileMetrics metrics(16, 13);
  REQUIRE(metrics.exact());  // fonts-inter is in the package list
  const float em = metrics.em_size(Font::Label);
  CHECK(em > 16 * 0.7f);
  CHECK(em < 16 * 0.9f);
  const Trace trace = trace_of(fixtures::kTwoTasks);
  timeline::SvgExportOptions options;
  const std::string svg = timeline::timeline_svg(trace, shipped_theme("dark"), metrics, options);
  char expected[48];
  std::snprintf(expected, sizeof expected, "font-size=\"%g\"", std::round(em * 10) / 10);
  INFO(expected);
  CHECK(contains(svg, expected));
}
