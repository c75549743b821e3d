// "Which task runs next?" on a hand-written stream: main starts tasks a and b and awaits
// them; a sleeps 0.2 s, b 0.1 s, so b's timer wakes it first although a started first.
#include <catch2/catch.hpp>

#include "core/next_run_game.h"
#include "core/next_run_quiz.h"
#include "trace_fixtures.h"

using namespace loopscope;

namespace {

constexpr std::string_view kRace = R"J(
{"seq":0,"t":0,"ev":"hello","version":1,"python":"3.11.2","impl":"cpython","script":"race.py","argv":["race.py"],"pid":1,"stall_ms":50}
{"seq":1,"t":1,"ev":"lane","lane":0,"kind":"main","name":"main"}
{"seq":2,"t":2,"ev":"lane","lane":1,"kind":"loop","name":"loop"}
{"seq":3,"t":3,"ev":"lane","lane":2,"kind":"task","name":"Task-1","coro":"main","parent":0,"line":9,"loop":1}
{"seq":4,"t":10,"ev":"run","lane":2,"line":5,"ready":5,"by":0,"why":"start"}
{"seq":5,"t":20,"ev":"lane","lane":3,"kind":"task","name":"a","coro":"work","parent":2,"line":6,"loop":1}
{"seq":6,"t":21,"ev":"lane","lane":4,"kind":"task","name":"b","coro":"work","parent":2,"line":7,"loop":1}
{"seq":7,"t":30,"ev":"suspend","lane":2,"line":8,"awaiting":"gather(2)","wait":"gather","target":-1}
{"seq":8,"t":40,"ev":"run","lane":3,"line":1,"ready":20,"by":2,"why":"start"}
{"seq":9,"t":50,"ev":"suspend","lane":3,"line":2,"awaiting":"sleep(0.2)","wait":"sleep","target":-1}
{"seq":10,"t":60,"ev":"run","lane":4,"line":1,"ready":21,"by":2,"why":"start"}
{"seq":11,"t":70,"ev":"suspend","lane":4,"line":2,"awaiting":"sleep(0.1)","wait":"sleep","target":-1}
{"seq":12,"t":80,"ev":"idle","lane":1,"timeout":1000}
{"seq":13,"t":1000,"ev":"idle_end","lane":1,"events":0}
{"seq":14,"t":1010,"ev":"run","lane":4,"line":2,"ready":1000,"by":-1,"why":"timer","late":0}
{"seq":15,"t":1020,"ev":"print","lane":4,"stream":"stdout","text":"b done"}
{"seq":16,"t":1030,"ev":"done","lane":4,"outcome":"result","detail":"None","line":3}
{"seq":17,"t":1040,"ev":"idle","lane":1,"timeout":1000}
{"seq":18,"t":2000,"ev":"idle_end","lane":1,"events":0}
{"seq":19,"t":2010,"ev":"run","lane":3,"line":2,"ready":2000,"by":-1,"why":"timer","late":0}
{"seq":20,"t":2020,"ev":"done","lane":3,"outcome":"result","detail":"None","line":3}
{"seq":21,"t":2030,"ev":"run","lane":2,"line":8,"ready":2020,"by":3,"why":"task"}
{"seq":22,"t":2040,"ev":"done","lane":2,"outcome":"result","detail":"None","line":9}
{"seq":23,"t":2050,"ev":"cb","lane":1,"name":"report","line":12}
{"seq":24,"t":2060,"ev":"cb_end","lane":1}
)J";

const Trace& race() {
  static const Trace trace = fixtures::make(kRace);
  return trace;
}

}  // namespace

TEST_CASE("two tasks started together: the loop runs them in the order they became ready", "[quiz]") {
  NextRunQuestion q = next_run_question(race(), 7);  // main just suspended on gather
  CHECK(q.at_pick);
  CHECK(q.decision);
  CHECK(q.reason == PickReason::SeveralReady);
  CHECK(q.loop == 1);
  CHECK(q.ready == std::vector<LaneId>{3, 4});
  CHECK(q.answer == 3);
  CHECK(q.answer_event == 8);
  CHECK(q.last_runner == 2);
  // Main is alive but not ready: offered after the ready ones; the loop lane is offered too
  // because this program runs a plain callback on it.
  CHECK(q.candidates == std::vector<LaneId>{3, 4, 2, 1});
  CHECK(answered_right(q, 3));
  CHECK_FALSE(answered_right(q, 4));
}

TEST_CASE("no question while a step runs", "[quiz]") {
  NextRunQuestion q = next_run_question(race(), 8);  // a is running
  CHECK_FALSE(q.at_pick);
  CHECK_FALSE(q.decision);
  CHECK_FALSE(answered_right(q, 4));
}

TEST_CASE("the one ready task is not the one that just ran", "[quiz]") {
  NextRunQuestion q = next_run_question(race(), 9);  // a suspended; b waits since its start
  CHECK(q.at_pick);
  CHECK(q.ready == std::vector<LaneId>{4});
  CHECK(q.reason == PickReason::NotTheLastRunner);
  CHECK(q.answer == 4);
}

