// @brief Region presets and contact overrides, read from YAML.
#include "safety/region_contacts.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "common/text.h"

namespace faqbot::safety {

extern const char kRegionsYaml[];  // generated from safety/regions.yaml

namespace {

const char* const kLists[] = {"emergency", "crisis", "oncology"};

std::string Field(const YAML::Node& node, const char* key) {
  const YAML::Node value = node[key];
  return value && value.IsScalar() ? value.as<std::string>() : std::string();
}

Result<std::vector<Contact>> ReadContacts(const YAML::Node& list, const std::string& where) {
  if (!list.IsSequence()) return Status::InvalidArgument(where + " must be a list of contacts");
  std::vector<Contact> out;
  for (const auto& node : list) {
    if (!node.IsMap()) return Status::InvalidArgument(where + ": each contact must be a map");
    for (const auto& kv : node) {
      std::string key = kv.first.as<std::string>();
      if (key != "name" && key != "phone" && key != "url" && key != "note" && key != "say") {
        return Status::InvalidArgument(where + ": unknown contact field '" + key + "'");
      }
    }
    Contact c{Field(node, "name"), Field(node, "phone"), Field(node, "url"), Field(node, "note"),
              Field(node, "say")};
    if (c.name.empty()) return Status::InvalidArgument(where + ": a contact has no name");
    out.push_back(std::move(c));
  }
  return out;
}

// Replaces the lists `node` names in `contacts`.
Status Apply(const YAML::Node& node, const std::string& where, RegionContacts* contacts) {
  if (!node.IsMap()) return Status::InvalidArgument(where + " must be a map of contact lists");
  for (const auto& kv : node) {
    std::string key = kv.first.as<std::string>();
    std::vector<Contact>* list = key == "emergency"  ? &contacts->emergency
                                 : key == "crisis"   ? &contacts->crisis
                                 : key == "oncology" ? &contacts->oncology
                                                     : nullptr;
    if (!list) {
      return Status::InvalidArgument(where + ": unknown list '" + key +
                                     "' (expected emergency, crisis or oncology)");
    }
    auto read = ReadContacts(kv.second, where + " " + key);
    if (!read.ok()) return read.status();
    *list = std::move(*read);
  }
  return Status::Ok();
}

std::string PresetKey(const std::string& region) {
  std::string upper = text::Trim(region);
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return upper.empty() ? "default" : upper;
}

}  // namespace

const char* BuiltInPresets() { return kRegionsYaml; }

std::vector<std::string> RegionNames() { return {"", "US", "UK", "IN", "EU"}; }

Result<RegionContacts> ParseRegionContacts(const std::string& presets, const std::string& region,
                                           const std::string& overrides) {
  RegionContacts contacts;
  contacts.region = region.empty() ? "" : PresetKey(region);
  try {
    YAML::Node root = YAML::Load(presets);
    std::string key = PresetKey(region);
    if (!root.IsMap() || !root[key]) {
      return Status::InvalidArgument("unknown region '" + region +
                                     "' (expected one of US, UK, IN, EU, or empty for none)");
    }
    if (Status s = Apply(root[key], "region " + key, &contacts); !s.ok()) return s;
    if (!text::Trim(overrides).empty()) {
      if (Status s = Apply(YAML::Load(overrides), "contacts file", &contacts); !s.ok()) return s;
    }
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(std::string("contacts: ") + e.what());
  }
  if (contacts.emergency.empty() || contacts.crisis.empty()) {
    return Status::InvalidArgument("contacts: an emergency and a crisis contact are required");
  }
  return contacts;
}

Result<RegionContacts> LoadRegionContacts(const std::string& region,
                                          const std::string& contacts_file) {
  std::string overrides;
  if (!contacts_file.empty()) {
    std::ifstream in(contacts_file, std::ios::binary);
    if (!in) return Status::InvalidArgument("cannot read contacts file " + contacts_file);
    std::ostringstream ss;
    ss << in.rdbuf();
    overrides = ss.str();
  }
  auto contacts = ParseRegionContacts(kRegionsYaml, region, overrides);
  if (!contacts.ok() && !contacts_file.empty()) {
    return Status::InvalidArgument(contacts.status().message() + " (" + contacts_file + ")");
  }
  return contacts;
}

}  // namespace faqbot::safety
