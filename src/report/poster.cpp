// Portrait posters drawn with cairo on a PDF surface, text set by pango (DejaVu): a coloured band with the
// campaign, the photo (the JPEG embedded as is) beside her name and job, her quote in large type, the cliché she
// breaks, and a QR code to the online portrait with its address written under it.
#include "report/poster.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "report/cairo_support.hpp"
#include "report/qr.hpp"

namespace passerelles::report {

namespace {

using detail::append_bytes;
using detail::check;
using detail::Context;
using detail::Rgb;
using detail::Surface;
using detail::valid_utf8;

constexpr const char* kSans = "DejaVu Sans";
constexpr const char* kSerif = "DejaVu Serif";
constexpr const char* kMono = "DejaVu Sans Mono";
constexpr const char* kNarrowNbsp = "\u202F";

constexpr Rgb kInk{0.10, 0.10, 0.12}, kMuted{0.30, 0.32, 0.37}, kAccent{0.42, 0.13, 0.45}, kWhite{1, 1, 1},
    kPhotoBack{0.93, 0.91, 0.94};

// A4 in points; A3 is the same page scaled by √2.
constexpr double kA4Width = 595.276, kA4Height = 841.890;

// French typography for the portrait's texts: ’ for the straight apostrophe, « » for straight double quotes, and a
// narrow no-break space where a plain space stands before ; : ! ? » or after «.
std::string french(const std::string& in) {
  std::string s = valid_utf8(in), out;
  bool open = true;
  auto narrow_last_space = [&] {
    if (!out.empty() && out.back() == ' ') {
      out.pop_back();
      out += kNarrowNbsp;
    }
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    if (ch == '\'') {
      out += "’";
    } else if (ch == '"') {
      if (open) {
        out += "«";
        out += kNarrowNbsp;
      } else {
        narrow_last_space();
        out += kNarrowNbsp;
        out += "»";
      }
      open = !open;
    } else if (ch == ';' || ch == ':' || ch == '!' || ch == '?') {
      narrow_last_space();
      out += ch;
    } else if (s.compare(i, 2, "»") == 0) {
      narrow_last_space();
      out += "»";
      ++i;
    } else if (ch == ' ' && out.size() >= 2 && out.compare(out.size() - 2, 2, "«") == 0) {
      out += kNarrowNbsp;
    } else {
      out += ch;
    }
  }
  return out;
}

// The quote between guillemets, without the quotes she may have typed herself.
std::string quoted(const std::string& text) {
  std::string t = text;
  auto strip = [&](std::string_view open, std::string_view close) {
    if (t.size() >= open.size() + close.size() && t.starts_with(open) && t.ends_with(close))
      t = t.substr(open.size(), t.size() - open.size() - close.size());
  };
  strip("\"", "\"");
  strip("«", "»");
  strip("“", "”");
  while (!t.empty() && (t.front() == ' ')) t.erase(0, 1);
  while (!t.empty() && (t.back() == ' ')) t.pop_back();
  return "«" + std::string(kNarrowNbsp) + french(t) + kNarrowNbsp + "»";
}

// Width and height from a JPEG's frame header (SOFn); nullopt when the bytes are not a JPEG with one.
struct Size {
  int width = 0, height = 0;
};
std::optional<Size> jpeg_size(std::string_view b) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
  auto be16 = [&](std::size_t i) { return byte(i) * 256 + byte(i + 1); };
  if (b.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8) return std::nullopt;
  std::size_t i = 2;
  while (i + 4 <= b.size()) {
    if (byte(i) != 0xFF) return std::nullopt;
    unsigned m = byte(i + 1);
    if (m == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {  // markers without a length
      i += 2;
      continue;
    }
    if (m == 0xD9 || m == 0xDA) return std::nullopt;  // end of image or scan before any frame header
    std::size_t len = be16(i + 2);
    if (len < 2) return std::nullopt;
    bool frame = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    if (frame) {
      if (i + 9 > b.size()) return std::nullopt;
      Size s{be16(i + 7), be16(i + 5)};
      if (s.width <= 0 || s.height <= 0) return std::nullopt;
      return s;
    }
    i += 2 + len;
  }
  return std::nullopt;
}

// An image surface carrying the JPEG as its MIME data: the PDF surface embeds those bytes (DCTDecode) instead of
// re-encoding pixels, so nothing is decoded here. Null when the bytes are not a JPEG.
Surface jpeg_surface(const std::string& jpeg) {
  auto size = jpeg_size(jpeg);
  if (!size || size->width > 8192 || size->height > 8192) return Surface(nullptr, &cairo_surface_destroy);
  Surface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, size->width, size->height), &cairo_surface_destroy);
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return Surface(nullptr, &cairo_surface_destroy);
  auto* copy = static_cast<unsigned char*>(std::malloc(jpeg.size()));
  if (!copy) throw std::bad_alloc();
  std::copy_n(reinterpret_cast<const unsigned char*>(jpeg.data()), jpeg.size(), copy);
  if (cairo_surface_set_mime_data(s.get(), CAIRO_MIME_TYPE_JPEG, copy, jpeg.size(), std::free, copy) !=
      CAIRO_STATUS_SUCCESS) {
    std::free(copy);
    return Surface(nullptr, &cairo_surface_destroy);
  }
  return s;
}

