// Store tests for the action plan on every engine: initiatives with partners and targets, partnerships with their
// document, funding with the initiatives it pays for, confinement to the territory, audit entries, and the
// warnings before a grant ends.
#include "store/plan.hpp"

#include <gtest/gtest.h>

#include "store/accounts.hpp"
#include "store/indicators.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using Status = store::WriteResult::Status;

class PlanStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = fixture::fresh_store(GetParam());
    ta = store::insert_territory(*db, {0, "ta", "Territoire A", "cmq", {"025"}, "", "", 1.3});
    tb = store::insert_territory(*db, {0, "tb", "Territoire B", "cmq", {"062"}, "", "", 1.3});
    org_a1 = org(ta, "Forges de Franche-Comté");
    org_a2 = org(ta, "Association Elles bougent");
    org_a3 = org(ta, "UIMM Franche-Comté");
    org_b = org(tb, "Entreprise du Pas-de-Calais");
  }

  long long org(long long territory, const std::string& name) {
    domain::Organisation o;
    o.territory_id = territory;
    o.kind = "company";
    o.name = name;
    auto r = store::insert_organisation(*db, o, by);
    EXPECT_TRUE(r.ok()) << name;
    return r.id;
  }

  domain::Initiative initiative(long long territory, const std::string& name, const std::string& axis = "") {
    domain::Initiative i;
    i.territory_id = territory;
    i.name = name;
    i.axis = axis;
    return i;
  }

  long long add_initiative(long long territory, const std::string& name, const std::string& axis = "") {
    auto r = store::insert_initiative(*db, initiative(territory, name, axis), by);
    EXPECT_TRUE(r.ok()) << name;
    return r.id;
  }

  long long add_funding(long long territory, const std::string& funder, const std::string& ends_on,
                        std::vector<long long> initiative_ids = {}) {
    domain::Funding f;
    f.territory_id = territory;
    f.funder = funder;
    f.amount_cents = 1000000;
    f.starts_on = "2026-01-01";
    f.ends_on = ends_on;
    f.initiative_ids = std::move(initiative_ids);
    auto r = store::insert_funding(*db, f, by);
    EXPECT_TRUE(r.ok()) << funder;
    return r.id;
  }

  // A file row of the territory, written directly (store_file's checks are tested with it).
  long long add_file(long long territory, const std::string& name) {
    return db->write([&](soci::session& sql) {
      long long id = 0, now = store::now_unix();
      sql << "INSERT INTO files (territory_id, name, content_type, size, sha256, content, created_at) VALUES "
             "(:t, :n, 'application/pdf', 8, 'x', 'JVBERi0xLjQK', :c) RETURNING id",
          soci::use(territory), soci::use(name), soci::use(now), soci::into(id);
      return id;
    });
  }

  long long count(const std::string& sql_text) {
    return db->read([&](soci::session& sql) {
      long long n = 0;
      sql << sql_text, soci::into(n);
      return n;
    });
  }

  // The audit entries of territory A as "action entity detail", newest first.
  std::vector<std::string> audit_of_a() {
    std::vector<std::string> out;
    for (const auto& e : store::audit_entries(*db, ta, 100, 0))
      out.push_back(e.action + " " + e.entity + " " + e.detail);
    return out;
  }

  std::unique_ptr<store::Store> db;
  long long ta = 0, tb = 0, org_a1 = 0, org_a2 = 0, org_a3 = 0, org_b = 0;
  store::Author by{0, "coord@exemple.fr"};
};

