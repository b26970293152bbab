#include "numeric/lp_analysis.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "common/input_error.hpp"
#include "numeric/random.hpp"
#include "support/small_lp.hpp"

using namespace rbc;
using namespace rbc::numeric;

using test::small_lp;

namespace {

const char* const small_cplex_lp = R"(\ the textbook LP of small_lp()
Maximize
 profit: 3 x + 2 y
Subject To
 first: x + y <= 4
 second: x + 3 y <= 9
Bounds
 0 <= x <= 3
End
)";

const char* const small_free_mps = R"(NAME SMALL
ROWS
 N profit
 L first
 L second
COLUMNS
 x profit 3 first 1
 x second 1
 y profit 2 first 1
 y second 3
RHS
 rhs first 4 second 9
BOUNDS
 UP bnd x 3
ENDATA
)";

const char* const small_mathprog = R"(# the textbook LP of small_lp()
var x >= 0, <= 3;
var y >= 0;
maximize profit: 3 * x + 2 * y;
s.t. first: x + y <= 4;
s.t. second: x + 3 * y <= 9;
solve;
printf "x = %g, y = %g\n", x, y;
end;
)";

std::string error_of(ModelFormat format, const std::string& text, std::string* code = nullptr) {
  try {
    analyse_model_text(format, text);
  } catch (const rbc::InputError& e) {
    if (code) *code = e.code();
    CHECK(e.path() == "model");
    return e.what();
  }
  FAIL("the model text was accepted");
  return "";
}

// A private $TMPDIR for one test, so files other processes leave in /tmp (a fuzzer, another
// test run) cannot be mistaken for ours; restored and removed at the end.
class PrivateTempDir {
 public:
  PrivateTempDir() {
    const char* old = std::getenv("TMPDIR");
    if (old) old_ = old;
    dir_ = std::filesystem::temp_directory_path() /
           ("rbcmatch-lp-test-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::filesystem::create_directories(dir_);
    setenv("TMPDIR", dir_.c_str(), 1);
  }
  ~PrivateTempDir() {
    if (old_) setenv("TMPDIR", old_->c_str(), 1);
    else unsetenv("TMPDIR");
    std::filesystem::remove_all(dir_);
  }
  std::size_t files() const {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir_), {}));
  }

 private:
  std::filesystem::path dir_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("analyse_linear_program: names, values, duals, basis statuses and ranging of a textbook LP",
          "[numeric][validation]") {
  const auto r = analyse_linear_program(small_lp());
  REQUIRE(r.status == LpStatus::optimal);
  CHECK_FALSE(r.mixed_integer);
  CHECK(*r.objective == Approx(11));
  REQUIRE(r.columns.size() == 2);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.columns[0].name == "x1");
  CHECK(r.rows[1].name == "c2");
  CHECK(r.columns[0].value == Approx(3));
  CHECK(*r.columns[0].status == BasisStatus::at_upper);
  CHECK(*r.columns[0].dual == Approx(1));
  CHECK(*r.columns[1].status == BasisStatus::basic);
  CHECK(*r.rows[0].dual == Approx(2));
  CHECK(*r.rows[0].status == BasisStatus::at_upper);
  CHECK(r.rows[1].value == Approx(6));
  // Ranging by hand. x (at its upper bound 3, reduced cost 1): keeps the basis for c_x >= 2;
  // its bound can move within [1.5, 4] (y = 4 - x must stay >= 0 and satisfy x + 3y <= 9),
  // the objective changing by 1 per unit: 9.5 at x = 1.5, 12 at x = 4.
  const auto& gx = *r.columns[0].ranging;
  CHECK(gx.objective_coefficient_range[0] == Approx(2));
  CHECK(std::isinf(gx.objective_coefficient_range[1]));
  CHECK(gx.activity_range[0] == Approx(1.5));
  CHECK(gx.activity_range[1] == Approx(4));
  CHECK(gx.objective_at_break[0] == Approx(9.5));
  CHECK(gx.objective_at_break[1] == Approx(12));
  CHECK(gx.limiting[0] == "c2");
  // y (basic): its coefficient keeps the basis in [0, 3] (above 3, y replaces x at the bound).
  const auto& gy = *r.columns[1].ranging;
  CHECK(gy.objective_coefficient_range[0] == Approx(0).margin(1e-12));
  CHECK(gy.objective_coefficient_range[1] == Approx(3));
  // Row 1 (x + y <= 4, dual 2): its bound can move within [3, 5] (y = b - 3 from 0 until
  // x + 3y reaches 9), the objective 11 + 2 (b - 4): 13 at b = 5.
  const auto& g1 = *r.rows[0].ranging;
  CHECK(g1.activity_range[0] == Approx(3));
  CHECK(g1.activity_range[1] == Approx(5));
  CHECK(g1.objective_at_break[1] == Approx(13));
  CHECK(r.lp_text.find("Maximize") != std::string::npos);
}

