// Queries on the ROME job reference (filled by import_rome).
#pragma once
#include <string>
#include <vector>

#include "domain/rome.hpp"
#include "store/store.hpp"

namespace passerelles::store {

// Job titles containing every folded word of `query` ("technicienne maintenance" finds "Technicien /
// Technicienne de maintenance…"), ordered by title; empty for an empty query.
std::vector<domain::RomeTitle> rome_titles_matching(Store& s, const std::string& query, int limit = 20);

}  // namespace passerelles::store
