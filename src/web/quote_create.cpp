// POST /retours/{id}/citer: quotes a free-text answer (pupils anonymously; adults only with their consent, else
// the refusal comes back next to the answer, 422).
#include "store/surveys.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/questionnaire_support.hpp"

namespace passerelles::web {

http::Response quote_create(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  long long id = c.req.param_id("id");
  AnswerFilter f = answer_filter_of_post(c.req);
  auto saved = store::quote_answer(c.app.store, c.territory_id(), id, author_of(c));
  using S = store::WriteResult::Status;
  if (saved.status == S::not_found) return c.not_found();
  if (saved.status == S::conflict) return http::Response::redirect(answers_url(f, "deja-citee", id));
  if (!saved.ok()) {
    AnswerNotice notice{id, {}, ""};
    auto it = saved.errors.find("quote");
    notice.errors["quote"] = it != saved.errors.end() ? it->second
                             : !saved.errors.empty()  ? saved.errors.begin()->second
                                                      : "Cette réponse ne peut pas être citée.";
    return answers_page(c, f, {}, status_of(saved), notice);
  }
  return http::Response::redirect(answers_url(f, "citation-ajoutee", id));
}

}  // namespace passerelles::web
