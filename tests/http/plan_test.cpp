// HTTP tests of the action plan on every engine: the forms (initiatives with target rows, partnerships with their
// signed PDF, funding typed in euros), errors next to the fields with what was typed kept, the warning before a
// grant ends, the convention download, roles, and another territory's ids reading as 404.
#include "store/plan.hpp"

#include <gtest/gtest.h>

#include "domain/plan.hpp"
#include "store/accounts.hpp"
#include "store/directory.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

// The element with this id and the text up to its closing tag (the message shown next to a field).
std::string element_text(const std::string& html, const std::string& id) {
  auto at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  auto start = html.find('>', at) + 1;
  return html.substr(start, html.find('<', start) - start);
}

struct World {
  long long ta = 0, tb = 0;
  long long forges = 0, elles = 0, uimm = 0, org_b = 0;
};

long long org(store::Store& s, long long territory, const std::string& name) {
  domain::Organisation o;
  o.territory_id = territory;
  o.kind = "company";
  o.name = name;
  return store::insert_organisation(s, o, {}).id;
}

World seed(store::Store& s) {
  World w;
  w.ta = fixture::seed_territory(s, "ta", {"025"});
  w.tb = fixture::seed_territory(s, "tb", {"062"});
  fixture::seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, w.ta);
  fixture::seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.tb);
  fixture::seed_user(s, "ambassadrice-a@exemple.fr", domain::Role::ambassador, w.ta);
  fixture::seed_user(s, "admin@exemple.fr", domain::Role::admin, 0);
  w.forges = org(s, w.ta, "Forges de Franche-Comté");
  w.elles = org(s, w.ta, "Association Elles bougent");
  w.uimm = org(s, w.ta, "UIMM Franche-Comté");
  w.org_b = org(s, w.tb, "Entreprise de B");
  return w;
}

// A multipart/form-data body: the fields, then one file (none when filename is empty).
struct Upload {
  std::string content_type, body;
};
Upload multipart(const std::vector<std::pair<std::string, std::string>>& fields, const std::string& filename,
                 const std::string& file_type, const std::string& bytes) {
  const std::string boundary = "----passerelles-test-7MA4YWxkTrZu0gW";
  Upload u;
  u.content_type = "multipart/form-data; boundary=" + boundary;
  for (const auto& [name, value] : fields)
    u.body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  if (!filename.empty())
    u.body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"" + filename +
              "\"\r\nContent-Type: " + file_type + "\r\n\r\n" + bytes + "\r\n";
  u.body += "--" + boundary + "--\r\n";
  return u;
}

HttpResult post_multipart(Client& c, const std::string& target, std::vector<std::pair<std::string, std::string>> fields,
                          const std::string& filename = "", const std::string& file_type = "",
                          const std::string& bytes = "") {
  fields.emplace_back("csrf", c.csrf());
  Upload u = multipart(fields, filename, file_type, bytes);
  return c.request("POST", target, u.body, {{"Content-Type", u.content_type}});
}

std::string today() {
  return domain::paris_day(store::now_unix());
}

}  // namespace

class PlanHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(PlanHttp, InitiativeWithTargetsIsCreatedShownEditedAndDeleted) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);

  auto form = c.get("/plan/initiatives/nouvelle");
  ASSERT_EQ(form.status, 200);
  expect_accessible(form.body, "initiative form");
  EXPECT_TRUE(contains(form.body, "Forges de Franche-Comté")) << "organisations of the territory to choose from";
  EXPECT_FALSE(contains(form.body, "Entreprise de B"));
  std::string year = today().substr(0, 4);
  auto created = c.post_form("/plan/initiatives/nouvelle",
                             {{"axis", "Axe 1 — Accompagner"},
                              {"name", "Mentorat de lycéennes"},
                              {"objective", "40 lycéennes accompagnées vers un BTS."},
                              {"audiences", "pupils_girls"},
                              {"audiences", "women_reconversion"},
                              {"lead_organisation_id", std::to_string(w.forges)},
                              {"partner_ids", std::to_string(w.elles)},
                              {"partner_ids", std::to_string(w.uimm)},
                              // Three target rows typed, two blank rows (a year alone is a blank row).
                              {"target_year", year},
                              {"target_indicator", "girls"},
                              {"target_value", "1 200"},
                              {"target_year", year},
                              {"target_indicator", ""},
                              {"target_value", ""},
                              {"target_year", year},
                              {"target_indicator", "actions"},
                              {"target_value", "30"},
                              {"target_year", "2099"},
                              {"target_indicator", "girls"},
                              {"target_value", "5"},
                              {"target_year", ""},
                              {"target_indicator", ""},
                              {"target_value", ""}});
  ASSERT_EQ(created.status, 303) << created.body;
  long long id = id_from_location(created.header("location"));
  ASSERT_GT(id, 0);
  auto stored = store::initiative_by_id(srv.store(), w.ta, id);
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->targets.size(), 3u);
  EXPECT_EQ(stored->targets[0].target, 1200) << "spaces between digits are accepted";
  EXPECT_EQ(stored->partner_ids.size(), 2u);

  auto show = c.get(created.header("location"));
  EXPECT_EQ(show.status, 200);
  expect_accessible(show.body, "initiative page");
  EXPECT_TRUE(contains(show.body, "Mentorat de lycéennes"));
  EXPECT_TRUE(contains(show.body, "Femmes en reconversion"));
  EXPECT_TRUE(contains(show.body, "UIMM Franche-Comté"));
  EXPECT_TRUE(contains(show.body,
                       "1\xC2\xA0"
                       "200"));
  EXPECT_TRUE(contains(show.body, "Modifier l’initiative"));

  auto plan = c.get("/plan");
  EXPECT_EQ(plan.status, 200);
  expect_accessible(plan.body, "plan");
  EXPECT_TRUE(contains(plan.body, "<h3>Axe 1 — Accompagner</h3>"));
  EXPECT_TRUE(contains(plan.body,
                       "Filles sensibilisées : 1\xC2\xA0"
                       "200"))
      << "this year's targets";
  EXPECT_FALSE(contains(plan.body, "Filles sensibilisées : 5")) << "not the 2099 target";
  EXPECT_TRUE(contains(plan.body, "Forges de Franche-Comté"));
  EXPECT_TRUE(contains(plan.body, "Association Elles bougent, UIMM Franche-Comté"));
  EXPECT_TRUE(contains(plan.body, "href=\"/plan/initiatives/nouvelle\""));

  auto edit = c.get("/plan/initiatives/" + std::to_string(id) + "/modifier");
  EXPECT_EQ(edit.status, 200);
  expect_accessible(edit.body, "initiative edit form");
  EXPECT_TRUE(contains(edit.body, "value=\"1200\""));
  EXPECT_TRUE(contains(edit.body, "value=\"2099\""));
  EXPECT_TRUE(contains(edit.body, "id=\"plan-partner-" + std::to_string(w.uimm) + "\" name=\"partner_ids\" value=\"" +
                                      std::to_string(w.uimm) + "\" checked"));
  auto updated = c.post_form(
      "/plan/initiatives/" + std::to_string(id) + "/modifier",
      {{"name", "Mentorat"}, {"target_year", year}, {"target_indicator", "people_reached"}, {"target_value", "2000"}});
  ASSERT_EQ(updated.status, 303) << updated.body;
  auto after = store::initiative_by_id(srv.store(), w.ta, id);
  EXPECT_EQ(after->name, "Mentorat");
  EXPECT_EQ(after->axis, "");
  EXPECT_TRUE(after->partner_ids.empty());
  ASSERT_EQ(after->targets.size(), 1u);
  EXPECT_EQ(after->targets[0].indicator, "people_reached");

  auto deleted = c.post_form("/plan/initiatives/" + std::to_string(id) + "/supprimer", {});
  EXPECT_EQ(deleted.status, 303);
  EXPECT_EQ(c.get("/plan/initiatives/" + std::to_string(id)).status, 404);
  auto journal = c.get("/journal");
  EXPECT_TRUE(contains(journal.body, "Mentorat de lycéennes"));
}

