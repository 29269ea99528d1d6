// Printable posters of published portraits (cairo + pango PDF): one page per portrait with her photo, name, job,
// quote and « le cliché que je casse », and a QR code to the online portrait, in A4 or A3.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/collective.hpp"

namespace passerelles::report {

enum class PaperSize { a4, a3 };  // portrait orientation: 595×842 pt, 842×1191 pt

// "a4" / "a3" (case ignored; "" is A4); nullopt for anything else.
std::optional<PaperSize> paper_size_from(std::string_view s);
std::string_view paper_size_name(PaperSize s);  // "a4" | "a3"

// One poster. Only what domain::public_portrait kept may be given: an empty field is left out of the page.
struct PosterItem {
  domain::PublicPortrait portrait;
  std::string photo_jpeg;  // a JPEG variant of her photo; empty without consent to "photo" (or without photo)
  std::string url;         // absolute address of the online portrait: in the QR code and written under it
};

// The PDF, one page per item, in the order given; a single page saying so when `items` is empty. Text is real
// text (pdftotext reads it); French typography (« », narrow no-break spaces before ; : ! ?, ’) is applied to the
// portrait's texts, never to the address. A photo that is not a readable JPEG is left out.
std::string poster_pdf(const std::vector<PosterItem>& items, PaperSize size);

}  // namespace passerelles::report
