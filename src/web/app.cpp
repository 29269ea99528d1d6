// Request pipeline: static assets, session and CSRF, access rules, then the page handler.
#include "web/app.hpp"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "domain/text.hpp"
#include "embedded.hpp"
#include "http/crypto.hpp"
#include "http/server.hpp"
#include "store/accounts.hpp"
#include "store/stats.hpp"

namespace passerelles::web {

// ---- templates ----------------------------------------------------------------------------------

namespace {

using Mustache = kainjow::mustache::mustache;

std::string template_source(const std::string& name) {
  auto src = embedded_file("web/templates/" + name + ".html");
  if (!src) throw std::runtime_error("no template " + name);
  return std::string(*src);
}

// The data a template renders, and {{> name}} as templates/name.html rendered with that same data (a partial is
// parsed where it is used: partials are small and sit on form pages, not on the hot path).
class PartialContext : public kainjow::mustache::context<std::string> {
 public:
  explicit PartialContext(const Data* data) : context(data) {}
  const Data* get_partial(const std::string& name) const override {
    thread_local std::map<std::string, Data> sources;
    auto it = sources.find(name);
    if (it == sources.end()) it = sources.emplace(name, Data(template_source(name))).first;
    return &it->second;
  }
};

// Appends what the renderer writes (the renderer's stream interface).
struct Appender {
  std::string& out;
  Appender& operator<<(const std::string& s) {
    out += s;
    return *this;
  }
};

void render_with(Mustache& m, const std::string& name, const Data& data, std::string& out) {
  PartialContext ctx(&data);
  Appender appender{out};
  m.render(ctx, appender);
  if (!m.error_message().empty()) throw std::runtime_error("template " + name + ": " + m.error_message());
}

}  // namespace

std::string Templates::render(const std::string& name, const Data& data) const {
  std::string out;
  render_to(out, name, data);
  return out;
}

void Templates::render_to(std::string& out, const std::string& name, const Data& data) const {
  thread_local std::map<std::string, std::unique_ptr<Mustache>> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    auto m = std::make_unique<Mustache>(template_source(name));
    if (!m->is_valid()) throw std::runtime_error("template " + name + ": " + m->error_message());
    it = cache.emplace(name, std::move(m)).first;
  }
  render_with(*it->second, name, data, out);
}

std::string Templates::render_layout(const Data& data, std::string_view content) const {
  // The layout's two halves around its {{{content}}} tag, parsed once per thread; none when that tag is
  // missing, repeated or inside a section (a half would then not be a valid template on its own).
  struct Halves {
    std::unique_ptr<Mustache> head, tail;
  };
  thread_local std::optional<Halves> halves;
  if (!halves) {
    halves.emplace();
    static const std::string marker = "{{{content}}}";
    std::string src = template_source("layout");
    auto at = src.find(marker);
    if (at != std::string::npos && src.find(marker, at + 1) == std::string::npos) {
      auto head = std::make_unique<Mustache>(src.substr(0, at));
      auto tail = std::make_unique<Mustache>(src.substr(at + marker.size()));
      if (head->is_valid() && tail->is_valid()) {
        halves->head = std::move(head);
        halves->tail = std::move(tail);
      }
    }
  }
  std::string out;
  if (!halves->head) {
    Data whole = data;
    whole.set("content", std::string(content));
    render_to(out, "layout", whole);
    return out;
  }
  out.reserve(content.size() + 4096);
  render_with(*halves->head, "layout", data, out);
  out += content;
  render_with(*halves->tail, "layout", data, out);
  return out;
}

// ---- assets -------------------------------------------------------------------------------------

