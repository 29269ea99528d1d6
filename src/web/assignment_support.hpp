// Shared by the ambassador's intervention pages (assignment_*.cpp): her assignment behind {id}, the display values
// of an assignment, the decline reasons, the list page with its errors, and the e-mails an answer or a
// cancellation sends.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/validation.hpp"
#include "store/assignments.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// The common reasons offered when declining ({code, label}); "autre" asks for the free text.
const std::vector<domain::Choice>& decline_reasons();
// The reason as stored from the form's reason_choice and reason_text ("" when neither says anything).
std::string decline_reason_from_form(const http::Request& r);

// The {id} assignment of the signed-in ambassador. nullopt with `refusal` set: 403 for an account that is not a
// member of the collective, 404 for an id that is not hers (another's, another territory's, unknown).
std::optional<store::AssignmentView> my_assignment(Ctx& c, http::Response& refusal);

// Display values of an assignment (school, day, class, why, status…); the teacher's contact only when
// `with_contact` (accepted, not anonymised).
Data assignment_data(const store::AssignmentView& a, bool with_contact);

// GET /collectif/interventions, with the errors of one form (`error_id`: the assignment the form belongs to).
http::Response assignment_index_page(Ctx& c, long long error_id, const domain::Errors& errors, int status);

// GET/POST /collectif/interventions/{id}/compte-rendu: the report form with its values and errors.
http::Response assignment_report_page(Ctx& c, const store::AssignmentView& a, const store::InterventionReport& r,
                                      const domain::Errors& errors, int status);
// GET/POST /reponse/{token}: the one-click answer page (private: no Referer, not indexed), with an answer's errors.
http::Response assignment_answer_page(Ctx& c, const store::AssignmentView& a, const domain::Errors& errors, int status);
// 404 for an unknown private link, with the private headers.
http::Response private_not_found(Ctx& c);

// After an accepted answer that completed the request: the details and the .ics to the teacher and to every
// accepted ambassador. Returns how many were sent.
int send_confirmation_mails(Ctx& c, const store::AssignmentView& answered);
// After a cancellation by the ambassador: the teacher and the territory's coordinators are told.
int send_cancellation_mails(Ctx& c, const store::AssignmentView& cancelled);

}  // namespace passerelles::web
