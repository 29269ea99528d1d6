// GET /confidentialite/export/{subject}/{id}.json: everything stored about one person (a mentee's application with
// her pairs, meetings, messages and feedback; or an application to an offer), downloaded as JSON to answer her
// access request, and written in the register. Never cached.
#include <charconv>

#include "store/accounts.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/privacy_support.hpp"

namespace passerelles::web {

namespace {

// 12 from "12.json"; 0 for anything else.
long long id_of_file(const std::string& file) {
  constexpr std::string_view kSuffix = ".json";
  if (file.size() <= kSuffix.size() || !file.ends_with(kSuffix)) return 0;
  long long id = 0;
  const char* end = file.data() + file.size() - kSuffix.size();
  auto [p, ec] = std::from_chars(file.data(), end, id);
  return ec == std::errc() && p == end && id > 0 ? id : 0;
}

}  // namespace

http::Response privacy_export(Ctx& c) {
  auto territory = privacy_territory(c);
  if (!territory) return c.not_found();
  std::string subject = c.req.params["subject"];
  long long id = id_of_file(c.req.params["file"]);
  if (!store::valid_privacy_subject(subject) || id == 0) return c.not_found();
  auto j = store::export_person(c.app.store, territory->id, subject, id, author_of(c), store::now_unix());
  if (!j) return c.not_found();
  auto r = http::Response::json(j->dump(2));
  r.header("Content-Disposition", "attachment; filename=\"donnees-" + subject + "-" + std::to_string(id) + ".json\"");
  r.header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace passerelles::web
