#include "common/progress.hpp"

#include <catch2/catch.hpp>
#include <vector>

using rbc::Cancelled;
using rbc::Progress;

TEST_CASE("Progress: without a callback every checkpoint is free and never cancels", "[common][property]") {
  const Progress none;
  CHECK_FALSE(none.active());
  for (int i = 0; i <= 10; ++i) none.report(i / 10.0, "anything");
  none.part(0.2, 0.4).report(1);
}

TEST_CASE("Progress: parts map their fraction into the parent's share", "[common][property]") {
  std::vector<double> seen;
  const Progress p([&](double f, std::string_view) { return seen.push_back(f), true; }, 0.0);
  p.part(0.5, 1.0).part(0.0, 0.5).report(0.5);  // 0.5 + 0.5 * (0.5 * 0.5)
  p.report(2.0);                                 // clamped to 1
  p.part(0.25, 0.75).report(-1);                 // clamped to the part's start
  REQUIRE(seen.size() == 3);
  CHECK(seen[0] == Approx(0.625));
  CHECK(seen[1] == 1.0);
  CHECK(seen[2] == 0.25);
}

TEST_CASE("Progress: a callback answering false cancels at the next checkpoint", "[common][property]") {
  int calls = 0;
  const Progress p([&](double, std::string_view) { return ++calls < 3; }, 0.0);
  p.report(0.1);
  p.report(0.2);
  CHECK_THROWS_AS(p.report(0.3), Cancelled);
  CHECK(calls == 3);
}

TEST_CASE("Progress: reports are throttled to the interval, the first always passes", "[common][property]") {
  int calls = 0;
  const Progress p([&](double, std::string_view) { return ++calls, true; }, 3600.0);
  for (int i = 0; i < 1000; ++i) p.report(i / 1000.0);
  CHECK(calls == 1);
}
