#pragma once
// Stationary genotype distribution from phenotype frequencies by the thesis's iterated least
// squares (sec. 3.3.3-3.3.6): solve A(x^(n-1)) x^(n) = b (eq. 3.17) with
// A(x) = [x^T P - I; S^T], b = [0; f] (eq. 3.15), each step by QR (eq. 3.24-3.25), until the
// L1 change is below a tolerance. Iterated exactly as written (nonnegative = false) the fixed
// point is a least-squares compromise between stationarity and the phenotype frequencies,
// and may sum to slightly less than 1 and hold small negative entries (Rh, Table 3.4; the
// Caucasian Duffy table of sec. 3.5.2). With nonnegative = true each step solves the same
// least-squares problem over x >= 0 instead, so every frequency is a probability, and with
// sum_to_one too (the default) over the probability simplex, so x is a distribution.
#include <Eigen/Dense>
#include <vector>

#include "common/progress.hpp"
#include "genetics/heredity.hpp"

namespace rbc::genetics {

inline constexpr double default_stationary_tolerance = 1e-6;  // sec. 3.3.5
inline constexpr int default_max_iterations = 1000;
// The weight of the row sum x = 1 over the simplex: the other rows' entries are at most 2.
inline constexpr double sum_weight = 1e3;
// Two starts "reach the same distribution" when no genotype frequency differs by more.
inline constexpr double multistart_agreement = 1e-4;
// Multi-start solves one problem per genotype; refused above this many genotypes.
inline constexpr int max_multistart_genotypes = 136;  // 16 haplotypes

struct StationaryOptions {
  double tolerance = default_stationary_tolerance;  // on ||x^(n) - x^(n-1)||_1, > 0
  int max_iterations = default_max_iterations;      // >= 1
  bool nonnegative = true;  // each step min ||A x - b|| over x >= 0 (false: eq. 3.24 as printed)
  bool sum_to_one = true;   // with nonnegative: also sum x = 1 (ignored without nonnegative)
};

struct IterationRecord {
  int iteration = 0;
  double change = 0;    // ||x^(n) - x^(n-1)||_1
  double residual = 0;  // ||A(x^(n-1)) x^(n) - b||_2^2, eq. 3.26
};

struct StationarySolution {
  Eigen::VectorXd x;  // genotype frequencies in eq. 3.9 order
  int iterations = 0;
  bool converged = false;
  bool reached_known = false;  // stopped inside a KnownFixedPoint's ball (converged stays false)
  double residual = 0;  // of the last step, eq. 3.26
  std::vector<IterationRecord> trace;
};

// A fixed point already found and a ball around it (L1 radius) that the iteration is taken
// to map into itself (attracting_ball): a run stops once its iterate is inside the ball and
// itself contracting (its change shrinking by at least 0.9 a step). radius 0: never.
struct KnownFixedPoint {
  const Eigen::VectorXd* x = nullptr;
  double radius = 0;
};

// One run of eq. 3.25 from x0. S is m x n (eq. 3.10), f has n entries. A checkpoint per
// iteration (fraction: iterations / max_iterations).
StationarySolution stationary_genotypes(const HeredityOperator& P, const Eigen::MatrixXd& S,
                                        const Eigen::VectorXd& f, const Eigen::VectorXd& x0,
                                        const StationaryOptions& options, const Progress& progress = {},
                                        const KnownFixedPoint& known = {});

// A ball of L1 radius `radius` around run.x that the iteration T is taken to map into itself,
// so that a run entering it converges to the fixed point x_bar that `run` approaches. From the
// run's last changes c: the local contraction rate r is the larger of the last two ratios
// c_k / c_{k-1}; if r bounds T's L1 Lipschitz constant on the ball, then |T(x) - x|_1 <= r c_last,
// T maps the ball into itself when r (radius + c_last) <= radius, and |x_bar - x|_1 <=
// r c_last / (1 - r) (Banach). That r is an estimate, not a bound: it is the rate along the
// directions this run took, and a direction it never took (one that breaks a symmetry of its
// start), a non-normal Jacobian or a change of active set inside the ball can be slower, so the
// ball is a heuristic, as the random starts it serves are. radius 0 when even the estimate is
// not to be trusted: the run did not converge, has fewer than four steps (the first step's
// change says nothing of the local rate), its last two ratios differ by more than a factor of
// 2, or it contracts slower than 0.9 a step.
struct AttractingBall {
  double radius = 0;
  double rate = 0;            // r
  double limit_distance = 0;  // r c_last / (1 - r): the bound on |x_bar - run.x|_1
};
AttractingBall attracting_ball(const StationarySolution& run, double radius);

// The thesis's default start: every genotype equally frequent.
Eigen::VectorXd uniform_start(int genotype_count);

struct MultistartSummary {
  int starts = 0;
  int converged = 0;
  bool all_agree = false;    // every start within multistart_agreement of `reference`
  double max_deviation = 0;  // largest |x_start - reference| over starts and genotypes
  std::vector<int> iterations;  // per start e_1 ... e_m
};

// Sec. 3.3.6: start from every unit vector e_k and compare each result with `reference`.
// A checkpoint per start.
MultistartSummary multistart_check(const HeredityOperator& P, const Eigen::MatrixXd& S, const Eigen::VectorXd& f,
                                   const Eigen::VectorXd& reference, const StationaryOptions& options,
                                   const Progress& progress = {});

// ||x^T P x - x||_1: how far x is from stationary (eq. 3.13).
double stationarity_residual(const HeredityOperator& P, const Eigen::VectorXd& x);

}  // namespace rbc::genetics
