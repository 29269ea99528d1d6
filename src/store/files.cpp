// Uploaded files kept in the database: type decided from the content, size limit, base64 storage, audit.
#include "store/files.hpp"

#include <algorithm>

#include "domain/text.hpp"
#include "media/image.hpp"
#include "store/accounts.hpp"
#include "store/bytes.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using soci::into;
using soci::use;

using detail::from_base64;
using detail::sha256_hex;
using detail::to_base64;

namespace {

constexpr std::size_t kMaxNameChars = 150;

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::string_view(s).substr(0, prefix.size()) == prefix;
}

// The last path component, without control characters, quotes, separators or invalid UTF-8, at most
// kMaxNameChars characters; "fichier" when nothing is left. Safe inside Content-Disposition's quotes.
std::string safe_name(const std::string& name) {
  std::string base = name;
  if (auto p = base.find_last_of("/\\"); p != std::string::npos) base = base.substr(p + 1);
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < base.size() && chars < kMaxNameChars;) {
    unsigned char c = static_cast<unsigned char>(base[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > base.size() || !domain::valid_utf8(std::string_view(base).substr(i, len))) {
      out += '_';
      ++i;
    } else if (len == 1 && (c < 0x20 || c == 0x7F || c == '"' || c == ';' || c == '%' || c == '*' || c == '?' ||
                            c == '<' || c == '>' || c == '|' || c == ':')) {
      out += '_';
      ++i;
    } else {
      out.append(base, i, len);
      i += len;
    }
    ++chars;
  }
  out = domain::trim(out);
  while (!out.empty() && out.front() == '.') out.erase(0, 1);
  return out.empty() ? std::string("fichier") : out;
}

std::string type_label(const std::string& content_type) {
  if (content_type == "application/pdf") return "PDF";
  if (content_type == "image/jpeg") return "JPEG";
  if (content_type == "image/png") return "PNG";
  if (content_type == "image/webp") return "WebP";
  return content_type;
}

std::string accepted_labels(const std::vector<std::string>& accepted) {
  std::string out;
  for (std::size_t i = 0; i < accepted.size(); ++i) {
    if (i > 0) out += i + 1 == accepted.size() ? " ou " : ", ";
    out += type_label(accepted[i]);
  }
  return out;
}

}  // namespace

std::string sniff_content_type(const std::string& bytes) {
  if (starts_with(bytes, "%PDF-")) return "application/pdf";
  return std::string(media::image_content_type(bytes));
}

FileResult store_file(Store& s, long long territory_id, const std::string& name, const std::string& bytes,
                      const std::vector<std::string>& accepted, const std::string& field, const Author& by) {
  FileResult r;
  if (territory_id <= 0) {
    r.errors[field] = "Choisissez d’abord un territoire : un fichier appartient toujours à un territoire.";
    return r;
  }
  if (bytes.empty()) {
    r.errors[field] = "Le fichier est vide : choisissez un autre fichier.";
    return r;
  }
  if (static_cast<long long>(bytes.size()) > kMaxFileBytes) {
    r.errors[field] =
        "Le fichier dépasse la taille maximale de " + std::to_string(kMaxFileBytes / (1024 * 1024)) + " Mo.";
    return r;
  }
  std::string type = sniff_content_type(bytes);
  if (type.empty() || std::find(accepted.begin(), accepted.end(), type) == accepted.end()) {
    r.errors[field] = "Ce type de fichier n’est pas accepté : choisissez un fichier " + accepted_labels(accepted) + ".";
    return r;
  }
  std::string clean = safe_name(name), digest = sha256_hex(bytes), content = to_base64(bytes);
  long long size = static_cast<long long>(bytes.size()), now = now_unix();
  long long uid = by.user_id;
  soci::indicator ui = detail::null_if_zero(uid);
  r.id = s.write([&](soci::session& sql) {
    long long id = 0;
    sql << "INSERT INTO files (territory_id, name, content_type, size, sha256, content, created_by, created_at) "
           "VALUES (:t, :n, :ct, :sz, :h, :c, :u, :at) RETURNING id",
        use(territory_id), use(clean), use(type), use(size), use(digest), use(content), use(uid, ui), use(now),
        into(id);
    audit(sql, territory_id, by.user_id, by.label, "create", "file", id, clean);
    return id;
  });
  return r;
}

std::optional<StoredFile> file_by_id(Store& s, long long territory_id, long long id, bool with_content) {
  return s.read([&](soci::session& sql) -> std::optional<StoredFile> {
    soci::row r;
    sql << std::string("SELECT id, territory_id, name, content_type, size, sha256, created_at") +
               (with_content ? ", content" : "") + " FROM files WHERE territory_id = :t AND id = :id",
        use(territory_id), use(id), into(r);
    if (!sql.got_data()) return std::nullopt;
    StoredFile f;
    f.id = col_ll(r, 0);
    f.territory_id = col_ll(r, 1);
    f.name = col_str(r, 2);
    f.content_type = col_str(r, 3);
    f.size = col_ll(r, 4);
    f.sha256 = col_str(r, 5);
    f.created_at = col_ll(r, 6);
    if (with_content) f.content = from_base64(col_str(r, 7));
    return f;
  });
}

}  // namespace passerelles::store
