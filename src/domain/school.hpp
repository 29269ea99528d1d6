// Schools (établissements) from the official directory, and communes: plain values shared by all layers.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelles::domain {

struct School {
  long long id = 0;
  std::string uai;
  std::string name;
  std::string kind;  // college | lycee_general | lycee_technologique | lycee_professionnel | lycee_polyvalent | lycee |
                     // erea | post_bac
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

// French label of a school kind ("Collège", "Lycée professionnel"…); the kind itself when unknown.
std::string school_kind_label(const std::string& kind);
// Every kind, in display order.
const std::vector<std::string>& school_kinds();

// Tracks (voies) a lycée offers; stored in School::voies as "generale,technologique,professionnelle".
struct SchoolTracks {
  bool general = false;
  bool technological = false;
  bool vocational = false;
  bool any() const { return general || technological || vocational; }
};
std::string voies_string(const SchoolTracks& t);
SchoolTracks tracks_from_voies(const std::string& voies);

// Kind of a school from the directory's columns, "" when out of scope (écoles, services, médico-social, CIO…).
// `type` is Type_etablissement ("Collège", "Lycée", "EREA"; may be empty or absent), `nature` the nature label
// (libelle_nature, nature_uai_libe: "LYCEE PROFESSIONNEL", "ECOLES COMPOSEES UNIQT DE STS ET OU CPGE"…, or one
// of our kind labels, so that an export reads back as it was). For a lycée the tracks decide when any is given
// (vocational with general or technological = polyvalent), otherwise the nature label does.
std::string school_kind_from(std::string_view type, std::string_view nature, const SchoolTracks& tracks);

// Equal when both are absent or within 1e-9 degree (well under a millimetre): a coordinate's trip through a
// database engine's text or binary format never reads as a change.
bool same_coordinate(const std::optional<double>& a, const std::optional<double>& b);

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
