// The route table: every URL of the application, its access rule and its handler (one file per handler).
#include "web/app.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

void add_routes(App& app) {
  using A = Access;
  app.route("GET", "/", A::anyone, home_show);
  app.route("GET", "/healthz", A::anyone, health_show);
  app.route("GET", "/a-propos", A::anyone, about_show);
  app.route("GET", "/connexion", A::anyone, session_new);
  app.route("POST", "/connexion", A::anyone, session_create);
  app.route("POST", "/deconnexion", A::anyone, session_delete);
  app.route("GET", "/tableau-de-bord", A::user, dashboard_show);

  // Accounts: password links, profile and API tokens, users, territories, audit log.
  app.route("GET", "/mot-de-passe/oubli", A::anyone, password_reset_new);
  app.route("POST", "/mot-de-passe/oubli", A::anyone, password_reset_create);
  app.route("GET", "/mot-de-passe/nouveau", A::anyone, password_reset_edit);
  app.route("POST", "/mot-de-passe/nouveau", A::anyone, password_reset_update);
  app.route("GET", "/profil", A::user, profile_show);
  app.route("POST", "/profil/mot-de-passe", A::user, password_update);
  app.route("POST", "/profil/jetons", A::user, api_token_create);
  app.route("POST", "/profil/jetons/{id}/supprimer", A::user, api_token_delete);
  app.route("GET", "/utilisateurs", A::editor, user_index);
  app.route("POST", "/utilisateurs", A::editor, user_create);
  app.route("POST", "/utilisateurs/{id}/desactiver", A::editor, user_deactivate);
  app.route("GET", "/territoires", A::admin, territory_index);
  app.route("POST", "/territoires", A::admin, territory_create);
  app.route("POST", "/territoires/coordinatrices", A::admin, territory_coordinator_create);
  app.route("GET", "/journal", A::editor, audit_index);
  app.api("GET", "/api/v1/openapi.json", A::anyone, openapi_show);
  app.api("GET", "/api/v1/me", A::user, me_show);

  // Schools: the official directory (shared reference data) and its import.
  app.route("GET", "/annuaire/etablissements", A::user, school_index);
  app.route("GET", "/annuaire/etablissements/{uai}", A::user, school_show);
  app.route("GET", "/import", A::editor, import_new);
  app.route("POST", "/import", A::editor, import_create);
  app.api("GET", "/api/v1/schools", A::user, schools_api_index);
  app.api("GET", "/api/v1/schools/{uai}", A::user, schools_api_show);

  // Directory: read by every user of the territory, changed by its editors. "nouvelle" before {id}.
  app.route("GET", "/annuaire/organisations", A::user, organisation_index);
  app.route("GET", "/annuaire/organisations/nouvelle", A::editor, organisation_new);
  app.route("POST", "/annuaire/organisations/nouvelle", A::editor, organisation_create);
  app.route("GET", "/annuaire/organisations/{id}", A::user, organisation_show);
  app.route("GET", "/annuaire/organisations/{id}/modifier", A::editor, organisation_edit);
  app.route("POST", "/annuaire/organisations/{id}/modifier", A::editor, organisation_update);
  app.route("POST", "/annuaire/organisations/{id}/supprimer", A::editor, organisation_delete);
  app.route("GET", "/annuaire/organisations/{id}/fusionner", A::editor, organisation_merge_new);
  app.route("POST", "/annuaire/organisations/{id}/fusionner", A::editor, organisation_merge);
  app.route("GET", "/annuaire/personnes", A::user, person_index);
  app.route("GET", "/annuaire/personnes/nouvelle", A::editor, person_new);
  app.route("POST", "/annuaire/personnes/nouvelle", A::editor, person_create);
  app.route("GET", "/annuaire/personnes/{id}", A::user, person_show);
  app.route("GET", "/annuaire/personnes/{id}/modifier", A::editor, person_edit);
  app.route("POST", "/annuaire/personnes/{id}/modifier", A::editor, person_update);
  app.route("POST", "/annuaire/personnes/{id}/supprimer", A::editor, person_delete);
  app.route("GET", "/annuaire/personnes/{id}/fusionner", A::editor, person_merge_new);
  app.route("POST", "/annuaire/personnes/{id}/fusionner", A::editor, person_merge);
  app.api("GET", "/api/v1/organisations", A::user, organisations_api_index);
  app.api("POST", "/api/v1/organisations", A::editor, organisations_api_create);
  app.api("GET", "/api/v1/organisations/{id}", A::user, organisations_api_show);
  app.api("PUT", "/api/v1/organisations/{id}", A::editor, organisations_api_update);
  app.api("DELETE", "/api/v1/organisations/{id}", A::editor, organisations_api_delete);
  app.api("GET", "/api/v1/people", A::user, people_api_index);
  app.api("POST", "/api/v1/people", A::editor, people_api_create);
  app.api("GET", "/api/v1/people/{id}", A::user, people_api_show);
  app.api("PUT", "/api/v1/people/{id}", A::editor, people_api_update);
  app.api("DELETE", "/api/v1/people/{id}", A::editor, people_api_delete);

  // Action plan: initiatives with targets, partnerships, funding (/plan…).
  // -- plan routes --
  app.route("GET", "/plan", A::user, plan_show);
  app.route("GET", "/plan/initiatives/nouvelle", A::editor, plan_initiative_new);
  app.route("POST", "/plan/initiatives/nouvelle", A::editor, plan_initiative_create);
  app.route("GET", "/plan/initiatives/{id}", A::user, plan_initiative_show);
  app.route("GET", "/plan/initiatives/{id}/modifier", A::editor, plan_initiative_edit);
  app.route("POST", "/plan/initiatives/{id}/modifier", A::editor, plan_initiative_update);
  app.route("POST", "/plan/initiatives/{id}/supprimer", A::editor, plan_initiative_delete);
  app.route("GET", "/plan/partenariats/nouveau", A::editor, plan_partnership_new);
  app.route("POST", "/plan/partenariats/nouveau", A::editor, plan_partnership_create);
  app.route("GET", "/plan/partenariats/{id}", A::user, plan_partnership_show);
  app.route("GET", "/plan/partenariats/{id}/modifier", A::editor, plan_partnership_edit);
  app.route("POST", "/plan/partenariats/{id}/modifier", A::editor, plan_partnership_update);
  app.route("POST", "/plan/partenariats/{id}/supprimer", A::editor, plan_partnership_delete);
  app.route("GET", "/plan/partenariats/{id}/convention", A::user, plan_partnership_document);
  app.route("GET", "/plan/financements/nouveau", A::editor, plan_funding_new);
  app.route("POST", "/plan/financements/nouveau", A::editor, plan_funding_create);
  app.route("GET", "/plan/financements/{id}/modifier", A::editor, plan_funding_edit);
  app.route("POST", "/plan/financements/{id}/modifier", A::editor, plan_funding_update);
  app.route("POST", "/plan/financements/{id}/supprimer", A::editor, plan_funding_delete);

  // Questionnaires and their templates (/questionnaires…), free-text answers (/retours…), quotes (/citations…).
  // -- questionnaire routes --
  app.route("GET", "/questionnaires", A::user, questionnaire_index);
  app.route("POST", "/questionnaires/modeles/{code}", A::editor, questionnaire_template_copy);
  app.route("GET", "/questionnaires/{id}", A::user, questionnaire_show);
  app.route("GET", "/questionnaires/{id}/modifier", A::editor, questionnaire_edit);
  app.route("POST", "/questionnaires/{id}/modifier", A::editor, questionnaire_update);
  app.route("POST", "/questionnaires/{id}/copier", A::editor, questionnaire_copy);
  app.route("POST", "/questionnaires/{id}/archiver", A::editor, questionnaire_archive);
  app.route("GET", "/retours", A::user, answer_index);
  app.route("POST", "/retours/{id}/themes", A::editor, answer_theme_update);
  app.route("POST", "/retours/{id}/citer", A::editor, quote_create);
  app.route("GET", "/citations", A::user, quote_index);
  app.route("POST", "/citations/{id}/public", A::editor, quote_public_update);
  app.route("POST", "/citations/{id}/supprimer", A::editor, quote_delete);

  // Actions: declared by ambassadors and coordinators, validated by coordinators (/actions…), files (/fichiers…).
  // -- action routes --
  app.route("GET", "/actions", A::user, action_index);
  app.route("GET", "/actions/nouvelle", A::user, action_new);
  app.route("POST", "/actions/nouvelle", A::user, action_create);
  app.route("GET", "/actions/etablissements", A::user, action_school_options);
  app.route("GET", "/actions/{id}", A::user, action_show);
  app.route("GET", "/actions/{id}/modifier", A::user, action_edit);
  app.route("POST", "/actions/{id}/modifier", A::user, action_update);
  app.route("POST", "/actions/{id}/valider", A::editor, action_validate);
  app.route("POST", "/actions/{id}/rejeter", A::editor, action_reject);
  app.route("POST", "/actions/{id}/rouvrir", A::editor, action_reopen);
  app.route("POST", "/actions/{id}/supprimer", A::user, action_delete);
  app.route("POST", "/actions/{id}/preuves", A::user, action_file_create);
  app.route("GET", "/fichiers/{id}", A::user, file_show);

  // Surveys of actions: the anonymous form (/q/…, no session, no CSRF, no cookie of the application), the links
  // with their QR codes and results (/enquetes…).
  // -- survey routes --
  app.route("GET", "/q", A::survey, survey_code_show);
  app.route("GET", "/q/{token}", A::survey, survey_answer_show);
  app.route("POST", "/q/{token}", A::survey, survey_answer_create);
  app.route("POST", "/actions/{id}/enquetes", A::user, survey_link_create);
  app.route("GET", "/enquetes/resultats", A::user, survey_results_show);
  app.route("GET", "/enquetes/{id}", A::user, survey_link_show);
  app.route("POST", "/enquetes/{id}/etape", A::user, survey_link_phase);
  app.route("GET", "/enquetes/{id}/resultats", A::user, survey_link_results);
  app.route("GET", "/enquetes/{id}/qr.svg", A::user, survey_link_asset);
  app.route("GET", "/enquetes/{id}/qr.png", A::user, survey_link_asset);
  app.route("GET", "/enquetes/{id}/carte.pdf", A::user, survey_link_asset);
  app.route("GET", "/enquetes/{id}/diapo.png", A::user, survey_link_asset);

  // Events: public calendar and booking (/evenements…, /inscriptions/…), organisers' pages and attendance.
  // Static segments ("nouveau", "gerer") come before {id}.
  // -- event organiser routes --
  app.route("GET", "/evenements/gerer", A::user, event_manage_index);
  app.route("GET", "/evenements/nouveau", A::user, event_new);
  app.route("POST", "/evenements/nouveau", A::user, event_create);
  app.route("GET", "/evenements/{id}/modifier", A::user, event_edit);
  app.route("POST", "/evenements/{id}/modifier", A::user, event_update);
  app.route("GET", "/evenements/{id}/gestion", A::user, event_manage_show);
  app.route("POST", "/evenements/{id}/statut", A::user, event_status_update);
  app.route("POST", "/evenements/{id}/supprimer", A::user, event_delete);
  app.route("POST", "/evenements/{id}/inscriptions/{registration}/annuler", A::user, event_registration_cancel);
  app.route("GET", "/evenements/{id}/presences", A::user, event_attendance_edit);
  app.route("POST", "/evenements/{id}/presences", A::user, event_attendance_update);
  app.route("GET", "/evenements/{id}/accueil", A::user, event_door_show);
  app.route("GET", "/evenements/{id}/accueil.svg", A::user, event_door_asset);
  app.route("GET", "/evenements/{id}/accueil.png", A::user, event_door_asset);
  app.route("GET", "/p/{token}", A::anyone, checkin_show);
  app.route("POST", "/p/{token}", A::anyone, checkin_create);
  // -- event public routes --
  app.route("GET", "/evenements", A::anyone, event_public_index);
  app.route("GET", "/evenements.ics", A::anyone, event_public_feed);
  app.route("GET", "/territoires/{slug}/evenements.ics", A::anyone, event_public_feed);
  app.route("GET", "/evenements/integrer", A::anyone, event_public_embed);
  app.route("GET", "/evenements/{id}", A::anyone, event_public_show);
  app.route("GET", "/evenements/{id}/evenement.ics", A::anyone, event_public_ics);
  app.route("GET", "/evenements/{id}/etablissements", A::anyone, event_public_school_options);
  app.route("POST", "/evenements/{id}/inscription", A::anyone, registration_create);
  app.route("GET", "/inscriptions/{token}", A::anyone, registration_show);
  app.route("POST", "/inscriptions/{token}", A::anyone, registration_update);
  app.route("POST", "/inscriptions/{token}/confirmer", A::anyone, registration_confirm);
  app.route("POST", "/inscriptions/{token}/annuler", A::anyone, registration_cancel);
  app.route("GET", "/inscriptions/{token}/evenement.ics", A::anyone, registration_ics);

  // The collective: members' profiles, invitations, public applications, leaving, animation (/collectif…).
  // -- collective member routes --
  app.route("GET", "/collectif", A::user, collective_show);
  app.route("GET", "/collectif/membres", A::editor, collective_member_index);
  app.route("GET", "/collectif/membres/inviter", A::editor, collective_invite_new);
  app.route("POST", "/collectif/membres/inviter", A::editor, collective_invite_create);
  app.route("GET", "/collectif/membres/{id}", A::editor, collective_member_show);
  app.route("GET", "/collectif/membres/{id}/modifier", A::editor, collective_member_edit);
  app.route("POST", "/collectif/membres/{id}/modifier", A::editor, collective_member_update);
  app.route("POST", "/collectif/membres/{id}/inviter", A::editor, collective_member_invite);
  app.route("POST", "/collectif/membres/{id}/refuser", A::editor, collective_member_decline);
  app.route("POST", "/collectif/membres/{id}/effacer", A::editor, collective_member_erase);
  app.route("GET", "/collectif/rejoindre", A::anyone, collective_application_new);
  app.route("POST", "/collectif/rejoindre", A::anyone, collective_application_create);
  app.route("GET", "/collectif/metiers", A::anyone, collective_job_options);
  app.route("GET", "/collectif/communes", A::user, collective_commune_options);
  app.route("GET", "/collectif/invitation/{token}", A::anyone, collective_invitation_show);
  app.route("POST", "/collectif/invitation/{token}", A::anyone, collective_invitation_accept);
  app.route("GET", "/collectif/mon-profil", A::user, collective_profile_edit);
  app.route("POST", "/collectif/mon-profil", A::user, collective_profile_update);
  app.route("GET", "/collectif/mon-profil/quitter", A::user, collective_leave_new);
  app.route("POST", "/collectif/mon-profil/quitter", A::user, collective_leave_create);
  // The digest's unsubscribe link: no session and no CSRF (the mail client's one-click POST has neither).
  app.route("GET", "/collectif/desabonnement/{token}", A::survey, collective_unsubscribe_show);
  app.route("POST", "/collectif/desabonnement/{token}", A::survey, collective_unsubscribe_create);

  // Portraits: public gallery, a page per portrait, photos and videos, embed, portrait API (/portraits…).
  // -- gallery routes --
  app.route("GET", "/portraits", A::anyone, portrait_public_index);
  app.route("GET", "/portraits/integrer", A::anyone, portrait_public_embed);
  app.route("GET", "/portraits/{slug}", A::anyone, portrait_public_show);
  for (const char* file : {"photo-160.webp", "photo-160.jpg", "photo-480.webp", "photo-480.jpg", "photo-1024.webp",
                           "photo-1024.jpg", "photo-full.jpg"})
    app.route("GET", std::string("/portraits/{slug}/") + file, A::anyone, portrait_public_photo);
  app.route("GET", "/portraits/{slug}/video.mp4", A::anyone, portrait_public_video);
  app.api("GET", "/api/v1/portraits", A::anyone, portraits_api_index);

  // Portraits: editing, uploads, publication, campaigns and posters (/collectif/portraits…, /collectif/mon-portrait).
  // -- portrait editing routes --
  app.route("GET", "/collectif/portraits", A::editor, portrait_index);
  app.route("GET", "/collectif/portraits/nouveau", A::editor, portrait_new);
  app.route("POST", "/collectif/portraits/nouveau", A::editor, portrait_create);
  app.route("GET", "/collectif/portraits/{id}/modifier", A::editor, portrait_edit);
  app.route("POST", "/collectif/portraits/{id}/modifier", A::editor, portrait_update);
  app.route("POST", "/collectif/portraits/{id}/statut", A::editor, portrait_status_update);
  app.route("POST", "/collectif/portraits/{id}/supprimer", A::editor, portrait_delete);
  // Uploads: the server takes large bodies only on paths ending in /photo or /video (http/server.cpp).
  app.route("POST", "/collectif/portraits/{id}/photo", A::editor, portrait_photo_create);
  app.route("POST", "/collectif/portraits/{id}/photo/supprimer", A::editor, portrait_photo_delete);
  app.route("POST", "/collectif/portraits/{id}/video", A::editor, portrait_video_create);
  app.route("POST", "/collectif/portraits/{id}/video/supprimer", A::editor, portrait_video_delete);
  app.route("GET", "/collectif/portraits/{id}/apercu.jpg", A::user, portrait_preview_show);
  app.route("GET", "/collectif/campagnes", A::editor, campaign_index);
  app.route("GET", "/collectif/campagnes/{id}/affiches.pdf", A::editor, campaign_poster);
  app.route("GET", "/collectif/mon-portrait", A::user, my_portrait_edit);
  app.route("POST", "/collectif/mon-portrait", A::user, my_portrait_update);
  app.route("POST", "/collectif/mon-portrait/statut", A::user, my_portrait_status_update);
  app.route("POST", "/collectif/mon-portrait/photo", A::user, my_portrait_photo_create);
  app.route("POST", "/collectif/mon-portrait/photo/supprimer", A::user, my_portrait_photo_delete);
  app.route("GET", "/portraits/{slug}/affiche.pdf", A::anyone, portrait_poster);

  // Discourse kit and internal networks (/collectif/kit…, /collectif/reseaux…, /reseaux/{slug}).
  // -- kit routes --
  app.route("GET", "/collectif/kit", A::user, kit_index);
  app.route("GET", "/collectif/kit/pages/nouvelle", A::user, kit_page_new);
  app.route("POST", "/collectif/kit/pages/nouvelle", A::user, kit_page_create);
  app.route("GET", "/collectif/kit/pages/{slug}", A::user, kit_page_show);
  app.route("GET", "/collectif/kit/pages/{slug}/modifier", A::user, kit_page_edit);
  app.route("POST", "/collectif/kit/pages/{slug}/modifier", A::user, kit_page_update);
  app.route("GET", "/collectif/kit/pages/{slug}/historique", A::user, kit_page_history);
  app.route("GET", "/collectif/kit/pages/{slug}/historique/{revision}", A::user, kit_revision_show);
  app.route("GET", "/collectif/kit/ressources/nouvelle", A::user, kit_resource_new);
  app.route("POST", "/collectif/kit/ressources/nouvelle", A::user, kit_resource_create);
  app.route("POST", "/collectif/kit/ressources/{id}/supprimer", A::user, kit_resource_delete);
  app.route("GET", "/collectif/reseaux", A::user, network_index);
  app.route("GET", "/collectif/reseaux/nouveau", A::user, network_new);
  app.route("POST", "/collectif/reseaux/nouveau", A::user, network_create);
  app.route("GET", "/collectif/reseaux/{id}", A::user, network_show);
  app.route("GET", "/collectif/reseaux/{id}/modifier", A::user, network_edit);
  app.route("POST", "/collectif/reseaux/{id}/modifier", A::user, network_update);
  app.route("POST", "/collectif/reseaux/{id}/supprimer", A::user, network_delete);
  app.route("POST", "/collectif/reseaux/{id}/membres", A::user, network_member_create);
  app.route("POST", "/collectif/reseaux/{id}/membres/{ambassador_id}/retirer", A::user, network_member_delete);
  app.route("POST", "/collectif/reseaux/{id}/actions", A::user, network_action_create);
  app.route("POST", "/collectif/reseaux/{id}/actions/{action_id}/retirer", A::user, network_action_delete);
  app.route("POST", "/collectif/reseaux/{id}/rejoindre", A::user, network_join);
  app.route("POST", "/collectif/reseaux/{id}/quitter", A::user, network_leave);
  app.route("GET", "/reseaux/{slug}", A::anyone, network_public_show);

  // Intervention requests and matching (issue 5): the teacher's public form and private link, the coordinator's
  // review, the ambassador's answers, reports and calendar.
  // -- request routes (teacher) --
  app.route("GET", "/demandes/nouvelle", A::anyone, request_public_new);
  app.route("POST", "/demandes/nouvelle", A::anyone, request_public_create);
  app.route("GET", "/demandes/etablissements", A::anyone, request_public_school_options);
  app.route("GET", "/demandes/{token}", A::anyone, request_public_show);
  app.route("POST", "/demandes/{token}/confirmer", A::anyone, request_public_confirm);
  app.route("GET", "/demandes/{token}/modifier", A::anyone, request_public_edit);
  app.route("POST", "/demandes/{token}/modifier", A::anyone, request_public_update);
  app.route("POST", "/demandes/{token}/annuler", A::anyone, request_public_cancel);
  // -- matching routes (coordinator) --
  app.route("GET", "/interventions", A::editor, matching_index);
  app.route("POST", "/interventions/appariement", A::editor, matching_run);
  app.route("POST", "/interventions/propositions/accepter", A::editor, matching_accept_all);
  app.route("GET", "/interventions/propositions/{id}/changer", A::editor, matching_proposal_edit);
  app.route("POST", "/interventions/propositions/{id}/changer", A::editor, matching_proposal_update);
  app.route("POST", "/interventions/propositions/{id}/retirer", A::editor, matching_proposal_discard);
  app.route("GET", "/interventions/demandes/{id}", A::editor, matching_request_show);
  app.route("POST", "/interventions/demandes/{id}/annuler", A::editor, matching_request_cancel);
  app.route("GET", "/interventions/ponderations", A::editor, matching_weights_edit);
  app.route("POST", "/interventions/ponderations", A::editor, matching_weights_update);
  app.route("GET", "/interventions/besoins", A::editor, matching_needs);
  // -- assignment routes (ambassador) --
  app.route("GET", "/collectif/interventions", A::user, assignment_index);
  app.route("POST", "/collectif/interventions/{id}/accepter", A::user, assignment_accept);
  app.route("POST", "/collectif/interventions/{id}/decliner", A::user, assignment_decline);
  app.route("POST", "/collectif/interventions/{id}/annuler", A::user, assignment_cancel);
  app.route("GET", "/collectif/interventions/{id}/invitation.ics", A::user, assignment_ics);
  app.route("GET", "/collectif/interventions/{id}/compte-rendu", A::user, assignment_report_edit);
  app.route("POST", "/collectif/interventions/{id}/compte-rendu", A::user, assignment_report_create);
  app.route("GET", "/reponse/{token}", A::anyone, assignment_answer_show);
  app.route("POST", "/reponse/{token}/accepter", A::anyone, assignment_answer_accept);
  app.route("POST", "/reponse/{token}/decliner", A::anyone, assignment_answer_decline);
  app.route("GET", "/agenda/{file}", A::anyone, assignment_feed);  // {file}: TOKEN.ics

  // Mentoring programmes, opportunities, the funnel and privacy (issue 7).
  // -- mentoring routes --
  app.route("GET", "/parrainage", A::editor, mentoring_index);
  app.route("GET", "/parrainage/programmes/nouveau", A::editor, mentoring_programme_new);
  app.route("POST", "/parrainage/programmes/nouveau", A::editor, mentoring_programme_create);
  app.route("GET", "/parrainage/programmes/{id}", A::editor, mentoring_programme_show);
  app.route("GET", "/parrainage/programmes/{id}/modifier", A::editor, mentoring_programme_edit);
  app.route("POST", "/parrainage/programmes/{id}/modifier", A::editor, mentoring_programme_update);
  app.route("POST", "/parrainage/programmes/{id}/appariement", A::editor, mentoring_matching_run);
  app.route("POST", "/parrainage/programmes/{id}/marraines", A::editor, mentoring_mentor_add);
  app.route("POST", "/parrainage/programmes/{id}/marraines/{ambassador_id}/retirer", A::editor,
            mentoring_mentor_withdraw);
  app.route("GET", "/parrainage/programmes/{id}/candidature", A::anyone, mentoring_apply_new);
  app.route("POST", "/parrainage/programmes/{id}/candidature", A::anyone, mentoring_apply_create);
  app.route("GET", "/parrainage/etablissements", A::anyone, mentoring_school_options);
  app.route("POST", "/parrainage/candidatures/{id}/accord-papier", A::editor, mentoring_consent_paper);
  app.route("GET", "/parrainage/binomes/{id}", A::editor, mentoring_pair_show);
  app.route("POST", "/parrainage/binomes/{id}/accepter", A::editor, mentoring_pair_accept);
  app.route("POST", "/parrainage/binomes/{id}/retirer", A::editor, mentoring_pair_discard);
  app.route("POST", "/parrainage/binomes/{id}/terminer", A::editor, mentoring_pair_end);
  app.route("POST", "/parrainage/binomes/{id}/messages", A::editor, mentoring_pair_message);
  app.route("POST", "/parrainage/binomes/{id}/rencontres", A::editor, mentoring_pair_meeting);
  app.route("GET", "/parrainage/caution/{token}", A::anyone, mentoring_vouch_show);
  app.route("POST", "/parrainage/caution/{token}", A::anyone, mentoring_vouch_create);
  app.route("GET", "/parrainage/cautions", A::user, mentoring_vouch_index);
  app.route("POST", "/parrainage/cautions/{id}", A::user, mentoring_vouch_user);
  app.route("GET", "/parrainage/consentement/{token}", A::anyone, mentoring_consent_show);
  app.route("POST", "/parrainage/consentement/{token}", A::anyone, mentoring_consent_create);
  app.route("GET", "/parrainage/suivi/{token}", A::anyone, mentoring_follow_show);
  app.route("POST", "/parrainage/suivi/{token}/messages", A::anyone, mentoring_follow_message);
  app.route("POST", "/parrainage/suivi/{token}/bilan", A::anyone, mentoring_follow_feedback);
  app.route("POST", "/parrainage/suivi/{token}/orientation", A::anyone, mentoring_follow_outcome);
  app.route("POST", "/parrainage/suivi/{token}/retirer", A::anyone, mentoring_follow_withdraw);
  app.route("GET", "/collectif/parrainage", A::user, mentoring_member_show);
  app.route("POST", "/collectif/parrainage/programmes/{id}/rejoindre", A::user, mentoring_member_join);
  app.route("POST", "/collectif/parrainage/programmes/{id}/quitter", A::user, mentoring_member_leave);
  app.route("GET", "/collectif/parrainage/binomes/{id}", A::user, mentoring_member_pair_show);
  app.route("POST", "/collectif/parrainage/binomes/{id}/messages", A::user, mentoring_member_message);
  app.route("POST", "/collectif/parrainage/binomes/{id}/rencontres", A::user, mentoring_member_meeting);
  app.route("POST", "/collectif/parrainage/binomes/{id}/bilan", A::user, mentoring_member_feedback);
  // -- opportunity routes --
  app.route("GET", "/offres", A::user, offer_index);
  app.route("GET", "/offres/nouvelle", A::user, offer_new);
  app.route("POST", "/offres/nouvelle", A::user, offer_create);
  app.route("GET", "/offres/{id}", A::user, offer_show);
  app.route("GET", "/offres/{id}/modifier", A::user, offer_edit);
  app.route("POST", "/offres/{id}/modifier", A::user, offer_update);
  app.route("POST", "/offres/{id}/cloturer", A::user, offer_close);
  app.route("GET", "/offres/{id}/candidater", A::user, application_new);
  app.route("POST", "/offres/{id}/candidater", A::user, application_create);
  app.route("GET", "/candidatures", A::user, application_index);
  app.route("GET", "/candidatures/{id}", A::user, application_show);
  app.route("POST", "/candidatures/{id}/statut", A::user, application_update);
  app.route("POST", "/utilisateurs/{id}/organisation", A::editor, user_organisation_update);
  // -- funnel routes --
  app.route("GET", "/entreprise/embauches", A::user, hires_index);
  app.route("POST", "/entreprise/embauches", A::user, hires_create);
  app.route("GET", "/entreprise/embauches/{id}/modifier", A::user, hires_edit);
  app.route("POST", "/entreprise/embauches/{id}/modifier", A::user, hires_update);
  // -- privacy routes --
  app.route("GET", "/confidentialite", A::editor, privacy_index);
  app.route("GET", "/confidentialite/export/{subject}/{file}", A::editor, privacy_export);  // {file}: ID.json
  app.route("GET", "/confidentialite/{subject}/{id}/effacer", A::editor, privacy_erase_new);
  app.route("POST", "/confidentialite/{subject}/{id}/effacer", A::editor, privacy_erase);

  // Indicators: dashboard exports, funder report, counting rules, /api/v1/indicators.
  // -- indicator routes --
  app.route("GET", "/tableau-de-bord/export.csv", A::user, indicator_csv);
  app.route("GET", "/tableau-de-bord/export.xlsx", A::user, indicator_xlsx);
  app.route("GET", "/tableau-de-bord/rapport.pdf", A::user, indicator_pdf);
  app.route("GET", "/regles-de-comptage", A::anyone, indicator_rules_show);
  app.api("GET", "/api/v1/indicators", A::user, indicators_api_show);
}

}  // namespace passerelles::web
