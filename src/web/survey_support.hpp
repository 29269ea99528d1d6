// Shared by the survey pages: the public answer form (/q/TOKEN) with its "already answered" cookie, the short
// link and QR code of a link, and the before/after results shown on the results page and the dashboard.
#pragma once
#include <string>
#include <vector>

#include "domain/survey.hpp"
#include "store/indicators.hpp"
#include "store/surveys.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// "https://host/q/TOKEN": the short link printed on cards and encoded in QR codes.
std::string survey_short_url(const Ctx& c, const std::string& token);

// The notice that replaces the form of a link in `phase` (closed, or already answered from this browser), or ""
// when the visitor may answer.
std::string survey_closed_notice(const Ctx& c, const std::string& token, const std::string& phase);

// Phases this browser already answered for the link, from its cookie (no identifier: just "pre", "post"…).
std::vector<std::string> phases_answered(const Ctx& c, const std::string& token);
// The Set-Cookie value that records one more answered phase.
std::string answered_cookie(const Ctx& c, const std::string& token, const std::vector<std::string>& phases);

// The public form. `typed` holds what was sent back with errors (nullptr for a new form); `notice` replaces the
// form with a message (closed, already answered) when `open` is false.
http::Response survey_form_page(Ctx& c, const store::SurveyLink& l, const domain::Questionnaire& q,
                                const domain::SurveySubmission* typed, const domain::Errors& e, int status,
                                const std::string& notice, bool open);

// Who may attach questionnaires to an action and show its QR code: the coordinators and ambassadors of the
// territory (not funders or other readers).
bool can_run_surveys(const Ctx& c);

// Before/after results of a scope: {has_results, counts…, statements: [...], chart_svg, by_gender…, choices}.
// Groups of fewer than domain::kMinShownGroup answers show no figure.
Data survey_results_data(Ctx& c, const store::SurveyScope& scope, bool with_details);

// The dashboard's section on surveys for the indicator filter (effective period): before/after shares per statement
// for validated actions, the chart beside its table, a link to the full results, and the latest public quotes.
std::string survey_dashboard_html(Ctx& c, const store::IndicatorFilter& f, const std::string& query);

}  // namespace passerelles::web
