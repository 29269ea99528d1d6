// The JSON format of the matching engine (docs/matching.md).
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>

#include "domain/matching.hpp"
#include "domain/plan.hpp"

namespace passerelles::domain::matching {

namespace {

using nlohmann::json;

std::string fmt_range(double low, double high) {
  auto show = [](double x) {
    std::string s = std::to_string(x);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
  };
  return "nombre entre " + show(low) + " et " + show(high) + " attendu";
}

[[noreturn]] void bad(const std::string& path, const std::string& what) {
  throw std::invalid_argument(path + " : " + what);
}

const json& field(const json& o, const char* key, const std::string& path) {
  if (!o.contains(key)) bad(path + "." + key, "champ manquant");
  return o.at(key);
}

double number(const json& v, const std::string& path) {
  if (!v.is_number()) bad(path, "nombre attendu");
  return v.get<double>();
}

double between(const json& v, const std::string& path, double low, double high) {
  double x = number(v, path);
  if (!(x >= low && x <= high)) bad(path, fmt_range(low, high));
  return x;
}

int whole(const json& v, const std::string& path) {
  if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 1000000)
    bad(path, "nombre entier positif attendu");
  return v.get<int>();
}

std::string text(const json& v, const std::string& path) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  bad(path, "texte attendu");
}

std::vector<std::string> texts(const json& o, const char* key, const std::string& path) {
  std::vector<std::string> out;
  if (!o.contains(key)) return out;
  const json& a = o.at(key);
  if (!a.is_array()) bad(path + "." + key, "liste attendue");
  for (std::size_t i = 0; i < a.size(); ++i)
    out.push_back(text(a[i], path + "." + key + "[" + std::to_string(i) + "]"));
  return out;
}

// ISO days 'YYYY-MM-DD', real calendar days.
std::vector<std::string> days(const json& o, const std::string& path) {
  std::vector<std::string> out = texts(o, "dates", path);
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!valid_day(out[i]))
      bad(path + ".dates[" + std::to_string(i) + "]", "jour AAAA-MM-JJ attendu (« " + out[i] + " »)");
  return out;
}

bool flag(const json& o, const char* key, const std::string& path) {
  if (!o.contains(key)) return false;
  if (!o.at(key).is_boolean()) bad(path + "." + key, "true ou false attendu");
  return o.at(key).get<bool>();
}

}  // namespace

