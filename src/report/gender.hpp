// Context for the dashboard and the funder report: the share of girls in STI2D (1re and Tle) in an académie and
// nationally, from data_dir/gender/part-filles-sti2d-par-academie-2019-2021.csv (DEPP/MENJ open data).
#pragma once
#include <optional>
#include <string>

#include "domain/account.hpp"
#include "store/store.hpp"

namespace passerelles::report {

struct Sti2dShare {
  std::string academy;  // as the file writes it ("BESANCON", "NORMANDIE")
  int year = 0;         // rentrée scolaire of the académie's figure (the latest the file has for it)
  long long pupils = 0, girls = 0;
  double share = 0;  // girls / pupils, in [0,1]
  int national_year = 0;
  long long national_pupils = 0, national_girls = 0;
  double national_share = 0;
};

// The latest figure of the académie named `academy` (case, accents and punctuation ignored; Caen and Rouen,
// merged in 2020, also match Normandie), with the national figure of the same year (the file's TOTAL row, else
// the sum of its académies). nullopt when the file is absent or unreadable, or the académie is not in it.
// The file is read once per data folder.
std::optional<Sti2dShare> sti2d_girls_share(const std::string& data_dir, const std::string& academy);

// The académie of a territory: its own (territories.academy), else the one most of its schools belong to.
std::string territory_academy(store::Store& s, const domain::Territory& t);

}  // namespace passerelles::report
