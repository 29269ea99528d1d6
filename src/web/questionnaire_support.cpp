// Questionnaire and free-text answer page helpers: the edition form's rows, display values, the answers' filter.
#include "web/questionnaire_support.hpp"

#include <algorithm>
#include <climits>

#include "domain/action.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "report/indicators_export.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"

namespace passerelles::web {

namespace {

constexpr std::size_t kMaxRows = 200;  // question rows read from one form
constexpr int kBlankRows = 3;
constexpr int kAnswersPerPage = 50;
constexpr std::size_t kMaxQuery = 200;
constexpr std::size_t kMaxTheme = 60;

// Form fields' ids start with "qf-".
const std::string kIdPrefix = "qf-";

// "a\r\nb\n\nc" -> {"a", "b", "", "c"} (empty lines are dropped by domain::normalise).
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(domain::trim(text.substr(start, end - start)));
    start = end + 1;
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

std::string joined_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

// "q3_text" -> {3, "text"}; nullopt for another key.
std::optional<std::pair<std::size_t, std::string>> question_key(const std::string& key) {
  if (key.size() < 4 || key[0] != 'q') return std::nullopt;
  auto underscore = key.find('_');
  if (underscore == std::string::npos || underscore == 1) return std::nullopt;
  int i = parse_int(key.substr(1, underscore - 1), -1);
  if (i < 0) return std::nullopt;
  return std::make_pair(static_cast<std::size_t>(i), key.substr(underscore + 1));
}

// The validation's keys (q<i>_<field>, i = index among the questions) moved to the rows the questions came from
// (row<N>_<field>). A code is derived from the statement, so its error is shown next to the statement.
domain::Errors errors_by_row(const QuestionnaireInput& in, const domain::Errors& e) {
  domain::Errors out;
  for (const auto& [key, message] : e) {
    auto q = question_key(key);
    if (!q || q->first >= in.row_of.size()) {
      out[key] = message;
      continue;
    }
    std::string row = "row" + std::to_string(in.row_of[q->first]) + "_";
    std::string field = q->second == "code" ? "text" : q->second;
    out.emplace(row + field, message);  // a statement's own error wins over its code's
  }
  return out;
}

FieldLabels questionnaire_labels(std::size_t rows) {
  FieldLabels l = {{"title", "Titre"},
                   {"intro", "Introduction"},
                   {"audience", "Public"},
                   {"pre_post", "Répondu avant et après l’action"},
                   {"questions", "Questions"}};
  for (std::size_t n = 0; n < rows; ++n) {
    std::string row = "row" + std::to_string(n), line = "Question " + std::to_string(n + 1);
    l.push_back({row + "_text", line + ", énoncé", row + "-text"});
    l.push_back({row + "_kind", line + ", type de réponse", row + "-kind"});
    l.push_back({row + "_options", line + ", choix proposés", row + "-options"});
    l.push_back({row + "_position", line + ", ordre", row + "-position"});
  }
  return l;
}

std::string first_value(const std::multimap<std::string, std::string>& values, const std::string& name) {
  auto it = values.find(name);
  return it == values.end() ? std::string() : domain::trim(it->second);
}

}  // namespace

// ---- questionnaires -----------------------------------------------------------------------------------------

QuestionnaireInput questionnaire_from_form(const http::Request& r, const domain::Questionnaire& stored) {
  QuestionnaireInput in;
  domain::Questionnaire q = stored;
  q.title = r.form("title");
  q.intro = r.form("intro");
  q.audience = r.form("audience");
  q.pre_post = r.form("pre_post") == "1";
  q.questions.clear();

  struct Placed {
    long long position;
    std::size_t row;
  };
  std::vector<Placed> order;
  for (std::size_t n = 0; n < kMaxRows; ++n) {
    std::string p = "q" + std::to_string(n) + "_";
    if (r.form_all(p + "id").empty() && r.form_all(p + "text").empty() && r.form_all(p + "kind").empty()) continue;
    QuestionRow row;
    long long id = parse_id(r.form(p + "id"));
    bool known = std::any_of(stored.questions.begin(), stored.questions.end(),
                             [&](const domain::SurveyQuestion& sq) { return sq.id == id; });
    row.id = id > 0 && known ? id : 0;
    row.text = r.form(p + "text");
    row.kind = r.form(p + "kind");
    row.options = r.form(p + "options");
    row.position = domain::trim(r.form(p + "position"));
    row.required = r.form(p + "required") == "1";
    row.remove = row.id != 0 && r.form(p + "remove") == "1";
    if (row.id == 0 && domain::trim(row.text).empty() && domain::trim(row.options).empty()) continue;  // blank
    std::size_t index = in.rows.size();
    in.rows.push_back(row);
    if (row.remove) continue;
    long long position = LLONG_MAX;  // after the others, in the order of the rows
    if (!row.position.empty()) {
      int v = parse_int(row.position, -1);
      if (v < 0 || v > 10000)
        in.errors["row" + std::to_string(index) + "_position"] =
            "Indiquez l’ordre de la question par un nombre entier positif, ou laissez vide pour la placer à la fin.";
      else
        position = v;
    }
    order.push_back({position, index});
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const Placed& a, const Placed& b) { return a.position < b.position; });
  for (const auto& placed : order) {
    const QuestionRow& row = in.rows[placed.row];
    domain::SurveyQuestion sq;
    sq.id = row.id;
    sq.position = static_cast<int>(q.questions.size()) + 1;
    for (const auto& old : stored.questions)
      if (old.id == row.id && row.id != 0) sq.code = old.code;
    sq.kind = row.kind;
    sq.text = row.text;
    sq.options = lines_of(row.options);
    sq.required = row.required;
    q.questions.push_back(std::move(sq));
    in.row_of.push_back(placed.row);
  }
  in.questionnaire = std::move(q);
  return in;
}

