// The directory of a territory: organisations (schools, companies, labs…) and people, and their validation rules.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/validation.hpp"

namespace passerelles::domain {

// A code and its French label, in display order (organisation kinds, person roles).
struct Choice {
  std::string_view code;
  std::string_view label;
};

// The label of `code` among `choices`; "" when the code is unknown.
std::string_view choice_label(const std::vector<Choice>& choices, std::string_view code);

// school | company | lab | association | public_body | prescriber | training_centre
const std::vector<Choice>& organisation_kinds();
// "" when the code is unknown.
std::string_view organisation_kind_label(std::string_view kind);

// teacher | principal | guidance | hr | manager | engineer | technician | network_member | adviser | researcher | other
const std::vector<Choice>& person_roles();
std::string_view person_role_label(std::string_view role);

// Limits shared by the forms (maxlength), the API and the validation.
constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxPersonName = 100;
constexpr std::size_t kMaxAddress = 300;
constexpr std::size_t kMaxWebsite = 500;
constexpr std::size_t kMaxPhone = 40;
constexpr std::size_t kMaxJobTitle = 200;
constexpr std::size_t kMaxNotes = 5000;

struct Organisation {
  long long id = 0;
  long long territory_id = 0;
  std::string kind;
  std::string name;
  std::string uai;    // schools and training centres (8 characters)
  std::string siret;  // 14 digits, spaces removed
  std::string address;
  std::string commune_insee;  // 5 characters: '25056', '2A004'
  std::string commune_name;   // read only: from the communes reference table
  std::optional<double> lat, lon;
  std::string website, email, phone, notes;
  long long created_at = 0, updated_at = 0;
};

struct Person {
  long long id = 0;
  long long territory_id = 0;
  long long organisation_id = 0;  // 0 = none
  std::string organisation_name;  // read only
  std::string first_name, last_name;
  std::string email, phone, job_title;
  std::vector<std::string> roles;  // codes from person_roles()
  std::string notes;
  long long created_at = 0, updated_at = 0;
};

std::string full_name(const Person& p);

// Trims every field, upper-cases UAI and INSEE codes, removes spaces from SIRET, lower-cases e-mails.
// Fields that are not valid UTF-8 are left as they are, so that validation reports them.
void normalise(Organisation& o);
void normalise(Person& p);

// French messages keyed by field name (kind, name, uai, siret, address, commune_insee, website, email, phone,
// notes, lat, lon); empty when the organisation can be saved.
Errors validate(const Organisation& o);
// Keys: first_name, last_name, email, phone, job_title, roles, notes. Whether organisation_id names an
// organisation of the territory is the caller's check (it needs the store).
Errors validate(const Person& p);

// Field names whose values differ, comma-separated (for the audit log): "name, email".
std::string changed_fields(const Organisation& before, const Organisation& after);
std::string changed_fields(const Person& before, const Person& after);

// Merging a duplicate into the record kept: each empty field of `keep` takes the duplicate's value; notes
// are kept from both; a person's roles are united. Ids, territory and creation time stay those of `keep`.
void absorb(Organisation& keep, const Organisation& duplicate);
void absorb(Person& keep, const Person& duplicate);

// The text stored in the `search` column: folded name and the other searchable fields.
std::string search_text(const Organisation& o);
std::string search_text(const Person& p);

}  // namespace passerelles::domain