TEST_P(PlanStore, InitiativeRoundTripWithPartnersAndTargets) {
  domain::Initiative i = initiative(ta, "Mentorat de lycéennes", "Axe 1 — Accompagner");
  i.objective = "Accompagner 40 lycéennes vers un BTS industriel.";
  i.audiences = {"pupils_girls", "women_reconversion"};
  i.lead_organisation_id = org_a1;
  i.partner_ids = {org_a3, org_a2};
  i.targets = {{2027, "girls", 450}, {2026, "girls", 400}, {2026, "people_reached", 1200}};
  auto r = store::insert_initiative(*db, i, by);
  ASSERT_TRUE(r.ok());

  auto back = store::initiative_by_id(*db, ta, r.id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->name, "Mentorat de lycéennes");
  EXPECT_EQ(back->axis, "Axe 1 — Accompagner");
  EXPECT_EQ(back->objective, i.objective);
  EXPECT_EQ(back->audiences, (std::vector<std::string>{"pupils_girls", "women_reconversion"}));
  EXPECT_EQ(back->lead_organisation_id, org_a1);
  EXPECT_EQ(back->lead_organisation_name, "Forges de Franche-Comté");
  // Partners by name: "Association…" before "UIMM…".
  EXPECT_EQ(back->partner_ids, (std::vector<long long>{org_a2, org_a3}));
  EXPECT_EQ(back->partner_names, (std::vector<std::string>{"Association Elles bougent", "UIMM Franche-Comté"}));
  // Targets by year, then in the order of target_indicators() (people_reached before girls).
  ASSERT_EQ(back->targets.size(), 3u);
  EXPECT_EQ(back->targets[0].year, 2026);
  EXPECT_EQ(back->targets[0].indicator, "people_reached");
  EXPECT_EQ(back->targets[0].target, 1200);
  EXPECT_EQ(back->targets[1].indicator, "girls");
  EXPECT_EQ(back->targets[2].year, 2027);
  EXPECT_EQ(back->targets[2].target, 450);
  EXPECT_GT(back->created_at, 0);
  EXPECT_EQ(back->position, 1);

  back->lead_organisation_id = 0;
  back->partner_ids = {org_a1};
  back->targets = {{2026, "actions", 30}};
  ASSERT_TRUE(store::update_initiative(*db, *back, by).ok());
  auto again = store::initiative_by_id(*db, ta, r.id);
  EXPECT_EQ(again->lead_organisation_id, 0);
  EXPECT_EQ(again->lead_organisation_name, "");
  EXPECT_EQ(again->partner_names, (std::vector<std::string>{"Forges de Franche-Comté"}));
  ASSERT_EQ(again->targets.size(), 1u);
  EXPECT_EQ(again->targets[0].indicator, "actions");
  EXPECT_EQ(count("SELECT COUNT(*) FROM initiative_targets"), 1) << "the old targets are gone";

  auto audit = audit_of_a();
  ASSERT_GE(audit.size(), 2u);
  EXPECT_EQ(audit[0], "update initiative Mentorat de lycéennes (lead, partners, targets)");
  EXPECT_EQ(audit[1], "create initiative Mentorat de lycéennes");
}

