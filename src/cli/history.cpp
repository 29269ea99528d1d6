// Synthetic history of actions written in bulk: SOCI vector inserts on SQLite, COPY FROM STDIN on PostgreSQL.
// This is the one place outside store/ that writes SQL: a bulk loader for benchmarks and the demo, which goes
// around the per-action API (one transaction and a dozen statements per action) on purpose, then rebuilds the
// aggregates with store::rebuild_aggregates so that they are exactly what the API would have kept.
//
// Measured on the 2-core development machine, shared with other builds (load average 6–7), 2026-11-27:
//   SQLite, SOCI vector inserts in transactions of 50,000 actions: 5,000,000 actions (15.2 M rows with their
//     schools and classes) in 87 s, 57,000 actions/s (175,000 rows/s); 48 s (105,000 actions/s) at load 3.
//   PostgreSQL, the same SOCI vector inserts: 200,000 actions in 46–54 s, 3,700–4,400 actions/s (one round trip
//     per row); libpq COPY FROM STDIN, same data, same moment: 10.5–11.4 s, 17,600–19,100 actions/s (58,000
//     rows/s), 4.5× faster, hence the raw path. 5,000,000 actions: 246 s (156 s at load 3); the foreign-key checks
//     are about half of the time of COPY into actions (measured with session_replication_role = replica, which
//     needs a superuser: not used).
//
// Ids: each batch takes the next free action ids itself (SQLite: MAX(id) + 1 inside the batch's BEGIN IMMEDIATE
// transaction; PostgreSQL: the larger of nextval and MAX(id) + 1 under a SHARE ROW EXCLUSIVE lock on actions,
// then setval to the last id used), so that follow-ups can point at their group's first action before any row is
// sent, and a concurrent writer can neither take nor be given one of them. action_classes ids come from the
// database.
#include "cli/history.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <deque>
#include <map>
#include <stdexcept>

#include "domain/account.hpp"
#include "domain/action.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/indicators.hpp"
#include "store/row.hpp"

namespace passerelles::cli {

namespace {

using soci::into;
using soci::use;

constexpr std::size_t kBatchActions = 50000;

// ---- deterministic randomness (the same on every platform, unlike std:: distributions) -------------------------

struct Rng {
  std::uint64_t state;
  explicit Rng(std::uint64_t seed) : state(seed * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL) {}
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  long long between(long long lo, long long hi) {                             // [lo, hi]
    return lo + static_cast<long long>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool chance(double p) { return uniform() < p; }
  std::size_t index(std::size_t n) { return static_cast<std::size_t>(next() % n); }  // [0, n), n > 0
  template <class W>
  std::size_t weighted(const W& weights) {  // an index, with probability proportional to its weight
    double total = 0;
    for (double w : weights) total += w;
    double x = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }
};

// ---- calendar -------------------------------------------------------------------------------------------------

long long days_from_civil(int y, int m, int d) {  // days since 1970-01-01 (H. Hinnant's algorithm)
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

struct Civil {
  int y, m, d;
};

Civil civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + static_cast<int>(era) * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {y + (m <= 2), m, d};
}

std::string iso_day(long long days) {
  Civil c = civil_from_days(days);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
  return buf;
}

long long parse_day(const std::string& day) {
  return days_from_civil(std::stoi(day.substr(0, 4)), std::stoi(day.substr(5, 2)), std::stoi(day.substr(8, 2)));
}

// The days of the history with the weight of each: school-year seasonality (few actions in July and August, none
// at Christmas), weekdays, and networks that grow over the years.
struct Calendar {
  long long first = 0, last = 0;  // days since the epoch
  std::vector<double> cumulative;

