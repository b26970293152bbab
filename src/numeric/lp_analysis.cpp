#include "numeric/lp_analysis.hpp"

#include <glpk.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "common/input_error.hpp"
#include "numeric/glpk_guard.hpp"

namespace rbc::numeric {

const char* to_string(BasisStatus s) {
  switch (s) {
    case BasisStatus::basic: return "basic";
    case BasisStatus::at_lower: return "at_lower";
    case BasisStatus::at_upper: return "at_upper";
    case BasisStatus::free: return "free";
    case BasisStatus::fixed: return "fixed";
  }
  return "basic";
}

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

// ---- Temporary files: GLPK reads and writes models by file name only ----

// A file under $TMPDIR (or /tmp; in wasm Emscripten's in-memory file system) holding
// `contents`, removed when the object goes, whatever happens in between.
class TempFile {
 public:
  explicit TempFile(const std::string& contents) {
    const char* dir = std::getenv("TMPDIR");
    std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/rbcmatch-lp-XXXXXX";
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for GLPK: " + std::string(std::strerror(errno)));
    path_ = pattern;
    std::size_t done = 0;
    while (done < contents.size()) {
      const auto n = ::write(fd, contents.data() + done, contents.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (done != contents.size()) {
      std::remove(path_.c_str());
      throw std::runtime_error("cannot write a temporary file for GLPK");
    }
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() { std::remove(path_.c_str()); }

  const std::string& path() const { return path_; }
  std::string contents() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  std::string path_;
};

// ---- GLPK objects and guarded steps ----

// The problem and MathProg workspace of one analysis, released when it ends. After a GLPK
// fatal error, glp_free_env has already freed them: forget() then drops the pointers.
struct GlpkModel {
  glp_prob* P = nullptr;
  glp_tran* tran = nullptr;
  GlpkModel() = default;
  GlpkModel(const GlpkModel&) = delete;
  GlpkModel& operator=(const GlpkModel&) = delete;
  ~GlpkModel() {
    if (tran) glp_mpl_free_wksp(tran);
    if (P) glp_delete_prob(P);
  }
  void forget() { P = nullptr, tran = nullptr; }
};

// Where an error of the model is reported: "model" for model text, "" for the numbers.
struct Origin {
  std::string path;
  std::string file;  // the temporary file GLPK read, whose name its messages carry
};

[[noreturn]] void fail_run(const detail::GlpkSession& session, const Origin& origin) {
  if (session.log_overflow)
    throw InputError("limit_exceeded", origin.path,
                     "GLPK printed more than 1 MB while running the model (a display or printf over a very large "
                     "set?): make the model print less.");
  if (session.log.find("memory allocation limit exceeded") != std::string::npos)
    throw InputError("limit_exceeded", origin.path,
                     "The model needs more than " + std::to_string(lp_memory_limit_mb) +
                         " MB of GLPK's memory: make it smaller.");
  throw InputError("solver_error", origin.path, "GLPK failed: " + session.log.substr(0, 2000));
}

// Runs `step()` (a lambda over plain pointers and numbers, with no destructors in its own
// frame, that never throws) inside GLPK's hooks; a fatal error frees GLPK's environment,
// so the model is forgotten and the error thrown.
template <class Step>
void run_step(detail::GlpkSession& session, GlpkModel& model, const Origin& origin, Step& step) {
  if (!detail::run_glpk(session, [](void* s) { (*static_cast<Step*>(s))(); }, &step)) {
    model.forget();
    fail_run(session, origin);
  }
}

// ---- GLPK's messages about model text ----

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string replace_all(std::string s, const std::string& what, const std::string& with) {
  if (what.empty()) return s;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
    s.replace(at, what.size(), with);
  return s;
}

// MathProg's context line pads with spaces to a fixed width.
std::string squeeze_spaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// GLPK prints errors in a model file as "FILE:LINE: reason" (MathProg adds a "Context: ..."
// line). Returns "line LINE: reason" for each such line, warnings or the others.
struct FileMessage {
  int line;
  std::string reason;
  bool warning;
};

std::vector<FileMessage> file_messages(const std::string& log, const std::string& file) {
  std::vector<FileMessage> out;
  const std::string prefix = file + ":";
  for (const auto& line : lines_of(log)) {
    if (line.rfind(prefix, 0) != 0) continue;
    std::size_t pos = prefix.size(), end = pos;
    while (end < line.size() && std::isdigit(static_cast<unsigned char>(line[end]))) ++end;
    if (end == pos || line.compare(end, 2, ": ") != 0) continue;
    std::string reason = line.substr(end + 2);
    const bool warning = reason.rfind("warning: ", 0) == 0;
    if (warning) reason = reason.substr(9);
    out.push_back({std::atoi(line.substr(pos, end - pos).c_str()), replace_all(reason, file, "model"), warning});
  }
  return out;
}

// The error GLPK reported reading or running model text: "line N: reason", with MathProg's
// context, else GLPK's last words.
[[noreturn]] void fail_model(const std::string& code, const std::string& log, const Origin& origin) {
  for (const auto& m : file_messages(log, origin.file)) {
    if (m.warning) continue;
    std::string message = "line " + std::to_string(m.line) + ": " + m.reason;
    const auto lines = lines_of(log);
    for (const auto& line : lines)
      if (line.rfind("Context: ", 0) == 0) message += " (near: " + squeeze_spaces(line.substr(9)) + ")";
    throw InputError(code, origin.path, message);
  }
  std::string last;
  for (const auto& line : lines_of(log))
    if (!line.empty()) last = line;
  throw InputError(code, origin.path, "GLPK could not read the model: " + replace_all(last, origin.file, "model"));
}

// ---- MathProg statements refused before GLPK sees them ----

// Skips blanks and comments from `i`; returns the next position of text.
std::size_t skip_blanks(const std::string& text, std::size_t i) {
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    else if (text[i] == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (text.compare(i, 2, "/*") == 0) {
      const auto end = text.find("*/", i + 2);
      i = end == std::string::npos ? text.size() : end + 2;
    } else {
      break;
    }
  }
  return i;
}

// The end of the quoted string starting at text[i] (a doubled quote stands for itself).
std::size_t string_end(const std::string& text, std::size_t i) {
  const char quote = text[i];
  for (++i; i < text.size(); ++i)
    if (text[i] == quote) {
      if (i + 1 < text.size() && text[i + 1] == quote) ++i;
      else return i + 1;
    }
  return text.size();
}

// GLPK's MathProg printf formats each conversion with vsprintf into a 1024-byte buffer
// (mpl3.c, print_text) and checks the length only afterwards, so "%2000s" or "%.999f" would
// overflow it. Its format must therefore be one quoted string, whose conversions are checked
// here: widths and precisions of at most two digits keep every conversion below 420 bytes.
// Returns "" or what is wrong.
std::string printf_format_problem(const std::string& text, std::size_t after_keyword) {
  std::size_t i = skip_blanks(text, after_keyword);
  if (i < text.size() && text[i] == '{') {  // the optional indexing expression
    int depth = 0;
    for (; i < text.size(); ++i) {
      if (text[i] == '\'' || text[i] == '"') i = string_end(text, i) - 1;
      else if (text[i] == '{') ++depth;
      else if (text[i] == '}' && --depth == 0) break;
    }
    i = skip_blanks(text, i + 1);
  }
  if (i < text.size() && text[i] == ':') i = skip_blanks(text, i + 1);
  int parentheses = 0;  // printf("\n"): a string in parentheses is that string (GLPK's queens.mod)
  while (i < text.size() && text[i] == '(') ++parentheses, i = skip_blanks(text, i + 1);
  if (i >= text.size() || (text[i] != '\'' && text[i] != '"'))
    return "printf's format must be one quoted string here";
  const std::size_t end = string_end(text, i);
  const std::string format = text.substr(i + 1, end - i - 2);
  std::size_t next = skip_blanks(text, end);
  for (; parentheses > 0 && next < text.size() && text[next] == ')'; --parentheses) next = skip_blanks(text, next + 1);
  if (parentheses > 0 || (next < text.size() && text[next] != ',' && text[next] != ';' && text[next] != '>'))
    return "printf's format must be one quoted string here";
  for (std::size_t k = 0; k < format.size(); ++k) {
    if (format[k] != '%') continue;
    ++k;
    while (k < format.size() && std::strchr("-+ #0", format[k])) ++k;
    for (int part = 0; part < 2; ++part) {  // width, then precision after '.'
      std::size_t digits = 0;
      while (k < format.size() && std::isdigit(static_cast<unsigned char>(format[k]))) ++k, ++digits;
      if (digits > 2) return "printf field widths and precisions above 99 are not supported";
      if (part == 0 && k < format.size() && format[k] == '.') ++k;
      else break;
    }
  }
  return "";
}

// Refused before GLPK sees the model: `table` statements and `printf ... > "file"`, which
// read and write files (a request must not reach the file system of the machine that runs
// it), and printf formats GLPK would overflow (above). A light tokeniser: comments, strings,
// brackets, statements.
void refuse_unsafe_statements(const std::string& text) {
  int line = 1;
  int depth = 0;
  int printf_depth = -1;  // depth of the printf statement being read, -1 outside one
  bool statement_start = true;
  auto refuse = [&](const std::string& what, bool file) {
    throw InputError("unsupported", "model",
                     "line " + std::to_string(line) + ": " + what +
                         (file ? " would read or write a file, which the calculator cannot do: give the data in the "
                                 "model's data section and read results on screen."
                               : "."));
  };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == '\n') ++line, ++i;
    else if (std::isspace(static_cast<unsigned char>(c))) ++i;
    else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '/' && next == '*') {
      for (i += 2; i < text.size() && !(text[i] == '*' && i + 1 < text.size() && text[i + 1] == '/'); ++i)
        if (text[i] == '\n') ++line;
      i += 2;
      // a comment does not end a statement
    } else if (c == '\'' || c == '"') {
      const std::size_t end = string_end(text, i);
      for (; i < end; ++i)
        if (text[i] == '\n') ++line;
      statement_start = false;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t end = i;
      while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
      const std::string word = text.substr(i, end - i);
      if (word == "table" && statement_start) refuse("a table statement", true);
      if (word == "printf") {
        if (const auto problem = printf_format_problem(text, end); !problem.empty()) refuse(problem, false);
        if (printf_depth < 0) printf_depth = depth;
      }
      statement_start = false;
      i = end;
    } else {
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') --depth;
      if (c == '>' && next != '=' && depth == printf_depth) refuse("printf with > or >> (output to a file)", true);
      if (c == ';' && depth <= printf_depth) printf_depth = -1;
      statement_start = c == ';' || c == '}';
      ++i;
    }
  }
}

// ---- Reading ----

// MathProg's own chatter, which is not the model's output.
bool is_translator_note(const std::string& line) {
  return (line.rfind("Generating ", 0) == 0 && line.size() > 3 && line.compare(line.size() - 3, 3, "...") == 0) ||
         line == "Model has been successfully generated" || line == "Model has been successfully processed";
}

std::string model_output(const std::string& printed, const std::string& file) {
  std::string out;
  const std::string prefix = file + ":";
  for (const auto& line : lines_of(printed))
    if (!is_translator_note(line) && line.rfind(prefix, 0) != 0) out += line + "\n";
  return out;
}

void check_size(glp_prob* P, const Origin& origin) {
  const auto rows = static_cast<std::size_t>(glp_get_num_rows(P));
  const auto cols = static_cast<std::size_t>(glp_get_num_cols(P));
  const auto nonzeros = static_cast<std::size_t>(glp_get_num_nz(P));
  auto refuse = [&](const std::string& what, std::size_t count, std::size_t limit) {
    throw InputError("limit_exceeded", origin.path,
                     "The model has " + std::to_string(count) + " " + what + " (at most " + std::to_string(limit) + ")");
  };
  if (cols > max_lp_variables) refuse("variables", cols, max_lp_variables);
  if (rows > max_lp_constraints) refuse("constraints", rows, max_lp_constraints);
  if (nonzeros > max_lp_nonzeros) refuse("nonzero coefficients", nonzeros, max_lp_nonzeros);
}

// An integer variable with a fractional bound stops glp_intopt (GLP_EBOUND): named here.
void check_integer_bounds(glp_prob* P, const Origin& origin, const std::string& bounds_path) {
  for (int j = 1; j <= glp_get_num_cols(P); ++j) {
    if (glp_get_col_kind(P, j) == GLP_CV) continue;
    const int type = glp_get_col_type(P, j);
    const double lb = glp_get_col_lb(P, j), ub = glp_get_col_ub(P, j);
    const bool bad_lb = (type == GLP_LO || type == GLP_DB || type == GLP_FX) && lb != std::floor(lb);
    const bool bad_ub = (type == GLP_UP || type == GLP_DB) && ub != std::floor(ub);
    if (!bad_lb && !bad_ub) continue;
    const char* name = glp_get_col_name(P, j);
    const std::string path = bounds_path.empty() ? origin.path : field_index(bounds_path, j - 1);
    std::ostringstream msg;
    msg.precision(17);
    msg << "The integer variable " << (name ? name : "x" + std::to_string(j)) << " has a fractional "
        << (bad_lb ? "lower" : "upper") << " bound " << (bad_lb ? lb : ub) << ": integer variables need whole-number bounds";
    throw InputError("invalid_field", path, msg.str());
  }
}

// ---- Solving and reporting ----

// What the simplex method found, as glpsol would tell it (see the header): the presolved run,
// then, without an optimum, the run without presolve and, when that finds no primal feasible
// point, the dual simplex method's verdict on the dual.
struct SimplexRuns {
  int time_limit_ms = INT_MAX;      // GLPK's tm_lim: a MIP's relaxation shares its time limit
  int rc = 0;                       // glp_simplex with the presolver
  int status = 0;                   // its glp_get_status when rc == 0
  double objective = 0;
  int plain_rc = -1;                // without presolve (-1: not run)
  int prim = 0, dual = 0;           // its glp_get_prim_stat, glp_get_dual_stat
  int dual_rc = -1;                 // the dual simplex method (-1: not run)
  int dual_simplex_dual = 0;        // its glp_get_dual_stat
};

bool optimal_run(const SimplexRuns& s) { return s.rc == 0 && s.status == GLP_OPT; }

// Solves P as glpsol does (inside a guarded step): see SimplexRuns.
void run_simplex(glp_prob* P, SimplexRuns& s) {
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_ERR;
  parm.presolve = GLP_ON;  // glpsol's default
  parm.tm_lim = s.time_limit_ms;
  s.rc = glp_simplex(P, &parm);
  if (s.rc == 0) s.status = glp_get_status(P), s.objective = glp_get_obj_val(P);
  if (optimal_run(s) || (s.rc != 0 && s.rc != GLP_ENOPFS && s.rc != GLP_ENODFS)) return;
  // glpsol --nopresol: scaling (--scale) and an advanced initial basis (--adv), its defaults.
  glp_scale_prob(P, GLP_SF_AUTO);
  glp_adv_basis(P, 0);
  parm.presolve = GLP_OFF;
  s.plain_rc = glp_simplex(P, &parm);
  s.prim = glp_get_prim_stat(P), s.dual = glp_get_dual_stat(P);
  const bool no_primal = s.plain_rc == 0 ? s.prim == GLP_NOFEAS : s.rc == GLP_ENOPFS;
  if (!no_primal) return;
  glp_adv_basis(P, 0);  // glpsol --nopresol --dual
  parm.meth = GLP_DUAL;
  s.dual_rc = glp_simplex(P, &parm);
  s.dual_simplex_dual = glp_get_dual_stat(P);
}

LpStatus simplex_status(const SimplexRuns& s, const detail::GlpkSession& session, const Origin& origin) {
  if (optimal_run(s)) return LpStatus::optimal;
  if (s.rc == GLP_ETMLIM) return LpStatus::time_limit;
  if (s.rc != 0 && s.rc != GLP_ENOPFS && s.rc != GLP_ENODFS)
    throw InputError("solver_error", origin.path,
                     "GLPK's simplex method stopped with code " + std::to_string(s.rc) + ": " + session.log.substr(0, 2000));
  // The run without presolve has the statuses; the presolver's verdict stands in when it failed.
  const bool plain = s.plain_rc == 0;
  if (plain ? s.prim == GLP_NOFEAS : s.rc == GLP_ENOPFS) {
    const bool no_dual = (s.dual_rc == 0 && s.dual_simplex_dual == GLP_NOFEAS) || s.rc == GLP_ENODFS;
    return no_dual ? LpStatus::primal_and_dual_infeasible : LpStatus::infeasible;
  }
  if (plain && s.prim == GLP_FEAS && s.dual == GLP_NOFEAS) return LpStatus::unbounded;
  return LpStatus::undefined;
}

LpStatus intopt_status(int rc, int status, const detail::GlpkSession& session, const Origin& origin) {
  if (rc == GLP_ENOPFS) return LpStatus::infeasible;
  if (rc == GLP_ENODFS) return LpStatus::unbounded;
  if (rc == GLP_ETMLIM) return status == GLP_FEAS ? LpStatus::feasible : LpStatus::time_limit;
  if (rc != 0)
    throw InputError("solver_error", origin.path,
                     "GLPK's branch and bound stopped with code " + std::to_string(rc) + ": " + session.log.substr(0, 2000));
  switch (status) {
    case GLP_OPT: return LpStatus::optimal;
    case GLP_FEAS: return LpStatus::feasible;
    case GLP_NOFEAS: return LpStatus::infeasible;
    default: return LpStatus::undefined;
  }
}

// glp_intopt's callback: branch and bound's checkpoint. Progress::report throws Cancelled
// when the caller asks to stop; caught here (GLPK's C frames must not be unwound), it stops
// the search, and the caller throws Cancelled once GLPK has returned.
// It also hands over the caller's incumbent (start: 1-based, as glp_ios_heur_sol reads it) at
// the first chance, the root's primal-heuristic call.
struct MipCheckpoint {
  const Progress* progress;
  double time_limit_ms;
  double started_ms;
  bool cancelled = false;
  const double* start = nullptr;
};

void mip_checkpoint(glp_tree* tree, void* info) {
  auto* c = static_cast<MipCheckpoint*>(info);
  if (c->start && glp_ios_reason(tree) == GLP_IHEUR) {
    glp_ios_heur_sol(tree, c->start);
    c->start = nullptr;
  }
  if (c->cancelled || !c->progress->active()) return;
  try {
    const double elapsed = glp_difftime(glp_time(), c->started_ms) * 1000;
    c->progress->report(std::min(1.0, elapsed / c->time_limit_ms), "branch and bound");
  } catch (...) {
    c->cancelled = true;
    glp_ios_terminate(tree);
  }
}

// One branch and bound (glp_intopt with its presolver, as glpsol, unless the checkpoint
// hands over a first incumbent: the presolver would renumber the columns), inside a guarded step.
struct MipRun {
  MipCheckpoint* checkpoint;
  int time_limit_ms;
  MipCuts cuts;
  bool pseudocost;
  int rc = 0;      // glp_intopt's return code
  int status = 0;  // glp_mip_status
};

void run_intopt(glp_prob* P, MipRun& r) {
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.msg_lev = GLP_MSG_ERR;
  parm.presolve = r.checkpoint->start ? GLP_OFF : GLP_ON;
  parm.tm_lim = r.time_limit_ms;
  if (r.cuts != MipCuts::none) parm.mir_cuts = GLP_ON;
  if (r.cuts == MipCuts::all) parm.gmi_cuts = parm.cov_cuts = parm.clq_cuts = GLP_ON;
  if (r.pseudocost) parm.br_tech = GLP_BR_PCH;
  parm.cb_func = mip_checkpoint;
  parm.cb_info = r.checkpoint;
  r.checkpoint->started_ms = glp_time();
  r.rc = glp_intopt(P, &parm);
  r.status = glp_mip_status(P);
}

BasisStatus basis_status(int stat) {
  switch (stat) {
    case GLP_NL: return BasisStatus::at_lower;
    case GLP_NU: return BasisStatus::at_upper;
    case GLP_NF: return BasisStatus::free;
    case GLP_NS: return BasisStatus::fixed;
    default: return BasisStatus::basic;
  }
}

Bound bound_of(int type, double lb, double ub) {
  Bound b;
  if (type == GLP_LO || type == GLP_DB || type == GLP_FX) b.lower = lb;
  if (type == GLP_UP || type == GLP_DB || type == GLP_FX) b.upper = ub;
  return b;
}

// glpsol's ranging of row or column k (1..m rows, m+1..m+n columns), as api/prrngs.c
// computes it: 6 numbers (activity range, coefficient range, objective at the break points)
// and the two limiting variables (0 = none). Call inside a guarded step.
void range_one(glp_prob* P, int k, double* v, int* var) {
  const int m = glp_get_num_rows(P);
  const bool row = k <= m;
  const int stat = row ? glp_get_row_stat(P, k) : glp_get_col_stat(P, k - m);
  const double coef = row ? 0 : glp_get_obj_coef(P, k - m);
  const double prim = row ? glp_get_row_prim(P, k) : glp_get_col_prim(P, k - m);
  const double dual = row ? glp_get_row_dual(P, k) : glp_get_col_dual(P, k - m);
  const double z = glp_get_obj_val(P);
  const bool max = glp_get_obj_dir(P) == GLP_MAX;
  double value1, value2, coef1, coef2, obj1, obj2;
  var[0] = var[1] = 0;
  // At an infinite end the objective goes to +-infinity with the sign of the rate, or stays.
  auto end_obj = [&](double rate, double sign) {
    return rate < -1e-9 ? -sign * DBL_MAX : rate > 1e-9 ? sign * DBL_MAX : z;
  };
  if (stat != GLP_BS) {
    glp_analyze_bound(P, k, &value1, &var[0], &value2, &var[1]);
    if (stat == GLP_NF) coef1 = coef2 = coef;
    else if (stat == GLP_NS) coef1 = -DBL_MAX, coef2 = +DBL_MAX;
    else if ((stat == GLP_NL && !max) || (stat == GLP_NU && max)) coef1 = coef - dual, coef2 = +DBL_MAX;
    else coef1 = -DBL_MAX, coef2 = coef - dual;
    obj1 = value1 == -DBL_MAX ? end_obj(dual, -1) : z + dual * (value1 - prim);
    obj2 = value2 == +DBL_MAX ? end_obj(dual, +1) : z + dual * (value2 - prim);
  } else {
    glp_analyze_coef(P, k, &coef1, &var[0], &value1, &coef2, &var[1], &value2);
    obj1 = coef1 == -DBL_MAX ? end_obj(prim, -1) : z + (coef1 - coef) * prim;
    obj2 = coef2 == +DBL_MAX ? end_obj(prim, +1) : z + (coef2 - coef) * prim;
  }
  const double out[6] = {value1, value2, coef1, coef2, obj1, obj2};
  for (int t = 0; t < 6; ++t) v[t] = out[t];
}

double finite_or_infinity(double x) { return x >= DBL_MAX ? infinity : x <= -DBL_MAX ? -infinity : x; }

std::string row_or_col_name(glp_prob* P, int k) {
  const int m = glp_get_num_rows(P);
  const char* name = k <= m ? glp_get_row_name(P, k) : glp_get_col_name(P, k - m);
  if (name) return name;
  std::string fallback = k <= m ? "c" : "x";  // appended, not "c" + ...: g++ 12 warns falsely
  return fallback += std::to_string(k <= m ? k : k - m);
}

// Solves the model in `model.P` and reports it; `bounds_path` names the JSON field of
// variable bounds ("" for model text).
LpReport solve_and_report(GlpkModel& model, detail::GlpkSession& session, const Origin& origin,
                          const std::string& bounds_path, const LpOptions& options, const Progress& progress) {
  glp_prob* P = model.P;
  check_size(P, origin);
  check_integer_bounds(P, origin, bounds_path);
  const int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
  LpReport report;
  report.mixed_integer = glp_get_num_int(P) > 0;
  report.maximize = glp_get_obj_dir(P) == GLP_MAX;

  if (options.sort_matrix) {
    auto sort = [&] { glp_sort_matrix(P); };  // as glpsol does after reading a model
    run_step(session, model, origin, sort);
  }
  // A MIP's time limit counts from here: its relaxation too can take long (the per-request
  // matching's components), and GLPK checks the limit only between its nodes.
  const double mip_start_ms = glp_time();
  SimplexRuns runs;
  if (report.mixed_integer) runs.time_limit_ms = static_cast<int>(std::lround(options.mip_time_limit * 1000));
  auto simplex = [&] { run_simplex(P, runs); };
  run_step(session, model, origin, simplex);
  const LpStatus lp_status = simplex_status(runs, session, origin);
  report.status = lp_status;

  if (report.mixed_integer) {
    report.relaxation_status = lp_status;
    if (lp_status == LpStatus::optimal) report.relaxation_objective = runs.objective;
    if (lp_status == LpStatus::optimal || lp_status == LpStatus::unbounded) {
      const int time_limit_ms = std::max(
          1, static_cast<int>(std::lround(options.mip_time_limit * 1000 - (glp_time() - mip_start_ms))));
      std::vector<double> start;
      if (!options.mip_start.empty()) {
        if (options.mip_start.size() != static_cast<std::size_t>(n))
          throw std::invalid_argument("mip_start: one value per column");
        start.push_back(0);  // GLPK's arrays start at 1
        start.insert(start.end(), options.mip_start.begin(), options.mip_start.end());
      }
      MipCheckpoint checkpoint{&progress, static_cast<double>(time_limit_ms), 0};
      checkpoint.start = start.empty() ? nullptr : start.data();
      MipRun run{&checkpoint, time_limit_ms, options.mip_cuts, options.mip_pseudocost_branching};
      if (lp_status == LpStatus::optimal) {
        auto intopt = [&] { run_intopt(P, run); };
        run_step(session, model, origin, intopt);
        if (checkpoint.cancelled) throw Cancelled();
        report.status = intopt_status(run.rc, run.status, session, origin);
      } else {
        // An unbounded relaxation: is there any integer point? Search a copy without objective.
        auto search = [&] {
          glp_prob* Q = glp_create_prob();
          glp_copy_prob(Q, P, GLP_OFF);
          for (int j = 0; j <= n; ++j) glp_set_obj_coef(Q, j, 0);
          run_intopt(Q, run);
          glp_delete_prob(Q);
        };
        run_step(session, model, origin, search);
        if (checkpoint.cancelled) throw Cancelled();
        switch (intopt_status(run.rc, run.status, session, origin)) {
          case LpStatus::optimal: case LpStatus::feasible: report.status = LpStatus::unbounded; break;
          case LpStatus::infeasible: report.status = LpStatus::infeasible; break;
          case LpStatus::time_limit: report.status = LpStatus::time_limit; break;
          default: report.status = LpStatus::undefined; break;
        }
      }
    } else if (lp_status == LpStatus::primal_and_dual_infeasible) {
      report.status = LpStatus::infeasible;  // no integer point where there is no point at all
    }
  }
  const bool has_solution = report.status == LpStatus::optimal || report.status == LpStatus::feasible;
  const bool mip_solution = report.mixed_integer && has_solution;
  const bool lp_solution = !report.mixed_integer && has_solution;

  // Ranging needs the factorization of the optimal basis (presolve leaves none).
  std::vector<double> ranges;
  std::vector<int> limiting;
  bool ranged = false;
  if (lp_solution && options.ranging && m + n > 0) {
    ranges.resize(6 * static_cast<std::size_t>(m + n));
    limiting.resize(2 * static_cast<std::size_t>(m + n));
    double* v = ranges.data();
    int* var = limiting.data();
    auto analyze = [&] {
      if (!glp_bf_exists(P) && glp_factorize(P) != 0) return;
      for (int k = 1; k <= m + n; ++k) range_one(P, k, v + 6 * (k - 1), var + 2 * (k - 1));
      ranged = true;
    };
    run_step(session, model, origin, analyze);
  }

  const char* name = glp_get_prob_name(P);
  const char* obj_name = glp_get_obj_name(P);
  report.name = name ? name : "";
  report.objective_name = obj_name ? obj_name : "";
  report.objective_constant = glp_get_obj_coef(P, 0);
  if (has_solution) report.objective = mip_solution ? glp_mip_obj_val(P) : glp_get_obj_val(P);

  auto ranging_of = [&](int k) {
    Ranging r;
    const double* v = ranges.data() + 6 * (k - 1);
    for (int e = 0; e < 2; ++e) {
      r.activity_range[e] = finite_or_infinity(v[e]);
      r.objective_coefficient_range[e] = finite_or_infinity(v[2 + e]);
      r.objective_at_break[e] = finite_or_infinity(v[4 + e]);
      const int limit = limiting[2 * (k - 1) + e];
      r.limiting[e] = limit ? row_or_col_name(P, limit) : "";
    }
    return r;
  };
  for (int i = 1; i <= m; ++i) {
    LpEntry e;
    e.name = row_or_col_name(P, i);
    e.bound = bound_of(glp_get_row_type(P, i), glp_get_row_lb(P, i), glp_get_row_ub(P, i));
    if (mip_solution) e.value = glp_mip_row_val(P, i);
    if (lp_solution) {
      e.value = glp_get_row_prim(P, i);
      e.dual = glp_get_row_dual(P, i);
      e.status = basis_status(glp_get_row_stat(P, i));
      if (ranged) e.ranging = ranging_of(i);
    }
    report.rows.push_back(std::move(e));
  }
  for (int j = 1; j <= n; ++j) {
    LpEntry e;
    e.name = row_or_col_name(P, m + j);
    e.bound = bound_of(glp_get_col_type(P, j), glp_get_col_lb(P, j), glp_get_col_ub(P, j));
    e.objective_coefficient = glp_get_obj_coef(P, j);
    e.integer = glp_get_col_kind(P, j) != GLP_CV;
    if (mip_solution) e.value = glp_mip_col_val(P, j);
    if (lp_solution) {
      e.value = glp_get_col_prim(P, j);
      e.dual = glp_get_col_dual(P, j);
      e.status = basis_status(glp_get_col_stat(P, j));
      if (ranged) e.ranging = ranging_of(m + j);
    }
    report.columns.push_back(std::move(e));
  }
  // Coefficients near the largest double can give an optimum that overflows: not an answer.
  bool finite = !report.objective || std::isfinite(*report.objective);
  for (const auto* list : {&report.rows, &report.columns})
    for (const auto& e : *list) finite = finite && std::isfinite(e.value) && (!e.dual || std::isfinite(*e.dual));
  if (!finite)
    throw InputError("solver_error", origin.path,
                     "The solution does not fit in double precision (an objective or value overflows): scale the "
                     "coefficients and bounds down, e.g. to within 1e12.");

  if (options.lp_text) {
    TempFile out("");
    const char* path = out.path().c_str();
    int rc = 0;
    auto write = [&] { rc = glp_write_lp(P, nullptr, path); };
    run_step(session, model, origin, write);
    if (rc == 0) report.lp_text = out.contents();
  }
  return report;
}

// Loads a validated LinearProgram into a new problem: names (default x1.., c1..), bounds,
// integer kinds, the matrix. Inside a guarded step.
struct LoadArgs {
  const LinearProgram* lp;
  const std::vector<std::string>* column_names;
  const std::vector<std::string>* row_names;
  const int* ia;
  const int* ja;
  const double* ar;
  int nonzeros;
};

void load(glp_prob* P, const LoadArgs& a) {
  const LinearProgram& lp = *a.lp;
  const int n = static_cast<int>(lp.objective.size()), m = static_cast<int>(lp.constraints.size());
  glp_set_obj_dir(P, lp.maximize ? GLP_MAX : GLP_MIN);
  glp_add_cols(P, n);
  for (int j = 1; j <= n; ++j) {
    glp_set_col_name(P, j, (*a.column_names)[j - 1].c_str());
    glp_set_obj_coef(P, j, lp.objective[j - 1]);
    const Bound b = lp.bounds.empty() ? Bound{0.0, std::nullopt} : lp.bounds[j - 1];
    glp_set_col_bnds(P, j, detail::glpk_bound_type(b.lower.has_value(), b.upper.has_value(), b.lower.value_or(0), b.upper.value_or(0)),
                     b.lower.value_or(0), b.upper.value_or(0));
    if (!lp.integer.empty() && lp.integer[j - 1]) glp_set_col_kind(P, j, GLP_IV);
  }
  if (m > 0) glp_add_rows(P, m);
  for (int i = 1; i <= m; ++i) {
    const Bound& b = lp.constraints[i - 1].bound;
    glp_set_row_name(P, i, (*a.row_names)[i - 1].c_str());
    glp_set_row_bnds(P, i, detail::glpk_bound_type(b.lower.has_value(), b.upper.has_value(), b.lower.value_or(0), b.upper.value_or(0)),
                     b.lower.value_or(0), b.upper.value_or(0));
  }
  glp_load_matrix(P, a.nonzeros, a.ia, a.ja, a.ar);
}

std::vector<std::string> names_or_default(const std::vector<std::string>& names, std::size_t count, const char* stem) {
  if (!names.empty()) return names;
  std::vector<std::string> out;
  for (std::size_t k = 1; k <= count; ++k) out.push_back(std::string(stem) + std::to_string(k));
  return out;
}

void check_options(const LpOptions& options) {
  if (!(options.mip_time_limit > 0 && options.mip_time_limit <= max_mip_seconds))
    throw InputError("invalid_field", "mip_time_limit", "mip_time_limit must be in (0, 60] seconds");
}

}  // namespace

