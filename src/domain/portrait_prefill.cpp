// A member's first portrait, drafted from her profile (see domain/collective.hpp portrait_from_ambassador).
#include <algorithm>

#include "domain/collective.hpp"
#include "domain/text.hpp"

namespace passerelles::domain {

Portrait portrait_from_ambassador(const Ambassador& a) {
  Portrait p;
  p.territory_id = a.territory_id;
  p.ambassador_id = a.id;
  p.first_name = a.first_name;
  p.last_name = a.last_name;
  p.job_title = a.job_title;
  p.rome_code = a.rome_code;
  p.domain = a.domain;
  p.employer = a.employer_name;
  p.commune_insee = a.home_commune_insee;
  p.commune_name = a.home_commune_name;
  p.consents = a.consents;
  std::vector<std::string> lines;
  for (const auto& st : a.path) {
    std::string line = trim(st.diploma);
    if (line.empty()) continue;
    if (st.level >= 3 && st.level <= 8) line += " (niveau " + std::to_string(st.level) + ")";
    if (!trim(st.school).empty()) line += ", " + trim(st.school);
    if (st.year > 0) line += ", " + std::to_string(st.year);
    lines.push_back(line);
    p.diploma_level = std::max(p.diploma_level, st.level >= 3 && st.level <= 8 ? st.level : 0);
  }
  p.path = join(lines, "\n");
  p.status = "draft";
  return p;
}

}  // namespace passerelles::domain