  Calendar(long long first_day, long long last_day) : first(first_day), last(last_day) {
    static constexpr std::array<double, 12> kMonth = {10, 10, 13, 10, 10, 7, 1.2, 0.3, 6, 11, 12, 8};
    double total = 0;
    const double span = static_cast<double>(std::max(1LL, last - first));
    for (long long d = first; d <= last; ++d) {
      Civil c = civil_from_days(d);
      const long long weekday = ((d % 7) + 11) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
      double w = kMonth[static_cast<std::size_t>(c.m - 1)] * (weekday < 5 ? 1.0 : weekday == 5 ? 0.08 : 0.02);
      if ((c.m == 12 && c.d >= 22) || (c.m == 1 && c.d <= 2)) w *= 0.05;
      w *= 0.6 + 0.4 * static_cast<double>(d - first) / span;
      total += w;
      cumulative.push_back(total);
    }
  }
  long long draw(Rng& rng) const {
    double x = rng.uniform() * cumulative.back();
    auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    return first + std::min<long long>(it - cumulative.begin(), last - first);
  }
  double share_of_year(int year) const {  // of the total weight
    long long a = std::max(first, days_from_civil(year, 1, 1)), b = std::min(last, days_from_civil(year, 12, 31));
    if (a > b) return 0;
    double before = a == first ? 0 : cumulative[static_cast<std::size_t>(a - first - 1)];
    return (cumulative[static_cast<std::size_t>(b - first)] - before) / cumulative.back();
  }
};

// ---- what is generated ----------------------------------------------------------------------------------------

enum Kind {
  kTemoignage,
  kVisiteEntreprise,
  kVisiteLabo,
  kVisiteEtablissement,
  kForum,
  kAtelier,
  kJobDating,
  kStage,
  kHuitMars,
  kWebinaire,
  kInterne,
  kAutre,
  kKindCount
};
constexpr std::array<const char*, kKindCount> kKindCodes = {"temoignage_classe",
                                                            "visite_entreprise",
                                                            "visite_laboratoire",
                                                            "visite_etablissement",
                                                            "forum_salon",
                                                            "atelier",
                                                            "job_dating",
                                                            "stage_observation",
                                                            "journee_8_mars",
                                                            "webinaire",
                                                            "action_interne_entreprise",
                                                            "autre"};
constexpr std::array<double, kKindCount> kKindWeights = {40, 16, 4, 6, 6, 9, 2, 5, 0, 3, 3, 2};
// Kinds that take place with a class of a school (a forum: half of the time).
bool with_class(int kind) {
  return kind <= kAtelier || kind == kStage || kind == kHuitMars;
}

std::array<double, kKindCount> kind_weights(const Civil& c) {
  auto w = kKindWeights;
  if (c.m == 3 && c.d <= 15) w[kHuitMars] = 60;  // around 8 March
  if (c.m == 12 || c.m <= 2) w[kStage] *= 3;     // the 3e observation week
  if (c.m >= 1 && c.m <= 3) w[kForum] *= 2;      // job fairs before the orientation choices
  return w;
}

int duration_of(int kind, Rng& r) {
  switch (kind) {
    case kTemoignage: return r.chance(0.7) ? 55 : 110;
    case kVisiteEntreprise:
    case kVisiteLabo:
    case kVisiteEtablissement: return static_cast<int>(r.between(4, 8)) * 30;
    case kForum:
    case kHuitMars: return static_cast<int>(r.between(6, 14)) * 30;
    case kAtelier: return r.chance(0.5) ? 90 : 120;
    case kJobDating: return 180;
    case kStage: return static_cast<int>(r.between(3, 5)) * 7 * 60;
    case kWebinaire: return 60;
    case kInterne: return r.chance(0.5) ? 60 : 120;
    default: return 90;
  }
}

struct School {
  long long id = 0;
  std::string name, kind, department, commune_insee, commune_name;
};

struct ClassPick {
  const char* level = "";
  const char* track = "";
};

ClassPick class_for(const School& s, Rng& r) {
  if (s.kind == "lycee_professionnel" || (s.kind == "lycee_polyvalent" && r.chance(0.4))) {
    static constexpr std::array<const char*, 4> kTracks = {
        "Bac pro MELEC", "Bac pro Technicien en réalisation de produits mécaniques", "Bac pro MSPC",
        "CAP Conducteur d’installations de production"};
    std::size_t t = static_cast<std::size_t>(r.between(0, 3));
    return {t == 3 ? "cap" : "bac_pro", kTracks[t]};
  }
  if (s.kind.rfind("lycee", 0) == 0) {
    static constexpr std::array<const char*, 5> kTracks = {"", "", "STI2D", "STL", "STMG"};
    static constexpr std::array<const char*, 3> kLevels = {"2nde", "1re", "Tle"};
    std::size_t l = static_cast<std::size_t>(r.weighted(std::array<double, 3>{50, 30, 20}));
    return {kLevels[l], l == 0 ? "" : kTracks[static_cast<std::size_t>(r.between(0, 4))]};
  }
  if (s.kind == "post_bac") return {r.chance(0.7) ? "bts" : "but", r.chance(0.5) ? "BTS CIRA" : "BUT GMP"};
  static constexpr std::array<const char*, 4> kLevels = {"6e", "5e", "4e", "3e"};
  std::size_t l = static_cast<std::size_t>(r.weighted(std::array<double, 4>{5, 10, 30, 55}));
  const char* track = "";
  if (l == 3 && r.chance(0.08))
    track = "3e prépa-métiers";
  else if (l >= 2 && r.chance(0.03))
    track = "SEGPA";
  return {kLevels[l], track};
}

// What pupils and participants said (invented, in the words heard in class).
const std::vector<std::string>& pupil_quotes() {
  static const std::vector<std::string> v = {
      "Je croyais que l’usine c’était sale et bruyant ; en fait c’est plus propre que notre cantine.",
      "Je ne savais pas qu’une femme pouvait diriger un atelier de cinquante personnes.",
      "Elle nous a montré la pièce qu’elle fabrique : elle est dans les montres que tout le monde porte.",
      "Maintenant je sais ce que veut dire « technicienne de maintenance », et ça me plaît.",
      "J’ai demandé mon stage de troisième dans son entreprise.",
      "Mes parents pensaient que l’industrie c’était pour les garçons, je vais leur raconter.",
      "On a piloté un robot nous-mêmes, c’était la meilleure heure de la semaine.",
      "Elle a dit qu’elle était nulle en maths au collège et qu’elle est devenue ingénieure quand même.",
      "Je veux faire un bac STI2D, je ne savais même pas que ça existait.",
      "Ça paie bien et on invente des choses, pourquoi personne ne nous l’a dit avant ?",
      "J’ai aimé qu’elle nous parle franchement des remarques qu’elle a entendues et de comment elle y a répondu.",
      "Les machines sont commandées par ordinateur, c’est comme coder un jeu vidéo.",
      "Je pensais être la seule fille intéressée, on était six à lever la main.",
      "Dans le labo on a vu des pièces plus fines qu’un cheveu.",
      "Elle a commencé en apprentissage à seize ans, comme moi l’an prochain.",
  };
  return v;
}

const std::vector<std::string>& adult_quotes() {
  static const std::vector<std::string> v = {
      "J’ai compris que mon expérience d’aide-soignante comptait pour un poste de technicienne de contrôle.",
      "Je m’inscris à la formation de conductrice de ligne dès la rentrée.",
      "Je vais pouvoir conseiller l’industrie aux jeunes femmes que j’accompagne, avec des exemples concrets.",
      "Je n’aurais jamais osé pousser la porte d’une usine sans cette rencontre.",
      "On repart avec des contacts et une date de visite pour notre groupe.",
  };
  return v;
}

// One generated action and its links. `group`: 0 = first session of a group; > 0 = an action already written;
// < 0 = -(1 + its index in the batch being written).
struct GenAction {
  long long territory_id = 0;
  int kind = 0;
  std::string title, day, month, place, commune, department, status, highlight, rejection, search;
  int duration = 0;
  long long initiative = 0, group = 0, declared_by = 0, validated_by = 0, validated_at = 0, created_at = 0;
  std::array<int, domain::kAudienceCount> audience{};
  long long school = 0;
  std::vector<ClassPick> classes;
  std::vector<long long> ambassadors;
  std::vector<std::pair<long long, const char*>> organisations;
};

struct Organisation {
  long long id = 0;
  std::string name;
};

struct TerritoryData {
  long long id = 0;
  std::vector<std::string> departments;
  std::vector<const School*> schools;  // shuffled: the first ones are reached most often
  std::vector<long long> ambassadors;
  long long coordinator = 0;
  std::vector<Organisation> companies, labs, associations;
  std::array<long long, kKindCount> initiative_of_kind{};  // 0 = none
  long long actions = 0;                                   // how many to generate
};

// A recent first session of a group, that a follow-up may join.
struct Leader {
  long long ref = 0;  // as GenAction::group
  long long day = 0;
  const School* school = nullptr;
  std::vector<ClassPick> classes;
  int girls = 0, boys = 0, teachers = 0;
};

// ---- writing --------------------------------------------------------------------------------------------------

void append_copy_field(std::string& out, std::string_view v) {
  for (char c : v) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

// Text COPY rows: fields separated by tabs, \N for NULL (an id of 0 where the column allows NULL).
class CopyRow {
 public:
  explicit CopyRow(std::string& out) : out_(out) {}
  ~CopyRow() { out_ += '\n'; }
  CopyRow(const CopyRow&) = delete;
  CopyRow& operator=(const CopyRow&) = delete;
  CopyRow& num(long long v) {
    sep();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
    return *this;
  }
  CopyRow& id_or_null(long long v) {
    if (v) return num(v);
    sep();
    out_ += "\\N";
    return *this;
  }
  CopyRow& text(std::string_view v) {
    sep();
    append_copy_field(out_, v);
    return *this;
  }

 private:
  void sep() {
    if (!first_) out_ += '\t';
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

void copy_in(soci::session& sql, const std::string& command, const std::string& data) {
  if (data.empty()) return;
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  PGconn* conn = backend->conn_;
  PGresult* res = PQexec(conn, command.c_str());
  bool started = PQresultStatus(res) == PGRES_COPY_IN;
  PQclear(res);
  if (!started) throw std::runtime_error(command + ": " + PQerrorMessage(conn));
  constexpr std::size_t kChunk = 1 << 20;
  bool sent = true;
  for (std::size_t off = 0; off < data.size() && sent; off += kChunk)
    sent = PQputCopyData(conn, data.data() + off, static_cast<int>(std::min(kChunk, data.size() - off))) == 1;
  if (PQputCopyEnd(conn, sent ? nullptr : "send failed") != 1)
    throw std::runtime_error(command + ": " + PQerrorMessage(conn));
  std::string error;
  while (PGresult* r = PQgetResult(conn)) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK && error.empty()) error = PQresultErrorMessage(r);
    PQclear(r);
  }
  if (!error.empty()) throw std::runtime_error(command + ": " + error);
}

long long now_unix() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Takes the next free action ids for `count` rows (see the file comment) and returns the first.
long long reserve_ids(soci::session& sql, bool pg, std::size_t count) {
  long long first = 0;
  if (!pg) {
    sql << "SELECT COALESCE(MAX(id), 0) + 1 FROM actions", into(first);
    return first;
  }
  sql << "LOCK TABLE actions IN SHARE ROW EXCLUSIVE MODE";
  sql << "SELECT GREATEST(nextval(pg_get_serial_sequence('actions', 'id')), (SELECT COALESCE(MAX(id), 0) + 1 FROM "
         "actions))",
      into(first);
  long long last = first + static_cast<long long>(count) - 1, set = 0;
  sql << "SELECT setval(pg_get_serial_sequence('actions', 'id'), :v)", use(last), into(set);
  return first;
}

// Writes one batch in the current transaction; returns the id of its first action.
long long write_batch(soci::session& sql, bool pg, const std::vector<GenAction>& batch, HistoryReport& rep) {
  const long long base = reserve_ids(sql, pg, batch.size());
  auto resolve = [&](long long group) { return group < 0 ? base + (-group - 1) : group; };
  if (pg) {
    std::string a, s, c, am, o;
    a.reserve(batch.size() * 260);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const GenAction& g = batch[i];
      const long long id = base + static_cast<long long>(i);
      {
        CopyRow r(a);
        r.num(id).num(g.territory_id).text(kKindCodes[static_cast<std::size_t>(g.kind)]).text(g.title).text(g.day);
        r.text(g.month).num(g.duration).text(g.place).text(g.commune).text(g.department).id_or_null(g.initiative);
        r.text(g.status).id_or_null(resolve(g.group));
        for (int n : g.audience) r.num(n);
        r.text(g.highlight).text("").text(g.rejection).text(g.search).id_or_null(g.declared_by);
        r.id_or_null(g.validated_by).num(g.validated_at).num(g.created_at).num(std::max(g.created_at, g.validated_at));
      }
      if (g.school) CopyRow(s).num(id).num(g.school);
      for (const auto& k : g.classes) CopyRow(c).num(id).text(k.level).text(k.track);
      for (long long u : g.ambassadors) CopyRow(am).num(id).num(u);
      for (const auto& [org, role] : g.organisations) CopyRow(o).num(id).num(org).text(role);
    }
    copy_in(sql,
            "COPY actions (id, territory_id, kind, title, starts_on, month, duration_minutes, place, commune_insee, "
            "department, initiative_id, status, same_group_as, girls, boys, women_reconversion, teachers, prescribers, "
            "employees, parents, highlight, notes, rejection_reason, search, declared_by, validated_by, validated_at, "
            "created_at, updated_at) FROM STDIN",
            a);
    copy_in(sql, "COPY action_schools (action_id, school_id) FROM STDIN", s);
    copy_in(sql, "COPY action_classes (action_id, level, track) FROM STDIN", c);
    copy_in(sql, "COPY action_ambassadors (action_id, user_id) FROM STDIN", am);
    copy_in(sql, "COPY action_organisations (action_id, organisation_id, role) FROM STDIN", o);
  } else {
    const std::size_t n = batch.size();
    std::vector<long long> id(n), territory(n), initiative(n), group(n), declared(n), validator(n), validated_at(n),
        created(n), updated(n);
    std::vector<soci::indicator> initiative_i(n), group_i(n), declared_i(n), validator_i(n);
    std::vector<std::string> kind(n), title(n), day(n), month(n), place(n), commune(n), department(n), status(n),
        highlight(n), notes(n), rejection(n), search(n);
    std::vector<int> duration(n);
    std::array<std::vector<int>, domain::kAudienceCount> audience;
    for (auto& v : audience) v.resize(n);
    std::vector<long long> s_action, s_school, c_action, am_action, am_user, o_action, o_org;
    std::vector<std::string> c_level, c_track, o_role;
    auto nullable = [](long long v, long long& out, soci::indicator& ind) {
      out = v;
      ind = v ? soci::i_ok : soci::i_null;
    };
    for (std::size_t i = 0; i < n; ++i) {
      const GenAction& g = batch[i];
      id[i] = base + static_cast<long long>(i);
      territory[i] = g.territory_id;
      kind[i] = kKindCodes[static_cast<std::size_t>(g.kind)];
      title[i] = g.title;
      day[i] = g.day;
      month[i] = g.month;
      duration[i] = g.duration;
      place[i] = g.place;
      commune[i] = g.commune;
      department[i] = g.department;
      nullable(g.initiative, initiative[i], initiative_i[i]);
      status[i] = g.status;
      nullable(resolve(g.group), group[i], group_i[i]);
      for (std::size_t k = 0; k < domain::kAudienceCount; ++k) audience[k][i] = g.audience[k];
      highlight[i] = g.highlight;
      rejection[i] = g.rejection;
      search[i] = g.search;
      nullable(g.declared_by, declared[i], declared_i[i]);
      nullable(g.validated_by, validator[i], validator_i[i]);
      validated_at[i] = g.validated_at;
      created[i] = g.created_at;
      updated[i] = std::max(g.created_at, g.validated_at);
      if (g.school) {
        s_action.push_back(id[i]);
        s_school.push_back(g.school);
      }
      for (const auto& k : g.classes) {
        c_action.push_back(id[i]);
        c_level.emplace_back(k.level);
        c_track.emplace_back(k.track);
      }
      for (long long u : g.ambassadors) {
        am_action.push_back(id[i]);
        am_user.push_back(u);
      }
      for (const auto& [org, role] : g.organisations) {
        o_action.push_back(id[i]);
        o_org.push_back(org);
        o_role.emplace_back(role);
      }
    }
    sql << "INSERT INTO actions (id, territory_id, kind, title, starts_on, month, duration_minutes, place, "
           "commune_insee, department, initiative_id, status, same_group_as, girls, boys, women_reconversion, "
           "teachers, prescribers, employees, parents, highlight, notes, rejection_reason, search, declared_by, "
           "validated_by, validated_at, created_at, updated_at) VALUES (:id, :t, :k, :ti, :d, :m, :du, :pl, :c, :dep, "
           ":i, :st, :g, :a0, :a1, :a2, :a3, :a4, :a5, :a6, :h, :n, :r, :q, :db, :vb, :va, :ca, :ua)",
        use(id), use(territory), use(kind), use(title), use(day), use(month), use(duration), use(place), use(commune),
        use(department), use(initiative, initiative_i), use(status), use(group, group_i), use(audience[0]),
        use(audience[1]), use(audience[2]), use(audience[3]), use(audience[4]), use(audience[5]), use(audience[6]),
        use(highlight), use(notes), use(rejection), use(search), use(declared, declared_i), use(validator, validator_i),
        use(validated_at), use(created), use(updated);
    if (!s_action.empty())
      sql << "INSERT INTO action_schools (action_id, school_id) VALUES (:a, :s)", use(s_action), use(s_school);
    if (!c_action.empty())
      sql << "INSERT INTO action_classes (action_id, level, track) VALUES (:a, :l, :t)", use(c_action), use(c_level),
          use(c_track);
    if (!am_action.empty())
      sql << "INSERT INTO action_ambassadors (action_id, user_id) VALUES (:a, :u)", use(am_action), use(am_user);
    if (!o_action.empty())
      sql << "INSERT INTO action_organisations (action_id, organisation_id, role) VALUES (:a, :o, :r)", use(o_action),
          use(o_org), use(o_role);
  }
  rep.actions += static_cast<long long>(batch.size());
  for (const auto& g : batch) {
    rep.school_links += g.school ? 1 : 0;
    rep.classes += static_cast<long long>(g.classes.size());
    rep.ambassador_links += static_cast<long long>(g.ambassadors.size());
    rep.organisation_links += static_cast<long long>(g.organisations.size());
  }
  return base;
}

// ---- territories, schools, people, plan -----------------------------------------------------------------------

const std::vector<std::string>& metropolitan_departments() {
  static const std::vector<std::string> v = [] {
    std::vector<std::string> out;
    for (int i = 1; i <= 95; ++i) {
      if (i == 20) {
        out.emplace_back("02A");
        out.emplace_back("02B");
        continue;
      }
      char buf[16];
      std::snprintf(buf, sizeof buf, "%03d", i);
      out.emplace_back(buf);
    }
    return out;
  }();
  return v;
}

std::vector<long long> bench_territories(store::Store& s, int count) {
  std::vector<long long> ids;
  const auto& deps = metropolitan_departments();
  std::size_t cursor = 0;
  for (int i = 1; i <= count; ++i) {
    char slug[32];
    std::snprintf(slug, sizeof slug, "bench-%03d", i);
    const std::size_t n = 1 + static_cast<std::size_t>((i - 1) % 3);
    domain::Territory t;
    for (std::size_t k = 0; k < n; ++k) t.departments.push_back(deps[(cursor + k) % deps.size()]);
    cursor += n;
    if (auto existing = store::territory_by_slug(s, slug)) {
      ids.push_back(existing->id);
      continue;
    }
    t.slug = slug;
    std::string list;
    for (const auto& d : t.departments) list += (list.empty() ? "" : ", ") + d;
    t.name = "Territoire d’essai " + std::string(slug + 6) + " — départements " + list;
    t.kind = i % 2 ? "cmq" : "industry_territory";
    t.description = "Territoire fictif créé pour les mesures de performance (passerelles generate-history).";
    ids.push_back(store::insert_territory(s, t));
  }
  return ids;
}

std::map<std::string, std::vector<School>> schools_by_department(store::Store& s) {
  std::map<std::string, std::vector<School>> out;
  s.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, name, kind, department, commune_insee, commune_name "
                                                   "FROM schools ORDER BY id");
    for (const auto& r : rows) {
      School sc{store::col_ll(r, 0),  store::col_str(r, 1), store::col_str(r, 2),
                store::col_str(r, 3), store::col_str(r, 4), store::col_str(r, 5)};
      out[sc.department].push_back(std::move(sc));
    }
  });
  return out;
}