// Text laid out by pango in points.
class Text {
 public:
  explicit Text(cairo_t* cr) : cr_(cr), layout_(pango_cairo_create_layout(cr)) {}
  ~Text() { g_object_unref(layout_); }
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;

  struct Style {
    const char* family = kSans;
    double size = 12;
    bool bold = false;
    bool italic = false;
    bool anywhere = false;  // break anywhere, without hyphen (an address)
    bool right = false;     // aligned on the right edge of the width
  };

  // Lays `text` out in `width`, at most `max_lines` lines (ellipsized beyond); returns its height.
  double set(const std::string& text, const Style& st, double width, int max_lines) {
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, st.family);
    pango_font_description_set_absolute_size(font, st.size * PANGO_SCALE);
    pango_font_description_set_weight(font, st.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, st.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout_, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout_, st.anywhere ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout_, st.right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(!st.anywhere));
    pango_layout_set_attributes(layout_, attrs);
    pango_attr_list_unref(attrs);
    pango_layout_set_height(layout_, -max_lines);
    pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_END);
    std::string valid = valid_utf8(text);
    pango_layout_set_text(layout_, valid.c_str(), static_cast<int>(valid.size()));
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }
  bool ellipsized() const { return pango_layout_is_ellipsized(layout_); }

  // Draws what set() laid out with its top-left corner at (x, y); returns its height.
  double draw(double x, double y, Rgb color) {
    cairo_set_source_rgb(cr_, color.r, color.g, color.b);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout_);
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  // Sets then draws; returns the height.
  double put(const std::string& text, const Style& st, double x, double y, double width, int max_lines, Rgb color) {
    set(text, st, width, max_lines);
    return draw(x, y, color);
  }

 private:
  cairo_t* cr_;
  PangoLayout* layout_;
};

