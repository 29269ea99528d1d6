// Shared by the discourse kit's pages and the internal networks' pages: who may use them, the forms (parse, render
// with errors), the page of a network, the line diff shown with <ins>/<del>, and display values.
#pragma once
#include <optional>
#include <string>

#include "domain/validation.hpp"
#include "store/kit.hpp"
#include "store/networks.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// The kit and the networks' member pages are for the collective: ambassadors and coordinators of a territory (and
// the admin once she has one). The refusal (403, or the "no territory" page) otherwise.
std::optional<http::Response> kit_refusal(Ctx& c);
// Coordinators and the admin: they create, change and delete networks, and delete any resource.
bool kit_editor(const Ctx& c);
// The signed-in user as the history shows her: her display name, else her e-mail.
store::Author kit_author(const Ctx& c);
// The notice after a redirect (?msg=…), "" when none.
std::string kit_notice(const Ctx& c);
// "le 12/03/2026 à 14:05" (Paris time).
std::string on_day_at(long long unix_seconds);

// ---- pages ---------------------------------------------------------------------------------------------------

// The page {slug} of my territory; nullopt with `refusal` set (403 outside the collective, 404 when absent).
std::optional<store::KitPage> kit_page_to_show(Ctx& c, http::Response& refusal);

// What the page form holds: title, body, summary of the change, and the revision it was written over (0: a new page).
struct KitPageForm {
  std::string slug;  // "" for a new page
  std::string title, body, summary;
  int base_revision = 0;
};
KitPageForm kit_page_form_from(const http::Request& r);
// The creation or edition form with its values, a message next to each field, and after a conflict (`current` set)
// the version saved in between and what her text changes in it.
http::Response kit_page_form(Ctx& c, const KitPageForm& f, const domain::Errors& e, int status,
                             const std::optional<store::KitPage>& current = std::nullopt);

// Template values of a diff between two texts: diff_lines ({kind, text, marker, label}), unchanged runs longer than
// a few lines folded into one "… N lignes inchangées" entry, and has_changes.
void set_diff(Data& d, const std::string& before, const std::string& after);

// ---- resources -----------------------------------------------------------------------------------------------

struct KitResourceForm {
  std::string title, kind, url, description, tags;
};
http::Response kit_resource_form(Ctx& c, const KitResourceForm& f, const domain::Errors& e, int status);

// ---- networks ------------------------------------------------------------------------------------------------

// The signed-in ambassador's member id in this territory (0 for a coordinator or without an active profile).
long long my_ambassador_id(Ctx& c);
// Whether she may manage the network's members and actions: a coordinator (or the admin), or one of its leads.
bool manages_network(Ctx& c, long long network_id);
// The network {id} of my territory; nullopt with `refusal` set (403 outside the collective, 404 for another
// territory's id).
std::optional<store::Network> network_to_show(Ctx& c, http::Response& refusal);

http::Response network_form(Ctx& c, const store::Network& n, const domain::Errors& e, int status);
store::Network network_from_form(const http::Request& r, store::Network base, domain::Errors& e);
// The members' page of a network (members, actions, the forms of those who manage it) with `errors` next to the
// member and action forms.
http::Response network_page(Ctx& c, const store::Network& n, const domain::Errors& errors, int status);

}  // namespace passerelles::web
