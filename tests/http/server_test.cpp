// HTTP tests of the server itself: limits, keep-alive, security headers, gzip, static assets, shutdown, login.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio.hpp>
#include <chrono>
#include <filesystem>
#include <regex>
#include <thread>

#include "http/message.hpp"
#include "support/http_support.hpp"
#include "support/test_support.hpp"
#include "web/app.hpp"

using namespace passerelles;
using fixture::Client;
using fixture::TestServer;

class ServerHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(ServerHttp, HealthzChecksTheDatabase) {
  TestServer srv(GetParam());
  Client c(srv.port());
  auto r = c.get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"ok\""), std::string::npos);
}

TEST_P(ServerHttp, SecurityHeadersOnEveryPage) {
  TestServer srv(GetParam());
  Client c(srv.port());
  for (const char* path : {"/", "/connexion", "/page-inexistante"}) {
    auto r = c.get(path);
    EXPECT_NE(r.header("content-security-policy").find("script-src 'self'"), std::string::npos) << path;
    EXPECT_EQ(r.header("content-security-policy").find("unsafe-inline"), std::string::npos) << path;
    EXPECT_NE(r.header("content-security-policy").find("frame-ancestors"), std::string::npos) << path;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << path;
    EXPECT_FALSE(r.header("referrer-policy").empty()) << path;
    EXPECT_FALSE(r.header("x-request-id").empty()) << path;
  }
}

TEST_P(ServerHttp, UnknownPageIs404InFrench) {
  TestServer srv(GetParam());
  Client c(srv.port());
  auto r = c.get("/nulle-part");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("Page introuvable"), std::string::npos);
}