TEST_CASE("analyse_model_text: CPLEX LP, free MPS and MathProg give the numbers' optimum", "[numeric][validation]") {
  const auto numbers = analyse_linear_program(small_lp());
  LpOptions max;
  max.maximize_mps = true;  // MPS text has no sense
  for (const auto& [format, text] :
       {std::pair{ModelFormat::cplex_lp, small_cplex_lp}, std::pair{ModelFormat::free_mps, small_free_mps},
        std::pair{ModelFormat::mathprog, small_mathprog}}) {
    const auto r = analyse_model_text(format, text, max);
    REQUIRE(r.status == LpStatus::optimal);
    CHECK(*r.objective == Approx(11));
    CHECK(r.objective_name == "profit");
    const auto& x = r.columns[0];
    CHECK(x.name == "x");
    CHECK(x.value == Approx(3));
    CHECK(x.ranging->objective_coefficient_range[0] == Approx(numbers.columns[0].ranging->objective_coefficient_range[0]));
  }
  const auto mathprog = analyse_model_text(ModelFormat::mathprog, small_mathprog);
  CHECK(mathprog.output == "x = 3, y = 1\n");
  CHECK(mathprog.rows[0].name == "profit");  // MathProg's objective is a free row, as in glpsol
  CHECK(mathprog.name.empty());                // not the temporary file's
}

TEST_CASE("analyse_model_text: the CPLEX LP text written back reads as the same model", "[numeric][property]") {
  const auto first = analyse_linear_program(small_lp());
  const auto again = analyse_model_text(ModelFormat::cplex_lp, first.lp_text);
  CHECK(*again.objective == Approx(*first.objective));
  CHECK(again.columns[1].name == "x2");
}

TEST_CASE("analyse_model_text: an error in the text names its line and GLPK's reason, and the next model solves",
          "[numeric][regression]") {
  const PrivateTempDir tmp;
  std::string code;
  const auto lp = error_of(ModelFormat::cplex_lp, "Maximize\n obj: 3 x + 2 y\nSubject To\n c1: x + y <=\nEnd\n", &code);
  CHECK(code == "model_syntax");
  CHECK(lp.rfind("line 5: ", 0) == 0);
  CHECK(lp.find("/tmp") == std::string::npos);  // no temporary file name
  const auto mathprog = error_of(ModelFormat::mathprog, "var x >= 0;\nmaximize z: x\ns.t. c: x <= 1;\nend;\n", &code);
  CHECK(code == "model_syntax");
  CHECK(mathprog.rfind("line 3: ", 0) == 0);
  const auto mps = error_of(ModelFormat::free_mps, "NAME X\nROWS\n N obj\nCOLUMNS\n x obj one\nENDATA\n");
  CHECK(mps.rfind("line 5: ", 0) == 0);
  // A MathProg model that reads but cannot be generated: its data breaks a check.
  const auto generated = error_of(ModelFormat::mathprog, "param p := 2;\ncheck p < 1;\nvar x;\nend;\n", &code);
  CHECK(code == "model_error");
  CHECK(generated.rfind("line 2: ", 0) == 0);
  CHECK(*analyse_model_text(ModelFormat::cplex_lp, small_cplex_lp).objective == Approx(11));
  CHECK(tmp.files() == 0);  // every model text and LP text file removed
}