void load_people_and_organisations(store::Store& s, TerritoryData& t) {
  s.read([&](soci::session& sql) {
    soci::rowset<soci::row> users = (sql.prepare << "SELECT id, role FROM users WHERE territory_id = :t AND active = 1 "
                                                    "AND role IN ('ambassador', 'coordinator') ORDER BY id",
                                     use(t.id));
    for (const auto& r : users) {
      if (store::col_str(r, 1) == "ambassador")
        t.ambassadors.push_back(store::col_ll(r, 0));
      else if (!t.coordinator)
        t.coordinator = store::col_ll(r, 0);
    }
    soci::rowset<soci::row> orgs =
        (sql.prepare << "SELECT id, kind, name FROM organisations WHERE territory_id = :t AND kind IN ('company', "
                        "'lab', 'association') ORDER BY id",
         use(t.id));
    for (const auto& r : orgs) {
      std::string kind = store::col_str(r, 1);
      auto& list = kind == "company" ? t.companies : kind == "lab" ? t.labs : t.associations;
      list.push_back({store::col_ll(r, 0), store::col_str(r, 2)});
    }
  });
}

// Initiatives of the territory in plan order; the standard names decide which kinds go where.
void attach_initiatives(store::Store& s, TerritoryData& t) {
  std::vector<std::pair<long long, std::string>> list;
  s.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, name FROM initiatives WHERE territory_id = :t ORDER BY position, name, id",
         use(t.id));
    for (const auto& r : rows) list.emplace_back(store::col_ll(r, 0), store::col_str(r, 1));
  });
  t.initiative_of_kind.fill(0);
  if (list.empty()) return;
  const auto& standard = standard_initiatives();
  for (std::size_t k = 0; k < standard.size(); ++k) {
    long long id = 0;
    for (const auto& [iid, name] : list)
      if (name == standard[k].name) id = iid;
    if (!id) id = list[k % list.size()].first;  // the territory's own plan: by position
    for (const auto& code : standard[k].kinds)
      for (std::size_t kind = 0; kind < kKindCount; ++kind)
        if (code == kKindCodes[kind]) t.initiative_of_kind[kind] = id;
  }
}

