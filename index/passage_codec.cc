// @brief Passage <-> stored JSON.
#include "index/passage_codec.h"

#include <nlohmann/json.hpp>

namespace faqbot::index {

std::string EncodePassage(const Passage& p) {
  nlohmann::json j = {{"id", p.id},
                      {"doc_id", p.doc_id},
                      {"doc_title", p.doc_title},
                      {"publisher", p.publisher},
                      {"url", p.url},
                      {"topic", p.topic},
                      {"heading_path", p.heading_path},
                      {"kind", KindName(p.kind)},
                      {"text", p.text},
                      {"order", p.order}};
  return j.dump();
}

Result<Passage> DecodePassage(const std::string& data) {
  try {
    auto j = nlohmann::json::parse(data);
    Passage p;
    p.id = j.at("id").get<std::string>();
    p.doc_id = j.at("doc_id").get<std::string>();
    p.doc_title = j.at("doc_title").get<std::string>();
    p.publisher = j.at("publisher").get<std::string>();
    p.url = j.at("url").get<std::string>();
    p.topic = j.value("topic", "");
    p.heading_path = j.at("heading_path").get<std::vector<std::string>>();
    p.kind = KindFromName(j.at("kind").get<std::string>());
    p.text = j.at("text").get<std::string>();
    p.order = j.value("order", 0);
    return p;
  } catch (const nlohmann::json::exception& e) {
    return Status::Internal(std::string("stored passage is corrupt: ") + e.what());
  }
}

}  // namespace faqbot::index
