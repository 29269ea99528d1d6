#include "domain/collective.hpp"

#include <algorithm>
#include <regex>

#include "domain/plan.hpp"
#include "domain/search_fr.hpp"
#include "domain/text.hpp"

namespace passerelles::domain {

const std::vector<Choice>& collective_domains() {
  static const std::vector<Choice> v = {
      {"microtechnique", "Microtechnique"},
      {"usinage", "Usinage"},
      {"mecanique", "Mécanique"},
      {"maintenance", "Maintenance industrielle"},
      {"verre", "Verre"},
      {"electronique", "Électronique"},
      {"plasturgie", "Plasturgie"},
      {"chimie", "Chimie et procédés"},
      {"energie", "Énergie"},
      {"numerique", "Numérique et automatismes"},
      {"logistique", "Logistique"},
      {"qualite", "Qualité et contrôle"},
      {"autre", "Autre domaine industriel"},
  };
  return v;
}

const std::vector<Choice>& ambassador_offers() {
  static const std::vector<Choice> v = {
      {"talk", "Témoigner en classe"},      {"visit", "Accueillir une visite"}, {"mentor", "Marrainer une jeune fille"},
      {"forum", "Tenir un stand de forum"}, {"video", "Tourner une vidéo"},
  };
  return v;
}

const std::vector<Choice>& weekly_slots() {
  static const std::vector<Choice> v = {
      {"mon-am", "lundi matin"},         {"mon-pm", "lundi après-midi"}, {"tue-am", "mardi matin"},
      {"tue-pm", "mardi après-midi"},    {"wed-am", "mercredi matin"},   {"wed-pm", "mercredi après-midi"},
      {"thu-am", "jeudi matin"},         {"thu-pm", "jeudi après-midi"}, {"fri-am", "vendredi matin"},
      {"fri-pm", "vendredi après-midi"},
  };
  return v;
}

const std::vector<Choice>& languages() {
  static const std::vector<Choice> v = {
      {"fr", "français"}, {"en", "anglais"}, {"de", "allemand"},
      {"es", "espagnol"}, {"it", "italien"}, {"pt", "portugais"},
      {"ar", "arabe"},    {"tr", "turc"},    {"lsf", "langue des signes française"},
  };
  return v;
}

const std::vector<Choice>& consent_fields() {
  static const std::vector<Choice> v = {
      {"name", "Mon prénom et l’initiale de mon nom"},
      {"photo", "Ma photo"},
      {"job", "Mon métier et mon domaine"},
      {"employer", "Mon employeur"},
      {"path", "Mon parcours de formation"},
      {"quote", "Ma citation"},
      {"cliche", "Le cliché que je casse"},
      {"video", "Ma vidéo"},
      {"commune", "Ma commune"},
  };
  return v;
}

std::string_view diploma_level_label_fr(int level) {
  switch (level) {
    case 3: return "niveau 3 — CAP, BEP";
    case 4: return "niveau 4 — bac, bac pro, BP";
    case 5: return "niveau 5 — bac+2 (BTS, DUT)";
    case 6: return "niveau 6 — bac+3 (licence, BUT)";
    case 7: return "niveau 7 — bac+5 (master, ingénieur)";
    case 8: return "niveau 8 — doctorat";
    default: return "";
  }
}

bool is_choice(const std::vector<Choice>& list, std::string_view code) {
  return std::any_of(list.begin(), list.end(), [&](const Choice& c) { return c.code == code; });
}

namespace {

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void check_codes(Errors& e, const std::string& field, const std::vector<std::string>& codes,
                 const std::vector<Choice>& list, const char* message) {
  for (const auto& c : codes)
    if (!is_choice(list, c)) {
      e[field] = message;
      return;
    }
}

// The first UTF-8 character of s, upper-cased when it is an ASCII letter.
std::string initial_of(const std::string& s) {
  std::string t = trim(s);
  if (t.empty()) return {};
  std::size_t n = 1;
  unsigned char c = static_cast<unsigned char>(t[0]);
  if (c >= 0xF0)
    n = 4;
  else if (c >= 0xE0)
    n = 3;
  else if (c >= 0xC0)
    n = 2;
  std::string out = t.substr(0, std::min(n, t.size()));
  if (n == 1) out[0] = static_cast<char>(std::toupper(c));
  return out;
}

}  // namespace

bool Ambassador::consents_to(std::string_view field) const {
  return contains(consents, field);
}

bool Portrait::consents_to(std::string_view field) const {
  return contains(consents, field);
}

Errors validate_application(const Ambassador& a) {
  Errors e;
  require_text(e, "first_name", a.first_name, 100);
  require_text(e, "last_name", a.last_name, 100);
  if (a.email.empty())
    e["email"] = "Indiquez votre adresse e-mail.";
  else if (!is_valid_email(a.email))
    e["email"] = "Cette adresse e-mail n’est pas valide (exemple : prenom.nom@entreprise.fr).";
  require_text(e, "job_title", a.job_title, 200);
  if (!a.domain.empty() && !is_choice(collective_domains(), a.domain))
    e["domain"] = "Choisissez un domaine de la liste.";
  check_max_length(e, "motivation", a.motivation, 2000);
  return e;
}

Errors validate_ambassador(const Ambassador& a) {
  Errors e = validate_application(a);
  if (!a.phone.empty() && !is_valid_phone(a.phone))
    e["phone"] = "Ce numéro de téléphone n’est pas valide (exemple : 06 12 34 56 78).";
  check_max_length(e, "employer_name", a.employer_name, 200);
  check_codes(e, "languages", a.languages, languages(), "Choisissez les langues dans la liste.");
  if (a.max_km < 0 || a.max_km > 500) e["max_km"] = "La distance doit être comprise entre 0 et 500 km.";
  check_codes(e, "weekly", a.weekly, weekly_slots(), "Choisissez des demi-journées de la liste.");
  if (a.max_per_month < 0 || a.max_per_month > 31)
    e["max_per_month"] = "Le nombre d’interventions par mois doit être compris entre 0 et 31.";
  for (const auto& d : a.days_off)
    if (!valid_day(d)) {
      e["days_off"] = "Une date d’absence n’est pas valide : écrivez-la au format AAAA-MM-JJ (exemple : 2027-02-15).";
      break;
    }
  check_codes(e, "offers", a.offers, ambassador_offers(), "Choisissez ce que vous proposez dans la liste.");
  check_codes(e, "consents", a.consents, consent_fields(), "Choisissez les champs publiés dans la liste.");
  if (a.path.size() > 12) e["path"] = "Le parcours compte au plus 12 étapes.";
  for (std::size_t i = 0; i < a.path.size() && i < 12; ++i) {
    const auto& st = a.path[i];
    std::string k = "path_" + std::to_string(i + 1) + "_";
    require_text(e, k + "diploma", st.diploma, 200);
    if (st.level != 0 && (st.level < 3 || st.level > 8)) e[k + "level"] = "Le niveau doit être compris entre 3 et 8.";
    if (st.year != 0 && (st.year < 1950 || st.year > 2100))
      e[k + "year"] = "L’année doit être comprise entre 1950 et 2100.";
    check_max_length(e, k + "school", st.school, 200);
  }
  return e;
}

Errors validate_portrait(const Portrait& p) {
  Errors e;
  require_text(e, "first_name", p.first_name, 100);
  check_max_length(e, "last_name", p.last_name, 100);
  require_text(e, "job_title", p.job_title, 200);
  if (!p.domain.empty() && !is_choice(collective_domains(), p.domain))
    e["domain"] = "Choisissez un domaine de la liste.";
  if (p.diploma_level != 0 && (p.diploma_level < 3 || p.diploma_level > 8))
    e["diploma_level"] = "Le niveau de diplôme doit être compris entre 3 et 8.";
  check_max_length(e, "employer", p.employer, 200);
  check_max_length(e, "path", p.path, 3000);
  check_max_length(e, "quote", p.quote, 600);
  check_max_length(e, "cliche", p.cliche, 600);
  if (!p.video_url.empty() && !video_embed_url(p.video_url))
    e["video_url"] =
        "Ce lien vidéo n’est pas reconnu : donnez l’adresse d’une vidéo PeerTube, YouTube ou Vimeo (https://…).";
  check_codes(e, "consents", p.consents, consent_fields(), "Choisissez les champs publiés dans la liste.");
  return e;
}

std::string public_name(std::string_view first_name, std::string_view last_name) {
  std::string name = trim(first_name);
  std::string ini = initial_of(std::string(last_name));
  if (!ini.empty()) name += " " + ini + ".";
  return name;
}

std::optional<PublicPortrait> public_portrait(const Portrait& p) {
  if (p.status != "published" || !p.consents_to("job")) return std::nullopt;
  PublicPortrait o;
  o.id = p.id;
  o.slug = p.slug;
  if (p.consents_to("name")) o.name = public_name(p.first_name, p.last_name);
  o.job_title = p.job_title;
  o.domain = p.domain;
  o.domain_label = std::string(choice_label(collective_domains(), p.domain));
  if (p.consents_to("employer")) o.employer = p.employer;
  if (p.consents_to("commune")) o.commune_name = p.commune_name;
  if (p.consents_to("path")) {
    o.diploma_level = p.diploma_level;
    o.path = p.path;
  }
  if (p.consents_to("quote")) o.quote = p.quote;
  if (p.consents_to("cliche")) o.cliche = p.cliche;
  if (p.consents_to("video")) {
    if (auto embed = video_embed_url(p.video_url)) {
      o.video_url = p.video_url;
      o.video_embed = *embed;
    }
    o.has_video_file = p.video_media_id != 0;
  }
  o.has_photo = p.has_photo && p.consents_to("photo");
  o.campaign_name = p.campaign_name;
  o.territory_slug = p.territory_slug;
  o.territory_name = p.territory_name;
  o.published_at = p.published_at;
  return o;
}

std::string portrait_search_document(const Portrait& p) {
  auto o = public_portrait(p);
  if (!o) return {};
  std::string text = o->name + " " + o->job_title + " " + o->domain_label + " " + o->employer + " " + o->commune_name +
                     " " + o->path + " " + o->quote + " " + o->cliche + " " + o->campaign_name;
  return search_document_fr(text);
}

std::optional<std::string> video_embed_url(std::string_view url_in) {
  std::string url(trim(url_in));
  if (url.size() > 500) return std::nullopt;
  std::smatch m;
  static const std::regex youtube(
      R"(^https://(?:www\.|m\.)?youtube\.com/watch\?(?:[^#]*&)?v=([A-Za-z0-9_-]{6,20})(?:[&#].*)?$)");
  static const std::regex youtu_be(R"(^https://youtu\.be/([A-Za-z0-9_-]{6,20})(?:[?#].*)?$)");
  static const std::regex vimeo(R"(^https://(?:www\.)?vimeo\.com/([0-9]{3,15})/?(?:[?#].*)?$)");
  static const std::regex peertube(
      R"(^https://([A-Za-z0-9.-]+\.[A-Za-z]{2,})(?::[0-9]{1,5})?/(?:w|videos/watch)/([A-Za-z0-9-]{6,40})/?(?:[?#].*)?$)");
  if (std::regex_match(url, m, youtube) || std::regex_match(url, m, youtu_be))
    return "https://www.youtube-nocookie.com/embed/" + m[1].str();
  if (std::regex_match(url, m, vimeo)) return "https://player.vimeo.com/video/" + m[1].str();
  if (std::regex_match(url, m, peertube)) return "https://" + m[1].str() + "/videos/embed/" + m[2].str();
  return std::nullopt;
}

std::string portrait_slug(const Portrait& p) {
  // The job only: a name in an address would stay in shared links after she withdrew her consent to it.
  std::string s = slugify(p.job_title);
  if (s.size() > 80) {
    s.resize(80);
    while (!s.empty() && s.back() == '-') s.pop_back();
  }
  return s.empty() ? "portrait" : s;
}

}  // namespace passerelles::domain