// Yearly targets, a little above what the history will hold (networks aim high).
void create_plan(store::Store& s, TerritoryData& t, const Calendar& cal, Rng& rng, HistoryReport& rep) {
  const auto& standard = standard_initiatives();
  double total_weight = 0;
  for (double w : kKindWeights) total_weight += w;
  const Civil first = civil_from_days(cal.first), last = civil_from_days(cal.last);
  const long long now = now_unix();
  s.write([&](soci::session& sql) {
    for (std::size_t k = 0; k < standard.size(); ++k) {
      const auto& si = standard[k];
      std::string audiences;
      for (const auto& a : si.audiences) audiences += (audiences.empty() ? "" : ",") + a;
      int position = static_cast<int>(k + 1);
      long long id = 0;
      sql << "INSERT INTO initiatives (territory_id, axis, name, objective, audiences, position, created_at, "
             "updated_at) VALUES (:t, :a, :n, :o, :au, :p, :c, :u) RETURNING id",
          use(t.id), use(si.axis), use(si.name), use(si.objective), use(audiences), use(position), use(now), use(now),
          into(id);
      ++rep.initiatives_created;
      double share = 0;
      for (const auto& code : si.kinds)
        for (std::size_t kind = 0; kind < kKindCount; ++kind)
          if (code == kKindCodes[kind]) share += (kind == kHuitMars ? 2.0 : kKindWeights[kind]) / total_weight;
      std::vector<long long> ids;
      std::vector<int> years;
      std::vector<std::string> indicators;
      std::vector<long long> targets;
      for (int y = first.y; y <= last.y; ++y) {
        const double expected = static_cast<double>(t.actions) * cal.share_of_year(y) * share;
        const long long actions = std::llround(expected * (1.0 + 0.25 * rng.uniform()));
        const long long people = actions * 22, girls = std::llround(static_cast<double>(people) * 0.43);
        const long long schools = std::min<long long>(static_cast<long long>(t.schools.size()),
                                                      std::llround(static_cast<double>(actions) * 0.5));
        for (const auto& [indicator, target] : std::vector<std::pair<const char*, long long>>{
                 {"actions", actions}, {"people_reached", people}, {"girls", girls}, {"schools_reached", schools}}) {
          ids.push_back(id);
          years.push_back(y);
          indicators.emplace_back(indicator);
          targets.push_back(target);
        }
      }
      if (ids.empty()) continue;
      if (sql.get_backend_name() == "postgresql") {  // one round trip instead of one per row
        std::string rows;
        for (std::size_t n = 0; n < ids.size(); ++n)
          CopyRow(rows).num(ids[n]).num(years[n]).text(indicators[n]).num(targets[n]);
        copy_in(sql, "COPY initiative_targets (initiative_id, year, indicator, target) FROM STDIN", rows);
      } else {
        sql << "INSERT INTO initiative_targets (initiative_id, year, indicator, target) VALUES (:i, :y, :n, :t)",
            use(ids), use(years), use(indicators), use(targets);
      }
    }
  });
}

