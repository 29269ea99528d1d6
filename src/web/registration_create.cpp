// POST /evenements/{id}/inscription: books places without an account (a class, oneself, or the people one
// accompanies). Refused forms come back with French messages next to their fields (422) and nothing stored; a
// full event puts the booking on the waiting list; a closed or past one says so (409). The private link is
// e-mailed; when that fails the page says so and shows the link anyway.
#include "mail/event_mail.hpp"
#include "store/accounts.hpp"
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {
// A teacher books a few classes; more bookings for one e-mail address within an hour are refused.
constexpr long long kBookingsPerEmailHour = 10;
}  // namespace

http::Response registration_create(Ctx& c) {
  auto e = store::event_by_id(c.app.store, 0, c.req.param_id("id"));
  if (!e || !domain::event_is_public(e->status)) return c.not_found();
  BookingForm form = booking_form_of(c.req);
  domain::Errors errors;
  domain::Registration r = registration_of(c, *e, form, errors);
  domain::normalise(r);
  domain::merge_into(errors, domain::validate(r));
  if (!errors.empty()) return event_page(c, *e, form, form_errors(errors, r.kind), 422);
  // Each booking sends an e-mail: a client address or an e-mail address that books too often is slowed down.
  long long now = store::now_unix();
  if (!c.app.booking_quota.take("addr:" + c.req.remote_addr, c.app.cfg.int_option("booking_limit"), now) ||
      !c.app.booking_quota.take("mail:" + r.email, kBookingsPerEmailHour, now))
    return event_page(c, *e, form, {}, 429,
                      "Trop d’inscriptions envoyées en peu de temps depuis cette connexion ou pour cette adresse "
                      "e-mail : réessayez dans une heure, ou écrivez à l’organisatrice. Rien n’a été enregistré.");

  auto booked = store::book(c.app.store, e->id, r, plan_today());
  switch (booked.status) {
    case store::WriteResult::Status::ok: break;
    case store::WriteResult::Status::not_found: return c.not_found();
    case store::WriteResult::Status::conflict: {
      auto now = store::event_by_id(c.app.store, 0, e->id);
      std::string why = booked.errors.count("event") ? booked.errors.at("event")
                                                     : std::string("Cet événement ne prend plus d’inscription.");
      return event_page(c, now ? *now : *e, form, {}, 409, why + " Rien n’a été enregistré.");
    }
    case store::WriteResult::Status::invalid:
      return event_page(c, booked.event.id ? booked.event : *e, form, form_errors(booked.errors, r.kind), 422);
  }
  bool sent = send_mails(c, {mail::booking_message(booked.event, booked.registration, c.app.cfg.base_url())}) == 1;
  auto res = http::Response::redirect("/inscriptions/" + booked.registration.token +
                                      (sent ? "?etat=nouvelle" : "?etat=nouvelle-sans-mail"));
  return private_response(std::move(res));
}

}  // namespace passerelles::web
