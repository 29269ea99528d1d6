// Run-time query helpers shared by the store's search functions.
#include "store/query.hpp"

#include "domain/text.hpp"

namespace passerelles::store {

void for_each_row(soci::session& sql, const std::string& query, const std::vector<std::string>& params,
                  const std::function<void(const soci::row&)>& f) {
  soci::row r;
  soci::statement st(sql);
  for (const auto& p : params) st.exchange(soci::use(p));
  fetch_rows(st, r, query, f);
}

bool run_statement(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  return st.execute(true);
}

void fetch_rows(soci::statement& st, soci::row& r, const std::string& query,
                const std::function<void(const soci::row&)>& f) {
  st.exchange(soci::into(r));
  if (!run_statement(st, query)) return;
  do f(r);
  while (st.fetch());
}

std::string like_pattern(const std::string& word) {
  std::string out = "%";
  for (char c : word) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

std::string like_all_words(const std::string& column, const std::string& query, std::vector<std::string>& params) {
  std::string where;
  for (const auto& word : domain::split_list(domain::fold(query), ' ')) {
    where += " AND " + column + " LIKE :q" + std::to_string(params.size()) + " ESCAPE '\\'";
    params.push_back(like_pattern(word));
  }
  return where;
}

}  // namespace passerelles::store
