// Loading lessons from their folders. Every problem in a lesson.toml becomes the lesson's
// `error` ("lessons/07-x/lesson.toml:12: ...") so one broken lesson never hides the others.
#include "core/lesson_catalog.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <toml++/toml.h>

#include "core/data_paths.h"
#include "core/python_errors.h"
#include "core/file_text.h"
#include "core/lesson_trace_query.h"

namespace loopscope {

namespace fs = std::filesystem;

namespace {

// A problem in lesson.toml at a known line; caught by load_lesson.
struct LessonError : std::runtime_error {
  int line;
  LessonError(const std::string& what, int at) : std::runtime_error(what), line(at) {}
};

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

std::string read_text(const fs::path& path) { return file_text(path.string()); }

std::string scalar_text(const toml::node& node) {
  if (auto s = node.value<std::string>(); s && node.is_string()) return *s;
  if (node.is_integer()) return std::to_string(*node.value<std::int64_t>());
  if (node.is_floating_point()) {
    std::ostringstream out;
    out << *node.value<double>();
    return out.str();
  }
  if (node.is_boolean()) return *node.value<bool>() ? "true" : "false";
  throw LessonError("expected a string, number or boolean", line_of(node));
}

std::string get_string(const toml::table& t, const char* key, bool required, int line) {
  const toml::node* node = t.get(key);
  if (!node) {
    if (required) throw LessonError(std::string("missing '") + key + "'", line);
    return {};
  }
  if (!node->is_string()) throw LessonError(std::string("'") + key + "' must be a string", line_of(*node));
  return *node->value<std::string>();
}

bool get_bool(const toml::table& t, const char* key, bool fallback) {
  const toml::node* node = t.get(key);
  if (!node) return fallback;
  if (!node->is_boolean()) throw LessonError(std::string("'") + key + "' must be true or false", line_of(*node));
  return *node->value<bool>();
}

double get_number(const toml::table& t, const char* key, double fallback) {
  const toml::node* node = t.get(key);
  if (!node) return fallback;
  if (!node->is_number()) throw LessonError(std::string("'") + key + "' must be a number", line_of(*node));
  return *node->value<double>();
}

// Arrays of tables: [[knob]] ... An absent key is an empty list.
std::vector<const toml::table*> tables(const toml::table& t, const char* key) {
  std::vector<const toml::table*> out;
  const toml::node* node = t.get(key);
  if (!node) return out;
  const toml::array* array = node->as_array();
  if (!array) throw LessonError(std::string("'") + key + "' must be an array of tables ([[" + key + "]])", line_of(*node));
  for (const toml::node& item : *array) {
    const toml::table* table = item.as_table();
    if (!table) throw LessonError(std::string("each '") + key + "' entry must be a table", line_of(item));
    out.push_back(table);
  }
  return out;
}

CheckSpec parse_check(const toml::table& t) {
  CheckSpec spec;
  spec.line = line_of(t);
  for (const auto& [key, node] : t) {
    std::string k(key.str());
    if (k == "kind") spec.kind = scalar_text(node);
    else if (k == "what") spec.what = scalar_text(node);
    else if (k == "not") spec.negate = node.value<bool>().value_or(false);
    else if (const toml::array* list = node.as_array()) {
      auto& values = spec.lists[k];
      for (const toml::node& item : *list) values.push_back(scalar_text(item));
    } else {
      spec.args[k] = scalar_text(node);
    }
  }
  if (std::string problem = validate_check(spec); !problem.empty()) throw LessonError(problem, spec.line);
  return spec;
}

std::vector<CheckSpec> parse_checks(const toml::table& t, const char* key) {
  std::vector<CheckSpec> out;
  for (const toml::table* item : tables(t, key)) out.push_back(parse_check(*item));
  return out;
}

Knob parse_knob(const toml::table& t) {
  int line = line_of(t);
  Knob k;
  k.name = get_string(t, "name", true, line);
  k.env = get_string(t, "env", false, line);
  if (k.env.empty()) {
    k.env = "LS_";
    for (char c : k.name) k.env += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  k.label = get_string(t, "label", false, line);
  if (k.label.empty()) k.label = k.name;
  k.help = get_string(t, "help", false, line);
  std::string type = get_string(t, "type", true, line);
  const toml::node* def = t.get("default");
  if (!def) throw LessonError("knob '" + k.name + "' needs a default", line);
  if (type == "int" || type == "float") {
    k.type = type == "int" ? Knob::Type::Int : Knob::Type::Float;
    k.min = get_number(t, "min", 0);
    k.max = get_number(t, "max", 1);
    k.step = get_number(t, "step", k.type == Knob::Type::Int ? 1 : 0.05);
    if (!def->is_number()) throw LessonError("knob '" + k.name + "': default must be a number", line_of(*def));
    k.default_number = *def->value<double>();
    if (k.min > k.max || k.default_number < k.min || k.default_number > k.max)
      throw LessonError("knob '" + k.name + "': default must lie in [min, max]", line);
  } else if (type == "bool") {
    k.type = Knob::Type::Bool;
    if (!def->is_boolean()) throw LessonError("knob '" + k.name + "': default must be true or false", line_of(*def));
    k.default_bool = *def->value<bool>();
  } else if (type == "choice") {
    k.type = Knob::Type::Choice;
    if (const toml::node* list = t.get("choices"); list && list->is_array())
      for (const toml::node& item : *list->as_array()) k.choices.push_back(scalar_text(item));
    k.default_choice = scalar_text(*def);
    if (std::find(k.choices.begin(), k.choices.end(), k.default_choice) == k.choices.end())
      throw LessonError("knob '" + k.name + "': default must be one of its choices", line);
  } else {
    throw LessonError("knob '" + k.name + "': type must be int, float, bool or choice", line);
  }
  return k;
}

Prediction parse_prediction(const toml::table& t) {
  int line = line_of(t);
  Prediction p;
  p.id = get_string(t, "id", false, line);
  p.question = get_string(t, "question", true, line);
  p.explain = get_string(t, "explain", false, line);
  for (const toml::table* c : tables(t, "choice")) {
    PredictionChoice choice;
    choice.text = get_string(*c, "text", true, line_of(*c));
    const toml::node* when = c->get("when");
    if (!when || !when->is_table()) throw LessonError("each choice needs a 'when' check table", line_of(*c));
    choice.when = parse_check(*when->as_table());
    p.choices.push_back(std::move(choice));
  }
  if (p.choices.size() < 2) throw LessonError("a prediction needs at least two choices", line);
  return p;
}

Exercise parse_exercise(const toml::table& t, const fs::path& folder) {
  int line = line_of(t);
  Exercise x;
  x.id = get_string(t, "id", true, line);
  x.title = get_string(t, "title", true, line);
  x.instructions = get_string(t, "instructions", true, line);
  x.start_file = get_string(t, "start", true, line);
  x.solution_file = get_string(t, "solution", true, line);
  x.start_path = (folder / x.start_file).string();
  x.solution_path = (folder / x.solution_file).string();
  for (const std::string* path : {&x.start_path, &x.solution_path})
    if (!fs::is_regular_file(*path)) throw LessonError("exercise '" + x.id + "': no file " + *path, line);
  x.checks = parse_checks(t, "check");
  if (x.checks.empty()) throw LessonError("exercise '" + x.id + "' needs at least one [[exercise.check]]", line);
  return x;
}

void parse_lesson(const toml::table& t, Lesson& lesson) {
  const fs::path folder(lesson.folder);
  lesson.id = get_string(t, "id", true, 1);
  lesson.title = get_string(t, "title", true, 1);
  lesson.chapter = get_string(t, "chapter", false, 1);
  lesson.summary = get_string(t, "summary", false, 1);
  lesson.order = static_cast<int>(get_number(t, "order", 0));
  lesson.timeout_s = get_number(t, "timeout", lesson.timeout_s);
  lesson.which_runs_next = get_bool(t, "which_runs_next", false);
  lesson.screenshot_step = static_cast<long>(get_number(t, "screenshot_step", -1));
  if (t.contains("screenshot_step") && lesson.screenshot_step < 0)
    throw LessonError("screenshot_step must be a step number (0 or more)", 1);
  lesson.screenshot_select = get_string(t, "screenshot_select", false, 1);
  lesson.main_program = get_string(t, "program", true, 1);
  lesson.main_path = (folder / lesson.main_program).string();
  if (!fs::is_regular_file(lesson.main_path)) throw LessonError("no program file " + lesson.main_path, 1);
  for (const toml::table* r : tables(t, "requires"))
    lesson.requires_modules.push_back(
        {get_string(*r, "module", true, line_of(*r)), get_string(*r, "package", true, line_of(*r))});
  for (const toml::table* k : tables(t, "knob")) lesson.knobs.push_back(parse_knob(*k));
  for (const toml::table* p : tables(t, "predict")) lesson.predictions.push_back(parse_prediction(*p));
  for (const toml::table* x : tables(t, "exercise")) lesson.exercises.push_back(parse_exercise(*x, folder));
  lesson.expect = parse_checks(t, "expect");
}

std::string format_number(double value, bool integer) {
  if (integer) return std::to_string(static_cast<long long>(std::llround(value)));
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

std::string Knob::default_text() const {
  switch (type) {
    case Type::Int: return format_number(default_number, true);
    case Type::Float: return format_number(default_number, false);
    case Type::Bool: return default_bool ? "1" : "0";
    case Type::Choice: return default_choice;
  }
  return {};
}

std::string Knob::normalise(const std::string& value) const {
  switch (type) {
    case Type::Int:
    case Type::Float: {
      char* end = nullptr;
      double v = std::strtod(value.c_str(), &end);
      if (value.empty() || *end != '\0' || !std::isfinite(v)) return default_text();
      return format_number(std::clamp(v, min, max), type == Type::Int);
    }
    case Type::Bool:
      if (value == "1" || value == "true" || value == "on" || value == "yes") return "1";
      if (value == "0" || value == "false" || value == "off" || value == "no") return "0";
      return default_text();
    case Type::Choice:
      return std::find(choices.begin(), choices.end(), value) != choices.end() ? value : default_text();
  }
  return default_text();
}

Lesson load_lesson(const std::string& folder) {
  Lesson lesson;
  lesson.folder = folder;
  lesson.id = fs::path(folder).filename().string();
  lesson.title = lesson.id;
  const fs::path toml_path = fs::path(folder) / "lesson.toml";
  try {
    toml::table table = toml::parse_file(toml_path.string());
    parse_lesson(table, lesson);
  } catch (const toml::parse_error& e) {
    lesson.error = toml_path.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                   std::string(e.description());
  } catch (const LessonError& e) {
    lesson.error = toml_path.string() + ":" + std::to_string(e.line) + ": " + e.what();
  } catch (const std::exception& e) {
    lesson.error = toml_path.string() + ": " + e.what();
  }
  if (fs::path md = fs::path(folder) / "lesson.md"; fs::is_regular_file(md))
    lesson.narrative = read_text(md);
  else if (lesson.error.empty())
    lesson.error = md.string() + ": missing (the lesson's narrative)";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.path().extension() == ".py") lesson.programs.push_back(entry.path().filename().string());
  std::sort(lesson.programs.begin(), lesson.programs.end());
  return lesson;
}

LessonCatalog load_lessons(const std::string& dir) {
  LessonCatalog catalog;
  catalog.dir = dir;
  std::error_code ec;
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_directory() && fs::is_regular_file(entry.path() / "lesson.toml")) folders.push_back(entry.path());
  if (ec) {
    catalog.error = "cannot read the lessons folder " + dir + ": " + ec.message();
    return catalog;
  }
  std::sort(folders.begin(), folders.end());
  for (const auto& folder : folders) catalog.lessons.push_back(load_lesson(folder.string()));
  std::stable_sort(catalog.lessons.begin(), catalog.lessons.end(),
                   [](const Lesson& a, const Lesson& b) { return a.order < b.order; });
  return catalog;
}

const Lesson* LessonCatalog::find(std::string_view key) const {
  for (const Lesson& l : lessons)
    if (l.id == key || fs::path(l.folder).filename() == key) return &l;
  // A number: "7" or "07" names the lesson whose folder starts with that number.
  char* end = nullptr;
  std::string text(key);
  long n = std::strtol(text.c_str(), &end, 10);
  if (!text.empty() && *end == '\0')
    for (const Lesson& l : lessons)
      if (std::strtol(fs::path(l.folder).filename().c_str(), nullptr, 10) == n) return &l;
  return nullptr;
}

std::vector<std::pair<std::string, std::string>> knob_env(const Lesson& lesson, const KnobValues& values) {
  std::vector<std::pair<std::string, std::string>> env;
  for (const Knob& k : lesson.knobs) {
    auto it = values.find(k.name);
    env.emplace_back(k.env, it == values.end() ? k.default_text() : k.normalise(it->second));
  }
  return env;
}

KnobValues default_knob_values(const Lesson& lesson) {
  KnobValues values;
  for (const Knob& k : lesson.knobs) values[k.name] = k.default_text();
  return values;
}

std::string locate_lessons(const std::string& requested) {
  auto usable = [](const fs::path& p) {
    std::error_code ec;
    return !p.empty() && fs::is_directory(p, ec);
  };
  if (!requested.empty()) return usable(requested) ? requested : std::string();
  const std::string found = locate_data("lessons", "LOOPSCOPE_LESSONS");
  return usable(found) ? found : std::string();
}

std::string missing_module_hint(const Lesson& lesson, const Trace& trace) {
  if (lesson.requires_modules.empty()) return {};
  std::string hint;
  const auto& events = trace.events();
  // The uncaught exception, or the interpreter's own message on stderr.
  events.visit_kinds(0, events.size(), {EventKind::Exception, EventKind::Print}, [&](std::size_t i) {
    if (!hint.empty()) return;
    const std::string missing = missing_module_in(trace.str(events[i].text));
    const std::string_view top = std::string_view(missing).substr(0, missing.find('.'));
    for (const ModuleRequirement& m : lesson.requires_modules)
      if (!top.empty() && top == m.module)
        hint = "This lesson needs the Python module '" + m.module + "': sudo apt install " + m.debian_package;
  });
  return hint;
}

int correct_choice(const Prediction& prediction, const Trace& trace) {
  for (std::size_t i = 0; i < prediction.choices.size(); ++i)
    if (evaluate_check(prediction.choices[i].when, trace).passed) return static_cast<int>(i);
  return -1;
}

}  // namespace loopscope
