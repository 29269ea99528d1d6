// GET /parrainage/caution/{token}: what the school contact vouches for (the pupil's first name and initial, class,
// programme, motivation) and the button to vouch (a POST: a GET changes nothing). Unknown tokens are 404.
#include "store/mentoring.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_vouch_show(Ctx& c) {
  auto a = store::mentee_application_by_vouch_token(c.app.store, c.req.params.at("token"));
  if (!a || a->erased_at) return mentoring_private(c.not_found());
  Data d;
  d.set("token", a->vouch_token);
  d.set("name", a->display_name());
  set_text(d, "class_level", a->class_level);
  set_text(d, "school", a->school_name);
  d.set("motivation", a->motivation);
  if (auto p = store::programme_public(c.app.store, a->programme_id)) d.set("programme", p->name);
  d.set("waiting", a->status == "submitted");
  d.set("done", c.req.query("msg") == "cautionnee" || a->vouched_at != 0);
  return mentoring_private(c.page("mentoring_vouch", "Cautionner une candidature", d));
}

}  // namespace passerelles::web
