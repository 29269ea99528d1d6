// Entry point: everything happens in the command-line interface.
#include "cli/cli.hpp"

int main(int argc, char** argv) {
  return passerelles::cli::run(argc, argv);
}
