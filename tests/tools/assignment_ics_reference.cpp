// CTest assignment_ics_reference: the .ics of a confirmed assignment (the e-mail attachment, the download and the
// feed all come from mail::ics_of_assignment) and of its cancellation, parsed by tests/tools/check_ics.py with
// python3-icalendar and compared with values written here by hand. Usage: assignment_ics_reference CHECK_ICS_PY
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "mail/intervention_mail.hpp"

using namespace passerelles;

namespace {

store::AssignmentView confirmed() {
  store::AssignmentView a;
  a.id = 41;
  a.status = "accepted";
  a.day = "2026-12-31";  // all day: DTEND is the next day, in the next year
  a.ambassador_name = "Inès Martin";
  a.ambassador_email = "ines@exemple.fr";
  a.school_address = "2 rue Mégevand, 25000 Besançon";
  a.partners = {"Sarah Benali"};
  a.invited_at = 1760000000;
  a.answered_at = 1760003600;
  auto& r = a.request;
  r.id = 9;
  r.status = "confirmed";
  r.school_name = "Collège Victor Hugo; site \\ Rivotte, bâtiment B";
  r.school_commune = "Besançon";
  r.kind = "talk";
  r.class_levels = {"4e", "3e"};
  r.girls = 12;
  r.boys = 14;
  r.contact_name = "Claire Martin";
  r.email = "claire.martin@ac-besancon.fr";
  return a;
}

int run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) return 127;
  if (pid == 0) {
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status)) return 127;
  return WEXITSTATUS(status);
}

int check(const std::string& checker, const std::string& name, const std::string& ics, const std::string& method,
          const std::string& status) {
  auto path = std::filesystem::temp_directory_path() /
              ("passerelles-assignment-ics-" + std::to_string(getpid()) + "-" + name + ".ics");
  std::ofstream(path, std::ios::binary) << ics;
  const std::string location = "Collège Victor Hugo; site \\ Rivotte, bâtiment B, 2 rue Mégevand, 25000 Besançon";
  int rc = run({"/usr/bin/python3", checker, path.string(), "--expect-count", "1", "--expect-calname=Passerelles",
                "--expect-method=" + method, "--expect-location=" + location, "--expect-start=2026-12-31",
                "--expect-end=2027-01-01", "--expect-status=" + status,
                "--expect-uid=intervention-41@passerelles.example.org",
                "--expect-summary=Témoignage en classe — Collège Victor Hugo; site \\ Rivotte, bâtiment B"});
  if (rc == 0) {
    std::filesystem::remove(path);
    return 0;
  }
  std::cerr << "assignment_ics_reference: " << name << " failed; the calendar is kept in " << path << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: assignment_ics_reference CHECK_ICS_PY\n";
    return 2;
  }
  const std::string base = "https://passerelles.example.org";
  auto a = confirmed();
  int failures =
      check(argv[1], "confirmed", mail::assignment_confirmed_message(a, base).calendar, "REQUEST", "CONFIRMED");
  a.status = "cancelled";
  a.cancelled_by = "ambassador";
  a.cancel_reason = "Réunion imprévue";
  failures += check(argv[1], "cancelled", mail::assignment_cancelled_for_ambassador_message(a, base).calendar, "CANCEL",
                    "CANCELLED");
  std::cout << (2 - failures) << " passed, " << failures << " failed\n";
  return failures ? 1 : 0;
}
