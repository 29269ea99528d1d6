// QR codes from libqrencode, written as SVG or PNG, and the survey card (PDF) and slide (PNG) drawn with cairo and
// pango: the code, the short link in large type and a few lines of text, for a class to scan or type.
#include "report/qr.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "report/cairo_support.hpp"
namespace passerelles::report {

namespace {

using detail::append_bytes;
using detail::check;
using detail::Context;
using detail::Rgb;
using detail::Surface;
using detail::valid_utf8;

constexpr int kQuiet = 4;  // modules of white around the code, as the standard asks
constexpr const char* kSans = "DejaVu Sans";
constexpr const char* kMono = "DejaVu Sans Mono";

constexpr Rgb kInk{0.10, 0.10, 0.12}, kMuted{0.30, 0.32, 0.37}, kAccent{0.11, 0.30, 0.55};

void check_module_px(int module_px) {
  if (module_px < 1 || module_px > 100) throw std::invalid_argument("qr: module size out of range");
}

// ---- text for XML and pango -----------------------------------------------------------------------------------

// Text content or attribute value for XML 1.0: escaped, without the control characters XML forbids.
std::string xml_text(const std::string& s) {
  std::string out;
  for (char ch : valid_utf8(s)) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(ch) >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') out += ch;
    }
  }
  return out;
}

// ---- drawing ----------------------------------------------------------------------------------------------------

// A horizontal run of dark modules on row y, from x over n modules.
struct Run {
  int x, y, n;
};

std::vector<Run> dark_runs(const QrCode& qr) {
  std::vector<Run> runs;
  for (int y = 0; y < qr.size; ++y)
    for (int x = 0; x < qr.size;) {
      if (!qr.dark(x, y)) {
        ++x;
        continue;
      }
      int start = x;
      while (x < qr.size && qr.dark(x, y)) ++x;
      runs.push_back({start, y, x - start});
    }
  return runs;
}

// The dark modules as filled rectangles, top-left corner of the code (without its quiet zone) at (left, top).
void draw_modules(cairo_t* cr, const QrCode& qr, double left, double top, double module) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (const Run& r : dark_runs(qr)) cairo_rectangle(cr, left + r.x * module, top + r.y * module, r.n * module, module);
  cairo_fill(cr);
  cairo_restore(cr);
}

void fill_white(cairo_t* cr, double width, double height) {
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, 0, 0, width, height);
  cairo_fill(cr);
}

std::string png_bytes(cairo_surface_t* surface) {
  std::string bytes;
  cairo_surface_flush(surface);
  if (cairo_surface_write_to_png_stream(surface, &append_bytes, &bytes) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("png: cannot write the image");
  return bytes;
}

// Text set with pango in user units (points on the card, pixels on the slide).
class Text {
 public:
  explicit Text(cairo_t* cr) : cr_(cr), layout_(pango_cairo_create_layout(cr)) {}
  ~Text() { g_object_unref(layout_); }
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;

  // Lays `text` out in `width`, at most `max_lines` lines (ellipsized beyond); returns its height.
  double set(const std::string& text, const char* family, double size, bool bold, double width, int max_lines,
             bool wrap_anywhere = false) {
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, family);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout_, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout_, wrap_anywhere ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
    // A link broken across lines must not gain a hyphen that someone would type.
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(!wrap_anywhere));
    pango_layout_set_attributes(layout_, attrs);
    pango_attr_list_unref(attrs);
    pango_layout_set_height(layout_, -max_lines);
    pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_END);
    std::string valid = valid_utf8(text);
    pango_layout_set_text(layout_, valid.c_str(), static_cast<int>(valid.size()));
    return height();
  }

  double height() const {
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout_, &w, &h);
    return h;
  }
  int lines() const { return pango_layout_get_line_count(layout_); }
  bool ellipsized() const { return pango_layout_is_ellipsized(layout_); }

  // Draws what set() laid out with its top-left corner at (x, y); returns its height.
  double draw(double x, double y, Rgb color) {
    cairo_set_source_rgb(cr_, color.r, color.g, color.b);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout_);
    return height();
  }

 private:
  cairo_t* cr_;
  PangoLayout* layout_;
};

// Sizes of one card layout, in user units.
struct Geometry {
  double width, height, margin, gap;
  double title_size, subtitle_size, body_size, url_max_size, url_min_size;
  bool pixel_grid;  // whole pixels per module, so that the code stays sharp on a bitmap
};

constexpr Geometry kCard{595.276, 419.528, 30, 14, 22, 12, 13, 30, 12, false};  // A5 landscape, points
constexpr Geometry kSlide{1920, 1080, 90, 40, 72, 38, 42, 110, 36, true};       // full HD, pixels

