// The in-process test server and a minimal HTTP/1.1 client over Beast (one connection per request).
#include "support/http_support.hpp"

#include <utility>  // before Boost.Asio (its awaitable.hpp uses std::exchange)
//
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <regex>

#include "http/crypto.hpp"
#include "http/message.hpp"
#include "http/server.hpp"
#include "store/accounts.hpp"
#include "support/test_support.hpp"
#include "web/app.hpp"

namespace passerelles::fixture {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

TestServer::TestServer(const std::string& engine, config::Config cfg, const std::function<void(web::App&)>& setup) {
  store_ = fresh_store(engine);
  cfg.access_log = "false";
  cfg.data_dir = data_dir();
  cfg.smtp_url = cfg.smtp_url == config::Config{}.smtp_url ? "smtp://127.0.0.1:1" : cfg.smtp_url;
  app_ = std::make_unique<web::App>(cfg, *store_);
  if (setup) setup(*app_);
  http::ServerOptions so;
  so.host = "127.0.0.1";
  so.port = 0;
  so.worker_threads = 4;
  so.access_log = false;
  so.trust_proxy = cfg.bool_option("trust_proxy");
  so.body_limit = static_cast<std::size_t>(cfg.int_option("body_limit"));
  so.upload_limit = static_cast<std::size_t>(cfg.int_option("upload_limit"));
  so.header_limit = static_cast<std::size_t>(cfg.int_option("header_limit"));
  so.read_timeout_seconds = cfg.int_option("read_timeout");
  so.shutdown_grace_seconds = cfg.int_option("shutdown_grace");
  server_ = std::make_unique<http::Server>(so, [this](http::Request& r) { return app_->handle(r); });
  server_->bind();
  port_ = server_->port();
  thread_ = std::thread([this] { server_->run(); });
}

void TestServer::stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

TestServer::~TestServer() {
  stop();
}

std::string HttpResult::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

std::string url_encode_form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) out += (out.empty() ? "" : "&") + http::url_encode(k) + "=" + http::url_encode(v);
  return out;
}

HttpResult Client::request(const std::string& method, const std::string& target, const std::string& body,
                           const std::map<std::string, std::string>& headers) {
  asio::io_context ioc;
  asio::ip::tcp::socket sock(ioc);
  sock.connect({asio::ip::make_address("127.0.0.1"), port_});
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1:" + std::to_string(port_));
  std::string cookie;
  for (const auto& [k, v] : cookies_) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
  if (!cookie.empty()) req.set(bhttp::field::cookie, cookie);
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  req.keep_alive(false);
  bhttp::write(sock, req);
  beast::flat_buffer buf;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(1024 * 1024 * 1024);
  bhttp::read(sock, buf, parser);
  auto res = parser.release();
  HttpResult out;
  out.status = res.result_int();
  out.body = res.body();
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(f.value());
    if (name == "set-cookie") {
      std::string v(f.value());
      out.set_cookies.push_back(v);
      auto eq = v.find('=');
      auto semi = v.find(';');
      std::string cname = v.substr(0, eq);
      std::string cval = v.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
      if (v.find("Max-Age=0") != std::string::npos)
        cookies_.erase(cname);
      else
        cookies_[cname] = cval;
    }
  }
  static const std::regex csrf_re(R"re(name="csrf" value="([A-Za-z0-9_-]+)")re");
  std::smatch m;
  if (std::regex_search(out.body, m, csrf_re)) last_csrf_ = m[1].str();
  return out;
}

std::string Client::csrf() {
  if (last_csrf_.empty()) get("/connexion");
  return last_csrf_;
}

HttpResult Client::post_form(const std::string& target, std::vector<std::pair<std::string, std::string>> fields) {
  bool has = false;
  for (const auto& f : fields) has = has || f.first == "csrf";
  if (!has) fields.emplace_back("csrf", csrf());
  return request("POST", target, url_encode_form(fields), {{"Content-Type", "application/x-www-form-urlencoded"}});
}

int Client::login(const std::string& email, const std::string& password) {
  get("/connexion");
  auto r = post_form("/connexion", {{"email", email}, {"password", password}});
  if (r.status == 303) get("/tableau-de-bord");  // picks up the session's CSRF token
  return r.status;
}

long long seed_territory(store::Store& s, const std::string& slug, std::vector<std::string> departments) {
  domain::Territory t;
  t.slug = slug;
  t.name = "Territoire " + slug;
  t.kind = "cmq";
  t.departments = std::move(departments);
  return store::insert_territory(s, t);
}

long long seed_user(store::Store& s, const std::string& email, domain::Role role, long long territory_id,
                    const std::string& password) {
  domain::User u;
  u.email = email;
  u.role = role;
  u.territory_id = role == domain::Role::admin ? 0 : territory_id;
  u.display_name = email.substr(0, email.find('@'));
  return store::insert_user(s, u, http::hash_password(password));
}

}  // namespace passerelles::fixture