TEST_CASE("analyse_model_text: MathProg may not read or write files, nor overflow GLPK's printf buffer",
          "[numeric][regression]") {
  std::string code;
  CHECK(error_of(ModelFormat::mathprog, "var x;\nsolve;\nprintf \"%g\", x > \"/tmp/out.txt\";\nend;\n", &code)
            .rfind("line 3: ", 0) == 0);
  CHECK(code == "unsupported");
  CHECK(error_of(ModelFormat::mathprog, "set I;\ntable t IN \"CSV\" \"/etc/passwd\": I <- [a];\nend;\n", &code)
            .rfind("line 2: ", 0) == 0);
  // GLPK formats each printf conversion into 1024 bytes and checks only afterwards.
  CHECK(error_of(ModelFormat::mathprog, "var x;\nsolve;\nprintf \"%.999f\", 1e300;\nend;\n", &code).rfind("line 3: ", 0) == 0);
  CHECK(code == "unsupported");
  CHECK(error_of(ModelFormat::mathprog, "param f symbolic := \"%2000s\";\nprintf f, \"x\";\nend;\n").rfind("line 2: ", 0) == 0);
  // Comparisons and strings with ">" in them are not redirections.
  const auto ok = analyse_model_text(ModelFormat::mathprog,
                                     "var x >= 0, <= 2;\nmaximize z: x;\nsolve;\nprintf{i in 1..1: x >= 1} \"x > 1\\n\";\nend;\n");
  CHECK(ok.output == "x > 1\n");
}

TEST_CASE("analyse_model_text: a printf format in parentheses is that string, checked as one",
          "[numeric][regression]") {
  // GLPK's queens.mod, sudoku.mod, numbrix.mod and tsp.mod write printf("\n"): refused before.
  const auto ok = analyse_model_text(ModelFormat::mathprog, "printf(\"a\");\nprintf ( (\"%d\\n\") ), 2;\nend;\n");
  CHECK(ok.output == "a2\n");
  std::string code;
  CHECK(error_of(ModelFormat::mathprog, "printf(\"%.999f\"), 1e300;\nend;\n", &code).rfind("line 1: ", 0) == 0);
  CHECK(code == "unsupported");
  CHECK(error_of(ModelFormat::mathprog, "printf(\"%9\") & \"99d\", 1;\nend;\n", &code).rfind("line 1: ", 0) == 0);
  CHECK(error_of(ModelFormat::mathprog, "printf((\"x\");\nend;\n", &code).rfind("line 1: ", 0) == 0);
}

TEST_CASE("analyse_model_text: limits on the text and the model are named", "[numeric][regression]") {
  std::string code;
  const auto long_text = error_of(ModelFormat::cplex_lp, std::string(max_lp_model_chars + 1, ' '), &code);
  CHECK(code == "limit_exceeded");
  CHECK(long_text.find(std::to_string(max_lp_model_chars)) != std::string::npos);
  const auto wide = error_of(ModelFormat::mathprog, "var x{1..20001} >= 0;\nminimize z: sum{i in 1..20001} x[i];\nend;\n", &code);
  CHECK(code == "limit_exceeded");
  CHECK(wide.find("20001 variables (at most 20000)") != std::string::npos);
  // A model whose generation would exhaust memory stops at GLPK's memory limit.
  const auto huge = error_of(ModelFormat::mathprog, "var x{1..100000000} >= 0;\nminimize z: sum{i in 1..100000000} x[i];\nend;\n", &code);
  CHECK(code == "limit_exceeded");
  CHECK(*analyse_model_text(ModelFormat::cplex_lp, small_cplex_lp).objective == Approx(11));
}

