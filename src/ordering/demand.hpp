#pragma once
// A daily demand series: read from CSV text (date, units[, predictors]) with every malformed
// line refused by its number, or generated with a weekday pattern, a trend and noise from the
// seeded streams of numeric/random (the same numbers natively and in wasm).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rbc::ordering {

// Days since 1970-01-01 of a civil date, and back (proleptic Gregorian; H. Hinnant's algorithms).
int days_from_civil(int year, int month, int day);
std::string civil_from_days(int days);  // "YYYY-MM-DD"
int weekday_of(int days);               // 0 = Monday .. 6 = Sunday
// A strict "YYYY-MM-DD" (a real date, years 1900-2199); false otherwise.
bool parse_date(std::string_view text, int& days);

struct Series {
  int first_day = 0;                // days since 1970-01-01 of demand[0]
  std::vector<int> demand;          // units a day, >= 0, one per consecutive day
  std::vector<std::string> predictor_names;
  std::vector<std::vector<double>> predictors;  // predictors[k][t]
  std::vector<int> weekdays() const;
};

// CSV: one line per day, "date,units" then optional predictor columns; an optional header
// line; separators "," ";" or tab (the first line decides; with ";" or tab a decimal comma is
// read as a decimal point). Dates must rise one day at a time. Throws rbc::InputError (path
// `path`) naming the line for: a missing or repeated day, a negative or fractional number of
// units, text or an empty cell in a number column, a row with the wrong number of columns
// (with a hint when a decimal comma split it), more than 102 columns, more than `max_days`
// days, no days at all.
Series parse_demand_csv(std::string_view text, const std::string& path, int max_days);

struct GeneratorSpec {
  int days = 365 * 3;
  double mean = 93.05;          // units a day, before the weekday factors
  double noise_sd = 20;         // sd of the normal noise added to each day
  double trend = 0;             // change of the mean per year (units a day)
  std::array<double, 7> weekday = {1, 1, 1, 1, 1, 1, 1};  // factors, Monday first; scaled to mean 1
  std::uint64_t seed = 1;
  int first_day = 0;
};
// y_t = round(max(0, (mean + trend t / 365.25) f_{weekday(t)} + e_t)), e_t ~ N(0, noise_sd^2),
// f scaled to mean 1.
Series generate_demand(const GeneratorSpec& spec);

}  // namespace rbc::ordering