Instance instance_from_json(const json& j) {
  if (!j.is_object()) bad("$", "objet JSON attendu");
  Instance in;
  std::set<std::string> request_ids, ambassador_ids;
  const json& rs = field(j, "requests", "$");
  if (!rs.is_array()) bad("requests", "liste attendue");
  for (std::size_t i = 0; i < rs.size(); ++i) {
    std::string p = "requests[" + std::to_string(i) + "]";
    const json& o = rs[i];
    if (!o.is_object()) bad(p, "objet attendu");
    Request r;
    r.id = text(field(o, "id", p), p + ".id");
    r.lat = between(field(o, "lat", p), p + ".lat", -90, 90);
    r.lon = between(field(o, "lon", p), p + ".lon", -180, 180);
    r.dates = days(o, p);
    r.needed = o.contains("needed") ? whole(o.at("needed"), p + ".needed") : 1;
    r.domains = texts(o, "domains", p);
    r.never_reached = flag(o, "never_reached", p);
    r.priority_education = flag(o, "priority_education", p);
    r.past_ambassadors = texts(o, "past_ambassadors", p);
    if (!request_ids.insert(r.id).second) bad(p + ".id", "identifiant en double (« " + r.id + " »)");
    in.requests.push_back(std::move(r));
  }
  const json& as = field(j, "ambassadors", "$");
  if (!as.is_array()) bad("ambassadors", "liste attendue");
  for (std::size_t i = 0; i < as.size(); ++i) {
    std::string p = "ambassadors[" + std::to_string(i) + "]";
    const json& o = as[i];
    if (!o.is_object()) bad(p, "objet attendu");
    Ambassador a;
    a.id = text(field(o, "id", p), p + ".id");
    a.lat = between(field(o, "lat", p), p + ".lat", -90, 90);
    a.lon = between(field(o, "lon", p), p + ".lon", -180, 180);
    a.max_km = o.contains("max_km") ? between(o.at("max_km"), p + ".max_km", 0, 20000) : 30;
    a.dates = days(o, p);
    a.capacity = o.contains("capacity") ? whole(o.at("capacity"), p + ".capacity") : 1;
    a.domains = texts(o, "domains", p);
    a.load = o.contains("load") ? whole(o.at("load"), p + ".load") : 0;
    if (o.contains("month_capacity")) {
      const json& mc = o.at("month_capacity");
      if (!mc.is_object()) bad(p + ".month_capacity", "objet attendu ({\"AAAA-MM\": places})");
      for (const auto& [month, n] : mc.items()) {
        std::string q = p + ".month_capacity.";
        q += month;
        if (!valid_day(month + "-01") || month.size() != 7) bad(q, "mois AAAA-MM attendu");
        a.month_capacity[month] = whole(n, q);
      }
    }
    if (!ambassador_ids.insert(a.id).second) bad(p + ".id", "identifiant en double (« " + a.id + " »)");
    in.ambassadors.push_back(std::move(a));
  }
  if (j.contains("weights")) {
    const json& w = j.at("weights");
    if (!w.is_object()) bad("weights", "objet attendu");
    auto set = [&](const char* k, double& into) {
      if (w.contains(k)) into = between(w.at(k), std::string("weights.") + k, 0, 1000000);
    };
    if (w.contains("road_factor")) in.weights.road_factor = between(w.at("road_factor"), "weights.road_factor", 1, 10);
    set("per_km", in.weights.per_km);
    set("domain_mismatch", in.weights.domain_mismatch);
    set("load_step", in.weights.load_step);
    set("repeat_school", in.weights.repeat_school);
    set("never_reached_bonus", in.weights.never_reached_bonus);
    set("priority_bonus", in.weights.priority_bonus);
  }
  if (j.contains("pair_costs")) {
    const json& pcs = j.at("pair_costs");
    if (!pcs.is_array()) bad("pair_costs", "liste attendue");
    std::vector<PairCost> list;
    std::set<std::pair<std::string, std::string>> listed;
    for (std::size_t i = 0; i < pcs.size(); ++i) {
      std::string p = "pair_costs[" + std::to_string(i) + "]";
      const json& o = pcs[i];
      if (!o.is_object()) bad(p, "objet attendu");
      PairCost pc;
      pc.request = text(field(o, "request", p), p + ".request");
      pc.ambassador = text(field(o, "ambassador", p), p + ".ambassador");
      if (!request_ids.count(pc.request)) bad(p + ".request", "demande inconnue (« " + pc.request + " »)");
      if (!ambassador_ids.count(pc.ambassador))
        bad(p + ".ambassador", "ambassadrice inconnue (« " + pc.ambassador + " »)");
      if (!listed.insert({pc.request, pc.ambassador}).second) bad(p, "paire déjà donnée plus haut");
      const json& c = field(o, "cost", p);
      if (!c.is_number_integer() || std::llabs(c.get<long long>()) > 1000000000)
        bad(p + ".cost", "nombre entier entre -1000000000 et 1000000000 attendu");
      pc.cost = c.get<long long>();
      list.push_back(std::move(pc));
    }
    in.pair_costs = std::move(list);
  }
  return in;
}

nlohmann::json result_to_json(const Result& r) {
  json out;
  out["assignments"] = json::array();
  for (const auto& a : r.assignments)
    out["assignments"].push_back(
        {{"request", a.request}, {"ambassador", a.ambassador}, {"date", a.date}, {"cost", a.cost}});
  out["unfilled"] = json::array();
  for (const auto& u : r.unfilled)
    out["unfilled"].push_back({{"request", u.request}, {"places", u.places}, {"reason", u.reason}});
  out["total_cost"] = r.total_cost;
  return out;
}

}  // namespace passerelles::domain::matching
