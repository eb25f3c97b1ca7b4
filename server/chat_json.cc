// @brief /v1/chat request parsing and reply serialisation.
#include "server/chat_json.h"

#include "common/json_writer.h"
#include "common/text.h"

namespace faqbot::server {
namespace {

using nlohmann::json;

ApiError Bad(const std::string& code, const std::string& message) { return {400, code, message}; }

// ReplyToJsonText's helpers write object keys in sorted order, as
// nlohmann::json's std::map-backed objects dump them.

void WriteIntent(json_text::Writer& w, const dialogue::ScoredIntent& intent) {
  w.BeginObject();
  w.Key("confidence").Double(intent.confidence);
  w.Key("name").String(intent.name);
  w.EndObject();
}

void WriteSource(json_text::Writer& w, const dialogue::Source& s) {
  w.BeginObject();
  w.Key("passage_id").String(s.passage_id);
  w.Key("publisher").String(s.publisher);
  w.Key("quote").String(s.quote);
  w.Key("section").String(s.section);
  w.Key("title").String(s.title);
  w.Key("url").String(s.url);
  w.EndObject();
}

void WriteReferral(json_text::Writer& w, const dialogue::Referral& ref) {
  w.BeginObject();
  w.Key("name").String(ref.name);
  w.Key("reason").String(ref.reason);
  w.Key("url").String(ref.url);
  w.EndObject();
}

void WriteContact(json_text::Writer& w, const safety::Contact& c) {
  w.BeginObject();
  w.Key("name").String(c.name);
  w.Key("note").StringOrNull(c.note);
  w.Key("phone").StringOrNull(c.phone);
  w.Key("url").StringOrNull(c.url);
  w.EndObject();
}

void WriteSafety(json_text::Writer& w, const dialogue::SafetyInfo& safety) {
  w.BeginObject();
  w.Key("contacts").BeginArray();
  for (const auto& c : safety.contacts) WriteContact(w, c);
  w.EndArray();
  w.Key("rule").String(safety.rule);
  w.EndObject();
}

// Room for the text and the quotes plus keys and punctuation, so the string
// is usually allocated once; growth covers the rest.
size_t EstimatedSize(const dialogue::Reply& r) {
  size_t size = 1024 + r.text.size();
  for (const auto& s : r.sources) size += 256 + s.quote.size();
  return size;
}

}  // namespace

bool ValidSessionId(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  for (unsigned char c : id) {
    if (!std::isalnum(c) && c != '.' && c != '_' && c != ':' && c != '-') return false;
  }
  return true;
}

std::variant<std::monostate, ApiError> ValidateMessage(std::string* message,
                                                       const ChatLimits& limits) {
  if (!text::IsValidUtf8(*message)) return Bad("invalid_field", "'message' is not valid UTF-8");
  *message = text::Trim(*message);
  if (message->empty()) return Bad("empty_message", "'message' is empty");
  size_t chars = text::Utf8Length(*message);
  if (chars > limits.max_message_chars) {
    return Bad("message_too_long", "'message' has " + std::to_string(chars) +
                                       " characters; the limit is " +
                                       std::to_string(limits.max_message_chars));
  }
  return std::monostate{};
}

std::variant<ChatRequest, ApiError> ParseChatRequest(const std::string& body,
                                                     const ChatLimits& limits) {
  if (!text::IsValidUtf8(body)) return Bad("invalid_json", "the request body is not valid UTF-8");
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Bad("invalid_json", "the request body is not valid JSON");
  if (!j.is_object()) return Bad("invalid_json", "the request body must be a JSON object");

  // A field given as null counts as absent.
  auto field = [&j](const char* name) -> json* {
    auto it = j.find(name);
    return it == j.end() || it->is_null() ? nullptr : &*it;
  };
  for (const char* name : {"session_id", "message"}) {
    const json* f = field(name);
    if (!f) return Bad("missing_field", std::string("'") + name + "' is required");
    if (!f->is_string())
      return Bad("invalid_field", std::string("'") + name + "' must be a string");
  }
  for (const char* name : {"locale", "channel"}) {
    if (const json* f = field(name); f && !f->is_string()) {
      return Bad("invalid_field", std::string("'") + name + "' must be a string");
    }
  }
  if (const json* f = field("metadata"); f && !f->is_object()) {
    return Bad("invalid_field", "'metadata' must be an object");
  }

  ChatRequest req;
  // The parsed document is thrown away: its strings move into the request.
  req.session_id = std::move(field("session_id")->get_ref<std::string&>());
  if (!ValidSessionId(req.session_id)) {
    return Bad("invalid_field", "'session_id' must be 1-128 characters of A-Z a-z 0-9 . _ : -");
  }
  req.message = std::move(field("message")->get_ref<std::string&>());
  if (auto err = ValidateMessage(&req.message, limits); std::holds_alternative<ApiError>(err)) {
    return std::get<ApiError>(err);
  }
  if (json* f = field("locale")) req.locale = std::move(f->get_ref<std::string&>());
  if (json* f = field("channel")) req.channel = std::move(f->get_ref<std::string&>());
  return req;
}

json ReplyToJson(const dialogue::Reply& r) { return json::parse(ReplyToJsonText(r)); }

std::string ReplyToJsonText(const dialogue::Reply& r) {
  std::string out;
  out.reserve(EstimatedSize(r));
  json_text::Writer w(&out);
  w.BeginObject();
  w.Key("alternatives").BeginArray();
  for (const auto& a : r.alternatives) WriteIntent(w, a);
  w.EndArray();
  w.Key("corpus_version").String(r.corpus_version);
  w.Key("disclaimer").StringOrNull(r.disclaimer);
  w.Key("intent");
  if (r.intent) {
    WriteIntent(w, *r.intent);
  } else {
    w.Null();
  }
  w.Key("referrals").BeginArray();
  for (const auto& ref : r.referrals) WriteReferral(w, ref);
  w.EndArray();
  w.Key("safety");
  if (r.safety) {
    WriteSafety(w, *r.safety);
  } else {
    w.Null();
  }
  w.Key("session_id").String(r.session_id);
  w.Key("sources").BeginArray();
  for (const auto& s : r.sources) WriteSource(w, s);
  w.EndArray();
  w.Key("suggestions").BeginArray();
  for (const auto& s : r.suggestions) w.String(s);
  w.EndArray();
  w.Key("text").String(r.text);
  w.Key("type").String(dialogue::ReplyTypeName(r.type));
  w.EndObject();
  return out;
}

}  // namespace faqbot::server
