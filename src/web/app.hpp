// The web application: templates, assets, the route table with access rules, and the per-request context.
#pragma once
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mustache.hpp>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "domain/account.hpp"
#include "domain/validation.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "mail/mailer.hpp"
#include "store/store.hpp"
#include "web/cache.hpp"

namespace passerelles::web {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::list;

// Templates from web/templates/, parsed once per thread (kainjow's renderer is not shared across threads).
class Templates {
 public:
  // Renders templates/<name>.html, where {{> other}} renders templates/other.html with the same data; throws if a
  // template is missing or malformed.
  std::string render(const std::string& name, const Data& data) const;
  // Same, appending to `out` (no intermediate stream or copy).
  void render_to(std::string& out, const std::string& name, const Data& data) const;
  // Renders templates/layout.html around `content` (its {{{content}}}) without copying `content` into `data`:
  // the layout is split at that tag once, and its two halves are rendered on either side of the content.
  std::string render_layout(const Data& data, std::string_view content) const;
};

// Static files served at content-hashed URLs with a one-year cache.
class Assets {
 public:
  Assets();
  // "/static/app.css" -> "/static/app.1a2b3c4d.css"
  std::string url(const std::string& logical) const;
  struct File {
    std::string content_type;
    std::string body;
    std::string gzipped;  // empty when compression does not help
  };
  const File* find(const std::string& hashed_path) const;

 private:
  std::map<std::string, std::string> url_of_;
  std::map<std::string, File> files_;
};

// Tracks failed logins per client address to slow down guessing (growing delay, then 429).
class LoginLimiter {
 public:
  // Seconds the caller must still wait before trying again (0 = allowed).
  long long wait_for(const std::string& key, long long now);
  void failure(const std::string& key, long long now);
  void success(const std::string& key);

 private:
  struct Entry {
    int failures = 0;
    long long next_allowed = 0;
  };
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
};

// Counts what a key did over the last hour (anonymous bookings per client address and per e-mail address), so that
// a public form cannot be used to flood an event or to send e-mails to strangers. Memory stays bounded.
class HourlyQuota {
 public:
  // True, and counted, when `key` did it fewer than `limit` times in the hour before `now`; false (not counted)
  // otherwise.
  bool take(const std::string& key, long long limit, long long now);

 private:
  std::mutex mu_;
  std::map<std::string, std::vector<long long>> hits_;
};

struct App;

// survey: anyone, without session, CSRF token or cookie set by the application (the anonymous survey form; a
// forged cross-site answer gains nothing that a direct one would not).
enum class Access { anyone, user, editor, admin, survey };

struct Ctx {
  App& app;
  http::Request& req;
  std::optional<domain::Actor> actor;
  long long session_id = 0;
  std::string csrf;  // the session's token (or the pre-session token for anonymous forms)
  std::vector<std::string> set_cookies;
  // Trusted HTML added at the end of the layout's <head> (a page's OpenGraph tags, rendered from a template).
  std::string head_extra;

  bool logged_in() const { return actor.has_value(); }
  long long territory_id() const { return actor ? actor->territory.id : 0; }

  // Renders a page inside the layout (or alone for an htmx request), adding the common values.
  http::Response page(const std::string& tmpl, const std::string& title, Data data, int status = 200);
  // The same for a body already rendered (e.g. kept in a cache): it must not depend on the user.
  http::Response page_html(std::string_view body, const std::string& title, int status = 200);
  http::Response not_found();
  http::Response forbidden();
  http::Response bad_request(const std::string& message);

  // The signed-in user's values for templates ({{#me}}), absent when anonymous.
  std::optional<Data> me_data() const;
  http::Response in_layout(std::string_view body, const std::string& title, int status, const std::optional<Data>& me);
};

using PageHandler = http::Response (*)(Ctx&);

struct App {
  App(config::Config cfg, store::Store& store);

  http::Response handle(http::Request& req);
  // Registers a route with its access rule; POST routes check the CSRF token.
  void route(const std::string& method, const std::string& pattern, Access access, PageHandler h);
  // JSON API routes: authenticated by a Bearer token or the session, no CSRF for Bearer.
  void api(const std::string& method, const std::string& pattern, Access access, PageHandler h);

  config::Config cfg;
  store::Store& store;
  Templates templates;
  Assets assets;
  mail::Mailer mailer;
  http::Router router;
  LoginLimiter login_limiter;
  HourlyQuota booking_quota;  // anonymous event bookings (option booking_limit per address; 10 per e-mail)
  bool secure_cookies = false;
  std::string session_cookie;  // "__Host-passerelles" behind HTTPS, "passerelles" otherwise
  std::string csrf_cookie;
  // Rendered school search results (reference data, read far more than written), per filter, and the school
  // list page body around them, per filter and scope. Shared, so that a hit copies no HTML under the lock.
  VersionedCache<std::shared_ptr<const std::string>> school_results{4096};
  VersionedCache<std::shared_ptr<const std::string>> school_pages{1024};
  // The public survey form as rendered for a first visit, per token and store::SurveyFormStamp::version.
  VersionedCache<std::shared_ptr<const std::string>> survey_forms{512};
  Throttled schools_version{std::chrono::milliseconds(2000)};
  // The public gallery's page bodies (filters and results, no per-user value), per query, until a portrait changes:
  // at once for a change made in this process, within 250 ms for one made elsewhere (web/gallery_support.hpp).
  VersionedCache<std::shared_ptr<const std::string>> gallery_pages{1024};
  Throttled portraits_version{std::chrono::milliseconds(250)};
  std::atomic<long long> schools_local_changes{0};  // bumped by imports in this process
  long long current_schools_version();

 private:
  http::Response dispatch(http::Request& req, Access access, PageHandler h, bool api);
  // Sessions are cached for 5 s at most, and dropped at once when the store's auth generation moves
  // (logout, password change, deactivation in this process). Other servers see such changes within 5 s.
  void load_session(Ctx& ctx, const std::string& token_hash, long long now);
  struct CachedSession {
    std::optional<domain::Actor> actor;
    long long session_id = 0;
    std::string csrf;
    long long created_at = 0, last_seen_at = 0;
    long long generation = 0;
    std::chrono::steady_clock::time_point fetched;
  };
  std::mutex sessions_mu_;
  std::map<std::string, CachedSession> sessions_;
};

// Adds every route of the application (routes.cpp).
void add_routes(App& app);

// Form helpers shared by handlers: the field's error message as template data.
Data errors_data(const domain::Errors& e);
std::string json_errors(const domain::Errors& e, const std::string& message);

}  // namespace passerelles::web
