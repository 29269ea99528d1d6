// HTTP test helpers: the real application and Beast server on a free port, and a cookie-keeping client.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "config/config.hpp"
#include "domain/account.hpp"
#include "store/store.hpp"

namespace passerelles::http {
class Server;
}
namespace passerelles::web {
struct App;
}

namespace passerelles::fixture {

// A fresh database (engine "sqlite" or "postgresql"), the application and its server on 127.0.0.1:<free port>.
class TestServer {
 public:
  // `setup` runs on the application before the server starts (e.g. to add a test-only route).
  explicit TestServer(const std::string& engine, config::Config cfg = {},
                      const std::function<void(web::App&)>& setup = {});
  ~TestServer();
  store::Store& store() { return *store_; }
  web::App& app() { return *app_; }
  unsigned short port() const { return port_; }
  void stop();  // graceful stop, as on SIGTERM; waits for the server thread

 private:
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<web::App> app_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  unsigned short port_ = 0;
};

struct HttpResult {
  int status = 0;
  std::string body;                            // decoded (gzip is not requested unless asked for)
  std::map<std::string, std::string> headers;  // lower-case names, last value wins
  std::vector<std::string> set_cookies;
  std::string header(const std::string& lower_name) const;
};

class Client {
 public:
  explicit Client(unsigned short port) : port_(port) {}
  HttpResult request(const std::string& method, const std::string& target, const std::string& body = "",
                     const std::map<std::string, std::string>& headers = {});
  HttpResult get(const std::string& target, const std::map<std::string, std::string>& headers = {}) {
    return request("GET", target, "", headers);
  }
  // POSTs an urlencoded form; adds the current CSRF token as `csrf` unless the fields already hold one.
  HttpResult post_form(const std::string& target, std::vector<std::pair<std::string, std::string>> fields);
  // Logs in through the real form; returns the final status (303 on success).
  int login(const std::string& email, const std::string& password);
  // The CSRF token from the last HTML page fetched (input name="csrf"), fetching "/" if none yet.
  std::string csrf();
  std::map<std::string, std::string>& cookies() { return cookies_; }

 private:
  unsigned short port_;
  std::map<std::string, std::string> cookies_;
  std::string last_csrf_;
};

// Seeds: a territory and a user with a known password (Argon2id, so ~0.05 s each).
long long seed_territory(store::Store& s, const std::string& slug, std::vector<std::string> departments);
long long seed_user(store::Store& s, const std::string& email, domain::Role role, long long territory_id,
                    const std::string& password = "mot-de-passe-de-test");

std::string url_encode_form(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace passerelles::fixture
