#include <catch2/catch.hpp>

#include <random>

#include "core/lod.h"

using namespace loopscope;

namespace {

// Contiguous spans of the given widths (ns), starting at 0; the last one ends at `last_end`
// when given (kOpenEnd: still open).
SpanList spans_of(std::initializer_list<Nanos> widths, Nanos gap = 0, Nanos last_end = -1) {
  SpanList out;
  Nanos t = 0;
  for (Nanos w : widths) {
    Span s;
    s.start = t;
    s.end = t + w;
    s.kind = out.size() % 2 ? SpanKind::Suspended : SpanKind::Step;
    out.push_back(s);
    t += w + gap;
  }
  if (last_end != -1) out.last()->end = last_end;
  return out;
}

TimeAxis axis_1ns_per_px(double t0, float width) {
  TimeAxis axis;
  axis.set_pixels(0.0f, width);
  axis.set_run_end(1'000'000'000'000);
  axis.set_range(t0, t0 + width);
  return axis;
}

}  // namespace

TEST_CASE("wide spans stay single, narrow neighbours merge", "[lod]") {
  // 1 ns per px: widths 100 (wide), then five 1-px spans, then 100 (wide).
  auto spans = spans_of({100, 1, 1, 1, 1, 1, 100});
  TimeAxis axis = axis_1ns_per_px(0, 1000);
  std::vector<SpanItem> items;
  lod_spans(spans, axis, 0, items);
  REQUIRE(items.size() == 3);
  CHECK(items[0].count == 1);
  CHECK(items[0].first == 0);
  CHECK(items[1].count == 5);
  CHECK(items[1].first == 1);
  CHECK(items[1].start == 100);
  CHECK(items[1].end == 105);
  CHECK(items[2].count == 1);
  CHECK(items[2].first == 6);
  CHECK(items[2].kind == SpanKind::Step);
}

TEST_CASE("a gap wider than the merge distance splits merged runs", "[lod]") {
  auto spans = spans_of({1, 1, 1, 1}, 10);  // 1-px spans 11 px apart
  TimeAxis axis = axis_1ns_per_px(0, 1000);
  std::vector<SpanItem> items;
  lod_spans(spans, axis, 0, items);
  CHECK(items.size() == 4);
  for (const auto& item : items) CHECK(item.count == 1);
}

TEST_CASE("only the visible range is produced", "[lod]") {
  auto spans = spans_of({100, 100, 100, 100, 100, 100, 100, 100, 100, 100});
  TimeAxis axis = axis_1ns_per_px(250, 200);  // [250, 450)
  std::vector<SpanItem> items;
  lod_spans(spans, axis, 0, items);
  REQUIRE(items.size() == 3);  // [200,300) [300,400) [400,500)
  CHECK(items[0].first == 2);
  CHECK(items[2].first == 4);
  // Clipped near the view instead of far off-screen.
  CHECK(items[0].x0 >= axis.x0() - 64.0f);
  CHECK(items[2].x1 <= axis.x0() + axis.width() + 64.0f);
  auto [b, e] = visible_span_range(spans, 250, 450);
  CHECK(b == 2);
  CHECK(e == 5);
}

TEST_CASE("an open span reaches the live end", "[lod]") {
  auto spans = spans_of({100, 100}, 0, kOpenEnd);
  TimeAxis axis = axis_1ns_per_px(0, 1000);
  std::vector<SpanItem> items;
  lod_spans(spans, axis, 700, items);
  REQUIRE(items.size() == 2);
  CHECK(items[1].end == 700);
  CHECK(items[1].x1 == Approx(700.0f));
}

