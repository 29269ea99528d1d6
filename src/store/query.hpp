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

// "%word%" for `LIKE :p ESCAPE '\'`, with the word's own %, _ and \ matched literally.
std::string like_pattern(const std::string& word);

// " AND <column> LIKE :qN ESCAPE '\'" for each folded word of `query`, its patterns appended to `params`.
std::string like_all_words(const std::string& column, const std::string& query, std::vector<std::string>& params);

}  // namespace passerelles::store
