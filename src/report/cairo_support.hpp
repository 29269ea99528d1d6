// Small pieces shared by the cairo drawings of src/report (survey cards and slides, portrait posters): owned
// surfaces and contexts, their status check, writing to a string, and the valid UTF-8 pango requires.
#pragma once
#include <cairo.h>
#include <glib.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace passerelles::report::detail {

struct Rgb {
  double r, g, b;
};

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using Context = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

// Throws with cairo's message when the surface is in error.
inline void check(cairo_surface_t* surface, const char* what) {
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string(what) + ": " + cairo_status_to_string(cairo_surface_status(surface)));
}

// A cairo write function appending to the std::string passed as closure.
inline cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Valid UTF-8: pango and XML refuse anything else (invalid bytes become U+FFFD).
inline std::string valid_utf8(const std::string& s) {
  if (g_utf8_validate(s.data(), static_cast<gssize>(s.size()), nullptr)) return s;
  gchar* fixed = g_utf8_make_valid(s.data(), static_cast<gssize>(s.size()));
  std::string out(fixed);
  g_free(fixed);
  return out;
}

}  // namespace passerelles::report::detail
