// A small world for the action and indicator store tests: two territories (A: Doubs and Jura, B: Pas-de-Calais),
// their users, organisations and initiatives, real-looking schools and communes, and a helper to make actions.
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/accounts.hpp"
#include "store/actions.hpp"
#include "store/directory.hpp"
#include "support/test_support.hpp"

namespace passerelles::fixture {

class ActionWorld : public ::testing::TestWithParam<std::string> {
 public:
  void SetUp() override {
    db = fresh_store(GetParam());
    ta = store::insert_territory(*db, {0, "cmq-a", "Territoire A", "cmq", {"025", "039"}, "", "", 1.3});
    tb = store::insert_territory(*db, {0, "cmq-b", "Territoire B", "cmq", {"062"}, "", "", 1.3});
    coordinator = user("coord.a@exemple.fr", "Claire Coordinatrice", domain::Role::coordinator, ta);
    amb1 = user("ines@exemple.fr", "Inès Martin", domain::Role::ambassador, ta);
    amb2 = user("sarah@exemple.fr", "Sarah Benali", domain::Role::ambassador, ta);
    amb_b = user("lea@exemple.fr", "Léa Durand", domain::Role::ambassador, tb);
    commune("25056", "Besançon", "25");
    commune("39198", "Dole", "39");
    commune("62193", "Calais", "62");
    // Schools S1…S7 (ids in this order): four in the Doubs, one in the Jura, one in the Pas-de-Calais, one in the
    // Haute-Saône (in no territory's départements).
    s1 = school("0251080N", "Collège Victor Hugo", "college", "025", "25056", "");
    s2 = school("0250010A", "Lycée Jules Haag", "lycee_polyvalent", "025", "25056", "");
    s3 = school("0251307K", "Collège Diderot", "college", "025", "25056", "REP+");
    s4 = school("0390786T", "Lycée Jacques Duhamel", "lycee_general", "039", "39198", "");
    s5 = school("0620161N", "Collège Jean Macé", "college", "062", "62193", "REP");
    s6 = school("0700009E", "Lycée Henri Fertet", "lycee_general", "070", "70279", "");
    s7 = school("0251250Y", "Collège Lumière", "college", "025", "25056", "");
    p1 = org(ta, "Femmes & Sciences", "association");
    p2 = org(ta, "Elles bougent", "association");
    company = org(ta, "Métallerie Comtoise", "company");
    lab = org(ta, "Laboratoire FEMTO-ST", "lab");
    org_b = org(tb, "Association du Calaisis", "association");
    i1 = initiative(ta, "Témoigner dans les collèges", 1);
    i2 = initiative(ta, "Visites d’entreprises et de laboratoires", 2);
    i_b = initiative(tb, "Forum des métiers du Calaisis", 1);
  }

  long long user(const std::string& email, const std::string& name, domain::Role role, long long territory) {
    domain::User u;
    u.email = email;
    u.display_name = name;
    u.role = role;
    u.territory_id = territory;
    return store::insert_user(*db, u, "hash");
  }

  void commune(const std::string& insee, const std::string& name, const std::string& dep) {
    db->write([&](soci::session& sql) {
      sql << "INSERT INTO communes (insee, name, department) VALUES (:i, :n, :d)", soci::use(insee), soci::use(name),
          soci::use(dep);
    });
  }

  long long school(const std::string& uai, const std::string& name, const std::string& kind, const std::string& dep,
                   const std::string& insee, const std::string& priority) {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      sql << "INSERT INTO schools (uai, name, kind, sector, commune_insee, department, priority_education, lat, lon, "
             "updated_at) VALUES (:u, :n, :k, 'public', :c, :d, :p, 47.24, 6.02, 1) RETURNING id",
          soci::use(uai), soci::use(name), soci::use(kind), soci::use(insee), soci::use(dep), soci::use(priority),
          soci::into(id);
      return id;
    });
  }

  long long org(long long territory, const std::string& name, const std::string& kind) {
    domain::Organisation o;
    o.territory_id = territory;
    o.kind = kind;
    o.name = name;
    auto r = store::insert_organisation(*db, o, by);
    EXPECT_TRUE(r.ok()) << name;
    return r.id;
  }

  long long initiative(long long territory, const std::string& name, int position) {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      sql << "INSERT INTO initiatives (territory_id, name, position, created_at, updated_at) VALUES (:t, :n, :p, 1, 1) "
             "RETURNING id",
          soci::use(territory), soci::use(name), soci::use(position), soci::into(id);
      return id;
    });
  }

  void target(long long initiative_id, int year, const std::string& indicator, long long value) {
    db->write([&](soci::session& sql) {
      sql << "INSERT INTO initiative_targets (initiative_id, year, indicator, target) VALUES (:i, :y, :k, :v)",
          soci::use(initiative_id), soci::use(year), soci::use(indicator), soci::use(value);
    });
  }

  // An action of `territory` on `day`; audience in the order girls, boys, women_reconversion, teachers,
  // prescribers, employees, parents.
  static domain::Action action(long long territory, const std::string& kind, const std::string& day, int minutes,
                               std::vector<long long> audience, std::vector<long long> schools = {},
                               long long initiative_id = 0) {
    domain::Action a;
    a.territory_id = territory;
    a.kind = kind;
    a.title = std::string(domain::action_kind_label(kind)) + " du " + day;
    a.starts_on = day;
    a.duration_minutes = minutes;
    for (std::size_t i = 0; i < audience.size() && i < domain::kAudienceCount; ++i) a.audience[i] = audience[i];
    a.school_ids = std::move(schools);
    a.initiative_id = initiative_id;
    return a;
  }

  long long insert(const domain::Action& a) {
    auto r = store::insert_action(*db, a, by);
    EXPECT_TRUE(r.ok()) << a.title
                        << (r.errors.empty() ? "" : ": " + r.errors.begin()->first + " " + r.errors.begin()->second);
    return r.id;
  }

  void set_status(long long territory, long long id, const std::string& status, const std::string& reason = "") {
    auto r = store::set_action_status(*db, territory, id, status, reason, by);
    EXPECT_TRUE(r.ok()) << id << " -> " << status;
  }

  std::unique_ptr<store::Store> db;
  long long ta = 0, tb = 0;
  long long coordinator = 0, amb1 = 0, amb2 = 0, amb_b = 0;
  long long s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
  long long p1 = 0, p2 = 0, company = 0, lab = 0, org_b = 0;
  long long i1 = 0, i2 = 0, i_b = 0;
  store::Author by{0, "coord.a@exemple.fr"};
};

}  // namespace passerelles::fixture
