// QR codes (libqrencode) drawn as SVG and PNG, and the printable card and slide that show a survey's short
// link to a class: pupils scan the code or type the short address.
#pragma once
#include <string>
#include <vector>

namespace passerelles::report {

// A QR code as a square of modules (no quiet zone), error correction level M, 8-bit mode.
struct QrCode {
  int size = 0;               // modules per side
  std::vector<bool> modules;  // row-major, true = dark
  bool dark(int x, int y) const {
    return modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)];
  }
};

// Throws std::invalid_argument when `text` is empty or too long for a QR code.
QrCode qr_encode(const std::string& text);

// A standalone SVG (role="img", <title> = `label`), 4-module quiet zone, `module_px` pixels per module,
// one <path> for the dark modules, black on white.
std::string qr_svg(const std::string& text, const std::string& label, int module_px = 8);
// PNG bytes (8-bit greyscale or RGB), 4-module quiet zone, `module_px` pixels per module.
std::string qr_png(const std::string& text, int module_px = 8);

// What a survey card or slide shows.
struct SurveyCard {
  std::string title;     // e.g. "Ton avis sur les métiers de l'industrie"
  std::string subtitle;  // e.g. the action: "Témoignage en classe — Collège Victor Hugo, 12 mars 2027"
  std::string url;       // the short link, printed in full under the code, e.g. "https://…/q/K7M2PQ"
  std::string hint;      // e.g. "Anonyme : ni nom, ni compte. Moins d'une minute."
};

// A printable A5 landscape PDF card (cairo + pango): title, subtitle, a large QR code of `url`, the short
// link in large type and the hint. Text is real text (pdftotext reads the title and the link).
std::string survey_card_pdf(const SurveyCard& c);
// A 1920×1080 PNG slide with the same content, to project in class.
std::string survey_slide_png(const SurveyCard& c);

}  // namespace passerelles::report
