// HTTP tests of surveys on every engine: a coordinator attaches the pupils' questionnaire to an action and gets its
// short link and QR code; phones answer before and after without account, session, CSRF token or tracking cookie
// (one answer per phase per device, remembered by a cookie scoped to the link that holds no identifier); bad input
// gets French messages next to the questions and stores nothing; the results and the dashboard show the change,
// with no figure for fewer than 5 answers; roles and territories are enforced.
#include <gtest/gtest.h>

#include <regex>

#include "domain/plan.hpp"
#include "store/accounts.hpp"
#include "store/actions.hpp"
#include "store/surveys.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

struct World {
  long long ta = 0, tb = 0, action = 0, action_b = 0;
};

long long add_action(store::Store& s, long long territory, const std::string& day, bool validate) {
  domain::Action a;
  a.territory_id = territory;
  a.kind = "temoignage_classe";
  a.title = "Témoignage " + day;
  a.starts_on = day;
  a.duration_minutes = 60;
  a.audience[0] = 12;
  a.audience[1] = 14;
  store::Author by{0, "test"};
  auto r = store::insert_action(s, a, by);
  EXPECT_TRUE(r.ok());
  if (validate) {
    EXPECT_TRUE(store::set_action_status(s, territory, r.id, "validated", "", by).ok());
  }
  return r.id;
}

World seed(store::Store& s) {
  World w;
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, w.ta);
  seed_user(s, "amb-a@exemple.fr", domain::Role::ambassador, w.ta);
  seed_user(s, "lecteur-a@exemple.fr", domain::Role::viewer, w.ta);
  seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.tb);
  std::string day = domain::paris_day(store::now_unix());
  w.action = add_action(s, w.ta, day, true);
  w.action_b = add_action(s, w.tb, day, true);
  return w;
}

