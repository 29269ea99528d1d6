// School import: column discovery by name, per-line validation, batched upserts by UAI.
#include "store/school_import.hpp"

#include <chrono>
#include <iterator>
#include <optional>
#include <unordered_map>

#include "domain/account.hpp"
#include "domain/csv.hpp"
#include "domain/school.hpp"
#include "domain/text.hpp"
#include "domain/validation.hpp"
#include "store/schools.hpp"

namespace passerelles::store {

namespace {

constexpr std::size_t kBatchRows = 500;

using Col = std::optional<std::size_t>;

// Where each field is in the file. The names cover the annuaire (2023 and 2026), the geolocation export with
// field names or with French labels, and our export (report/school_export.cpp writes these names).
struct Columns {
  Col uai, name, type, nature, sector, address, postal_code, commune_insee, commune_name, department, academy, region,
      lat, lon, priority, pupils, phone, email, website, general, technological, vocational;

  explicit Columns(const domain::CsvReader& csv)
      : uai(csv.column({"Identifiant_de_l_etablissement", "numero_uai", "Code établissement", "Numéro d'UAI", "UAI"})),
        name(csv.column({"Nom_etablissement", "appellation_officielle", "Nom de l'établissement"})),
        type(csv.column({"Type_etablissement"})),
        nature(csv.column(
            {"libelle_nature", "nature_uai_libe", "Nature", "Libellé nature", "Libellé de la nature de l'UAI"})),
        sector(csv.column({"Statut_public_prive", "secteur_public_prive_libe", "Secteur Public/Privé", "Secteur"})),
        address(csv.column({"Adresse_1", "adresse_uai", "Adresse"})),
        postal_code(csv.column({"Code_postal", "code_postal_uai", "Adresse : code postal"})),
        commune_insee(csv.column({"Code_commune"})),
        commune_name(csv.column({"Nom_commune", "libelle_commune", "Commune", "Libellé de la commune"})),
        department(csv.column({"Code_departement"})),
        academy(csv.column({"Libelle_academie", "Académie"})),
        region(csv.column({"Libelle_region", "Région"})),
        lat(csv.column({"latitude", "Latitude WGS84"})),
        lon(csv.column({"longitude", "Longitude WGS84"})),
        priority(csv.column({"Appartenance_Education_Prioritaire", "Éducation prioritaire"})),
        pupils(csv.column({"Nombre_d_eleves"})),
        phone(csv.column({"Telephone"})),
        email(csv.column({"Mail"})),
        website(csv.column({"Web", "Site web"})),
        general(csv.column({"Voie_generale"})),
        technological(csv.column({"Voie_technologique"})),
        vocational(csv.column({"Voie_professionnelle"})) {}

  // The optional fields this file provides (see school_field).
  unsigned fields() const {
    namespace f = school_field;
    unsigned m = 0;
    for (auto [col, bit] : {std::pair{sector, f::sector},
                            {address, f::address},
                            {postal_code, f::postal_code},
                            {commune_insee, f::commune_insee},
                            {commune_name, f::commune_name},
                            {department, f::department},
                            {academy, f::academy},
                            {region, f::region},
                            {priority, f::priority_education},
                            {pupils, f::pupils},
                            {phone, f::phone},
                            {email, f::email},
                            {website, f::website}})
      if (col) m |= bit;
    if (lat && lon) m |= f::coordinates;
    if (general || technological || vocational) m |= f::voies;
    return m;
  }

