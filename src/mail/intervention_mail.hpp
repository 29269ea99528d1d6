// The e-mails of intervention requests (issue 5), French plain text: the teacher's confirmation link, the
// coordinators' notice of a new request, the ambassador's invitation with one-click answers, the details with an
// .ics invitation once confirmed, cancellations (.ics CANCEL), the reminder the day before and the report request.
#pragma once
#include <string>
#include <vector>

#include "domain/event.hpp"
#include "domain/request.hpp"
#include "mail/mailer.hpp"
#include "store/assignments.hpp"

namespace passerelles::mail {

// base_url: "https://host" without a trailing slash. The teacher's private link is base_url + "/demandes/" + token.

// Just submitted: confirm by the link (within 48 hours), which also lets her follow, edit or cancel it.
Message request_confirm_message(const domain::InterventionRequest& r, const std::string& base_url);
// To a coordinator: a confirmed new request of her territory (link to /interventions).
Message request_new_for_coordinator_message(const domain::InterventionRequest& r, const std::string& to,
                                            const std::string& base_url);
// To the ambassador: the coordinator proposes her; one-click links to accept and to decline
// (base_url + "/reponse/" + response_token), and the app's page /collectif/interventions.
Message assignment_invitation_message(const store::AssignmentView& a, const std::string& base_url);
// Once confirmed: the details (school, address, day, class, contact) with an .ics REQUEST; one message to the
// teacher (with the ambassadors' first names and jobs) and one to each ambassador (with the teacher's contact).
Message request_confirmed_for_teacher_message(const domain::InterventionRequest& r,
                                              const std::vector<store::AssignmentView>& accepted,
                                              const std::string& base_url);
Message assignment_confirmed_message(const store::AssignmentView& a, const std::string& base_url);
// Cancelled with notice (by whom and why), with an .ics CANCEL when the day had been confirmed.
Message assignment_cancelled_for_ambassador_message(const store::AssignmentView& a, const std::string& base_url);
Message assignment_cancelled_for_teacher_message(const store::AssignmentView& a, const std::string& base_url);
// To a coordinator (`to`): an ambassador cancelled, the request is open again (link to /interventions).
Message assignment_cancelled_for_coordinator_message(const store::AssignmentView& a, const std::string& to,
                                                     const std::string& base_url);
// The day before, and after the day (report in one minute: base_url + "/collectif/interventions/ID/compte-rendu").
Message assignment_reminder_message(const store::AssignmentView& a, const std::string& base_url);
Message assignment_report_request_message(const store::AssignmentView& a, const std::string& base_url);

// The iCalendar event of an assignment (uid "intervention-<assignment id>@host", all-day on its day unless a time
// is known, location the school's address, STATUS:CANCELLED when cancelled).
domain::IcsEvent ics_of_assignment(const store::AssignmentView& a, const std::string& base_url);

}  // namespace passerelles::mail
