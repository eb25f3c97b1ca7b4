// Twilio request validation (X-Twilio-Signature): base64 HMAC-SHA1, keyed by
// the account's auth token, over the URL Twilio called followed by every form
// parameter as name+value (names sorted, each name's values sorted, duplicates
// dropped). Like Twilio's own validators it accepts the URL with its port
// removed or its default port added, and the query as a browser would encode
// it. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "server/channels/form.h"

namespace faqbot::server::channels {

// The signature Twilio computes for `url` and `params`.
std::string TwilioSignature(std::string_view auth_token, std::string_view url, const Form& params);

// The forms of `url` a valid signature may have been computed over: without
// a port, and with its own port or else the scheme's default one; each also
// with the query percent-encoded the WHATWG way (e.g. ' as %27).
std::vector<std::string> TwilioUrlVariants(std::string_view url);

// True when `signature` is valid for a request to `url` with form `params`.
// When the URL's query carries bodySHA256 (JSON webhooks), the raw body must
// hash to it and the parameters are not signed.
bool TwilioSignatureValid(std::string_view auth_token, std::string_view url, const Form& params,
                          std::string_view raw_body, std::string_view signature);

}  // namespace faqbot::server::channels
