#include <catch2/catch.hpp>

#include "core/string_pool.h"

using loopscope::StringPool;

TEST_CASE("interning the same text twice gives the same id", "[strings]") {
  StringPool pool;
  const auto a = pool.intern("Task-2");
  const auto b = pool.intern(std::string("Task-") + "2");
  CHECK(a == b);
  CHECK(pool.view(a) == "Task-2");
  CHECK(pool.intern("Task-3") != a);
}

TEST_CASE("id 0 is the empty string and views survive growth", "[strings]") {
  StringPool pool;
  CHECK(pool.intern("") == 0);
  const auto first = pool.intern("first");
  const std::string_view kept = pool.view(first);
  for (int i = 0; i < 10000; ++i) pool.intern("s" + std::to_string(i));
  CHECK(kept == "first");
  CHECK(pool.view(999999).empty());
}
