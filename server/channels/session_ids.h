// Maps platform user ids to engine session ids ([A-Za-z0-9._:-]{1,128}, the
// same rule as /v1/chat). Ids that are safe to keep become "<prefix>:<id>";
// personal ones such as phone numbers become "<prefix>:" + a keyed hash, so
// they never reach the session store or the logs. Immutable; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace faqbot::server::channels {

class SessionIds {
 public:
  // `key` keys the hash; empty picks a random key for this process.
  explicit SessionIds(std::string key);

  // "<prefix>:<id>" when that is a valid session id, else the hashed form.
  std::string Plain(std::string_view prefix, std::string_view id) const;
  // "<prefix>:" + 32 hex digits of HMAC-SHA256(key, id).
  std::string Hashed(std::string_view prefix, std::string_view id) const;

 private:
  std::string key_;
};

}  // namespace faqbot::server::channels
