// SQL for media (photos, uploaded videos): bytes in 1 MiB base64 chunks, read back chunk by chunk for ranges.
#include "store/media.hpp"

#include <algorithm>

#include "store/accounts.hpp"
#include "store/bytes.hpp"
#include "store/row.hpp"

namespace passerelles::store {

using soci::into;
using soci::use;

long long insert_media_in(soci::session& sql, long long territory_id, const std::string& content_type,
                          const std::string& bytes, int width, int height) {
  long long id = 0, size = static_cast<long long>(bytes.size()), now = now_unix();
  std::string digest = detail::sha256_hex(bytes);
  sql << "INSERT INTO media (territory_id, content_type, size, width, height, sha256, created_at) "
         "VALUES (:t, :ct, :sz, :w, :h, :d, :now) RETURNING id",
      use(territory_id), use(content_type), use(size), use(width), use(height), use(digest), use(now), into(id);
  int seq = 0;
  std::string data;
  soci::statement st = (sql.prepare << "INSERT INTO media_chunks (media_id, seq, data) VALUES (:m, :s, :d)", use(id),
                        use(seq), use(data));
  for (std::size_t at = 0; at < bytes.size(); at += kMediaChunkBytes, ++seq) {
    data = detail::to_base64(bytes.substr(at, kMediaChunkBytes));
    st.execute(true);
  }
  return id;
}

long long insert_media(Store& s, long long territory_id, const std::string& content_type, const std::string& bytes,
                       int width, int height) {
  return s.write(
      [&](soci::session& sql) { return insert_media_in(sql, territory_id, content_type, bytes, width, height); });
}

std::optional<MediaInfo> media_info(Store& s, long long id) {
  return s.read([&](soci::session& sql) -> std::optional<MediaInfo> {
    soci::row r;
    sql << "SELECT id, territory_id, content_type, size, width, height, sha256, created_at FROM media WHERE id = :id",
        use(id), into(r);
    if (!sql.got_data()) return std::nullopt;
    MediaInfo m;
    m.id = col_ll(r, 0);
    m.territory_id = col_ll(r, 1);
    m.content_type = col_str(r, 2);
    m.size = col_ll(r, 3);
    m.width = col_int(r, 4);
    m.height = col_int(r, 5);
    m.sha256 = col_str(r, 6);
    m.created_at = col_ll(r, 7);
    return m;
  });
}

std::string media_range(Store& s, long long id, long long first, long long last) {
  return s.read([&](soci::session& sql) {
    long long size = 0;
    sql << "SELECT size FROM media WHERE id = :id", use(id), into(size);
    if (!sql.got_data()) return std::string();
    first = std::max(first, 0LL);
    last = std::min(last, size - 1);
    if (first > last) return std::string();
    const auto chunk = static_cast<long long>(kMediaChunkBytes);
    long long from_seq = first / chunk, to_seq = last / chunk;
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(last - first + 1));
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT seq, data FROM media_chunks WHERE media_id = :id AND seq >= :a AND seq <= :b "
                        "ORDER BY seq",
         use(id), use(from_seq), use(to_seq));
    for (const auto& r : rs) {
      long long seq = col_ll(r, 0);
      std::string data = detail::from_base64(col_str(r, 1));
      long long start = seq * chunk;  // offset of data[0] in the whole media
      long long lo = std::max(first, start) - start,
                hi = std::min(last, start + static_cast<long long>(data.size()) - 1) - start;
      if (lo <= hi) bytes.append(data, static_cast<std::size_t>(lo), static_cast<std::size_t>(hi - lo + 1));
    }
    return bytes;
  });
}

void delete_media_in(soci::session& sql, long long id) {
  sql << "DELETE FROM media_chunks WHERE media_id = :id", use(id);
  sql << "DELETE FROM media WHERE id = :id", use(id);
}

}  // namespace passerelles::store
