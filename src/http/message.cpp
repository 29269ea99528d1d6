// Request accessors (headers, cookies, query, form), response builders and URL/UTF-8 helpers.
#include "http/message.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "http/multipart.hpp"

namespace passerelles::http {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string url_decode(std::string_view s, bool plus_as_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+' && plus_as_space) {
      out += ' ';
    } else if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string url_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::multimap<std::string, std::string> parse_form(std::string_view s) {
  std::multimap<std::string, std::string> out;
  while (!s.empty()) {
    auto amp = s.find('&');
    std::string_view pair = s.substr(0, amp);
    s = amp == std::string_view::npos ? std::string_view() : s.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    std::string key = url_decode(pair.substr(0, eq));
    std::string value = eq == std::string_view::npos ? std::string() : url_decode(pair.substr(eq + 1));
    out.emplace(std::move(key), std::move(value));
  }
  return out;
}

std::string Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return {};
}

std::string Request::cookie(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (!iequals(k, "cookie")) continue;
    std::string_view rest = v;
    while (!rest.empty()) {
      auto semi = rest.find(';');
      std::string_view part = rest.substr(0, semi);
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      auto eq = part.find('=');
      if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
    }
  }
  return {};
}

const std::multimap<std::string, std::string>& Request::query_map() const {
  if (!query_cache_) query_cache_ = parse_form(query_string);
  return *query_cache_;
}

const std::multimap<std::string, std::string>& Request::form_map() const {
  if (!form_cache_) {
    std::string ct = header("content-type");
    form_cache_.emplace();
    if (ct.rfind("application/x-www-form-urlencoded", 0) == 0) {
      form_cache_ = parse_form(body);
    } else if (auto parts = parse_multipart(ct, body)) {
      for (auto& p : *parts)  // plain fields only; files are read with parse_multipart by their handler
        if (p.filename.empty()) form_cache_->emplace(p.name, p.data);
    }
  }
  return *form_cache_;
}

std::string Request::query(std::string_view name) const {
  auto it = query_map().find(std::string(name));
  return it == query_map().end() ? std::string() : it->second;
}

std::vector<std::string> Request::query_all(std::string_view name) const {
  std::vector<std::string> out;
  auto [a, b] = query_map().equal_range(std::string(name));
  for (auto it = a; it != b; ++it) out.push_back(it->second);
  return out;
}

std::string Request::form(std::string_view name) const {
  auto it = form_map().find(std::string(name));
  return it == form_map().end() ? std::string() : it->second;
}

std::vector<std::string> Request::form_all(std::string_view name) const {
  std::vector<std::string> out;
  auto [a, b] = form_map().equal_range(std::string(name));
  for (auto it = a; it != b; ++it) out.push_back(it->second);
  return out;
}

bool Request::accepts_gzip() const {
  std::string ae = header("accept-encoding");
  return ae.find("gzip") != std::string::npos;
}

long long Request::param_id(std::string_view name) const {
  auto it = params.find(std::string(name));
  if (it == params.end()) return 0;
  long long v = 0;
  auto [p, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
  if (ec != std::errc() || p != it->second.data() + it->second.size() || v <= 0) return 0;
  return v;
}

Response Response::html(std::string body, int status) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response Response::text(std::string body, int status) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

Response Response::json(std::string body, int status) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = std::move(body);
  return r;
}

Response Response::redirect(const std::string& location, int status) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.headers.emplace_back("Location", location);
  return r;
}

std::string set_cookie(const std::string& name, const std::string& value, int max_age_seconds, bool secure,
                       bool http_only) {
  std::string c = name + "=" + value + "; Path=/; SameSite=Lax";
  if (max_age_seconds >= 0) c += "; Max-Age=" + std::to_string(max_age_seconds);
  if (http_only) c += "; HttpOnly";
  if (secure) c += "; Secure";
  return c;
}

const char* reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "";
  }
}

}  // namespace passerelles::http
