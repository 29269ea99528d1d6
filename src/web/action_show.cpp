// GET /actions/{id}: one action of my territory — what, when, where, for whom, how it counts, its evidence, and
// the coordinator's decision buttons.
#include "store/actions.hpp"
#include "store/surveys.hpp"
#include "web/action_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/survey_support.hpp"

namespace passerelles::web {

http::Response action_show(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto a = store::action_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!a) return c.not_found();
  Data d = action_data(*a);
  bool editor = c.actor->can_edit_directory();
  d.set("can_change", can_change(c, *a));
  d.set("can_decide", editor);
  d.set("can_attach", can_change(c, *a) || (editor && a->territory_id == c.territory_id()));

  // How the action counts (docs/counting.md), in words.
  std::string counts;
  if (!a->validated()) {
    counts = a->status == "rejected" ? "Refusée : cette action ne compte dans aucun indicateur."
                                     : "En attente de validation : elle comptera une fois validée par la coordination.";
  } else if (a->same_group_as) {
    counts = "Séance de suivi du groupe de l’action n° " + std::to_string(a->same_group_as) +
             " : elle compte comme une action, mais ses participants ne s’ajoutent pas au nombre de personnes "
             "sensibilisées (déjà comptés).";
  } else {
    long long n = a->audience.total();
    counts = "Compte pour " + std::to_string(n) + (n > 1 ? " personnes sensibilisées" : " personne sensibilisée") +
             " dans les indicateurs.";
  }
  d.set("counts", counts);

  // Questionnaires of the action: links with their phase and counts; a form to add one.
  List surveys;
  for (const auto& l : store::survey_links_of_action(c.app.store, c.territory_id(), a->id)) {
    Data item;
    item.set("id", std::to_string(l.id));
    item.set("title", l.questionnaire_title);
    item.set("phase_label", std::string(domain::survey_phase_label(l.phase)));
    item.set("responses", l.pre_post ? std::to_string(l.responses_pre) + " réponse(s) avant, " +
                                           std::to_string(l.responses_post) + " après"
                                     : std::to_string(l.responses_single) + " réponse(s)");
    surveys.push_back(item);
  }
  d.set("has_surveys", !surveys.empty());
  d.set("surveys", surveys);
  d.set("can_survey", can_run_surveys(c));
  List questionnaires;
  for (const auto& q : store::questionnaires_of(c.app.store, c.territory_id(), false)) {
    Data item;
    item.set("id", std::to_string(q.id));
    item.set("title", q.title);
    item.set("audience", std::string(domain::survey_audience_label(q.audience)));
    questionnaires.push_back(item);
  }
  d.set("has_questionnaires", !questionnaires.empty());
  d.set("questionnaires", questionnaires);

  List files;
  for (const auto& f : store::action_files(c.app.store, c.territory_id(), a->id)) {
    Data item;
    item.set("id", std::to_string(f.file_id));
    item.set("name", f.name);
    item.set("kind", f.kind == "attendance" ? std::string("Feuille d’émargement") : std::string("Photo"));
    item.set("size", std::to_string((f.size + 1023) / 1024) + " Ko");
    files.push_back(item);
  }
  d.set("files", files);
  d.set("has_files", !files.empty());
  std::string title = std::string(domain::action_kind_label(a->kind));
  return c.page("action_show", title, d);
}

}  // namespace passerelles::web
