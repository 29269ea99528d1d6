// GET /evenements: the public calendar of every territory. A list, soonest first from today (or ?du=), 20 per
// page, or a month grid (?vue=calendrier&mois=YYYY-MM); filters by type, public, département, words and territory
// in a plain GET form. Unknown filter values are ignored; a bad date or month is said next to its field.
#include <algorithm>
#include <functional>
#include <map>

#include "domain/action.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "domain/time_fr.hpp"
#include "report/charts.hpp"
#include "store/accounts.hpp"
#include "web/directory_support.hpp"
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"
#include "web/indicator_support.hpp"

namespace passerelles::web {

namespace {

constexpr int kPerPage = 20;
constexpr int kMaxCalendarPages = 10;  // at most 1 000 events in a month grid

using Params = std::vector<std::pair<std::string, std::string>>;

std::string url_with(const Params& params) {
  std::string q;
  for (const auto& [k, v] : params)
    if (!v.empty()) q += (q.empty() ? "?" : "&") + k + "=" + http::url_encode(v);
  return "/evenements" + q;
}

// A day typed in the filter: 'YYYY-MM-DD' (date inputs) or 'JJ/MM/AAAA' (browsers without a date picker).
std::string day_typed(const std::string& raw) {
  std::string s = domain::trim(raw);
  if (s.size() == 10 && s[2] == '/' && s[5] == '/') s = s.substr(6, 4) + "-" + s.substr(3, 2) + "-" + s.substr(0, 2);
  return domain::valid_day(s) ? s : "";
}

std::string shifted_month(const std::string& month, int delta) {
  int total = std::stoi(month.substr(0, 4)) * 12 + std::stoi(month.substr(5, 2)) - 1 + delta;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", total / 12, total % 12 + 1);
  return buf;
}

List options(const std::vector<std::pair<std::string, std::string>>& code_labels, const std::string& selected) {
  List out;
  for (const auto& [code, label] : code_labels) {
    Data o;
    o.set("code", code);
    o.set("label", label);
    o.set("selected", code == selected);
    out.push_back(o);
  }
  return out;
}

// The month grid: weeks from Monday, each day with the events that take place on it.
void set_month_grid(Data& d, const std::vector<domain::Event>& events, const std::string& month,
                    const std::string& today) {
  std::string first = month + "-01";
  std::string last = domain::add_days(shifted_month(month, 1) + "-01", -1);
  std::map<std::string, List> by_day;
  for (const auto& e : events) {
    std::string from = std::max(e.starts_on, first);
    std::string to = std::min(e.ends_on.empty() ? e.starts_on : e.ends_on, last);
    for (std::string day = from; !day.empty() && day <= to; day = domain::add_days(day, 1)) {
      Data item;
      item.set("event_id", std::to_string(e.id));
      item.set("event_title", e.title);
      if (day == e.starts_on && !e.start_time.empty()) item.set("time", domain::hour_of_day_fr(e.start_time));
      item.set("event_cancelled", e.status == "cancelled");
      by_day[day].push_back(item);
    }
  }
  static const char* const names[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
  List weekdays;
  for (const char* n : names) {
    Data w;
    w.set("name", std::string(n));
    w.set("short", std::string(n).substr(0, 3) + ".");
    weekdays.push_back(w);
  }
  d.set("weekdays", weekdays);
  long long offset = ((domain::days_between("2024-01-01", first) % 7) + 7) % 7;  // 2024-01-01 is a Monday
  std::string day = domain::add_days(first, -offset);
  List weeks;
  while (day <= last) {
    List days;
    for (int i = 0; i < 7; ++i, day = domain::add_days(day, 1)) {
      Data cell;
      bool in_month = day >= first && day <= last;
      cell.set("in_month", in_month);
      if (in_month) {
        cell.set("day", std::to_string(std::stoi(day.substr(8, 2))));
        cell.set("weekday", std::string(names[i]));
        cell.set("is_today", day == today);
        auto it = by_day.find(day);
        cell.set("has_day_events", it != by_day.end());
        cell.set("day_events", it != by_day.end() ? it->second : List{});
      }
      days.push_back(cell);
    }
    Data week;
    week.set("days", days);
    weeks.push_back(week);
  }
  d.set("weeks", weeks);
  d.set("has_events", !events.empty());
}

}  // namespace

http::Response event_public_index(Ctx& c) {
  const auto& r = c.req;
  std::string today = plan_today();
  store::EventFilter f;
  Data d;

  std::string kind = r.query("type");
  if (!domain::event_kind_label(kind).empty()) f.kind = kind;
  std::string audience = r.query("public");
  if (!domain::event_audience_label(audience).empty()) f.audience = audience;

  auto territories = store::all_territories(c.app.store);
  std::vector<std::string> departments;
  std::vector<std::pair<std::string, std::string>> territory_choices;
  std::string slug = r.query("territoire"), territory_name;
  for (const auto& t : territories) {
    territory_choices.emplace_back(t.slug, t.name);
    departments.insert(departments.end(), t.departments.begin(), t.departments.end());
    if (t.slug == slug) {
      f.territory_id = t.id;
      territory_name = t.name;
    }
  }
  if (!slug.empty() && f.territory_id == 0) {
    d.set("territory_error",
          std::string("Ce territoire n’existe pas : les événements de tous les territoires sont affichés."));
    slug.clear();
  }
  std::sort(departments.begin(), departments.end());
  departments.erase(std::unique(departments.begin(), departments.end()), departments.end());
  std::string department = r.query("departement");
  if (std::find(departments.begin(), departments.end(), department) != departments.end()) f.department = department;
  std::vector<std::pair<std::string, std::string>> department_choices;
  for (const auto& code : departments) {
    std::string name = report::department_name(c.app.cfg.data_dir, code);
    std::string label = code.size() == 3 && code[0] == '0' ? code.substr(1) : code;
    if (!name.empty()) label = name.append(" (").append(label).append(")");
    department_choices.emplace_back(code, label);
  }

  std::string q_error;
  f.query = search_query(r, q_error);
  set_text(d, "q_error", q_error);

  std::vector<std::pair<std::string, std::string>> kinds, audiences;
  for (const auto& k : domain::event_kinds()) kinds.emplace_back(k.code, k.label);
  for (const auto& a : domain::event_audiences()) audiences.emplace_back(a.code, a.label);
  d.set("kind_options", options(kinds, f.kind));
  d.set("audience_options", options(audiences, f.audience));
  d.set("department_options", options(department_choices, f.department));
  d.set("territory_options", options(territory_choices, slug));
  set_text(d, "f_q", f.query);
  Params common = {
      {"type", f.kind}, {"public", f.audience}, {"departement", f.department}, {"q", f.query}, {"territoire", slug}};
  bool filtered =
      !f.kind.empty() || !f.audience.empty() || !f.department.empty() || !f.query.empty() || f.territory_id != 0;
  d.set("filtered", filtered);

  bool calendar = r.query("vue") == "calendrier";
  d.set("is_calendar", calendar);
  d.set("is_list", !calendar);
  std::string month = r.query("mois");
  if (!month.empty() && !(domain::is_iso_month(month) && domain::valid_day(month + "-01"))) {
    if (calendar) d.set("month_error", std::string("Mois invalide : écrivez-le AAAA-MM, par exemple 2026-03."));
    month.clear();
  }
  if (month.empty()) month = today.substr(0, 7);
  std::string from_raw = r.query("du"), from = day_typed(from_raw);
  if (!calendar && !domain::trim(from_raw).empty() && from.empty())
    d.set("from_error", std::string("Date invalide : choisissez un jour, ou écrivez-le JJ/MM/AAAA."));

  Params list_params = common, calendar_params = common;
  list_params.emplace_back("du", from);
  calendar_params.insert(calendar_params.begin(), {"vue", "calendrier"});
  calendar_params.emplace_back("mois", month);
  d.set("list_url", url_with(list_params));
  d.set("calendar_url", url_with(calendar_params));
  d.set("reset_url", calendar ? url_with({{"vue", "calendrier"}, {"mois", month}}) : std::string("/evenements"));

  if (calendar) {
    f.from_day = month + "-01";
    f.to_day = domain::add_days(shifted_month(month, 1) + "-01", -1);
    f.per_page = store::kMaxPerPage;
    std::vector<domain::Event> events;
    for (f.page = 1; f.page <= kMaxCalendarPages; ++f.page) {
      auto found = store::events_matching(c.app.store, f);
      events.insert(events.end(), found.rows.begin(), found.rows.end());
      if (f.page >= found.pages()) break;
    }
    set_text(d, "f_month", month);
    std::string label = month_label_fr(month);
    d.set("month_label", label);
    bool vowel = label[0] == 'a' || label[0] == 'o';  // avril, août, octobre
    d.set("month_caption", "Événements " + std::string(vowel ? "d’" : "de ") + label);
    d.set("prev_label", month_label_fr(shifted_month(month, -1)));
    d.set("next_label", month_label_fr(shifted_month(month, 1)));
    Params prev = common, next = common;
    prev.insert(prev.begin(), {"vue", "calendrier"});
    next.insert(next.begin(), {"vue", "calendrier"});
    prev.emplace_back("mois", shifted_month(month, -1));
    next.emplace_back("mois", shifted_month(month, 1));
    d.set("prev_url", url_with(prev));
    d.set("next_url", url_with(next));
    set_month_grid(d, events, month, today);
  } else {
    f.from_day = from.empty() ? today : from;
    f.page = std::max(1, parse_int(r.query("page"), 1));
    f.per_page = kPerPage;
    auto found = store::events_matching(c.app.store, f);
    List events;
    for (const auto& e : found.rows) events.push_back(event_card_data(e));
    d.set("events", events);
    d.set("has_events", !found.rows.empty());
    set_text(d, "f_from", from);
    std::string since =
        f.from_day == today ? std::string("à venir") : "à partir du " + domain::format_day_fr(f.from_day);
    d.set("count_label", found.total == 0 ? "Aucun événement " + since + (filtered ? " avec ces filtres." : ".")
                                          : domain::format_count(found.total) +
                                                (found.total > 1 ? " événements " : " événement ") + since + ".");
    set_pagination(c, d, f.page, found.pages(), [&](long long n) {
      Params p = list_params;
      p.emplace_back("page", std::to_string(n));
      return url_with(p);
    });
  }

  if (!territory_name.empty()) {
    d.set("feed_territory", territory_name);
    d.set("feed_slug", slug);
  }
  std::string src = c.app.cfg.base_url() + "/evenements/integrer?" +
                    (slug.empty() ? "" : "territoire=" + http::url_encode(slug) + "&amp;") + "limite=10";
  std::string frame_title = "Prochains événements" + (territory_name.empty() ? "" : " — " + territory_name);
  for (auto at = frame_title.find('"'); at != std::string::npos; at = frame_title.find('"', at))
    frame_title.replace(at, 1, "&quot;");
  d.set("embed_snippet", "<iframe src=\"" + src + "\" title=\"" + frame_title +
                             "\" width=\"100%\" height=\"600\" loading=\"lazy\"></iframe>");
  return c.page("event_list", calendar ? "Calendrier des événements" : "Événements", d);
}

}  // namespace passerelles::web