TEST_CASE("while the loop idles, the answer is the task whose timer fires first", "[quiz]") {
  // b slept less and runs again: the obvious answer, not worth asking.
  for (EventIndex step : {11u, 12u, 13u}) {
    NextRunQuestion q = next_run_question(race(), step);
    CHECK(q.at_pick);
    CHECK(q.answer == 4);
    CHECK(q.answer_event == 14);
    CHECK_FALSE(q.decision);
  }
  // After b ended, a (started first, slept longer) runs: b is no longer offered.
  NextRunQuestion q = next_run_question(race(), 16);
  CHECK(q.answer == 3);
  CHECK(q.decision);
  CHECK(q.candidates == std::vector<LaneId>{3, 2, 1});
}

TEST_CASE("a plain callback is answered with the loop lane", "[quiz]") {
  NextRunQuestion q = next_run_question(race(), 22);  // main has ended; a callback comes
  CHECK(q.at_pick);
  CHECK(q.answer == 1);
  CHECK(q.answer_event == 23);
  CHECK(q.ready == std::vector<LaneId>{1});
  CHECK_FALSE(q.decision);  // no task is left to confuse it with
  CHECK_FALSE(next_run_question(race(), 21).at_pick);  // main's last step is running
  // Before any step, the first pick is the only live task: nothing to ask.
  NextRunQuestion first = next_run_question(race(), 3);
  CHECK(first.at_pick);
  CHECK(first.answer == 2);
  CHECK_FALSE(first.decision);
}

TEST_CASE("decision points list each pick worth asking once", "[quiz]") {
  CHECK(decision_points(race()) == std::vector<EventIndex>{8, 10, 19});
  // A trace without a loop has no question.
  Trace none = fixtures::make(fixtures::kGenerators);
  CHECK(decision_points(none).empty());
  CHECK_FALSE(next_run_question(none, 3).at_pick);
}

TEST_CASE("the game scores clicks and keeps the streak", "[quiz]") {
  NextRunGame game;
  game.sync(race());
  REQUIRE(game.question(7) != nullptr);
  CHECK(game.question(8) == nullptr);  // a step is running: nothing to ask
  // Right: a was ready first.
  auto right = game.answer(7, 3);
  REQUIRE(right);
  CHECK(right->right);
  CHECK(right->answer == 3);
  CHECK(right->reveal == 8);
  CHECK(right->why.find("became ready first") != std::string::npos);
  CHECK(game.question(7) == nullptr);  // answered: not asked again
  CHECK_FALSE(game.answer(7, 3));      // and not scored twice
  // Wrong: main is alive but awaits gather; b is the one ready.
  auto wrong = game.answer(9, 2);
  REQUIRE(wrong);
  CHECK_FALSE(wrong->right);
  CHECK(wrong->answer == 4);
  CHECK(wrong->why.find("the only one ready") != std::string::npos);
  CHECK(game.asked() == 2);
  CHECK(game.right() == 1);
  CHECK(game.streak() == 0);
  CHECK(game.best_streak() == 1);
}

TEST_CASE("stepping onto the answer shows it without scoring", "[quiz]") {
  NextRunGame game;
  game.sync(race());
  game.moved(7, 7);  // no move
  REQUIRE(game.question(7) != nullptr);
  game.moved(7, 8);  // stepped onto a's run
  CHECK(game.question(7) == nullptr);
  REQUIRE(game.last());
  CHECK(game.last()->answer == 3);
  CHECK(game.last()->clicked == kNoLane);
  CHECK(game.asked() == 0);
  // Moving within a pick does not give it away: 16 and 17 ask the same question (a's run at 19).
  REQUIRE(game.question(16) != nullptr);
  game.moved(16, 17);
  CHECK(game.question(17) != nullptr);
  game.reset();
  CHECK(game.question(7) == nullptr);  // no trace after reset
  game.sync(race());
  CHECK(game.question(7) != nullptr);  // a new run asks again
}

TEST_CASE("the score is kept for the session: a new run asks again and the streak goes on", "[quiz]") {
  NextRunGame game;
  game.sync(race());
  REQUIRE(game.answer(7, 3));  // right
  game.new_run();
  game.sync(race());
  REQUIRE(game.question(7) != nullptr);
  REQUIRE(game.answer(7, 3));  // right again
  CHECK(game.asked() == 2);
  CHECK(game.streak() == 2);
  game.reset();
  CHECK(game.asked() == 0);
}

TEST_CASE("next question skips the ones answered", "[quiz]") {
  NextRunGame game;
  CHECK(game.next_question_step(kNoEvent) == kNoEvent);  // no trace yet
  game.sync(race());
  CHECK(game.next_question_step(kNoEvent) == 7);
  REQUIRE(game.answer(7, 3));
  CHECK(game.next_question_step(kNoEvent) == 9);
  CHECK(game.next_question_step(9) == 18);
  CHECK(game.next_question_step(18) == 9);  // none after 18: back to the first one open
  CHECK(game.has_questions());
  REQUIRE(game.answer(9, 4));
  REQUIRE(game.answer(18, 3));
  CHECK(game.next_question_step(kNoEvent) == kNoEvent);
  CHECK(game.has_questions());
  NextRunGame none;
  const Trace generators = fixtures::make(fixtures::kGenerators);
  none.sync(generators);
  CHECK_FALSE(none.has_questions());
}
