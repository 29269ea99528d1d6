// The demo's mentoring, written through store/mentoring.hpp as applicants, school contacts, guardians, mentors and
// a coordinator would: see demo_mentoring.hpp.
#include "cli/demo_mentoring.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "domain/mentoring.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/mentoring.hpp"
#include "store/query.hpp"
#include "store/row.hpp"

namespace passerelles::cli {

namespace {

namespace mt = domain::mentoring;
const store::Author kBy{0, "demo"};

struct Mentor {
  long long id = 0;
  std::string commune;
};

// The first active ambassadors with a home commune; 'mentor' is added to their offers.
std::vector<Mentor> demo_mentors(store::Store& s, long long territory_id, std::size_t n) {
  return s.write([&](soci::session& sql) {
    std::vector<Mentor> out;
    std::vector<std::pair<long long, std::string>> offers;
    store::for_each_row(
        sql,
        "SELECT id, home_commune_insee, offers FROM ambassadors WHERE territory_id = " + std::to_string(territory_id) +
            " AND status = 'active' AND home_commune_insee <> '' ORDER BY id",
        {}, [&](const soci::row& r) {
          if (out.size() >= n) return;
          out.push_back({store::col_ll(r, 0), store::col_str(r, 1)});
          offers.push_back({store::col_ll(r, 0), store::col_str(r, 2)});
        });
    for (auto& [id, list] : offers) {
      auto codes = domain::split_list(list);
      if (std::find(codes.begin(), codes.end(), "mentor") != codes.end()) continue;
      codes.push_back("mentor");
      std::string joined = domain::join(codes);
      sql << "UPDATE ambassadors SET offers = :o WHERE id = :id", soci::use(joined), soci::use(id);
    }
    return out;
  });
}

// A school of the territory for the pupils (a lycée when there is one); 0 when the directory has none.
long long demo_school(store::Store& s, const std::vector<std::string>& departments) {
  return s.read([&](soci::session& sql) {
    long long id = 0;
    for (const auto& dep : departments) {
      if (id != 0) break;
      store::for_each_row(sql,
                          "SELECT id FROM schools WHERE department = :p1 ORDER BY CASE WHEN kind = 'lycee' THEN 0 "
                          "ELSE 1 END, id LIMIT 1",
                          {dep}, [&](const soci::row& r) { id = store::col_ll(r, 0); });
    }
    return id;
  });
}

struct Applicant {
  std::string first_name, last_name, birth_month, domain, weekly;
  bool with_email;
};

}  // namespace

void demo_mentoring(store::Store& s, std::ostream& out) {
  const long long now = store::now_unix();
  const std::string today = domain::paris_day(now);
  for (const std::string slug : {"cmq-msi-bfc", "ti-flandre-saint-omer"}) {
    auto t = store::territory_by_slug(s, slug);
    if (!t || !store::programmes_of(s, t->id).empty()) continue;
    auto mentors = demo_mentors(s, t->id, 4);
    if (mentors.empty()) continue;
    long long school = demo_school(s, t->departments);
    auto make = [&](const std::string& name, const std::string& audience) {
      mt::Programme p;
      p.territory_id = t->id;
      p.name = name;
      p.audience = audience;
      p.starts_on = domain::add_days(today, -60);
      p.ends_on = domain::add_days(today, 180);
      p.description = "Une marraine de l’industrie pendant huit mois : échanges, visites, conseils d’orientation.";
      p.status = "open";
      return store::insert_programme(s, p, kBy).id;
    };
    long long pupils = make("Marrainage des lycéennes", "lyceennes");
    long long adults = make("Reconversion vers l’industrie", "reconversion");
    for (std::size_t i = 0; i < mentors.size(); ++i) {
      store::join_programme(s, t->id, pupils, mentors[i].id, 2, true, kBy);
      if (i < 2) store::join_programme(s, t->id, adults, mentors[i].id, 1, true, kBy);
    }
    const std::string commune = mentors.front().commune;
    // A birth month giving `age` today: `age` years and 40 to 315 days ago.
    auto month = [&](int age, int m) { return domain::add_days(today, -(age * 365 + 40 + 25 * m)).substr(0, 7); };
    // Adults (reconversion), pupils (a vouched 16-year-old, two under-15s).
    std::vector<Applicant> grown = {{"Sandrine", "Lefèvre", month(38, 3), "usinage", "wed-pm", true},
                                    {"Karima", "Benali", month(29, 7), "maintenance", "", true},
                                    {"Julie", "Marchand", month(44, 11), "qualite", "thu-am", true}};
    std::vector<Applicant> young = {{"Lina", "Bernard", month(16, 2), "usinage", "wed-pm", true},
                                    {"Chloé", "Perrin", month(16, 5), "electronique", "", false},
                                    {"Maëlys", "Girard", month(17, 1), "numerique", "", true},
                                    {"Jade", "Roux", month(13, 4), "chimie", "wed-pm", false},
                                    {"Emma", "Faure", month(13, 9), "verre", "", false}};
    int made = 0;
    auto apply = [&](long long prog, const Applicant& x, int n) {
      mt::Application a;
      a.first_name = x.first_name;
      a.last_name = x.last_name;
      a.birth_month = x.birth_month;
      a.email = x.with_email ? domain::fold(x.first_name) + "." + std::to_string(n) + "@" + slug + ".example" : "";
      a.school_id = school;
      a.class_level = "2de";
      a.commune_insee = commune;
      a.domains = {x.domain};
      if (!x.weekly.empty()) a.weekly = {x.weekly};
      a.motivation = "Découvrir les métiers de l’industrie et trouver ma voie.";
      a.voucher_name = "Mme Vernier";
      a.voucher_email = "cpe@lycee." + slug + ".example";
      a.guardian_name = "Parent de " + x.first_name;
      a.guardian_email = "parent." + std::to_string(n) + "@" + slug + ".example";
      mt::normalise(a, today);
      if (!mt::validate(a, prog == pupils ? "lyceennes" : "reconversion", today).empty()) return std::string();
      auto ins = store::insert_mentee_application(s, prog, a);
      if (!ins.result.ok()) return std::string();
      ++made;
      return ins.token;
    };
    int n = 0;
    for (const auto& x : grown) apply(adults, x, ++n);
    for (std::size_t i = 0; i < young.size(); ++i) {
      std::string token = apply(pupils, young[i], ++n);
      if (token.empty()) continue;
      auto a = store::mentee_application_by_token(s, token);
      if (!a || i == 2) continue;  // Maëlys still waits for her school contact
      auto v = store::vouch_by_token(s, a->vouch_token, now);
      if (i == 3 && !v.consent_token.empty()) store::consent_by_token(s, v.consent_token, now);  // Jade: consent
      // Emma (i == 4) waits for her guardian's consent.
    }
    int accepted = 0;
    for (long long prog : {pupils, adults}) {
      store::run_mentoring_matching(s, t->id, prog, kBy);
      auto pairs = store::pairs_of(s, prog);
      for (std::size_t i = 0; i < pairs.size() && i < 2; ++i) {
        if (!store::accept_pair(s, t->id, pairs[i].id, kBy).ok()) continue;
        ++accepted;
        store::add_message(s, pairs[i].id, "mentor",
                           "Bonjour ! Je suis ravie de vous accompagner. Quand seriez-vous disponible pour un "
                           "premier échange ?",
                           now - 86400 * 20);
        store::add_message(s, pairs[i].id, "mentee", "Bonjour, merci ! Le mercredi après-midi me convient.",
                           now - 86400 * 19);
        store::add_meeting(s, pairs[i].id, domain::add_days(today, -14), 60, i == 0 ? "in_person" : "remote",
                           "Premier échange : parcours, métiers de l’atelier, questions sur l’orientation.", 0,
                           now - 86400 * 14);
      }
    }
    out << "demo: mentoring of " << slug << ": 2 programmes, " << mentors.size() << " mentors, " << made
        << " applications, " << accepted << " pairs accepted\n";
  }
}

}  // namespace passerelles::cli
