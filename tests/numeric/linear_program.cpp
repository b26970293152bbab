#include "numeric/linear_program.hpp"

#include <catch2/catch.hpp>

#include "common/input_error.hpp"
#include "support/small_lp.hpp"

using namespace rbc;
using namespace rbc::numeric;

using test::small_lp;

TEST_CASE("solve_linear_program: optimal, primal and dual feasible, complementary slackness", "[numeric][property]") {
  const auto s = solve_linear_program(small_lp());
  REQUIRE(s.status == LpStatus::optimal);
  CHECK(s.objective == Approx(11));
  CHECK(s.x[0] == Approx(3));
  CHECK(s.x[1] == Approx(1));
  CHECK(s.duals[0] == Approx(2));
  CHECK(s.duals[1] == Approx(0).margin(1e-12));
  // Reduced costs c - A'y: 1 for x (held at its upper bound), 0 for basic y.
  CHECK(s.reduced_costs[0] == Approx(1));
  CHECK(s.reduced_costs[1] == Approx(0).margin(1e-12));
}

TEST_CASE("solve_linear_program: infeasible and unbounded are outcomes, not errors", "[numeric][property]") {
  LinearProgram infeasible;
  infeasible.objective = {1};
  infeasible.constraints = {{{1}, {2.0, std::nullopt}}, {{1}, {std::nullopt, 1.0}}};
  CHECK(solve_linear_program(infeasible).status == LpStatus::infeasible);
  LinearProgram unbounded;
  unbounded.maximize = true;
  unbounded.objective = {1};
  CHECK(solve_linear_program(unbounded).status == LpStatus::unbounded);
}

TEST_CASE("solve_linear_program: bad input names the field, and the next solve works", "[numeric][regression]") {
  LinearProgram bad = small_lp();
  bad.constraints[1].coefficients = {1};
  try {
    solve_linear_program(bad);
    FAIL("a short coefficient row was accepted");
  } catch (const rbc::InputError& e) {
    CHECK(e.path() == "constraints[1].coefficients");
  }
  bad = small_lp();
  bad.bounds[0] = {5.0, 1.0};
  CHECK_THROWS_AS(solve_linear_program(bad), rbc::InputError);
  CHECK(solve_linear_program(small_lp()).objective == Approx(11));
}

TEST_CASE("solve_linear_program: GLPK's own fatal error is an InputError, again and again", "[numeric][regression]") {
  // Passes validation, but GLPK's scaling stops with a fatal error (glp_set_rii: invalid scale
  // factor), which reaches the error hook's longjmp. Three rounds: in wasm a broken setjmp
  // showed only on the second and third error.
  LinearProgram bad;
  bad.objective = {1e308, 1e308};
  bad.constraints = {LinearConstraint{{1e308, -1e308}, Bound{std::nullopt, 1e308}}};
  for (int round = 0; round < 3; ++round) {
    try {
      solve_linear_program(bad);
      FAIL("GLPK accepted the extreme coefficients");
    } catch (const rbc::InputError& e) {
      CHECK(e.code() == "solver_error");
      CHECK(std::string(e.what()).find("glp_set_rii") != std::string::npos);
    }
    CHECK(solve_linear_program(small_lp()).objective == Approx(11));
  }
}

TEST_CASE("solve_linear_program: an optimum that overflows double precision is an error, not infinity",
          "[numeric][regression]") {
  // Found by the fuzzer: 1e308 x 1e4 overflowed the objective, which JSON printed as null.
  LinearProgram lp;
  lp.objective = {1e308, -1e308};
  lp.constraints.push_back({{1e-308, 1e304}, {-1e308, 1e308}});
  try {
    solve_linear_program(lp);
    FAIL("an infinite objective was returned");
  } catch (const rbc::InputError& e) {
    CHECK(e.code() == "solver_error");
  }
  // The next solve works.
  LinearProgram ok;
  ok.objective = {1, 1};
  ok.constraints.push_back({{1, 1}, {2, std::nullopt}});
  CHECK(solve_linear_program(ok).objective == Approx(2));
}

TEST_CASE("solve_linear_program: the sparse matrix form gives the dense form's answer; bad entries are named",
          "[numeric][property]") {
  const auto dense = small_lp();
  LinearProgram sparse = dense;
  for (std::size_t i = 0; i < dense.constraints.size(); ++i) {
    for (std::size_t j = 0; j < dense.objective.size(); ++j)
      if (dense.constraints[i].coefficients[j] != 0) sparse.matrix.push_back({i, j, dense.constraints[i].coefficients[j]});
    sparse.constraints[i].coefficients.clear();
  }
  const auto a = solve_linear_program(dense), b = solve_linear_program(sparse);
  REQUIRE(b.status == LpStatus::optimal);
  CHECK(b.objective == a.objective);
  CHECK(b.x == a.x);
  auto twice = sparse;
  twice.matrix.push_back(sparse.matrix.front());
  CHECK_THROWS_WITH(solve_linear_program(twice), Catch::Contains("repeats a (row, column)"));
  auto outside = sparse;
  outside.matrix.push_back({0, 7, 1.0});
  CHECK_THROWS_WITH(solve_linear_program(outside), Catch::Contains("matrix["));
  auto both = sparse;
  both.constraints[0].coefficients = dense.constraints[0].coefficients;
  CHECK_THROWS_WITH(solve_linear_program(both), Catch::Contains("coefficients"));
}
