#pragma once
// Running GLPK safely (STYLE.md, habit 10): GLPK aborts the process on a fatal error unless
// an error hook longjmps out of it, and prints to stdout unless a terminal hook captures its
// text. Shared by linear_program.cpp (simplex) and network_flow.cpp (network algorithms).
// Internal to src/numeric/.
#include <csetjmp>
#include <string>

namespace rbc::numeric::detail {

struct GlpkSession {
  std::jmp_buf jump;
  std::string log;  // everything GLPK printed during the run
};

// Runs body(data) with both hooks installed. Returns false when GLPK stopped with a fatal
// error; its environment is then freed (GLPK's state is undefined after such an error, and
// glp_free_env also drops the hooks). `body` must own nothing with a destructor across GLPK
// calls and must not throw: a longjmp skips its frames.
bool run_glpk(GlpkSession& session, void (*body)(void*), void* data);

}  // namespace rbc::numeric::detail
