// The loop's work over a wait (core/starvation.h), against counting span by span: the prefix
// sum must give the same answer however the loop lane grows between questions.
#include <catch2/catch.hpp>

#include <random>

#include "core/starvation.h"

using namespace loopscope;

namespace {

Nanos counted_work(const Lane& loop, Nanos from, Nanos to) {
  Nanos work = 0;
  for (std::size_t i = 0; i < loop.spans.size(); ++i) {
    const Span s = loop.spans[i];
    if (s.kind != SpanKind::Step && s.kind != SpanKind::Callback) continue;
    const Nanos a = std::max(s.start, from);
    const Nanos b = std::min(s.end == kOpenEnd ? to : s.end, to);
    if (b > a) work += b - a;
  }
  return to > from ? work : 0;
}

}  // namespace

TEST_CASE("loop work over a wait is the sum of the steps and callbacks inside it", "[starvation]") {
  std::mt19937 random(12345);
  const SpanKind kinds[] = {SpanKind::Step, SpanKind::Callback, SpanKind::Idle, SpanKind::Step};
  Lane loop;
  loop.kind = LaneKind::Loop;
  Nanos t = 0;
  for (int round = 0; round < 40; ++round) {
    // The lane grows (the last span left open on some rounds, as while a step runs)...
    const int grow = std::uniform_int_distribution<int>(1, 300)(random);
    for (int k = 0; k < grow; ++k) {
      if (Span* open = loop.spans.last(); open && open->end == kOpenEnd) open->end = t;
      t += std::uniform_int_distribution<Nanos>(0, 2'000)(random);   // a gap (maybe none)
      Span s;
      s.start = t;
      s.kind = kinds[std::uniform_int_distribution<int>(0, 3)(random)];
      t += std::uniform_int_distribution<Nanos>(0, 50'000)(random);
      s.end = t;
      loop.spans.push_back(s);
    }
    if (round % 3 == 0) loop.spans.last()->end = kOpenEnd;
    // ...and is asked about waits of every length, inside it and past its ends.
    for (int q = 0; q < 50; ++q) {
      const Nanos from = std::uniform_int_distribution<Nanos>(-10'000, t + 10'000)(random);
      const Nanos to = from + std::uniform_int_distribution<Nanos>(0, t / (1 + q % 7))(random);
      INFO("round " << round << ": [" << from << ", " << to << ") of a lane of " << loop.spans.size()
                    << " spans");
      REQUIRE(loop_work_ns(loop, from, to, kOpenEnd) == counted_work(loop, from, to));
    }
  }
}

TEST_CASE("a short wait stops counting once it has enough", "[starvation]") {
  Lane loop;
  loop.kind = LaneKind::Loop;
  for (int i = 0; i < 10; ++i) {
    Span s;
    s.start = i * 1'000'000;
    s.end = s.start + 1'000'000;
    loop.spans.push_back(s);
  }
  CHECK(loop_work_ns(loop, 0, 2'500'000, kOpenEnd) == 2'500'000);
  CHECK(loop_work_ns(loop, 0, 10'000'000) >= kStarvedNs);
  CHECK(starved_by_loop(loop, 0, 3'000'000));
  CHECK_FALSE(starved_by_loop(loop, 0, 1'500'000));
}
