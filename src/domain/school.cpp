// School kinds: labels, tracks and the classification of directory rows (which rows are in scope).
#include "domain/school.hpp"

#include <array>
#include <cmath>

#include "domain/csv.hpp"

namespace passerelles::domain {

namespace {

struct KindLabel {
  const char* kind;
  const char* label;
};
// lycee_general covers general and general-and-technological lycées (the usual "LEGT"). Each label classifies
// back to its kind through school_kind_from, so an export re-imports unchanged.
constexpr std::array<KindLabel, 8> kKinds = {{
    {"college", "Collège"},
    {"lycee_general", "Lycée général et technologique"},
    {"lycee_technologique", "Lycée technologique"},
    {"lycee_professionnel", "Lycée professionnel"},
    {"lycee_polyvalent", "Lycée polyvalent"},
    {"lycee", "Lycée"},
    {"erea", "EREA"},
    {"post_bac", "Post-bac (STS, CPGE)"},
}};

bool has(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}
bool has_word(const std::string& words, std::string_view w) {
  return has(" " + words + " ", " " + std::string(w) + " ");
}
bool starts(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string lycee_kind(const SchoolTracks& t, const std::string& nature) {
  if (t.any()) {
    if (t.vocational && (t.general || t.technological)) return "lycee_polyvalent";
    if (t.vocational) return "lycee_professionnel";
    if (t.general) return "lycee_general";
    return "lycee_technologique";
  }
  bool prof = has(nature, "prof"), general = has(nature, "general"), techno = has(nature, "techno");
  if (has(nature, "polyvalent") || (prof && (general || techno))) return "lycee_polyvalent";
  if (prof) return "lycee_professionnel";
  if (general) return "lycee_general";
  if (techno) return "lycee_technologique";
  return "lycee";
}

bool is_post_bac(const std::string& nature) {
  return has_word(nature, "sts") || has_word(nature, "cpge") || has(nature, "post bac");
}

}  // namespace

bool same_coordinate(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::fabs(*a - *b) < 1e-9;
}

std::string school_kind_label(const std::string& kind) {
  for (const auto& k : kKinds)
    if (kind == k.kind) return k.label;
  return kind;
}

const std::vector<std::string>& school_kinds() {
  static const std::vector<std::string> kinds = [] {
    std::vector<std::string> v;
    v.reserve(kKinds.size());
    for (const auto& k : kKinds) v.emplace_back(k.kind);
    return v;
  }();
  return kinds;
}

std::string voies_string(const SchoolTracks& t) {
  std::string out;
  for (auto [on, name] : {std::pair{t.general, "generale"}, std::pair{t.technological, "technologique"},
                          std::pair{t.vocational, "professionnelle"}})
    if (on) out += (out.empty() ? "" : ",") + std::string(name);
  return out;
}

SchoolTracks tracks_from_voies(const std::string& voies) {
  std::string v = "," + voies + ",";
  return {has(v, ",generale,"), has(v, ",technologique,"), has(v, ",professionnelle,")};
}

std::string school_kind_from(std::string_view type, std::string_view nature, const SchoolTracks& tracks) {
  std::string t = normalise_column_name(type), n = normalise_column_name(nature);
  if (!t.empty()) {
    if (starts(t, "college")) return "college";
    if (t == "erea") return "erea";
    if (starts(t, "lycee")) return lycee_kind(tracks, n);
    return is_post_bac(n) ? "post_bac" : "";  // écoles, services, médico-social… unless a post-bac school
  }
  if (starts(n, "college")) return "college";
  if (has_word(n, "erea") || has(n, "enseignement adapte")) return "erea";
  if (starts(n, "lycee") || starts(n, "section")) return lycee_kind(tracks, n);
  if (is_post_bac(n)) return "post_bac";
  return "";
}

}  // namespace passerelles::domain
