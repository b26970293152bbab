#pragma once
// The one error type the core throws for bad input. It names the offending field in the
// request API's path syntax ("frequencies[2]", "system.loci[0].alleles[1].name"), so every
// front door can point the user at the field.
#include <stdexcept>
#include <string>

namespace rbc {

class InputError : public std::runtime_error {
 public:
  // code: a stable identifier listed in docs/api.md ("invalid_field", "limit_exceeded", ...)
  InputError(std::string code, std::string path, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)), path_(std::move(path)) {}
  const std::string& code() const noexcept { return code_; }
  const std::string& path() const noexcept { return path_; }

 private:
  std::string code_;
  std::string path_;
};

// A field path built from parts: join_path("system", "loci", 0) == "system.loci[0]".
inline std::string field_index(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}
inline std::string field_member(const std::string& path, const std::string& name) {
  return path.empty() ? name : path + "." + name;
}

}  // namespace rbc
