// GET /collectif/interventions: the signed-in ambassador's interventions — invitations to answer, confirmed ones
// with the teacher's contact and an .ics each, those to report, the last others — and her calendar feed address.
// An account that is not a member of the collective gets the explanation.
#include "web/assignment_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response assignment_index(Ctx& c) {
  return assignment_index_page(c, 0, {}, 200);
}

}  // namespace passerelles::web
