// SQL for the ROME job reference.
#include "store/rome.hpp"

#include "domain/text.hpp"
#include "store/query.hpp"
#include "store/row.hpp"

namespace passerelles::store {

std::vector<domain::RomeTitle> rome_titles_matching(Store& s, const std::string& query, int limit) {
  std::vector<domain::RomeTitle> out;
  if (domain::trim(query).empty()) return out;
  std::vector<std::string> params;
  std::string where = "WHERE 1 = 1" + like_all_words("t.search", query, params);
  return s.read([&](soci::session& sql) {
    for_each_row(sql,
                 "SELECT t.ogr, t.code, t.title, c.title FROM rome_titles t JOIN rome_codes c ON c.code = t.code " +
                     where + " ORDER BY t.title, t.ogr LIMIT " + std::to_string(std::max(1, limit)),
                 params, [&](const soci::row& r) {
                   out.push_back({col_str(r, 0), col_str(r, 1), col_str(r, 2), col_str(r, 3)});
                 });
    return out;
  });
}

std::optional<domain::RomeTitle> rome_title_exact(Store& s, const std::string& job_title) {
  if (job_title.empty() || !domain::valid_utf8(job_title)) return std::nullopt;
  std::string folded = domain::fold(job_title);
  for (const auto& t : rome_titles_matching(s, job_title, 20))
    if (domain::fold(t.title) == folded) return t;
  return std::nullopt;
}

}  // namespace passerelles::store