// Title and subtitle across the top; the QR code of the link on the left with a line saying what to do and the hint
// beside it; the link itself across the bottom in large monospace type, on one line when it can be.
void draw_card(cairo_t* cr, const SurveyCard& c, const Geometry& g) {
  QrCode qr = qr_encode(c.url);
  fill_white(cr, g.width, g.height);
  Text text(cr);
  double inner = g.width - 2 * g.margin;

  double y = g.margin;
  text.set(c.title, kSans, g.title_size, true, inner, 2);
  y += text.draw(g.margin, y, kAccent);
  if (!c.subtitle.empty()) {
    text.set(c.subtitle, kSans, g.subtitle_size, false, inner, 2);
    y += g.gap * 0.3 + text.draw(g.margin, y + g.gap * 0.3, kMuted);
  }
  double top = y + g.gap * 0.5;
  if (g.pixel_grid) top = std::ceil(top);

  // The link: the largest size that keeps it on one line, else the smallest, wrapped anywhere.
  double url_size = g.url_max_size;
  for (; url_size > g.url_min_size; url_size -= 1) {
    text.set(c.url, kMono, url_size, true, inner, 1, true);
    if (text.lines() == 1 && !text.ellipsized()) break;
  }
  double url_height = text.set(c.url, kMono, url_size, true, inner, 3, true);
  double url_top = g.height - g.margin - url_height;
  text.draw(g.margin, url_top, kInk);

  // The code with its quiet zone fills the height left between the titles and the link, up to half the width.
  int modules = qr.size + 2 * kQuiet;
  double box = std::max(0.0, std::min(url_top - g.gap * 0.5 - top, inner / 2));
  double module = g.pixel_grid ? std::floor(box / modules) : box / modules;
  // Its quiet zone may overlap the page margin: the page is white there too.
  double left = std::max(0.0, g.margin - kQuiet * module);
  box = module * modules;
  draw_modules(cr, qr, left + kQuiet * module, top + kQuiet * module, module);

  double x = left + box + g.gap;
  double column = g.width - g.margin - x;
  double ty = top + kQuiet * module;
  text.set("Scanne le code avec ton téléphone ou tape l’adresse écrite en dessous.", kSans, g.body_size * 1.2, true,
           column, 4);
  ty += text.draw(x, ty, kInk) + g.gap;
  if (!c.hint.empty()) {
    text.set(c.hint, kSans, g.body_size, false, column, 6);
    text.draw(x, ty, kMuted);
  }
}

}  // namespace

QrCode qr_encode(const std::string& text) {
  if (text.empty()) throw std::invalid_argument("qr: empty text");
  if (text.find('\0') != std::string::npos) throw std::invalid_argument("qr: text holds a NUL byte");
  errno = 0;
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                       &QRcode_free);
  if (!code) {
    if (errno == ERANGE) throw std::invalid_argument("qr: text too long for a QR code");
    throw std::runtime_error("qr: encoding failed");
  }
  QrCode qr;
  qr.size = code->width;
  qr.modules.resize(static_cast<std::size_t>(qr.size) * static_cast<std::size_t>(qr.size));
  for (std::size_t i = 0; i < qr.modules.size(); ++i) qr.modules[i] = (code->data[i] & 1) != 0;
  return qr;
}

std::string qr_svg(const std::string& text, const std::string& label, int module_px) {
  check_module_px(module_px);
  QrCode qr = qr_encode(text);
  std::string n = std::to_string(qr.size + 2 * kQuiet), px = std::to_string((qr.size + 2 * kQuiet) * module_px);
  std::string name = xml_text(label);
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + px + "\" height=\"" + px +
                  "\" viewBox=\"0 0 " + n + " " + n + "\" role=\"img\" aria-label=\"" + name +
                  "\" shape-rendering=\"crispEdges\">";
  s += "<title>" + name + "</title>";
  s += "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  for (const Run& r : dark_runs(qr)) {
    std::string len = std::to_string(r.n);
    s += 'M';
    s += std::to_string(r.x + kQuiet);
    s += ' ';
    s += std::to_string(r.y + kQuiet);
    s += 'h';
    s += len;
    s += "v1h-";
    s += len;
    s += 'z';
  }
  s += "\"/></svg>\n";
  return s;
}

std::string qr_png(const std::string& text, int module_px) {
  check_module_px(module_px);
  QrCode qr = qr_encode(text);
  int side = (qr.size + 2 * kQuiet) * module_px;
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side), &cairo_surface_destroy);
  check(surface.get(), "png");
  Context cr(cairo_create(surface.get()), &cairo_destroy);
  cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);
  fill_white(cr.get(), side, side);
  draw_modules(cr.get(), qr, kQuiet * module_px, kQuiet * module_px, module_px);
  return png_bytes(surface.get());
}

std::string survey_card_pdf(const SurveyCard& c) {
  std::string bytes;
  Surface surface(cairo_pdf_surface_create_for_stream(&append_bytes, &bytes, kCard.width, kCard.height),
                  &cairo_surface_destroy);
  check(surface.get(), "pdf");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, valid_utf8(c.title).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Passerelles " PASSERELLES_VERSION);
  {
    Context cr(cairo_create(surface.get()), &cairo_destroy);
    draw_card(cr.get(), c, kCard);
    cairo_show_page(cr.get());
  }
  cairo_surface_finish(surface.get());
  check(surface.get(), "pdf");
  return bytes;
}

std::string survey_slide_png(const SurveyCard& c) {
  Surface surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(kSlide.width), static_cast<int>(kSlide.height)),
      &cairo_surface_destroy);
  check(surface.get(), "png");
  {
    Context cr(cairo_create(surface.get()), &cairo_destroy);
    draw_card(cr.get(), c, kSlide);
  }
  return png_bytes(surface.get());
}

}  // namespace passerelles::report