TEST_P(PlanStore, InitiativesComeInPlanOrder) {
  add_initiative(ta, "Visites d’entreprises");
  add_initiative(ta, "Mentorat");
  domain::Initiative first = initiative(ta, "Stages");
  first.position = -1;
  ASSERT_TRUE(store::insert_initiative(*db, first, by).ok());
  add_initiative(tb, "Initiative de B");
  std::vector<std::string> names;
  for (const auto& i : store::initiatives_of(*db, ta)) names.push_back(i.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Stages", "Visites d’entreprises", "Mentorat"}));
}

TEST_P(PlanStore, AnotherTerritorysRecordsAndOrganisationsAreRefused) {
  long long mine = add_initiative(ta, "Mentorat");
  long long theirs = add_initiative(tb, "Initiative de B");

  // Reads, updates and deletes with the wrong territory find nothing.
  EXPECT_FALSE(store::initiative_by_id(*db, tb, mine));
  domain::Initiative moved = *store::initiative_by_id(*db, ta, mine);
  moved.territory_id = tb;
  moved.name = "Piratage";
  EXPECT_EQ(store::update_initiative(*db, moved, by).status, Status::not_found);
  EXPECT_FALSE(store::delete_initiative(*db, tb, mine, by));
  EXPECT_EQ(store::initiative_by_id(*db, ta, mine)->name, "Mentorat");

  // A lead or a partner of another territory.
  domain::Initiative i = initiative(ta, "Avec un pilote de B");
  i.lead_organisation_id = org_b;
  auto r = store::insert_initiative(*db, i, by);
  EXPECT_EQ(r.status, Status::invalid);
  EXPECT_EQ(r.errors.count("lead_organisation_id"), 1u);
  i.lead_organisation_id = org_a1;
  i.partner_ids = {org_a2, org_b};
  r = store::insert_initiative(*db, i, by);
  EXPECT_EQ(r.status, Status::invalid);
  EXPECT_EQ(r.errors.count("partner_ids"), 1u);
  domain::Initiative existing = *store::initiative_by_id(*db, ta, mine);
  existing.partner_ids = {org_b};
  EXPECT_EQ(store::update_initiative(*db, existing, by).status, Status::invalid);
  EXPECT_EQ(count("SELECT COUNT(*) FROM initiative_partners"), 0);

  // A funding naming another territory's initiative.
  domain::Funding f;
  f.territory_id = ta;
  f.funder = "Région";
  f.starts_on = "2026-01-01";
  f.ends_on = "2026-12-31";
  f.initiative_ids = {mine, theirs};
  auto fr = store::insert_funding(*db, f, by);
  EXPECT_EQ(fr.status, Status::invalid);
  EXPECT_EQ(fr.errors.count("initiative_ids"), 1u);
  f.initiative_ids = {mine};
  f.funder_organisation_id = org_b;
  fr = store::insert_funding(*db, f, by);
  EXPECT_EQ(fr.errors.count("funder_organisation_id"), 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM fundings"), 0);

  // A partnership with another territory's organisation or document.
  domain::Partnership p;
  p.territory_id = ta;
  p.title = "Convention";
  p.organisation_id = org_b;
  auto pr = store::insert_partnership(*db, p, by);
  EXPECT_EQ(pr.status, Status::invalid);
  EXPECT_EQ(pr.errors.count("organisation_id"), 1u);
  p.organisation_id = org_a1;
  p.document_file_id = add_file(tb, "b.pdf");
  pr = store::insert_partnership(*db, p, by);
  EXPECT_EQ(pr.status, Status::invalid);
  EXPECT_EQ(pr.errors.count("document"), 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM partnerships"), 0);

  // Lists hold only the territory's own records.
  ASSERT_EQ(store::initiatives_of(*db, tb).size(), 1u);
  EXPECT_EQ(store::initiatives_of(*db, tb)[0].name, "Initiative de B");
}

TEST_P(PlanStore, DeletedInitiativeLeavesItsActionsWithoutInitiativeAndRebuildsTheAggregates) {
  long long gone = add_initiative(ta, "Forum des métiers");
  long long kept = add_initiative(ta, "Mentorat");
  long long funding = add_funding(ta, "Région", "2027-06-30", {gone, kept});
  long long action = db->write([&](soci::session& sql) {
    long long id = 0, now = store::now_unix();
    sql << "INSERT INTO actions (territory_id, kind, title, starts_on, month, department, initiative_id, status, "
           "girls, boys, validated_at, created_at, updated_at) VALUES (:t, 'forum_salon', 'Forum', '2026-03-10', "
           "'2026-03', '025', :i, 'validated', 12, 8, :v, :c, :u) RETURNING id",
        soci::use(ta), soci::use(gone), soci::use(now), soci::use(now), soci::use(now), soci::into(id);
    return id;
  });
  store::rebuild_aggregates(*db, ta);
  std::string tid = std::to_string(ta);
  ASSERT_EQ(count("SELECT COUNT(*) FROM action_agg WHERE territory_id = " + tid +
                  " AND initiative_id = " + std::to_string(gone)),
            1);

  EXPECT_TRUE(store::delete_initiative(*db, ta, gone, by));
  EXPECT_FALSE(store::initiative_by_id(*db, ta, gone));
  EXPECT_EQ(count("SELECT COUNT(*) FROM actions WHERE initiative_id IS NULL AND id = " + std::to_string(action)), 1)
      << "the action stays, without initiative";
  EXPECT_EQ(count("SELECT COUNT(*) FROM action_agg WHERE territory_id = " + tid +
                  " AND initiative_id = " + std::to_string(gone)),
            0);
  EXPECT_EQ(
      count("SELECT COALESCE(SUM(girls), 0) FROM action_agg WHERE territory_id = " + tid + " AND initiative_id = 0"),
      12)
      << "its people now count under « no initiative »";
  auto f = store::funding_by_id(*db, ta, funding);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->initiative_names, (std::vector<std::string>{"Mentorat"}));
  EXPECT_EQ(audit_of_a()[0], "delete initiative Forum des métiers");
  EXPECT_FALSE(store::delete_initiative(*db, ta, gone, by)) << "already gone";
}

TEST_P(PlanStore, PartnershipWithItsDocument) {
  long long doc1 = add_file(ta, "convention-2026.pdf");
  domain::Partnership p;
  p.territory_id = ta;
  p.title = "Convention UIMM 2026-2028";
  p.organisation_id = org_a3;
  p.starts_on = "2026-01-01";
  p.ends_on = "2028-12-31";
  p.status = "signed";
  p.document_file_id = doc1;
  p.notes = "Signée au salon de l’industrie.";
  auto r = store::insert_partnership(*db, p, by);
  ASSERT_TRUE(r.ok());
  auto back = store::partnership_by_id(*db, ta, r.id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->title, "Convention UIMM 2026-2028");
  EXPECT_EQ(back->organisation_name, "UIMM Franche-Comté");
  EXPECT_EQ(back->status, "signed");
  EXPECT_EQ(back->starts_on, "2026-01-01");
  EXPECT_EQ(back->ends_on, "2028-12-31");
  EXPECT_EQ(back->document_file_id, doc1);
  EXPECT_EQ(back->document_name, "convention-2026.pdf");
  EXPECT_EQ(back->notes, p.notes);
  EXPECT_FALSE(store::partnership_by_id(*db, tb, r.id));

  // A new document replaces the old one, which is deleted.
  long long doc2 = add_file(ta, "avenant.pdf");
  back->document_file_id = doc2;
  back->status = "ended";
  ASSERT_TRUE(store::update_partnership(*db, *back, by).ok());
  EXPECT_EQ(store::partnership_by_id(*db, ta, r.id)->document_name, "avenant.pdf");
  EXPECT_EQ(count("SELECT COUNT(*) FROM files WHERE id = " + std::to_string(doc1)), 0);
  EXPECT_EQ(audit_of_a()[0], "update partnership Convention UIMM 2026-2028 (status signed → ended, document)");

  domain::Partnership other = *back;
  other.territory_id = tb;
  EXPECT_EQ(store::update_partnership(*db, other, by).status, Status::not_found);
  EXPECT_FALSE(store::delete_partnership(*db, tb, r.id, by));

  EXPECT_TRUE(store::delete_partnership(*db, ta, r.id, by));
  EXPECT_FALSE(store::partnership_by_id(*db, ta, r.id));
  EXPECT_EQ(count("SELECT COUNT(*) FROM files"), 0) << "its document goes with it";
  EXPECT_EQ(audit_of_a()[0], "delete partnership Convention UIMM 2026-2028");
}

TEST_P(PlanStore, PartnershipsListedNewestFirst) {
  for (auto [title, starts] :
       {std::pair<const char*, const char*>{"Ancienne", "2024-01-01"}, {"Sans date", ""}, {"Récente", "2026-09-01"}}) {
    domain::Partnership p;
    p.territory_id = ta;
    p.title = title;
    p.starts_on = starts;
    ASSERT_TRUE(store::insert_partnership(*db, p, by).ok());
  }
  std::vector<std::string> titles;
  for (const auto& p : store::partnerships_of(*db, ta)) titles.push_back(p.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"Récente", "Ancienne", "Sans date"}));
  EXPECT_TRUE(store::partnerships_of(*db, tb).empty());
}

