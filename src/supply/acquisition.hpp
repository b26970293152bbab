#pragma once
// Blood acquisition rates (seed 002, Boppana and Chalasani, sec. 4): the stock of one blood
// product as a continuous-time Markov chain on levels 0..k (k = the most units stored).
// Supply arrives one unit at a time at rate lambda; requests for b units arrive at rate mu_b.
//  - M/M/1/k (Fig. 2): requests of one unit, rho = lambda / mu; pi_j proportional to rho^j.
//  - The general chain (Fig. 1): batch requests; pi Q = 0, sum pi = 1.
// Everything is computed without forming rho^k (no overflow for k in the thousands and rho far
// from 1) and every probability is summed directly, never as 1 minus a number near 1.
#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <vector>

namespace rbc::supply {

// ---- M/M/1/k (seed 002, Fig. 2 and the equations after it) ----

struct StockTail {
  double shortage;      // P[fewer than m units in stock] = sum_{j < m} pi_j
  double availability;  // P[at least m units] = 1 - P[shortage], summed on its own side
};

// The stationary distribution over 0..k units: pi_j = rho^j (1 - rho) / (1 - rho^(k+1)),
// 1/(k+1) at rho = 1. rho > 0 (supply rate / consumption rate); k >= 0.
Eigen::VectorXd mm1k_distribution(double rho, int k);

// P[shortage] = (rho^m - 1) / (rho^(k+1) - 1) and its complement (seed 002, sec. 4), for
// 0 <= m <= k + 1 (m = 0: never short; m = k + 1: always short).
StockTail mm1k_tail(double rho, int m, int k);

// The smallest rho whose availability reaches `target` (0 < target < 1), for 1 <= m <= k:
// the smallest double rho with mm1k_tail(rho, m, k).availability >= target, found by bisection
// down to adjacent doubles. Availability rises strictly with rho (see acquisition.cpp), so the
// answer is unique. Throws std::invalid_argument outside those ranges.
double mm1k_minimum_rho(double target, int m, int k);

// The smallest multiple of `step` (> 0) whose availability reaches `target`: seed 002 quotes
// its rates on such a grid (0.025; seed NOTES).
double mm1k_minimum_rho_on_grid(double target, int m, int k, double step);

// ---- The general chain with batch requests (seed 002, Fig. 1) ----

// What a request for more units than are in stock does. The paper's rates q_{j,i} = mu_{j-i}
// (i < j) give no move for b > j: the request goes unmet and the stock stays (`lost`).
// `partial`: the stock is issued, down to 0.
enum class Excess { lost, partial };

struct BatchChain {
  double supply_rate = 1;     // lambda, units per unit time, in units of the total request rate
  std::vector<double> batch;  // batch[b-1] = P(a request is for b units); sums to 1
  int k = 0;                  // the most units stored
  Excess excess = Excess::lost;
};

// The generator Q on levels 0..k (rows sum to 0), with mu_b = batch[b-1] (total request rate 1).
Eigen::SparseMatrix<double> batch_generator(const BatchChain& chain);

// pi with pi Q = 0, sum pi = 1, in O(k * batch.size()) by the cut equations (acquisition.cpp).
Eigen::VectorXd batch_distribution(const BatchChain& chain);

struct BatchShortage {
  StockTail tail;          // P[stock < m] (the paper's shortage) and P[stock >= m]
  double request_unmet;    // P[a request cannot be met in full] = sum_j pi_j P(B > j)
  double mean_stock;       // sum_j j pi_j
};
BatchShortage batch_shortage(const Eigen::VectorXd& pi, const std::vector<double>& batch, int m);

}  // namespace rbc::supply
