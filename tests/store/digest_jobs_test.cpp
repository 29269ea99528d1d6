// The monthly digest on every engine, with a real SMTP sink: each active member who wants it gets one e-mail a month
// (text and HTML, one-click unsubscribe headers) about her own territory's news, never twice even when the job runs
// again; unsubscribed members and territories with nothing new get nothing; a failed send is counted, not retried.
#include "jobs/digest_jobs.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <stdexcept>

#include "action_fixture.hpp"
#include "domain/plan.hpp"
#include "store/ambassadors.hpp"
#include "store/portraits.hpp"
#include "support/smtp_sink.hpp"

using namespace passerelles;

namespace {

constexpr const char* kBase = "https://passerelles.example.org";
constexpr const char* kFrom = "Passerelles <ne-pas-repondre@passerelles.example.org>";

std::vector<std::string> to(const std::vector<std::string>& messages, const std::string& address) {
  std::vector<std::string> out;
  for (const auto& m : messages)
    if (m.find("X-Envelope-To: " + address) != std::string::npos) out.push_back(m);
  return out;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// 'YYYY-MM-DD' a month after `day` (the 2nd of that month).
std::string next_month(const std::string& day) {
  int y = std::stoi(day.substr(0, 4)), m = std::stoi(day.substr(5, 2)) + 1;
  if (m == 13) {
    m = 1;
    ++y;
  }
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02d-02", y, m);
  return out;
}

}  // namespace

class DigestJobs : public fixture::ActionWorld {
 protected:
  long long now = store::now_unix();
  std::string today = domain::paris_day(now);

  long long member(const std::string& first, const std::string& email, long long territory) {
    domain::Ambassador a;
    a.first_name = first;
    a.last_name = "Test";
    a.email = email;
    a.job_title = "Régleuse";
    auto inv = store::invite_ambassador(*db, territory, a, by);
    EXPECT_TRUE(inv.result.ok());
    EXPECT_TRUE(store::accept_invitation(*db, inv.token, "h", now).ok());
    return inv.ambassador_id;
  }

  void SetUp() override {
    ActionWorld::SetUp();
    // Nothing new in territory B: its default kit pages are old.
    db->write([&](soci::session& sql) {
      sql << "UPDATE kit_pages SET updated_at = 1000, created_at = 1000 WHERE territory_id = :t", soci::use(tb);
    });
    domain::Portrait p;
    p.territory_id = ta;
    p.first_name = "Amélie";
    p.last_name = "Rousseau";
    p.job_title = "Technicienne de maintenance";
    p.domain = "maintenance";
    p.consents = {"name", "job"};
    p.status = "published";
    ASSERT_TRUE(store::insert_portrait(*db, p, by).ok());
    p.first_name = "Cachée";
    p.status = "draft";  // unpublished: never in a digest
    ASSERT_TRUE(store::insert_portrait(*db, p, by).ok());
    anne = member("Anne", "anne@exemple.fr", ta);
    berthe = member("Berthe", "berthe@exemple.fr", ta);
    carole = member("Carole", "carole@exemple.fr", ta);
    dina = member("Dina", "dina@exemple.fr", tb);
    auto b = store::ambassador_by_id(*db, ta, berthe);
    ASSERT_TRUE(store::unsubscribe_digest(*db, b->unsubscribe_token));
  }

