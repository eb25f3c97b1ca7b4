// @brief Error bodies and Status -> HTTP mapping.
#include "server/api_error.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace faqbot::server {

ApiError FromStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
      return {200, "ok", ""};
    case StatusCode::kNotFound:
      return {404, "not_found", s.message()};
    case StatusCode::kInvalidArgument:
      return {400, "invalid_field", s.message()};
    case StatusCode::kUnavailable:
      return {503, "not_ready", s.message()};
    case StatusCode::kInternal:
      break;
  }
  return {500, "internal", "internal error"};
}

std::string ErrorBody(const ApiError& e) {
  return nlohmann::json{{"error", {{"code", e.code}, {"message", e.message}}}}.dump();
}

void WriteError(const ApiError& e, httplib::Response* res) {
  res->status = e.status;
  res->set_content(ErrorBody(e), "application/json");
}

}  // namespace faqbot::server
