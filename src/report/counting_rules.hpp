// The counting rules in French: one text shown at /regles-de-comptage, in the annex of the funder report and
// in the "Règles" sheet of the XLSX export. docs/counting.md is the English reference; keep both in step.
#pragma once
#include <string>
#include <vector>

namespace passerelles::report {

struct CountingRule {
  std::string title;
  std::vector<std::string> paragraphs;  // plain text (no markup)
  std::string anchor = "";              // HTML id of its section on /regles-de-comptage ("" = none)
};

const std::vector<CountingRule>& counting_rules();

}  // namespace passerelles::report