TEST_P(PlanStore, FundingRoundTripWithTheInitiativesItPaysFor) {
  long long a = add_initiative(ta, "Initiative A");
  long long b = add_initiative(ta, "Initiative B");
  domain::Funding f;
  f.territory_id = ta;
  f.funder = "Région Bourgogne-Franche-Comté";
  f.funder_organisation_id = org_a1;
  f.amount_cents = 1250050;
  f.starts_on = "2026-01-01";
  f.ends_on = "2027-06-30";
  f.purpose = "Les visites et le mentorat";
  f.initiative_ids = {b, a};
  auto r = store::insert_funding(*db, f, by);
  ASSERT_TRUE(r.ok());
  auto back = store::funding_by_id(*db, ta, r.id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->funder, "Région Bourgogne-Franche-Comté");
  EXPECT_EQ(back->funder_organisation_id, org_a1);
  EXPECT_EQ(back->amount_cents, 1250050);
  EXPECT_EQ(back->starts_on, "2026-01-01");
  EXPECT_EQ(back->ends_on, "2027-06-30");
  EXPECT_EQ(back->purpose, "Les visites et le mentorat");
  EXPECT_EQ(back->initiative_ids, (std::vector<long long>{a, b})) << "in plan order";
  EXPECT_EQ(back->initiative_names, (std::vector<std::string>{"Initiative A", "Initiative B"}));
  EXPECT_EQ(audit_of_a()[0],
            "create funding Région Bourgogne-Franche-Comté, 12\xC2\xA0"
            "500,50\xC2\xA0€, 2026-01-01 → 2027-06-30");

  back->amount_cents = 1500000;
  back->initiative_ids = {b};
  ASSERT_TRUE(store::update_funding(*db, *back, by).ok());
  auto again = store::funding_by_id(*db, ta, r.id);
  EXPECT_EQ(again->amount_cents, 1500000);
  EXPECT_EQ(again->initiative_names, (std::vector<std::string>{"Initiative B"}));
  EXPECT_NE(audit_of_a()[0].find("devient"), std::string::npos) << audit_of_a()[0];

  add_funding(ta, "FSE+", "2028-12-31");
  add_funding(tb, "Région Hauts-de-France", "2027-01-01");
  std::vector<std::string> funders;
  for (const auto& x : store::fundings_of(*db, ta)) funders.push_back(x.funder);
  EXPECT_EQ(funders, (std::vector<std::string>{"FSE+", "Région Bourgogne-Franche-Comté"})) << "latest end first";

  EXPECT_FALSE(store::funding_by_id(*db, tb, r.id));
  EXPECT_FALSE(store::delete_funding(*db, tb, r.id, by));
  EXPECT_TRUE(store::delete_funding(*db, ta, r.id, by));
  EXPECT_FALSE(store::funding_by_id(*db, ta, r.id));
  EXPECT_EQ(count("SELECT COUNT(*) FROM funding_initiatives"), 0);
  EXPECT_TRUE(store::initiative_by_id(*db, ta, b)) << "the initiatives stay";
}

