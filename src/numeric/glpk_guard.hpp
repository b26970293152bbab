#pragma once
// Running GLPK safely (STYLE.md, habit 10): GLPK aborts the process on a fatal error unless
// an error hook longjmps out of it, and prints to stdout unless a terminal hook captures its
// text. Shared by linear_program.cpp (simplex) and network_flow.cpp (network algorithms).
// Internal to src/numeric/.
#include <csetjmp>
#include <cstddef>
#include <string>

namespace rbc::numeric::detail {

struct GlpkSession {
  std::jmp_buf jump;
  std::string log;  // everything GLPK printed during the run
  // A user's model text can make GLPK print or allocate without end (a MathProg printf in a
  // loop over a huge set): past these limits the run stops like a fatal error, with the flag
  // set. 0 = no memory limit (GLPK's default).
  std::size_t log_limit = std::size_t{1} << 20;
  int memory_limit_mb = 0;
  bool log_overflow = false;
};

// GLPK's bound type (GLP_FR, GLP_LO, GLP_UP, GLP_DB, GLP_FX) for optional lower / upper bounds.
int glpk_bound_type(bool has_lower, bool has_upper, double lower, double upper);

// Runs body(data) with both hooks installed. Returns false when GLPK stopped with a fatal
// error; its environment is then freed (GLPK's state is undefined after such an error, and
// glp_free_env also drops the hooks). `body` must own nothing with a destructor across GLPK
// calls and must not throw: a longjmp skips its frames.
bool run_glpk(GlpkSession& session, void (*body)(void*), void* data);

}  // namespace rbc::numeric::detail
