// What the timeline draws for fixture traces, read off the recorded draw calls: the visual
// language (solid steps, labelled suspensions, hatching only where a task was starved, red
// blocking), values on the lane that yielded them, labels that never overprint each other,
// colours only from the theme.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "../core/trace_fixtures.h"
#include "core/trace_io.h"
#include "paint_helpers.h"

using namespace paint_test;

namespace {

LaneId lane_named(const Trace& trace, std::string_view name) { return fixtures::lane_named(trace, name); }

// Every colour drawn is one of the theme's (maybe faded): nothing is painted in a colour the
// theme file does not name.
bool from_theme(Rgba color, const Theme& t) {
  const Rgba rgb = color & 0x00FFFFFFu;
  const Rgba named[] = {t.bg, t.panel, t.raised, t.hover, t.active, t.border, t.text, t.text_dim, t.text_faint,
                        t.text_on_dark, t.text_on_light, t.accent, t.accent_soft, t.ok, t.warn, t.error, t.error_soft,
                        t.lane_main, t.lane_loop, t.lane_thread, t.lane_gen, t.row_alt, t.grid, t.idle,
                        t.stripes_on_red, t.label_backdrop, t.scroll_shade};
  for (Rgba n : named)
    if ((n & 0x00FFFFFFu) == rgb) return true;
  return std::any_of(t.task_hues.begin(), t.task_hues.end(), [&](Rgba h) { return (h & 0x00FFFFFFu) == rgb; });
}

struct TextBox {
  float x0, x1, y0, y1;
  std::string text;
};

// The boxes of the texts drawn in the plot (right of the names column), with their clip.
std::vector<TextBox> plot_texts(const Painted& p) {
  std::vector<TextBox> out;
  for (const DrawCommand& c : p.canvas.commands()) {
    if (c.kind != DrawCommand::Kind::Text || c.p[0].x < p.axis.x0()) continue;
    const float w = p.metrics.width(c.font, c.text), h = p.metrics.size(c.font);
    // Only what the clip lets through can collide on screen.
    const float x0 = std::max(c.p[0].x, c.clip_min.x), x1 = std::min(c.p[0].x + w, c.clip_max.x);
    if (x1 <= x0) continue;
    // A line of text is `h` tall; its glyphs leave the top and bottom pixel free (the painter
    // lets boxes touch there).
    out.push_back({x0, x1, c.p[0].y + 1, c.p[0].y + h - 1, c.text});
  }
  return out;
}

std::string overprint(const Painted& p) {
  const auto boxes = plot_texts(p);
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      const TextBox& a = boxes[i];
      const TextBox& b = boxes[j];
      const bool x = a.x0 < b.x1 - 0.5f && b.x0 < a.x1 - 0.5f;
      const bool y = a.y0 < b.y1 - 0.5f && b.y0 < a.y1 - 0.5f;
      if (x && y) return "'" + a.text + "' overprints '" + b.text + "'";
    }
  return {};
}

// A label that a later filled shape covers (a step's name under a blocking block): the
// first such, or "". Triangles and quads (markers) are small and left out.
std::string painted_over(const Painted& p) {
  const auto& commands = p.canvas.commands();
  for (std::size_t i = 0; i < commands.size(); ++i) {
    const DrawCommand& t = commands[i];
    if (t.kind != DrawCommand::Kind::Text || t.p[0].x < p.axis.x0()) continue;
    const float w = p.metrics.width(t.font, t.text), h = p.metrics.size(t.font);
    const float x0 = std::max(t.p[0].x, t.clip_min.x), x1 = std::min(t.p[0].x + w, t.clip_max.x);
    const float y0 = t.p[0].y + 2, y1 = t.p[0].y + h - 2;
    if (x1 <= x0) continue;
    for (std::size_t j = i + 1; j < commands.size(); ++j) {
      const DrawCommand& s = commands[j];
      if (s.kind != DrawCommand::Kind::Rect && s.kind != DrawCommand::Kind::Hatch) continue;
      const float sx0 = std::max(s.p[0].x, s.clip_min.x), sx1 = std::min(s.p[1].x, s.clip_max.x);
      const float sy0 = std::max(s.p[0].y, s.clip_min.y), sy1 = std::min(s.p[1].y, s.clip_max.y);
      if (sx0 < x1 - 1 && x0 + 1 < sx1 && sy0 < y1 && y0 < sy1) return "'" + t.text + "' is painted over";
    }
  }
  return {};
}

}  // namespace

