// A way to reach help: emergency services, a crisis line, a helpline.
// Plain value type.
#pragma once

#include <string>

namespace faqbot::safety {

struct Contact {
  std::string name;   // "Emergency services"
  std::string phone;  // empty when the deployment's region names no number
  std::string url;
  std::string note;      // "call or text 988"
  std::string say = {};  // how reply text names it ("999"); empty: the phone, else the name
};

}  // namespace faqbot::safety