LpReport analyse_linear_program(const LinearProgram& lp, const LpOptions& options, const Progress& progress) {
  validate_linear_program(lp);
  check_options(options);
  const auto column_names = names_or_default(lp.variable_names, lp.objective.size(), "x");
  const auto row_names = names_or_default(lp.constraint_names, lp.constraints.size(), "c");
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  for (const auto& a : lp.matrix)  // the sparse form, when given
    ia.push_back(static_cast<int>(a.row + 1)), ja.push_back(static_cast<int>(a.column + 1)), ar.push_back(a.value);
  for (std::size_t i = 0; i < lp.constraints.size() && lp.matrix.empty(); ++i)
    for (std::size_t j = 0; j < lp.objective.size(); ++j)
      if (const double a = lp.constraints[i].coefficients[j]; a != 0)
        ia.push_back(static_cast<int>(i + 1)), ja.push_back(static_cast<int>(j + 1)), ar.push_back(a);
  const LoadArgs args{&lp, &column_names, &row_names, ia.data(), ja.data(), ar.data(), static_cast<int>(ia.size()) - 1};

  detail::GlpkSession session;
  GlpkModel model;
  const Origin origin{"", ""};
  glp_prob** P = &model.P;
  auto build = [&] {
    *P = glp_create_prob();
    load(*P, args);
  };
  run_step(session, model, origin, build);
  return solve_and_report(model, session, origin, "bounds", options, progress);
}