// ---- one action -----------------------------------------------------------------------------------------------

class Generator {
 public:
  Generator(const TerritoryData& t, const HistoryOptions& o, Rng rng) : t_(t), o_(o), rng_(rng) {}

  GenAction make(long long day, long long batch_index) {
    GenAction g;
    g.territory_id = t_.id;
    const Civil c = civil_from_days(day);
    g.day = iso_day(day);
    g.month = g.day.substr(0, 7);
    g.kind = static_cast<int>(rng_.weighted(kind_weights(c)));
    g.duration = duration_of(g.kind, rng_);
    const double u = rng_.uniform();
    g.status = u < o_.rejected_share                       ? "rejected"
               : u < o_.rejected_share + o_.declared_share ? "declared"
                                                           : "validated";
    const bool school_based = !t_.schools.empty() && (with_class(g.kind) || (g.kind == kForum && rng_.chance(0.5)));
    const School* school = nullptr;
    const Leader* leader = school_based ? follow_up_of(day) : nullptr;
    if (leader) {
      school = leader->school;
      g.group = leader->ref;
      g.classes = leader->classes;
      g.audience[0] = std::max(0, leader->girls - static_cast<int>(rng_.between(0, 2)));
      g.audience[1] = std::max(0, leader->boys - static_cast<int>(rng_.between(0, 2)));
      g.audience[3] = leader->teachers;
    } else if (school_based) {
      school = pick_school();
      fill_class_audience(g, *school);
    } else {
      fill_other_audience(g);
    }
    if (school) {
      g.school = school->id;
      g.commune = school->commune_insee;
      g.department = school->department;
      g.place = school->commune_name;
    } else if (!t_.schools.empty()) {
      const School* where = pick_school();  // the event takes place in one of the territory's communes
      g.commune = where->commune_insee;
      g.department = where->department;
      g.place = where->commune_name;
    } else if (!t_.departments.empty()) {
      g.department = t_.departments.front();
    }
    const std::string host = add_organisation(g);
    const std::string commune = g.place;
    if (!host.empty()) g.place = host;
    g.title = title_for(g, host, commune);
    g.search = domain::fold(g.title + " " + g.place + (school ? " " + school->name : std::string()));
    if (rng_.chance(0.95)) g.initiative = t_.initiative_of_kind[static_cast<std::size_t>(g.kind)];
    if (school && !t_.ambassadors.empty() && rng_.chance(o_.ambassador_share)) {
      g.ambassadors.push_back(t_.ambassadors[rng_.index(t_.ambassadors.size())]);
      if (t_.ambassadors.size() > 1 && rng_.chance(0.25)) {
        long long other = t_.ambassadors[rng_.index(t_.ambassadors.size())];
        if (other != g.ambassadors.front()) g.ambassadors.push_back(other);
      }
    }
    if (rng_.chance(0.03)) g.highlight = highlight_for(g);
    g.created_at = day * 86400 + 16LL * 3600 + rng_.between(0, 5LL * 3600);
    g.declared_by = g.ambassadors.empty() ? t_.coordinator : g.ambassadors.front();
    if (g.status == "validated") {
      g.validated_by = t_.coordinator;
      g.validated_at = g.created_at + rng_.between(1, 10) * 86400;
    } else if (g.status == "rejected") {
      static const std::array<const char*, 3> kReasons = {
          "Doublon d’une action déjà déclarée.", "Action hors du territoire du réseau.",
          "Public non concerné par le plan d’actions : à déclarer dans un autre dispositif."};
      g.rejection = kReasons[static_cast<std::size_t>(rng_.between(0, 2))];
    }
    if (school && !leader && g.status == "validated") remember(g, school, day, batch_index);
    return g;
  }

