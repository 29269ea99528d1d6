// Secrets for the web layer (libsodium): Argon2id password hashes, random tokens and their hashes.
#pragma once
#include <string>
#include <string_view>

namespace passerelles::http {

// Argon2id at OWASP's minimum (19 MiB, 2 passes): ~0.04 s on the reference machine.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
// A random token of `bytes` bytes, URL-safe base64 without padding.
std::string random_token(std::size_t bytes = 32);
// Hex BLAKE2b-256 of a token: what the database keeps instead of the token.
std::string token_hash(std::string_view token);
// Constant-time comparison.
bool equal_secret(std::string_view a, std::string_view b);

}  // namespace passerelles::http
