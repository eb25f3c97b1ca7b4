// API errors: the status and JSON body of every non-2xx reply
// ({"error": {"code", "message"}}), and the one mapping from domain Status
// codes to HTTP statuses. Pure functions; thread-safe.
#pragma once

#include <string>

#include "common/status.h"

namespace httplib {
struct Response;
}

namespace faqbot::server {

struct ApiError {
  int status = 500;
  std::string code;     // "invalid_json", "not_found", ...
  std::string message;  // for people; never a stack trace
};

ApiError FromStatus(const Status& status);
std::string ErrorBody(const ApiError& error);
void WriteError(const ApiError& error, httplib::Response* res);

}  // namespace faqbot::server