  // After a batch is written, the batch's leaders get their real ids.
  void resolve(long long base) {
    for (auto& l : leaders_)
      if (l.ref < 0) l.ref = base + (-l.ref - 1);
  }

 private:
  const School* pick_school() {  // a few schools are reached often, many rarely or never
    const double x = std::pow(rng_.uniform(), 1.8);
    return t_
        .schools[std::min(t_.schools.size() - 1, static_cast<std::size_t>(x * static_cast<double>(t_.schools.size())))];
  }

  // ~10 % of all actions are follow-up sessions of a group seen in the last 200 days (the same school year, or
  // nearly), when there is one.
  const Leader* follow_up_of(long long day) {
    while (!leaders_.empty() && day - leaders_.front().day > 200) leaders_.pop_front();
    if (leaders_.empty() || !rng_.chance(0.125)) return nullptr;
    return &leaders_[rng_.index(leaders_.size())];
  }

  void remember(const GenAction& g, const School* school, long long day, long long batch_index) {
    leaders_.push_back({-(batch_index + 1), day, school, g.classes, g.audience[0], g.audience[1], g.audience[3]});
    if (leaders_.size() > 256) leaders_.pop_front();
  }

  void fill_class_audience(GenAction& g, const School& school) {
    int classes = g.kind == kForum ? static_cast<int>(rng_.between(2, 5))
                  : (g.kind == kVisiteEntreprise || g.kind == kVisiteLabo) && rng_.chance(0.25) ? 2
                                                                                                : 1;
    ClassPick k = class_for(school, rng_);
    for (int i = 0; i < classes; ++i) {
      g.classes.push_back(k);
      const bool small = std::string_view(k.level) == "cap" || std::string_view(k.track) == "SEGPA";
      const int pupils = small ? static_cast<int>(rng_.between(10, 16)) : static_cast<int>(rng_.between(20, 30));
      const int girls = static_cast<int>(std::lround(pupils * (0.35 + 0.2 * rng_.uniform())));
      g.audience[0] += girls;
      g.audience[1] += pupils - girls;
    }
    if (rng_.chance(0.6)) g.audience[3] = static_cast<int>(rng_.between(1, 1 + classes));
    if (g.kind == kForum) g.audience[6] = static_cast<int>(rng_.between(0, 30));  // parents
  }

