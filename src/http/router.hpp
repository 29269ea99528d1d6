// Maps (method, path pattern) to a handler; patterns use {name} for one path segment.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace passerelles::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  void add(const std::string& method, const std::string& pattern, Handler h);
  void get(const std::string& p, Handler h) { add("GET", p, std::move(h)); }
  void post(const std::string& p, Handler h) { add("POST", p, std::move(h)); }

  enum class Match { found, not_found, method_not_allowed };
  // Fills req.params on success. HEAD matches GET routes.
  Match match(Request& req, const Handler** out) const;

  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace passerelles::http
