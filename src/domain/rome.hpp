// The ROME job reference (France Travail): codes, job titles (appellations) and professional domains.
#pragma once
#include <string>

namespace passerelles::domain {

struct RomeTitle {
  std::string ogr;         // the title's own code
  std::string code;        // ROME code, e.g. 'I1304'
  std::string title;       // "Technicien / Technicienne de maintenance industrielle"
  std::string code_title;  // the ROME code's label
};

}  // namespace passerelles::domain
