// The route table: every URL of the application, its access rule and its handler (one file per handler).
#include "web/app.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

void add_routes(App& app) {
  using A = Access;
  app.route("GET", "/", A::anyone, home_show);
  app.route("GET", "/healthz", A::anyone, health_show);
  app.route("GET", "/connexion", A::anyone, session_new);
  app.route("POST", "/connexion", A::anyone, session_create);
  app.route("POST", "/deconnexion", A::anyone, session_delete);
  app.route("GET", "/tableau-de-bord", A::user, dashboard_show);
}

}  // namespace passerelles::web