TEST_CASE("analyse_linear_program: a mixed-integer programme has a MIP status and no duals", "[numeric][validation]") {
  // max 5a + 4b + 3c, 2a + 3b + c <= 5, 4a + b + 2c <= 11, 3a + 4b + 2c <= 8, a, b, c in {0, 1, 2, ...}
  // (Chvatal's example): the LP optimum is 13 at (2, 0, 1), already integral.
  LinearProgram lp;
  lp.maximize = true;
  lp.objective = {5, 4, 3};
  lp.constraints = {{{2, 3, 1}, {std::nullopt, 5.0}}, {{4, 1, 2}, {std::nullopt, 11.0}}, {{3, 4, 2}, {std::nullopt, 8.0}}};
  lp.integer = {true, true, true};
  auto r = analyse_linear_program(lp);
  CHECK(r.mixed_integer);
  CHECK(r.status == LpStatus::optimal);
  CHECK(*r.objective == Approx(13));
  // A knapsack whose relaxation is fractional: max 8a + 11b + 6c + 4d, 5a + 7b + 4c + 3d <= 14, binary.
  LinearProgram knapsack;
  knapsack.maximize = true;
  knapsack.objective = {8, 11, 6, 4};
  knapsack.constraints = {{{5, 7, 4, 3}, {std::nullopt, 14.0}}};
  knapsack.bounds.assign(4, Bound{0.0, 1.0});
  knapsack.integer.assign(4, true);
  r = analyse_linear_program(knapsack);
  REQUIRE(r.status == LpStatus::optimal);
  CHECK(*r.objective == Approx(21));  // b, c, d
  CHECK(*r.relaxation_objective == Approx(22));  // a, b and half of c
  CHECK(r.relaxation_status == LpStatus::optimal);
  for (const auto& c : r.columns) {
    CHECK(c.value == std::round(c.value));
    CHECK_FALSE(c.dual);
    CHECK_FALSE(c.ranging);
  }
  CHECK_FALSE(r.rows[0].dual);
  CHECK(r.lp_text.find("Generals") != std::string::npos);  // 0-1 integers, as GLPK writes them
  // Integer infeasible although the relaxation is feasible: 2a = 1.
  LinearProgram odd;
  odd.objective = {1};
  odd.constraints = {{{2}, {1.0, 1.0}}};
  odd.integer = {true};
  CHECK(analyse_linear_program(odd).status == LpStatus::infeasible);
  // A fractional bound on an integer variable is named.
  odd.constraints.clear();
  odd.bounds = {{0.5, std::nullopt}};
  try {
    analyse_linear_program(odd);
    FAIL("a fractional bound of an integer variable was accepted");
  } catch (const rbc::InputError& e) {
    CHECK(e.path() == "bounds[0]");
  }
}

TEST_CASE("analyse_linear_program: infeasible and unbounded are outcomes with no solution", "[numeric][property]") {
  LinearProgram infeasible;
  infeasible.objective = {1};
  infeasible.constraints = {{{1}, {2.0, std::nullopt}}, {{1}, {std::nullopt, 1.0}}};
  auto r = analyse_linear_program(infeasible);
  CHECK(r.status == LpStatus::infeasible);
  CHECK_FALSE(r.objective);
  CHECK_FALSE(r.columns[0].dual);
  LinearProgram unbounded;
  unbounded.maximize = true;
  unbounded.objective = {1};
  CHECK(analyse_linear_program(unbounded).status == LpStatus::unbounded);
}

TEST_CASE("analyse_linear_program: infeasible, unbounded or both, whichever side the presolver sees first",
          "[numeric][regression]") {
  // min -x + y + 0z, 2 <= y + z <= 1 (x in no constraint, all >= 0): no feasible point, and
  // x lowers the cost without limit. GLPK's presolver reports the dual side only, which was
  // read as "unbounded".
  LinearProgram both;
  both.objective = {-1, 1, 0};
  both.constraints = {{{0, 1, 1}, {2.0, std::nullopt}}, {{0, 1, 1}, {std::nullopt, 1.0}}};
  CHECK(analyse_linear_program(both).status == LpStatus::primal_and_dual_infeasible);
  // Without x the dual is feasible: infeasible only.
  LinearProgram infeasible = both;
  infeasible.objective = {0, 1, 0};
  CHECK(analyse_linear_program(infeasible).status == LpStatus::infeasible);
  // With consistent right-hand sides (1 <= y + z <= 2) x still lowers the cost: unbounded.
  LinearProgram unbounded = both;
  unbounded.constraints = {{{0, 1, 1}, {1.0, std::nullopt}}, {{0, 1, 1}, {std::nullopt, 2.0}}};
  CHECK(analyse_linear_program(unbounded).status == LpStatus::unbounded);
  // The same whether the matrix is sorted as glpsol does or not.
  LpOptions sorted;
  sorted.sort_matrix = true;
  CHECK(analyse_linear_program(both, sorted).status == LpStatus::primal_and_dual_infeasible);
  CHECK(analyse_linear_program(unbounded, sorted).status == LpStatus::unbounded);
}

