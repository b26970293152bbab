#include "ordering/demand.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "common/input_error.hpp"
#include "numeric/random.hpp"

namespace rbc::ordering {

int days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  const int y = yoe + era * 400 + (m <= 2);
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
  return out;
}

int weekday_of(int days) { return ((days % 7) + 7 + 3) % 7; }  // 1970-01-01 was a Thursday

bool parse_date(std::string_view s, int& days) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const int y = std::atoi(std::string(s.substr(0, 4)).c_str());
  const int m = (s[5] - '0') * 10 + (s[6] - '0');
  const int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  days = days_from_civil(y, m, d);
  return civil_from_days(days) == s;  // refuses 2018-02-30
}

std::vector<int> Series::weekdays() const {
  std::vector<int> w(demand.size());
  for (std::size_t t = 0; t < demand.size(); ++t) w[t] = weekday_of(first_day + static_cast<int>(t));
  return w;
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '"' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || line[i] == sep) {
      cells.push_back(trim(line.substr(start, i - start)));
      start = i + 1;
    }
  return cells;
}

// A finite number, the whole cell; a decimal comma read as a point when `comma_decimal`.
bool parse_number(std::string_view cell, bool comma_decimal, double& x) {
  if (cell.empty() || cell.size() > 64) return false;
  std::string s(cell);
  if (comma_decimal) std::replace(s.begin(), s.end(), ',', '.');
  char* end = nullptr;
  x = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(x);
}

constexpr std::size_t max_columns = 102;

}  // namespace

Series parse_demand_csv(std::string_view text, const std::string& path, int max_days) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte-order mark
  std::vector<std::pair<int, std::string_view>> lines;  // (line number, text), blank lines left out
  {
    int number = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
      if (i == text.size() || text[i] == '\n') {
        ++number;
        std::string_view l = text.substr(start, i - start);
        if (!trim(l).empty()) lines.emplace_back(number, l);
        start = i + 1;
      }
  }
  auto fail = [&](int line, const std::string& message) {
    throw InputError("invalid_field", path, "Line " + std::to_string(line) + " of the demand data: " + message);
  };
  if (lines.empty()) throw InputError("invalid_field", path, "The demand data has no lines: give one line per day, date and units");
  const std::string_view first = lines.front().second;
  const char sep = first.find(';') != std::string_view::npos ? ';' : first.find('\t') != std::string_view::npos ? '\t' : ',';
  const bool comma_decimal = sep != ',';
  Series s;
  std::size_t columns = 0;
  std::size_t k = 0;
  bool header = false;
  {
    const auto cells = split(first, sep);
    int day = 0;
    double units = 0;
    // A header: neither a date first nor a number second (a row with a bad date but numeric
    // units is a data row, refused below by its line number).
    if (!parse_date(cells[0], day) && !(cells.size() >= 2 && parse_number(cells[1], comma_decimal, units))) {
      columns = cells.size();
      if (columns < 2) fail(lines[0].first, "the header names " + std::to_string(columns) + " column; give date and units at least");
      if (columns > max_columns) fail(lines[0].first, "the header names " + std::to_string(columns) + " columns; at most " + std::to_string(max_columns) + " are read (date, units and 100 predictors)");
      for (std::size_t c = 2; c < cells.size(); ++c) s.predictor_names.emplace_back(cells[c]);
      k = 1;
      header = true;
    }
  }
  int previous_day = 0, previous_line = 0;
  for (; k < lines.size(); ++k) {
    const auto [number, line] = lines[k];
    const auto cells = split(line, sep);
    if (columns == 0) {  // no header: the first row fixes the columns
      columns = cells.size();
      if (columns < 2) fail(number, "give a date and the units, separated by a comma or a semicolon");
      if (columns > max_columns) fail(number, "it has " + std::to_string(columns) + " columns; at most " + std::to_string(max_columns) + " are read (date, units and 100 predictors)");
      for (std::size_t c = 2; c < columns; ++c) s.predictor_names.push_back("column " + std::to_string(c + 1));
    }
    if (cells.size() != columns) {
      std::string m = "it has " + std::to_string(cells.size()) + " columns where the " +
                      (header ? "header has " : "first row has ") + std::to_string(columns);
      if (sep == ',' && cells.size() > columns) m += " (a decimal comma? Use decimal points, or separate the columns with semicolons)";
      fail(number, m);
    }
    int day = 0;
    if (!parse_date(cells[0], day))
      fail(number, "“" + std::string(cells[0].substr(0, 40)) + "” is not a date written YYYY-MM-DD (for example 2018-01-31)");
    if (!s.demand.empty()) {
      if (day <= previous_day)
        fail(number, civil_from_days(day) + " does not come after " + civil_from_days(previous_day) + " (line " +
                         std::to_string(previous_line) + "): give each day once, in order");
      if (day > previous_day + 1) {
        const int gap = day - previous_day - 1;
        fail(number, civil_from_days(day) + " follows " + civil_from_days(previous_day) + " (line " +
                         std::to_string(previous_line) + "): " + std::to_string(gap) + (gap == 1 ? " day is" : " days are") +
                         " missing (" + civil_from_days(previous_day + 1) + (gap > 1 ? " to " + civil_from_days(day - 1) : std::string()) + ")" +
                         ". Give every day, with 0 units for a day without demand");
      }
    } else {
      s.first_day = day;
    }
    double units = 0;
    if (cells[1].empty()) fail(number, "the units are missing");
    if (!parse_number(cells[1], comma_decimal, units))
      fail(number, "the units “" + std::string(cells[1].substr(0, 40)) + "” are not a number" );
    if (units < 0) fail(number, "the units (" + std::string(cells[1]) + ") are negative; demand is 0 or more");
    if (units != std::floor(units) || units > 1e7)
      fail(number, "the units (" + std::string(cells[1]) + ") must be a whole number of units (at most 10,000,000)");
    if (static_cast<int>(s.demand.size()) >= max_days)
      fail(number, "the series has more than " + std::to_string(max_days) + " days, the most accepted");
    s.demand.push_back(static_cast<int>(units));
    s.predictors.resize(columns - 2);
    for (std::size_t c = 2; c < columns; ++c) {
      double x = 0;
      if (!parse_number(cells[c], comma_decimal, x))
        fail(number, "the value “" + std::string(cells[c].substr(0, 40)) + "” of " + s.predictor_names[c - 2] +
                         (cells[c].empty() ? " is missing" : " is not a number"));
      s.predictors[c - 2].push_back(x);
    }
    previous_day = day;
    previous_line = number;
  }
  if (s.demand.empty()) throw InputError("invalid_field", path, "The demand data has a header but no days");
  return s;
}

Series generate_demand(const GeneratorSpec& spec) {
  Series s;
  s.first_day = spec.first_day;
  double mean_factor = 0;
  for (double f : spec.weekday) mean_factor += f / 7;
  if (!(mean_factor > 0)) throw std::invalid_argument("generate_demand: weekday factors sum to 0");
  numeric::Xoshiro256StarStar rng(spec.seed);
  s.demand.resize(spec.days);
  for (int t = 0; t < spec.days; ++t) {
    const double level = (spec.mean + spec.trend * t / 365.25) * spec.weekday[weekday_of(spec.first_day + t)] / mean_factor;
    const double noise = numeric::normal(rng, 0.0, spec.noise_sd);
    const double y = std::floor(level + noise + 0.5);
    s.demand[t] = y > 0 ? static_cast<int>(std::min(y, 1e7)) : 0;
  }
  return s;
}

}  // namespace rbc::ordering
