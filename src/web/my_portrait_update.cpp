// POST /collectif/mon-portrait: saves her portrait (created as a draft the first time). Names, commune and consents
// come from her profile. A published portrait she changes waits for a coordinator's validation again.
#include "store/portraits.hpp"
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response my_portrait_update(Ctx& c) {
  auto me = my_membership(c);
  if (!me) return not_a_member(c);
  auto stored = my_portrait(c, *me);
  domain::Portrait from_profile = domain::portrait_from_ambassador(*me);
  domain::Portrait p = stored ? *stored : from_profile;
  p.first_name = me->first_name;
  p.last_name = me->last_name;
  p.commune_insee = from_profile.commune_insee;
  p.commune_name = from_profile.commune_name;
  p.consents = me->consents;
  PortraitTyped typed = my_portrait_from_form(c, p);
  if (auto errors = domain::validate_portrait(p); !errors.empty())
    return my_portrait_page(c, *me, p, typed, errors, 422);
  store::WriteResult saved;
  if (stored) {
    saved = store::update_portrait(c.app.store, p, author_of(c));
  } else {
    p.status = "draft";
    saved = store::insert_portrait(c.app.store, p, author_of(c));
  }
  if (!saved.ok()) return my_portrait_page(c, *me, p, typed, saved.errors, status_of(saved));
  bool resubmitted = stored && resubmit_if_published(c, *stored);
  return http::Response::redirect(std::string("/collectif/mon-portrait?etat=") +
                                  (resubmitted ? "soumis" : "enregistre"));
}

}  // namespace passerelles::web
