// The demo's kit and networks, written through store/kit.hpp and store/networks.hpp like the members would: see
// demo_kit.hpp.
#include "cli/demo_kit.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

#include "domain/kit.hpp"
#include "store/accounts.hpp"
#include "store/actions.hpp"
#include "store/ambassadors.hpp"
#include "store/files.hpp"
#include "store/kit.hpp"
#include "store/networks.hpp"
#include "store/row.hpp"

namespace passerelles::cli {

namespace {

// A version of a demo page: the first one's whole text, or the changes made to the version before (each `from` text
// replaced by its `to`), with the summary and who wrote it.
struct Version {
  std::string body;
  std::vector<std::pair<std::string, std::string>> changes;
  std::string summary;
  bool by_coordinator = false;
};

const std::vector<Version>& speech_versions() {
  static const std::vector<Version> v = {
      {R"md(Cinq minutes pour se présenter au début d’une intervention en classe. À adapter à votre parcours !

# 1. Qui je suis (1 minute)

- Mon prénom, mon métier, mon entreprise : « Je fabrique des pièces plus petites qu’un grain de riz pour des montres et des appareils médicaux. »
- Ce que je pensais de l’industrie à leur âge.

# 2. Mon parcours (2 minutes)

- Mes études, mes hésitations, mes changements de voie.
- Ce qui m’a décidée.

# 3. Ma journée (1 minute)

- Une journée type, avec un objet à faire passer dans la classe.

# 4. Et vous ? (1 minute)

- « Qui a déjà démonté un objet pour voir comment il marche ? »
)md",
       {},
       "Première version du plan",
       false},
      {"",
       {{"- Ce qui m’a décidée.\n",
         "- Ce qui m’a décidée.\n- Le diplôme que j’ai passé (CAP, bac pro, BTS, BUT…) expliqué en une phrase.\n"},
        {"comment il marche ? »\n",
         "comment il marche ? »\n- Terminer par une prochaine étape : stage de 3e, portes ouvertes, visite "
         "d’entreprise.\n\nVoir aussi la page [Réponses aux clichés](/collectif/kit/pages/reponses-aux-cliches) pour "
         "les questions qui suivent.\n"}},
       "Ajout du diplôme expliqué et d’une prochaine étape pour finir",
       true},
      {"",
       {{"à leur âge.\n", "à leur âge (soyez honnête : elles le sentent).\n"},
        {"à faire passer dans la classe.\n",
         "à faire passer dans la classe.\n- Une photo de mon poste de travail (demander l’accord de "
         "l’entreprise).\n"}},
       "Une photo du poste, et rester honnête sur ce qu’on pensait",
       false},
  };
  return v;
}

const std::vector<Version>& questions_versions() {
  static const std::vector<Version> v = {
      {R"md(Les questions que les élèves posent le plus souvent, et des idées de réponse.

# « Vous gagnez combien ? »

Donnez un ordre de grandeur pour une débutante à votre poste, ou le salaire d’une apprentie.

# « C’est dur, les études ? »

Parlez de ce qui vous a plu et de ce qui vous a aidée (un professeur, un stage, l’alternance).

# « Il y a des garçons qui se moquent ? »

Répondez franchement, sans dramatiser : ce qui s’est passé, et comment vous avez réagi.
)md",
       {},
       "Premières questions notées après les interventions de l’automne",
       false},
      {"",
       {{"comment vous avez réagi.\n",
         "comment vous avez réagi.\n\n# « On peut faire un stage chez vous ? »\n\nAyez sur vous le nom de la "
         "personne à contacter dans votre entreprise pour les stages d’observation de 3e et de seconde.\n"}},
       "Ajout de la question sur les stages",
       true},
  };
  return v;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// A one-page A4 PDF: the outline of a 55-minute intervention in a collège class (a shared document of the demo).
std::string intervention_pdf() {
  std::string bytes;
  constexpr double kWidth = 595.276, kHeight = 841.89, kMargin = 56;
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create_for_stream(&append_bytes, &bytes, kWidth, kHeight), &cairo_surface_destroy);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "Déroulé d’une intervention de 55 minutes");
  {
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), &cairo_destroy);
    std::unique_ptr<PangoLayout, decltype(&g_object_unref)> layout(pango_cairo_create_layout(cr.get()),
                                                                   &g_object_unref);
    pango_layout_set_width(layout.get(), static_cast<int>((kWidth - 2 * kMargin) * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD);
    const char* markup =
        "<span size='xx-large' weight='bold'>Déroulé d’une intervention de 55 minutes</span>\n"
        "<span size='large'>Collège, classe de 4e ou de 3e — document de démonstration</span>\n\n"
        "<b>0–5 min</b>   Se présenter : prénom, métier, entreprise, un objet fabriqué à faire passer.\n"
        "<b>5–15 min</b>  Le questionnaire « avant » sur les téléphones (QR code au tableau).\n"
        "<b>15–30 min</b> Mon parcours et ma journée, avec des photos de mon poste.\n"
        "<b>30–45 min</b> Les clichés : les élèves les disent, on y répond ensemble.\n"
        "<b>45–50 min</b> Les questions de la classe.\n"
        "<b>50–55 min</b> Le questionnaire « après », et une prochaine étape : stage de 3e, portes ouvertes.\n\n"
        "À prévoir : l’accord de l’établissement pour les photos, le lien du questionnaire, "
        "un objet ou une pièce à montrer, les dates des prochaines portes ouvertes.";
    pango_layout_set_markup(layout.get(), markup, -1);
    std::unique_ptr<PangoFontDescription, decltype(&pango_font_description_free)> font(
        pango_font_description_from_string("Sans 11"), &pango_font_description_free);
    pango_layout_set_font_description(layout.get(), font.get());
    cairo_move_to(cr.get(), kMargin, kMargin);
    pango_cairo_show_layout(cr.get(), layout.get());
    cairo_show_page(cr.get());
  }
  cairo_surface_finish(surface.get());
  return bytes;
}

