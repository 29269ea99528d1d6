// `passerelles import portraits`: a campaign's CSV (one portrait per line) and its folder of photos. Each line is
// checked whole (fields, consents, photo) before anything of it is written, so a bad line leaves no trace. Photos,
// which take most of the time, are processed on a few threads before the lines are written in file order.
#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <thread>

#include "domain/csv.hpp"
#include "domain/text.hpp"
#include "media/image.hpp"
#include "store/accounts.hpp"
#include "store/portraits.hpp"

namespace passerelles::store {

namespace {

using Col = std::optional<std::size_t>;

const std::vector<std::string> kDefaultConsents = {"name", "photo", "job",    "employer",
                                                   "path", "quote", "cliche", "video"};

// French words a spreadsheet may use for the consent codes.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kConsentWords = {{{"nom", "name"},
                                                                                         {"prenom", "name"},
                                                                                         {"metier", "job"},
                                                                                         {"employeur", "employer"},
                                                                                         {"parcours", "path"},
                                                                                         {"citation", "quote"},
                                                                                         {"videos", "video"},
                                                                                         {"cliches", "cliche"}}};

struct Columns {
  Col first_name, last_name, job, domain, employer, commune, level, path, quote, cliche, video, photo, consents,
      published;
  explicit Columns(const domain::CsvReader& csv)
      : first_name(csv.column({"prenom", "first_name", "first name"})),
        last_name(csv.column({"nom", "last_name", "last name"})),
        job(csv.column({"metier", "job_title", "job", "poste"})),
        domain(csv.column({"domaine", "domain"})),
        employer(csv.column({"employeur", "employer", "entreprise"})),
        commune(csv.column({"commune", "commune_insee"})),
        level(csv.column({"niveau", "diploma_level", "niveau de diplome"})),
        path(csv.column({"parcours", "path"})),
        quote(csv.column({"citation", "quote"})),
        cliche(csv.column({"cliche", "le cliche que je casse"})),
        video(csv.column({"video", "video_url", "lien video"})),
        photo(csv.column({"photo", "fichier photo"})),
        consents(csv.column({"consentement", "consentements", "consents"})),
        published(csv.column({"publie", "published", "publication"})) {}
};

// The domain code from a code or a label, case and accents ignored; "" when the cell is empty; nullopt when unknown.
std::optional<std::string> domain_code(const std::string& cell) {
  std::string f = domain::fold(cell);
  if (f.empty()) return std::string();
  for (const auto& c : domain::collective_domains())
    if (f == c.code || f == domain::fold(c.label)) return std::string(c.code);
  return std::nullopt;
}

std::string domain_codes_hint() {
  std::string s;
  for (const auto& c : domain::collective_domains()) s += (s.empty() ? "" : ", ") + std::string(c.code);
  return s;
}