  long long anne = 0, berthe = 0, carole = 0, dina = 0;
};

TEST_P(DigestJobs, SentOncePerMonthToThoseWhoWantItAndHaveNews) {
  fixture::SmtpSink sink;
  mail::Mailer mailer(sink.url(), "", "", kFrom);
  auto first = jobs::run_digest(*db, mailer, kBase, today, now);
  EXPECT_EQ(first.sent, 2);
  EXPECT_EQ(first.failed, 0);
  EXPECT_EQ(first.skipped, 1) << "Dina: nothing new in territory B";
  auto mails = sink.wait_for(2);
  ASSERT_EQ(mails.size(), 2u);
  auto anne_mails = to(mails, "anne@exemple.fr");
  ASSERT_EQ(anne_mails.size(), 1u);
  const std::string& m = anne_mails[0];
  std::string token = store::ambassador_by_id(*db, ta, anne)->unsubscribe_token;
  EXPECT_TRUE(has(m, "List-Unsubscribe: <https://passerelles.example.org/collectif/desabonnement/" + token + ">"));
  EXPECT_TRUE(has(m, "List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
  EXPECT_TRUE(has(m, "Content-Type: multipart/alternative"));
  EXPECT_TRUE(has(m, "Content-Type: text/html; charset=utf-8"));
  EXPECT_TRUE(has(m, "Bonjour Anne,"));
  EXPECT_TRUE(has(m, "Amélie R. — Technicienne de maintenance"));
  EXPECT_TRUE(has(m, "https://passerelles.example.org/portraits/technicienne-de-maintenance"));
  EXPECT_TRUE(has(m, "Réponses aux clichés")) << "the territory's kit pages are new this month";
  EXPECT_FALSE(has(m, "Cachée"));
  EXPECT_EQ(to(mails, "carole@exemple.fr").size(), 1u);
  EXPECT_TRUE(to(mails, "berthe@exemple.fr").empty()) << "unsubscribed";
  EXPECT_TRUE(to(mails, "dina@exemple.fr").empty());
  EXPECT_EQ(fixture::count_rows(*db, "digest_sends"), 2);

  // Again the same day, or later this month: nothing more.
  auto again = jobs::run_digest(*db, mailer, kBase, today, now + 3600);
  EXPECT_EQ(again.sent, 0);
  EXPECT_EQ(again.skipped, 1);
  EXPECT_EQ(sink.messages().size(), 2u);

  // Next month: the news of this month, once more to each.
  auto later = jobs::run_digest(*db, mailer, kBase, next_month(today), now + 40 * 86400);
  EXPECT_EQ(later.sent, 2);
  EXPECT_EQ(sink.wait_for(4).size(), 4u);
  // Two months on, nothing happened since the month before started: nothing sent, nothing recorded.
  std::string in_two = next_month(next_month(today));
  auto quiet = jobs::run_digest(*db, mailer, kBase, in_two, now + 70 * 86400);
  EXPECT_EQ(quiet.sent, 0);
  EXPECT_EQ(quiet.skipped, 3);
  EXPECT_EQ(fixture::count_rows(*db, "digest_sends"), 4);
  EXPECT_THROW(jobs::run_digest(*db, mailer, kBase, "2026-02-30", now), std::invalid_argument);
}

TEST_P(DigestJobs, AFailedSendIsCountedAndNotRetried) {
  mail::Mailer closed("smtp://127.0.0.1:1", "", "", kFrom);
  auto r = jobs::run_digest(*db, closed, kBase, today, now);
  EXPECT_EQ(r.sent, 0);
  EXPECT_EQ(r.failed, 2);
  fixture::SmtpSink sink;
  mail::Mailer mailer(sink.url(), "", "", kFrom);
  EXPECT_EQ(jobs::run_digest(*db, mailer, kBase, today, now).sent, 0) << "claimed: never twice";
  EXPECT_TRUE(sink.messages().empty());
}

TEST_P(DigestJobs, MembersWhoLeftOrTurnedItOffGetNothing) {
  fixture::SmtpSink sink;
  mail::Mailer mailer(sink.url(), "", "", kFrom);
  ASSERT_TRUE(store::erase_ambassador(*db, ta, anne, by).ok());
  auto c = *store::ambassador_by_id(*db, ta, carole);
  c.digest = false;
  ASSERT_TRUE(store::update_ambassador(*db, c, by).ok());
  auto r = jobs::run_digest(*db, mailer, kBase, today, now);
  EXPECT_EQ(r.sent, 0);
  EXPECT_TRUE(sink.messages().empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, DigestJobs, ::testing::ValuesIn(fixture::engines()));