namespace {

std::string content_type_for(const std::string& path) {
  auto ends = [&](const char* ext) {
    std::string e(ext);
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "application/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".json")) return "application/json";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

Assets::Assets() {
  // Logical name -> embedded path. npm assets keep their package file; ours come from web/static/.
  std::vector<std::pair<std::string, std::string>> sources = {
      {"htmx.js", "npm/htmx.org/dist/htmx.min.js"},
      {"pico.css", "npm/@picocss/pico/css/pico.min.css"},
  };
  for (const auto& f : embedded_files()) {
    std::string p(f.path);
    if (p.rfind("web/static/", 0) == 0) sources.emplace_back(p.substr(11), p);
  }
  for (const auto& [logical, path] : sources) {
    auto data = embedded_file(path);
    if (!data) continue;
    std::string h = http::token_hash(*data).substr(0, 10);
    auto dot = logical.rfind('.');
    std::string hashed = "/static/" + logical.substr(0, dot) + "." + h + logical.substr(dot);
    url_of_["/static/" + logical] = hashed;
    File file{content_type_for(logical), std::string(*data), {}};
    if (file.content_type.rfind("image/png", 0) != 0) {
      std::string gz = http::gzip(file.body);
      if (gz.size() < file.body.size() * 9 / 10) file.gzipped = std::move(gz);
    }
    files_.emplace(hashed, std::move(file));
  }
}

std::string Assets::url(const std::string& logical) const {
  auto it = url_of_.find(logical);
  return it == url_of_.end() ? logical : it->second;
}

const Assets::File* Assets::find(const std::string& hashed_path) const {
  auto it = files_.find(hashed_path);
  return it == files_.end() ? nullptr : &it->second;
}

// ---- login limiter ------------------------------------------------------------------------------

long long LoginLimiter::wait_for(const std::string& key, long long now) {
  std::lock_guard<std::mutex> g(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return 0;
  return it->second.next_allowed > now ? it->second.next_allowed - now : 0;
}

void LoginLimiter::failure(const std::string& key, long long now) {
  std::lock_guard<std::mutex> g(mu_);
  if (entries_.size() > 100000) entries_.clear();  // bounded memory under a flood
  auto& e = entries_[key];
  ++e.failures;
  // 3 free tries, then 1, 2, 4 … seconds, at most 5 minutes.
  long long delay = e.failures <= 3 ? 0 : std::min<long long>(300, 1LL << std::min(e.failures - 4, 9));
  e.next_allowed = now + delay;
}

void LoginLimiter::success(const std::string& key) {
  std::lock_guard<std::mutex> g(mu_);
  entries_.erase(key);
}

bool HourlyQuota::take(const std::string& key, long long limit, long long now) {
  std::lock_guard<std::mutex> g(mu_);
  if (hits_.size() > 100000) hits_.clear();  // bounded memory under a flood
  auto& times = hits_[key];
  std::erase_if(times, [&](long long t) { return t <= now - 3600; });
  if (static_cast<long long>(times.size()) >= limit) return false;
  times.push_back(now);
  return true;
}

// ---- context ------------------------------------------------------------------------------------

Data errors_data(const domain::Errors& e) {
  Data d;
  for (const auto& [field, message] : e) d.set(field, message);
  return d;
}

std::string json_errors(const domain::Errors& e, const std::string& message) {
  nlohmann::json j = {{"error", message}, {"fields", nlohmann::json::object()}};
  for (const auto& [field, msg] : e) j["fields"][field] = msg;
  return j.dump();
}

namespace {

const std::map<std::string, std::string>& flash_messages() {
  static const std::map<std::string, std::string> m = {
      {"enregistre", "Modifications enregistrées."},
      {"cree", "Fiche créée."},
      {"supprime", "Fiche supprimée."},
      {"fusionne", "Fiches fusionnées."},
      {"deconnecte", "Vous êtes déconnectée."},
      {"mdp-envoye", "Si un compte existe pour cette adresse, un lien vient d’y être envoyé."},
      {"mdp-change", "Votre mot de passe a été changé. Vous pouvez vous connecter."},
      {"jeton-cree", "Jeton créé."},
      {"jeton-supprime", "Jeton supprimé."},
      {"mdp-modifie", "Votre mot de passe a été modifié."},
      {"compte-cree", "Compte créé : une invitation à choisir un mot de passe a été envoyée par e-mail."},
      {"compte-cree-sans-mail",
       "Compte créé, mais l’e-mail d’invitation n’a pas pu être envoyé : la personne "
       "peut utiliser « Mot de passe oublié ? » sur la page de connexion."},
      {"compte-desactive", "Compte désactivé."},
      {"territoire-cree", "Territoire créé : ajoutez maintenant sa coordinatrice."},
      {"importe", "Import terminé."},
      {"action-declaree", "Action déclarée : elle comptera dans les indicateurs une fois validée par la coordination."},
      {"action-validee", "Action validée : elle compte désormais dans les indicateurs."},
      {"action-refusee", "Action refusée."},
      {"action-rouverte", "Action remise en attente de validation."},
      {"action-supprimee", "Action supprimée."},
      {"piece-ajoutee", "Pièce ajoutée."},
      {"questionnaire-copie", "Questionnaire copié : adaptez-le à votre territoire puis enregistrez."},
      {"questionnaire-archive", "Questionnaire archivé : il ne sera plus proposé pour de nouvelles actions."},
      {"questionnaire-restaure", "Questionnaire remis en service."},
      {"themes-enregistres", "Thèmes enregistrés."},
      {"citation-ajoutee", "Réponse citée : la citation paraît sur le site public, le tableau de bord et le rapport."},
      {"deja-citee", "Cette réponse est déjà citée."},
      {"citation-publiee", "Citation publiée sur le site public."},
      {"citation-retiree", "Citation retirée du site public."},
      {"citation-supprimee", "Citation supprimée."},
      {"enquete-creee", "Lien et QR code créés : montrez-les à la classe avant l’intervention."},
      {"etape", "Étape du questionnaire changée."},
  };
  return m;
}

}  // namespace

std::optional<Data> Ctx::me_data() const {
  if (!actor) return std::nullopt;
  Data u;
  u.set("email", actor->user.email);
  u.set("name", actor->user.display_name.empty() ? actor->user.email : actor->user.display_name);
  u.set("role", std::string(domain::role_label_fr(actor->user.role)));
  u.set("territory", actor->territory.name);
  u.set("is_admin", actor->is_admin());
  u.set("is_editor", actor->can_edit_directory());
  // Organisers of events (web/event_support.hpp can_organise): coordinators and school or company contacts.
  auto role = actor->user.role;
  u.set("is_organiser",
        actor->user.territory_id != 0 && (role == domain::Role::coordinator || role == domain::Role::school_contact ||
                                          role == domain::Role::company_contact));
  // The collective's pages (/collectif…): its members and the coordinators of a territory.
  u.set("is_collective",
        actor->user.territory_id != 0 && (role == domain::Role::coordinator || role == domain::Role::ambassador));
  return u;
}

http::Response Ctx::page(const std::string& tmpl, const std::string& title, Data data, int status) {
  auto me = me_data();
  data.set("csrf", csrf);
  data.set("logged_in", logged_in());
  if (me) data.set("me", *me);
  return in_layout(app.templates.render(tmpl, data), title, status, me);
}

http::Response Ctx::page_html(std::string_view body, const std::string& title, int status) {
  return in_layout(body, title, status, me_data());
}

http::Response Ctx::in_layout(std::string_view body, const std::string& title, int status,
                              const std::optional<Data>& me) {
  http::Response r;
  auto flash = flash_messages().find(req.query("msg"));
  if (req.is_htmx() && req.header("hx-boosted").empty()) {
    std::string fragment;
    if (flash != flash_messages().end()) fragment = "<p class=\"flash\" role=\"status\">" + flash->second + "</p>\n";
    fragment += body;
    r = http::Response::html(std::move(fragment), status);
  } else {
    Data layout;
    layout.set("title", title);
    layout.set("css_pico", app.assets.url("/static/pico.css"));
    layout.set("css_app", app.assets.url("/static/app.css"));
    layout.set("js_htmx", app.assets.url("/static/htmx.js"));
    layout.set("js_app", app.assets.url("/static/app.js"));
    layout.set("csrf", csrf);
    layout.set("logged_in", logged_in());
    if (me) layout.set("me", *me);
    if (flash != flash_messages().end()) layout.set("flash", flash->second);
    if (!head_extra.empty()) layout.set("head_extra", head_extra);
    layout.set("path", req.path);
    r = http::Response::html(app.templates.render_layout(layout, body), status);
  }
  for (const auto& c : set_cookies) r.header("Set-Cookie", c);
  r.header("Vary", "HX-Request, Accept-Encoding");
  return r;
}

http::Response Ctx::not_found() {
  return page("error", "Page introuvable",
              Data("message", Data("Cette page n’existe pas, ou vous n’y avez pas accès.")), 404);
}

http::Response Ctx::forbidden() {
  return page("error", "Accès refusé", Data("message", Data("Votre rôle ne permet pas d’accéder à cette page.")), 403);
}

http::Response Ctx::bad_request(const std::string& message) {
  return page("error", "Requête invalide", Data("message", Data(message)), 400);
}

// ---- app ----------------------------------------------------------------------------------------

App::App(config::Config c, store::Store& s)
    : cfg(std::move(c)), store(s), mailer(cfg.smtp_url, cfg.smtp_user, cfg.smtp_password, cfg.mail_from) {
  secure_cookies = cfg.base_url().rfind("https://", 0) == 0;
  // The __Host- prefix needs Secure, which browsers accept only over HTTPS (or on localhost).
  session_cookie = secure_cookies ? "__Host-passerelles" : "passerelles";
  csrf_cookie = secure_cookies ? "__Host-csrf" : "csrf";
  add_routes(*this);
}

void App::route(const std::string& method, const std::string& pattern, Access access, PageHandler h) {
  router.add(method, pattern, [this, access, h](http::Request& req) { return dispatch(req, access, h, false); });
}

void App::api(const std::string& method, const std::string& pattern, Access access, PageHandler h) {
  router.add(method, pattern, [this, access, h](http::Request& req) { return dispatch(req, access, h, true); });
}

namespace {

std::optional<domain::Actor> actor_for_user(store::Store& s, long long user_id) {
  auto u = store::user_by_id(s, user_id);
  if (!u || !u->active) return std::nullopt;
  domain::Actor a;
  a.user = *u;
  if (u->territory_id) {
    auto t = store::territory_by_id(s, u->territory_id);
    if (t) a.territory = *t;
  }
  return a;
}

http::Response api_error(int status, const std::string& message) {
  return http::Response::json(nlohmann::json({{"error", message}}).dump(), status);
}

}  // namespace

namespace {

// True when every decoded query and form value is valid UTF-8 (the database would refuse the rest).
bool input_is_utf8(const http::Request& req) {
  auto ok = [](const std::multimap<std::string, std::string>& m) {
    for (const auto& [k, v] : m)
      if (!domain::valid_utf8(k) || !domain::valid_utf8(v)) return false;
    return true;
  };
  if (!ok(http::parse_form(req.query_string))) return false;
  if (req.header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0 && !ok(http::parse_form(req.body)))
    return false;
  return domain::valid_utf8(req.path);
}

}  // namespace

long long App::current_schools_version() {
  return schools_version.get([this] { return store::schools_version(store); }) * 31 + schools_local_changes.load();
}

void App::load_session(Ctx& ctx, const std::string& token_hash, long long now) {
  int idle = cfg.int_option("session_idle_minutes") * 60;
  int max_age = cfg.int_option("session_max_hours") * 3600;
  auto fresh = [&](const CachedSession& cs) { return now - cs.last_seen_at <= idle && now - cs.created_at <= max_age; };
  long long generation = store.auth_generation();
  std::optional<CachedSession> cached;
  {
    std::lock_guard<std::mutex> g(sessions_mu_);
    auto it = sessions_.find(token_hash);
    if (it != sessions_.end() && it->second.generation == generation &&
        std::chrono::steady_clock::now() - it->second.fetched < std::chrono::seconds(5))
      cached = it->second;
  }
  if (!cached) {
    auto sess = store::session_by_token_hash(store, token_hash);
    if (!sess) return;
    CachedSession cs;
    cs.session_id = sess->id;
    cs.csrf = sess->csrf_token;
    cs.created_at = sess->created_at;
    cs.last_seen_at = sess->last_seen_at;
    cs.generation = generation;
    cs.fetched = std::chrono::steady_clock::now();
    if (!fresh(cs)) {
      store::delete_session(store, sess->id);
      return;
    }
    cs.actor = actor_for_user(store, sess->user_id);
    if (!cs.actor) return;
    cached = cs;
    std::lock_guard<std::mutex> g(sessions_mu_);
    if (sessions_.size() > 10000) sessions_.clear();
    sessions_[token_hash] = cs;
  }
  if (!fresh(*cached)) {
    store::delete_session(store, cached->session_id);
    return;
  }
  if (now - cached->last_seen_at > 60) {
    store::touch_session(store, cached->session_id, now);
    std::lock_guard<std::mutex> g(sessions_mu_);
    sessions_[token_hash].last_seen_at = now;
  }
  ctx.actor = cached->actor;
  ctx.session_id = cached->session_id;
  ctx.csrf = cached->csrf;
}

http::Response App::dispatch(http::Request& req, Access access, PageHandler h, bool api) {
  Ctx ctx{*this, req, std::nullopt, 0, {}, {}, {}};
  if (!input_is_utf8(req)) {
    if (api) return api_error(400, "La requête contient des caractères invalides (UTF-8 attendu).");
    return ctx.bad_request(
        "La requête contient des caractères invalides. Vérifiez le texte saisi : rien n’a été "
        "enregistré.");
  }
  long long now = store::now_unix();
  bool bearer = false;
  if (api) {
    std::string auth = req.header("authorization");
    if (auth.rfind("Bearer ", 0) == 0) {
      auto tok = store::api_token_by_hash(store, http::token_hash(auth.substr(7)));
      if (!tok) return api_error(401, "Jeton d’accès invalide.");
      ctx.actor = actor_for_user(store, tok->user_id);
      if (!ctx.actor) return api_error(401, "Compte désactivé.");
      if (now - tok->last_used_at > 60) store::touch_api_token(store, tok->token_id, now);
      bearer = true;
    }
  }
  // The anonymous survey form reads no session and sets no cookie of its own here: it must not recognise its visitor.
  bool survey = access == Access::survey;
  if (!bearer && !survey) {
    std::string token = req.cookie(session_cookie);
    if (!token.empty()) load_session(ctx, http::token_hash(token), now);
    if (!ctx.actor) {
      // Anonymous forms (login, password reset) use a double-submit token kept in a cookie.
      ctx.csrf = req.cookie(csrf_cookie);
      if (ctx.csrf.size() != 43) {
        ctx.csrf = http::random_token(32);
        ctx.set_cookies.push_back(http::set_cookie(csrf_cookie, ctx.csrf, -1, secure_cookies));
      }
    }
  }
  bool state_changing = req.method != "GET" && req.method != "HEAD";
  if (state_changing && !bearer && !survey) {
    std::string sent = req.form("csrf");
    if (sent.empty()) sent = req.header("x-csrf-token");
    if (sent.empty() || !http::equal_secret(sent, ctx.csrf)) {
      if (api) return api_error(403, "Jeton CSRF manquant ou invalide.");
      return ctx.page("error", "Formulaire expiré",
                      Data("message", Data("Le formulaire a expiré ou ne vient pas de ce site. Rechargez la page et "
                                           "recommencez : rien n’a été enregistré.")),
                      403);
    }
  }
  if (access != Access::anyone && !survey) {
    if (!ctx.actor) {
      if (api) return api_error(401, "Authentification requise (jeton Bearer ou session).");
      return http::Response::redirect("/connexion?suite=" + http::url_encode(req.target));
    }
    bool ok = access == Access::user || (access == Access::editor && ctx.actor->can_edit_directory()) ||
              (access == Access::admin && ctx.actor->is_admin());
    if (!ok) return api ? api_error(403, "Accès refusé pour ce rôle.") : ctx.forbidden();
  }
  return h(ctx);
}

http::Response App::handle(http::Request& req) {
  if (req.path.rfind("/static/", 0) == 0 && (req.method == "GET" || req.method == "HEAD")) {
    const Assets::File* f = assets.find(req.path);
    if (!f) return http::Response::text("Not found", 404);
    http::Response r;
    r.content_type = f->content_type;
    r.compressible = false;
    if (!f->gzipped.empty() && req.accepts_gzip()) {
      r.body = f->gzipped;
      r.header("Content-Encoding", "gzip");
    } else {
      r.body = f->body;
    }
    r.header("Vary", "Accept-Encoding");
    r.header("Cache-Control", "public, max-age=31536000, immutable");
    return r;
  }
  const http::Handler* h = nullptr;
  switch (router.match(req, &h)) {
    case http::Router::Match::found: return (*h)(req);
    case http::Router::Match::method_not_allowed: {
      http::Response r = http::Response::text("Méthode non autorisée.", 405);
      return r;
    }
    case http::Router::Match::not_found: break;
  }
  if (req.path.rfind("/api/", 0) == 0) return api_error(404, "Ressource inconnue.");
  Ctx ctx{*this, req, std::nullopt, 0, {}, {}, {}};
  return ctx.not_found();
}

}  // namespace passerelles::web
