// Declarations of the page handlers; each lives in its own file named <noun>_<verb>.cpp.
#pragma once
#include "web/app.hpp"

namespace passerelles::web {

http::Response home_show(Ctx& c);
http::Response health_show(Ctx& c);
http::Response about_show(Ctx& c);
http::Response session_new(Ctx& c);
http::Response session_create(Ctx& c);
http::Response session_delete(Ctx& c);
http::Response dashboard_show(Ctx& c);
http::Response school_index(Ctx& c);
http::Response school_show(Ctx& c);
http::Response import_new(Ctx& c);
http::Response import_create(Ctx& c);
http::Response schools_api_index(Ctx& c);
http::Response schools_api_show(Ctx& c);

// Accounts (password links, profile, API tokens, users, territories, audit log).
http::Response password_reset_new(Ctx& c);
http::Response password_reset_create(Ctx& c);
http::Response password_reset_edit(Ctx& c);
http::Response password_reset_update(Ctx& c);
http::Response profile_show(Ctx& c);
http::Response password_update(Ctx& c);
http::Response api_token_create(Ctx& c);
http::Response api_token_delete(Ctx& c);
http::Response user_index(Ctx& c);
http::Response user_create(Ctx& c);
http::Response user_deactivate(Ctx& c);
http::Response territory_index(Ctx& c);
http::Response territory_create(Ctx& c);
http::Response territory_coordinator_create(Ctx& c);
http::Response audit_index(Ctx& c);

// JSON API handlers (src/api/).
http::Response openapi_show(Ctx& c);
http::Response me_show(Ctx& c);

// Directory: organisations and people of the territory (pages in src/web/, JSON API in src/api/).
http::Response organisation_index(Ctx& c);
http::Response organisation_new(Ctx& c);
http::Response organisation_create(Ctx& c);
http::Response organisation_show(Ctx& c);
http::Response organisation_edit(Ctx& c);
http::Response organisation_update(Ctx& c);
http::Response organisation_delete(Ctx& c);
http::Response organisation_merge_new(Ctx& c);
http::Response organisation_merge(Ctx& c);
http::Response person_index(Ctx& c);
http::Response person_new(Ctx& c);
http::Response person_create(Ctx& c);
http::Response person_show(Ctx& c);
http::Response person_edit(Ctx& c);
http::Response person_update(Ctx& c);
http::Response person_delete(Ctx& c);
http::Response person_merge_new(Ctx& c);
http::Response person_merge(Ctx& c);
http::Response organisations_api_index(Ctx& c);
http::Response organisations_api_create(Ctx& c);
http::Response organisations_api_show(Ctx& c);
http::Response organisations_api_update(Ctx& c);
http::Response organisations_api_delete(Ctx& c);
http::Response people_api_index(Ctx& c);
http::Response people_api_create(Ctx& c);
http::Response people_api_show(Ctx& c);
http::Response people_api_update(Ctx& c);
http::Response people_api_delete(Ctx& c);

// Action plan (plan_*.cpp).
// -- plan handlers --
http::Response plan_show(Ctx& c);
http::Response plan_initiative_new(Ctx& c);
http::Response plan_initiative_create(Ctx& c);
http::Response plan_initiative_show(Ctx& c);
http::Response plan_initiative_edit(Ctx& c);
http::Response plan_initiative_update(Ctx& c);
http::Response plan_initiative_delete(Ctx& c);
http::Response plan_partnership_new(Ctx& c);
http::Response plan_partnership_create(Ctx& c);
http::Response plan_partnership_show(Ctx& c);
http::Response plan_partnership_edit(Ctx& c);
http::Response plan_partnership_update(Ctx& c);
http::Response plan_partnership_delete(Ctx& c);
http::Response plan_partnership_document(Ctx& c);
http::Response plan_funding_new(Ctx& c);
http::Response plan_funding_create(Ctx& c);
http::Response plan_funding_edit(Ctx& c);
http::Response plan_funding_update(Ctx& c);
http::Response plan_funding_delete(Ctx& c);

// Questionnaires, free-text answers and quotes (questionnaire_*.cpp, answer_*.cpp, quote_*.cpp).
// -- questionnaire handlers --
http::Response questionnaire_index(Ctx& c);
http::Response questionnaire_template_copy(Ctx& c);
http::Response questionnaire_show(Ctx& c);
http::Response questionnaire_edit(Ctx& c);
http::Response questionnaire_update(Ctx& c);
http::Response questionnaire_copy(Ctx& c);
http::Response questionnaire_archive(Ctx& c);
http::Response answer_index(Ctx& c);
http::Response answer_theme_update(Ctx& c);
http::Response quote_create(Ctx& c);
http::Response quote_index(Ctx& c);
http::Response quote_public_update(Ctx& c);
http::Response quote_delete(Ctx& c);

// Actions and files (action_*.cpp, file_show.cpp).
// -- action handlers --
http::Response action_index(Ctx& c);
http::Response action_new(Ctx& c);
http::Response action_create(Ctx& c);
http::Response action_school_options(Ctx& c);
http::Response action_show(Ctx& c);
http::Response action_edit(Ctx& c);
http::Response action_update(Ctx& c);
http::Response action_validate(Ctx& c);
http::Response action_reject(Ctx& c);
http::Response action_reopen(Ctx& c);
http::Response action_delete(Ctx& c);
http::Response action_file_create(Ctx& c);
http::Response file_show(Ctx& c);

// Surveys: public form, links with QR codes, results (survey_*.cpp).
// -- survey handlers --
http::Response survey_code_show(Ctx& c);
http::Response survey_answer_show(Ctx& c);
http::Response survey_answer_create(Ctx& c);
http::Response survey_link_create(Ctx& c);
http::Response survey_results_show(Ctx& c);
http::Response survey_link_show(Ctx& c);
http::Response survey_link_phase(Ctx& c);
http::Response survey_link_results(Ctx& c);
http::Response survey_link_asset(Ctx& c);

// Indicators: exports, report, counting rules, API (indicator_*.cpp).
// -- indicator handlers --
http::Response indicator_csv(Ctx& c);
http::Response indicator_xlsx(Ctx& c);
http::Response indicator_pdf(Ctx& c);
http::Response indicator_rules_show(Ctx& c);
http::Response indicators_api_show(Ctx& c);

// Events: the public calendar, booking and the private registration links (event_public_*.cpp, registration_*.cpp).
// -- event public handlers --
http::Response event_public_index(Ctx& c);
http::Response event_public_feed(Ctx& c);
http::Response event_public_embed(Ctx& c);
http::Response event_public_show(Ctx& c);
http::Response event_public_ics(Ctx& c);
http::Response event_public_school_options(Ctx& c);
http::Response registration_create(Ctx& c);
http::Response registration_show(Ctx& c);
http::Response registration_update(Ctx& c);
http::Response registration_confirm(Ctx& c);
http::Response registration_cancel(Ctx& c);
http::Response registration_ics(Ctx& c);

// Events: organisers' pages, attendance and the group check-in (event_*.cpp, checkin_*.cpp).
// -- event organiser handlers --
http::Response event_manage_index(Ctx& c);
http::Response event_new(Ctx& c);
http::Response event_create(Ctx& c);
http::Response event_edit(Ctx& c);
http::Response event_update(Ctx& c);
http::Response event_manage_show(Ctx& c);
http::Response event_status_update(Ctx& c);
http::Response event_delete(Ctx& c);
http::Response event_registration_cancel(Ctx& c);
http::Response event_attendance_edit(Ctx& c);
http::Response event_attendance_update(Ctx& c);
http::Response event_door_show(Ctx& c);
http::Response event_door_asset(Ctx& c);
http::Response checkin_show(Ctx& c);
http::Response checkin_create(Ctx& c);

// -- collective member handlers --
http::Response collective_show(Ctx& c);
http::Response collective_member_index(Ctx& c);
http::Response collective_invite_new(Ctx& c);
http::Response collective_invite_create(Ctx& c);
http::Response collective_member_show(Ctx& c);
http::Response collective_member_edit(Ctx& c);
http::Response collective_member_update(Ctx& c);
http::Response collective_member_invite(Ctx& c);
http::Response collective_member_decline(Ctx& c);
http::Response collective_member_erase(Ctx& c);
http::Response collective_application_new(Ctx& c);
http::Response collective_application_create(Ctx& c);
http::Response collective_job_options(Ctx& c);
http::Response collective_commune_options(Ctx& c);
http::Response collective_invitation_show(Ctx& c);
http::Response collective_invitation_accept(Ctx& c);
http::Response collective_profile_edit(Ctx& c);
http::Response collective_profile_update(Ctx& c);
http::Response collective_leave_new(Ctx& c);
http::Response collective_leave_create(Ctx& c);
http::Response collective_unsubscribe_show(Ctx& c);
http::Response collective_unsubscribe_create(Ctx& c);

// -- gallery handlers --
http::Response portrait_public_index(Ctx& c);
http::Response portrait_public_embed(Ctx& c);
http::Response portrait_public_show(Ctx& c);
http::Response portrait_public_photo(Ctx& c);
http::Response portrait_public_video(Ctx& c);
http::Response portraits_api_index(Ctx& c);

// -- portrait editing handlers --
http::Response portrait_index(Ctx& c);
http::Response portrait_new(Ctx& c);
http::Response portrait_create(Ctx& c);
http::Response portrait_edit(Ctx& c);
http::Response portrait_update(Ctx& c);
http::Response portrait_status_update(Ctx& c);
http::Response portrait_delete(Ctx& c);
http::Response portrait_photo_create(Ctx& c);
http::Response portrait_photo_delete(Ctx& c);
http::Response portrait_video_create(Ctx& c);
http::Response portrait_video_delete(Ctx& c);
http::Response portrait_preview_show(Ctx& c);
http::Response campaign_index(Ctx& c);
http::Response campaign_poster(Ctx& c);
http::Response my_portrait_edit(Ctx& c);
http::Response my_portrait_update(Ctx& c);
http::Response my_portrait_status_update(Ctx& c);
http::Response my_portrait_photo_create(Ctx& c);
http::Response my_portrait_photo_delete(Ctx& c);
http::Response portrait_poster(Ctx& c);

// -- kit handlers --
http::Response kit_index(Ctx& c);
http::Response kit_page_new(Ctx& c);
http::Response kit_page_create(Ctx& c);
http::Response kit_page_show(Ctx& c);
http::Response kit_page_edit(Ctx& c);
http::Response kit_page_update(Ctx& c);
http::Response kit_page_history(Ctx& c);
http::Response kit_revision_show(Ctx& c);
http::Response kit_resource_new(Ctx& c);
http::Response kit_resource_create(Ctx& c);
http::Response kit_resource_delete(Ctx& c);
http::Response network_index(Ctx& c);
http::Response network_new(Ctx& c);
http::Response network_create(Ctx& c);
http::Response network_show(Ctx& c);
http::Response network_edit(Ctx& c);
http::Response network_update(Ctx& c);
http::Response network_delete(Ctx& c);
http::Response network_member_create(Ctx& c);
http::Response network_member_delete(Ctx& c);
http::Response network_action_create(Ctx& c);
http::Response network_action_delete(Ctx& c);
http::Response network_join(Ctx& c);
http::Response network_leave(Ctx& c);
http::Response network_public_show(Ctx& c);

// -- request handlers (teacher) --
http::Response request_public_new(Ctx& c);
http::Response request_public_create(Ctx& c);
http::Response request_public_school_options(Ctx& c);
http::Response request_public_show(Ctx& c);
http::Response request_public_confirm(Ctx& c);
http::Response request_public_edit(Ctx& c);
http::Response request_public_update(Ctx& c);
http::Response request_public_cancel(Ctx& c);
// -- matching handlers (coordinator) --
http::Response matching_index(Ctx& c);
http::Response matching_run(Ctx& c);
http::Response matching_accept_all(Ctx& c);
http::Response matching_proposal_edit(Ctx& c);
http::Response matching_proposal_update(Ctx& c);
http::Response matching_proposal_discard(Ctx& c);
http::Response matching_request_show(Ctx& c);
http::Response matching_request_cancel(Ctx& c);
http::Response matching_weights_edit(Ctx& c);
http::Response matching_weights_update(Ctx& c);
http::Response matching_needs(Ctx& c);
// -- assignment handlers (ambassador) --
http::Response assignment_index(Ctx& c);
http::Response assignment_accept(Ctx& c);
http::Response assignment_decline(Ctx& c);
http::Response assignment_cancel(Ctx& c);
http::Response assignment_ics(Ctx& c);
http::Response assignment_report_edit(Ctx& c);
http::Response assignment_report_create(Ctx& c);
http::Response assignment_answer_show(Ctx& c);
http::Response assignment_answer_accept(Ctx& c);
http::Response assignment_answer_decline(Ctx& c);
http::Response assignment_feed(Ctx& c);
// -- mentoring handlers --
http::Response mentoring_index(Ctx& c);
http::Response mentoring_programme_new(Ctx& c);
http::Response mentoring_programme_create(Ctx& c);
http::Response mentoring_programme_show(Ctx& c);
http::Response mentoring_programme_edit(Ctx& c);
http::Response mentoring_programme_update(Ctx& c);
http::Response mentoring_matching_run(Ctx& c);
http::Response mentoring_mentor_add(Ctx& c);
http::Response mentoring_mentor_withdraw(Ctx& c);
http::Response mentoring_pair_accept(Ctx& c);
http::Response mentoring_pair_discard(Ctx& c);
http::Response mentoring_pair_show(Ctx& c);
http::Response mentoring_pair_end(Ctx& c);
http::Response mentoring_pair_message(Ctx& c);
http::Response mentoring_pair_meeting(Ctx& c);
http::Response mentoring_consent_paper(Ctx& c);
http::Response mentoring_apply_new(Ctx& c);
http::Response mentoring_apply_create(Ctx& c);
http::Response mentoring_school_options(Ctx& c);
http::Response mentoring_vouch_show(Ctx& c);
http::Response mentoring_vouch_create(Ctx& c);
http::Response mentoring_vouch_index(Ctx& c);
http::Response mentoring_vouch_user(Ctx& c);
http::Response mentoring_consent_show(Ctx& c);
http::Response mentoring_consent_create(Ctx& c);
http::Response mentoring_follow_show(Ctx& c);
http::Response mentoring_follow_message(Ctx& c);
http::Response mentoring_follow_feedback(Ctx& c);
http::Response mentoring_follow_outcome(Ctx& c);
http::Response mentoring_follow_withdraw(Ctx& c);
http::Response mentoring_member_show(Ctx& c);
http::Response mentoring_member_join(Ctx& c);
http::Response mentoring_member_leave(Ctx& c);
http::Response mentoring_member_pair_show(Ctx& c);
http::Response mentoring_member_message(Ctx& c);
http::Response mentoring_member_meeting(Ctx& c);
http::Response mentoring_member_feedback(Ctx& c);
// -- opportunity handlers --
http::Response offer_index(Ctx& c);
http::Response offer_new(Ctx& c);
http::Response offer_create(Ctx& c);
http::Response offer_show(Ctx& c);
http::Response offer_edit(Ctx& c);
http::Response offer_update(Ctx& c);
http::Response offer_close(Ctx& c);
http::Response application_new(Ctx& c);
http::Response application_create(Ctx& c);
http::Response application_index(Ctx& c);
http::Response application_show(Ctx& c);
http::Response application_update(Ctx& c);
http::Response user_organisation_update(Ctx& c);
// -- funnel handlers --
http::Response hires_index(Ctx&);
http::Response hires_create(Ctx&);
http::Response hires_edit(Ctx&);
http::Response hires_update(Ctx&);
// -- privacy handlers --
http::Response privacy_index(Ctx& c);
http::Response privacy_export(Ctx& c);
http::Response privacy_erase_new(Ctx& c);
http::Response privacy_erase(Ctx& c);

}  // namespace passerelles::web