TEST_P(ServerHttp, OversizedBodyIs413AndHeadersAre431) {
  config::Config cfg;
  cfg.body_limit = "1000";
  cfg.header_limit = "2000";
  TestServer srv(GetParam(), cfg);
  Client c(srv.port());
  auto big =
      c.request("POST", "/connexion", std::string(5000, 'a'), {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(big.status, 413);
  auto huge_header = c.get("/", {{"X-Filler", std::string(4000, 'b')}});
  EXPECT_EQ(huge_header.status, 431);
  EXPECT_EQ(c.get("/healthz").status, 200) << "the server keeps serving";
}

TEST_P(ServerHttp, StaticAssetsAreHashedCachedAndGzipped) {
  TestServer srv(GetParam());
  Client c(srv.port());
  auto home = c.get("/");
  std::smatch m;
  std::regex css_re(R"re(href="(/static/pico\.[0-9a-f]{10}\.css)")re");
  ASSERT_TRUE(std::regex_search(home.body, m, css_re));
  auto css = c.get(m[1].str(), {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-encoding"), "gzip");
  EXPECT_NE(css.header("cache-control").find("immutable"), std::string::npos);
  EXPECT_EQ(c.get("/static/pico.0000000000.css").status, 404);
}

TEST_P(ServerHttp, KeepAliveServesSeveralRequestsOnOneConnection) {
  TestServer srv(GetParam());
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket sock(ioc);
  sock.connect({boost::asio::ip::make_address("127.0.0.1"), srv.port()});
  std::string two =
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  boost::asio::write(sock, boost::asio::buffer(two));
  std::string all;
  boost::system::error_code ec;
  char buf[4096];
  for (;;) {
    std::size_t n = sock.read_some(boost::asio::buffer(buf), ec);
    if (ec) break;
    all.append(buf, n);
  }
  std::size_t count = 0;
  for (auto p = all.find("HTTP/1.1 200"); p != std::string::npos; p = all.find("HTTP/1.1 200", p + 1)) ++count;
  EXPECT_EQ(count, 2u);
}

TEST_P(ServerHttp, LoginLogoutAndProtectedPages) {
  TestServer srv(GetParam());
  long long t = fixture::seed_territory(srv.store(), "t1", {"025"});
  fixture::seed_user(srv.store(), "coord@exemple.fr", domain::Role::coordinator, t);
  Client c(srv.port());
  EXPECT_EQ(c.get("/tableau-de-bord").status, 303) << "anonymous users are sent to the login page";
  EXPECT_EQ(c.login("coord@exemple.fr", "mauvais-mot-de-passe"), 401);
  EXPECT_EQ(c.login("coord@exemple.fr", "mot-de-passe-de-test"), 303);
  auto dash = c.get("/tableau-de-bord");
  EXPECT_EQ(dash.status, 200);
  EXPECT_NE(dash.body.find("Tableau de bord"), std::string::npos);
  EXPECT_EQ(c.post_form("/deconnexion", {}).status, 303);
  EXPECT_EQ(c.get("/tableau-de-bord").status, 303);
}

TEST_P(ServerHttp, PostWithoutCsrfIsRefusedAndNothingHappens) {
  TestServer srv(GetParam());
  long long t = fixture::seed_territory(srv.store(), "t1", {"025"});
  fixture::seed_user(srv.store(), "coord@exemple.fr", domain::Role::coordinator, t);
  Client c(srv.port());
  ASSERT_EQ(c.login("coord@exemple.fr", "mot-de-passe-de-test"), 303);
  auto r = c.post_form("/deconnexion", {{"csrf", "faux"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(c.get("/tableau-de-bord").status, 200) << "still logged in";
}

TEST_P(ServerHttp, GracefulShutdownLetsTheServerStop) {
  auto srv = std::make_unique<TestServer>(GetParam());
  Client c(srv->port());
  EXPECT_EQ(c.get("/healthz").status, 200);
  srv->stop();
  EXPECT_THROW(c.get("/healthz"), std::exception) << "no longer accepting";
}

INSTANTIATE_TEST_SUITE_P(Engines, ServerHttp, ::testing::ValuesIn(fixture::engines()));

TEST(ServerLifecycle, InFlightRequestsFinishOnShutdown) {
  std::atomic<bool> started{false};
  TestServer srv("sqlite", {}, [&](web::App& app) {
    app.router.get("/test-lent", [&](http::Request&) {
      started = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(600));
      return http::Response::text("fini");
    });
  });
  fixture::HttpResult slow;
  std::thread client([&] { slow = Client(srv.port()).get("/test-lent"); });
  while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  srv.stop();  // as on SIGTERM, while the request is being handled
  client.join();
  EXPECT_EQ(slow.status, 200);
  EXPECT_EQ(slow.body, "fini");
  EXPECT_THROW(Client(srv.port()).get("/healthz"), std::exception) << "no new connections after shutdown";
}

TEST(ServerLifecycle, IdleConnectionIsClosedAfterTheReadTimeout) {
  config::Config cfg;
  cfg.read_timeout = "1";
  TestServer srv("sqlite", cfg);
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket sock(ioc);
  sock.connect({boost::asio::ip::make_address("127.0.0.1"), srv.port()});
  boost::asio::write(sock, boost::asio::buffer(std::string("GET /healthz HTTP/1.1\r\nHost: x\r\n")));  // never ends
  auto t0 = std::chrono::steady_clock::now();
  char buf[256];
  boost::system::error_code ec;
  std::size_t n = sock.read_some(boost::asio::buffer(buf), ec);  // blocks until the server closes
  auto waited = std::chrono::steady_clock::now() - t0;
  EXPECT_TRUE(ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset) << ec.message() << " " << n;
  EXPECT_GE(waited, std::chrono::milliseconds(800));
  EXPECT_LT(waited, std::chrono::seconds(5));
}

TEST(ServerLifecycle, ServeRefusesAStaleSchema) {
  auto dir = std::filesystem::temp_directory_path() / ("passerelles-stale-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string db = "sqlite:" + (dir / "empty.db").string();
  std::string cmd = std::string(PASSERELLES_BINARY) + " --db " + db + " --listen 127.0.0.1:0 serve 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  int status = pclose(p);
  EXPECT_EQ(WEXITSTATUS(status), 3);
  EXPECT_NE(out.find("passerelles migrate"), std::string::npos) << out;
}