std::string token_of(const std::string& html) {
  std::smatch m;
  static const std::regex re("/q/([A-Z0-9]{6})\"");
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

// The ids of the six statements of the form, in order ("q12"…).
std::vector<std::string> question_names(const std::string& html) {
  std::vector<std::string> out;
  static const std::regex re("name=\"(q[0-9]+)\" value=\"1\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

long long responses(store::Store& s, const std::string& phase) {
  return s.read([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM survey_responses WHERE phase = :p", soci::use(phase), soci::into(n);
    return n;
  });
}

// A pupil's answers: statement i gets values[i] ("" = skipped, "nsp" = je ne sais pas).
std::vector<std::pair<std::string, std::string>> answers(const std::vector<std::string>& names,
                                                         const std::vector<std::string>& values,
                                                         const std::string& phase, const std::string& code = "",
                                                         const std::string& gender = "girl") {
  std::vector<std::pair<std::string, std::string>> f{{"phase", phase}, {"gender", gender}, {"level", "4e"}};
  if (!code.empty()) f.emplace_back("code", code);
  for (std::size_t i = 0; i < names.size() && i < values.size(); ++i)
    if (!values[i].empty()) f.emplace_back(names[i], values[i]);
  return f;
}

HttpResult post_anonymous(Client& c, const std::string& target,
                          const std::vector<std::pair<std::string, std::string>>& f) {
  return c.request("POST", target, url_encode_form(f), {{"Content-Type", "application/x-www-form-urlencoded"}});
}

}  // namespace

class SurveyHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(SurveyHttp, PupilsAnswerBeforeAndAfterAnonymouslyAndTheChangeShows) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);

  auto action = coord.get("/actions/" + std::to_string(w.action));
  ASSERT_EQ(action.status, 200);
  EXPECT_TRUE(contains(action.body, "Créer le questionnaire élèves avant/après"));
  auto created = coord.post_form("/actions/" + std::to_string(w.action) + "/enquetes", {});
  ASSERT_EQ(created.status, 303) << created.body;
  std::string link_url = created.header("location").substr(0, created.header("location").find('?'));
  auto link = coord.get(created.header("location"));
  ASSERT_EQ(link.status, 200);
  expect_accessible(link.body, "survey link page");
  std::string token = token_of(link.body);
  ASSERT_EQ(token.size(), 6u) << link.body;
  EXPECT_TRUE(contains(link.body, "<svg")) << "the QR code is on the page";
  EXPECT_TRUE(contains(link.body, "avant l’action"));
  // Creating it again shows the same link.
  auto again = coord.post_form("/actions/" + std::to_string(w.action) + "/enquetes", {});
  EXPECT_EQ(again.status, 303);
  EXPECT_EQ(again.header("location"), link_url);

  // A phone: no account, no session, no cookie set by merely reading the form; small page.
  Client phone(srv.port());
  auto form = phone.get("/q/" + token);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(form.set_cookies.empty()) << "reading the form sets no cookie";
  expect_accessible(form.body, "answer form");
  std::smatch css;
  ASSERT_TRUE(std::regex_search(form.body, css, std::regex("href=\"(/static/survey[^\"]+)\"")));
  auto sheet = phone.get(css[1].str());
  ASSERT_EQ(sheet.status, 200);
  EXPECT_LT(form.body.size() + sheet.body.size(), 50u * 1024) << "the form weighs under 50 KB, uncompressed";
  EXPECT_FALSE(contains(form.body, "<script")) << "works without JavaScript";
  auto names = question_names(form.body);
  ASSERT_EQ(names.size(), 6u);
  // Statements (template order): sales, bruyants, force_physique, aussi_pour_les_filles, je_pourrais, avenir.

  // Bad input: French messages next to the questions, nothing stored.
  auto bad = post_anonymous(phone, "/q/" + token, answers(names, {"9", "4"}, "pre", "trop-long"));
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "Choisissez une réponse de 1 à 5, ou « je ne sais pas »."));
  EXPECT_TRUE(contains(bad.body, "Le code compte exactement 4 lettres ou chiffres"));
  EXPECT_TRUE(contains(bad.body, "value=\"4\" checked")) << "what was typed is kept";
  EXPECT_EQ(responses(srv.store(), "pre"), 0);
  auto empty = post_anonymous(phone, "/q/" + token, {{"phase", "pre"}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, "Réponds à au moins une question"));
  auto wrong_phase = post_anonymous(phone, "/q/" + token, answers(names, {"4"}, "post"));
  EXPECT_EQ(wrong_phase.status, 422);
  EXPECT_TRUE(contains(wrong_phase.body, "a changé d’étape"));
  EXPECT_EQ(responses(srv.store(), "pre") + responses(srv.store(), "post"), 0);

  // Six pupils before: 1 of 6 agrees "aussi pour les filles", 5 of 6 find the jobs dirty.
  std::vector<Client> phones;
  for (int i = 0; i < 6; ++i) phones.emplace_back(srv.port());
  for (int i = 0; i < 6; ++i) {
    std::string filles = i == 0 ? "5" : "2";
    std::string sales = i < 5 ? "4" : "1";
    auto r = post_anonymous(phones[static_cast<std::size_t>(i)], "/q/" + token,
                            answers(names, {sales, "3", "nsp", filles, "2", "3"}, "pre", "AB1" + std::to_string(i)));
    ASSERT_EQ(r.status, 303) << r.body;
    ASSERT_EQ(r.set_cookies.size(), 1u);
    EXPECT_TRUE(contains(r.set_cookies[0], "pq_" + token + "=pre;")) << r.set_cookies[0];
    EXPECT_TRUE(contains(r.set_cookies[0], "Path=/q/" + token)) << "scoped to the link";
    EXPECT_TRUE(contains(r.set_cookies[0], "HttpOnly"));
  }
  EXPECT_EQ(responses(srv.store(), "pre"), 6);
  // The same device cannot answer the same phase twice.
  auto twice = post_anonymous(phones[0], "/q/" + token, answers(names, {"1"}, "pre"));
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(contains(twice.body, "Tu as déjà répondu avant l’intervention"));
  EXPECT_EQ(responses(srv.store(), "pre"), 6);
  EXPECT_TRUE(contains(phones[0].get("/q/" + token).body, "Tu as déjà répondu"));

  // Not enough answers after: no figure for the "after" phase yet.
  auto partial = coord.get(link_url + "/resultats");
  ASSERT_EQ(partial.status, 200);
  EXPECT_TRUE(contains(partial.body, "Moins de 5 réponses dans une des phases")) << "0 answers after";

  // The coordinator switches to "after"; the same devices answer again: 5 of 6 now agree.
  ASSERT_EQ(coord.post_form(link_url + "/etape", {{"phase", "post"}}).status, 303);
  // The form as served now (it is cached between visits) is the "after" one.
  auto post_form = Client(srv.port()).get("/q/" + token);
  EXPECT_TRUE(contains(post_form.body, "name=\"phase\" value=\"post\""));
  EXPECT_TRUE(contains(post_form.body, "Après l’intervention"));
  auto stale = post_anonymous(phone, "/q/" + token, answers(names, {"1"}, "pre"));
  EXPECT_EQ(stale.status, 422) << "a form opened before the switch";
  for (int i = 0; i < 6; ++i) {
    std::string filles = i == 5 ? "2" : "5";
    std::string sales = i == 0 ? "4" : "2";
    auto r = post_anonymous(phones[static_cast<std::size_t>(i)], "/q/" + token,
                            answers(names, {sales, "3", "nsp", filles, "4", "4"}, "post", "ab1" + std::to_string(i)));
    ASSERT_EQ(r.status, 303) << r.body;
    EXPECT_TRUE(contains(r.set_cookies.at(0), "pq_" + token + "=pre.post;"));
  }
  EXPECT_EQ(responses(srv.store(), "post"), 6);

  auto results = coord.get(link_url + "/resultats");
  ASSERT_EQ(results.status, 200);
  expect_accessible(results.body, "survey results");
  // "aussi pour les filles": 16,7 % before (1/6) and 83,3 % after (5/6): +66,7 points; 6 linked pairs.
  EXPECT_TRUE(contains(results.body, "16,7\u202F%")) << results.body;
  EXPECT_TRUE(contains(results.body, "83,3\u202F%"));
  EXPECT_TRUE(contains(results.body, "+66,7\u00A0pts"));
  EXPECT_TRUE(contains(results.body, "6 réponse(s) d’après reliée(s)")) << "codes are case-insensitive";
  EXPECT_TRUE(contains(results.body, "petit échantillon"));
  // "force physique": only "je ne sais pas" — no figure.
  EXPECT_TRUE(contains(results.body, "Moins de 5 réponses dans une des phases : non affiché. (0 avant, 0 après)"));

  // The dashboard of the territory shows the change (the action is validated).
  auto dash = coord.get("/tableau-de-bord");
  ASSERT_EQ(dash.status, 200);
  EXPECT_TRUE(contains(dash.body, "Évolution des regards"));
  EXPECT_TRUE(contains(dash.body, "+66,7\u00A0pts"));

  // What is stored: the day only, no identifier of the device or the person.
  std::string today = domain::paris_day(store::now_unix());
  srv.store().read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT day, code, gender, level FROM survey_responses");
    for (const auto& r : rs) {
      EXPECT_EQ(r.get<std::string>(0), today);
      EXPECT_EQ(r.get<std::string>(1).size(), 4u);
    }
  });

  // Closed: no more answers.
  ASSERT_EQ(coord.post_form(link_url + "/etape", {{"phase", "closed"}}).status, 303);
  Client late(srv.port());
  auto closed = late.get("/q/" + token);
  EXPECT_TRUE(contains(closed.body, "Ce questionnaire est fermé"));
  EXPECT_EQ(post_anonymous(late, "/q/" + token, answers(names, {"1"}, "post")).status, 409);
}