  void fill_other_audience(GenAction& g) {
    auto n = [&](int lo, int hi) { return static_cast<int>(rng_.between(lo, hi)); };
    switch (g.kind) {
      case kForum:
        g.audience[2] = n(5, 40);
        g.audience[4] = n(2, 10);
        g.audience[6] = n(0, 20);
        break;
      case kJobDating:
        g.audience[2] = n(5, 25);
        g.audience[4] = n(1, 5);
        break;
      case kWebinaire:
        g.audience[3] = n(5, 30);
        g.audience[4] = n(0, 10);
        g.audience[6] = n(0, 20);
        break;
      case kInterne: g.audience[5] = n(10, 60); break;
      default: g.audience[6] = n(5, 30); g.audience[3] = n(0, 5);
    }
  }

  // The company or lab that hosts the action, or a co-delivering association (role partner); returns the
  // host's name ("" for none or a partner).
  std::string add_organisation(GenAction& g) {
    std::string host;
    auto pick = [&](const std::vector<Organisation>& list, const char* role) {
      if (list.empty()) return;
      const Organisation& o = list[rng_.index(list.size())];
      g.organisations.emplace_back(o.id, role);
      if (std::string_view(role) != "partner") host = o.name;
    };
    switch (g.kind) {
      case kVisiteEntreprise:
      case kInterne:
      case kJobDating: pick(t_.companies, "company"); break;
      case kVisiteLabo: pick(t_.labs.empty() ? t_.companies : t_.labs, t_.labs.empty() ? "company" : "lab"); break;
      case kStage:
        if (rng_.chance(0.5)) pick(t_.companies, "company");
        break;
      case kTemoignage:
      case kAtelier:
      case kForum:
      case kHuitMars:
        if (rng_.chance(0.15)) pick(t_.associations, "partner");
        break;
      default: break;
    }
    return host;
  }

  // What a coordinator would write: the list shows the kind and the school beside it.
  std::string title_for(const GenAction& g, const std::string& host, const std::string& commune) {
    auto one_of = [&](std::initializer_list<const char*> v) { return std::string(v.begin()[rng_.index(v.size())]); };
    const std::string of = commune.empty() ? "" : " de " + commune, at = commune.empty() ? "" : " à " + commune;
    const std::string level =
        g.classes.empty() ? "" : " en " + std::string(domain::class_level_label(g.classes.front().level));
    switch (g.kind) {
      case kTemoignage:
        return one_of({"Parcours d’une technicienne de maintenance", "Une ingénieure méthodes raconte son métier",
                       "Rencontre avec une opératrice sur commande numérique", "Témoignage d’une soudeuse",
                       "Une cheffe de projet industriel", "Une chercheuse en microsystèmes"}) +
               level;
      case kVisiteEntreprise:
        return host.empty() ? "Découverte d’un atelier de production" : "Découverte de l’entreprise " + host;
      case kVisiteLabo: return host.empty() ? "Une journée au laboratoire" : "Une journée avec les équipes de " + host;
      case kVisiteEtablissement:
        return one_of({"Portes ouvertes du plateau technique", "Découverte du lycée professionnel",
                       "Immersion en section STI2D"});
      case kForum: return "Forum des métiers" + of;
      case kAtelier:
        return one_of({"Atelier robotique", "Atelier « Fabrique ton objet »", "Atelier CV et entretien",
                       "Atelier stéréotypes et métiers"});
      case kJobDating: return "Job dating de l’industrie" + at;
      case kStage: return host.empty() ? "Stage d’observation de 3e" : "Stage d’observation chez " + host;
      case kHuitMars: return "8 mars : les métiers de l’industrie au féminin";
      case kWebinaire:
        return one_of({"Webinaire : l’industrie expliquée aux parents", "Webinaire pour les professeurs principaux",
                       "Webinaire : se reconvertir dans l’industrie"});
      case kInterne:
        return host.empty() ? "Sensibilisation aux stéréotypes" : "Sensibilisation aux stéréotypes chez " + host;
      default: return "Rencontre parents et industrie" + at;
    }
  }

  std::string highlight_for(const GenAction& g) {
    if (!g.classes.empty()) {
      const auto& q = pupil_quotes()[rng_.index(pupil_quotes().size())];
      return "« " + q + " » — une élève de " + std::string(domain::class_level_label(g.classes.front().level));
    }
    const auto& q = adult_quotes()[rng_.index(adult_quotes().size())];
    const char* who = g.audience[2]   ? "une participante en reconversion"
                      : g.audience[4] ? "une conseillère en insertion"
                                      : "une participante";
    return "« " + q + " » — " + who;
  }

  const TerritoryData& t_;
  const HistoryOptions& o_;
  Rng rng_;
  std::deque<Leader> leaders_;  // oldest first
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void check(const HistoryOptions& o) {
  if (o.years < 1 || o.years > 50) throw std::invalid_argument("years must be between 1 and 50");
  if (o.actions < 0 || o.actions > 100000000) throw std::invalid_argument("actions must be between 0 and 100000000");
  if (o.territories < 0 || o.territories > 999) throw std::invalid_argument("territories must be between 0 and 999");
  for (double share : {o.declared_share, o.rejected_share, o.ambassador_share})
    if (!(share >= 0 && share <= 1)) throw std::invalid_argument("shares must be between 0 and 1");
  if (o.declared_share + o.rejected_share > 1)
    throw std::invalid_argument("declared and rejected shares add up to more than 1");
  if (!o.end_day.empty() && !domain::is_iso_day(o.end_day))
    throw std::invalid_argument("end day must be a real day written YYYY-MM-DD: " + o.end_day);
}

}  // namespace

const std::vector<StandardInitiative>& standard_initiatives() {
  static const std::vector<StandardInitiative> v = {
      {"Axe 1 — Faire connaître les métiers",
       "Témoignages en classe",
       "Des ambassadrices racontent leur métier aux collégiennes et lycéennes, en classe et le 8 mars.",
       {"pupils_girls", "pupils_boys", "teachers"},
       {"temoignage_classe", "journee_8_mars"}},
      {"Axe 2 — Faire découvrir",
       "Visites d’entreprises, d’établissements et de laboratoires",
       "Faire entrer les élèves dans les ateliers, les plateaux techniques et les laboratoires du territoire.",
       {"pupils_girls", "pupils_boys", "companies"},
       {"visite_entreprise", "visite_laboratoire", "visite_etablissement"}},
      {"Axe 3 — Accompagner",
       "Parrainage",
       "Une marraine de l’industrie suit une jeune fille ou une femme en reconversion pendant son orientation.",
       {"pupils_girls", "women_reconversion", "prescribers"},
       {"atelier", "webinaire", "autre"}},
      {"Axe 3 — Accompagner",
       "Stages et apprentissage",
       "Stages d’observation de 3e, job datings et forums vers l’apprentissage dans les entreprises du réseau.",
       {"pupils_girls", "women_reconversion", "companies", "prescribers"},
       {"stage_observation", "job_dating", "forum_salon", "action_interne_entreprise"}},
  };
  return v;
}

