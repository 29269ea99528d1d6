// The demo's events, written through store/events.hpp like a coordinator and teachers would: see demo_events.hpp.
#include "cli/demo_events.hpp"

#include <string>
#include <vector>

#include "domain/event.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/actions.hpp"
#include "store/events.hpp"
#include "store/row.hpp"
#include "store/schools.hpp"

namespace passerelles::cli {

namespace {

const store::Author kBy{0, "demo"};

struct Place {
  long long organisation_id = 0;
  std::string name, commune_insee;
};

// The first organisation of `kind` in the territory (with its commune), or none.
Place first_org(store::Store& s, long long territory_id, const std::string& kind, int skip = 0) {
  return s.read([&](soci::session& sql) {
    Place p;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, name, commune_insee FROM organisations WHERE "
                                                   "territory_id = :t AND kind = :k ORDER BY id",
                                    soci::use(territory_id), soci::use(kind));
    int i = 0;
    for (const auto& r : rows) {
      if (i++ < skip) continue;
      p.organisation_id = store::col_ll(r, 0);
      p.name = store::col_str(r, 1);
      p.commune_insee = store::col_str(r, 2);
      break;
    }
    return p;
  });
}

long long first_initiative(store::Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    long long id = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT MIN(id) FROM initiatives WHERE territory_id = :t", soci::use(territory_id), soci::into(id, ind);
    return ind == soci::i_ok ? id : 0LL;
  });
}

// Links a demo contact account to an organisation through a directory person with her e-mail.
void link_contact(store::Store& s, long long territory_id, long long organisation_id, const std::string& email,
                  const std::string& first, const std::string& last, const std::string& job) {
  if (organisation_id == 0) return;
  s.write([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM people WHERE territory_id = :t AND email = :e", soci::use(territory_id),
        soci::use(email), soci::into(n);
    if (n != 0) return;
    long long now = store::now_unix();
    std::string search = domain::fold(first + " " + last + " " + email);
    sql << "INSERT INTO people (territory_id, organisation_id, first_name, last_name, email, job_title, search, "
           "created_at, updated_at) VALUES (:t, :o, :f, :l, :e, :j, :s, :c, :u)",
        soci::use(territory_id), soci::use(organisation_id), soci::use(first), soci::use(last), soci::use(email),
        soci::use(job), soci::use(search), soci::use(now), soci::use(now);
  });
}

domain::Registration class_booking(long long school_id, const std::string& teacher, const std::string& level, int girls,
                                   int boys, int adults, const std::string& slug) {
  domain::Registration r;
  r.kind = "class";
  r.contact_name = teacher;
  r.email = domain::slugify(teacher) + "@college." + slug + ".example";
  r.school_id = school_id;
  r.class_level = level;
  r.girls = girls;
  r.boys = boys;
  r.adults = adults;
  return r;
}

domain::Registration adult_booking(const std::string& name, const std::string& category, const std::string& slug) {
  domain::Registration r;
  r.kind = "adult";
  r.contact_name = name;
  r.email = domain::slugify(name) + "@" + slug + ".example";
  r.category = category;
  return r;
}

// `day`, or the Monday after it when it falls on a weekend (visits happen on school days).
std::string school_day(const std::string& day) {
  long long weekday = ((domain::days_between("2024-01-01", day) % 7) + 7) % 7;  // 2024-01-01 was a Monday
  return weekday >= 5 ? domain::add_days(day, 7 - weekday) : day;
}

// The next 8 March at least a week ahead.
std::string next_march_8(const std::string& today) {
  int year = std::stoi(today.substr(0, 4));
  std::string day = std::to_string(year) + "-03-08";
  if (day <= domain::add_days(today, 7)) day = std::to_string(year + 1) + "-03-08";
  return day;
}

}  // namespace

