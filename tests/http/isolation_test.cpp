// Tenant isolation: a user of territory B walks EVERY route of the application with territory A's ids and
// must neither read nor change anything of A. New routes are picked up automatically from the router; a
// route whose path parameter this test does not know fails until it is added to `id_for` below.
#include <gtest/gtest.h>

#include <sstream>

#include "domain/kit.hpp"
#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "store/kit.hpp"
#include "store/networks.hpp"
#include "store/plan.hpp"
#include "store/portraits.hpp"
#include "store/surveys.hpp"
#include "support/http_support.hpp"
#include "support/snapshot.hpp"
#include "support/test_support.hpp"
#include "web/app.hpp"

using namespace passerelles;
using fixture::Client;
using fixture::TestServer;

namespace {

const std::string kMarker = "Zorglub-Secret-A";

struct Seeded {
  long long territory_a = 0, territory_b = 0;
  long long org_a = 0, person_a = 0, user_a = 0, token_a = 0;
  long long action_a = 0, file_a = 0;
  long long initiative_a = 0, partnership_a = 0, funding_a = 0;
  long long questionnaire_a = 0, answer_a = 0, quote_a = 0, survey_link_a = 0;
  std::string survey_token_a;  // the public token of A's survey link
  std::string token_b;         // bearer token of B's coordinator
  // A's event and a booking of it; the event's door check-in token (public by design) and the booking's token.
  long long event_a = 0, registration_a = 0;
  std::string checkin_token_a, registration_token_a;
  long long ambassador_a = 0;  // a member of A's collective
  // A's kit page (its address), shared resource, and a network without public page (member and action linked).
  std::string kit_page_a, network_slug_a;
  long long kit_resource_a = 0, network_a = 0;
  // A's portrait, a draft: public pages by its slug are 404 for everyone until it is published.
  long long portrait_a = 0;
  std::string portrait_slug_a;
  long long campaign_a = 0;  // A's portrait campaign (its posters, /collectif/campagnes/{id}/affiches.pdf)
  long long request_a = 0, proposal_a = 0;  // -- matching fields --: A's open request and a proposal on it
  long long programme_a = 0, mentee_a = 0,
            pair_a = 0;   // -- mentoring fields --: a draft programme, an application, a pair
  long long hires_a = 0;  // -- funnel fields --: a company's hires report of A (/entreprise/embauches/{id})
  long long offer_a = 0, offer_application_a = 0;  // -- opportunity fields --: A's published offer, an application
};

Seeded seed(store::Store& s) {
  Seeded d;
  d.territory_a = fixture::seed_territory(s, "territoire-a", {"025"});
  d.territory_b = fixture::seed_territory(s, "territoire-b", {"062"});
  d.user_a = fixture::seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, d.territory_a);
  long long user_b = fixture::seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, d.territory_b);
  d.token_a = store::insert_api_token(s, d.user_a, "jeton A", http::token_hash("token-a-secret"), "token-a");
  d.token_b = "token-b-secret-0123456789";
  store::insert_api_token(s, user_b, "jeton B", http::token_hash(d.token_b), "token-b");
  long long now = store::now_unix();
  s.write([&](soci::session& sql) {
    std::string name = kMarker + " SARL";
    std::string search = "zorglub-secret-a sarl";
    sql << "INSERT INTO organisations (territory_id, kind, name, search, email, created_at, updated_at) VALUES (:t, "
           "'company', :n, :s, 'contact@zorglub.example', :c, :u) RETURNING id",
        soci::use(d.territory_a), soci::use(name), soci::use(search), soci::use(now), soci::use(now),
        soci::into(d.org_a);
    std::string first = kMarker;
    sql << "INSERT INTO people (territory_id, organisation_id, first_name, last_name, email, search, created_at, "
           "updated_at) VALUES (:t, :o, :f, 'Personne', 'personne-a@zorglub.example', 'zorglub-secret-a personne', "
           ":c, :u) RETURNING id",
        soci::use(d.territory_a), soci::use(d.org_a), soci::use(first), soci::use(now), soci::use(now),
        soci::into(d.person_a);
    // An action and an evidence file of A (written directly: this test is about reading, not the action rules).
    std::string title = kMarker + " action";
    sql << "INSERT INTO actions (territory_id, kind, title, starts_on, month, status, girls, boys, created_at, "
           "updated_at) VALUES (:t, 'temoignage_classe', :n, '2025-03-10', '2025-03', 'declared', 12, 9, :c, :u) "
           "RETURNING id",
        soci::use(d.territory_a), soci::use(title), soci::use(now), soci::use(now), soci::into(d.action_a);
    std::string file_name = kMarker + ".pdf";
    sql << "INSERT INTO files (territory_id, name, content_type, size, sha256, content, created_at) VALUES (:t, :n, "
           "'application/pdf', 9, '', 'JVBERi0xLjQK', :c) RETURNING id",
        soci::use(d.territory_a), soci::use(file_name), soci::use(now), soci::into(d.file_a);
    sql << "INSERT INTO action_files (action_id, file_id, kind) VALUES (:a, :f, 'attendance')", soci::use(d.action_a),
        soci::use(d.file_a);
  });
  // A's action plan: an initiative led by its organisation, a partnership with its signed convention, a grant.
  store::Author author{d.user_a, "coord-a@exemple.fr"};
  domain::Initiative initiative;
  initiative.territory_id = d.territory_a;
  initiative.name = kMarker + " initiative";
  initiative.lead_organisation_id = d.org_a;
  initiative.targets = {{2026, "girls", 100}};
  d.initiative_a = store::insert_initiative(s, initiative, author).id;
  domain::Partnership partnership;
  partnership.territory_id = d.territory_a;
  partnership.title = kMarker + " convention";
  partnership.organisation_id = d.org_a;
  partnership.document_file_id = s.write([&](soci::session& sql) {
    long long id = 0;
    std::string name = kMarker + "-convention.pdf";
    sql << "INSERT INTO files (territory_id, name, content_type, size, sha256, content, created_at) VALUES (:t, :n, "
           "'application/pdf', 9, '', 'JVBERi0xLjQK', :c) RETURNING id",
        soci::use(d.territory_a), soci::use(name), soci::use(now), soci::into(id);
    return id;
  });
  d.partnership_a = store::insert_partnership(s, partnership, author).id;
  domain::Funding funding;
  funding.territory_id = d.territory_a;
  funding.funder = kMarker + " Région";
  funding.amount_cents = 1250000;
  funding.starts_on = "2026-01-01";
  funding.ends_on = domain::add_days(domain::paris_day(now), 30);
  funding.initiative_ids = {d.initiative_a};
  d.funding_a = store::insert_funding(s, funding, author).id;
  // -- questionnaire seed --
  // A's questionnaire, a teacher's free-text answer to it on A's action (quotable: consent given), and its quote,
  // kept off the public site (published quotes are public by design).
  d.questionnaire_a = store::copy_questionnaire_template(s, d.territory_a, "satisfaction_enseignants", author).id;
  auto questionnaire = store::questionnaire_by_id(s, d.territory_a, d.questionnaire_a);
  long long link = d.survey_link_a =
      store::create_survey_link(s, d.territory_a, d.action_a, d.questionnaire_a, author).id;
  d.survey_token_a = store::survey_link_by_id(s, d.territory_a, link)->token;
  domain::SurveySubmission answer{"single", "", "", "", true, {}};
  for (const auto& q : questionnaire->questions)
    if (q.kind == "text") answer.answers.push_back({q.id, std::nullopt, {}, kMarker + " réponse", true});
  store::insert_survey_response(s, link, answer, "2025-03-10");
  store::SurveyScope scope;
  scope.territory_id = d.territory_a;
  d.answer_a = store::text_answers(s, scope, "", "", 1).answers.at(0).id;
  d.quote_a = store::quote_answer(s, d.territory_a, d.answer_a, author).id;
  store::set_quote_public(s, d.territory_a, d.quote_a, false, author);
  // -- event seed --
  // A draft event of A in a month (a draft is seen by no public page; its title has no marker all the same, the
  // check-in page showing it) and a class booked for it, whose contact must never show to B.
  s.write([&](soci::session& sql) {
    std::string day = domain::add_days(domain::paris_day(now), 30);
    d.checkin_token_a = "checkin-a-0123456789";
    sql << "INSERT INTO events (territory_id, kind, title, starts_on, ends_on, place, capacity, status, "
           "checkin_token, created_at, updated_at) VALUES (:t, 'visite_entreprise', 'Visite de A', :d, :e, 'Atelier', "
           "30, 'draft', :k, :c, :u) RETURNING id",
        soci::use(d.territory_a), soci::use(day), soci::use(day), soci::use(d.checkin_token_a), soci::use(now),
        soci::use(now), soci::into(d.event_a);
    d.registration_token_a = "registration-a-0123456789";
    std::string contact = kMarker + " inscrite";
    sql << "INSERT INTO event_registrations (event_id, kind, status, places, token, code, contact_name, email, "
           "class_level, girls, boys, adults, created_at, updated_at) VALUES (:e, 'class', 'booked', 22, :k, "
           "'ABC123', :n, 'inscrite@zorglub.example', '4e', 10, 10, 2, :c, :u) RETURNING id",
        soci::use(d.event_a), soci::use(d.registration_token_a), soci::use(contact), soci::use(now), soci::use(now),
        soci::into(d.registration_a);
  });
  // -- collective seed --
  // A member of A's collective, with her training path (personal data B must never read).
  s.write([&](soci::session& sql) {
    std::string first = kMarker;
    sql << "INSERT INTO ambassadors (territory_id, status, first_name, last_name, email, job_title, "
           "unsubscribe_token, created_at, updated_at) VALUES (:t, 'active', :f, 'Membre', 'membre@zorglub.example', "
           "'Régleuse', 'unsubscribe-a-0123456789', :c, :u) RETURNING id",
        soci::use(d.territory_a), soci::use(first), soci::use(now), soci::use(now), soci::into(d.ambassador_a);
    sql << "INSERT INTO ambassador_steps (ambassador_id, position, diploma) VALUES (:a, 1, 'Bac pro')",
        soci::use(d.ambassador_a);
  });
  // -- gallery seed --
  {
    domain::Portrait p;
    p.territory_id = d.territory_a;
    p.first_name = kMarker;
    p.job_title = "Usineuse";
    p.quote = kMarker + " citation";
    p.consents = {"name", "photo", "job", "quote", "video"};
    d.portrait_a = store::insert_portrait(s, p, author).id;
    d.portrait_slug_a = store::portrait_by_id(s, d.territory_a, d.portrait_a)->slug;
    store::set_portrait_photo(s, d.territory_a, d.portrait_a, {{"480", "jpeg", kMarker, 480, 600}});
    store::set_portrait_video(s, d.territory_a, d.portrait_a, kMarker + " video");
  }
  // -- portrait editing seed --
  d.campaign_a = store::campaign_named(s, d.territory_a, kMarker + " campagne");
  // -- matching seed --
  s.write([&](soci::session& sql) {
    std::string contact = kMarker + " enseignante";
    sql << "INSERT INTO intervention_requests (territory_id, status, token, confirmed_at, contact_name, email, kind, "
           "girls, boys, created_at, updated_at) VALUES (:t, 'open', 'request-a-0123456789abcdefghijklm', 1, :n, "
           "'prof@zorglub.example', 'talk', 10, 10, :c, :u) RETURNING id",
        soci::use(d.territory_a), soci::use(contact), soci::use(now), soci::use(now), soci::into(d.request_a);
    sql << "INSERT INTO request_assignments (request_id, ambassador_id, day, status, why, response_token, created_at, "
           "updated_at) VALUES (:r, :a, '2030-01-07', 'proposed', :w, 'response-a-0123456789abcdefghijk', :c, :u) "
           "RETURNING id",
        soci::use(d.request_a), soci::use(d.ambassador_a), soci::use(contact), soci::use(now), soci::use(now),
        soci::into(d.proposal_a);
  });
  // -- mentoring seed --: a draft programme (its public form is 404), an application and an active pair.
  s.write([&](soci::session& sql) {
    std::string name = kMarker + " marrainage";
    sql << "INSERT INTO mentoring_programmes (territory_id, name, audience, starts_on, ends_on, status, created_at, "
           "updated_at) VALUES (:t, :n, 'lyceennes', '2030-01-01', '2030-06-30', 'draft', :c, :u) RETURNING id",
        soci::use(d.territory_a), soci::use(name), soci::use(now), soci::use(now), soci::into(d.programme_a);
    std::string first = kMarker + " filleule";
    sql << "INSERT INTO mentee_applications (programme_id, territory_id, status, token, first_name, email, "
           "voucher_email, created_at, updated_at) VALUES (:p, :t, 'matched', 'mentee-a-0123456789abcdefghijklm', :f, "
           "'filleule@zorglub.example', 'prof@zorglub.example', :c, :u) RETURNING id",
        soci::use(d.programme_a), soci::use(d.territory_a), soci::use(first), soci::use(now), soci::use(now),
        soci::into(d.mentee_a);
    sql << "INSERT INTO mentoring_pairs (programme_id, application_id, ambassador_id, status, why, created_at, "
           "updated_at) VALUES (:p, :a, :m, 'active', :w, :c, :u) RETURNING id",
        soci::use(d.programme_a), soci::use(d.mentee_a), soci::use(d.ambassador_a), soci::use(first), soci::use(now),
        soci::use(now), soci::into(d.pair_a);
  });
  // -- funnel seed --
  s.write([&](soci::session& sql) {
    sql << "INSERT INTO company_hires (territory_id, organisation_id, year, hires, hires_women, reported_at) VALUES "
           "(:t, :o, 2024, 17, 9, :c) RETURNING id",
        soci::use(d.territory_a), soci::use(d.org_a), soci::use(now), soci::into(d.hires_a);
  });
  // -- opportunity seed --: a published offer of A's company and an application to it.
  s.write([&](soci::session& sql) {
    std::string title = kMarker + " stage";
    sql << "INSERT INTO offers (territory_id, organisation_id, kind, title, places, starts_on, status, expires_on, "
           "contact_email, created_at, updated_at) VALUES (:t, :o, 'stage_3e', :n, 2, '2030-01-07', 'published', "
           "'2030-01-01', 'rh@zorglub.example', :c, :u) RETURNING id",
        soci::use(d.territory_a), soci::use(d.org_a), soci::use(title), soci::use(now), soci::use(now),
        soci::into(d.offer_a);
    std::string first = kMarker + " candidate";
    sql << "INSERT INTO offer_applications (offer_id, territory_id, status, first_name, last_name, email, sent_at, "
           "created_at, updated_at) VALUES (:o, :t, 'sent', :f, 'Martin', 'candidate@zorglub.example', :s, :c, :u) "
           "RETURNING id",
        soci::use(d.offer_a), soci::use(d.territory_a), soci::use(first), soci::use(now), soci::use(now),
        soci::use(now), soci::into(d.offer_application_a);
  });
  // -- kit seed --
  d.kit_page_a = domain::kit_page_slug(kMarker + " page");
  store::insert_kit_page(s, d.territory_a, kMarker + " page", kMarker + " texte", "", author);
  store::KitResource resource;
  resource.territory_id = d.territory_a;
  resource.title = kMarker + " ressource";
  resource.kind = "link";
  resource.url = "https://zorglub.example/kit";
  d.kit_resource_a = store::insert_kit_resource(s, resource, author).id;
  store::Network network;
  network.territory_id = d.territory_a;
  network.name = kMarker + " réseau";
  network.is_public = false;
  d.network_a = store::insert_network(s, network, author).id;
  d.network_slug_a = store::network_by_id(s, d.territory_a, d.network_a)->slug;
  store::add_network_member(s, d.territory_a, d.network_a, d.ambassador_a, "lead", author);
  store::add_network_action(s, d.territory_a, d.network_a, d.action_a, author);
  return d;
}

