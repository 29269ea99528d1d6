// Indicator filter from the query string, its canonical form, and the filter form's values (see the header).
#include "web/indicator_support.hpp"

#include <cstdio>
#include <initializer_list>
#include <optional>

#include "domain/action.hpp"
#include "domain/text.hpp"
#include "domain/time_fr.hpp"
#include "report/indicators_export.hpp"
#include "store/accounts.hpp"
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"

namespace passerelles::web {

namespace {

constexpr const char* kMonthError = "Indiquez un mois au format AAAA-MM (par exemple 2025-01).";

// The value of the first parameter present among `names`, and which one it was; nullopt when none is present.
std::optional<std::pair<std::string, std::string>> param(const Ctx& c, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (!c.req.query_all(n).empty()) return std::make_pair(std::string(n), domain::trim(c.req.query(n)));
  return std::nullopt;
}

// A month bound: "" stays "" (no bound); otherwise as the exports read it (report::month_of).
std::optional<std::string> month_of(const std::string& v) {
  if (v.empty()) return v;
  return report::month_of(v);
}

template <typename Choices>
bool known(const Choices& choices, const std::string& code) {
  for (const auto& ch : choices)
    if (ch.code == code) return true;
  return false;
}

const FieldLabels& field_labels() {
  static const FieldLabels v = {{"territoire", "Territoire"},
                                {"du", "Du mois"},
                                {"au", "Au mois"},
                                {"initiative", "Initiative"},
                                {"type", "Type d’action"},
                                {"public", "Public"},
                                {"niveau", "Niveau de classe"},
                                {"rep", "Éducation prioritaire"}};
  return v;
}

}  // namespace

store::IndicatorFilter indicator_filter(const Ctx& c, domain::Errors& errors) {
  store::IndicatorFilter f;
  // Territory: always the user's own, except for the federation admin who may pick one.
  if (!c.actor) {
    f.territory_id = -1;
  } else if (!c.actor->is_admin()) {
    f.territory_id = c.actor->territory.id;
  } else if (auto t = param(c, {"territoire", "territory"}); t && !t->second.empty()) {
    if (auto found = store::territory_by_slug(c.app.store, t->second)) {
      f.territory_id = found->id;
    } else {
      errors[t->first] = "Ce territoire n’existe pas.";
    }
  }

  // Period: empty bounds are left to store::indicators, which gives the default period (docs/counting.md).
  auto from = param(c, {"du", "from"});
  auto to = param(c, {"au", "to"});
  bool period_ok = true;
  if (from) {
    if (auto m = month_of(from->second)) {
      f.from_month = *m;
    } else {
      errors[from->first] = kMonthError;
      period_ok = false;
    }
  }
  if (to) {
    if (auto m = month_of(to->second)) {
      f.to_month = *m;
    } else {
      errors[to->first] = kMonthError;
      period_ok = false;
    }
  }
  if (period_ok && !f.from_month.empty() && !f.to_month.empty() && f.to_month < f.from_month) {
    errors[to ? to->first : "au"] = "La fin de la période précède son début.";
    period_ok = false;
  }
  if (!period_ok) {
    f.from_month.clear();
    f.to_month.clear();
  }

  // Initiative of the filter's territory.
  if (std::string v = domain::trim(c.req.query("initiative")); !v.empty()) {
    long long id = parse_id(v);
    if (id <= 0) {
      errors["initiative"] = "Choisissez une initiative de la liste.";
    } else if (f.territory_id <= 0) {
      errors["initiative"] = "Choisissez d’abord un territoire pour filtrer par initiative.";
    } else if (!store::initiative_by_id(c.app.store, f.territory_id, id)) {
      errors["initiative"] = "Cette initiative n’existe pas dans le territoire.";
    } else {
      f.initiative_id = id;
    }
  }

  if (std::string v = domain::trim(c.req.query("type")); !v.empty()) {
    if (known(domain::action_kinds(), v)) {
      f.kind = v;
    } else {
      errors["type"] = "Ce type d’action n’existe pas.";
    }
  }
  if (std::string v = domain::trim(c.req.query("public")); !v.empty()) {
    if (known(domain::audience_categories(), v)) {
      f.audience = v;
    } else {
      errors["public"] = "Ce public n’existe pas.";
    }
  }
  if (std::string v = domain::trim(c.req.query("niveau")); !v.empty()) {
    if (known(domain::level_groups(), v)) {
      f.level_group = v;
    } else {
      errors["niveau"] = "Ce niveau de classe n’existe pas.";
    }
  }
  if (std::string v = domain::trim(c.req.query("rep")); v == "1") {
    f.priority_only = true;
  } else if (!v.empty() && v != "0") {
    errors["rep"] = "Cochez la case ou laissez-la vide.";
  }
  return f;
}

std::string indicator_query(const store::IndicatorFilter& f, const std::string& territory_slug) {
  std::string q;
  if (!territory_slug.empty()) q += "territoire=" + http::url_encode(territory_slug) + "&";
  q += "du=" + http::url_encode(f.from_month) + "&au=" + http::url_encode(f.to_month);
  if (f.initiative_id > 0) q += "&initiative=" + std::to_string(f.initiative_id);
  if (!f.kind.empty()) q += "&type=" + http::url_encode(f.kind);
  if (!f.audience.empty()) q += "&public=" + http::url_encode(f.audience);
  if (!f.level_group.empty()) q += "&niveau=" + http::url_encode(f.level_group);
  if (f.priority_only) q += "&rep=1";
  return q;
}

std::string filter_territory_slug(const Ctx& c, const store::IndicatorFilter& f) {
  if (f.territory_id <= 0) return "";
  if (c.actor && c.actor->territory.id == f.territory_id) return c.actor->territory.slug;
  auto t = store::territory_by_id(c.app.store, f.territory_id);
  return t ? t->slug : "";
}

Data filter_form_data(Ctx& c, const store::IndicatorFilter& f, const domain::Errors& errors) {
  Data d;
  d.set("du", field(f.from_month, errors, "du"));
  d.set("au", field(f.to_month, errors, "au"));
  d.set("type", field(f.kind, errors, "type"));
  d.set("public", field(f.audience, errors, "public"));
  d.set("niveau", field(f.level_group, errors, "niveau"));
  d.set("rep", field(f.priority_only ? "1" : "", errors, "rep"));
  d.set("initiative", field(f.initiative_id > 0 ? std::to_string(f.initiative_id) : "", errors, "initiative"));
  d.set("territoire", field("", errors, "territoire"));
  d.set("kinds", choice_list(domain::action_kinds(), f.kind));
  d.set("audiences", choice_list(domain::audience_categories(), f.audience));
  d.set("levels", choice_list(domain::level_groups(), f.level_group));

  bool admin = c.actor && c.actor->is_admin();
  d.set("is_admin", admin);
  std::string slug;
  if (admin) {
    List territories;
    for (const auto& t : store::all_territories(c.app.store)) {
      Data o;
      o.set("slug", t.slug);
      o.set("name", t.name);
      o.set("selected", t.id == f.territory_id);
      if (t.id == f.territory_id) slug = t.slug;
      territories.push_back(o);
    }
    d.set("territories", territories);
  }
  // Initiatives: those of the filter's territory (none in the federation view).
  if (f.territory_id > 0) {
    List initiatives;
    for (const auto& i : store::initiatives_of(c.app.store, f.territory_id)) {
      Data o;
      o.set("id", std::to_string(i.id));
      o.set("name", i.axis.empty() ? i.name : i.axis + " — " + i.name);
      o.set("selected", i.id == f.initiative_id);
      initiatives.push_back(o);
    }
    d.set("has_initiatives", !initiatives.empty());
    d.set("initiatives", initiatives);
  }

  // Errors under the aliases (from, to, territory) are shown under their French field.
  set_error_summary(d, errors, "filtre-", field_labels());
  d.set("query", indicator_query(f, admin ? slug : ""));
  return d;
}

std::string month_label_fr(const std::string& month) {
  if (!domain::is_iso_month(month)) return month;
  return std::string(domain::month_name_fr(static_cast<unsigned>(std::stoi(month.substr(5, 2))))) + " " +
         month.substr(0, 4);
}

std::string period_label_fr(const std::string& from_month, const std::string& to_month) {
  if (from_month.empty() && to_month.empty()) return "sur toute la période";
  if (to_month.empty()) return "depuis " + month_label_fr(from_month);
  if (from_month.empty()) return "jusqu’à " + month_label_fr(to_month);
  if (from_month == to_month) return "en " + month_label_fr(from_month);
  return "de " + month_label_fr(from_month) + " à " + month_label_fr(to_month);
}

}  // namespace passerelles::web
