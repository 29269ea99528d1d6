// The collective (issue 3): the women of the sector who testify, their profiles, their portraits and what the
// public may see of them. Plain values and rules only; storage is in store/ambassadors.hpp and
// store/portraits.hpp.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/directory.hpp"  // Choice, choice_label
#include "domain/validation.hpp"

namespace passerelles::domain {

// Professional domains of the collective: microtechnique, usinage, mecanique, maintenance, verre, electronique,
// plasturgie, chimie, energie, numerique, logistique, qualite, autre.
const std::vector<Choice>& collective_domains();
// What she offers: talk (témoigner en classe), visit (accueillir une visite), mentor (marrainer), forum (tenir un
// stand), video (tourner une vidéo).
const std::vector<Choice>& ambassador_offers();
// Half-days of the week: mon-am, mon-pm, …, fri-pm (« lundi matin »…). Saturday and Sunday are not offered.
const std::vector<Choice>& weekly_slots();
// Languages she can speak in class: fr, en, de, es, it, pt, ar, tr, lsf (langue des signes française)…
const std::vector<Choice>& languages();
// Fields she may agree to publish, one by one: name (first name and initial of the last name), photo, job (job
// title and domain), employer, path (training path and diploma level), quote, cliche, video, commune.
const std::vector<Choice>& consent_fields();
// Diploma levels 3..8 with their French label (« niveau 4 — bac »).
std::string_view diploma_level_label_fr(int level);

// True when `code` is one of the list's codes (choice_label gives its label).
bool is_choice(const std::vector<Choice>& list, std::string_view code);

// ---- ambassadors ---------------------------------------------------------------------------------------------

struct PathStep {
  std::string diploma;  // « Bac pro MELEC », « BTS CIRA »
  int level = 0;        // 3..8, 0 unknown
  int year = 0;         // 0 unknown
  std::string school;
};

// Status: applicant (public form, waits for a coordinator) | invited (e-mail sent, no account yet) |
// active | left (erased: only the row's id and territory remain) | declined (application refused).
struct Ambassador {
  long long id = 0;
  long long territory_id = 0;
  long long user_id = 0;  // 0 until she has an account
  std::string status = "applicant";
  std::string first_name, last_name, email, phone;
  std::string job_title, rome_code, rome_ogr;
  std::string domain;
  long long employer_organisation_id = 0;
  std::string employer_name;
  std::vector<std::string> languages;
  std::string home_commune_insee;
  std::string home_commune_name;  // read only, from communes
  int max_km = 30;
  std::vector<std::string> weekly;    // weekly_slots codes
  std::vector<std::string> days_off;  // 'YYYY-MM-DD', ascending
  int max_per_month = 2;
  std::vector<std::string> offers;
  long long charter_accepted_at = 0;  // 0: the safeguarding charter is not accepted yet
  std::vector<std::string> consents;  // consent_fields codes
  std::string motivation;
  bool digest = true;
  std::string unsubscribe_token;
  std::vector<PathStep> path;
  long long joined_at = 0, created_at = 0, updated_at = 0;

  std::string full_name() const { return first_name + (last_name.empty() ? "" : " " + last_name); }
  bool consents_to(std::string_view field) const;
};

// Checks a profile as a member or a coordinator saves it (French messages keyed by form field: first_name,
// last_name, email, phone, job_title, domain, languages, home_commune, max_km, weekly, days_off, max_per_month,
// offers, consents, path). Path steps are keyed path_N_diploma, path_N_level, path_N_year (N from 1).
Errors validate_ambassador(const Ambassador& a);
// The public « rejoindre le collectif » form: names, e-mail, job title, domain and motivation only.
Errors validate_application(const Ambassador& a);

// ---- portraits -----------------------------------------------------------------------------------------------

// Status: draft -> submitted (she asks for publication) -> published (a coordinator validated) -> unpublished.
// A coordinator may publish a draft directly when the portrait carries the person's consent (imported
// campaigns); publishing always needs consents to contain at least "job".
struct Portrait {
  long long id = 0;
  long long territory_id = 0;
  long long ambassador_id = 0;
  long long campaign_id = 0;
  std::string campaign_name;                   // read only
  std::string territory_slug, territory_name;  // read only
  std::string slug;
  std::string first_name, last_name;
  std::string job_title, rome_code, domain, employer;
  std::string commune_insee, commune_name;  // commune_name read only
  int diploma_level = 0;
  std::string path;  // one step per line
  std::string quote, cliche;
  std::string video_url;
  long long video_media_id = 0;
  bool has_photo = false;  // read only: a row in portrait_photos
  std::vector<std::string> consents;
  std::string status = "draft";
  long long published_at = 0, created_at = 0, updated_at = 0;

  bool consents_to(std::string_view field) const;
};

// What anyone may see of a portrait: set only for a published portrait, and every field without consent is
// empty (photo and video absent, name empty…). Every public output (pages, embed, API, posters, search index)
// goes through this one function.
struct PublicPortrait {
  long long id = 0;
  std::string slug;
  std::string name;  // « Amélie R. »; "" without consent to "name"
  std::string job_title, domain, domain_label;
  std::string employer;
  std::string commune_name;
  int diploma_level = 0;
  std::string path, quote, cliche;
  std::string video_url;    // the page's address
  std::string video_embed;  // player address for an iframe ("" for an uploaded video)
  bool has_video_file = false;
  bool has_photo = false;
  std::string campaign_name;
  std::string territory_slug, territory_name;
  long long published_at = 0;
};
std::optional<PublicPortrait> public_portrait(const Portrait& p);
// « Amélie R. »: the first name and the initial of the last name, what consent to "name" publishes (portraits,
// members of a network's public page).
std::string public_name(std::string_view first_name, std::string_view last_name);

// The words the public search may find: the consented, public fields of a published portrait (name, job,
// domain label, employer, commune, path, quote, cliché, campaign), through search_document_fr. "" when not
// published.
std::string portrait_search_document(const Portrait& p);

// Checks a portrait as saved (keys: first_name, job_title, domain, diploma_level, quote, cliche, path,
// video_url, consents, campaign).
Errors validate_portrait(const Portrait& p);

// A video page address -> the address of its player, for an iframe:
//   https://www.youtube.com/watch?v=ID, https://youtu.be/ID      -> https://www.youtube-nocookie.com/embed/ID
//   https://vimeo.com/123456                                     -> https://player.vimeo.com/video/123456
//   https://HOST/w/ID, https://HOST/videos/watch/ID (PeerTube)   -> https://HOST/videos/embed/ID
// nullopt for anything else (http, other hosts, odd characters).
std::optional<std::string> video_embed_url(std::string_view url);

// Her portrait as first drafted from her profile (GET /collectif/mon-portrait, the demo): names, job, ROME code,
// domain, employer, home commune, consents, and her path steps one per line (« BTS CIRA (niveau 5), Lycée
// Jules Haag, 2015 ») with the highest level as diploma_level. Status draft. In domain/portrait_prefill.cpp.
Portrait portrait_from_ambassador(const Ambassador& a);

// « technicienne-de-maintenance »: from the job title only (never the name, which she may later withdraw from
// publication while shared links stay); the store appends -N when taken.
std::string portrait_slug(const Portrait& p);

}  // namespace passerelles::domain