TEST_CASE("analyse_linear_program: a mixed-integer programme with an unbounded relaxation is unbounded only with an "
          "integer point",
          "[numeric][regression]") {
  // max a + c, 2a = 1, a >= 0 integer, c >= 0: the relaxation is unbounded (a = 1/2, c grows),
  // but 2a = 1 has no integer solution. It was reported "unbounded".
  LinearProgram odd;
  odd.maximize = true;
  odd.objective = {1, 1};
  odd.constraints = {{{2, 0}, {1.0, 1.0}}};
  odd.integer = {true, false};
  auto r = analyse_linear_program(odd);
  CHECK(r.relaxation_status == LpStatus::unbounded);
  CHECK(r.status == LpStatus::infeasible);
  CHECK_FALSE(r.objective);
  // 2a - 2b = 1 has no integer solution either, but branch and bound over unbounded a and b
  // never proves it: the time limit ends the search, and the answer is not "unbounded".
  odd.constraints = {{{2, -2}, {1.0, 1.0}}};
  odd.integer = {true, true};
  LpOptions brief;
  brief.mip_time_limit = 0.2;
  CHECK(analyse_linear_program(odd, brief).status == LpStatus::time_limit);
  // a - b = 1 has integer points (b + 1, b) for every b: unbounded (Meyer 1974).
  LinearProgram even = odd;
  even.constraints = {{{1, -1}, {1.0, 1.0}}};
  r = analyse_linear_program(even);
  CHECK(r.relaxation_status == LpStatus::unbounded);
  CHECK(r.status == LpStatus::unbounded);
  CHECK_FALSE(r.objective);
  // A relaxation with neither a feasible point nor a bounded dual: the programme is infeasible.
  LinearProgram both;
  both.objective = {-1, 1};
  both.constraints = {{{0, 1}, {2.0, std::nullopt}}, {{0, 1}, {std::nullopt, 1.0}}};
  both.integer = {true, true};
  r = analyse_linear_program(both);
  CHECK(r.relaxation_status == LpStatus::primal_and_dual_infeasible);
  CHECK(r.status == LpStatus::infeasible);
}

namespace {

// A random feasible, bounded LP: x0 in [0, 10]^n is feasible by construction, each row a x
// with random coefficients in [-1, 1] gets an upper bound, a lower bound or both around a x0,
// every variable lies in [0, 10].
LinearProgram random_lp(Rng& rng) {
  LinearProgram lp;
  const auto n = 2 + static_cast<std::size_t>(uniform_below(rng, 5));
  const auto m = 1 + static_cast<std::size_t>(uniform_below(rng, 5));
  lp.maximize = bernoulli(rng, 0.5);
  std::vector<double> x0;
  for (std::size_t j = 0; j < n; ++j) {
    const double c = 2 * uniform01(rng) - 1;
    lp.objective.push_back(c);
    const double x = 10 * uniform01(rng);
    x0.push_back(x);
    lp.bounds.push_back({0.0, 10.0});
  }
  for (std::size_t i = 0; i < m; ++i) {
    LinearConstraint row;
    double ax = 0;
    for (std::size_t j = 0; j < n; ++j) {
      const double a = 2 * uniform01(rng) - 1;
      row.coefficients.push_back(a);
      ax += a * x0[j];
    }
    const double below = uniform01(rng), above = uniform01(rng);
    const auto kind = uniform_below(rng, 3);
    if (kind != 0) row.bound.upper = ax + above;
    if (kind != 1) row.bound.lower = ax - below;
    lp.constraints.push_back(row);
  }
  return lp;
}

double objective_at(const LinearProgram& lp, const LpReport& r) {
  double z = 0;
  for (std::size_t j = 0; j < lp.objective.size(); ++j) z += lp.objective[j] * r.columns[j].value;
  return z;
}

// The bound a dual of sign `sign` prices (min: positive at the lower bound, negative at the
// upper; the reverse for max).
double priced_bound(const LpEntry& e, double dual, bool maximize) {
  const bool lower = (dual > 0) != maximize;
  return lower ? *e.bound.lower : *e.bound.upper;
}

}  // namespace

