// application/x-www-form-urlencoded bodies (Twilio and Slack webhooks): a
// strict parser that keeps every field in order, duplicates included, and
// refuses malformed percent escapes instead of guessing. Pure functions;
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace faqbot::server::channels {

struct FormField {
  std::string name;
  std::string value;
};

using Form = std::vector<FormField>;

// Decodes '+' as space and %XX escapes; InvalidArgument on a bad escape.
Result<std::string> PercentDecode(std::string_view s);

// Splits on '&' (empty pieces are skipped) and '=' (a piece without one is a
// name with an empty value), then decodes names and values.
Result<Form> ParseForm(std::string_view body);

// True for "application/x-www-form-urlencoded", parameters allowed.
bool IsFormContentType(std::string_view content_type);

// The first value named `name`, or nullptr.
const std::string* FormValue(const Form& form, std::string_view name);

}  // namespace faqbot::server::channels
