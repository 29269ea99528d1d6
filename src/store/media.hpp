// Photos and uploaded videos (table media): stored in 1 MiB chunks so that a range request reads only the chunks
// it sends, on every server of a federation.
#pragma once
#include <optional>
#include <string>

#include "store/store.hpp"

namespace passerelles::store {

struct MediaInfo {
  long long id = 0;
  long long territory_id = 0;
  std::string content_type;
  long long size = 0;
  int width = 0, height = 0;
  std::string sha256;  // hex, also the ETag
  long long created_at = 0;
};

constexpr std::size_t kMediaChunkBytes = std::size_t{1024} * 1024;

// Inserts within the caller's transaction; returns the id.
long long insert_media_in(soci::session& sql, long long territory_id, const std::string& content_type,
                          const std::string& bytes, int width = 0, int height = 0);
long long insert_media(Store& s, long long territory_id, const std::string& content_type, const std::string& bytes,
                       int width = 0, int height = 0);
std::optional<MediaInfo> media_info(Store& s, long long id);
// Bytes [first, last] inclusive (clamped to the size); reads only the chunks needed.
std::string media_range(Store& s, long long id, long long first, long long last);
void delete_media_in(soci::session& sql, long long id);

}  // namespace passerelles::store