TEST_CASE("analyse_linear_program: random LPs are dual feasible with complementary slackness and strong duality",
          "[numeric][property]") {
  Rng rng(20240611);
  const double tol = 1e-7;
  for (int trial = 0; trial < 40; ++trial) {
    const auto lp = random_lp(rng);
    const auto r = analyse_linear_program(lp);
    INFO("trial " << trial);
    REQUIRE(r.status == LpStatus::optimal);
    double dual_objective = 0;
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
      const auto& row = r.rows[i];
      const double y = *row.dual;
      if (std::abs(y) <= tol) continue;
      // Complementary slackness: a priced row is at the bound its dual's sign names.
      const double b = priced_bound(row, y, lp.maximize);
      CHECK(row.value == Approx(b).margin(tol));
      dual_objective += y * b;
    }
    for (std::size_t j = 0; j < r.columns.size(); ++j) {
      const auto& col = r.columns[j];
      double d = lp.objective[j];
      for (std::size_t i = 0; i < r.rows.size(); ++i) d -= lp.constraints[i].coefficients[j] * *r.rows[i].dual;
      CHECK(*col.dual == Approx(d).margin(tol));  // reduced cost = c - A'y
      if (std::abs(d) <= tol) continue;
      const double b = priced_bound(col, d, lp.maximize);
      CHECK(col.value == Approx(b).margin(tol));
      dual_objective += d * b;
    }
    CHECK(*r.objective == Approx(dual_objective).margin(tol));  // strong duality
  }
}

TEST_CASE("analyse_linear_program: ranging agrees with solving again inside and outside the range",
          "[numeric][property]") {
  Rng rng(20240612);
  const double tol = 1e-7;
  int checked = 0;
  for (int trial = 0; trial < 30; ++trial) {
    const auto lp = random_lp(rng);
    const auto r = analyse_linear_program(lp);
    REQUIRE(r.status == LpStatus::optimal);
    const double better = lp.maximize ? 1 : -1;  // the direction of improvement
    for (std::size_t j = 0; j < lp.objective.size(); ++j) {
      const auto& g = *r.columns[j].ranging;
      for (int end = 0; end < 2; ++end) {
        const double edge = g.objective_coefficient_range[end];
        if (!std::isfinite(edge) || std::abs(edge - lp.objective[j]) < 1e-6) continue;
        INFO("trial " << trial << ", variable " << j << ", end " << end);
        // Inside the range the old point stays optimal: the new optimum is its new cost.
        auto inside = lp;
        inside.objective[j] = lp.objective[j] + 0.5 * (edge - lp.objective[j]);
        CHECK(*analyse_linear_program(inside).objective == Approx(objective_at(inside, r)).margin(tol));
        // Beyond it (by a clear step) another point is strictly better.
        auto outside = lp;
        outside.objective[j] = edge + (edge - lp.objective[j]) * 0.5 + (end == 0 ? -0.1 : 0.1);
        CHECK(better * (*analyse_linear_program(outside).objective - objective_at(outside, r)) > 1e-9);
        ++checked;
      }
    }
    // A row at a bound: moving the bound inside its activity range moves the optimum along
    // the dual; the row's objective_at_break is the optimum at the range's ends.
    for (std::size_t i = 0; i < lp.constraints.size(); ++i) {
      const auto& row = r.rows[i];
      if (*row.status == BasisStatus::basic || *row.status == BasisStatus::free) continue;
      const auto& g = *row.ranging;
      for (int end = 0; end < 2; ++end) {
        const double edge = g.activity_range[end];
        if (!std::isfinite(edge) || std::abs(edge - row.value) < 1e-6) continue;
        INFO("trial " << trial << ", row " << i << ", end " << end);
        auto moved = lp;
        const double to = row.value + 0.5 * (edge - row.value);
        const bool at_upper = *row.status == BasisStatus::at_upper;
        auto& bound = moved.constraints[i].bound;
        // Move the active bound (both ends of an equality row).
        if (at_upper || *row.status == BasisStatus::fixed) bound.upper = to;
        if (!at_upper || *row.status == BasisStatus::fixed) bound.lower = to;
        if (bound.lower && bound.upper && *bound.lower > *bound.upper) continue;
        const auto again = analyse_linear_program(moved);
        REQUIRE(again.status == LpStatus::optimal);
        CHECK(*again.objective == Approx(*r.objective + *row.dual * (to - row.value)).margin(tol));
        CHECK(g.objective_at_break[end] == Approx(*r.objective + *row.dual * (edge - row.value)).margin(tol));
        ++checked;
      }
    }
  }
  CHECK(checked >= 40);
}