void rounded_rectangle(cairo_t* cr, double x, double y, double w, double h, double r) {
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
  cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
  cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
  cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

// The photo scaled to cover the box (centred, cropped), with rounded corners.
void draw_photo(cairo_t* cr, cairo_surface_t* photo, double x, double y, double w, double h, double radius) {
  double pw = cairo_image_surface_get_width(photo), ph = cairo_image_surface_get_height(photo);
  double scale = std::max(w / pw, h / ph);
  cairo_save(cr);
  rounded_rectangle(cr, x, y, w, h, radius);
  cairo_clip(cr);
  cairo_set_source_rgb(cr, kPhotoBack.r, kPhotoBack.g, kPhotoBack.b);
  cairo_paint(cr);
  cairo_translate(cr, x + (w - pw * scale) / 2, y + (h - ph * scale) / 2);
  cairo_scale(cr, scale, scale);
  cairo_set_source_surface(cr, photo, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
}

void draw_qr(cairo_t* cr, const std::string& url, double x, double y, double box) {
  QrCode qr = qr_encode(url);
  double module = box / qr.size;
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int row = 0; row < qr.size; ++row)
    for (int col = 0; col < qr.size;) {
      if (!qr.dark(col, row)) {
        ++col;
        continue;
      }
      int start = col;
      while (col < qr.size && qr.dark(col, row)) ++col;
      cairo_rectangle(cr, x + start * module, y + row * module, (col - start) * module, module);
    }
  cairo_fill(cr);
  cairo_restore(cr);
}

// One page. Every length is an A4 length times k (1 on A4, √2 on A3).
void draw_poster(cairo_t* cr, const PosterItem& item, double width, double height) {
  const domain::PublicPortrait& p = item.portrait;
  const double k = width / kA4Width;
  const double margin = 40 * k, inner = width - 2 * margin, gap = 18 * k;
  Text text(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);

  // Band: the campaign (or what the poster is), then the territory.
  const double band = 58 * k;
  cairo_set_source_rgb(cr, kAccent.r, kAccent.g, kAccent.b);
  cairo_rectangle(cr, 0, 0, width, band);
  cairo_fill(cr);
  std::string heading = p.campaign_name.empty() ? "Les femmes de l’industrie témoignent" : french(p.campaign_name);
  double hh = text.set(heading, {kSans, 17 * k, true}, inner, 1);
  double sub_h = p.territory_name.empty() ? 0 : text.set(french(p.territory_name), {kSans, 9.5 * k}, inner, 1);
  double ty = (band - hh - sub_h) / 2;
  text.put(heading, {kSans, 17 * k, true}, margin, ty, inner, 1, kWhite);
  if (sub_h > 0) text.put(french(p.territory_name), {kSans, 9.5 * k}, margin, ty + hh, inner, 1, kWhite);

  // Photo on the left, who she is on the right (or across the page without a photo).
  double y = band + 26 * k;
  Surface photo = item.photo_jpeg.empty() ? Surface(nullptr, &cairo_surface_destroy) : jpeg_surface(item.photo_jpeg);
  double column_x = margin, column_w = inner, block_bottom = y;
  if (photo) {
    double pw = inner * 0.44, ph = pw * 1.25;
    draw_photo(cr, photo.get(), margin, y, pw, ph, 10 * k);
    column_x = margin + pw + 22 * k;
    column_w = width - margin - column_x;
    block_bottom = y + ph;
  }
  double cy = y + (photo ? 6 * k : 0);
  if (!p.name.empty()) cy += text.put(french(p.name), {kSans, 30 * k, true}, column_x, cy, column_w, 2, kInk) + 6 * k;
  cy += text.put(french(p.job_title), {kSans, 21 * k, true}, column_x, cy, column_w, 4, kAccent) + 8 * k;
  if (!p.employer.empty()) cy += text.put(french(p.employer), {kSans, 14 * k}, column_x, cy, column_w, 3, kInk) + 4 * k;
  std::string detail = p.domain_label;
  if (!p.commune_name.empty()) detail += (detail.empty() ? "" : " — ") + p.commune_name;
  if (!detail.empty()) cy += text.put(french(detail), {kSans, 11.5 * k}, column_x, cy, column_w, 2, kMuted);
  if (p.diploma_level >= 3) {
    std::string level = std::string(domain::diploma_level_label_fr(p.diploma_level));
    cy += 4 * k + text.put("Diplôme : " + level, {kSans, 11.5 * k}, column_x, cy + 4 * k, column_w, 2, kMuted);
  }
  block_bottom = std::max(block_bottom, cy) + 30 * k;

  // Footer: the QR code on the right with the address under it (ending under the code, on one line when it can),
  // what to do on the left.
  const double qr_box = 118 * k, url_size = 9 * k;
  double url_h = text.set(item.url, {kMono, url_size, false, false, true, true}, inner, 3);
  double footer_top = height - margin - url_h - 6 * k - qr_box;
  double qr_x = width - margin - qr_box;
  draw_qr(cr, item.url, qr_x, footer_top, qr_box);
  text.draw(margin, footer_top + qr_box + 6 * k, kInk);
  double fy = footer_top + 10 * k, fw = qr_x - margin - 20 * k;
  fy += text.put("Découvre son portrait en ligne", {kSans, 16 * k, true}, margin, fy, fw, 2, kAccent) + 6 * k;
  fy += text.put(french("Scanne le code avec ton téléphone ou tape l'adresse écrite sous le code."), {kSans, 11 * k},
                 margin, fy, fw, 3, kInk) +
        6 * k;
  text.put("Passerelles — les métiers de l’industrie sont aussi les tiens.", {kSans, 9.5 * k, false, true}, margin, fy,
           fw, 2, kMuted);

  // Between the two: the quote as large as it fits, then the cliché she breaks.
  double room_bottom = footer_top - 24 * k;
  double cliche_h = 0;
  const double label_size = 12 * k;
  std::string cliche = p.cliche.empty() ? "" : french(p.cliche);
  if (!cliche.empty()) {
    double label_h = text.set("Le cliché que je casse", {kSans, label_size, true}, inner, 1);
    double body_h = text.set(cliche, {kSans, 14.5 * k}, inner - 16 * k, 5);
    cliche_h = label_h + 6 * k + body_h;
    double top = room_bottom - cliche_h;
    cairo_set_source_rgb(cr, kAccent.r, kAccent.g, kAccent.b);
    cairo_rectangle(cr, margin, top, 4 * k, cliche_h);
    cairo_fill(cr);
    text.put("Le cliché que je casse", {kSans, label_size, true}, margin + 16 * k, top, inner - 16 * k, 1, kAccent);
    text.put(cliche, {kSans, 14.5 * k}, margin + 16 * k, top + label_h + 6 * k, inner - 16 * k, 5, kInk);
    room_bottom = top - gap;
  }
  if (!p.quote.empty()) {
    std::string q = quoted(p.quote);
    double room = room_bottom - block_bottom;
    double size = 28 * k;
    for (; size > 13 * k; size -= k) {
      double h = text.set(q, {kSerif, size, false, true}, inner, 12);
      if (!text.ellipsized() && h <= room) break;
    }
    int max_lines = std::max(1, static_cast<int>(room / (size * 1.25)));
    text.set(q, {kSerif, size, false, true}, inner, max_lines);
    text.draw(margin, block_bottom, kInk);
  }
}

void draw_empty(cairo_t* cr, double width) {
  const double k = width / kA4Width;
  Text text(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  text.put("Aucun portrait publié dans cette campagne pour l’instant.", {kSans, 18 * k, true}, 40 * k, 80 * k,
           width - 80 * k, 3, kInk);
}

}  // namespace

std::optional<PaperSize> paper_size_from(std::string_view s) {
  if (s.empty() || s == "a4" || s == "A4") return PaperSize::a4;
  if (s == "a3" || s == "A3") return PaperSize::a3;
  return std::nullopt;
}

std::string_view paper_size_name(PaperSize s) {
  return s == PaperSize::a3 ? "a3" : "a4";
}

std::string poster_pdf(const std::vector<PosterItem>& items, PaperSize size) {
  const double width = size == PaperSize::a3 ? 841.890 : kA4Width;
  const double height = size == PaperSize::a3 ? 1190.551 : kA4Height;
  std::string bytes;
  Surface surface(cairo_pdf_surface_create_for_stream(&append_bytes, &bytes, width, height), &cairo_surface_destroy);
  check(surface.get(), "pdf");
  std::string title = items.size() == 1 ? "Affiche — " + items[0].portrait.job_title
                      : !items.empty() && !items[0].portrait.campaign_name.empty()
                          ? "Affiches — " + items[0].portrait.campaign_name
                          : "Affiches des portraits";
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, valid_utf8(title).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Passerelles " PASSERELLES_VERSION);
  {
    Context cr(cairo_create(surface.get()), &cairo_destroy);
    if (items.empty()) {
      draw_empty(cr.get(), width);
      cairo_show_page(cr.get());
    }
    for (const auto& item : items) {
      cairo_save(cr.get());
      draw_poster(cr.get(), item, width, height);
      cairo_restore(cr.get());
      cairo_show_page(cr.get());
    }
  }
  cairo_surface_finish(surface.get());
  check(surface.get(), "pdf");
  return bytes;
}

}  // namespace passerelles::report
