#pragma once
// The parts of match()'s cost c_ij (seed 004 eq. 7) that match() and match_classes() share:
// the antigen sets a pair is judged on, the FIFO and young-blood terms of an age, and the
// integer costs of the flow (matching.hpp's header). Internal to src/allocation.
#include <bit>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "allocation/matching.hpp"
#include "common/input_error.hpp"
#include "numeric/random.hpp"

namespace rbc::allocation::detail {

inline bool bit(Group g, std::size_t k) { return ((g >> k) & 1U) != 0; }

inline Group all_antigens(std::size_t n) { return n >= 64 ? ~Group{0} : (Group{1} << n) - 1; }

// An untyped patient counts as positive for every antigen but the major ones (sec. 4.2).
inline Group effective_type(const MatchingProblem& p, const MatchRequest& r) {
  return p.groups[r.group].typed ? r.type : (r.type & p.major) | (all_antigens(p.antigens) & ~p.major);
}

inline double weighted(const MatchingProblem& p, Group g) {
  double s = 0;
  for (std::size_t k = 0; k < p.antigens; ++k)
    if (bit(g, k)) s += p.immunogenicity[k];
  return s;
}

[[noreturn]] inline void solver_error(const std::string& message) { throw InputError("solver_error", "", message); }

// lambda_4 pi_4 (eq. 8) for rho = 0 and lambda_5 pi_5 for rho = 1, sec. 3.2, of a unit `age` days old.
inline double fifo_term(const MatchingProblem& p, int age) {
  return p.lambda.fifo * -numeric::portable_exp(-0.6931471805599453 * (p.shelf_life - static_cast<double>(age)) / 5.0);
}
inline double young_blood_term(const MatchingProblem& p, int age) {
  const double g = static_cast<double>(age);
  return p.lambda.young_blood * (-g / p.alpha.alpha1 + numeric::portable_exp(g - p.alpha.alpha2)) * p.alpha.alpha3;
}

// The scale 10^k of match()'s header, for pairs whose terms add up to at most `largest` in
// size on a network of `nodes` nodes carrying `units` units: the finest at which every arc
// cost stays within 2^60 / (2 (nodes + units)).
inline double cost_scale_for(double largest, std::int64_t nodes, std::int64_t units) {
  if (!(largest > 0)) return 1;
  const double limit = std::ldexp(1.0, 60) / (2.0 * static_cast<double>(nodes + units));
  const double e = std::floor(std::log10(limit / largest));
  int k = e > 300 ? 300 : e < -300 ? -300 : static_cast<int>(e);
  while (k > -300 && std::pow(10.0, k) * largest > limit) --k;
  while (k < 300 && std::pow(10.0, k + 1) * largest <= limit) ++k;
  return std::pow(10.0, k);
}

// The flow's integer costs: every term c_ij is made of, rounded once at `scale` (header): per
// antigen lambda_1 w_k and lambda_3 w_k, per A, B, D type lambda_2 v, per age the FIFO and
// young-blood terms. A pair's integer cost is the sum of its terms', so two matchings made of
// the same terms cost exactly the same.
struct RoundedTerms {
  double scale = 1;
  std::vector<std::int64_t> immunogenicity, substitution, fifo, young_blood;
  std::vector<std::pair<Group, std::int64_t>> usability;  // per A, B, D type: at most 8

  RoundedTerms(const MatchingProblem& p, double s, const std::map<Group, double>& v) : scale(s) {
    // A term no pair uses may be too large for int64 at this scale: it is never read (the
    // per-pair check in cost() would say so).
    const auto round = [s](double x) { return std::abs(x * s) < 0x1p62 ? std::llround(x * s) : std::int64_t{0}; };
    for (std::size_t k = 0; k < p.antigens; ++k) {
      immunogenicity.push_back(round(p.lambda.immunogenicity * p.immunogenicity[k]));
      substitution.push_back(round(p.lambda.minor_substitution * p.immunogenicity[k]));
    }
    for (int g = 0; g <= p.shelf_life; ++g) fifo.push_back(round(fifo_term(p, g))), young_blood.push_back(round(young_blood_term(p, g)));
    for (const auto& [type, value] : v) usability.emplace_back(type, round(p.lambda.major_substitution * value));
  }

