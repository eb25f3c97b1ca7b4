// XML escaping for TwiML text content and attribute values. Pure function;
// thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace faqbot::server::channels {

// Escapes & < > " ' and drops the control characters XML 1.0 forbids, so any
// UTF-8 text becomes well-formed character data.
std::string XmlEscape(std::string_view text);

}  // namespace faqbot::server::channels