struct Resource {
  std::string title, kind, url, description, tags;
  bool pdf = false;
};

std::vector<Resource> resources_for(const std::string& slug) {
  const std::string onisep =
      "https://www.onisep.fr/Equipes-educatives/Egalite-filles-garcons/Les-sciences-de-l-ingenieur-au-feminin";
  std::vector<Resource> v = {
      {"Les sciences de l’ingénieur au féminin (Onisep)", "link", onisep,
       "Ressources de l’Onisep pour les équipes éducatives sur l’égalité filles-garçons en sciences de l’ingénieur.",
       "orientation, egalite, lycee"},
      {"Déroulé d’une intervention de 55 minutes", "document", "",
       "Le plan minute par minute d’une intervention en 4e ou en 3e, questionnaires avant/après compris.",
       "college, deroule, cliches", true},
      {"Fiches métiers de l’industrie (Onisep)", "link", "https://www.onisep.fr/",
       "Pour préparer la « prochaine étape » donnée aux élèves à la fin d’une intervention.", "orientation, metiers"},
      {"Une journée de technicienne de maintenance (vidéo de démonstration)", "video",
       "https://video.passerelles.example/w/journee-technicienne-maintenance",
       "Trois minutes à montrer en classe avant de présenter votre propre journée.", "video, maintenance, college"},
  };
  if (slug == "cmq-msi-bfc") {
    v.push_back({"Campagne « Femmes et Microtechniques » (2019)", "document",
                 "http://msi.cmq-bfc.org/2019/03/08/femmes-et-microtechniques/",
                 "La campagne de 58 portraits de femmes de la filière, point de départ du collectif.",
                 "portraits, microtechnique, cliches"});
    v.push_back({"Les affiches des 58 portraits", "slides",
                 "http://msi.cmq-bfc.org/wp-content/uploads/2019/05/FemmesEtMicrotechniques_affiches_all.pdf",
                 "Toutes les affiches de la campagne en un PDF, à projeter ou à imprimer.", "portraits, affiches"});
  } else {
    v.push_back({"Capital Filles", "link", "https://www.capitalfilles.fr/page/340527-accueil",
                 "L’association partenaire du territoire pour le marrainage de lycéennes.", "mentorat, lycee"});
    v.push_back({"Verr’Elles, réseau de femmes dans une verrerie", "link", "http://linkedin.com/company/verrelles/",
                 "L’exemple d’un réseau de femmes d’entreprise qui intervient dans les établissements scolaires.",
                 "reseau, verre, cliches"});
  }
  return v;
}

// The first organisation of `kind` in the territory: id and name (0 when none).
std::pair<long long, std::string> first_org(store::Store& s, long long territory_id, const std::string& kind) {
  return s.read([&](soci::session& sql) {
    soci::row r;
    sql << "SELECT id, name FROM organisations WHERE territory_id = :t AND kind = :k ORDER BY id LIMIT 1",
        soci::use(territory_id), soci::use(kind), soci::into(r);
    if (!sql.got_data()) return std::pair<long long, std::string>{0, ""};
    return std::pair<long long, std::string>{store::col_ll(r, 0), store::col_str(r, 1)};
  });
}

store::Author author(store::Store& s, const std::string& email) {
  auto u = store::user_by_email(s, email);
  if (!u) return {0, "démo"};
  return {u->id, u->display_name.empty() ? u->email : u->display_name};
}

// The page and its later versions, each by the ambassador or the coordinator; nothing when it is already there.
void write_page(store::Store& s, long long territory_id, const std::string& title, const std::vector<Version>& versions,
                const store::Author& ambassador, const store::Author& coordinator) {
  const std::string slug = domain::kit_page_slug(title);
  if (store::kit_page(s, territory_id, slug)) return;
  std::string body = versions.front().body;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const auto& v = versions[i];
    for (const auto& [from, to] : v.changes)
      if (auto at = body.find(from); at != std::string::npos) body.replace(at, from.size(), to);
    const store::Author& by = v.by_coordinator ? coordinator : ambassador;
    if (i == 0)
      store::insert_kit_page(s, territory_id, title, body, v.summary, by);
    else
      store::update_kit_page(s, territory_id, slug, title, body, v.summary, static_cast<int>(i), by);
  }
}

