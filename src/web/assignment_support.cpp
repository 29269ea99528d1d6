// The ambassador's intervention pages: her assignment, display values, the list page and the e-mails of answers.
#include "web/assignment_support.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>

#include "domain/event.hpp"
#include "domain/plan.hpp"
#include "domain/request.hpp"
#include "domain/text.hpp"
#include "mail/intervention_mail.hpp"
#include "store/requests.hpp"
#include "web/collective_support.hpp"
#include "web/event_public_support.hpp"
#include "web/event_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

namespace {

std::string notice_of(const std::string& msg) {
  if (msg == "acceptee")
    return "Merci ! Votre acceptation est enregistrée : l’intervention sera confirmée dès que "
           "toutes les places seront pourvues.";
  if (msg == "confirmee")
    return "Merci ! L’intervention est confirmée : l’enseignante et vous-même avez reçu les "
           "détails et l’invitation pour votre agenda.";
  if (msg == "declinee") return "Votre réponse est enregistrée : la place sera reproposée à une autre ambassadrice.";
  if (msg == "annulee") return "L’intervention est annulée : l’enseignante et la coordinatrice sont prévenues.";
  if (msg == "compte-rendu") return "Merci pour votre compte rendu : il compte désormais dans les indicateurs.";
  return "";
}

std::string km_fr(double km) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f km", km);
  return buf;
}

}  // namespace

const std::vector<domain::Choice>& decline_reasons() {
  static const std::vector<domain::Choice> v = {
      {"indisponible", "Je ne suis pas disponible ce jour-là"},
      {"trop_loin", "C’est trop loin pour moi"},
      {"charge", "J’ai déjà trop d’interventions ce mois-ci"},
      {"hors_domaine", "Ce n’est pas mon domaine"},
      {"autre", "Autre raison (précisez)"},
  };
  return v;
}

std::string decline_reason_from_form(const http::Request& r) {
  std::string choice = r.form("reason_choice");
  std::string text = domain::trim(r.form("reason_text"));
  std::string label;
  for (const auto& c : decline_reasons())
    if (c.code == choice && choice != "autre") label = std::string(c.label);
  if (label.empty()) return text;
  return text.empty() ? label : label + " — " + text;
}

std::optional<store::AssignmentView> my_assignment(Ctx& c, http::Response& refusal) {
  auto me = my_membership(c);
  if (!me) {
    refusal = not_a_member(c);
    return std::nullopt;
  }
  auto a = store::assignment_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!a || a->ambassador_id != me->id) {
    refusal = c.not_found();
    return std::nullopt;
  }
  return a;
}

Data assignment_data(const store::AssignmentView& a, bool with_contact) {
  const auto& r = a.request;
  const std::string today = plan_today();
  Data d;
  d.set("id", std::to_string(a.id));
  d.set("status", a.status);
  set_text(d, "status_label", std::string(domain::assignment_status_label(a.status)));
  d.set("school", r.school_name.empty() ? std::string("Établissement") : r.school_name);
  set_text(d, "commune", r.school_commune);
  set_text(d, "address", a.school_address);
  set_text(d, "priority", r.school_priority);
  d.set("day", a.day);
  d.set("day_fr", domain::day_with_weekday_fr(a.day));
  std::string kind(domain::request_kind_label(r.kind));
  d.set("kind_label", kind.empty() ? std::string("Intervention") : kind);
  std::vector<std::string> levels;
  for (const auto& l : r.class_levels) levels.push_back(std::string(domain::class_level_label(l)));
  set_text(d, "levels", domain::join(levels, ", "));
  d.set("girls", std::to_string(r.girls));
  d.set("boys", std::to_string(r.boys));
  set_text(d, "jobs", r.jobs);
  set_text(d, "accessibility", r.accessibility);
  set_text(d, "why", a.why);
  if (a.distance_km > 0) d.set("distance", km_fr(a.distance_km));
  set_text(d, "partners", domain::join(a.partners, ", "));
  set_text(d, "decline_reason", a.decline_reason);
  set_text(d, "cancel_reason", a.cancel_reason);
  if (with_contact && !r.anonymised) {
    set_text(d, "contact_name", r.contact_name);
    set_text(d, "contact_role", r.role);
    set_text(d, "contact_email", r.email);
    set_text(d, "contact_phone", r.phone);
    set_text(d, "message", r.message);
  }
  d.set("invited", a.status == "invited");
  d.set("accepted", a.status == "accepted");
  d.set("confirmed", a.status == "accepted" && r.status == "confirmed");
  d.set("can_report", a.status == "accepted" && a.day <= today);
  d.set("reported", a.status == "reported");
  return d;
}

