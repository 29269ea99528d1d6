// Command-line interface: parses options (file < environment < flags) and runs a subcommand.
#pragma once

namespace passerelles::cli {

int run(int argc, char** argv);

}  // namespace passerelles::cli