TEST_P(PlanStore, WarningsListGrantsEndingWithinOrEndedLessThanNinetyDaysAgo) {
  const std::string today = "2027-05-16";
  long long a = add_initiative(ta, "Initiative A");
  long long b = add_initiative(ta, "Initiative B");
  add_funding(ta, "Ends in 30 days", "2027-06-15", {b, a});
  add_funding(ta, "Ends in 200 days", "2027-12-02", {a});
  add_funding(ta, "Ended 10 days ago", "2027-05-06", {b});
  add_funding(ta, "Ended 90 days ago", "2027-02-15");
  add_funding(ta, "Ended 89 days ago", "2027-02-16");
  add_funding(ta, "Ends in 90 days", "2027-08-14");
  add_funding(ta, "Ends in 91 days", "2027-08-15");
  add_funding(ta, "Ends today", today);
  add_funding(tb, "B ends in 30 days", "2027-06-15");

  auto warnings = store::funding_warnings(*db, ta, today);
  std::vector<std::pair<std::string, long long>> got;
  for (const auto& w : warnings) got.emplace_back(w.funding.funder, w.days_left);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, long long>>{{"Ended 89 days ago", -89},
                                                                 {"Ended 10 days ago", -10},
                                                                 {"Ends today", 0},
                                                                 {"Ends in 30 days", 30},
                                                                 {"Ends in 90 days", 90}}));
  auto in30 = std::find_if(warnings.begin(), warnings.end(),
                           [](const auto& w) { return w.funding.funder == "Ends in 30 days"; });
  ASSERT_NE(in30, warnings.end());
  EXPECT_EQ(in30->funding.initiative_names, (std::vector<std::string>{"Initiative A", "Initiative B"}));
  EXPECT_EQ(warnings[1].funding.initiative_names, (std::vector<std::string>{"Initiative B"}));

  // A shorter window, and B sees only its own grant.
  EXPECT_EQ(store::funding_warnings(*db, ta, today, 30).size(), 3u) << "ended 10 days ago, today, in 30 days";
  auto of_b = store::funding_warnings(*db, tb, today);
  ASSERT_EQ(of_b.size(), 1u);
  EXPECT_EQ(of_b[0].funding.funder, "B ends in 30 days");
  EXPECT_TRUE(store::funding_warnings(*db, ta, "pas une date").empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, PlanStore, ::testing::ValuesIn(fixture::engines()));