LpReport analyse_model_text(ModelFormat format, const std::string& text, const LpOptions& options,
                            const Progress& progress) {
  check_options(options);
  if (text.size() > max_lp_model_chars)
    throw InputError("limit_exceeded", "model",
                     "The model text has " + std::to_string(text.size()) + " characters (at most " +
                         std::to_string(max_lp_model_chars) + ")");
  if (format == ModelFormat::mathprog) refuse_unsafe_statements(text);
  const TempFile file(text);
  const Origin origin{"model", file.path()};
  detail::GlpkSession session;
  session.memory_limit_mb = lp_memory_limit_mb;
  GlpkModel model;
  const char* path = file.path().c_str();
  int rc = 0;
  std::size_t generated_from = 0, generated_to = 0;
  glp_prob** P = &model.P;
  glp_tran** tran = &model.tran;
  auto read = [&] {
    if (format == ModelFormat::mathprog) {
      *tran = glp_mpl_alloc_wksp();
      rc = glp_mpl_read_model(*tran, path, 0);
      if (rc != 0) return;
      generated_from = session.log.size();
      rc = glp_mpl_generate(*tran, nullptr);
      generated_to = session.log.size();
      if (rc != 0) {
        rc = 2;  // an error while generating: the model reads, but its data or a check fails
        return;
      }
      *P = glp_create_prob();
      glp_mpl_build_prob(*tran, *P);
      return;
    }
    *P = glp_create_prob();
    if (format == ModelFormat::cplex_lp) rc = glp_read_lp(*P, nullptr, path);
    else rc = glp_read_mps(*P, format == ModelFormat::free_mps ? GLP_MPS_FILE : GLP_MPS_DECK, nullptr, path);
  };
  run_step(session, model, origin, read);
  if (rc != 0) fail_model(rc == 2 ? "model_error" : "model_syntax", session.log, origin);
  if (options.maximize_mps && (format == ModelFormat::free_mps || format == ModelFormat::fixed_mps))
    glp_set_obj_dir(model.P, GLP_MAX);
  // MathProg has no name statement: glp_mpl_build_prob names the problem after the model
  // file, here our temporary file ("rbcmatch"), which is no name of the user's.
  if (format == ModelFormat::mathprog) glp_set_prob_name(model.P, nullptr);
  const std::size_t read_log = session.log.size();

  LpReport report = solve_and_report(model, session, origin, "", options, progress);
  for (const auto& m : file_messages(session.log.substr(0, read_log), origin.file))
    if (m.warning) report.warnings.push_back("line " + std::to_string(m.line) + ": " + m.reason);
  if (format == ModelFormat::mathprog) {
    report.output = model_output(session.log.substr(generated_from, generated_to - generated_from), origin.file);
    if (report.status == LpStatus::optimal || report.status == LpStatus::feasible) {
      const std::size_t from = session.log.size();
      glp_prob* solved = model.P;
      glp_tran* translator = model.tran;
      const int kind = report.mixed_integer ? GLP_MIP : GLP_SOL;
      auto postsolve = [&] { rc = glp_mpl_postsolve(translator, solved, kind); };
      run_step(session, model, origin, postsolve);
      if (rc != 0) fail_model("model_error", session.log.substr(from), origin);
      report.output += model_output(session.log.substr(from), origin.file);
    }
  }
  return report;
}

}  // namespace rbc::numeric
