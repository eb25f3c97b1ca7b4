// Writes compact JSON text straight into a std::string, with no tree in
// between, byte for byte as nlohmann::json::dump() would write the same
// values. Callers emit object keys in dump()'s order (sorted, as std::map
// keeps them) and pass well-formed UTF-8. One writer per string; not
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace faqbot::json_text {

// Appends `s` as a quoted JSON string, escaped like dump(): \" \\ \b \f \n \r
// \t, other control characters as \u00xx, everything else (UTF-8, '/')
// verbatim.
void AppendString(std::string* out, std::string_view s);

// Appends `d` in dump()'s shortest round-trip form ("0.87", "1.0", "1e-07");
// NaN and infinities as null.
void AppendDouble(std::string* out, double d);

class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}

  Writer& BeginObject();
  Writer& EndObject();
  Writer& BeginArray();
  Writer& EndArray();
  Writer& Key(std::string_view key);

  Writer& String(std::string_view s);
  Writer& StringOrNull(std::string_view s);  // null when empty
  Writer& Double(double d);
  Writer& Int(int64_t i);
  Writer& Null();

 private:
  // Writes the comma owed by the previous element, if any.
  void Separate();
  void Open(char bracket);
  void Close(char bracket);

  std::string* out_;
  bool need_comma_ = false;
};

}  // namespace faqbot::json_text