  // French message naming the missing required column, or "".
  std::string missing() const {
    if (!uai) return "colonne de l’UAI introuvable (Identifiant_de_l_etablissement, numero_uai ou Code établissement)";
    if (!name)
      return "colonne du nom introuvable (Nom_etablissement, appellation_officielle ou Appellation officielle)";
    if (!type && !nature) return "colonne du type d’établissement introuvable (Type_etablissement ou nature_uai_libe)";
    if (lat.has_value() != lon.has_value()) return "colonne latitude ou longitude manquante (il faut les deux)";
    return "";
  }
};

bool is_yes(const std::string& v) {
  std::string f = domain::fold(v);
  return f == "1" || f == "oui" || f == "o" || f == "true" || f == "x";
}

std::string sector_of(const std::string& v) {
  std::string f = domain::fold(v);
  if (f.rfind("public", 0) == 0) return "public";
  if (f.rfind("priv", 0) == 0) return "private";
  return "";
}

std::string priority_of(const std::string& v) {
  std::string f;
  for (char c : domain::fold(v))
    if (c != ' ') f += c;
  if (f == "rep+") return "REP+";
  if (f == "rep") return "REP";
  return "";
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// One data record to a school, or the French reason it is rejected.
struct Parsed {
  domain::School school;
  std::string error;
};

Parsed parse_school(const Columns& c, const std::vector<std::string>& f, const std::string& kind) {
  auto get = [&](const Col& col) { return col ? domain::trim(f[*col]) : std::string(); };
  Parsed p;
  domain::School& s = p.school;
  s.kind = kind;
  s.uai = upper(get(c.uai));
  if (s.uai.empty()) return {s, "UAI manquant"};
  if (!domain::is_valid_uai(s.uai)) return {s, "UAI invalide « " + s.uai + " »"};
  s.name = get(c.name);
  if (s.name.empty()) return {s, "nom de l’établissement manquant (UAI " + s.uai + ")"};
  std::string lat = get(c.lat), lon = get(c.lon);
  if (!lat.empty() || !lon.empty()) {
    auto la = domain::parse_decimal(lat), lo = domain::parse_decimal(lon);
    if (!la || !lo || *la < -90 || *la > 90 || *lo < -180 || *lo > 180)
      return {s, "coordonnées invalides (latitude « " + lat + " », longitude « " + lon + " », UAI " + s.uai + ")"};
    s.lat = la;
    s.lon = lo;
  }
  if (std::string n = get(c.pupils); !n.empty()) {
    auto pupils = domain::parse_integer(n);
    if (!pupils || *pupils < 0) return {s, "nombre d’élèves invalide « " + n + " » (UAI " + s.uai + ")"};
    s.pupils = *pupils;
  }
  s.sector = sector_of(get(c.sector));
  s.address = get(c.address);
  s.postal_code = get(c.postal_code);
  s.commune_insee = get(c.commune_insee);
  s.commune_name = get(c.commune_name);
  if (std::string d = get(c.department); !d.empty()) s.department = domain::department_code3(d);
  s.academy = get(c.academy);
  s.region = get(c.region);
  s.priority_education = priority_of(get(c.priority));
  s.phone = get(c.phone);
  s.email = get(c.email);
  s.website = get(c.website);
  s.voies = domain::voies_string({is_yes(get(c.general)), is_yes(get(c.technological)), is_yes(get(c.vocational))});
  return p;
}

}  // namespace

ImportSummary import_schools(Store& store, std::istream& in, const ProgressFn& progress, const std::string& source) {
  const auto started = std::chrono::steady_clock::now();
  ImportSummary sum;
  domain::CsvReader csv{std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())};
  const Columns cols(csv);
  const std::size_t width = csv.header().size();
  if (width == 0)
    sum.error = "le fichier est vide";
  else
    sum.error = cols.missing();
  if (!sum.ok()) return sum;
  const unsigned fields = cols.fields();

  std::unordered_map<std::string, std::size_t> first_line;  // UAI -> line where it was first read
  std::vector<domain::School> batch;
  auto flush = [&] {
    if (!batch.empty()) {
      struct Counts {
        std::size_t inserted = 0, updated = 0, unchanged = 0;
      };
      Counts n = store.write([&](soci::session& sql) {
        SchoolUpserter upserter(sql);
        Counts c;
        for (const auto& s : batch) switch (upserter.upsert(s, fields)) {
            case UpsertResult::inserted: ++c.inserted; break;
            case UpsertResult::updated: ++c.updated; break;
            case UpsertResult::unchanged: ++c.unchanged; break;
          }
        return c;
      });
      sum.inserted += n.inserted;
      sum.updated += n.updated;
      sum.unchanged += n.unchanged;
      batch.clear();
    }
    if (progress) progress(csv.position(), csv.size());
  };

  domain::CsvRecord rec;
  while (csv.next(rec)) {
    ++sum.rows;
    if (!rec.error.empty()) {
      sum.rejected.push_back({rec.line, rec.error});
      continue;
    }
    bool extra = false;
    for (std::size_t i = width; i < rec.fields.size(); ++i) extra = extra || !domain::trim(rec.fields[i]).empty();
    if (rec.fields.size() < width || extra) {
      sum.rejected.push_back({rec.line, "nombre de champs incorrect (" + std::to_string(rec.fields.size()) +
                                            " au lieu de " + std::to_string(width) + ")"});
      continue;
    }
    auto get = [&](const Col& col) { return col ? domain::trim(rec.fields[*col]) : std::string(); };
    domain::SchoolTracks tracks{is_yes(get(cols.general)), is_yes(get(cols.technological)),
                                is_yes(get(cols.vocational))};
    std::string kind = domain::school_kind_from(get(cols.type), get(cols.nature), tracks);
    if (kind.empty()) {
      ++sum.skipped;
      continue;
    }
    Parsed p = parse_school(cols, rec.fields, kind);
    if (!p.error.empty()) {
      sum.rejected.push_back({rec.line, p.error});
      continue;
    }
    auto [it, fresh] = first_line.emplace(p.school.uai, rec.line);
    if (!fresh) {
      sum.duplicates.push_back({rec.line, "UAI " + p.school.uai + " déjà lue ligne " + std::to_string(it->second) +
                                              " : ligne ignorée (la première est gardée)"});
      continue;
    }
    p.school.source = source;
    batch.push_back(std::move(p.school));
    if (batch.size() >= kBatchRows) flush();
  }
  flush();
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return sum;
}

}  // namespace passerelles::store
