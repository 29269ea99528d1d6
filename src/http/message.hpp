// HTTP request and response values passed to handlers; no Beast types leak past this header.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace passerelles::http {

// Lower-level helpers shared by the router, forms and cookies.
std::string url_decode(std::string_view s, bool plus_as_space = true);
std::string url_encode(std::string_view s);
// Parses "a=1&b=2" (application/x-www-form-urlencoded or a query string); repeated keys keep every value.
std::multimap<std::string, std::string> parse_form(std::string_view s);

struct Request {
  std::string method;
  std::string target;  // as received: path + "?" + query
  std::string path;    // decoded path
  std::string query_string;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string remote_addr;
  std::string request_id;
  std::map<std::string, std::string> params;  // from the route pattern, e.g. {id}
  bool secure = false;                        // HTTPS (directly or via a trusted proxy)

  std::string header(std::string_view name) const;  // "" when absent; name is case-insensitive
  std::string cookie(std::string_view name) const;
  std::string query(std::string_view name) const;  // first value, "" when absent
  std::vector<std::string> query_all(std::string_view name) const;
  std::string form(std::string_view name) const;  // urlencoded body field, "" when absent
  std::vector<std::string> form_all(std::string_view name) const;
  bool is_htmx() const { return !header("hx-request").empty(); }
  bool accepts_gzip() const;
  long long param_id(std::string_view name) const;  // path parameter as a positive id, or 0

  // Per-request values set by middleware (the session, the user…), opaque to the http layer.
  std::map<std::string, std::string> context;

 private:
  mutable std::optional<std::multimap<std::string, std::string>> query_cache_, form_cache_;
  const std::multimap<std::string, std::string>& query_map() const;
  const std::multimap<std::string, std::string>& form_map() const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool compressible = true;

  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  static Response html(std::string body, int status = 200);
  static Response text(std::string body, int status = 200);
  static Response json(std::string body, int status = 200);
  static Response redirect(const std::string& location, int status = 303);
};

// A Set-Cookie value. `secure` adds Secure; names starting with "__Host-" must be secure with Path=/.
std::string set_cookie(const std::string& name, const std::string& value, int max_age_seconds, bool secure,
                       bool http_only = true);

const char* reason_phrase(int status);

}  // namespace passerelles::http
