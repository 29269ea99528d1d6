// multipart/form-data bodies (file uploads): parts with their field name, file name, type and bytes.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelles::http {

struct Part {
  std::string name;      // form field name
  std::string filename;  // "" for plain fields
  std::string content_type;
  std::string data;
};

// Parses `body` given the request's Content-Type; nullopt when it is not multipart or is malformed.
std::optional<std::vector<Part>> parse_multipart(std::string_view content_type, std::string_view body);

}  // namespace passerelles::http
