// The packed lists give back exactly what was pushed: every field, at every size, across page
// boundaries, with values that do not fit the compact form (times more than 4.29 s apart,
// long spans, open ends, no lane, no event), and after a copy.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <vector>

#include "core/event_list.h"
#include "core/instant_list.h"
#include "core/link_list.h"
#include "core/span_list.h"
#include "core/string_pool.h"

using namespace loopscope;

namespace {

constexpr Nanos kSecond = 1'000'000'000;

bool same(const Event& a, const Event& b) {
  return a.t == b.t && a.aux == b.aux && a.seq == b.seq && a.lane == b.lane && a.other == b.other &&
         a.line == b.line && a.text == b.text && a.extra == b.extra && a.late == b.late && a.kind == b.kind &&
         a.sub == b.sub;
}
bool same(const Span& a, const Span& b) {
  return a.start == b.start && a.end == b.end && a.begin_event == b.begin_event && a.end_event == b.end_event &&
         a.line == b.line && a.label == b.label && a.target == b.target && a.kind == b.kind && a.flags == b.flags;
}
bool same(const Instant& a, const Instant& b) {
  return a.t == b.t && a.event == b.event && a.line == b.line && a.text == b.text && a.extra == b.extra &&
         a.kind == b.kind;
}
bool same(const Link& a, const Link& b) {
  return a.from_t == b.from_t && a.to_t == b.to_t && a.from == b.from && a.to == b.to && a.event == b.event &&
         a.kind == b.kind;
}

// Mostly small steps, sometimes a pause of several seconds (beyond a page's 32-bit offsets).
Nanos next_time(std::mt19937& rng, Nanos t) {
  const auto pick = rng() % 100;
  if (pick == 0) return t + 7 * kSecond + static_cast<Nanos>(rng() % 1000);
  if (pick < 5) return t;
  return t + static_cast<Nanos>(rng() % 50'000);
}

}  // namespace

TEST_CASE("packed events read back field for field", "[packed]") {
  std::mt19937 rng(7);
  std::vector<Event> pushed;
  EventList list;
  Nanos t = 0;
  std::uint32_t seq = 0;
  for (int i = 0; i < 5000; ++i) {
    Event e;
    t = next_time(rng, t);
    e.t = t;
    e.kind = static_cast<EventKind>(rng() % static_cast<unsigned>(EventKind::Unknown));
    e.sub = static_cast<std::uint8_t>(rng() % 9);
    e.seq = (rng() % 50 == 0) ? seq += 17 : ++seq;  // now and then a gap in the sequence
    e.lane = static_cast<LaneId>(rng() % 70) - 1;   // sometimes kNoLane
    e.other = static_cast<LaneId>(rng() % 70) - 1;
    e.line = static_cast<std::int32_t>(rng() % 3000) - 5;
    e.text = rng() % 3 ? static_cast<StrId>(rng() % 200000) : 0;
    e.extra = rng() % 5 ? 0 : static_cast<StrId>(rng());
    switch (rng() % 4) {
      case 0: e.aux = 0; break;
      case 1: e.aux = t - static_cast<Nanos>(rng() % 100000); break;
      case 2: e.aux = t + static_cast<Nanos>(rng()) * 1000; break;
      default: e.aux = -1; break;
    }
    e.late = rng() % 7 ? 0 : static_cast<Nanos>(rng() % 5'000'000'000ull);
    pushed.push_back(e);
    list.push_back(e);
  }
  REQUIRE(list.size() == pushed.size());
  for (std::size_t i = 0; i < pushed.size(); ++i) {
    INFO("event " << i);
    REQUIRE(same(list[i], pushed[i]));
    REQUIRE(list.t(i) == pushed[i].t);
    REQUIRE(list.kind(i) == pushed[i].kind);
    REQUIRE(list.lane(i) == pushed[i].lane);
    REQUIRE(list.seq(i) == pushed[i].seq);
  }
  for (std::size_t from : {std::size_t{0}, std::size_t{300}, std::size_t{4999}}) {  // the scans of the views
    std::vector<std::size_t> expected, got;
    for (std::size_t i = from; i < pushed.size(); ++i)
      if (pushed[i].kind == EventKind::Print || pushed[i].kind == EventKind::Exception) expected.push_back(i);
    list.visit_kinds(from, list.size(), {EventKind::Print, EventKind::Exception}, [&](std::size_t i) { got.push_back(i); });
    CHECK(got == expected);
  }
  const EventList copy = list;
  std::size_t i = 0;
  for (const Event& e : copy) CHECK(same(e, pushed[i++]));
  CHECK(i == pushed.size());
}

TEST_CASE("packed spans read back, and only the last one changes", "[packed]") {
  std::mt19937 rng(11);
  std::vector<Span> pushed;
  SpanList list;
  Nanos t = 0;
  EventIndex event = 0;
  for (int i = 0; i < 3000; ++i) {
    Span s;
    t = next_time(rng, t);
    s.start = t;
    s.end = t + (rng() % 200 == 0 ? 6 * kSecond : static_cast<Nanos>(rng() % 40'000));  // some over 4.29 s
    t = s.end;
    event += rng() % 300;
    s.begin_event = rng() % 4 ? event : kNoEvent;  // a Ready span has no begin event
    s.end_event = event + rng() % 5000;
    s.line = static_cast<std::int32_t>(rng() % 500);
    s.label = static_cast<StrId>(rng() % 4000);
    s.target = static_cast<LaneId>(rng() % 10) - 1;
    s.kind = static_cast<SpanKind>(rng() % 11);
    s.flags = static_cast<std::uint8_t>(rng() % 16);
    list.push_back(s);
    pushed.push_back(s);
  }
  // The builder edits the last span in place: it is still open, then it is closed.
  Span& last = *list.last();
  last.end = kOpenEnd;
  CHECK(list.end_of(list.size() - 1) == kOpenEnd);
  last.end = last.start + 5;
  last.flags = kSpanStarved;
  pushed.back() = last;
  REQUIRE(list.size() == pushed.size());
  for (std::size_t i = 0; i < pushed.size(); ++i) {
    INFO("span " << i);
    REQUIRE(same(list[i], pushed[i]));
    REQUIRE(list.start_of(i) == pushed[i].start);
    REQUIRE(list.end_of(i) == pushed[i].end);
    REQUIRE(list.kind_of(i) == pushed[i].kind);
  }
  const SpanList copy = list;
  CHECK(same(copy[1234], pushed[1234]));
  CHECK(same(copy.back(), pushed.back()));
}

TEST_CASE("packed instants and links read back", "[packed]") {
  std::mt19937 rng(3);
  std::vector<Instant> instants;
  std::vector<Link> links;
  InstantList instant_list;
  LinkList link_list;
  Nanos t = 0;
  EventIndex event = 0;
  for (int i = 0; i < 2000; ++i) {
    t = next_time(rng, t);
    event += rng() % 1000;
    Instant in;
    in.t = t;
    in.event = rng() % 10 ? event : kNoEvent;
    in.line = static_cast<std::int32_t>(rng() % 100);
    in.text = static_cast<StrId>(rng());
    in.extra = static_cast<StrId>(rng() % 3);
    in.kind = static_cast<InstantKind>(rng() % 14);
    instants.push_back(in);
    instant_list.push_back(in);
    Link link;
    link.to_t = t;
    link.from_t = t - (rng() % 50 == 0 ? 9 * kSecond : static_cast<Nanos>(rng() % 100'000));
    link.from = static_cast<LaneId>(rng() % 3000) - 1;
    link.to = static_cast<LaneId>(rng() % 3000) - 1;
    link.event = event;
    link.kind = static_cast<LinkKind>(rng() % 6);
    links.push_back(link);
    link_list.push_back(link);
  }
  for (int probe = 0; probe < 300; ++probe) {  // the kinds of a run of instants, however long
    const std::size_t first = rng() % instants.size(), count = rng() % (instants.size() - first + 1);
    std::uint32_t expected = 0;
    for (std::size_t i = first; i < first + count; ++i) expected |= 1u << static_cast<unsigned>(instants[i].kind);
    REQUIRE(instant_list.kinds_in(first, count) == expected);
  }
  for (std::size_t i = 0; i < instants.size(); ++i) {
    INFO("record " << i);
    REQUIRE(same(instant_list[i], instants[i]));
    REQUIRE(instant_list.t(i) == instants[i].t);
    REQUIRE(instant_list.event(i) == instants[i].event);
    REQUIRE(same(link_list[i], links[i]));
    REQUIRE(link_list.to_t(i) == links[i].to_t);
  }
}

TEST_CASE("a copied string pool keeps ids and texts", "[strings]") {
  StringPool pool;
  std::vector<StrId> ids;
  for (int i = 0; i < 20000; ++i) ids.push_back(pool.intern("line " + std::to_string(i % 15000)));
  const std::string long_text(200'000, 'x');  // longer than a block
  const StrId long_id = pool.intern(long_text);
  const StringPool copy = pool;
  for (int i = 0; i < 20000; ++i) CHECK(copy.view(ids[static_cast<std::size_t>(i)]) == "line " + std::to_string(i % 15000));
  CHECK(copy.view(long_id) == long_text);
  CHECK(ids[15000] == ids[0]);
  CHECK(copy.size() == pool.size());
}

TEST_CASE("the links in a window are all those that overlap it, in order", "[packed]") {
  std::mt19937 rng(9);
  LinkList links;
  std::vector<Link> all;
  Nanos t = 0;
  for (int i = 0; i < 20000; ++i) {
    t += static_cast<Nanos>(rng() % 5000);
    Link link;
    link.to_t = t;
    // Mostly short hops, a few very long ones (a task woken long after it became ready).
    link.from_t = t - (rng() % 500 == 0 ? static_cast<Nanos>(rng() % 20'000'000) : static_cast<Nanos>(rng() % 3000));
    link.from = static_cast<LaneId>(rng() % 10);
    link.to = static_cast<LaneId>(rng() % 10);
    link.event = static_cast<EventIndex>(i);
    links.push_back(link);
    all.push_back(link);
  }
  for (Nanos width : {Nanos{1000}, Nanos{100'000}, Nanos{5'000'000}, t}) {
    for (Nanos from : {Nanos{0}, t / 2, t - width}) {
      INFO("window " << from << " + " << width);
      std::vector<std::size_t> expected, got;
      for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].to_t >= from && all[i].from_t <= from + width) expected.push_back(i);
      links.visit_overlapping(from, from + width, [&](std::size_t i, const Link&) {
        got.push_back(i);
        return true;
      });
      CHECK(got == expected);
    }
  }
}