TEST_P(SurveyHttp, TokensCodesRolesAndTerritories) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  auto created = coord.post_form("/actions/" + std::to_string(w.action) + "/enquetes", {});
  ASSERT_EQ(created.status, 303);
  std::string link_url = created.header("location").substr(0, created.header("location").find('?'));
  std::string token = token_of(coord.get(link_url).body);
  ASSERT_EQ(token.size(), 6u);

  Client anon(srv.port());
  std::string lower = token;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  auto redirected = anon.get("/q/" + lower);
  EXPECT_EQ(redirected.status, 301);
  EXPECT_EQ(redirected.header("location"), "/q/" + token);
  EXPECT_EQ(anon.get("/q/ZZZZZZ").status, 404);
  auto code_page = anon.get("/q");
  EXPECT_EQ(code_page.status, 200);
  expect_accessible(code_page.body, "code page");
  EXPECT_EQ(anon.get("/q?code=" + lower).header("location"), "/q/" + token);
  auto bad_code = anon.get("/q?code=abc");
  EXPECT_EQ(bad_code.status, 422);
  EXPECT_TRUE(contains(bad_code.body, "Ce code n’existe pas"));

  // The form is served from a cache between visits: two edits of the questionnaire within a second both show.
  auto link = store::survey_link_by_token(srv.store(), token);
  ASSERT_TRUE(link);
  EXPECT_TRUE(contains(anon.get("/q/" + token).body, "Les métiers de l’industrie sont des métiers sales."));
  for (const char* wording : {"Ces métiers sont salissants.", "Ces métiers sont vraiment salissants."}) {
    auto q = store::questionnaire_by_id(srv.store(), w.ta, link->questionnaire_id);
    ASSERT_TRUE(q);
    q->questions.at(0).text = wording;
    ASSERT_TRUE(store::update_questionnaire(srv.store(), *q, {0, "test"}).ok());
    auto shown = anon.get("/q/" + token);
    EXPECT_TRUE(contains(shown.body, wording)) << wording;
  }

  // Files: QR code as SVG and PNG, printable card, slide.
  auto svg = coord.get(link_url + "/qr.svg");
  EXPECT_EQ(svg.status, 200);
  EXPECT_EQ(svg.header("content-type"), "image/svg+xml");
  auto png = coord.get(link_url + "/qr.png");
  EXPECT_EQ(png.body.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(coord.get(link_url + "/carte.pdf").body.substr(0, 5), "%PDF-");
  EXPECT_EQ(coord.get(link_url + "/diapo.png").body.substr(1, 3), "PNG");

  // An ambassador of the territory may show it and switch its phase; a reader may not.
  Client amb(srv.port());
  ASSERT_EQ(amb.login("amb-a@exemple.fr", kPassword), 303);
  EXPECT_EQ(amb.get(link_url).status, 200);
  EXPECT_EQ(amb.post_form(link_url + "/etape", {{"phase", "post"}}).status, 303);
  EXPECT_EQ(amb.post_form(link_url + "/etape", {{"phase", "single"}}).status, 400) << "no such phase here";
  Client reader(srv.port());
  ASSERT_EQ(reader.login("lecteur-a@exemple.fr", kPassword), 303);
  EXPECT_EQ(reader.post_form("/actions/" + std::to_string(w.action) + "/enquetes", {}).status, 403);
  EXPECT_EQ(reader.post_form(link_url + "/etape", {{"phase", "closed"}}).status, 403);

  // Another territory: its ids read as 404, and its action cannot get a link.
  Client other(srv.port());
  ASSERT_EQ(other.login("coord-b@exemple.fr", kPassword), 303);
  EXPECT_EQ(other.get(link_url).status, 404);
  EXPECT_EQ(other.get(link_url + "/resultats").status, 404);
  EXPECT_EQ(other.get(link_url + "/qr.png").status, 404);
  EXPECT_EQ(other.post_form(link_url + "/etape", {{"phase", "closed"}}).status, 404);
  EXPECT_EQ(coord.post_form("/actions/" + std::to_string(w.action_b) + "/enquetes", {}).status, 404);
  auto l = store::survey_link_by_token(srv.store(), token);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->phase, "post") << "the other territory's attempt changed nothing";
  // The link "after", served to a new device: the cached "before" form is not served any more.
  EXPECT_TRUE(contains(Client(srv.port()).get("/q/" + token).body, "name=\"phase\" value=\"post\""));
}

INSTANTIATE_TEST_SUITE_P(Engines, SurveyHttp, ::testing::ValuesIn(fixture::engines()));
