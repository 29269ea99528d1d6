// Form helpers shared by the pages (see the header).
#include "web/form_support.hpp"

#include <algorithm>
#include <charconv>
#include <functional>

namespace passerelles::web {

void set_text(Data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) d.set(key, value);
}

Data field(const std::string& value, const domain::Errors& e, const std::string& name) {
  Data f;
  set_text(f, "value", value);
  if (auto it = e.find(name); it != e.end()) f.set("error", it->second);
  return f;
}

void set_error(Data& d, const domain::Errors& e, const std::string& name) {
  if (auto it = e.find(name); it != e.end()) d.set(name + "_error", it->second);
}

void set_error_summary(Data& d, const domain::Errors& e, const std::string& id_prefix, const FieldLabels& labels,
                       const std::string& heading) {
  List list;
  for (const auto& l : labels) {
    auto it = e.find(l.name);
    if (it == e.end()) continue;
    Data item;
    item.set("id", id_prefix + (l.anchor.empty() ? l.name : l.anchor));
    item.set("label", l.label);
    item.set("message", it->second);
    list.push_back(item);
  }
  d.set("has_errors", !e.empty());
  d.set("errors_heading", heading);
  d.set("error_list", list);
}

namespace {

List choices_marked(std::span<const domain::Choice> choices, const char* mark,
                    const std::function<bool(std::string_view)>& marked) {
  List out;
  for (const auto& ch : choices) {
    Data item;
    item.set("code", std::string(ch.code));
    item.set("label", std::string(ch.label));
    item.set(mark, marked(ch.code));
    out.push_back(item);
  }
  return out;
}

}  // namespace

List choice_list(std::span<const domain::Choice> choices, const std::string& selected) {
  return choices_marked(choices, "selected", [&](std::string_view code) { return code == selected; });
}

List checkbox_list(std::span<const domain::Choice> choices, const std::vector<std::string>& checked) {
  return choices_marked(choices, "checked", [&](std::string_view code) {
    return std::find(checked.begin(), checked.end(), code) != checked.end();
  });
}

int parse_int(const std::string& s, int fallback) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() ? v : fallback;
}

long long parse_id(const std::string& s) {
  if (s.empty()) return 0;
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() && v > 0 ? v : -1;
}

}  // namespace passerelles::web