HistoryReport generate_history(store::Store& s, const HistoryOptions& o) {
  check(o);
  const auto t0 = std::chrono::steady_clock::now();
  HistoryReport rep;
  const bool pg = s.dialect() == store::Dialect::postgresql;

  // Period.
  const std::string end = o.end_day.empty() ? domain::paris_day(now_unix()) : o.end_day;
  const long long last = parse_day(end);
  const Civil e = civil_from_days(last);
  const long long first = days_from_civil(e.y - o.years, e.m, std::min(e.d, 28)) + (e.d > 28 ? e.d - 28 : 0) + 1;
  const Calendar cal(first, last);
  rep.first_day = iso_day(first);
  rep.last_day = iso_day(last);

  // Territories.
  std::vector<long long> ids = o.territories > 0 ? bench_territories(s, o.territories) : o.territory_ids;
  if (ids.empty())
    for (const auto& t : store::all_territories(s)) ids.push_back(t.id);
  if (ids.empty()) throw std::invalid_argument("no territory to fill: create one first, or ask for bench territories");
  const auto schools = schools_by_department(s);
  Rng rng(o.seed);
  std::vector<TerritoryData> territories;
  std::vector<double> weights;
  for (long long id : ids) {
    auto t = store::territory_by_id(s, id);
    if (!t) throw std::invalid_argument("no territory with id " + std::to_string(id));
    TerritoryData d;
    d.id = id;
    d.departments = t->departments;
    for (const auto& dep : d.departments)
      if (auto it = schools.find(domain::department_code3(dep)); it != schools.end())
        for (const auto& sc : it->second) d.schools.push_back(&sc);
    for (std::size_t i = d.schools.size(); i > 1; --i)  // Fisher–Yates with our own generator
      std::swap(d.schools[i - 1], d.schools[static_cast<std::size_t>(rng.between(0, static_cast<long long>(i) - 1))]);
    if (d.schools.empty()) ++rep.territories_without_schools;
    load_people_and_organisations(s, d);
    // Bigger territories (more schools) run more actions; some networks are more active than others.
    weights.push_back(std::pow(static_cast<double>(std::max<std::size_t>(d.schools.size(), 10)), 0.7) *
                      (0.5 + rng.uniform()));
    territories.push_back(std::move(d));
  }
  rep.territories = static_cast<int>(territories.size());

  // Shares of the total: largest remainders, so that they add up exactly.
  double total_weight = 0;
  for (double w : weights) total_weight += w;
  long long given = 0;
  std::vector<std::pair<double, std::size_t>> remainders;
  for (std::size_t i = 0; i < territories.size(); ++i) {
    const double exact = static_cast<double>(o.actions) * weights[i] / total_weight;
    territories[i].actions = static_cast<long long>(exact);
    given += territories[i].actions;
    remainders.emplace_back(exact - std::floor(exact), i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < o.actions; ++k, ++given)
    ++territories[remainders[k % remainders.size()].second].actions;

  // Plans, then actions, territory by territory in date order, written in batches.
  std::vector<GenAction> batch;
  batch.reserve(kBatchActions);
  long long written = 0;
  Generator* live = nullptr;  // the generator whose leaders may point into the current batch
  auto flush = [&] {
    if (batch.empty()) return;
    long long base = s.write([&](soci::session& sql) {
      if (!pg) sql << "PRAGMA cache_size = -262144";  // 256 MB: the secondary indexes grow at random places
      return write_batch(sql, pg, batch, rep);
    });
    if (live) live->resolve(base);  // only the current territory's leaders can point into the batch
    written += static_cast<long long>(batch.size());
    batch.clear();
    if (o.progress) o.progress(written, o.actions);
  };
  for (std::size_t i = 0; i < territories.size(); ++i) {
    TerritoryData& t = territories[i];
    Rng trng(o.seed * 1000003ULL + i + 1);
    attach_initiatives(s, t);
    if (o.create_plan &&
        std::all_of(t.initiative_of_kind.begin(), t.initiative_of_kind.end(), [](long long id) { return id == 0; })) {
      create_plan(s, t, cal, trng, rep);
      attach_initiatives(s, t);
    }
    std::vector<long long> days(static_cast<std::size_t>(t.actions));
    for (auto& d : days) d = cal.draw(trng);
    std::sort(days.begin(), days.end());
    Generator gen(t, o, trng);
    live = &gen;
    for (long long d : days) {
      batch.push_back(gen.make(d, static_cast<long long>(batch.size())));
      if (batch.size() >= kBatchActions) flush();
    }
    live = nullptr;  // its leaders are no longer used; the next territory's point into the same batch
  }
  flush();
  rep.generate_seconds = seconds_since(t0);

  if (o.rebuild) {
    const auto t1 = std::chrono::steady_clock::now();
    if (o.territories > 0 || o.territory_ids.empty())
      store::rebuild_aggregates(s, 0);
    else
      for (const auto& t : territories) store::rebuild_aggregates(s, t.id);
    rep.rebuild_seconds = seconds_since(t1);
  }
  if (pg)  // the planner's statistics after a bulk load, now rather than whenever autovacuum gets there
    s.read([](soci::session& sql) {
      for (const char* table :
           {"actions", "action_schools", "action_classes", "action_ambassadors", "action_organisations", "action_agg",
            "action_agg_month", "school_reach", "action_agg_org"})
        sql << std::string("ANALYZE ") + table;
    });
  return rep;
}

}  // namespace passerelles::cli