QuestionnaireInput questionnaire_input(const domain::Questionnaire& q) {
  QuestionnaireInput in;
  in.questionnaire = q;
  for (const auto& sq : q.questions) {
    in.row_of.push_back(in.rows.size());
    in.rows.push_back(
        {sq.id, sq.text, sq.kind, joined_lines(sq.options), std::to_string(sq.position), sq.required, false});
  }
  return in;
}

http::Response questionnaire_form(Ctx& c, const QuestionnaireInput& in, const domain::Errors& errors, int status) {
  const domain::Questionnaire& q = in.questionnaire;
  domain::Errors e = errors_by_row(in, errors);
  for (const auto& [key, message] : in.errors) e.emplace(key, message);
  std::string base = "/questionnaires/" + std::to_string(q.id);
  Data d;
  d.set("id", std::to_string(q.id));
  d.set("action", base + "/modifier");
  d.set("cancel_url", base);
  d.set("title", field(q.title, e, "title"));
  d.set("intro", field(q.intro, e, "intro"));
  d.set("audience", field("", e, "audience"));
  d.set("audiences", choice_list(domain::survey_audiences(), q.audience));
  d.set("pre_post", q.pre_post);
  set_error(d, e, "pre_post");
  set_error(d, e, "questions");

  std::vector<QuestionRow> rows = in.rows;
  for (int n = 0; n < kBlankRows; ++n) rows.push_back({0, "", "scale", "", "", false, false});
  List row_list;
  for (std::size_t n = 0; n < rows.size(); ++n) {
    const QuestionRow& row = rows[n];
    std::string key = "row" + std::to_string(n) + "_";
    Data item;
    item.set("n", std::to_string(n));
    item.set("line", std::to_string(n + 1));
    item.set("existing", row.id != 0);
    if (row.id != 0) item.set("question_id", std::to_string(row.id));
    item.set("text", field(row.text, e, key + "text"));
    item.set("kind", field("", e, key + "kind"));
    item.set("kinds", choice_list(domain::question_kinds(), row.kind));
    item.set("options", field(row.options, e, key + "options"));
    item.set("position", field(row.position, e, key + "position"));
    item.set("required", row.required);
    item.set("remove", row.remove);
    row_list.push_back(item);
  }
  d.set("rows", row_list);
  d.set("question_count", std::to_string(in.rows.size()));
  set_error_summary(d, e, kIdPrefix, questionnaire_labels(rows.size()));
  return c.page("questionnaire_form", "Modifier le questionnaire", d, status);
}

