// Route matching by exact segments and {param} placeholders, in the order routes were added.
#include "http/router.hpp"

namespace passerelles::http {

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    auto j = path.find('/', i);
    out.push_back(path.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) break;
    i = j;
  }
  return out;
}

}  // namespace

void Router::add(const std::string& method, const std::string& pattern, Handler h) {
  routes_.push_back({method, pattern, split_path(pattern), std::move(h)});
}

Router::Match Router::match(Request& req, const Handler** out) const {
  auto segs = split_path(req.path);
  bool path_matched = false;
  const std::string& method = req.method == "HEAD" ? std::string("GET") : req.method;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; i < segs.size() && ok; ++i) {
      const auto& s = r.segments[i];
      if (s.size() > 2 && s.front() == '{' && s.back() == '}')
        params[s.substr(1, s.size() - 2)] = segs[i];
      else
        ok = s == segs[i];
    }
    if (!ok) continue;
    path_matched = true;
    if (r.method != method) continue;
    req.params = std::move(params);
    *out = &r.handler;
    return Match::found;
  }
  return path_matched ? Match::method_not_allowed : Match::not_found;
}

}  // namespace passerelles::http
