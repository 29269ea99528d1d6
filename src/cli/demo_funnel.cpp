// The demo's company hires, written through store/funnel.hpp as a coordinator would: see demo_funnel.hpp.
#include "cli/demo_funnel.hpp"

#include "store/accounts.hpp"
#include "store/funnel.hpp"
#include "web/funnel_support.hpp"

namespace passerelles::cli {

void demo_funnel(store::Store& s, std::ostream& out) {
  const int year = web::current_year();
  for (const auto& t : store::all_territories(s)) {
    if (!store::hires_reports(s, t.id).empty()) continue;
    auto companies = store::organisation_names(s, t.id, "company");
    int reported = 0;
    for (std::size_t i = 0; i < companies.size() && i < 4; ++i) {
      for (int back = 1; back >= 0; --back) {
        long long n = static_cast<long long>(6 + 5 * i + 3 * static_cast<std::size_t>(back));
        domain::CompanyHires h;
        h.territory_id = t.id;
        h.organisation_id = companies[i].id;
        h.year = year - back;
        h.hires = n;
        h.hires_women = n / 4 + static_cast<long long>(i);
        h.apprentices = n / 3;
        h.apprentices_women = n / 9;
        if (store::save_hires_report(s, h, {0, "demo"}).ok()) ++reported;
      }
    }
    out << "demo: " << reported << " company hires reports in " << t.slug << "\n";
  }
}

}  // namespace passerelles::cli
