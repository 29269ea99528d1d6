// A strict multipart/form-data reader (RFC 7578): boundary from the header, CRLF-delimited part headers.
#include "http/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace passerelles::http {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value of `key="…"` or `key=…` in a header parameter list.
std::string param(std::string_view header, std::string_view key) {
  std::string h = lower(header);
  std::string k = std::string(key) + "=";
  std::size_t p = 0;
  while ((p = h.find(k, p)) != std::string::npos) {
    if (p == 0 || h[p - 1] == ';' || h[p - 1] == ' ') break;
    p += k.size();
  }
  if (p == std::string::npos) return {};
  p += k.size();
  if (p < header.size() && header[p] == '"') {
    auto end = header.find('"', p + 1);
    if (end == std::string_view::npos) return {};
    return std::string(header.substr(p + 1, end - p - 1));
  }
  auto end = header.find(';', p);
  std::string v(header.substr(p, end == std::string_view::npos ? std::string_view::npos : end - p));
  while (!v.empty() && v.back() == ' ') v.pop_back();
  return v;
}

}  // namespace

std::optional<std::vector<Part>> parse_multipart(std::string_view content_type, std::string_view body) {
  if (lower(content_type).rfind("multipart/form-data", 0) != 0) return std::nullopt;
  std::string boundary = param(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200) return std::nullopt;
  const std::string delim = "--" + boundary;
  std::vector<Part> parts;
  std::size_t pos = body.find(delim);
  if (pos == std::string_view::npos) return std::nullopt;
  for (;;) {
    pos += delim.size();
    if (body.substr(pos, 2) == "--") return parts;  // closing delimiter
    if (body.substr(pos, 2) != "\r\n") return std::nullopt;
    pos += 2;
    auto header_end = body.find("\r\n\r\n", pos);
    if (header_end == std::string_view::npos) return std::nullopt;
    Part part;
    std::string_view headers = body.substr(pos, header_end - pos);
    while (!headers.empty()) {
      auto eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      auto colon = line.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      std::string name = lower(line.substr(0, colon));
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      if (name == "content-disposition") {
        part.name = param(value, "name");
        part.filename = param(value, "filename");
      } else if (name == "content-type") {
        part.content_type = std::string(value);
      }
    }
    std::size_t data_start = header_end + 4;
    auto next = body.find("\r\n" + delim, data_start);
    if (next == std::string_view::npos) return std::nullopt;
    part.data = std::string(body.substr(data_start, next - data_start));
    parts.push_back(std::move(part));
    pos = next + 2;
  }
}

}  // namespace passerelles::http
