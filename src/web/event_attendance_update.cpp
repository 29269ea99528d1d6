// POST /evenements/{id}/presences: records who came in one save (store::record_attendance), which creates or
// updates the event's action — validated at once when a coordinator records it, declared otherwise.
#include "store/events.hpp"
#include "web/directory_support.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_attendance_update(Ctx& c) {
  http::Response refusal;
  auto e = event_to_manage(c, refusal);
  if (!e) return refusal;
  if (e->status != "published" && e->status != "closed" && e->status != "done")
    return attendance_page(c, *e, {{"event", "La feuille de présence s’ouvre une fois l’événement publié."}}, 409);
  domain::Errors errors;
  std::vector<store::AttendanceMark> marks;
  for (const auto& r : store::registrations_of(c.app.store, c.territory_id(), e->id)) {
    if (r.status != "booked") continue;
    std::string id = std::to_string(r.id);
    store::AttendanceMark m;
    m.registration_id = r.id;
    m.attended = c.req.form("present_" + id) == "1";
    auto count = [&](const char* name, int& into) {
      if (!read_count(c.req, std::string(name) + "_" + id, into))
        errors[std::string(name) + "_" + id] = "Indiquez un nombre entier de 0 à 1 000.";
    };
    if (r.kind == "class") {
      count("girls", m.girls);
      count("boys", m.boys);
      count("adults", m.adults);
    } else if (r.kind == "prescriber") {
      count("people", m.people);
    } else {
      m.people = 1;
    }
    marks.push_back(m);
  }
  if (!errors.empty()) return attendance_page(c, *e, errors, 422);
  auto saved = store::record_attendance(c.app.store, c.territory_id(), e->id, marks, author_of(c), organises_all(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) {
    // The store names a row's field "r12_girls"; the sheet shows it next to the input named "girls_12".
    domain::Errors shown;
    for (const auto& [key, message] : saved.errors) {
      auto cut = key.find('_');
      bool row_field = key.size() > 1 && key[0] == 'r' && cut != std::string::npos;
      shown[row_field ? key.substr(cut + 1) + "_" + key.substr(1, cut - 1) : key] = message;
    }
    return attendance_page(c, *e, shown, status_of(saved));
  }
  return http::Response::redirect("/evenements/" + std::to_string(e->id) + "/presences?msg=presences#action");
}

}  // namespace passerelles::web
