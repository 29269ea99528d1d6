// School export as CSV (round-trips through the importer) and JSON.
#include "report/school_export.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "domain/csv.hpp"

namespace passerelles::report {

namespace {

// Shortest text that reads back as the same double.
std::string number(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *v);
  return ec == std::errc() ? std::string(buf, end) : "";
}

std::string sector_label(const std::string& sector) {
  if (sector == "public") return "Public";
  if (sector == "private") return "Privé";
  return "";
}

}  // namespace

void write_schools_csv(std::ostream& out, const std::vector<domain::School>& schools) {
  static const char* header[] = {"numero_uai",
                                 "appellation_officielle",
                                 "nature_uai_libe",
                                 "secteur_public_prive_libe",
                                 "adresse_uai",
                                 "code_postal_uai",
                                 "code_commune",
                                 "libelle_commune",
                                 "code_departement",
                                 "libelle_academie",
                                 "libelle_region",
                                 "latitude",
                                 "longitude",
                                 "Appartenance_Education_Prioritaire",
                                 "Nombre_d_eleves",
                                 "Telephone",
                                 "Mail",
                                 "Web",
                                 "Voie_generale",
                                 "Voie_technologique",
                                 "Voie_professionnelle"};
  auto line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? ";" : "") << domain::csv_quote(fields[i], ';');
    out << "\r\n";
  };
  out << "\xEF\xBB\xBF";
  line(std::vector<std::string>(std::begin(header), std::end(header)));
  for (const auto& s : schools) {
    auto t = domain::tracks_from_voies(s.voies);
    line({s.uai,
          s.name,
          domain::school_kind_label(s.kind),
          sector_label(s.sector),
          s.address,
          s.postal_code,
          s.commune_insee,
          s.commune_name,
          s.department,
          s.academy,
          s.region,
          number(s.lat),
          number(s.lon),
          s.priority_education,
          s.pupils ? std::to_string(s.pupils) : "",
          s.phone,
          s.email,
          s.website,
          t.general ? "1" : "0",
          t.technological ? "1" : "0",
          t.vocational ? "1" : "0"});
  }
}

void write_schools_json(std::ostream& out, const std::vector<domain::School>& schools) {
  auto all = nlohmann::ordered_json::array();
  for (const auto& s : schools) {
    nlohmann::ordered_json j;
    j["uai"] = s.uai;
    j["name"] = s.name;
    j["kind"] = s.kind;
    j["kind_label"] = domain::school_kind_label(s.kind);
    j["sector"] = s.sector;
    j["address"] = s.address;
    j["postal_code"] = s.postal_code;
    j["commune_insee"] = s.commune_insee;
    j["commune_name"] = s.commune_name;
    j["department"] = s.department;
    j["academy"] = s.academy;
    j["region"] = s.region;
    j["lat"] = s.lat ? nlohmann::ordered_json(*s.lat) : nlohmann::ordered_json(nullptr);
    j["lon"] = s.lon ? nlohmann::ordered_json(*s.lon) : nlohmann::ordered_json(nullptr);
    j["priority_education"] = s.priority_education;
    j["pupils"] = s.pupils;
    j["phone"] = s.phone;
    j["email"] = s.email;
    j["website"] = s.website;
    j["voies"] = s.voies;
    all.push_back(std::move(j));
  }
  out << all.dump(1) << "\n";
}

}  // namespace passerelles::report
