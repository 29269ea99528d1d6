// The school directory written out: CSV that `import schools` reads back unchanged, or JSON.
#pragma once
#include <ostream>
#include <vector>

#include "domain/school.hpp"

namespace passerelles::report {

// UTF-8 with a BOM (spreadsheets then read the accents right), ';' separators, CRLF, and the field names of the
// geolocation export where it has the field (numero_uai, appellation_officielle, nature_uai_libe, latitude…),
// otherwise those of the annuaire (Nombre_d_eleves, Voie_generale…). Re-importing the file changes nothing.
void write_schools_csv(std::ostream& out, const std::vector<domain::School>& schools);

// An array of objects with the English field names of domain::School, plus kind_label.
void write_schools_json(std::ostream& out, const std::vector<domain::School>& schools);

}  // namespace passerelles::report
