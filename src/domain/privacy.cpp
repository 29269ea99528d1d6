// Pure rules of the privacy of mentees and candidates: purge dates and register labels.
#include "domain/privacy.hpp"

#include <cstdio>

#include "domain/plan.hpp"

namespace passerelles::domain {

namespace {

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::string add_months(std::string_view day, int months) {
  if (!valid_day(day) || months < 0) return "";
  int y = std::stoi(std::string(day.substr(0, 4)));
  int m = std::stoi(std::string(day.substr(5, 2)));
  int d = std::stoi(std::string(day.substr(8, 2)));
  long long index = static_cast<long long>(y) * 12 + (m - 1) + months;
  y = static_cast<int>(index / 12);
  m = static_cast<int>(index % 12) + 1;
  if (y > 9999) return "";
  if (d > days_in_month(y, m)) d = days_in_month(y, m);
  char out[40];  // room for any int, so the compiler sees no truncation
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
  return out;
}

bool purge_due(std::string_view end_day, int months, std::string_view today) {
  std::string anniversary = add_months(end_day, months);
  return !anniversary.empty() && valid_day(today) && anniversary < today;
}

std::string_view privacy_kind_label(std::string_view kind) {
  if (kind == "export") return "Export des données (JSON)";
  if (kind == "erasure") return "Effacement sur demande";
  if (kind == "purge") return "Purge programmée (mineures)";
  return kind;
}

std::string_view privacy_subject_label(std::string_view subject) {
  if (subject == "mentee_application") return "Candidature au parrainage";
  if (subject == "offer_application") return "Candidature à une offre";
  if (subject == "programme") return "Programme de parrainage";
  if (subject == "offer") return "Offre";
  return subject;
}

}  // namespace passerelles::domain
