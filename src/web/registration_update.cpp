// POST /inscriptions/{token}: changes the counts, contact and needs of a registration from its private link (its
// kind, school and event stay). Refused changes come back next to their fields (422); places freed by a smaller
// booking move the waiting list up, and those promoted are told by e-mail.
#include "web/directory_support.hpp"
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response registration_update(Ctx& c) {
  const std::string& token = c.req.params.at("token");
  auto v = store::registration_by_token(c.app.store, token);
  if (!v) return private_response(c.not_found());
  // The stored booking with the fields this form changes (those of its kind), as typed.
  BookingForm typed = booking_form_of(c.req);
  BookingForm form = booking_form_of(v->registration);
  domain::Registration r = v->registration;
  if (r.kind == "class") {
    form.girls = typed.girls;
    form.boys = typed.boys;
    form.adults = typed.adults;
    r.girls = form_count(typed.girls);
    r.boys = form_count(typed.boys);
    r.adults = form_count(typed.adults);
  }
  if (r.kind == "prescriber") {
    form.people = typed.people;
    r.people = form_count(typed.people);
  }
  form.contact_name = r.contact_name = typed.contact_name;
  form.email = r.email = typed.email;
  form.phone = r.phone = typed.phone;
  form.needs = r.needs = typed.needs;
  domain::normalise(r);
  domain::Errors errors = domain::validate(r);
  if (!errors.empty()) return registration_page(c, *v, &form, form_errors(errors, r.kind), 422, "");

  std::vector<domain::Registration> promoted;
  auto result = store::update_registration(c.app.store, token, r, &promoted);
  if (result.status == store::WriteResult::Status::not_found) return private_response(c.not_found());
  if (!result.ok()) {
    auto e = refusal_errors(form_errors(result.errors, r.kind), "Cette inscription ne peut plus être modifiée.");
    return registration_page(c, *v, &form, e, status_of(result), "");
  }
  if (!promoted.empty()) {
    auto now = store::registration_by_token(c.app.store, token);
    send_mails(c, promoted_mails(c, now ? now->event : v->event, promoted));
  }
  return private_response(http::Response::redirect("/inscriptions/" + token + "?etat=modifiee"));
}

}  // namespace passerelles::web