TEST_CASE("a blocking call is red with its line, the starved ticker is hatched, labelled with the wait", "[painter]") {
  const Trace trace = trace_of(fixtures::kStarvedTicker);
  Painted p;
  paint(p, trace);
  const LaneId loop = lane_named(trace, "loop");
  const LaneId ticker = lane_named(trace, "ticker");
  bool red = false;
  for (const DrawCommand& c : p.canvas.commands())
    red = red || (c.kind == DrawCommand::Kind::Rect && c.color == p.theme.error && c.p[0].y >= p.scene.row_of(loop)->y0 &&
                  c.p[0].y < p.scene.row_of(loop)->y1);
  CHECK(red);
  CHECK(p.has_text("time.sleep(0.2)  line 12"));
  CHECK(p.count(DrawCommand::Kind::Hatch, ticker) >= 1);
  const auto ticker_texts = p.texts_in_row(ticker);
  CHECK(std::any_of(ticker_texts.begin(), ticker_texts.end(),
                    [](const std::string& t) { return t.find("due, waiting for the loop +154") == 0; }));
  CHECK(p.has_text("+154 ms late"));  // the late flag
}

namespace {

// A task that calls time.sleep(0.1) three times in a row on the loop thread (lesson 7's
// process()), with a few microseconds of its own work between the calls.
constexpr std::string_view kThreeSleeps = R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":10,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":2,"t":20,"ev":"lane","lane":2,"kind":"task","name":"process","coro":"process","parent":0,"line":3,"loop":1}
{"seq":3,"t":1000,"ev":"run","lane":2,"line":4,"ready":999,"by":0,"why":"start"}
{"seq":4,"t":2000,"ev":"block","lane":1,"what":"time.sleep(0.1)","line":19}
{"seq":5,"t":100002000,"ev":"block_end","lane":1}
{"seq":6,"t":100010000,"ev":"block","lane":1,"what":"time.sleep(0.1)","line":19}
{"seq":7,"t":200010000,"ev":"block_end","lane":1}
{"seq":8,"t":200020000,"ev":"block","lane":1,"what":"time.sleep(0.1)","line":19}
{"seq":9,"t":300020000,"ev":"block_end","lane":1}
{"seq":10,"t":300030000,"ev":"done","lane":2,"outcome":"result","detail":"None","line":20}
)J";

std::size_t texts_starting(const std::vector<std::string>& texts, std::string_view start) {
  return static_cast<std::size_t>(std::count_if(texts.begin(), texts.end(), [&](const std::string& t) { return t.rfind(start, 0) == 0; }));
}

}  // namespace

TEST_CASE("like blocking calls in a row are labelled once when their own labels do not fit", "[painter]") {
  const Trace trace = trace_of(kThreeSleeps);
  const LaneId loop = lane_named(trace, "loop");
  SECTION("wide: each call has its own label") {
    Painted p;
    paint(p, trace, 1600);
    const auto texts = p.texts_in_row(loop);
    CHECK(texts_starting(texts, "time.sleep(0.1)  line 19") == 3);
    CHECK(texts_starting(texts, "time.sleep(0.1) \u00d7") == 0);
  }
  SECTION("narrow: one label says how many") {
    Painted p;
    paint(p, trace, 480);
    const auto texts = p.texts_in_row(loop);
    CHECK(texts_starting(texts, "time.sleep(0.1) \u00d73") == 1);
    CHECK(texts_starting(texts, "time.sleep(0.1)  line") == 0);
  }
}

