// A known set of actions for the report and export tests, with the figures counted by hand (docs/counting.md).
#pragma once
#include <string>

#include "store/store.hpp"

namespace passerelles::fixture {

// Territory "cmq-rapport" (départements 025 and 039, three collèges and lycées in the directory), a second
// territory "autre" (062) whose action must never show, two initiatives — "Mentorat" with targets and one named
// like a spreadsheet formula — and actions inside and outside the period 2025-09 … 2026-08:
//   A1 atelier 2025-09-15, Mentorat, school 1: 600 girls, 400 boys, 34 teachers, 120 min  (validated)
//   A2 témoignage 2025-10-02, formula initiative, school 2: 20 girls, 10 boys, 60 min        (validated)
//   A3 atelier 2025-11-05, same group as A1, school 1: 600 girls, 400 boys, 120 min          (validated, no people)
//   A4 visite 2026-01-20, school 3: 15 girls, 5 boys, 2 parents                               (declared only)
//   A5 forum 2026-03-10, no initiative, no school: 7 women in reconversion, 180 min           (validated)
//   A6 atelier 2025-08-20, Mentorat, school 3: 50 girls                                       (before the period)
//   A7 in "autre", 2025-10-10: 999 girls                                                       (other territory)
struct ReportWorld {
  long long territory = 0, other = 0, coordinator = 0, other_coordinator = 0;
  long long mentoring = 0, formula_initiative = 0;
  std::string slug = "cmq-rapport", name = "Campus des métiers de l’industrie — Doubs et Jura";
  std::string formula_name = "=HYPERLINK(\"http://x\")";
  std::string from = "2025-09", to = "2026-08";
  // Counted by hand.
  long long actions = 4, people = 1071, girls = 620, boys = 410, teachers = 34, women_reconversion = 7;
  long long minutes = 480, schools_reached = 2, territory_schools = 3;
  long long people_target = 2000, girls_target = 900;  // 2025: 1 500 people, 900 girls; 2026: 500 people
  std::string highlight = "Atelier robotique : trois classes ont programmé un bras articulé.";
  std::string testimony = "« J’ai envie de faire un bac STI2D. » — une élève de 3e";  // a testimonial
  std::string hidden_highlight = "Ne doit pas apparaître : action seulement déclarée.";
};

// Seeds the world in `s` (a migrated, empty database). Users: coord@rapport.fr (coordinator of cmq-rapport),
// coord@autre.fr (of autre), admin@rapport.fr, viewer@rapport.fr (a funder, read only); password
// "mot-de-passe-de-test".
ReportWorld seed_report_world(store::Store& s);

// Runs a shell command; its exit code and its standard output followed by its standard error.
struct ShellResult {
  int code = -1;
  std::string out;
};
ShellResult shell(const std::string& command);
// Writes `bytes` to a temporary file named *.`extension` (openpyxl wants .xlsx), runs `command` on it — every
// "{}" in the command is the file's quoted path — and removes the file.
ShellResult shell_on_file(const std::string& bytes, const std::string& extension, std::string command);

// "/usr/bin/python3 'SOURCE/tests/tools/NAME'": the checkers run with Debian's Python (openpyxl).
std::string python_tool(const std::string& name);

// Text as pdftotext prints it: the narrow and ordinary no-break spaces of "1 071" become plain spaces.
std::string plain_spaces(std::string text);

}  // namespace passerelles::fixture
