// `passerelles match --in instance.json --out result.json`: the matching engine alone on the JSON format of
// docs/matching.md (the server runs the same code). Bad input exits with 2 and names the JSON path.
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "cli/commands.hpp"
#include "domain/matching.hpp"

namespace passerelles::cli {

namespace {

// Line and column (1-based, in bytes) of a byte offset, for JSON syntax errors.
std::pair<std::size_t, std::size_t> line_column(const std::string& text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

std::string french_number(double x, int decimals) {
  std::string s = fmt::format("{:.{}f}", x, decimals);
  for (auto& c : s)
    if (c == '.') c = ',';
  return s;
}

}  // namespace

int cmd_match(const MatchOptions& opts) {
  namespace m = domain::matching;
  const std::string in_name = opts.in == "-" ? "entrée standard" : opts.in;
  std::string text;
  if (opts.in == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream f(opts.in, std::ios::binary);
    if (!f) {
      std::cerr << "passerelles match : impossible de lire " << opts.in << "\n";
      return 2;
    }
    text.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }

  m::Instance instance;
  try {
    instance = m::instance_from_json(nlohmann::json::parse(text));
  } catch (const nlohmann::json::parse_error& e) {
    auto [line, column] = line_column(text, e.byte == 0 ? 0 : e.byte - 1);
    std::cerr << fmt::format("passerelles match : {} : JSON invalide ligne {}, colonne {}\n", in_name, line, column);
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "passerelles match : " << in_name << " : " << e.what() << "\n";
    return 2;
  }

  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  m::Result result;
  try {
    result = m::solve(instance);
  } catch (const std::invalid_argument& e) {
    std::cerr << "passerelles match : " << in_name << " : " << e.what() << "\n";
    return 2;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;

  std::string out = m::result_to_json(result).dump(2) + "\n";
  if (opts.out == "-") {
    std::cout << out;
  } else {
    std::ofstream f(opts.out, std::ios::binary);
    if (!(f << out) || !f.flush()) {
      std::cerr << "passerelles match : impossible d’écrire " << opts.out << "\n";
      return 1;
    }
  }
  int places = 0;
  for (const auto& u : result.unfilled) places += u.places;
  std::cerr << fmt::format(
      "{} affectation(s), {} place(s) non pourvue(s), coût total {}, {} s (processeur {} s : paires {} s, flot {} s)\n",
      result.assignments.size(), places, result.total_cost, french_number(seconds, 3), french_number(cpu, 3),
      french_number(result.pairs_seconds, 3), french_number(result.flow_seconds, 3));
  return 0;
}

}  // namespace passerelles::cli