// The active members of the territory, by last name (empty when the collective's demo has not run).
std::vector<domain::Ambassador> active_members(store::Store& s, long long territory_id) {
  store::AmbassadorFilter f;
  f.territory_id = territory_id;
  f.status = "active";
  f.per_page = store::kMaxPerPage;
  return store::ambassadors_matching(s, f).rows;
}

}  // namespace

void demo_kit(store::Store& s, std::ostream& out) {
  for (const std::string slug : {"cmq-msi-bfc", "ti-flandre-saint-omer"}) {
    auto t = store::territory_by_slug(s, slug);
    if (!t) continue;
    store::ensure_default_kit(s, t->id);
    store::Author ambassador = author(s, "ambassadrice@" + slug + ".demo");
    store::Author coordinator = author(s, "coordinatrice@" + slug + ".demo");
    write_page(s, t->id, "Mon discours en 5 minutes", speech_versions(), ambassador, coordinator);
    write_page(s, t->id, "Questions fréquentes des élèves", questions_versions(), ambassador, coordinator);

    int resources = 0;
    if (store::kit_resources(s, t->id).empty()) {
      for (const auto& r : resources_for(slug)) {
        store::KitResource k;
        k.territory_id = t->id;
        k.title = r.title;
        k.kind = r.kind;
        k.url = r.url;
        k.description = r.description;
        k.tags = domain::parse_tags(r.tags);
        if (r.pdf) {
          auto file = store::store_file(s, t->id, "deroule-intervention-55-minutes.pdf", intervention_pdf(),
                                        {"application/pdf"}, "file", coordinator);
          if (!file.errors.empty()) continue;
          k.file_id = file.id;
        }
        resources += store::insert_kit_resource(s, k, r.pdf ? coordinator : ambassador).ok() ? 1 : 0;
      }
    }

    int networks = 0, members = 0, linked = 0;
    if (store::networks_of(s, t->id).empty()) {
      auto company = first_org(s, t->id, "company");
      auto school = first_org(s, t->id, "school");
      store::Network company_network;
      company_network.territory_id = t->id;
      company_network.organisation_id = company.first;
      company_network.name = "Réseau de femmes — " + (company.first ? company.second : std::string("entreprise"));
      company_network.description =
          "Les salariées de l’entreprise qui témoignent dans les collèges et lycées du territoire, accueillent des "
          "visites et marrainent des apprenties. Réseau de démonstration.";
      store::Network school_network;
      school_network.territory_id = t->id;
      school_network.organisation_id = school.first;
      school_network.name = "Filles & Sciences — " + (school.first ? school.second : std::string("établissement"));
      school_network.description =
          "Un groupe d’anciennes élèves et d’enseignantes qui organise des rencontres avec des femmes de l’industrie "
          "pour les élèves de l’établissement. Groupe de démonstration.";
      school_network.is_public = false;
      long long company_id = store::insert_network(s, company_network, coordinator).id;
      long long school_id = store::insert_network(s, school_network, coordinator).id;
      networks = (company_id ? 1 : 0) + (school_id ? 1 : 0);

      // Members: the demo ambassador account leads the company network; the fifth member belongs to both.
      auto people = active_members(s, t->id);
      long long demo_ambassador = 0;
      if (auto a = ambassador.user_id ? store::ambassador_of_user(s, ambassador.user_id) : std::nullopt)
        demo_ambassador = a->status == "active" ? a->id : 0;
      std::vector<long long> ids;
      if (demo_ambassador) ids.push_back(demo_ambassador);
      for (const auto& a : people)
        if (a.id != demo_ambassador && ids.size() < 8) ids.push_back(a.id);
      for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i < 5 && company_id)
          members +=
              store::add_network_member(s, t->id, company_id, ids[i], i == 0 ? "lead" : "member", coordinator).ok();
        if (i >= 4 && school_id)
          members +=
              store::add_network_member(s, t->id, school_id, ids[i], i == 4 ? "lead" : "member", coordinator).ok();
      }
      // Actions: three recent validated ones for the company network, two for the school group.
      store::ActionFilter af;
      af.status = "validated";
      af.per_page = 5;
      auto actions = store::actions_matching(s, t->id, af).rows;
      for (std::size_t i = 0; i < actions.size(); ++i) {
        long long network = i < 3 ? company_id : school_id;
        if (network) linked += store::add_network_action(s, t->id, network, actions[i].id, coordinator).ok();
      }
    }
    out << "demo: kit of " << slug << ": " << store::kit_pages(s, t->id).size() << " pages, " << resources
        << " resources added, " << networks << " networks with " << members << " memberships and " << linked
        << " actions\n";
  }
}

}  // namespace passerelles::cli
