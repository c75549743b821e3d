// "Which task runs next?" on the timeline: the banner that asks, the outlines on the lanes it
// offers, the click that answers, and N for the next question. The game itself (what is asked,
// what is right, the score) is core/next_run_game.h.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "platform/fonts.h"
#include "platform/theme.h"
#include "ui/timeline_view.h"

namespace loopscope {

namespace {

std::string score_text(const NextRunGame& game) {
  if (game.asked() == 0) return {};
  std::string s = std::to_string(game.right()) + " of " + std::to_string(game.asked()) + " right";
  if (game.streak() >= 2) s += ", " + std::to_string(game.streak()) + " in a row";
  return s;
}

}  // namespace

bool TimelineView::QuizActive(const Trace& trace, bool live) const {
  return quiz && !live && !pinned_ && !trace.empty();
}

// Every frame: keeps the game on this trace, and a question passed by stepping (or playing)
// onto its answer is shown, not scored.
void TimelineView::FollowQuiz(const Trace& trace, const Playhead& playhead, bool live) {
  quiz_live_ = QuizActive(trace, live);
  if (!quiz_live_) {
    quiz_position_ = kNoEvent;
    return;
  }
  quiz->sync(trace);
  const EventIndex now = playhead.position();
  if (quiz_position_ != kNoEvent && now != quiz_position_) quiz->moved(quiz_position_, now);
  quiz_position_ = now;
}

timeline::QuizMarks TimelineView::QuizMarks(const Playhead& playhead) {
  timeline::QuizMarks marks;
  if (!quiz_live_ || playhead.playing()) return marks;
  if (const NextRunQuestion* q = quiz->question(playhead.position())) {
    marks.offered = q->candidates;
  } else if (const auto& last = quiz->last(); last && last->reveal == playhead.position()) {
    marks.answer = last->answer;
    if (last->clicked != kNoLane && !last->right) marks.wrong = last->clicked;
  }
  return marks;
}

// A band above the lanes: a "next question" button, then in the bold font the question, the
// verdict on an answer, or what is left to ask; the score after it.
void TimelineView::DrawQuizBanner(const Trace& trace, Playhead& playhead, Selection& selection) {
  if (!quiz_live_) return;
  const auto& theme = platform::theme();
  const EventIndex pos = playhead.position();
  const bool playing = playhead.playing();
  const NextRunQuestion* q = playing ? nullptr : quiz->question(pos);
  const auto& last = quiz->last();
  const bool verdict = !q && !playing && last && last->reveal == pos;
  const bool more = quiz->next_question_step(pos) != kNoEvent;

  std::string line;
  ImU32 color = theme.text;
  if (q) {
    line = "Which task runs next? Click its lane.";
  } else if (verdict) {
    const std::string answer = quiz->name_of(last->answer);
    if (last->clicked == kNoLane) {
      line = answer + " ran next: " + last->why + ".";
    } else if (last->right) {
      line = "Right! " + answer + " ran next: " + last->why + ".";
      color = theme.ok;
    } else {
      line = "Not " + quiz->name_of(last->clicked) + ": " + answer + " ran next; " + last->why + ".";
      color = theme.error;
    }
  } else {
    line = more ? "Which task runs next? N: to the next question."
                : quiz->has_questions() ? "Every question of this run is answered or shown."
                                : "No question in this run: the loop never had a choice to make.";
    color = theme.text_dim;
  }
  if (const std::string score = score_text(*quiz); !score.empty()) line += "  (" + score + ")";

  // The band keeps the tallest height it needed (until the panel's width changes), so the lanes
  // below do not jump between a question and its longer verdict.
  const float width = ImGui::GetContentRegionAvail().x;
  if (width != quiz_banner_width_) quiz_banner_width_ = width, quiz_banner_h_ = 0;
  const float top = ImGui::GetCursorPosY();
  if (more) {
    if (ImGui::Button(q ? "Skip" : "Next question")) NextQuestion(trace, playhead, selection);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step to where the loop picks the next task (N)");
    ImGui::SameLine();
  }
  ImGui::AlignTextToFramePadding();
  ImGui::PushFont(platform::fonts().bold);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(line.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
  const float used = ImGui::GetCursorPosY() - top;
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  if (quiz_banner_h_ - used > spacing) ImGui::Dummy(ImVec2(1.0f, quiz_banner_h_ - used - spacing));
  quiz_banner_h_ = std::max(quiz_banner_h_, used);
}

bool TimelineView::AnswerQuiz(const Trace& trace, Playhead& playhead, Selection& selection) {
  if (!quiz_live_ || hover_.lane == kNoLane || hover_.group != timeline::LaneGroup::None) return false;
  const NextRunQuestion* q = quiz->question(playhead.position());
  if (!q || std::find(q->candidates.begin(), q->candidates.end(), hover_.lane) == q->candidates.end()) return false;
  const auto answer = quiz->answer(playhead.position(), hover_.lane);
  if (!answer) return false;
  playhead.seek(trace.events(), answer->reveal);
  quiz_position_ = playhead.position();  // moving onto the answer is not "stepping past" it
  selection.event = playhead.position();
  selection.lane = answer->answer;
  KeepVisible(trace, playhead.position());
  return true;
}

void TimelineView::NextQuestion(const Trace& trace, Playhead& playhead, Selection& selection) {
  if (!quiz_live_) return;
  const EventIndex step = quiz->next_question_step(playhead.position());
  if (step == kNoEvent) return;
  playhead.seek(trace.events(), step);
  quiz_position_ = playhead.position();
  selection.event = playhead.position();
  KeepVisible(trace, playhead.position());
}

}  // namespace loopscope
