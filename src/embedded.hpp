// Files compiled into the binary (templates, static assets, migrations, npm assets), by relative path.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace passerelles {

struct EmbeddedFile {
  std::string_view
      path;  // e.g. "web/templates/layout.html", "store/migrations/0001_init.sql", "npm/htmx.org/dist/htmx.min.js"
  std::string_view data;
};

const std::vector<EmbeddedFile>& embedded_files();

// The file at `path`, or nullopt.
inline std::optional<std::string_view> embedded_file(std::string_view path) {
  for (const auto& f : embedded_files())
    if (f.path == path) return f.data;
  return std::nullopt;
}

}  // namespace passerelles
