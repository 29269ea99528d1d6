// CTest event_ics_reference: writes calendars with tricky texts (commas, semicolons, backslashes, line breaks, long
// French and emoji titles, summer and winter times, all-day spans over a new year, a cancellation) through
// domain::ics_calendar and mail::ics_of, then has tests/tools/check_ics.py parse them with python3-icalendar and
// compare every value with what was written here by hand. Usage: ics_reference CHECK_ICS_PY
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "domain/event.hpp"
#include "mail/event_mail.hpp"

using namespace passerelles;

namespace {

struct Expected {
  std::string summary, description, location, start, end, status, uid;
};

struct Case {
  std::string name;
  std::string method;
  std::string calname;
  std::vector<domain::IcsEvent> events;
  std::vector<Expected> expected;
};

domain::IcsEvent ics(const std::string& uid, const std::string& summary, const std::string& starts_on,
                     const std::string& start_time, const std::string& ends_on, const std::string& end_time) {
  domain::IcsEvent ev;
  ev.uid = uid;
  ev.summary = summary;
  ev.starts_on = starts_on;
  ev.start_time = start_time;
  ev.ends_on = ends_on;
  ev.end_time = end_time;
  ev.stamp = 1741962600;
  ev.sequence = 1741962600;
  return ev;
}

Case feed() {
  Case c{"feed", "", "Événements, Doubs; Jura \\ Passerelles", {}, {}};
  const std::string long_title =
      "Journée du 8 mars : « Les métiers de l’industrie, c’est aussi pour elles ; venez, voyez, essayez » — visite "
      "de l’usine, atelier d’impression 3D, rencontre avec des ingénieures, techniciennes; et apprenties";
  auto winter = ics("event-1@passerelles.example.org", "Forum, salon; métiers \\ industrie", "2025-03-14", "14:30",
                    "2025-03-14", "16:00");
  winter.description = "Ligne 1, avec virgule\nLigne 2; point-virgule\r\nLigne 3 \\ barre\rfin\x01.";
  winter.location = "Salle A, bâtiment B; étage 2";
  winter.url = "https://passerelles.example.org/evenements/1";
  c.events.push_back(winter);
  c.expected.push_back({"Forum, salon; métiers \\ industrie",
                        "Ligne 1, avec virgule\nLigne 2; point-virgule\nLigne 3 \\ barre\nfin.",
                        "Salle A, bâtiment B; étage 2", "2025-03-14T14:30:00+01:00", "2025-03-14T16:00:00+01:00",
                        "CONFIRMED", "event-1@passerelles.example.org"});

  auto summer = ics("event-2@passerelles.example.org", long_title, "2025-07-01", "09:00", "2025-07-01", "12:15");
  summer.description = long_title + "\n\n" + long_title;
  summer.location = "Usine Lison — atelier de décolletage, 3 rue des Forges, 25000 Besançon";
  c.events.push_back(summer);
  c.expected.push_back({long_title, long_title + "\n\n" + long_title,
                        "Usine Lison — atelier de décolletage, 3 rue des Forges, 25000 Besançon",
                        "2025-07-01T09:00:00+02:00", "2025-07-01T12:15:00+02:00", "CONFIRMED",
                        "event-2@passerelles.example.org"});

  // All day, over the new year: DTEND is the day after the last.
  auto span = ics("event-3@passerelles.example.org", "Semaine de l’industrie 🔧⚙️ — portes ouvertes",
                  "2025-12-30", "", "2026-01-02", "");
  std::string emojis;
  for (int i = 0; i < 40; ++i) emojis += "🏭é,";
  span.description = emojis;
  c.events.push_back(span);
  c.expected.push_back({"Semaine de l’industrie 🔧⚙️ — portes ouvertes", emojis, "", "2025-12-30",
                        "2026-01-03", "CONFIRMED", "event-3@passerelles.example.org"});

  // The days summer time starts and ends; no end time on the second.
  auto spring =
      ics("event-4@passerelles.example.org", "Atelier; robotique", "2025-03-30", "03:30", "2025-03-30", "05:00");
  spring.cancelled = true;
  c.events.push_back(spring);
  c.expected.push_back({"Atelier; robotique", "", "", "2025-03-30T03:30:00+02:00", "2025-03-30T05:00:00+02:00",
                        "CANCELLED", "event-4@passerelles.example.org"});
  auto autumn = ics("event-5@passerelles.example.org", "Webinaire", "2025-10-26", "10:00", "2025-10-26", "");
  c.events.push_back(autumn);
  c.expected.push_back(
      {"Webinaire", "", "", "2025-10-26T10:00:00+01:00", "", "CONFIRMED", "event-5@passerelles.example.org"});

  // Through mail::ics_of, as the public feed does: the online link stays out.
  domain::Event e;
  e.id = 6;
  e.kind = "webinaire";
  e.title = "Ingénieure, pourquoi pas moi ? Témoignages; questions";
  e.description = "Trois ingénieures racontent leur parcours.\nQuestions à la fin.";
  e.starts_on = e.ends_on = "2026-03-08";
  e.start_time = "18:00";
  e.end_time = "19:30";
  e.online_url = "https://visio.example.org/secret";
  e.status = "published";
  e.updated_at = 1741962600;
  c.events.push_back(mail::ics_of(e, "https://passerelles.example.org", false));
  c.expected.push_back({"Ingénieure, pourquoi pas moi ? Témoignages; questions",
                        "Trois ingénieures racontent leur parcours.\nQuestions à la fin.\n\nInformations et "
                        "inscription : https://passerelles.example.org/evenements/6",
                        "En ligne", "2026-03-08T18:00:00+01:00", "2026-03-08T19:30:00+01:00", "CONFIRMED",
                        "event-6@passerelles.example.org"});
  return c;
}

Case invitation() {
  Case c{"invitation", "CANCEL", "Invitation", {}, {}};
  auto ev =
      ics("event-7@passerelles.example.org", "Visite annulée, désolés", "2025-11-04", "08:15", "2025-11-05", "17:45");
  ev.cancelled = true;
  c.events.push_back(ev);
  c.expected.push_back({"Visite annulée, désolés", "", "", "2025-11-04T08:15:00+01:00", "2025-11-05T17:45:00+01:00",
                        "CANCELLED", "event-7@passerelles.example.org"});
  return c;
}

int run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
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

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: ics_reference CHECK_ICS_PY\n";
    return 2;
  }
  int failures = 0;
  for (const Case& c : {feed(), invitation()}) {
    auto path = std::filesystem::temp_directory_path() /
                ("passerelles-ics-" + std::to_string(getpid()) + "-" + c.name + ".ics");
    std::ofstream(path, std::ios::binary) << domain::ics_calendar(c.events, c.calname, c.method);
    std::vector<std::string> args = {
        "/usr/bin/python3", argv[1],   path.string(),     "--expect-count", std::to_string(c.events.size()),
        "--expect-calname", c.calname, "--expect-method", c.method};
    for (const auto& x : c.expected) {
      for (const auto& [flag, value] : {std::pair<const char*, const std::string*>{"--expect-summary", &x.summary},
                                        {"--expect-description", &x.description},
                                        {"--expect-location", &x.location},
                                        {"--expect-start", &x.start},
                                        {"--expect-end", &x.end},
                                        {"--expect-status", &x.status},
                                        {"--expect-uid", &x.uid}}) {
        args.emplace_back(std::string(flag) + "=" + *value);  // '=' so that a value may start with '-'
      }
    }
    int rc = run(args);
    if (rc == 0) {
      std::filesystem::remove(path);
    } else {
      std::cerr << "ics_reference: " << c.name << " failed; the calendar is kept in " << path << "\n";
      ++failures;
    }
  }
  std::cout << (2 - failures) << " passed, " << failures << " failed\n";
  return failures ? 1 : 0;
}