TEST_CASE("a yielded value sits right of its marker, even where markers are close", "[painter]") {
  // numbers() yields 0..5 every 10 ms to main. Where markers are close there is room for a
  // short value but not for a cut label; a value drawn left of its marker reads as the
  // previous marker's.
  std::string stream = R"J({"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":5,"ev":"lane","lane":1,"kind":"gen","name":"numbers","obj":"generator","parent":0,"line":4}
)J";
  for (int i = 0; i < 6; ++i) {
    const long long t = 10'000'000LL * (i + 1);
    const std::string enter_seq = std::to_string(2 + 2 * i), leave_seq = std::to_string(3 + 2 * i);
    stream += R"J({"seq":)J" + enter_seq + R"J(,"t":)J" + std::to_string(t) +
              R"J(,"ev":"enter","lane":1,"from":0,"how":")J" + (i == 0 ? "start" : "resume") + R"J(","line":5}
{"seq":)J" + leave_seq + R"J(,"t":)J" + std::to_string(t + 1000) +
              R"J(,"ev":"leave","lane":1,"from":0,"how":"yield","value":")J" + std::to_string(i) + R"J(","line":6}
)J";
  }
  const Trace trace = trace_of(stream);
  const LaneId gen = lane_named(trace, "numbers");
  // From markers 15 px apart to 60: every value drawn sits right of its marker (the last one
  // may go left of it at the view's right end, where nothing follows it).
  for (float width = 250; width <= 600; width += 10) {
    Painted p;
    paint(p, trace, width);
    const Row* row = p.scene.row_of(gen);
    REQUIRE(row);
    for (const DrawCommand& c : p.canvas.commands()) {
      if (c.kind != DrawCommand::Kind::Text || c.p[0].y < row->y0 || c.p[0].y >= row->y1 || c.text.size() != 1) continue;
      const int value = c.text[0] - '0';
      if (value < 0 || value > 4) continue;
      const float marker_x = static_cast<float>(p.axis.x_of(10'000'000.0 * (value + 1) + 1000));
      INFO("width " << width << ": value " << value << " at x " << c.p[0].x << ", its marker at " << marker_x);
      CHECK(c.p[0].x > marker_x);
    }
  }
}

TEST_CASE("a timer late while the loop idled is not drawn as starvation", "[painter]") {
  const Trace trace = trace_of(fixtures::kTwoTasks);
  Painted p;
  paint(p, trace);
  for (const DrawCommand& c : p.canvas.commands()) CHECK(c.kind != DrawCommand::Kind::Hatch);
  CHECK_FALSE(p.has_text("late"));
  CHECK_FALSE(p.has_text("waiting for the loop"));
}

TEST_CASE("stages of a pipeline: values on the lane that yielded them, the outer stage points at the inner", "[painter]") {
  const Trace trace = trace_of(fixtures::kAsyncChain);
  Painted p;
  paint(p, trace);
  const LaneId lines = lane_named(trace, "lines"), chunks = lane_named(trace, "chunks");
  const LaneId task = lane_named(trace, "Task-1");
  const auto chunk_texts = p.texts_in_row(chunks);
  const auto line_texts = p.texts_in_row(lines);
  CHECK(std::count(chunk_texts.begin(), chunk_texts.end(), "'id=1'") == 1);  // chunks yielded it
  CHECK(std::count(line_texts.begin(), line_texts.end(), "'id=1'") == 1);    // lines yielded its own
  CHECK(std::any_of(chunk_texts.begin(), chunk_texts.end(), [](const std::string& t) { return t.rfind("sleep(0.02)", 0) == 0; }));
  CHECK(std::any_of(line_texts.begin(), line_texts.end(), [](const std::string& t) { return t.find("chunks") != std::string::npos; }));
  const auto task_texts = p.texts_in_row(task);
  CHECK(std::find(task_texts.begin(), task_texts.end(), "'id=1'") == task_texts.end());  // only a receive mark
}

TEST_CASE("labels never overprint each other, on any recorded fixture, at any zoom", "[painter]") {
  const std::filesystem::path dir = std::string(LOOPSCOPE_SOURCE_DIR) + "/tests/runtime/fixtures";
  std::size_t seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".jsonl") continue;
    Trace trace;
    std::string error;
    REQUIRE(load_trace_file(entry.path().string(), trace, &error));
    for (float width : {700.0f, 1280.0f, 2400.0f}) {
      INFO(entry.path().filename().string() << " at " << width << " px");
      Painted p;
      paint(p, trace, width, 2000);
      CHECK(overprint(p) == "");
      CHECK(painted_over(p) == "");
      for (const DrawCommand& c : p.canvas.commands())
        if (c.kind != DrawCommand::Kind::PushClip && c.kind != DrawCommand::Kind::PopClip) CHECK(from_theme(c.color, p.theme));
    }
    ++seen;
  }
  CHECK(seen >= 8);
}

