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

// The product of `factors`, summed over everyone not in `keep` (sorted).
Factor multiply_keep(const std::vector<const Factor*>& factors, const std::vector<int>& keep, int m) {
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
      if (!std::binary_search(keep.begin(), keep.end(), scope[t])) continue;
      out_stride[t] = stride;
      stride *= static_cast<std::size_t>(m);
    }
    for (const int who : scope)
      if (std::binary_search(keep.begin(), keep.end(), who)) out.people.push_back(who);
    out.table.assign(stride, 0.0);
  }
  if (k == 0) {  // numbers only
    double product = 1;
    for (const auto* f : factors) product *= f->table[0];
    out.table[0] = product;
    return out;
  }
  // An odometer over the scope's outer positions; the last position, in the inner loop, has
  // a fixed stride per factor.
  const std::size_t nf = factors.size(), last = k - 1;
  std::vector<const double*> base(nf);
  std::vector<std::size_t> inner(nf);
  for (std::size_t f = 0; f < nf; ++f) inner[f] = strides[f][last];
  const std::size_t inner_out = out_stride[last];
  std::vector<int> value(k, 0);
  std::vector<std::size_t> index(nf, 0);
  std::size_t target = 0;
  const double outer = entries(last, m);
  for (double step = 0; step < outer; ++step) {
    bool zero = false;  // a factor without the last person is 0 here: so is the whole block
    for (std::size_t f = 0; f < nf; ++f) {
      base[f] = factors[f]->table.data() + index[f];
      zero = zero || (inner[f] == 0 && *base[f] == 0);
    }
    for (int v = 0; v < m && !zero; ++v) {
      double product = 1;
      for (std::size_t f = 0; f < nf && product != 0; ++f) product *= base[f][static_cast<std::size_t>(v) * inner[f]];
      out.table[target + static_cast<std::size_t>(v) * inner_out] += product;
    }
    for (std::size_t t = last; t-- > 0;) {
      if (++value[t] < m) {
        for (std::size_t f = 0; f < nf; ++f) index[f] += strides[f][t];
        target += out_stride[t];
        break;
      }
      for (std::size_t f = 0; f < nf; ++f) index[f] -= strides[f][t] * static_cast<std::size_t>(m - 1);
      target -= out_stride[t] * static_cast<std::size_t>(m - 1);
      value[t] = 0;
    }
  }
  return out;
}

// The greedy order (smallest factor first, then lowest index) eliminating everyone (or
// everyone but `keep` >= 0), on scopes only; returns the order and the largest scope it meets.
std::pair<std::vector<int>, std::size_t> elimination_order(std::vector<std::vector<int>> scopes, int n, int keep) {
  std::vector<int> order;
  std::size_t largest = 0;
  std::vector<bool> done(static_cast<std::size_t>(n), false);
  const int steps = keep < 0 ? n : n - 1;
  for (int step = 0; step < steps; ++step) {
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
  largest = std::max(largest, elimination_order(scopes, n, -1).second);
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
  // Every marginal from one elimination order (the junction tree): step i eliminates v_i from
  // the clique C_i (the union of the scopes it meets) and sends the rest, C_i \ {v_i}, up to
  // the first later step that eliminates one of them. An upward pass (variable elimination),
  // then a downward pass that brings each clique everything outside it.
  const auto order = elimination_order(model_scopes(people), n, -1).first;
  std::vector<int> step_of(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) step_of[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])] = i;
  // Each model factor belongs to the first step that eliminates one of its people.
  std::vector<std::vector<const Factor*>> assigned(static_cast<std::size_t>(n));
  for (const auto& f : factors) {
    int first = n;
    for (const int who : f.people) first = std::min(first, step_of[static_cast<std::size_t>(who)]);
    assigned[static_cast<std::size_t>(first)].push_back(&f);
  }
  std::vector<Factor> up(static_cast<std::size_t>(n));
  std::vector<std::vector<int>> children(static_cast<std::size_t>(n));
  std::vector<int> parent(static_cast<std::size_t>(n), -1);
  std::vector<std::vector<int>> separator(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    progress.report(0.5 * i / n, "family members");
    std::vector<const Factor*> in = assigned[static_cast<std::size_t>(i)];
    for (const int c : children[static_cast<std::size_t>(i)]) in.push_back(&up[static_cast<std::size_t>(c)]);
    std::vector<int> scope;
    for (const auto* f : in) scope = merged(scope, f->people);
    const int v = order[static_cast<std::size_t>(i)];
    scope.erase(std::remove(scope.begin(), scope.end(), v), scope.end());
    separator[static_cast<std::size_t>(i)] = scope;
    up[static_cast<std::size_t>(i)] = multiply_keep(in, scope, m);
    if (!scope.empty()) {
      int next = n;
      for (const int who : scope) next = std::min(next, step_of[static_cast<std::size_t>(who)]);
      parent[static_cast<std::size_t>(i)] = next;
      children[static_cast<std::size_t>(next)].push_back(i);
    }
  }
  // The roots' messages are numbers (empty scope): their product is P(observations).
  out.probability = 1;
  for (int i = 0; i < n; ++i)
    if (parent[static_cast<std::size_t>(i)] < 0) out.probability *= up[static_cast<std::size_t>(i)].table[0];
  if (!(out.probability > 0)) {
    out.probability = 0;
    return out;
  }
  std::vector<Factor> down(static_cast<std::size_t>(n));  // over separator[i], from above
  out.genotypes.assign(static_cast<std::size_t>(n), Eigen::VectorXd());
  for (int i = n; i-- > 0;) {
    progress.report(0.5 + 0.5 * (n - 1 - i) / n, "family members");
    std::vector<const Factor*> in = assigned[static_cast<std::size_t>(i)];
    for (const int c : children[static_cast<std::size_t>(i)]) in.push_back(&up[static_cast<std::size_t>(c)]);
    if (parent[static_cast<std::size_t>(i)] >= 0) in.push_back(&down[static_cast<std::size_t>(i)]);
    const int v = order[static_cast<std::size_t>(i)];
    const Factor belief = multiply_keep(in, {v}, m);
    Eigen::VectorXd g = Eigen::Map<const Eigen::VectorXd>(belief.table.data(), m);
    out.genotypes[static_cast<std::size_t>(v)] = g / g.sum();
    // To each child c: everything here but c's own message, over c's separator.
    for (const int c : children[static_cast<std::size_t>(i)]) {
      std::vector<const Factor*> rest = assigned[static_cast<std::size_t>(i)];
      for (const int o : children[static_cast<std::size_t>(i)])
        if (o != c) rest.push_back(&up[static_cast<std::size_t>(o)]);
      if (parent[static_cast<std::size_t>(i)] >= 0) rest.push_back(&down[static_cast<std::size_t>(i)]);
      down[static_cast<std::size_t>(c)] = multiply_keep(rest, separator[static_cast<std::size_t>(c)], m);
    }
  }
  return out;
}

}  // namespace rbc::genetics
