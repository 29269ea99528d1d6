// Queries on the ROME job reference (filled by import_rome).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/rome.hpp"
#include "store/store.hpp"

namespace passerelles::store {

// Job titles containing every folded word of `query` ("technicienne maintenance" finds "Technicien /
// Technicienne de maintenance…"), ordered by title; empty for an empty query.
std::vector<domain::RomeTitle> rome_titles_matching(Store& s, const std::string& query, int limit = 20);

// The ROME title that `job_title` names exactly, case and accents ignored (a job typed from the datalist);
// nullopt otherwise, and for text that is not valid UTF-8.
std::optional<domain::RomeTitle> rome_title_exact(Store& s, const std::string& job_title);

}  // namespace passerelles::store
