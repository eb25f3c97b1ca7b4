// The emergency and crisis contacts of a deployment's region (SAFETY.md
// section 5): presets built in from safety/regions.yaml, chosen by name, with
// an optional YAML file whose lists replace the preset's. Plain value types
// and pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "safety/contact.h"

namespace faqbot::safety {

struct RegionContacts {
  std::string region;              // "" for the country-neutral default
  std::vector<Contact> emergency;  // the first is the one reply text names
  std::vector<Contact> crisis;     // the first is the one reply text names
  std::vector<Contact> oncology;   // a 24-hour acute oncology line, if any
};

// The preset names: "" (the default, no country), "US", "UK", "IN", "EU".
std::vector<std::string> RegionNames();

// `region` is matched without regard to case. An unknown region, an
// unreadable or malformed contacts file, or a result without an emergency
// and a crisis contact is an InvalidArgument naming the problem.
Result<RegionContacts> LoadRegionContacts(const std::string& region,
                                          const std::string& contacts_file = "");

// The same from YAML text: `presets` in the shape of safety/regions.yaml and
// `overrides` (may be empty) in the shape of one preset.
Result<RegionContacts> ParseRegionContacts(const std::string& presets, const std::string& region,
                                           const std::string& overrides);

// The built-in presets (safety/regions.yaml).
const char* BuiltInPresets();

}  // namespace faqbot::safety