TEST_CASE("a million tiny spans yield at most about width items", "[lod]") {
  SpanList spans;
  for (std::size_t i = 0; i < 1'000'000; ++i) {
    Span s;
    s.start = static_cast<Nanos>(i) * 1000;
    s.end = s.start + (i % 3 == 0 ? 900 : 400);  // gaps of 100 / 600 ns
    spans.push_back(s);
  }
  TimeAxis axis;
  axis.set_pixels(0.0f, 1600.0f);
  axis.set_run_end(1'000'000'000);
  axis.fit(0, 1e9);
  std::vector<SpanItem> items;
  lod_spans(spans, axis, 0, items);
  CHECK(items.size() >= 1);
  CHECK(items.size() <= 1600);
  std::uint64_t total = 0;
  for (const auto& item : items) total += item.count;
  CHECK(total == spans.size());  // every span is in exactly one item
  // Zoomed in on 1 µs-wide spans, each is single again.
  axis.set_range(500'000'000, 500'050'000);  // 50 µs over 1600 px
  items.clear();
  lod_spans(spans, axis, 0, items);
  CHECK(items.size() >= 50);
  CHECK(items.size() <= 52);
  for (const auto& item : items) CHECK(item.count == 1);
}

TEST_CASE("instants cluster when closer than a few pixels", "[lod]") {
  InstantList instants;
  for (Nanos t : {10, 11, 12, 13, 100, 200, 203, 990, 2000}) {
    Instant in;
    in.t = t;
    instants.push_back(in);
  }
  TimeAxis axis = axis_1ns_per_px(0, 1000);
  std::vector<InstantItem> items;
  lod_instants(instants, axis, items, 7.0f);
  REQUIRE(items.size() == 4);  // {10..13} {100} {200,203} {990}; 2000 is out of view
  CHECK(items[0].count == 4);
  CHECK(items[1].count == 1);
  CHECK(items[2].count == 2);
  CHECK(items[2].first == 5);
  CHECK(items[3].count == 1);
  CHECK(items[3].x == Approx(990.0f));
}

namespace {

// The merging rule, span by span with no shortcuts: what lod_spans must produce however it
// skips ahead (galloping, whole smooth pages).
std::vector<SpanItem> merged_one_by_one(const SpanList& spans, const TimeAxis& axis) {
  std::vector<SpanItem> out;
  const auto [begin, end] = visible_span_range(spans, axis.start(), axis.end());
  const double min_ns = axis.ns_per_px() * kMergePx;
  const auto width = [&](std::size_t i) { return static_cast<double>(spans.end_of(i) - spans.start_of(i)); };
  for (std::size_t i = begin; i < end;) {
    SpanItem item;
    item.first = static_cast<std::uint32_t>(i);
    item.start = spans.start_of(i);
    std::size_t j = i;
    if (width(i) < min_ns) {
      double group_end = static_cast<double>(spans.end_of(i));
      while (j + 1 < end) {
        const double limit = group_end + min_ns;
        const std::size_t k = j + 1;
        const bool absorbed = static_cast<double>(spans.end_of(k)) <= limit ||
                              (static_cast<double>(spans.start_of(k)) < limit && width(k) < min_ns);
        if (!absorbed) break;
        j = k;
        group_end = static_cast<double>(spans.end_of(j));
      }
    }
    item.count = static_cast<std::uint32_t>(j - i + 1);
    item.end = spans.end_of(j);
    out.push_back(item);
    i = j + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("merged runs are the same whether found span by span or by skipping ahead", "[lod]") {
  std::mt19937 rng(5);
  SpanList spans;
  Nanos t = 0;
  for (int i = 0; i < 200'000; ++i) {
    // Mostly tiny spans and gaps, with now and then a wide span or a wide gap, in stretches of
    // different density so that some pages are smooth at a zoom and others are not.
    const bool calm = (i / 5000) % 2 == 0;
    const Nanos gap = rng() % (calm ? 1000 : 50) == 0 ? 200'000 : static_cast<Nanos>(rng() % 300);
    const Nanos width = rng() % (calm ? 2000 : 40) == 0 ? 500'000 : static_cast<Nanos>(rng() % 900);
    Span s;
    s.start = t + gap;
    s.end = s.start + width;
    spans.push_back(s);
    t = s.end;
  }
  for (double view : {1e5, 1e6, 1e7, 5e7, 1e8, 1e9}) {
    for (double from : {0.0, static_cast<double>(t) / 3}) {
      INFO("view " << view << " ns from " << from);
      TimeAxis axis;
      axis.set_pixels(0.0f, 1600.0f);
      axis.set_run_end(t);
      axis.set_range(from, from + view);
      std::vector<SpanItem> fast;
      lod_spans(spans, axis, t, fast);
      const std::vector<SpanItem> slow = merged_one_by_one(spans, axis);
      REQUIRE(fast.size() == slow.size());
      for (std::size_t i = 0; i < fast.size(); ++i) {
        REQUIRE(fast[i].first == slow[i].first);
        REQUIRE(fast[i].count == slow[i].count);
        REQUIRE(fast[i].start == slow[i].start);
        REQUIRE(fast[i].end == slow[i].end);
      }
    }
  }
}
