#pragma once
// Progress and cancellation for long computations (simulations, multistart, scenario grids).
//
// The core calls `progress.report(fraction)` at its checkpoints. A Progress built without a
// callback does nothing, so every core function can take one by default. With a callback,
// reports are passed on at most every `min_interval` seconds (checkpoints may be in tight
// loops), and when the callback answers "stop" the next checkpoint throws Cancelled, which
// unwinds the computation and leaves no state behind. Plain C++: the wasm front door wraps
// a JS function, the CLI passes nothing.
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rbc {

// Thrown at a checkpoint after the callback asked to stop.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("the calculation was cancelled") {}
};

class Progress {
 public:
  // fraction in [0, 1] of the whole request; stage: a few words on what runs now ("multistart").
  // Returns true to go on, false to cancel.
  using Callback = std::function<bool(double fraction, std::string_view stage)>;

  Progress() = default;
  explicit Progress(Callback callback, double min_interval_seconds = 0.05);

  // A checkpoint: fraction in [0, 1] of this Progress's share. Throws Cancelled when asked.
  void report(double fraction, std::string_view stage = {}) const;

  // The share [begin, end] of this Progress, for a sub-computation that reports 0..1 itself.
  Progress part(double begin, double end) const;

  bool active() const { return static_cast<bool>(state_); }

 private:
  struct State {
    Callback callback;
    std::chrono::steady_clock::duration min_interval;
    std::chrono::steady_clock::time_point last;
    bool first = true;
  };
  std::shared_ptr<State> state_;
  double begin_ = 0, end_ = 1;
};

}  // namespace rbc
