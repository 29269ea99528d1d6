// The funnel's steps, conversions and shares, the small-group rule and the check of a company's hires (see the
// header).
#include "domain/funnel.hpp"

#include <chrono>
#include <cstdio>
#include <string>

#include "domain/action.hpp"
#include "domain/time_fr.hpp"

namespace passerelles::domain {

namespace {

constexpr long long kMaxCount = 1'000'000;
constexpr long long kFarFuture = 4'102'444'800;  // 2100-01-01

}  // namespace

const std::array<FunnelStepInfo, kFunnelSteps>& funnel_steps() {
  static const std::array<FunnelStepInfo, kFunnelSteps> v = {{
      {"reached", "Élèves sensibilisés"},
      {"applied", "Candidatures envoyées"},
      {"internship", "Stages effectués"},
      {"hired", "Apprentissages ou emplois"},
  }};
  return v;
}

std::optional<long long> shown_count(long long n) {
  if (n > 0 && n < kMinShownGroup) return std::nullopt;
  return n;
}

std::optional<double> shown_share(long long part, long long base) {
  if (!shown_count(part) || base < kMinShownGroup) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(base);
}

std::vector<FunnelLine> funnel_lines(const Funnel& f) {
  std::vector<FunnelLine> out;
  for (std::size_t i = 0; i < kFunnelSteps; ++i) {
    const SexCounts& c = f.steps[i];
    FunnelLine l;
    l.code = std::string(funnel_steps()[i].code);
    l.label = std::string(funnel_steps()[i].label);
    l.counts = c;
    l.girls = shown_count(c.girls);
    l.boys = shown_count(c.boys);
    l.total = shown_count(c.total());
    l.girls_share = shown_share(c.girls, c.total());
    if (i > 0) {
      const SexCounts& p = f.steps[i - 1];
      l.conversion = shown_share(c.total(), p.total());
      l.girls_conversion = shown_share(c.girls, p.girls);
    }
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<FunnelLine> funnel_table(const Funnel& f) {
  std::vector<FunnelLine> out = funnel_lines(f);
  const HiresSummary& h = f.hires;
  std::string companies = h.companies == 1 ? "1 entreprise" : std::to_string(h.companies) + " entreprises";
  auto row = [&](const char* code, std::string label, long long total, long long women) {
    FunnelLine l;
    l.code = code;
    l.label = std::move(label);
    l.step = false;
    l.reported = h.companies > 0;
    l.counts = {women, total - women, 0};
    if (l.reported) {
      l.girls = shown_count(women);
      l.boys = shown_count(total - women);
      l.total = shown_count(total);
      l.girls_share = shown_share(women, total);
    }
    out.push_back(std::move(l));
  };
  row("hires", "Embauches déclarées par les entreprises" + (h.companies > 0 ? " (" + companies + ")" : std::string()),
      h.hires, h.hires_women);
  row("apprentices", "dont apprentissages", h.apprentices, h.apprentices_women);
  FunnelLine m;
  m.code = "mentees";
  m.label = "À côté du parcours : filleules et filleuls en binôme de mentorat";
  m.step = false;
  m.counts = f.mentees;
  m.girls = shown_count(f.mentees.girls);
  m.boys = shown_count(f.mentees.boys);
  m.total = shown_count(f.mentees.total());
  m.girls_share = shown_share(f.mentees.girls, f.mentees.total());
  out.push_back(std::move(m));
  return out;
}

HiresLine hires_line(const HiresSummary& h) {
  HiresLine l;
  l.reported = h.companies > 0;
  l.companies = h.companies;
  if (!l.reported) return l;
  l.hires = shown_count(h.hires);
  l.hires_women = shown_count(h.hires_women);
  l.apprentices = shown_count(h.apprentices);
  l.apprentices_women = shown_count(h.apprentices_women);
  l.women_share = shown_share(h.hires_women, h.hires);
  l.apprentices_women_share = shown_share(h.apprentices_women, h.apprentices);
  return l;
}

std::optional<long long> paris_month_start(std::string_view month) {
  if (!is_iso_month(month)) return std::nullopt;
  int y = (month[0] - '0') * 1000 + (month[1] - '0') * 100 + (month[2] - '0') * 10 + (month[3] - '0');
  unsigned m = static_cast<unsigned>((month[5] - '0') * 10 + (month[6] - '0'));
  using namespace std::chrono;
  year_month_day ymd{year{y}, std::chrono::month{m}, day{1}};
  if (!ymd.ok()) return std::nullopt;
  long long utc_midnight = static_cast<long long>(sys_days{ymd}.time_since_epoch().count()) * 86400;
  // Summer time changes on the last Sunday of March and October, never near the first of a month.
  return utc_midnight - paris_utc_offset(utc_midnight);
}

UnixRange paris_month_range(const std::string& from_month, const std::string& to_month) {
  UnixRange r{0, kFarFuture};
  if (auto s = paris_month_start(from_month)) r.start = *s;
  if (is_iso_month(to_month)) {
    int y = std::stoi(to_month.substr(0, 4)), m = std::stoi(to_month.substr(5, 2));
    if (m == 12) ++y, m = 0;
    char next[32];
    std::snprintf(next, sizeof next, "%04d-%02d", y, m + 1);
    if (auto e = paris_month_start(next)) r.end = *e;
  }
  return r;
}

Errors validate(const CompanyHires& h, int current_year) {
  Errors e;
  if (h.organisation_id <= 0) e["organisation_id"] = "Choisissez l’entreprise.";
  if (h.year < 2000 || h.year > current_year)
    e["year"] = "Indiquez une année de 2000 à " + std::to_string(current_year) + " (pas une année à venir).";
  auto count = [&](const char* field, long long v) {
    if (v < 0 || v > kMaxCount) e[field] = "Indiquez un nombre entier de 0 à 1 000 000.";
  };
  count("hires", h.hires);
  count("hires_women", h.hires_women);
  count("apprentices", h.apprentices);
  count("apprentices_women", h.apprentices_women);
  if (!e.count("hires_women") && !e.count("hires") && h.hires_women > h.hires)
    e["hires_women"] = "Le nombre de femmes ne peut pas dépasser le nombre d’embauches.";
  if (!e.count("apprentices") && !e.count("hires") && h.apprentices > h.hires)
    e["apprentices"] = "Les apprentis font partie des embauches : pas plus que le nombre d’embauches.";
  if (!e.count("apprentices_women") && !e.count("apprentices") && h.apprentices_women > h.apprentices)
    e["apprentices_women"] = "Le nombre d’apprenties ne peut pas dépasser le nombre d’apprentis.";
  else if (!e.count("apprentices_women") && !e.count("hires_women") && h.apprentices_women > h.hires_women)
    e["apprentices_women"] = "Les apprenties font partie des femmes embauchées : pas plus que ce nombre.";
  return e;
}

}  // namespace passerelles::domain