TEST_P(PlanHttp, RefusedInitiativeKeepsWhatWasTypedWithAMessageNextToEachField) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  auto r = c.post_form("/plan/initiatives/nouvelle", {{"name", ""},
                                                      {"objective", "Un objectif gardé"},
                                                      {"audiences", "pirates"},
                                                      {"target_year", "20x6"},
                                                      {"target_indicator", "girls"},
                                                      {"target_value", "10"},
                                                      {"target_year", "2026"},
                                                      {"target_indicator", "girls"},
                                                      {"target_value", "beaucoup"}});
  EXPECT_EQ(r.status, 422);
  expect_accessible(r.body, "refused initiative form");
  EXPECT_EQ(element_text(r.body, "plan-name-error"), "Ce champ est obligatoire.");
  EXPECT_EQ(element_text(r.body, "plan-audiences-error"), "Choisissez les publics parmi ceux proposés.");
  EXPECT_TRUE(contains(element_text(r.body, "plan-target-0-error"), "entre 2000 et 2100")) << r.body;
  EXPECT_TRUE(contains(element_text(r.body, "plan-target-1-error"), "nombre entier"));
  EXPECT_TRUE(contains(r.body, "value=\"20x6\"")) << "the typed year comes back";
  EXPECT_TRUE(contains(r.body, "value=\"beaucoup\""));
  EXPECT_TRUE(contains(r.body, "Un objectif gardé"));
  EXPECT_TRUE(contains(r.body, "href=\"#plan-target-1-year\"")) << "the summary links to the row";
  EXPECT_TRUE(contains(r.body,
                       "id=\"plan-name\" name=\"name\" value=\"\" maxlength=\"200\" required autocomplete=\"off\" "
                       "aria-invalid=\"true\""));
  EXPECT_EQ(count_rows(srv.store(), "initiatives"), 0);

  // A lead of another territory: refused by the store, the form comes back.
  auto foreign = c.post_form("/plan/initiatives/nouvelle",
                             {{"name", "Avec B"}, {"lead_organisation_id", std::to_string(w.org_b)}});
  EXPECT_EQ(foreign.status, 422);
  EXPECT_TRUE(contains(element_text(foreign.body, "plan-lead_organisation_id-error"), "n’existe pas"));
  EXPECT_EQ(count_rows(srv.store(), "initiatives"), 0);
}

TEST_P(PlanHttp, FundingInEurosAndTheWarningNamingTheInitiatives) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  domain::Initiative i;
  i.territory_id = w.ta;
  i.name = "Visites d’entreprises";
  long long visits = store::insert_initiative(srv.store(), i, {}).id;
  i.name = "Stages de 3e";
  long long stages = store::insert_initiative(srv.store(), i, {}).id;

  auto form = c.get("/plan/financements/nouveau");
  ASSERT_EQ(form.status, 200);
  expect_accessible(form.body, "funding form");
  EXPECT_TRUE(contains(form.body, "Visites d’entreprises"));

  std::string ends = domain::add_days(today(), 45);
  auto bad = c.post_form("/plan/financements/nouveau", {{"funder", "Région Bourgogne-Franche-Comté"},
                                                        {"amount", "abc"},
                                                        {"starts_on", "2026-01-01"},
                                                        {"ends_on", "30/06/2027"},
                                                        {"initiative_ids", std::to_string(visits)}});
  EXPECT_EQ(bad.status, 422);
  expect_accessible(bad.body, "refused funding form");
  EXPECT_TRUE(contains(element_text(bad.body, "plan-amount-error"), "12 500,50 €"));
  EXPECT_TRUE(contains(element_text(bad.body, "plan-ends_on-error"), "pas valide"));
  EXPECT_TRUE(contains(bad.body, "value=\"abc\""));
  EXPECT_TRUE(contains(bad.body, "value=\"" + std::to_string(visits) + "\" checked"));
  auto negative =
      c.post_form("/plan/financements/nouveau",
                  {{"funder", "Région"}, {"amount", "-500"}, {"starts_on", "2026-01-01"}, {"ends_on", ends}});
  EXPECT_EQ(negative.status, 422);
  EXPECT_FALSE(element_text(negative.body, "plan-amount-error").empty());
  EXPECT_EQ(count_rows(srv.store(), "fundings"), 0);

  auto created = c.post_form("/plan/financements/nouveau", {{"funder", "Région Bourgogne-Franche-Comté"},
                                                            {"amount", "12 500,50 €"},
                                                            {"starts_on", "2026-01-01"},
                                                            {"ends_on", ends},
                                                            {"purpose", "Visites et stages"},
                                                            {"initiative_ids", std::to_string(visits)},
                                                            {"initiative_ids", std::to_string(stages)}});
  ASSERT_EQ(created.status, 303) << created.body;
  auto fundings = store::fundings_of(srv.store(), w.ta);
  ASSERT_EQ(fundings.size(), 1u);
  EXPECT_EQ(fundings[0].amount_cents, 1250050);
  EXPECT_EQ(fundings[0].initiative_ids.size(), 2u);

  auto plan = c.get("/plan");
  EXPECT_EQ(plan.status, 200);
  expect_accessible(plan.body, "plan with a warning");
  std::string warning =
      "La subvention « Région Bourgogne-Franche-Comté » (12\xC2\xA0"
      "500,50\xC2\xA0€) se termine le " +
      domain::format_day_fr(ends) + ", dans 45 jours : elle finance « Visites d’entreprises », « Stages de 3e ».";
  EXPECT_TRUE(contains(plan.body, warning)) << plan.body;
  EXPECT_TRUE(contains(plan.body, "role=\"alert\""));
  EXPECT_LT(plan.body.find(warning), plan.body.find("<h2 id=\"initiatives\">")) << "the warning comes first";

  // Edit: the amount comes back the French way; a change is saved and the warning disappears past 90 days.
  long long fid = fundings[0].id;
  auto edit = c.get("/plan/financements/" + std::to_string(fid) + "/modifier");
  EXPECT_EQ(edit.status, 200);
  expect_accessible(edit.body, "funding edit form");
  EXPECT_TRUE(contains(edit.body,
                       "value=\"12\xC2\xA0"
                       "500,50\xC2\xA0€\""));
  auto updated = c.post_form("/plan/financements/" + std::to_string(fid) + "/modifier",
                             {{"funder", "Région BFC"},
                              {"amount",
                               "12\xC2\xA0"
                               "500,50\xC2\xA0€"},
                              {"starts_on", "2026-01-01"},
                              {"ends_on", domain::add_days(today(), 200)}});
  ASSERT_EQ(updated.status, 303) << updated.body;
  EXPECT_EQ(store::funding_by_id(srv.store(), w.ta, fid)->amount_cents, 1250050);
  EXPECT_FALSE(contains(c.get("/plan").body, "role=\"alert\""));
  EXPECT_EQ(c.post_form("/plan/financements/" + std::to_string(fid) + "/supprimer", {}).status, 303);
  EXPECT_EQ(count_rows(srv.store(), "fundings"), 0);
}

