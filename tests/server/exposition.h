// A strict reader of the Prometheus text exposition format (0.0.4) for tests:
// checks line syntax, TYPE before samples, unique series and histogram
// consistency, and returns every sample by its series ("name{labels}").
// Pure function; thread-safe.
#pragma once

#include <map>
#include <string>

#include "common/status.h"

namespace faqbot::testing {

Result<std::map<std::string, double>> ParseExposition(const std::string& text);

}  // namespace faqbot::testing
