// Actions (a testimony in class, a company visit, a forum…): their kinds, audiences, classes, and validation.
// The counting rules that turn validated actions into indicators are in docs/counting.md.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "domain/directory.hpp"
#include "domain/validation.hpp"

namespace passerelles::domain {

// temoignage_classe | visite_entreprise | visite_laboratoire | visite_etablissement | forum_salon | atelier |
// job_dating | stage_observation | journee_8_mars | webinaire | action_interne_entreprise | autre
const std::vector<Choice>& action_kinds();
std::string_view action_kind_label(std::string_view kind);  // "" when unknown

// declared | validated | rejected
const std::vector<Choice>& action_statuses();
std::string_view action_status_label(std::string_view status);

// Audience categories, in display order, and their column names in `actions` and the aggregates:
// girls, boys, women_reconversion, teachers, prescribers, employees, parents.
constexpr std::size_t kAudienceCount = 7;
const std::array<Choice, kAudienceCount>& audience_categories();
std::string_view audience_label(std::string_view code);  // "" when unknown

// Class levels: 6e 5e 4e 3e 2nde 1re Tle cap bac_pro bts but sup; and their groups for filters:
// college (6e–3e), lycee (2nde–Tle), pro (CAP, Bac pro), bts_but, sup.
const std::vector<Choice>& class_levels();
std::string_view class_level_label(std::string_view level);
const std::vector<Choice>& level_groups();
std::string_view level_group_of(std::string_view level);  // "" when unknown

// Roles of an organisation in an action: school | company | lab | partner | other.
const std::vector<Choice>& action_org_roles();

// Counted values of one action (or a sum of them), in the order of audience_categories().
struct Audience {
  std::array<long long, kAudienceCount> n{};
  long long total() const;
  long long& operator[](std::size_t i) { return n[i]; }
  long long operator[](std::size_t i) const { return n[i]; }
};

struct ActionClass {
  std::string level;
  std::string track;
};

struct ActionOrg {
  long long organisation_id = 0;
  std::string role;
  std::string name;  // read only
};

struct Action {
  long long id = 0;
  long long territory_id = 0;
  std::string kind;
  std::string title;
  std::string starts_on;  // 'YYYY-MM-DD'
  int duration_minutes = 0;
  std::string place;
  std::string commune_insee;
  std::string department;       // derived by the store (first school, else commune)
  long long initiative_id = 0;  // 0 = none
  std::string initiative_name;  // read only
  std::string status = "declared";
  long long same_group_as = 0;  // 0 = a new group; else the first action that reached the same group
  Audience audience;            // people present, by category (raw, before counting rules)
  std::string highlight;
  std::string notes;
  std::string rejection_reason;
  std::vector<long long> school_ids;      // schools (official directory ids)
  std::vector<std::string> school_names;  // read only, same order
  std::vector<ActionOrg> organisations;
  std::vector<long long> ambassador_ids;      // users
  std::vector<std::string> ambassador_names;  // read only, same order
  std::vector<ActionClass> classes;
  long long declared_by = 0, validated_by = 0, validated_at = 0;
  std::string declared_by_name;  // read only
  long long created_at = 0, updated_at = 0;

  bool validated() const { return status == "validated"; }
  std::string month() const { return starts_on.size() >= 7 ? starts_on.substr(0, 7) : std::string(); }
};

constexpr std::size_t kMaxActionTitle = 200;
constexpr std::size_t kMaxHighlight = 2000;
constexpr int kMaxAudiencePerCategory = 100000;
constexpr int kMaxDurationMinutes = 60 * 24 * 14;

// Trims text fields.
void normalise(Action& a);
// French messages keyed by form field: kind, starts_on (a real calendar day, not more than a year ahead of
// `today`), duration_minutes, audience fields (girls…: whole numbers 0–100000), title, highlight, classes
// (known levels), same_group_as (not itself). The store checks what needs the database (ids in the territory).
Errors validate(const Action& a, std::string_view today);

// True for a real calendar day written 'YYYY-MM-DD'.
bool is_iso_day(std::string_view s);
// True for 'YYYY-MM'.
bool is_iso_month(std::string_view s);

}  // namespace passerelles::domain
