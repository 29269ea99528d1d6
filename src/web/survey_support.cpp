// Survey pages' shared code: the public form, its "already answered" cookie, short links, and the results.
#include "web/survey_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "domain/action.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "report/charts.hpp"
#include "report/indicators_export.hpp"
#include "web/form_support.hpp"

namespace passerelles::web {

namespace {

constexpr int kAnsweredCookieDays = 180;

std::string cookie_name(const std::string& token) {
  return "pq_" + token;
}

}  // namespace

std::string survey_short_url(const Ctx& c, const std::string& token) {
  return c.app.cfg.base_url() + "/q/" + token;
}

std::vector<std::string> phases_answered(const Ctx& c, const std::string& token) {
  std::vector<std::string> out;
  for (const auto& p : domain::split_list(c.req.cookie(cookie_name(token)), '.'))
    if (p == "pre" || p == "post" || p == "single") out.push_back(p);
  return out;
}

std::string answered_cookie(const Ctx& c, const std::string& token, const std::vector<std::string>& phases) {
  std::string value = domain::join(phases, ".");
  // Scoped to the link's own path: sent back only to this form, and it holds no identifier.
  std::string cookie = http::set_cookie(cookie_name(token), value, kAnsweredCookieDays * 86400, c.app.secure_cookies);
  auto at = cookie.find("Path=/");
  if (at != std::string::npos) cookie.replace(at, 6, "Path=/q/" + token);
  return cookie;
}

std::string survey_closed_notice(const Ctx& c, const std::string& token, const std::string& phase) {
  if (phase == "closed") return "Ce questionnaire est fermé : il ne reçoit plus de réponse. Merci !";
  auto done = phases_answered(c, token);
  if (std::find(done.begin(), done.end(), phase) == done.end()) return "";
  if (phase == "pre")
    return "Tu as déjà répondu avant l’intervention. Merci ! Tu pourras répondre à nouveau après l’intervention, "
           "avec le même lien.";
  return "Tu as déjà répondu à ce questionnaire depuis cet appareil. Merci !";
}

bool can_run_surveys(const Ctx& c) {
  if (!c.actor || !c.territory_id()) return false;
  return c.actor->can_edit_directory() || c.actor->user.role == domain::Role::ambassador;
}

http::Response survey_form_page(Ctx& c, const store::SurveyLink& l, const domain::Questionnaire& q,
                                const domain::SurveySubmission* typed, const domain::Errors& e, int status,
                                const std::string& notice, bool open) {
  Data d;
  d.set("css_survey", c.app.assets.url("/static/survey.css"));
  d.set("title", q.title);
  std::string context = std::string(domain::action_kind_label(l.action_kind));
  if (!l.action_day.empty()) context += " · " + domain::format_day_fr(l.action_day);
  if (!l.action_place.empty()) context += " · " + l.action_place;
  d.set("context", context);
  if (l.pre_post && (l.phase == "pre" || l.phase == "post"))
    d.set("phase_label", l.phase == "pre" ? "Avant l’intervention" : "Après l’intervention");
  set_text(d, "notice", notice);
  d.set("open", open);
  set_text(d, "intro", q.intro);
  d.set("action", "/q/" + l.token);
  d.set("phase", l.phase);
  d.set("pupils", q.audience == "pupils");
  d.set("pre_post", q.pre_post);

  bool has_scale = false, has_text = false;
  List questions;
  int number = 0;
  for (const auto& qu : q.questions) {
    ++number;
    Data item;
    std::string name = "q" + std::to_string(qu.id);
    item.set("name", name);
    item.set("number", std::to_string(number));
    item.set("text", qu.text);
    item.set("required", qu.required);
    if (auto it = e.find(name); it != e.end()) item.set("error", it->second);
    const domain::SubmittedAnswer* sent = nullptr;
    if (typed)
      for (const auto& a : typed->answers)
        if (a.question_id == qu.id) sent = &a;
    if (qu.kind == "scale") {
      has_scale = true;
      item.set("is_scale", true);
      List scale;
      for (const auto& s : domain::agreement_scale()) {
        Data o;
        o.set("value", std::string(s.code));
        o.set("short", std::string(s.code));
        o.set("label", std::string(s.label));
        o.set("checked", sent && sent->value && std::to_string(*sent->value) == s.code);
        scale.push_back(o);
      }
      Data dk;
      dk.set("value", "nsp");
      dk.set("short", "?");
      dk.set("label", "Je ne sais pas");
      dk.set("checked", sent && sent->answered && !sent->value);
      scale.push_back(dk);
      item.set("scale", scale);
    } else if (qu.kind == "single" || qu.kind == "multiple") {
      item.set("is_choice", true);
      item.set("multiple", qu.kind == "multiple");
      List options;
      for (std::size_t i = 0; i < qu.options.size(); ++i) {
        Data o;
        o.set("name", name);
        o.set("input_type", qu.kind == "multiple" ? "checkbox" : "radio");
        o.set("value", std::to_string(i));
        o.set("label", qu.options[i]);
        bool checked = false;
        if (sent)
          for (const auto& ch : sent->choices) checked = checked || ch == qu.options[i];
        o.set("checked", checked);
        options.push_back(o);
      }
      item.set("options", options);
    } else {
      has_text = true;
      item.set("is_text", true);
      if (sent) set_text(item, "value", sent->text);
    }
    questions.push_back(item);
  }
  d.set("questions", questions);
  d.set("has_scale", has_scale);
  d.set("adults_with_text", q.audience != "pupils" && has_text);
  d.set("quote_consent", typed && typed->quote_consent);

  List genders;
  for (const auto& g : domain::respondent_genders()) {
    Data o;
    o.set("code", std::string(g.code));
    o.set("label", std::string(g.label));
    o.set("checked", typed && typed->gender == g.code);
    genders.push_back(o);
  }
  d.set("genders", genders);
  d.set("levels", choice_list(domain::class_levels(), typed ? typed->level : ""));
  if (typed) set_text(d, "code", typed->code);
  set_error(d, e, "gender");
  set_error(d, e, "level");
  set_error(d, e, "code");

  // The error summary: one link per message, to its question.
  if (!e.empty()) {
    d.set("has_errors", true);
    List list;
    number = 0;
    for (const auto& qu : q.questions) {
      ++number;
      std::string name = "q" + std::to_string(qu.id);
      if (auto it = e.find(name); it != e.end()) {
        Data x;
        x.set("id", "f-" + name);
        x.set("label", "Question " + std::to_string(number));
        x.set("message", it->second);
        list.push_back(x);
      }
    }
    for (const auto& [field, label] : std::vector<std::pair<std::string, std::string>>{
             {"code", "Code secret"}, {"gender", "Tu es"}, {"level", "Ta classe"}}) {
      if (auto it = e.find(field); it != e.end()) {
        Data x;
        x.set("id", field == "level" ? "level" : "f-" + field);
        x.set("label", label);
        x.set("message", it->second);
        list.push_back(x);
      }
    }
    if (auto it = e.find("phase"); it != e.end()) {
      Data x;
      x.set("id", "contenu");
      x.set("label", "Questionnaire");
      x.set("message", it->second);
      list.push_back(x);
    }
    d.set("error_list", list);
  }

  http::Response r = http::Response::html(c.app.templates.render("survey_form", d), status);
  // Nothing of this page may be cached by a shared device's browser history as a form with answers.
  r.header("Cache-Control", "no-store");
  return r;
}

Data survey_results_data(Ctx& c, const store::SurveyScope& scope, bool with_details) {
  Data d;
  auto counts = store::response_counts(c.app.store, scope);
  d.set("n_pre", report::format_count(counts.pre));
  d.set("n_post", report::format_count(counts.post));
  d.set("n_single", report::format_count(counts.single));
  d.set("n_linked", report::format_count(counts.linked));
  d.set("has_single", counts.single > 0);
  auto stats = domain::survey_stats(store::scale_answers(c.app.store, scope));
  auto texts = store::scale_question_texts(c.app.store, scope);
  d.set("has_results", !stats.empty());
  List statements;
  std::vector<report::BeforeAfter> chart;
  bool any_small = false;
  for (const auto& st : stats) {
    Data row;
    std::string text = texts.count(st.question) ? texts[st.question] : st.question;
    row.set("text", text);
    row.set("n_pre", report::format_count(st.n_pre));
    row.set("n_post", report::format_count(st.n_post));
    bool pre_shown = st.n_pre >= domain::kMinShownGroup, post_shown = st.n_post >= domain::kMinShownGroup;
    bool both = pre_shown && post_shown;
    report::BeforeAfter ba{text, std::nullopt, std::nullopt};
    if (pre_shown && st.agree_pre) {
      row.set("agree_pre", report::format_share(*st.agree_pre));
      ba.before = st.agree_pre;
    }
    if (post_shown && st.agree_post) {
      row.set("agree_post", report::format_share(*st.agree_post));
      ba.after = st.agree_post;
    }
    if (pre_shown && st.mean_pre) row.set("mean_pre", report::format_decimal(*st.mean_pre, 2));
    if (post_shown && st.mean_post) row.set("mean_post", report::format_decimal(*st.mean_post, 2));
    if (both) {
      if (st.agree_diff) row.set("diff", report::format_points(*st.agree_diff));
      if (st.agree_diff_ci95)
        row.set("ci", "[" + report::format_points(st.agree_diff_ci95->first) + " ; " +
                          report::format_points(st.agree_diff_ci95->second) + "]");
      if (st.two_prop_p) row.set("z_p", report::format_p_value(*st.two_prop_p));
      if (st.welch_p) row.set("welch_p", report::format_p_value(*st.welch_p));
      if (st.mannwhitney_p) row.set("mw_p", report::format_p_value(*st.mannwhitney_p));
      if (st.cohen_h) row.set("cohen_h", report::format_decimal(*st.cohen_h, 2));
      if (st.cohen_d) row.set("cohen_d", report::format_decimal(*st.cohen_d, 2));
      if (st.paired_n >= domain::kMinShownGroup) {
        row.set("paired_n", report::format_count(st.paired_n));
        if (st.wilcoxon_p) row.set("wilcoxon_p", report::format_p_value(*st.wilcoxon_p));
        if (st.mcnemar_p) row.set("mcnemar_p", report::format_p_value(*st.mcnemar_p));
      }
      bool significant = st.two_prop_p && *st.two_prop_p < 0.05;
      if (significant) row.set("significant", true);
    } else {
      row.set("hidden",
              "Moins de " + std::to_string(domain::kMinShownGroup) + " réponses dans une des phases : non affiché.");
    }
    if (st.small_sample && both) {
      row.set("small", true);
      any_small = true;
    }
    statements.push_back(row);
    chart.push_back(ba);
  }
  d.set("statements", statements);
  d.set("any_small", any_small);
  d.set("min_group", std::to_string(domain::kMinShownGroup));
  d.set("small_sample", std::to_string(domain::kSmallSample));
  if (!stats.empty())
    d.set("chart_svg", report::before_after_chart_svg("Part d’accord avant et après l’action, par énoncé", chart));

  if (with_details) {
    // Girls and boys apart, each only where both phases have enough answers.
    List by_gender;
    for (const auto& [code, label] :
         std::vector<std::pair<std::string, std::string>>{{"girl", "Filles"}, {"boy", "Garçons"}}) {
      store::SurveyScope g = scope;
      g.gender = code;
      auto gs = domain::survey_stats(store::scale_answers(c.app.store, g));
      List rows;
      for (const auto& st : gs) {
        Data row;
        row.set("text", texts.count(st.question) ? texts[st.question] : st.question);
        if (st.n_pre >= domain::kMinShownGroup && st.n_post >= domain::kMinShownGroup && st.agree_pre &&
            st.agree_post) {
          row.set("agree_pre", report::format_share(*st.agree_pre));
          row.set("agree_post", report::format_share(*st.agree_post));
          row.set("n", report::format_count(st.n_pre) + " / " + report::format_count(st.n_post));
        } else {
          row.set("hidden", true);
        }
        rows.push_back(row);
      }
      if (gs.empty()) continue;
      Data grp;
      grp.set("label", label);
      grp.set("rows", rows);
      by_gender.push_back(grp);
    }
    d.set("by_gender", by_gender);
    d.set("has_by_gender", !by_gender.empty());

    // Choice and single-phase scale questions: counts per option, hidden below the threshold.
    List choices;
    Data current;
    List options;
    std::string code;
    auto flush = [&]() {
      if (code.empty()) return;
      current.set("options", options);
      choices.push_back(current);
      options = List();
      current = Data();
    };
    for (const auto& cc : store::choice_counts(c.app.store, scope)) {
      if (cc.question_code != code) {
        flush();
        code = cc.question_code;
        current.set("text", cc.question_text);
        current.set("respondents", report::format_count(cc.respondents));
        current.set("shown", cc.respondents >= domain::kMinShownGroup);
      }
      Data o;
      o.set("label", cc.option);
      o.set("count", report::format_count(cc.count));
      o.set("share", cc.respondents
                         ? report::format_share(static_cast<double>(cc.count) / static_cast<double>(cc.respondents))
                         : "");
      options.push_back(o);
    }
    flush();
    d.set("choices", choices);
    d.set("has_choices", !choices.empty());
  }
  return d;
}

std::string survey_dashboard_html(Ctx& c, const store::IndicatorFilter& f, const std::string& query) {
  store::SurveyScope scope = report::survey_scope(f);
  Data d = survey_results_data(c, scope, false);
  d.set("query", query);
  List quotes;
  for (const auto& q : store::quotes_in_scope(c.app.store, scope, true, 3)) {
    Data x;
    x.set("text", q.text);
    x.set("attribution", q.attribution);
    quotes.push_back(x);
  }
  d.set("quotes", quotes);
  d.set("has_quotes", !quotes.empty());
  return c.app.templates.render("dashboard_surveys", d);
}

}  // namespace passerelles::web