TEST_P(PlanHttp, ConventionIsAPdfCheckedByItsContentAndDownloadedAsAnAttachment) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  auto form = c.get("/plan/partenariats/nouveau");
  ASSERT_EQ(form.status, 200);
  expect_accessible(form.body, "partnership form");
  EXPECT_TRUE(contains(form.body, "enctype=\"multipart/form-data\""));

  std::vector<std::pair<std::string, std::string>> fields = {{"title", "Convention UIMM 2026-2028"},
                                                             {"organisation_id", std::to_string(w.uimm)},
                                                             {"status", "signed"},
                                                             {"starts_on", "2026-01-01"},
                                                             {"ends_on", "2028-12-31"}};
  // An executable renamed .pdf and sent as a PDF: refused by its content, nothing stored.
  std::string elf = std::string(
                        "\x7F"
                        "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                        16) +
                    std::string(200, '\x90');
  auto refused = post_multipart(c, "/plan/partenariats/nouveau", fields, "convention.pdf", "application/pdf", elf);
  EXPECT_EQ(refused.status, 422);
  expect_accessible(refused.body, "refused partnership form");
  EXPECT_TRUE(contains(element_text(refused.body, "plan-document-error"), "n’est pas accepté")) << refused.body;
  EXPECT_TRUE(contains(refused.body, "value=\"Convention UIMM 2026-2028\""));
  EXPECT_EQ(count_rows(srv.store(), "files"), 0);
  EXPECT_EQ(count_rows(srv.store(), "partnerships"), 0);

  // A good PDF with another field wrong: the file is not stored either, and the form says so.
  auto end_first = fields;
  end_first[4].second = "2025-01-01";
  auto wrong = post_multipart(c, "/plan/partenariats/nouveau", end_first, "convention.pdf", "application/pdf", kPdf);
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(contains(element_text(wrong.body, "plan-ends_on-error"), "précéder"));
  EXPECT_TRUE(contains(element_text(wrong.body, "plan-document-error"), "choisissez-le à nouveau"));
  EXPECT_EQ(count_rows(srv.store(), "files"), 0);

  auto created =
      post_multipart(c, "/plan/partenariats/nouveau", fields, "Convention signée.pdf", "application/pdf", kPdf);
  ASSERT_EQ(created.status, 303) << created.body;
  long long id = id_from_location(created.header("location"));
  auto show = c.get("/plan/partenariats/" + std::to_string(id));
  EXPECT_EQ(show.status, 200);
  expect_accessible(show.body, "partnership page");
  EXPECT_TRUE(contains(show.body, "Signée"));
  EXPECT_TRUE(contains(show.body, "UIMM Franche-Comté"));
  EXPECT_TRUE(contains(show.body, "du 1er janvier 2026 au 31 décembre 2028"));

  auto pdf = c.get("/plan/partenariats/" + std::to_string(id) + "/convention");
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body, kPdf);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.header("x-content-type-options"), "nosniff");
  std::string disposition = pdf.header("content-disposition");
  EXPECT_EQ(disposition.rfind("attachment;", 0), 0u) << disposition;
  EXPECT_TRUE(contains(disposition, "filename*=UTF-8''Convention%20sign%C3%A9e.pdf")) << disposition;

  // Edit without a new file keeps the document; "remove" takes it off and deletes it.
  auto kept = post_multipart(c, "/plan/partenariats/" + std::to_string(id) + "/modifier",
                             {{"title", "Convention UIMM"}, {"status", "signed"}});
  ASSERT_EQ(kept.status, 303) << kept.body;
  EXPECT_EQ(c.get("/plan/partenariats/" + std::to_string(id) + "/convention").status, 200);
  auto removed = post_multipart(c, "/plan/partenariats/" + std::to_string(id) + "/modifier",
                                {{"title", "Convention UIMM"}, {"status", "ended"}, {"remove_document", "1"}});
  ASSERT_EQ(removed.status, 303) << removed.body;
  EXPECT_EQ(c.get("/plan/partenariats/" + std::to_string(id) + "/convention").status, 404);
  EXPECT_EQ(count_rows(srv.store(), "files"), 0);

  EXPECT_EQ(c.post_form("/plan/partenariats/" + std::to_string(id) + "/supprimer", {}).status, 303);
  EXPECT_EQ(c.get("/plan/partenariats/" + std::to_string(id)).status, 404);
}