void demo_events(store::Store& s, std::ostream& out) {
  const std::string today = domain::paris_day(store::now_unix());
  for (const std::string slug : {"cmq-msi-bfc", "ti-flandre-saint-omer"}) {
    auto t = store::territory_by_slug(s, slug);
    if (!t) continue;
    store::EventFilter existing;
    existing.territory_id = t->id;
    existing.public_only = false;
    if (store::events_matching(s, existing).total != 0) continue;

    const bool cmq = slug == "cmq-msi-bfc";
    Place company = first_org(s, t->id, "company");
    Place company2 = first_org(s, t->id, "company", 1);
    Place lab = first_org(s, t->id, "lab");
    Place school = first_org(s, t->id, "school");
    long long initiative = first_initiative(s, t->id);
    std::vector<long long> ambassadors;
    for (const auto& [id, name] : store::ambassadors_of(s, t->id)) ambassadors.push_back(id);
    store::SchoolFilter sf;
    sf.departments = t->departments;
    sf.per_page = 8;
    std::vector<long long> schools;
    for (const auto& sc : store::schools_matching(s, sf).rows) schools.push_back(sc.id);
    auto school_at = [&](std::size_t i) { return schools.empty() ? 0LL : schools[i % schools.size()]; };

    link_contact(s, t->id, company.organisation_id, "rh@" + slug + ".demo", "Rachel", "Hautecombe", "Responsable RH");
    link_contact(s, t->id, school.organisation_id, "enseignant@" + slug + ".demo", "Estelle", "Noirmont",
                 "Professeure de technologie");

    auto make = [&](const std::string& kind, const std::string& title, int in_days, const std::string& start,
                    const std::string& end, const Place& host, int capacity, std::vector<std::string> audiences,
                    const std::string& description) {
      domain::Event e;
      e.territory_id = t->id;
      e.kind = kind;
      e.title = title;
      e.description = description;
      e.starts_on = school_day(domain::add_days(today, in_days));
      e.start_time = start;
      e.end_time = end;
      e.organisation_id = host.organisation_id;
      e.place = host.name.empty() ? "Salle des fêtes" : host.name;
      e.commune_insee = host.commune_insee;
      e.capacity = capacity;
      e.audiences = std::move(audiences);
      e.initiative_id = initiative;
      e.status = "published";
      if (!ambassadors.empty()) e.ambassador_ids = {ambassadors.front()};
      return e;
    };
    auto insert = [&](domain::Event e) {
      auto r = store::insert_event(s, e, kBy);
      if (!r.ok()) {
        // Without reference communes the commune cannot be checked: publish without it.
        e.commune_insee.clear();
        r = store::insert_event(s, e, kBy);
      }
      return r.ok() ? r.id : 0LL;
    };

    int count = 0, bookings = 0;
    auto book = [&](long long event_id, const domain::Registration& r, bool confirm) {
      if (event_id == 0) return;
      auto b = store::book(s, event_id, r, today);
      if (!b.ok()) return;
      ++bookings;
      if (confirm) store::confirm_registration(s, b.registration.token);
    };

    // A company visit, half booked.
    auto visit = make("visite_entreprise",
                      cmq ? "Visite de l’atelier de micro-décolletage" : "Visite de la verrerie : du four au flacon", 9,
                      "09:30", "11:30", company, 30, {"college", "lycee"},
                      "Deux techniciennes et une ingénieure méthodes font visiter l’atelier et répondent aux "
                      "questions : horaires, salaires, formations, place des femmes.");
    visit.safety_rules = "Chaussures fermées obligatoires ; cheveux longs attachés. Lunettes de protection fournies.";
    visit.accessibility = "Atelier de plain-pied, accessible en fauteuil roulant.";
    visit.min_age = 13;
    long long visit_id = insert(visit);
    count += visit_id != 0;
    book(visit_id, class_booking(school_at(0), "Claire Sornay", "3e", 7, 6, 2, slug), true);
    book(visit_id, class_booking(school_at(1), "Marc Fontenay", "4e", 5, 7, 1, slug), false);

    // A lab visit that is full, with a waiting list.
    auto labv = make("visite_laboratoire",
                     cmq ? "Une matinée au laboratoire de micro-robotique" : "Les matériaux du littoral au microscope",
                     16, "09:00", "12:00", lab.organisation_id ? lab : company, 20, {"lycee", "voie_pro"},
                     "Des chercheuses montrent leurs expériences et leur parcours, du bac à la thèse.");
    labv.safety_rules = "Blouse fournie. Âge minimum 15 ans.";
    labv.min_age = 15;
    long long lab_id = insert(labv);
    count += lab_id != 0;
    book(lab_id, class_booking(school_at(2), "Sophie Valdahon", "2nde", 9, 8, 2, slug), true);
    book(lab_id, class_booking(school_at(3), "Julien Ornans", "1re", 6, 6, 1, slug), true);  // waits

    // An open day of a lycée (no limit).
    auto open_day = make("portes_ouvertes", "Portes ouvertes du lycée professionnel : filières industrielles", 50,
                         "09:00", "16:00", school.organisation_id ? school : company, 0, {"college", "tout_public"},
                         "Ateliers ouverts, démonstrations par les élèves de bac pro et BTS, rencontre avec des "
                         "ambassadrices.");
    count += insert(open_day) != 0;

    // A forum for women in reconversion and prescribers.
    auto forum =
        make("forum_salon", cmq ? "Forum « L’industrie au féminin »" : "Job dating industrie au féminin", 44, "13:30",
             "17:30", company2.organisation_id ? company2 : company, 120, {"femmes_reconversion", "prescripteurs"},
             "Rencontrez des entreprises qui recrutent et des femmes qui ont changé de métier.");
    long long forum_id = insert(forum);
    count += forum_id != 0;
    book(forum_id, adult_booking("Nadia Ferhat", "women_reconversion", slug), true);
    book(forum_id, adult_booking("Aurélie Maîche", "women_reconversion", slug), false);
    domain::Registration presc;
    presc.kind = "prescriber";
    presc.contact_name = "Conseillère emploi";
    presc.email = "conseillere@emploi." + slug + ".example";
    presc.organisation = cmq ? "Agence emploi Démo de Besançon" : "Mission Locale Démo de Saint-Omer";
    presc.people = 5;
    presc.category = "women_reconversion";
    book(forum_id, presc, true);

    // The 8 March day.
    auto march = make("journee_8_mars", "Journée du 8 mars : les métiers de l’industrie se conjuguent au féminin", 0,
                      "10:00", "16:00", company, 200, {"college", "lycee", "tout_public"},
                      "Témoignages, ateliers et visites le jour des droits des femmes.");
    march.starts_on = next_march_8(today);
    count += insert(march) != 0;

    // A webinar.
    auto webinar = make("webinaire", "Webinaire : se reconvertir dans la maintenance industrielle", 12, "18:00",
                        "19:00", Place{}, 0, {"femmes_reconversion", "prescripteurs"},
                        "Trois techniciennes de maintenance racontent leur reconversion ; questions en direct.");
    webinar.place = "";
    webinar.online_url = "https://visio.example.org/passerelles-" + slug;
    long long webinar_id = insert(webinar);
    count += webinar_id != 0;
    book(webinar_id, adult_booking("Sandrine Lods", "women_reconversion", slug), true);

    // A draft and a cancelled workshop.
    auto draft = make("atelier", "Atelier « Mon métier en 3 minutes » (brouillon)", 40, "14:00", "16:00", company, 25,
                      {"college"}, "À préparer avec les ambassadrices.");
    draft.status = "draft";
    count += insert(draft) != 0;
    auto cancelled = make("atelier", "Atelier robotique pour collégiennes", 19, "14:00", "16:30", company, 15,
                          {"college"}, "Programmer un petit robot avec des ingénieures.");
    long long cancelled_id = insert(cancelled);
    count += cancelled_id != 0;
    book(cancelled_id, class_booking(school_at(4), "Anne Mouthe", "5e", 6, 6, 1, slug), true);
    if (cancelled_id)
      store::set_event_status(s, t->id, cancelled_id, "cancelled", "L’intervenante est indisponible ; reporté.", kBy);

    out << "demo: " << count << " events and " << bookings << " bookings in " << slug << "\n";
  }
}

}  // namespace passerelles::cli