Data questionnaire_data(const domain::Questionnaire& q) {
  Data d;
  d.set("id", std::to_string(q.id));
  d.set("title", q.title);
  set_text(d, "intro", q.intro);
  d.set("audience_label", std::string(domain::survey_audience_label(q.audience)));
  d.set("for_pupils", q.audience == "pupils");
  d.set("pre_post", q.pre_post);
  d.set("archived", q.archived);
  d.set("question_count", std::to_string(q.questions.size()));
  d.set("questions_label",
        q.questions.size() == 1 ? std::string("1 question") : std::to_string(q.questions.size()) + " questions");
  List questions;
  for (std::size_t i = 0; i < q.questions.size(); ++i) {
    const auto& sq = q.questions[i];
    Data item;
    std::string qid = "apercu-" + std::to_string(i + 1);
    item.set("qid", qid);
    item.set("line", std::to_string(i + 1));
    item.set("text", sq.text);
    std::string_view kind = domain::choice_label(domain::question_kinds(), sq.kind);
    item.set("kind_label", kind.empty() ? sq.kind : std::string(kind));
    item.set("required", sq.required);
    item.set("is_radio", sq.kind == "scale" || sq.kind == "single");
    item.set("is_multiple", sq.kind == "multiple");
    item.set("is_text", sq.kind == "text");
    List options;
    if (sq.kind == "scale") {
      for (const auto& ch : domain::agreement_scale())
        options.push_back(Data("label", std::string(ch.code) + " — " + std::string(ch.label)));
      options.push_back(Data("label", std::string("Je ne sais pas")));
    } else {
      for (const auto& o : sq.options) options.push_back(Data("label", o));
    }
    for (std::size_t k = 0; k < options.size(); ++k) options[k].set("oid", qid + "-" + std::to_string(k + 1));
    item.set("options", options);
    questions.push_back(item);
  }
  d.set("questions", questions);
  d.set("has_questions", !questions.empty());
  return d;
}

// ---- free-text answers --------------------------------------------------------------------------------------

AnswerFilter answer_filter(const std::multimap<std::string, std::string>& values, domain::Errors& errors) {
  AnswerFilter f;
  f.query = first_value(values, "q");
  if (!domain::valid_utf8(f.query) || domain::utf8_length(f.query) > kMaxQuery) {
    errors["q"] = "La recherche contient des caractères invalides ou est trop longue (200 caractères au plus).";
    f.query.clear();
  }
  f.audience = first_value(values, "public");
  if (!f.audience.empty() && domain::survey_audience_label(f.audience).empty()) {
    errors["public"] = "Choisissez un public de la liste.";
    f.audience.clear();
  }
  f.theme = first_value(values, "theme");
  if (!domain::valid_utf8(f.theme) || domain::utf8_length(f.theme) > kMaxTheme) {
    errors["theme"] = "Choisissez un thème de la liste.";
    f.theme.clear();
  }
  bool period_ok = true;
  for (auto [name, bound] : {std::pair{"du", &f.from_month}, std::pair{"au", &f.to_month}}) {
    std::string v = first_value(values, name);
    if (v.empty()) continue;
    if (auto m = report::month_of(v)) {
      *bound = *m;
    } else {
      errors[name] = "Indiquez un mois au format AAAA-MM (par exemple 2025-01).";
      period_ok = false;
    }
  }
  if (period_ok && !f.from_month.empty() && !f.to_month.empty() && f.to_month < f.from_month) {
    errors["au"] = "La fin de la période précède son début.";
    period_ok = false;
  }
  if (!period_ok) {
    f.from_month.clear();
    f.to_month.clear();
  }
  f.page = std::clamp(parse_int(first_value(values, "page"), 1), 1, 100000);
  return f;
}

std::string answer_query(const AnswerFilter& f) {
  std::string q;
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) q += std::string(q.empty() ? "" : "&") + name + "=" + http::url_encode(value);
  };
  add("q", f.query);
  add("public", f.audience);
  add("theme", f.theme);
  add("du", f.from_month);
  add("au", f.to_month);
  if (f.page > 1) add("page", std::to_string(f.page));
  return q;
}

AnswerFilter answer_filter_of_post(const http::Request& r) {
  domain::Errors ignored;
  return answer_filter(http::parse_form(r.form("suite")), ignored);
}

std::string answers_url(const AnswerFilter& f, const std::string& msg, long long answer_id) {
  std::string query = answer_query(f);
  return "/retours?" + query + (query.empty() ? "" : "&") + "msg=" + msg + "#reponse-" + std::to_string(answer_id);
}

