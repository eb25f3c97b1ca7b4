#include "common/json_writer.h"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

namespace faqbot::json_text {
namespace {

using nlohmann::json;

std::string Str(std::string_view s) {
  std::string out;
  AppendString(&out, s);
  return out;
}

std::string Num(double d) {
  std::string out;
  AppendDouble(&out, d);
  return out;
}

TEST(JsonWriterTest, EscapesLikeNlohmann) {
  EXPECT_EQ(Str("a\"b\\c/d"), R"("a\"b\\c/d")");
  EXPECT_EQ(Str("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(Str(std::string("\0\x1f", 2)), R"("\u0000\u001f")");
  EXPECT_EQ(Str("caf\u00e9 \U0001F9B4\x7f"), "\"caf\u00e9 \U0001F9B4\x7f\"");
  for (int c = 0; c < 0x80; ++c) {
    std::string s = {'x', static_cast<char>(c), 'y'};
    EXPECT_EQ(Str(s), json(s).dump()) << "byte " << c;
  }
}

TEST(JsonWriterTest, NumbersLikeNlohmann) {
  EXPECT_EQ(Num(0.87), "0.87");
  EXPECT_EQ(Num(1.0), "1.0");
  EXPECT_EQ(Num(1e-7), "1e-07");
  EXPECT_EQ(Num(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(Num(-std::numeric_limits<double>::infinity()), "null");
  for (double d : {0.0, -0.0, 0.5, 0.123456789, 1e15, 1e16, 1e21, 123456.789, -2.5e-300,
                   std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min()}) {
    EXPECT_EQ(Num(d), json(d).dump()) << d;
  }
}

TEST(JsonWriterTest, RandomDoublesLikeNlohmann) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> unit(0, 1);
  for (int i = 0; i < 20000; ++i) {
    uint64_t bits = rng();
    double any;
    std::memcpy(&any, &bits, sizeof any);
    for (double d : {any, unit(rng), std::round(unit(rng) * 1e6) / 1000}) {
      ASSERT_EQ(Num(d), json(d).dump()) << d;
    }
  }
}

TEST(JsonWriterTest, WritesNestedValuesWithCommas) {
  std::string out;
  Writer w(&out);
  w.BeginObject();
  w.Key("a").BeginArray().Int(-3).Double(2).Null().BeginObject().EndObject().EndArray();
  w.Key("b").StringOrNull("").Key("c").StringOrNull("x").Key("d").BeginArray().EndArray();
  w.EndObject();
  json expected = {
      {"a", {-3, 2.0, nullptr, json::object()}}, {"b", nullptr}, {"c", "x"}, {"d", json::array()}};
  EXPECT_EQ(out, expected.dump());
}

}  // namespace
}  // namespace faqbot::json_text
