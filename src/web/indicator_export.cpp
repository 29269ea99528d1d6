// GET /tableau-de-bord/export.csv, /tableau-de-bord/export.xlsx, /tableau-de-bord/rapport.pdf: the dashboard's
// figures for the same filter (web/indicator_support.hpp), downloaded as a file. Every signed-in user of the
// territory may download them (funders included); the federation admin chooses the territory (or all).
#include <ctime>

#include "report/indicators_export.hpp"
#include "store/accounts.hpp"
#include "store/funnel.hpp"
#include "web/handlers.hpp"
#include "web/indicator_support.hpp"

namespace passerelles::web {

namespace {

enum class Format { csv, xlsx, pdf };

http::Response download(Ctx& c, Format format) {
  domain::Errors errors;
  auto f = indicator_filter(c, errors);
  if (!errors.empty()) return c.bad_request(errors.begin()->second + " Corrigez le filtre du tableau de bord.");
  std::string sep = c.req.query("sep");
  if (format == Format::csv && !sep.empty() && sep != ";" && sep != ",")
    return c.bad_request("Le séparateur du fichier CSV est « ; » (par défaut) ou « , ».");

  auto ind = store::indicators(c.app.store, f);
  std::string slug = filter_territory_slug(c, f);
  http::Response r;
  if (format == Format::csv) {
    r.content_type = "text/csv; charset=utf-8";
    auto funnel = store::funnel(c.app.store, ind);
    r.body = report::indicators_csv(ind, sep == "," ? ',' : ';', &funnel);
  } else {
    std::optional<domain::Territory> territory;
    if (f.territory_id > 0)
      territory = c.actor->territory.id == f.territory_id ? c.actor->territory
                                                          : store::territory_by_id(c.app.store, f.territory_id);
    auto ctx = report::report_context(c.app.store, territory ? &*territory : nullptr, ind, c.app.cfg.data_dir,
                                      static_cast<long long>(std::time(nullptr)));
    if (format == Format::pdf) {
      r.content_type = "application/pdf";
      r.body = report::indicators_pdf(ind, ctx);
    } else {
      r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      r.body = report::indicators_xlsx(ind, ctx);
    }
    r.compressible = false;  // already compressed
  }
  const char* extension = format == Format::csv ? "csv" : format == Format::xlsx ? "xlsx" : "pdf";
  r.header("Content-Disposition", "attachment; filename=\"" + report::report_file_name(slug, ind, extension) + "\"");
  r.header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

http::Response indicator_csv(Ctx& c) {
  return download(c, Format::csv);
}
http::Response indicator_xlsx(Ctx& c) {
  return download(c, Format::xlsx);
}
http::Response indicator_pdf(Ctx& c) {
  return download(c, Format::pdf);
}

}  // namespace passerelles::web