http::Response answers_page(Ctx& c, const AnswerFilter& filter, const domain::Errors& filter_errors, int status,
                            const AnswerNotice& notice) {
  AnswerFilter f = filter;
  store::SurveyScope scope;
  scope.territory_id = c.territory_id();
  scope.audience = f.audience;
  scope.from_month = f.from_month;
  scope.to_month = f.to_month;
  auto found = store::text_answers(c.app.store, scope, f.query, f.theme, f.page, kAnswersPerPage);
  long long pages = std::max<long long>(1, (found.total + kAnswersPerPage - 1) / kAnswersPerPage);
  if (f.page > pages && found.total > 0) {  // past the last page: the last one
    f.page = static_cast<int>(pages);
    found = store::text_answers(c.app.store, scope, f.query, f.theme, f.page, kAnswersPerPage);
  }
  std::string suite = answer_query(f);

  Data d;
  d.set("q", field(f.query, filter_errors, "q"));
  d.set("public", field("", filter_errors, "public"));
  d.set("theme", field("", filter_errors, "theme"));
  d.set("du", field(f.from_month, filter_errors, "du"));
  d.set("au", field(f.to_month, filter_errors, "au"));
  d.set("audiences", choice_list(domain::survey_audiences(), f.audience));
  List themes;
  for (const auto& [theme, count] : store::answer_themes(c.app.store, c.territory_id())) {
    Data item;
    item.set("theme", theme);
    item.set("count", std::to_string(count));
    item.set("selected", theme == f.theme);
    themes.push_back(item);
  }
  d.set("themes", themes);
  Data filters;
  set_error_summary(
      filters, filter_errors, "retours-",
      {{"q", "Recherche"}, {"public", "Public"}, {"theme", "Thème"}, {"du", "Du mois"}, {"au", "Au mois"}},
      "Certains filtres n’ont pas été appliqués");
  d.set("filters", filters);

  List answers;
  for (const auto& a : found.answers) {
    Data item;
    std::string id = std::to_string(a.id);
    item.set("id", id);
    item.set("day", domain::format_day_fr(a.day));
    item.set("audience_label", std::string(domain::survey_audience_label(a.audience)));
    if (!a.level.empty()) item.set("level_label", std::string(domain::class_level_label(a.level)));
    if (a.phase == "pre" || a.phase == "post")
      item.set("phase_label", std::string(domain::survey_phase_label(a.phase)));
    item.set("question", a.question);
    item.set("text", a.text);
    List tags;
    for (const auto& t : a.themes) {
      Data tag("theme", t);
      tag.set("url", "/retours?theme=" + http::url_encode(t));
      tags.push_back(tag);
    }
    item.set("tags", tags);
    item.set("has_tags", !tags.empty());
    item.set("themes_value", domain::join(a.themes, ", "));
    item.set("quoted", a.quoted);
    bool adult = a.audience != "pupils";
    item.set("can_quote", !a.quoted && (!adult || a.quote_consent));
    item.set("no_consent", !a.quoted && adult && !a.quote_consent);
    item.set("suite", suite);
    if (notice.answer_id == a.id) {
      item.set("themes_value", notice.themes.empty() ? domain::join(a.themes, ", ") : notice.themes);
      set_error(item, notice.errors, "themes");
      set_error(item, notice.errors, "quote");
      if (notice.errors.count("quote")) item.set("can_quote", false);
    }
    answers.push_back(item);
  }
  d.set("answers", answers);
  d.set("has_answers", !answers.empty());
  bool filtered =
      !f.query.empty() || !f.audience.empty() || !f.theme.empty() || !f.from_month.empty() || !f.to_month.empty();
  d.set("count_label", found.total == 0   ? std::string(filtered ? "Aucune réponse ne correspond à ces critères."
                                                                 : "Aucune réponse libre pour l’instant.")
                       : found.total == 1 ? std::string("1 réponse")
                                          : std::to_string(found.total) + " réponses");
  AnswerFilter at = f;
  set_pagination(c, d, f.page, pages, [&](long long n) {
    at.page = static_cast<int>(n);
    return "/retours?" + answer_query(at);
  });
  if (notice.answer_id) {
    std::string prefix = "reponse-" + std::to_string(notice.answer_id) + "-";
    set_error_summary(d, notice.errors, prefix, {{"themes", "Thèmes"}, {"quote", "Citation"}},
                      "La modification n’a pas été enregistrée");
  }
  return c.page("answer_list", "Réponses libres", d, status);
}

}  // namespace passerelles::web