TEST_CASE("lanes are named apart: tasks of one coroutine get #1, #2, a named task keeps its name", "[painter]") {
  const Trace trace = trace_of(R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":2,"t":2,"ev":"lane","lane":2,"kind":"task","name":"Task-2","coro":"consumer","parent":0,"line":3,"loop":1}
{"seq":3,"t":3,"ev":"lane","lane":3,"kind":"task","name":"Task-3","coro":"consumer","parent":0,"line":3,"loop":1}
{"seq":4,"t":4,"ev":"lane","lane":4,"kind":"task","name":"producer","coro":"produce","parent":0,"line":4,"loop":1}
{"seq":5,"t":5,"ev":"run","lane":2,"line":5,"ready":4,"by":0,"why":"start"}
{"seq":6,"t":6,"ev":"run","lane":3,"line":5,"ready":4,"by":0,"why":"start"}
{"seq":7,"t":7,"ev":"run","lane":4,"line":5,"ready":4,"by":0,"why":"start"}
)J");
  Painted p;
  paint(p, trace);
  CHECK(p.scene.names().title(2) == "consumer #1");
  CHECK(p.scene.names().title(3) == "consumer #2");
  CHECK(p.scene.names().title(4) == "producer");
  CHECK(p.scene.names().subtitle(2) == "Task-2 \xC2\xB7 consumer()");
  CHECK(p.has_text("consumer #1"));
}

TEST_CASE("tasks that only ran library code fold into one group, the switch shows them", "[painter]") {
  const Trace trace = trace_of(R"J(
{"seq":0,"t":0,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":1,"t":1,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":2,"t":2,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":30,"loop":1}
{"seq":3,"t":3,"ev":"run","lane":2,"line":31,"ready":2,"by":0,"why":"start"}
{"seq":4,"t":4,"ev":"lane","lane":3,"kind":"task","name":"Task-2","coro":"Server.serve","parent":2,"line":33,"loop":1}
{"seq":5,"t":5,"ev":"suspend","lane":2,"line":34,"awaiting":"sleep(1)","wait":"sleep","target":-1}
{"seq":6,"t":6,"ev":"run","lane":3,"ready":4,"by":2,"why":"start"}
{"seq":7,"t":7,"ev":"suspend","lane":3,"awaiting":"Event.wait()","wait":"event","target":-1}
)J");
  Painted folded;
  paint(folded, trace);
  CHECK(folded.scene.row_of(3) == nullptr);
  CHECK(folded.scene.row_of(2) != nullptr);
  CHECK(folded.has_text("library tasks (1)"));
  TimelineOptions everything;
  everything.show_library = true;
  Painted shown;
  paint(shown, trace, 1600, 900, everything);
  CHECK(shown.scene.row_of(3) != nullptr);
}

TEST_CASE("when lanes overflow the panel, the panel says how many are below", "[painter]") {
  const Trace trace = trace_of(fixtures::kStarvedTicker);
  Painted small;
  paint(small, trace, 1280, 110);
  CHECK(small.scene.rows_below_view() > 0);
  CHECK(small.has_text("more lane"));
  Painted big;
  paint(big, trace, 1280, 900);
  CHECK_FALSE(big.has_text("more lane"));
}

TEST_CASE("the time past the event budget is shaded and says it was not recorded", "[painter]") {
  Painted p;
  paint(p, paint_test::trace_of(fixtures::kBudgetCut));
  CHECK(p.has_text("not recorded"));
  Painted whole;
  paint(whole, paint_test::trace_of(fixtures::kTwoTasks));
  CHECK_FALSE(whole.has_text("not recorded"));
}

TEST_CASE("the theme decides every colour", "[painter]") {
  const Trace trace = trace_of(fixtures::kStarvedTicker);
  Painted dark, projector;
  paint(dark, trace, 1600, 900, {}, "dark");
  paint(projector, trace, 1600, 900, {}, "projector");
  const auto uses = [](const Painted& p, Rgba color) {
    return std::any_of(p.canvas.commands().begin(), p.canvas.commands().end(),
                       [&](const DrawCommand& c) { return c.kind == DrawCommand::Kind::Rect && c.color == color; });
  };
  CHECK(uses(dark, dark.theme.error));
  CHECK(uses(projector, projector.theme.error));
  CHECK_FALSE(uses(projector, dark.theme.error));
}