// Rows belonging to territory A (and A itself), one per line.
std::string rows_of_a(store::Store& s, const Seeded& d) {
  std::istringstream all(fixture::snapshot(s));
  std::string line, out;
  std::string mark = "territory_id=" + std::to_string(d.territory_a);
  while (std::getline(all, line))
    if (line.find(mark + " ") != std::string::npos || line.ends_with(mark) || line.find(kMarker) != std::string::npos ||
        line.rfind("territories: id=" + std::to_string(d.territory_a) + " ", 0) == 0)
      out += line + "\n";
  return out;
}

// The value to put in a path parameter so that it names one of A's records; "" when unknown.
std::string id_for(const std::string& pattern, const std::string& param, const Seeded& d) {
  auto has = [&](const char* s) { return pattern.find(s) != std::string::npos; };
  // The door's check-in page (/p/{token}): public by design, like the survey form.
  if (param == "token" && has("/p/")) return d.checkin_token_a;
  if (param == "uai") return "0250001A";          // reference data is shared by design
  if (param == "token") return d.survey_token_a;  // the public survey form: anyone with the link, by design
  if (param == "registration") return std::to_string(d.registration_a);
  // -- gallery ids --
  if (has("/portraits/")) return param == "slug" ? d.portrait_slug_a : std::to_string(d.portrait_a);
  // -- portrait editing ids --
  if (has("/collectif/campagnes/")) return std::to_string(d.campaign_a);
  // -- matching ids --
  if (has("/interventions/demandes/")) return std::to_string(d.request_a);
  if (has("/interventions/propositions/")) return std::to_string(d.proposal_a);
  // -- assignment ids --: an ambassador's own pages (B is no member: 403), her feed by its secret token (unknown: 404)
  if (has("/collectif/interventions/")) return std::to_string(d.proposal_a);
  if (param == "file" && has("/agenda/")) return "inconnu-0123456789abcdefghijklmn.ics";
  // -- mentoring ids --
  if (param == "id" && (has("/parrainage/programmes/"))) return std::to_string(d.programme_a);
  if (param == "id" && (has("/parrainage/candidatures/") || has("/parrainage/cautions/")))
    return std::to_string(d.mentee_a);
  if (param == "id" && has("/parrainage/binomes/")) return std::to_string(d.pair_a);
  // -- funnel ids --
  if (param == "id" && has("/entreprise/embauches/")) return std::to_string(d.hires_a);
  // -- privacy ids --: A's mentee application ({file} of the export: ID.json)
  if (has("/confidentialite/"))
    return param == "subject" ? "mentee" : std::to_string(d.mentee_a) + (param == "file" ? ".json" : "");
  // -- opportunity ids --
  if (param == "id" && has("/offres/")) return std::to_string(d.offer_a);
  if (param == "id" && pattern.rfind("/candidatures/", 0) == 0) return std::to_string(d.offer_application_a);
  // -- kit ids --
  if (param == "ambassador_id") return std::to_string(d.ambassador_a);
  if (param == "action_id") return std::to_string(d.action_a);
  if (param == "revision") return "1";
  if (has("/collectif/kit/pages/")) return d.kit_page_a;
  if (has("/collectif/kit/ressources/")) return std::to_string(d.kit_resource_a);
  if (has("/reseaux/")) return param == "slug" ? d.network_slug_a : std::to_string(d.network_a);
  if (has("/evenements/")) return std::to_string(d.event_a);
  if (has("/enquetes/")) return std::to_string(d.survey_link_a);
  if (has("/organisations/")) return std::to_string(d.org_a);
  if (has("/personnes/") || has("/people/")) return std::to_string(d.person_a);
  if (has("/utilisateurs/") || has("/users/")) return std::to_string(d.user_a);
  if (has("/jetons/") || has("/tokens/")) return std::to_string(d.token_a);
  if (has("/territoires/") || has("/territories/")) return std::to_string(d.territory_a);
  if (has("/actions/")) return std::to_string(d.action_a);
  if (has("/plan/initiatives/")) return std::to_string(d.initiative_a);
  if (has("/plan/partenariats/")) return std::to_string(d.partnership_a);
  if (has("/plan/financements/")) return std::to_string(d.funding_a);
  if (has("/fichiers/")) return std::to_string(d.file_a);
  if (has("/questionnaires/modeles/")) return "inconnu";  // built-in templates are shared: an unknown one is 404
  if (has("/questionnaires/")) return std::to_string(d.questionnaire_a);
  if (has("/retours/")) return std::to_string(d.answer_a);
  if (has("/citations/")) return std::to_string(d.quote_a);
  if (has("/collectif/membres/")) return std::to_string(d.ambassador_a);
  return "";
}