TEST_CASE("analyse_linear_program: branch and bound stops when the caller cancels, and the next solve works",
          "[numeric][regression]") {
  LinearProgram knapsack;
  knapsack.maximize = true;
  knapsack.objective = {8, 11, 6, 4};
  knapsack.constraints = {{{5, 7, 4, 3}, {std::nullopt, 14.0}}};
  knapsack.bounds.assign(4, Bound{0.0, 1.0});
  knapsack.integer.assign(4, true);
  int reports = 0;
  const rbc::Progress stop([&reports](double, std::string_view) { return ++reports < 0; }, 0.0);
  CHECK_THROWS_AS(analyse_linear_program(knapsack, {}, stop), rbc::Cancelled);
  CHECK(reports >= 1);
  CHECK(*analyse_linear_program(knapsack).objective == Approx(21));
}

TEST_CASE("analyse_linear_program: a mixed-integer programme's time limit covers its relaxation too",
          "[numeric][regression]") {
  // An assignment problem of 60 x 60 with random costs and integer columns: its relaxation
  // takes hundreds of simplex iterations. With a limit of 1 ms the relaxation stops there
  // (GLPK checks tm_lim between iterations); before, the relaxation ran to its end whatever
  // the limit, and only branch and bound was limited (the per-request matching took 45 s
  // under a limit of 10 s, its components' relaxations unbounded in time).
  const std::size_t n = 60;
  LinearProgram assignment;
  numeric::Rng rng(20261206);
  for (std::size_t k = 0; k < n * n; ++k) assignment.objective.push_back(1 + 99 * numeric::uniform01(rng));
  assignment.bounds.assign(n * n, Bound{0.0, 1.0});
  assignment.integer.assign(n * n, true);
  for (std::size_t i = 0; i < 2 * n; ++i) {
    assignment.constraints.push_back({{}, {1.0, 1.0}});
    for (std::size_t j = 0; j < n; ++j)
      assignment.matrix.push_back({i, i < n ? i * n + j : j * n + (i - n), 1.0});
  }
  LpOptions tight;
  tight.mip_time_limit = 0.001;
  tight.ranging = tight.lp_text = false;
  const auto stopped = analyse_linear_program(assignment, tight);
  CHECK(stopped.relaxation_status == LpStatus::time_limit);
  CHECK(stopped.status == LpStatus::time_limit);
  CHECK_FALSE(stopped.objective.has_value());
  // With time enough, the same model is solved.
  LpOptions ample = tight;
  ample.mip_time_limit = 10;
  const auto solved = analyse_linear_program(assignment, ample);
  CHECK(solved.status == LpStatus::optimal);
  CHECK(solved.relaxation_status == LpStatus::optimal);
}
