// The mentoring pages' shared code: the editor guard, the programme form, the public application form (school and
// commune lookup), the mentee's private page, a pair's page and the ambassador's page.
#include "web/mentoring_support.hpp"

#include <algorithm>

#include "domain/collective.hpp"
#include "domain/plan.hpp"
#include "domain/request.hpp"
#include "domain/text.hpp"
#include "domain/time_fr.hpp"
#include "mail/mentoring_mail.hpp"
#include "store/accounts.hpp"
#include "store/ambassadors.hpp"
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/event_public_support.hpp"
#include "web/event_support.hpp"
#include "web/form_support.hpp"
#include "web/request_support.hpp"

namespace passerelles::web {

namespace mt = domain::mentoring;

bool is_mentoring_editor(const Ctx& c) {
  return c.actor && c.actor->can_edit_directory() && c.territory_id() != 0;
}

std::string mentoring_today() {
  return domain::paris_day(store::now_unix());
}

http::Response mentoring_private(http::Response r) {
  return private_response(std::move(r));
}

namespace {

std::string label(const std::vector<domain::Choice>& list, const std::string& code) {
  return std::string(domain::choice_label(list, code));
}

std::string period_fr(const mt::Programme& p) {
  return "du " + domain::format_day_fr(p.starts_on) + " au " + domain::format_day_fr(p.ends_on);
}

Data programme_data(const mt::Programme& p) {
  Data d;
  d.set("id", std::to_string(p.id));
  d.set("name", p.name);
  d.set("audience_label", label(mt::audiences(), p.audience));
  d.set("status_label", label(mt::programme_statuses(), p.status));
  d.set("period", period_fr(p));
  d.set("open", p.status == "open");
  d.set("remote_allowed", p.remote_allowed);
  set_text(d, "description", p.description);
  return d;
}

std::string author_fr(const std::string& author) {
  if (author == "mentor") return "La marraine";
  if (author == "mentee") return "La filleule";
  if (author == "guardian") return "Le parent";
  return "La coordination";
}

List message_rows(Ctx& c, long long pair_id) {
  List out;
  for (const auto& m : store::messages_of(c.app.store, pair_id)) {
    Data d;
    d.set("author", author_fr(m.author));
    d.set("at", domain::format_datetime_fr(m.created_at));
    d.set("body", m.body);
    out.push_back(d);
  }
  return out;
}

List meeting_rows(Ctx& c, long long pair_id) {
  List out;
  for (const auto& m : store::meetings_of(c.app.store, pair_id)) {
    Data d;
    d.set("day", domain::format_day_fr(m.day));
    d.set("minutes", std::to_string(m.minutes));
    d.set("mode", label(mt::meeting_modes(), m.mode));
    set_text(d, "summary", m.summary);
    out.push_back(d);
  }
  return out;
}

List feedback_rows(Ctx& c, long long pair_id) {
  List out;
  for (const auto& f : store::feedback_of(c.app.store, pair_id)) {
    Data d;
    d.set("phase", std::string(f.phase == "mid" ? "Mi-parcours" : "Fin"));
    d.set("side", std::string(f.side == "mentor" ? "marraine" : "filleule"));
    d.set("rating", std::to_string(f.rating) + " / 5");
    set_text(d, "comment", f.comment);
    out.push_back(d);
  }
  return out;
}

List ratings() {
  List out;
  for (int i = 1; i <= 5; ++i) {
    Data d;
    d.set("value", std::to_string(i));
    out.push_back(d);
  }
  return out;
}

// The feedback phases open on `today`: mid from the programme's middle day, end from its last day (or once ended).
List feedback_phases(const mt::Programme& p, const std::string& today, bool ended) {
  List out;
  auto add = [&](const char* code, const char* text) {
    Data d;
    d.set("code", std::string(code));
    d.set("label", std::string(text));
    out.push_back(d);
  };
  if (!p.middle_day().empty() && today >= p.middle_day()) add("mid", "Bilan de mi-parcours");
  if (ended || today >= p.ends_on) add("end", "Bilan de fin");
  return out;
}

void set_pair_channel(Ctx& c, Data& d, const store::PairView& pair) {
  d.set("pair_id", std::to_string(pair.id));
  d.set("messages", message_rows(c, pair.id));
  d.set("meetings", meeting_rows(c, pair.id));
  d.set("feedback", feedback_rows(c, pair.id));
  d.set("active", pair.status == "active");
  d.set("modes", choice_list(mt::meeting_modes(), "in_person"));
  d.set("ratings", ratings());
  if (auto p = store::programme_public(c.app.store, pair.programme_id)) {
    List phases = feedback_phases(*p, mentoring_today(), pair.status == "ended");
    d.set("has_phases", !phases.empty());
    d.set("phases", phases);
  }
}

void set_errors(Data& d, const domain::Errors& e) {
  for (const auto& [k, v] : e) d.set(k + "_error", v);
  if (auto it = e.find("status"); it != e.end()) d.set("notice_error", it->second);
}

}  // namespace

// ---- programmes ------------------------------------------------------------------------------------------------

mt::Programme programme_from_form(const http::Request& r, mt::Programme base) {
  base.name = r.form("name");
  base.audience = r.form("audience");
  base.starts_on = r.form("starts_on");
  base.ends_on = r.form("ends_on");
  base.description = r.form("description");
  base.remote_allowed = r.form("remote_allowed") == "1";
  base.status = r.form("status");
  return base;
}

http::Response programme_form_page(Ctx& c, const mt::Programme& p, const domain::Errors& e, int status) {
  Data d;
  d.set("editing", p.id != 0);
  d.set("id", std::to_string(p.id));
  d.set("action", p.id ? "/parrainage/programmes/" + std::to_string(p.id) + "/modifier"
                       : std::string("/parrainage/programmes/nouveau"));
  d.set("name", field(p.name, e, "name"));
  d.set("starts_on", field(p.starts_on, e, "starts_on"));
  d.set("ends_on", field(p.ends_on, e, "ends_on"));
  d.set("description", field(p.description, e, "description"));
  d.set("audiences", choice_list(mt::audiences(), p.audience));
  set_error(d, e, "audience");
  d.set("statuses", choice_list(mt::programme_statuses(), p.status));
  set_error(d, e, "status");
  d.set("remote_allowed", p.remote_allowed);
  set_error_summary(d, e, "prog-",
                    {{"name", "Nom"},
                     {"audience", "Public"},
                     {"starts_on", "Début"},
                     {"ends_on", "Fin"},
                     {"description", "Description"},
                     {"status", "État"}});
  return c.page("mentoring_programme_form", p.id ? "Modifier le programme" : "Nouveau programme", d, status);
}

std::optional<mt::Programme> programme_of_url(Ctx& c) {
  long long id = parse_id(c.req.params.at("id"));
  if (id <= 0) return std::nullopt;
  return store::programme_by_id(c.app.store, c.territory_id(), id);
}

http::Response programme_page(Ctx& c, const mt::Programme& p, const std::string& notice, const domain::Errors& e,
                              int status) {
  Data d = programme_data(p);
  set_text(d, "notice", notice);
  set_errors(d, e);
  d.set("apply_url", "/parrainage/programmes/" + std::to_string(p.id) + "/candidature");
  List mentors;
  for (const auto& m : store::mentors_of(c.app.store, p.id)) {
    Data x;
    x.set("ambassador_id", std::to_string(m.ambassador_id));
    x.set("name", m.first_name + " " + m.last_name);
    x.set("job", m.job_title);
    set_text(x, "commune", m.commune_name);
    x.set("load", std::to_string(m.load) + " / " + std::to_string(m.capacity));
    x.set("remote", m.remote);
    x.set("active", m.status == "active");
    mentors.push_back(x);
  }
  d.set("mentors", mentors);
  d.set("has_mentors", !mentors.empty());
  List candidates;
  for (const auto& a : store::ambassadors_matching(c.app.store, {c.territory_id(), "active", "", "", 1, 200}).rows)
    if (std::find(a.offers.begin(), a.offers.end(), "mentor") != a.offers.end()) {
      Data x;
      x.set("id", std::to_string(a.id));
      x.set("name", a.full_name());
      candidates.push_back(x);
    }
  d.set("mentor_candidates", candidates);
  d.set("has_mentor_candidates", !candidates.empty());
  List apps;
  for (const auto& a : store::mentee_applications_of(c.app.store, p.id)) {
    Data x;
    x.set("id", std::to_string(a.id));
    x.set("name", a.erased_at ? std::string("(effacée)") : a.display_name());
    x.set("status_label", label(mt::application_statuses(), a.status));
    std::string age = a.under_15 ? "moins de 15 ans" : a.minor ? "mineure de 15 ans ou plus" : "majeure";
    x.set("age", age);
    set_text(x, "class_level", a.class_level);
    set_text(x, "school", a.school_name);
    set_text(x, "commune", a.commune_name);
    set_text(x, "domains", domain::labels_of_codes(a.domains, domain::collective_domains()));
    x.set("needs_consent", a.status == "awaiting_consent");
    set_text(x, "outcome", label(mt::outcomes(), a.outcome));
    set_text(x, "consent",
             a.consent_at ? std::string(a.consent_method == "paper" ? "accord papier" : "accord en ligne") + " le " +
                                domain::format_datetime_fr(a.consent_at)
                          : "");
    apps.push_back(x);
  }
  d.set("applications", apps);
  d.set("has_applications", !apps.empty());
  List proposed, active;
  for (const auto& x : store::pairs_of(c.app.store, p.id)) {
    Data r;
    r.set("id", std::to_string(x.id));
    r.set("mentor", x.mentor_first_name + " " + x.mentor_last_name);
    r.set("mentee", x.mentee_name);
    r.set("why", x.why);
    r.set("status_label", label(mt::pair_statuses(), x.status));
    (x.status == "proposed" ? proposed : active).push_back(r);
  }
  d.set("proposals", proposed);
  d.set("has_proposals", !proposed.empty());
  d.set("pairs", active);
  d.set("has_pairs", !active.empty());
  return c.page("mentoring_programme_show", p.name, d, status);
}

// ---- the public application ------------------------------------------------------------------------------------

MenteeForm mentee_form_of(const http::Request& r) {
  MenteeForm f;
  f.first_name = r.form("first_name");
  f.last_name = r.form("last_name");
  f.birth_month = r.form("birth_month");
  f.email = r.form("email");
  f.school = r.form("school");
  f.class_level = r.form("class_level");
  f.commune = r.form("commune");
  f.motivation = r.form("motivation");
  f.voucher_name = r.form("voucher_name");
  f.voucher_email = r.form("voucher_email");
  f.guardian_name = r.form("guardian_name");
  f.guardian_email = r.form("guardian_email");
  f.remote_ok = r.form("remote_ok");
  f.domains = r.form_all("domains");
  f.weekly = r.form_all("weekly");
  return f;
}

mt::Application mentee_checked(Ctx& c, const mt::Programme& p, const MenteeForm& f, domain::Errors& errors) {
  mt::Application a;
  a.first_name = f.first_name;
  a.last_name = f.last_name;
  a.birth_month = f.birth_month;
  a.email = f.email;
  a.class_level = f.class_level;
  a.motivation = f.motivation;
  a.voucher_name = f.voucher_name;
  a.voucher_email = f.voucher_email;
  a.guardian_name = f.guardian_name;
  a.guardian_email = f.guardian_email;
  a.remote_ok = f.remote_ok == "1";
  a.domains = f.domains;
  a.weekly = f.weekly;
  std::string today = mentoring_today();
  mt::normalise(a, today);
  domain::Errors found;
  if (!domain::trim(f.school).empty()) {
    auto territory = store::territory_by_id(c.app.store, p.territory_id);
    std::vector<std::string> departments = territory ? territory->departments : std::vector<std::string>{};
    TypedSchool ts = lookup_typed_school(c, f.school, departments);
    if (ts.kind == TypedSchool::Kind::uai && ts.school &&
        std::find(departments.begin(), departments.end(), ts.school->department) != departments.end())
      a.school_id = ts.school->id;
    else if (ts.kind == TypedSchool::Kind::words && ts.found.total == 1)
      a.school_id = ts.found.rows.front().id;
    else if (ts.kind == TypedSchool::Kind::words && ts.found.total > 1)
      found["school"] = std::to_string(ts.found.total) +
                        " établissements correspondent : choisissez le vôtre dans la liste proposée.";
    else
      found["school"] =
          "Aucun établissement du territoire ne correspond : essayez son nom, sa commune ou son code UAI.";
  }
  if (!domain::trim(f.commune).empty()) {
    bool ambiguous = false;
    if (auto cm = store::commune_from_input(c.app.store, domain::trim(f.commune), ambiguous))
      a.commune_insee = cm->insee;
    else
      found["commune"] = ambiguous ? "Ce code postal couvre plusieurs communes : choisissez la vôtre dans la liste."
                                   : "Commune introuvable : indiquez son code postal.";
  }
  for (const auto& [k, v] : mt::validate(a, p.audience, today)) found.emplace(k, v);
  errors = found;
  return a;
}

http::Response mentee_form_page(Ctx& c, const mt::Programme& p, const MenteeForm& f, const domain::Errors& e,
                                int status) {
  Data d = programme_data(p);
  d.set("pupils", mt::is_pupil_audience(p.audience));
  d.set("first_name", field(f.first_name, e, "first_name"));
  d.set("last_name", field(f.last_name, e, "last_name"));
  d.set("birth_month", field(f.birth_month, e, "birth_month"));
  d.set("email", field(f.email, e, "email"));
  d.set("school", field(f.school, e, "school"));
  d.set("class_level", field(f.class_level, e, "class_level"));
  d.set("commune", field(f.commune, e, "commune"));
  d.set("motivation", field(f.motivation, e, "motivation"));
  d.set("voucher_name", field(f.voucher_name, e, "voucher_name"));
  d.set("voucher_email", field(f.voucher_email, e, "voucher_email"));
  d.set("guardian_name", field(f.guardian_name, e, "guardian_name"));
  d.set("guardian_email", field(f.guardian_email, e, "guardian_email"));
  d.set("remote_ok", f.remote_ok == "1" || status == 200);
  d.set("domain_choices", checkbox_list(domain::collective_domains(), f.domains));
  set_error(d, e, "domains");
  d.set("weekly_choices", checkbox_list(domain::weekly_slots(), f.weekly));
  set_error(d, e, "weekly");
  if (auto it = e.find("status"); it != e.end()) d.set("notice_error", it->second);
  set_error_summary(d, e, "cand-",
                    {{"first_name", "Prénom"},
                     {"last_name", "Nom"},
                     {"birth_month", "Mois de naissance"},
                     {"email", "E-mail"},
                     {"school", "Établissement"},
                     {"class_level", "Classe"},
                     {"commune", "Commune"},
                     {"domains", "Domaines"},
                     {"weekly", "Disponibilités"},
                     {"motivation", "Motivation"},
                     {"voucher_name", "Personne qui soutient la candidature"},
                     {"voucher_email", "Son e-mail"},
                     {"guardian_name", "Parent ou responsable légal"},
                     {"guardian_email", "E-mail du parent"}},
                    "La candidature n’a pas été envoyée");
  return c.page("mentoring_apply", "Candidater au marrainage", d, status);
}

// ---- the mentee's private page ---------------------------------------------------------------------------------

namespace {
std::string follow_sentence(const mt::Application& a) {
  if (a.status == "submitted")
    return "Votre candidature attend la caution de la personne de votre établissement que vous avez indiquée : elle "
           "a reçu un e-mail.";
  if (a.status == "awaiting_consent")
    return "Votre établissement a soutenu votre candidature. Votre parent a reçu un e-mail pour donner son accord : "
           "aucun contact n’a lieu avant.";
  if (a.status == "ready")
    return "Votre candidature est prête : la coordination cherche la marraine qui vous correspond.";
  if (a.status == "matched") return "Une marraine vous accompagne.";
  if (a.status == "finished") return "Le marrainage est terminé. Merci !";
  return "Vous avez retiré votre candidature.";
}
}  // namespace

http::Response follow_page(Ctx& c, const mt::Application& a, const std::string& notice, const domain::Errors& e,
                           int status) {
  Data d;
  d.set("token", a.token);
  d.set("first_name", a.first_name);
  d.set("status_label", label(mt::application_statuses(), a.status));
  d.set("sentence", follow_sentence(a));
  set_text(d, "notice", notice);
  set_errors(d, e);
  if (auto p = store::programme_public(c.app.store, a.programme_id)) d.set("programme", p->name);
  bool open = a.status != "withdrawn" && a.status != "finished";
  d.set("can_withdraw", open);
  d.set("outcomes", choice_list(mt::outcomes(), a.outcome));
  set_text(d, "outcome_text", a.outcome_text);
  if (auto pair = store::pair_of_application(c.app.store, a.id); pair && mt::contact_allowed(a)) {
    d.set("has_pair", true);
    d.set("post_base", "/parrainage/suivi/" + a.token);
    d.set("can_feedback", true);
    d.set("mentor_first_name", pair->mentor_first_name);
    d.set("mentor_job", pair->mentor_job);
    set_pair_channel(c, d, *pair);
  } else if (auto ended = store::pair_of_application(c.app.store, a.id); ended && a.status == "finished") {
    d.set("has_pair", true);
    d.set("post_base", "/parrainage/suivi/" + a.token);
    d.set("can_feedback", true);
    d.set("mentor_first_name", ended->mentor_first_name);
    d.set("mentor_job", ended->mentor_job);
    set_pair_channel(c, d, *ended);
  }
  return mentoring_private(c.page("mentoring_follow", "Mon marrainage", d, status));
}

// ---- a pair's page ---------------------------------------------------------------------------------------------

http::Response pair_page(Ctx& c, const store::PairView& pair, bool as_coordinator, const std::string& notice,
                         const domain::Errors& e, int status) {
  Data d;
  d.set("coordinator", as_coordinator);
  d.set("post_base", as_coordinator ? "/parrainage/binomes/" + std::to_string(pair.id)
                                    : "/collectif/parrainage/binomes/" + std::to_string(pair.id));
  d.set("can_feedback", !as_coordinator);
  d.set("programme", pair.programme_name);
  d.set("programme_id", std::to_string(pair.programme_id));
  d.set("mentor", pair.mentor_first_name + (as_coordinator ? " " + pair.mentor_last_name : ""));
  d.set("mentee", pair.mentee_name);
  set_text(d, "mentee_class", pair.mentee_class);
  set_text(d, "mentee_domains", domain::labels_of_codes(pair.mentee_domains, domain::collective_domains()));
  d.set("status_label", label(mt::pair_statuses(), pair.status));
  set_text(d, "why", pair.why);
  set_text(d, "end_reason", pair.end_reason);
  set_text(d, "notice", notice);
  set_errors(d, e);
  set_pair_channel(c, d, pair);
  return c.page("mentoring_pair", "Binôme " + pair.mentor_first_name + " – " + pair.mentee_name, d, status);
}

std::optional<store::PairView> my_pair_of_url(Ctx& c) {
  auto me = my_membership(c);
  long long id = parse_id(c.req.params.at("id"));
  if (!me || id <= 0) return std::nullopt;
  auto pair = store::pair_by_id(c.app.store, c.territory_id(), id);
  if (!pair || pair->ambassador_id != me->id || (pair->status != "active" && pair->status != "ended"))
    return std::nullopt;
  return pair;
}

// ---- the ambassador's page -------------------------------------------------------------------------------------

http::Response member_mentoring_page(Ctx& c, const std::string& notice, const domain::Errors& e, int status) {
  Data d;
  auto me = my_membership(c);
  d.set("member", me.has_value());
  set_text(d, "notice", notice);
  set_errors(d, e);
  if (me) {
    bool offers = std::find(me->offers.begin(), me->offers.end(), "mentor") != me->offers.end();
    d.set("offers_mentor", offers);
    List programmes;
    for (const auto& p : store::open_programmes(c.app.store, c.territory_id())) {
      Data x = programme_data(p);
      for (const auto& m : store::mentors_of(c.app.store, p.id))
        if (m.ambassador_id == me->id && m.status == "active") {
          x.set("joined", true);
          x.set("capacity", std::to_string(m.capacity));
          x.set("load", std::to_string(m.load));
        }
      programmes.push_back(x);
    }
    d.set("programmes", programmes);
    d.set("has_programmes", !programmes.empty());
    List pairs;
    for (const auto& x : store::pairs_of_ambassador(c.app.store, me->id)) {
      Data r;
      r.set("id", std::to_string(x.id));
      r.set("mentee", x.mentee_name);
      set_text(r, "mentee_class", x.mentee_class);
      r.set("programme", x.programme_name);
      r.set("status_label", label(mt::pair_statuses(), x.status));
      pairs.push_back(r);
    }
    d.set("pairs", pairs);
    d.set("has_pairs", !pairs.empty());
  }
  return c.page("mentoring_member", "Mon marrainage", d, status);
}

int send_pair_mails(Ctx& c, const store::PairView& pair) {
  std::vector<mail::Message> out;
  out.push_back(mail::mentoring_pair_for_mentor_message(pair, c.app.cfg.base_url()));
  if (auto a = store::mentee_application_by_id(c.app.store, c.territory_id(), pair.application_id);
      a && mt::contact_allowed(*a)) {
    if (!a->email.empty())
      out.push_back(mail::mentoring_pair_for_mentee_message(pair, *a, a->email, c.app.cfg.base_url()));
    if (a->minor && !a->guardian_email.empty())
      out.push_back(mail::mentoring_pair_for_mentee_message(pair, *a, a->guardian_email, c.app.cfg.base_url()));
  }
  return send_mails(c, out);
}

}  // namespace passerelles::web
