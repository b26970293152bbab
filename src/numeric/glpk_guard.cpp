#include "numeric/glpk_guard.hpp"

#include <glpk.h>

#include <climits>

namespace rbc::numeric::detail {
namespace {

int capture_output(void* info, const char* text) {
  auto* session = static_cast<GlpkSession*>(info);
  if (session->log.size() > session->log_limit) {
    session->log_overflow = true;
    std::longjmp(session->jump, 1);  // like a fatal error: run_glpk frees the environment
  }
  session->log += text;
  return 1;  // suppress GLPK's own printing
}
void on_fatal_error(void* info) { std::longjmp(static_cast<GlpkSession*>(info)->jump, 1); }

// The one function that calls setjmp. It owns nothing with a destructor and neither throws
// nor catches, because the toolchain's LLVM 14 miscompiles a function that mixes setjmp with
// C++ exception handling when both are wasm-native (-fwasm-exceptions with
// -sSUPPORT_LONGJMP=wasm): the second GLPK error then corrupted the session and the third
// escaped as an uncaught WebAssembly.Exception. Both hooks are installed per run because
// glp_free_env() drops them.
[[gnu::noinline]] bool run_guarded(GlpkSession& session, void (*body)(void*), void* data) {
  if (setjmp(session.jump)) return false;
  glp_term_hook(capture_output, &session);
  glp_error_hook(on_fatal_error, &session);
  if (session.memory_limit_mb > 0) glp_mem_limit(session.memory_limit_mb);
  body(data);
  if (session.memory_limit_mb > 0) glp_mem_limit(INT_MAX);  // GLPK's default: no limit
  glp_error_hook(nullptr, nullptr);
  glp_term_hook(nullptr, nullptr);
  return true;
}

}  // namespace

int glpk_bound_type(bool has_lower, bool has_upper, double lower, double upper) {
  if (has_lower && has_upper) return lower == upper ? GLP_FX : GLP_DB;
  if (has_lower) return GLP_LO;
  if (has_upper) return GLP_UP;
  return GLP_FR;
}

bool run_glpk(GlpkSession& session, void (*body)(void*), void* data) {
  if (run_guarded(session, body, data)) return true;
  glp_free_env();
  return false;
}

}  // namespace rbc::numeric::detail
