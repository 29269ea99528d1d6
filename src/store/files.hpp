// Uploaded files kept in the database (table files): signed conventions, evidence photos, attendance sheets.
#pragma once
#include <optional>
#include <string>

#include "domain/validation.hpp"
#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

struct StoredFile {
  long long id = 0;
  long long territory_id = 0;
  std::string name;
  std::string content_type;
  long long size = 0;
  std::string sha256;
  std::string content;  // the bytes (decoded); empty when only the metadata was read
  long long created_at = 0;
};

constexpr long long kMaxFileBytes = 8LL * 1024 * 1024;

// The content type decided from the first bytes: application/pdf, image/jpeg, image/png, image/webp; "" for
// anything else (an executable renamed .pdf is refused).
std::string sniff_content_type(const std::string& bytes);

// Checks and stores. Errors (French, under `field`): empty, too large, a type that is not accepted.
// `accepted` lists content types (e.g. {"application/pdf"}); the name is sanitised for Content-Disposition.
struct FileResult {
  long long id = 0;
  domain::Errors errors;
};
FileResult store_file(Store& s, long long territory_id, const std::string& name, const std::string& bytes,
                      const std::vector<std::string>& accepted, const std::string& field, const Author& by);
std::optional<StoredFile> file_by_id(Store& s, long long territory_id, long long id, bool with_content = true);

}  // namespace passerelles::store
