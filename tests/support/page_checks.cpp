// Checks on the HTML pages the HTTP tests fetch (see the header).
#include "support/page_checks.hpp"

#include <gtest/gtest.h>

#include <map>
#include <regex>

namespace passerelles::fixture {

namespace {

const std::regex kIdAttribute(R"re(\bid="([^"]+)")re");

// No two elements share an id (pages repeat blocks, such as the dashboard's charts).
void expect_unique_ids(const std::string& html, const std::string& what) {
  std::map<std::string, int> ids;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kIdAttribute); it != std::sregex_iterator(); ++it)
    EXPECT_EQ(++ids[(*it)[1].str()], 1) << what << ": duplicate id " << (*it)[1].str();
}

}  // namespace

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

long long id_from_location(const std::string& location) {
  std::smatch m;
  static const std::regex re(R"(/(\d+)(\?.*)?$)");
  return std::regex_search(location, m, re) ? std::stoll(m[1].str()) : 0;
}

void expect_accessible(const std::string& html, const std::string& what) {
  static const std::regex control(R"re(<(input|select|textarea)\b[^>]*>)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), control); it != std::sregex_iterator(); ++it) {
    std::string tag = it->str();
    if (contains(tag, "type=\"hidden\"")) continue;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(tag, m, kIdAttribute)) << what << ": control without id: " << tag;
    EXPECT_TRUE(contains(html, "<label for=\"" + m[1].str() + "\"")) << what << ": no label for " << m[1].str();
  }
  EXPECT_FALSE(contains(html, " style=")) << what;
  EXPECT_FALSE(contains(html, "<script>")) << what;
  static const std::regex heading(R"(<h([1-6])\b)");
  int previous = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), heading); it != std::sregex_iterator(); ++it) {
    int level = std::stoi((*it)[1].str());
    EXPECT_LE(level, previous + 1) << what << ": heading h" << level << " after h" << previous;
    previous = level;
  }
  static const std::regex table_without_caption(R"(<table>(?!\s*<caption))");
  EXPECT_FALSE(std::regex_search(html, table_without_caption)) << what << ": table without caption";
  expect_unique_ids(html, what);
}

}  // namespace passerelles::fixture