TEST_P(PlanHttp, AnotherTerritorysPlanReadsAsNotFoundAndRolesAreRespected) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  domain::Initiative i;
  i.territory_id = w.ta;
  i.name = "Initiative secrète de A";
  long long initiative = store::insert_initiative(srv.store(), i, {}).id;
  domain::Partnership p;
  p.territory_id = w.ta;
  p.title = "Convention secrète de A";
  long long partnership = store::insert_partnership(srv.store(), p, {}).id;
  domain::Funding f;
  f.territory_id = w.ta;
  f.funder = "Financeur secret de A";
  f.starts_on = today();
  f.ends_on = domain::add_days(today(), 10);
  long long funding = store::insert_funding(srv.store(), f, {}).id;

  Client b(srv.port());
  ASSERT_EQ(b.login("coord-b@exemple.fr", kPassword), 303);
  for (const std::string& path : {"/plan/initiatives/" + std::to_string(initiative),
                                  "/plan/initiatives/" + std::to_string(initiative) + "/modifier",
                                  "/plan/partenariats/" + std::to_string(partnership),
                                  "/plan/partenariats/" + std::to_string(partnership) + "/modifier",
                                  "/plan/partenariats/" + std::to_string(partnership) + "/convention",
                                  "/plan/financements/" + std::to_string(funding) + "/modifier"})
    EXPECT_EQ(b.get(path).status, 404) << path;
  EXPECT_EQ(b.post_form("/plan/financements/" + std::to_string(funding) + "/supprimer", {}).status, 404);
  EXPECT_EQ(b.post_form("/plan/initiatives/" + std::to_string(initiative) + "/modifier", {{"name", "Piratage"}}).status,
            404);
  auto plan_b = b.get("/plan");
  EXPECT_EQ(plan_b.status, 200);
  EXPECT_FALSE(contains(plan_b.body, "secret")) << "B's plan shows nothing of A";
  EXPECT_EQ(store::initiative_by_id(srv.store(), w.ta, initiative)->name, "Initiative secrète de A");
  EXPECT_TRUE(store::funding_by_id(srv.store(), w.ta, funding));

  // An ambassador reads the plan (and its warning) but gets no editing buttons and no forms.
  Client amb(srv.port());
  ASSERT_EQ(amb.login("ambassadrice-a@exemple.fr", kPassword), 303);
  auto plan = amb.get("/plan");
  EXPECT_EQ(plan.status, 200);
  EXPECT_TRUE(contains(plan.body, "Initiative secrète de A"));
  EXPECT_TRUE(contains(plan.body, "Financeur secret de A"));
  EXPECT_FALSE(contains(plan.body, "/plan/initiatives/nouvelle"));
  EXPECT_FALSE(contains(plan.body, "/modifier"));
  EXPECT_EQ(amb.get("/plan/initiatives/nouvelle").status, 403);
  EXPECT_EQ(amb.post_form("/plan/initiatives/" + std::to_string(initiative) + "/supprimer", {}).status, 403);

  // An admin has no territory: the same explanation as the directory.
  Client admin(srv.port());
  ASSERT_EQ(admin.login("admin@exemple.fr", kPassword), 303);
  auto none = admin.get("/plan");
  EXPECT_EQ(none.status, 403);
  EXPECT_TRUE(contains(none.body, "aucun territoire"));
  EXPECT_EQ(admin.get("/plan/initiatives/nouvelle").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Engines, PlanHttp, ::testing::ValuesIn(fixture::engines()));
