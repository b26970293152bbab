#include "common/progress.hpp"

#include <algorithm>

namespace rbc {

Progress::Progress(Callback callback, double min_interval_seconds)
    : state_(std::make_shared<State>(State{
          std::move(callback),
          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
              std::chrono::duration<double>(std::max(0.0, min_interval_seconds))),
          {},
          true})) {}

void Progress::report(double fraction, std::string_view stage) const {
  if (!state_ || !state_->callback) return;
  const auto now = std::chrono::steady_clock::now();
  // Throttled: the callback crosses into JS in wasm, and a cancel is seen within one interval.
  if (!state_->first && now - state_->last < state_->min_interval) return;
  state_->first = false;
  state_->last = now;
  const double f = begin_ + (end_ - begin_) * std::clamp(fraction, 0.0, 1.0);
  if (!state_->callback(f, stage)) throw Cancelled();
}

Progress Progress::part(double begin, double end) const {
  Progress p = *this;
  p.begin_ = begin_ + (end_ - begin_) * std::clamp(begin, 0.0, 1.0);
  p.end_ = begin_ + (end_ - begin_) * std::clamp(end, 0.0, 1.0);
  return p;
}

}  // namespace rbc