  std::int64_t usability_of(Group major) const {
    for (const auto& [type, value] : usability)
      if (type == major) return value;
    solver_error("A pair's A, B, D type has no usability (an error in rbcmatch)");
  }

  static std::int64_t sum(const std::vector<std::int64_t>& terms, Group g, int& count) {
    std::int64_t s = 0;
    for (; g != 0; g &= g - 1, ++count) s += terms[static_cast<std::size_t>(std::countr_zero(g))];
    return s;
  }

  // The integer cost of the type's part of c_ij (pi_1 to pi_3, type_terms()); adds the number
  // of rounded terms it sums to `count`.
  std::int64_t type_part(const MatchingProblem& p, Group unit, const MatchRequest& r, int& count) const {
    const Group patient = effective_type(p, r);
    count += 2;  // the two usabilities
    std::int64_t c = usability_of(unit & p.major) - usability_of(patient & p.major);
    if (p.count == MismatchCount::per_unit) c += sum(immunogenicity, unit & ~patient & p.mismatch, count);
    c += sum(substitution, patient & ~unit & p.substitution, count);
    return c;
  }
  // For an untyped patient's request without antibodies, when S holds no major antigen, the
  // type's part is a share of the unit's type (lambda_2 v(i) and pi_3 against every minor
  // antigen) plus a share of the request's (-lambda_2 v(j)); pi_1 is 0 on every allowed pair
  // (the patient counts as positive for every minor antigen, and must match the major ones).
  std::int64_t unit_share(const MatchingProblem& p, Group unit, int& count) const {
    count += 1;
    return usability_of(unit & p.major) + sum(substitution, all_antigens(p.antigens) & ~p.major & ~unit & p.substitution, count);
  }
  std::int64_t request_share(const MatchingProblem& p, const MatchRequest& r, int& count) const {
    count += 1;
    return -usability_of(effective_type(p, r) & p.major);
  }
  // The integer cost of the age's part (pi_4 or pi_5, age_terms()): one rounded term.
  std::int64_t age_part(const MatchingProblem& p, int age, std::size_t group) const {
    return (p.groups[group].young_blood ? young_blood : fifo)[static_cast<std::size_t>(age)];
  }
  // Checks an integer cost made of `count` rounded terms against its exact value (whose terms
  // add up to `magnitude` in size): each term is off by at most half a unit, and a double's
  // rounding of the products and sums by a few parts in 2^52 of their size.
  void check(double exact, std::int64_t c, int count, double magnitude) const {
    if (!(std::abs(exact * scale - static_cast<double>(c)) <= 0.5 * count + 1 + 1e-15 * count * magnitude * scale))
      solver_error("The rounded penalty of a pair disagrees with its exact penalty (an error in rbcmatch)");
  }

  // The integer cost of a pair as pair_penalties() composes c_ij, checked against c_ij.
  std::int64_t cost(const MatchingProblem& p, const MatchUnit& u, const MatchRequest& r, double exact,
                    double magnitude) const {
    int count = 1;  // the age's term
    const std::int64_t c = type_part(p, u.type, r, count) + age_part(p, u.age, r.group);
    check(exact, c, count, magnitude);
    return c;
  }
};

// The hard rules (eq. 5-6) split as c_ij is: on the unit's type (ABO-D, the group's must-match
// antigens, the patient's antibodies) and on its age on the request's day (arrived, not
// outdated by a later day, at most the group's maximum age). allowed() is both.
bool type_allowed(const MatchingProblem& p, Group unit, const MatchRequest& r);
bool age_allowed(const MatchingProblem& p, int age, const MatchRequest& r);

// c_ij split the same way (pair_penalties() is both): pi_1 to pi_3 depend on the unit's type
// and the request, pi_4 and pi_5 on the unit's age on the request's day and the patient
// group's rho.
PenaltyBreakdown type_terms(const MatchingProblem& p, Group unit, const MatchRequest& r, double v_unit, double v_request);
PenaltyBreakdown age_terms(const MatchingProblem& p, int age, std::size_t group);

}  // namespace rbc::allocation::detail