// Consent codes from « name photo job » or « nom, métier ; citation »; the empty cell gives the default list.
std::optional<std::vector<std::string>> consent_codes(const std::string& cell, std::string& unknown) {
  std::vector<std::string> out;
  std::string word;
  std::string folded = domain::fold(cell) + " ";
  for (char ch : folded) {
    if (ch != ' ' && ch != ',' && ch != ';' && ch != '|') {
      word += ch;
      continue;
    }
    if (word.empty()) continue;
    std::string code = word;
    for (const auto& [fr, c] : kConsentWords)
      if (word == fr) code = c;
    if (!domain::is_choice(domain::consent_fields(), code)) {
      unknown = word;
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
    word.clear();
  }
  if (domain::trim(cell).empty()) return kDefaultConsents;
  return out;
}

std::optional<bool> yes_no(const std::string& cell) {
  std::string f = domain::fold(cell);
  if (f.empty() || f == "oui" || f == "o" || f == "1" || f == "x" || f == "yes" || f == "true") return true;
  if (f == "non" || f == "n" || f == "0" || f == "no" || f == "false") return false;
  return std::nullopt;
}

// « BTS CIM ; DUT GMP » or « BTS CIM | DUT GMP » -> one step per line.
std::string path_lines(const std::string& cell) {
  std::string text = cell;
  for (auto& ch : text)
    if (ch == '|' || ch == ';') ch = '\n';
  std::vector<std::string> steps = domain::split_list(text, '\n');
  return domain::join(steps, "\n");
}

// INSEE code as given, or the commune of that name (in the territory's départements first, then the most
// populated); "" when not found.
std::string commune_insee(Store& s, const std::vector<std::string>& departments, const std::string& cell) {
  std::string v = domain::trim(cell);
  if (v.empty()) return {};
  bool code = v.size() == 5;
  for (char ch : v) code = code && (std::isdigit(static_cast<unsigned char>(ch)) || ch == 'A' || ch == 'B');
  return s.read([&](soci::session& sql) {
    std::string found;
    soci::row r;
    std::string query = code ? "SELECT insee, department FROM communes WHERE insee = :v"
                             : "SELECT insee, department FROM communes WHERE search = :v ORDER BY population DESC";
    std::string key = code ? v : domain::fold(v);
    soci::statement st = (sql.prepare << query, soci::use(key), soci::into(r));
    st.execute();
    while (st.fetch()) {
      std::string insee = r.get<std::string>(0), dep = r.get<std::string>(1);
      if (found.empty()) found = insee;
      std::string dep3 = dep.size() == 2 ? "0" + dep : dep;
      if (std::find(departments.begin(), departments.end(), dep3) != departments.end()) return insee;
    }
    return found;
  });
}

// A portrait already imported: same campaign, first and last name and job.
long long existing_portrait(Store& s, const domain::Portrait& p) {
  return s.read([&](soci::session& sql) {
    long long id = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT id FROM portraits WHERE territory_id = :t AND campaign_id = :c AND first_name = :f AND "
           "last_name = :l AND job_title = :j ORDER BY id",
        soci::into(id, ind), soci::use(p.territory_id), soci::use(p.campaign_id), soci::use(p.first_name),
        soci::use(p.last_name), soci::use(p.job_title);
    return sql.got_data() && ind == soci::i_ok ? id : 0LL;
  });
}

// The photo file named in the cell, read from `dir` and processed; `error` says why it was refused.
std::vector<PhotoVariantBytes> load_photo(const std::string& dir, const std::string& name, std::string& error) {
  namespace fs = std::filesystem;
  fs::path file(name);
  if (file.has_parent_path() || name == "." || name == "..") {
    error = "photo « " + name + " » : donnez le nom du fichier seul, sans dossier";
    return {};
  }
  if (dir.empty()) {
    error = "photo « " + name + " » : aucun dossier de photos n’est indiqué (--photos)";
    return {};
  }
  fs::path full = fs::path(dir) / file;
  std::ifstream in(full, std::ios::binary);
  std::error_code ec;
  if (!in || fs::is_directory(full, ec)) {
    error = "photo « " + name + " » introuvable dans le dossier " + dir;
    return {};
  }
  // One byte over the limit is enough for process_photo to refuse a file too large, without reading all of it.
  const std::size_t cap = media::ImageLimits{}.max_bytes + 1;
  std::string bytes(cap, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(cap));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  media::ProcessedImage img = media::process_photo(bytes);
  if (!img.error.empty()) {
    error = "photo « " + name + " » refusée : " + img.error;
    return {};
  }
  return photo_variants(img);
}

std::string first_error(const domain::Errors& e) {
  static const std::vector<std::pair<std::string, std::string>> labels = {
      {"first_name", "prénom"},    {"last_name", "nom"},      {"job_title", "métier"},     {"domain", "domaine"},
      {"diploma_level", "niveau"}, {"employer", "employeur"}, {"path", "parcours"},        {"quote", "citation"},
      {"cliche", "cliché"},        {"video_url", "vidéo"},    {"consents", "consentement"}};
  for (const auto& [field, label] : labels)
    if (auto it = e.find(field); it != e.end()) return label + " : " + it->second;
  return e.empty() ? std::string() : e.begin()->first + " : " + e.begin()->second;
}

// The year a campaign name ends with (« Femmes et Microtechniques 2019 » -> 2019), or 0.
int year_of(const std::string& name) {
  std::string t = domain::trim(name);
  if (t.size() < 4) return 0;
  std::string tail = t.substr(t.size() - 4);
  if (!std::all_of(tail.begin(), tail.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return 0;
  if (t.size() > 4 && std::isdigit(static_cast<unsigned char>(t[t.size() - 5]))) return 0;
  int y = std::stoi(tail);
  return y >= 1950 && y <= 2100 ? y : 0;
}

// One data line on its way: parsed and checked, then its photo processed, then written.
struct Line {
  std::size_t number = 0;
  domain::Portrait portrait;
  bool publish = true;
  std::string photo_name;
  std::vector<PhotoVariantBytes> photo;
  std::string error;  // French reason when the line is rejected
};

// Reads one record into `line` (line.error says why it is rejected).
void parse_line(Store& s, const Columns& cols, const std::vector<std::string>& departments,
                const domain::CsvRecord& rec, Line& line) {
  line.number = rec.line;
  if (!rec.error.empty()) {
    line.error = rec.error;
    return;
  }
  auto get = [&](const Col& c) { return c && *c < rec.fields.size() ? domain::trim(rec.fields[*c]) : std::string(); };
  domain::Portrait& p = line.portrait;
  p.first_name = get(cols.first_name);
  p.last_name = get(cols.last_name);
  p.job_title = get(cols.job);
  if (p.job_title.empty()) {
    line.error = "métier manquant";
    return;
  }
  auto dom = domain_code(get(cols.domain));
  if (!dom) {
    line.error = "domaine inconnu « " + get(cols.domain) + " » (attendu : " + domain_codes_hint() + ")";
    return;
  }
  p.domain = *dom;
  p.employer = get(cols.employer);
  if (std::string c = get(cols.commune); !c.empty()) {
    p.commune_insee = commune_insee(s, departments, c);
    if (p.commune_insee.empty()) {
      line.error = "commune inconnue « " + c + " » (nom ou code INSEE)";
      return;
    }
  }
  if (std::string lv = get(cols.level); !lv.empty()) {
    std::string digits;
    for (char ch : lv)
      if (std::isdigit(static_cast<unsigned char>(ch))) digits += ch;
    auto n = domain::parse_integer(digits);
    if (!n || digits.size() != 1) {
      line.error = "niveau de diplôme « " + lv + " » invalide (un chiffre de 3 à 8)";
      return;
    }
    p.diploma_level = *n;
  }
  p.path = path_lines(get(cols.path));
  p.quote = get(cols.quote);
  p.cliche = get(cols.cliche);
  p.video_url = get(cols.video);
  std::string unknown;
  auto consents = consent_codes(get(cols.consents), unknown);
  if (!consents) {
    line.error = "consentement inconnu « " + unknown +
                 " » (attendu : name, photo, job, employer, path, quote, cliche, video, commune)";
    return;
  }
  p.consents = *consents;
  auto publish = yes_no(get(cols.published));
  if (!publish) {
    line.error = "colonne publie : « " + get(cols.published) + " » n’est ni oui ni non";
    return;
  }
  line.publish = *publish;
  if (line.publish && !p.consents_to("job")) {
    line.error = "publication impossible sans le consentement « job » (métier) : ajoutez-le ou mettez publie à non";
    return;
  }
  if (auto errors = domain::validate_portrait(p); !errors.empty()) {
    line.error = first_error(errors);
    return;
  }
  line.photo_name = get(cols.photo);
}

// The photos of the lines still accepted, processed on a few threads (process_photo is thread-safe and takes
// most of an import's time); a refused photo rejects its line.
void process_photos(std::vector<Line>& lines, const std::string& photos_dir) {
  std::vector<Line*> todo;
  for (auto& l : lines)
    if (l.error.empty() && !l.photo_name.empty()) todo.push_back(&l);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < todo.size(); i = next++) {
      std::string error;
      todo[i]->photo = load_photo(photos_dir, todo[i]->photo_name, error);
      todo[i]->error = error;
    }
  };
  std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  threads = std::min(threads, todo.size());
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

// Inserts or updates the line's portrait, sets the wanted publication state and its photo.
void write_line(Store& s, long long territory_id, Line& line, const Author& by, PortraitImportReport& rep) {
  domain::Portrait& p = line.portrait;
  long long id = existing_portrait(s, p);
  if (id) {
    p.id = id;
    auto saved = update_portrait(s, p, by);
    if (!saved.ok()) {
      line.error = first_error(saved.errors);
      return;
    }
    ++rep.updated;
  } else {
    p.status = line.publish ? "published" : "draft";
    auto saved = insert_portrait(s, p, by);
    if (!saved.ok()) {
      line.error = first_error(saved.errors);
      return;
    }
    id = saved.id;
    ++rep.created;
  }
  // The wanted publication state, whatever the portrait's was (a re-import may publish or withdraw it).
  auto current = portrait_by_id(s, territory_id, id);
  std::string status = current ? current->status : "";
  if (line.publish && status != "published") set_portrait_status(s, territory_id, id, "published", by);
  if (!line.publish && status == "published") set_portrait_status(s, territory_id, id, "unpublished", by);
  if (!line.photo.empty() && set_portrait_photo(s, territory_id, id, line.photo)) ++rep.photos;
}

}  // namespace

PortraitImportReport import_portraits_csv(Store& s, long long territory_id, const std::string& campaign,
                                          const std::string& csv_text, const std::string& photos_dir,
                                          const Author& by) {
  PortraitImportReport rep;
  domain::CsvReader csv(csv_text);
  const Columns cols(csv);
  if (csv.header().empty()) {
    rep.error = "le fichier est vide";
    return rep;
  }
  if (!cols.job) {
    rep.error = "colonne du métier introuvable (metier ou job_title) : la première ligne doit nommer les colonnes";
    return rep;
  }
  if (!cols.first_name) {
    rep.error = "colonne du prénom introuvable (prenom ou first_name)";
    return rep;
  }
  if (domain::trim(campaign).empty()) {
    rep.error = "nom de campagne manquant (--campaign)";
    return rep;
  }
  auto territory = territory_by_id(s, territory_id);
  if (!territory) {
    rep.error = "territoire inconnu";
    return rep;
  }
  const long long campaign_id = campaign_named(s, territory_id, domain::trim(campaign), year_of(campaign));

  std::vector<Line> lines;
  domain::CsvRecord rec;
  while (csv.next(rec)) {
    Line& line = lines.emplace_back();
    line.portrait.territory_id = territory_id;
    line.portrait.campaign_id = campaign_id;
    parse_line(s, cols, territory->departments, rec, line);
  }
  process_photos(lines, photos_dir);
  for (auto& line : lines)
    if (line.error.empty()) write_line(s, territory_id, line, by, rep);
  for (const auto& line : lines) {
    if (line.error.empty()) continue;
    ++rep.rejected;
    rep.errors.push_back("ligne " + std::to_string(line.number) + " : " + line.error);
  }
  return rep;
}

}  // namespace passerelles::store
