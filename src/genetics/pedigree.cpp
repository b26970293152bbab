#include "genetics/pedigree.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rbc::genetics {
namespace {

// A table over some people's genotypes: `people` sorted, the last one varying fastest.
struct Factor {
  std::vector<int> people;
  std::vector<double> table;
};

std::vector<int> merged(const std::vector<int>& a, const std::vector<int>& b) {
  std::vector<int> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

double entries(std::size_t scope, int m) { return std::pow(double(m), double(scope)); }

// The factors of the model: each person's own (founder prior or transmission from the
// parents in the pedigree), times the person's observation mask.
std::vector<Factor> model_factors(const HeredityOperator& P, const Eigen::VectorXd& x,
                                  const std::vector<PedigreePerson>& people) {
  const int m = P.genotype_count();
  // The child of a known parent and one drawn from the population: B(x)_jk (eq. 3.33).
  const Eigen::MatrixXd B = P.maternal_transition(x);
  std::vector<Factor> out;
  for (int c = 0; c < static_cast<int>(people.size()); ++c) {
    const auto& p = people[static_cast<std::size_t>(c)];
    const auto allowed = [&](int g) { return p.allowed.size() ? p.allowed[g] : 1.0; };
    Factor f;
    if (p.father < 0 && p.mother < 0) {
      f.people = {c};
      f.table.resize(static_cast<std::size_t>(m));
      for (int g = 0; g < m; ++g) f.table[static_cast<std::size_t>(g)] = x[g] * allowed(g);
    } else if (p.father < 0 || p.mother < 0) {
      const int parent = std::max(p.father, p.mother);
      f.people = {std::min(parent, c), std::max(parent, c)};
      f.table.assign(static_cast<std::size_t>(m * m), 0.0);
      for (int a = 0; a < m; ++a)
        for (int g = 0; g < m; ++g) {
          const int i = parent < c ? a * m + g : g * m + a;
          f.table[static_cast<std::size_t>(i)] = B(a, g) * allowed(g);
        }
    } else {
      f.people = {c, p.father, p.mother};
      std::sort(f.people.begin(), f.people.end());
      f.table.assign(static_cast<std::size_t>(m) * m * m, 0.0);
      const auto pos = [&](int who) { return int(std::find(f.people.begin(), f.people.end(), who) - f.people.begin()); };
      const int stride[3] = {m * m, m, 1};
      const int sc = stride[pos(c)], sf = stride[pos(p.father)], sm = stride[pos(p.mother)];
      for (int a = 0; a < m; ++a)
        for (int b = 0; b < m; ++b)
          for (const auto& child : P.children(a, b))
            f.table[static_cast<std::size_t>(child.genotype * sc + a * sf + b * sm)] += child.probability * allowed(child.genotype);
    }
    out.push_back(std::move(f));
  }
  return out;
}

// The product of `factors` with `gone` summed out (gone < 0: nothing summed out).
Factor multiply_out(const std::vector<const Factor*>& factors, int gone, int m) {
  std::vector<int> scope;
  for (const auto* f : factors) scope = merged(scope, f->people);
  const auto k = scope.size();
  // Per factor, the stride of each scope position in its table (0 when not in it).
  std::vector<std::vector<std::size_t>> strides;
  for (const auto* f : factors) {
    std::vector<std::size_t> s(k, 0);
    std::size_t stride = 1;
    for (std::size_t t = f->people.size(); t-- > 0;) {
      s[static_cast<std::size_t>(std::find(scope.begin(), scope.end(), f->people[t]) - scope.begin())] = stride;
      stride *= static_cast<std::size_t>(m);
    }
    strides.push_back(std::move(s));
  }
  Factor out;
  std::vector<std::size_t> out_stride(k, 0);
  {
    std::size_t stride = 1;
    for (std::size_t t = k; t-- > 0;) {
      if (scope[t] == gone) continue;
      out_stride[t] = stride;
      stride *= static_cast<std::size_t>(m);
    }
    for (const int who : scope)
      if (who != gone) out.people.push_back(who);
    out.table.assign(stride, 0.0);
  }
  std::vector<int> value(k, 0);
  std::vector<std::size_t> index(factors.size(), 0);
  std::size_t target = 0;
  const double total = entries(k, m);
  for (double step = 0; step < total; ++step) {
    double product = 1;
    for (std::size_t f = 0; f < factors.size() && product != 0; ++f) product *= factors[f]->table[index[f]];
    out.table[target] += product;
    // Odometer over the scope, last position fastest, updating every index incrementally.
    for (std::size_t t = k; t-- > 0;) {
      if (++value[t] < m) {
        for (std::size_t f = 0; f < factors.size(); ++f) index[f] += strides[f][t];
        target += out_stride[t];
        break;
      }
      for (std::size_t f = 0; f < factors.size(); ++f) index[f] -= strides[f][t] * static_cast<std::size_t>(m - 1);
      target -= out_stride[t] * static_cast<std::size_t>(m - 1);
      value[t] = 0;
    }
  }
  return out;
}

// The greedy order (smallest factor first, then lowest index) eliminating everyone but
// `keep`, on scopes only; returns the order and the largest scope it creates.
std::pair<std::vector<int>, std::size_t> elimination_order(std::vector<std::vector<int>> scopes, int n, int keep) {
  std::vector<int> order;
  std::size_t largest = 0;
  std::vector<bool> done(static_cast<std::size_t>(n), false);
  for (int step = 0; step < n - 1; ++step) {
    int best = -1;
    std::vector<int> best_scope;
    for (int v = 0; v < n; ++v) {
      if (v == keep || done[static_cast<std::size_t>(v)]) continue;
      std::vector<int> scope;
      for (const auto& s : scopes)
        if (std::binary_search(s.begin(), s.end(), v)) scope = merged(scope, s);
      if (best < 0 || scope.size() < best_scope.size()) best = v, best_scope = std::move(scope);
    }
    done[static_cast<std::size_t>(best)] = true;
    order.push_back(best);
    largest = std::max(largest, best_scope.size());
    std::vector<std::vector<int>> next;
    for (auto& s : scopes)
      if (!std::binary_search(s.begin(), s.end(), best)) next.push_back(std::move(s));
    best_scope.erase(std::remove(best_scope.begin(), best_scope.end(), best), best_scope.end());
    next.push_back(std::move(best_scope));
    scopes = std::move(next);
  }
  return {order, largest};
}

std::vector<std::vector<int>> model_scopes(const std::vector<PedigreePerson>& people) {
  std::vector<std::vector<int>> scopes;
  for (int c = 0; c < static_cast<int>(people.size()); ++c) {
    std::vector<int> s{c};
    for (const int parent : {people[static_cast<std::size_t>(c)].father, people[static_cast<std::size_t>(c)].mother})
      if (parent >= 0) s.push_back(parent);
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    scopes.push_back(std::move(s));
  }
  return scopes;
}

}  // namespace

double pedigree_work(const std::vector<PedigreePerson>& people, int genotype_count) {
  const int n = static_cast<int>(people.size());
  std::size_t largest = 0;
  const auto scopes = model_scopes(people);
  for (const auto& s : scopes) largest = std::max(largest, s.size());
  for (int q = 0; q < n; ++q) largest = std::max(largest, elimination_order(scopes, n, q).second);
  return entries(largest, genotype_count);
}

PedigreePosterior pedigree_posterior(const HeredityOperator& P, const Eigen::VectorXd& x,
                                     const std::vector<PedigreePerson>& people, const Progress& progress) {
  const int n = static_cast<int>(people.size());
  const int m = P.genotype_count();
  for (int c = 0; c < n; ++c)
    for (const int parent : {people[static_cast<std::size_t>(c)].father, people[static_cast<std::size_t>(c)].mother})
      if (parent >= c) throw std::invalid_argument("pedigree: parents must come before their children");
  const auto factors = model_factors(P, x, people);
  PedigreePosterior out;
  for (int q = 0; q < n; ++q) {
    progress.report(double(q) / n, "family members");
    std::vector<Factor> live = factors;
    for (const int v : elimination_order(model_scopes(people), n, q).first) {
      std::vector<const Factor*> with;
      std::vector<Factor> rest;
      for (const auto& f : live)
        if (std::binary_search(f.people.begin(), f.people.end(), v)) with.push_back(&f);
      Factor combined = multiply_out(with, v, m);
      for (auto& f : live)
        if (!std::binary_search(f.people.begin(), f.people.end(), v)) rest.push_back(std::move(f));
      rest.push_back(std::move(combined));
      live = std::move(rest);
    }
    std::vector<const Factor*> all;
    for (const auto& f : live) all.push_back(&f);
    const Factor marginal = multiply_out(all, -1, m);  // over {q} (or {} when n = 0)
    Eigen::VectorXd g = Eigen::Map<const Eigen::VectorXd>(marginal.table.data(), m);
    const double z = g.sum();
    if (q == 0) out.probability = z;
    if (!(z > 0)) {
      out.genotypes.clear();
      out.probability = 0;
      return out;
    }
    out.genotypes.push_back(g / z);
  }
  return out;
}

}  // namespace rbc::genetics
