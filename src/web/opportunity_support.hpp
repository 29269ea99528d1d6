// Shared by the offer and application pages (issue 7): who may do what (a company contact for her organisation, a
// school contact or prescriber who refers, the coordinator for the whole territory), the forms read from requests,
// the pages that forms re-render with their errors, and display values.
#pragma once
#include <string>
#include <vector>

#include "domain/opportunity.hpp"
#include "store/directory.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// The territory's coordinator (an admin has no territory: she sees these pages as 403).
bool is_coordinator(const Ctx& c);
// A company contact acting for organisation `organisation_id`.
bool acts_for_company(const Ctx& c, long long organisation_id);
// May publish offers: a company contact linked to an organisation, or the coordinator.
bool may_publish_offers(const Ctx& c);
// May edit and close this offer: its company's contact, or the coordinator.
bool may_manage_offer(const Ctx& c, const domain::Offer& o);
// May see this offer: a published offer still open, to every user of the territory but admins; otherwise only
// those who may manage it.
bool may_see_offer(const Ctx& c, const domain::Offer& o, const std::string& today);
// May apply for / refer someone: a school contact, a prescriber, the coordinator.
bool may_refer(const Ctx& c);
// May see this application: its referrer, its company's contact, the coordinator.
bool may_see_application(const Ctx& c, const domain::OfferApplication& a);
// The states this user may move the application to, in button order, among those domain::allowed accepts:
// company: interview, accepted, declined, completed; referrer: withdrawn, completed; the coordinator: all of these.
std::vector<std::string> transitions_for(const Ctx& c, const domain::OfferApplication& a);

// 403 with a French explanation of who may use the offers (no territory, or a role that may not).
http::Response opportunity_forbidden(Ctx& c, const std::string& why);

// Today in Paris.
std::string today_paris();

// The offer form as typed (its text fields), laid over `base`. The commune is typed as « 25056 — Besançon (25000) »,
// an INSEE code or a postal code; `commune_error` says when it matches none (or several).
domain::Offer offer_from_form(Ctx& c, domain::Offer base, std::string& commune_typed, std::string& commune_error);
// The creation (o.id 0) or edition form with its values and errors (status 200, 422, 409).
http::Response offer_form(Ctx& c, const domain::Offer& o, const std::string& commune_typed, const domain::Errors& e,
                          int status);
// Display values of an offer (kind and status labels, dates in French, places left).
Data offer_data(const domain::Offer& o);

// The application form as typed, and the school looked up among the territory's schools (errors["school"] when it
// matches none or several).
struct ApplicationForm {
  domain::OfferApplication application;
  std::string school;  // as typed
  std::string minor;   // "1" | "0" | ""
};
ApplicationForm application_from_form(Ctx& c, domain::Errors& errors);
http::Response application_form(Ctx& c, const domain::Offer& o, const ApplicationForm& f, const domain::Errors& e,
                                int status);
// Display values of an application (state label, dates in French, its history).
Data application_data(const domain::OfferApplication& a);
// The application page with its history and the buttons this user may use; `errors` next to the forms.
http::Response application_page(Ctx& c, const domain::OfferApplication& a, const domain::Errors& errors, int status);

}  // namespace passerelles::web
