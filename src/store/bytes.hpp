// Bytes kept in text columns: base64 (standard alphabet, padded) and the SHA-256 used as content digest and ETag.
// Internal to src/store/ (files, media).
#pragma once
#include <string>

namespace passerelles::store::detail {

std::string to_base64(const std::string& bytes);
// Throws std::runtime_error when `text` is not valid base64 (a corrupt row).
std::string from_base64(const std::string& text);
// Lower-case hex, 64 characters.
std::string sha256_hex(const std::string& bytes);

}  // namespace passerelles::store::detail