http::Response assignment_index_page(Ctx& c, long long error_id, const domain::Errors& errors, int status) {
  auto me = my_membership(c);
  Data d;
  d.set("member", me.has_value());
  if (!me) return c.page("assignment_index", "Mes interventions", d, c.actor && c.territory_id() ? 200 : 403);
  const std::string today = plan_today();
  List invitations, upcoming, to_report, history;
  for (const auto& a : store::assignments_of_ambassador(c.app.store, me->id)) {
    Data row = assignment_data(a, a.status == "accepted");
    if (a.id == error_id) {
      set_text(row, "reason_error", errors.count("reason") ? errors.at("reason") : "");
      set_text(row, "day_error", errors.count("day") ? errors.at("day") : "");
      set_text(row, "status_error", errors.count("status") ? errors.at("status") : "");
      row.set("open_form", true);
    }
    row.set("answer_path", "/collectif/interventions/" + std::to_string(a.id));
    row.set("reasons", choice_list(decline_reasons(), a.id == error_id ? c.req.form("reason_choice") : ""));
    if (a.status == "invited")
      invitations.push_back(row);
    else if (a.status == "accepted" && a.day <= today)
      to_report.push_back(row);
    else if (a.status == "accepted")
      upcoming.push_back(row);
    else
      history.push_back(row);
  }
  d.set("first_name", me->first_name);
  d.set("invitations", invitations);
  d.set("upcoming", upcoming);
  d.set("to_report", to_report);
  d.set("history", history);
  d.set("has_invitations", !invitations.empty());
  d.set("has_upcoming", !upcoming.empty());
  d.set("has_to_report", !to_report.empty());
  d.set("has_history", !history.empty());
  const std::string token = store::calendar_token_of(c.app.store, me->id);
  d.set("feed_url", c.app.cfg.base_url() + "/agenda/" + token + ".ics");
  set_text(d, "notice", notice_of(c.req.query("msg")));
  if (!errors.empty() && error_id == 0) set_text(d, "notice_error", errors.begin()->second);
  return c.page("assignment_index", "Mes interventions", d, status);
}

http::Response assignment_report_page(Ctx& c, const store::AssignmentView& a, const store::InterventionReport& r,
                                      const domain::Errors& errors, int status) {
  Data d = assignment_data(a, false);
  d.set("csrf", c.csrf);
  d.set("open", a.status == "accepted");
  auto value = [&](const char* name, int n) {
    std::string typed = c.req.method == "POST" ? c.req.form(name) : std::to_string(n);
    d.set(name, field(typed, errors, name));
  };
  value("girls", r.girls);
  value("boys", r.boys);
  value("teachers", r.teachers);
  value("duration_minutes", r.duration_minutes);
  d.set("highlight", field(r.highlight, errors, "highlight"));
  set_error_summary(d, errors, "report-",
                    {{"girls", "Filles"},
                     {"boys", "Garçons"},
                     {"teachers", "Adultes"},
                     {"duration_minutes", "Durée"},
                     {"highlight", "Moment fort"}},
                    "Le compte rendu n’a pas été enregistré");
  for (const char* key : {"status", "day"})
    if (errors.count(key)) set_text(d, "notice_error", errors.at(key));
  return c.page("assignment_report", "Compte rendu d’intervention", d, status);
}

http::Response assignment_answer_page(Ctx& c, const store::AssignmentView& a, const domain::Errors& errors,
                                      int status) {
  Data d = assignment_data(a, a.status == "accepted");
  d.set("csrf", c.csrf);
  d.set("answer_path", "/reponse/" + a.response_token);
  d.set("first_name", a.ambassador_name.substr(0, a.ambassador_name.find(' ')));
  d.set("reasons", choice_list(decline_reasons(), c.req.form("reason_choice")));
  set_text(d, "reason_error", errors.count("reason") ? errors.at("reason") : "");
  d.set("open_form", errors.count("reason") > 0);
  for (const char* key : {"status", "day"})
    if (errors.count(key)) set_text(d, "notice_error", errors.at(key));
  set_text(d, "notice", notice_of(c.req.query("msg")));
  return private_response(c.page("assignment_answer", "Répondre à une proposition d’intervention", d, status));
}

http::Response private_not_found(Ctx& c) {
  return private_response(c.not_found());
}

int send_confirmation_mails(Ctx& c, const store::AssignmentView& answered) {
  const std::string base = c.app.cfg.base_url();
  auto all = store::assignments_of_request(c.app.store, answered.request.territory_id, answered.request.id);
  std::vector<store::AssignmentView> accepted;
  for (const auto& a : all)
    if (a.status == "accepted" || a.status == "reported") accepted.push_back(a);
  if (accepted.empty()) return 0;
  domain::InterventionRequest r = accepted.front().request;  // reloaded: status confirmed, day fixed
  std::vector<mail::Message> mails;
  if (!r.anonymised && !r.email.empty())
    mails.push_back(mail::request_confirmed_for_teacher_message(r, accepted, base));
  for (const auto& a : accepted) mails.push_back(mail::assignment_confirmed_message(a, base));
  return send_mails(c, mails);
}

int send_cancellation_mails(Ctx& c, const store::AssignmentView& cancelled) {
  const std::string base = c.app.cfg.base_url();
  std::vector<mail::Message> mails;
  if (!cancelled.request.anonymised && !cancelled.request.email.empty())
    mails.push_back(mail::assignment_cancelled_for_teacher_message(cancelled, base));
  for (const auto& to : store::coordinator_emails(c.app.store, cancelled.request.territory_id))
    mails.push_back(mail::assignment_cancelled_for_coordinator_message(cancelled, to, base));
  return send_mails(c, mails);
}

}  // namespace passerelles::web
