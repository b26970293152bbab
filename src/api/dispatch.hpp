#pragma once
// The request API's one entry point, shared by the CLI and the wasm module. Never throws:
// every failure becomes {"error": {code, message, path}}, and the next call works.
#include <string>
#include <string_view>

#include "common/parallel.hpp"
#include "common/progress.hpp"

namespace rbc::api {

// op: an operation of the registry ("stationary", ...); request_json: the request body.
// progress: reports of long operations, and their cancel check (a cancelled call answers
// with the error code "cancelled"). Returns the response JSON text.
// parallel: how independent pieces of work (replications) may run side by side (the CLI's
// --threads); the response is the same with or without it.
std::string handle_request(std::string_view op, std::string_view request_json, const Progress& progress = {},
                           const ParallelFor& parallel = {});

}  // namespace rbc::api
