// Test fixture helpers for the channel adapters: the real HttpServer on a free
// port with the chat, channel and OpenAPI routes and the auth and CORS
// middleware (wired as main() wires them), its own session store so tests can
// prove a refused request reached no engine, a captured log, and what a
// rendering must carry. Not thread-safe.
#pragma once

#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "dialogue/engine.h"
#include "server/channels/channel_routes.h"
#include "server/config.h"
#include "server/http_server.h"
#include "tests/server/channels/vectors.h"
#include "tests/support/test_support.h"

namespace faqbot::server::testing {

// A config for tests: any free port, test-sized limits.
ServerConfig TestConfig();

class ChannelServer {
 public:
  // `loaded` false leaves the engine without an index (not ready); `extra`
  // routes are added after the others.
  explicit ChannelServer(ServerConfig config, channels::ChannelOptions options = {},
                         bool loaded = true, std::vector<Route> extra = {});
  ~ChannelServer();

  httplib::Client& client() { return *client_; }
  int port() const { return server_->port(); }
  const HttpServer& http() const { return *server_; }
  dialogue::Engine& engine() { return *engine_; }
  // Conversations the engine has answered in.
  size_t sessions() const { return sessions_->size(); }
  std::string log() const { return log_.str(); }

  // What the engine says to `message` in a fresh session of its own: the
  // reference a channel's rendering is compared with.
  dialogue::Reply Reference(const std::string& message);

 private:
  std::ostringstream log_;
  std::shared_ptr<dialogue::SessionStore> sessions_;
  std::unique_ptr<dialogue::Engine> engine_;
  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<httplib::Client> client_;
  int references_ = 0;
};

// Percent-encodes everything but unreserved characters, as form bodies are.
std::string FormEncode(const std::string& s);

// Everything of `reply` a text rendering must carry, the suggestions aside:
// the text's paragraphs, every safety contact's name, phone, URL and note,
// every source's title and URL, the disclaimer, and every referral's name
// and URL.
std::vector<std::string> ReplyPieces(const dialogue::Reply& reply);

// Messages whose replies from the real engine between them have sources,
// a disclaimer, referrals, suggestions and safety contacts.
// ExpectVariedReplies checks that they still do.
std::vector<std::string> VariedMessages();
void ExpectVariedReplies(ChannelServer* server);

// A reply of `type` with every field set -- contacts with phone, URL and
// note, two sources from one page, referrals, suggestions, and characters
// that need escaping -- for renderings that must not depend on what the
// engine happens to say today.
dialogue::Reply FullReply(dialogue::ReplyType type);

// The reply types whose renderings differ: answer, clarify, emergency, crisis.
std::vector<dialogue::ReplyType> RenderedTypes();

// Expects every ReplyPieces piece of `reply` in `rendered`.
void ExpectCarries(const std::string& rendered, const dialogue::Reply& reply);

}  // namespace faqbot::server::testing
