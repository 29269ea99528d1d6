// Queries assembled at run time: a variable number of bound text parameters, and LIKE patterns for folded search.
#pragma once
#include <soci/soci.h>

#include <functional>
#include <string>
#include <vector>

namespace passerelles::store {

// Runs `query`, binding its placeholders in order to `params`, and calls f(row) for each result row.
void for_each_row(soci::session& sql, const std::string& query, const std::vector<std::string>& params,
                  const std::function<void(const soci::row&)>& f);

// Prepares and runs `query` on `st`, whose parameters are already exchanged; true when a row came back.
bool run_statement(soci::statement& st, const std::string& query);

// Runs `query` on `st` (parameters already exchanged), fetching each result row into `r` and calling f(r). `r` must
// be declared before `st`, so that it outlives the statement that fills it.
void fetch_rows(soci::statement& st, soci::row& r, const std::string& query,
                const std::function<void(const soci::row&)>& f);

// "%word%" for `LIKE :p ESCAPE '\'`, with the word's own %, _ and \ matched literally.
std::string like_pattern(const std::string& word);

// " AND <column> LIKE :qN ESCAPE '\'" for each folded word of `query`, its patterns appended to `params`.
std::string like_all_words(const std::string& column, const std::string& query, std::vector<std::string>& params);

}  // namespace passerelles::store
