// Schools (établissements) from the official directory, and communes: plain values shared by all layers.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace passerelles::domain {

struct School {
  long long id = 0;
  std::string uai;
  std::string name;
  std::string kind;  // college | lycee_general | lycee_technologique | lycee_professionnel | lycee_polyvalent | lycee | erea | post_bac
  std::string sector;  // public | private | ''
  std::string address;
  std::string postal_code;
  std::string commune_insee;
  std::string commune_name;
  std::string department;  // 3 characters: '035'
  std::string academy;
  std::string region;
  std::optional<double> lat, lon;
  std::string priority_education;  // '', 'REP', 'REP+'
  int pupils = 0;
  std::string phone, email, website;
  std::string voies;
  std::string source;
};

// French label of a school kind ("Collège", "Lycée professionnel"…).
std::string school_kind_label(const std::string& kind);

struct Commune {
  std::string insee;
  std::string name;
  std::string department;
  std::string region;
  int population = 0;
  std::optional<double> lat, lon;
  std::vector<std::string> postal_codes;
};

}  // namespace passerelles::domain
