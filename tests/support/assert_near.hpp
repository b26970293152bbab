#pragma once
// One comparison for Eigen vectors: reports the first index that differs.
#include <Eigen/Dense>
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>
#include <vector>

namespace rbc::test {

inline void assert_near(const Eigen::VectorXd& actual, const Eigen::VectorXd& expected, double abs_tol) {
  REQUIRE(actual.size() == expected.size());
  for (Eigen::Index i = 0; i < actual.size(); ++i) {
    INFO("index " << i << ": actual " << actual[i] << ", expected " << expected[i] << ", tolerance " << abs_tol);
    CHECK(std::abs(actual[i] - expected[i]) <= abs_tol);
  }
}

inline Eigen::VectorXd vec(std::initializer_list<double> xs) {
  std::vector<double> v(xs);
  return Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

}  // namespace rbc::test