std::string fill(const std::string& pattern, const Seeded& d, std::string& unknown) {
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    auto open = pattern.find('{', i);
    if (open == std::string::npos) {
      out += pattern.substr(i);
      break;
    }
    auto close = pattern.find('}', open);
    out += pattern.substr(i, open - i);
    std::string param = pattern.substr(open + 1, close - open - 1);
    std::string v = id_for(pattern, param, d);
    if (v.empty()) unknown = param;
    out += v;
    i = close + 1;
  }
  return out;
}

}  // namespace

class Isolation : public ::testing::TestWithParam<std::string> {};

TEST_P(Isolation, ForeignTerritoryCannotReadOrChangeAnythingOnAnyRoute) {
  TestServer srv(GetParam());
  Seeded d = seed(srv.store());
  std::string before = rows_of_a(srv.store(), d);
  ASSERT_NE(before.find(kMarker), std::string::npos);

  // The same pages do show A's records to A: the checks below can see a leak.
  Client a(srv.port());
  ASSERT_EQ(a.login("coord-a@exemple.fr", "mot-de-passe-de-test"), 303);
  EXPECT_NE(a.get("/annuaire/organisations/" + std::to_string(d.org_a)).body.find(kMarker), std::string::npos);
  EXPECT_NE(a.get("/annuaire/organisations?q=zorglub").body.find(kMarker), std::string::npos);
  EXPECT_NE(a.get("/annuaire/personnes/" + std::to_string(d.person_a)).body.find(kMarker), std::string::npos);
  EXPECT_NE(a.get("/plan").body.find(kMarker + " Région"), std::string::npos) << "A sees its grant warning";
  EXPECT_NE(a.get("/retours").body.find(kMarker), std::string::npos) << "A reads its free-text answers";
  EXPECT_NE(a.get("/citations").body.find(kMarker), std::string::npos) << "A reads its quotes";
  EXPECT_NE(a.get("/evenements/" + std::to_string(d.event_a) + "/gestion").body.find(kMarker), std::string::npos)
      << "A reads the registrations of its event";
  EXPECT_NE(a.get("/collectif/kit/pages/" + d.kit_page_a).body.find(kMarker), std::string::npos) << "A's kit page";
  EXPECT_NE(a.get("/collectif/reseaux/" + std::to_string(d.network_a)).body.find(kMarker), std::string::npos)
      << "A's network, its member and its action";
  auto convention = a.get("/plan/partenariats/" + std::to_string(d.partnership_a) + "/convention");
  EXPECT_NE(convention.header("content-disposition").find(kMarker), std::string::npos);

  Client b(srv.port());
  ASSERT_EQ(b.login("coord-b@exemple.fr", "mot-de-passe-de-test"), 303);
  std::string a_org = std::to_string(d.org_a), a_person = std::to_string(d.person_a);
  // Fields a handler might read as "the other record" (merges, moves) all point at A's records.
  std::vector<std::pair<std::string, std::string>> form = {
      {"name", "Piratage"},    {"first_name", "Piratage"},    {"last_name", "Piratage"},
      {"kind", "company"},     {"other_id", a_org},           {"duplicate_id", a_org},
      {"doublon", a_org},      {"source_id", a_org},          {"organisation_id", a_org},
      {"person_id", a_person}, {"email", "pirate@exemple.fr"}};
  // The action plan's references: A's organisations and initiative.
  form.insert(form.end(), {{"lead_organisation_id", a_org},
                           {"partner_ids", a_org},
                           {"funder_organisation_id", a_org},
                           {"initiative_ids", std::to_string(d.initiative_a)},
                           {"title", "Piratage"},
                           {"funder", "Piratage"},
                           {"amount", "100"},
                           {"starts_on", "2026-01-01"},
                           {"ends_on", "2026-12-31"},
                           {"status", "draft"}});
  // Questionnaires, answers and quotes: a theme that would show in A's rows if it were saved.
  form.insert(form.end(), {{"themes", kMarker + "-theme"}, {"public", "0"}, {"audience", "pupils"}});
  std::string json = R"({"name":"Piratage","first_name":"Piratage","last_name":"Piratage","kind":"company",)"
                     R"("organisation_id":)" +
                     a_org + R"(,"other_id":)" + a_org + "}";

  int walked = 0;
  for (const auto& route : srv.app().router.routes()) {
    std::string unknown;
    std::string path = fill(route.pattern, d, unknown);
    ASSERT_TRUE(unknown.empty()) << route.method << " " << route.pattern << ": parameter {" << unknown
                                 << "} is unknown to the isolation test — add it to id_for()";
    if (path == "/deconnexion") continue;  // would end B's session; it touches nothing of A
    bool api = route.pattern.rfind("/api/", 0) == 0;
    fixture::HttpResult r;
    if (api) {
      std::map<std::string, std::string> h = {{"Authorization", "Bearer " + d.token_b},
                                              {"Content-Type", "application/json"}};
      r = b.request(route.method, path, route.method == "GET" ? "" : json, h);
    } else if (route.method == "GET") {
      r = b.get(path);
    } else {
      r = b.post_form(path, form);
    }
    ++walked;
    SCOPED_TRACE(route.method + " " + path);
    EXPECT_LT(r.status, 500);
    EXPECT_EQ(r.body.find(kMarker), std::string::npos) << "territory A's data leaked";
    EXPECT_EQ(r.body.find("zorglub.example"), std::string::npos) << "territory A's contact details leaked";
    // Reference data ({uai}) and the anonymous survey form (/q/{token}) are public by design.
    bool is_public = route.pattern.find("{uai}") != std::string::npos || route.pattern.rfind("/q/", 0) == 0 ||
                     route.pattern.rfind("/p/", 0) == 0;
    if (route.pattern.find('{') != std::string::npos && !is_public) {
      EXPECT_TRUE(r.status == 403 || r.status == 404) << "got " << r.status;
    }
  }
  EXPECT_GE(walked, 50) << "every route of the application is walked";
  EXPECT_EQ(rows_of_a(srv.store(), d), before) << "territory A's records changed";
}

INSTANTIATE_TEST_SUITE_P(Engines, Isolation, ::testing::ValuesIn(fixture::engines()));
