// The runtime's own recorded streams (tests/runtime/fixtures/*.jsonl, written by real runs)
// through the model, the state queries, the export and a reload.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include "chrome_checks.h"
#include "core/chrome_export.h"
#include "core/generator_chain.h"
#include "core/trace_io.h"
#include "core/trace_state.h"

using namespace loopscope;
namespace fs = std::filesystem;

namespace {

std::string export_text(const Trace& trace, bool chrome = true) {
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* f = open_memstream(&buffer, &size);
  if (chrome) write_chrome_trace(trace, f);
  else write_jsonl(trace, f);
  std::fclose(f);
  std::string text(buffer, size);
  std::free(buffer);
  return text;
}

bool well_formed(const SpanList& spans) {
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (spans[i].end < spans[i].start || spans[i].end == kOpenEnd) return false;  // finished: all closed
    if (i > 0 && spans[i].start < spans[i - 1].end) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("every recorded runtime fixture ingests cleanly and round-trips", "[fixtures]") {
  const fs::path dir = LOOPSCOPE_RUNTIME_FIXTURES;
  std::size_t seen = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".jsonl") continue;
    ++seen;
    INFO(entry.path().filename().string());
    Trace trace;
    std::string error;
    REQUIRE(load_trace_file(entry.path().string(), trace, &error));
    for (const auto& note : trace.info().notes) CHECK(note.find("skipped") == std::string::npos);
    CHECK(trace.info().exit_seen);
    for (const Lane& lane : trace.lanes()) {
      INFO(trace.display_name(lane.id));
      CHECK(well_formed(lane.spans));
      CHECK(well_formed(lane.overlays));
    }
    // The picture's rule: one running frame per thread, inside the step that drives it.
    const auto problems = one_running_frame_problems(trace);
    for (const auto& p : problems) UNSCOPED_INFO(p);
    CHECK(problems.empty());
    // The export's faster walk finds the same roots, asked in time order or backwards.
    ChainRoots forward(trace), backward(trace);
    std::size_t running = 0;
    for (const Lane& lane : trace.lanes())
      for (std::size_t i = 0; i < lane.spans.size(); ++i)
        if (lane.spans.kind_of(i) == SpanKind::GenRunning) {
          ++running;
          CHECK(forward.of(lane.id, i) == chain_root(trace, lane.id, i));
        }
    for (auto lane = trace.lanes().rbegin(); lane != trace.lanes().rend(); ++lane)
      for (std::size_t i = lane->spans.size(); i-- > 0;)
        if (lane->spans.kind_of(i) == SpanKind::GenRunning) CHECK(backward.of(lane->id, i) == chain_root(trace, lane->id, i));
    if (entry.path().filename() == "gen_pipeline.jsonl") CHECK(running > 10);
    for (EventIndex i = 0; i < trace.events().size(); ++i) {
      const StateAt state = state_at(trace, i);
      CHECK(state.event == i);
    }
    const std::string text = export_text(trace);
    const auto chrome = nlohmann::json::parse(text);
    CHECK(chrome_checks::overlap_problem(chrome).empty());
    Trace reloaded;
    REQUIRE(load_trace_text(text, true, reloaded, &error));
    CHECK(reloaded.events().size() == trace.events().size());
    CHECK(export_text(reloaded, false) == export_text(trace, false));  // every field of every record
    CHECK(reloaded.lanes().size() == trace.lanes().size());
    CHECK(reloaded.links().size() == trace.links().size());
  }
  CHECK(seen >= 4);
}
