// Shared by the teacher's request pages (/demandes/…): the form as typed, the school found by name, commune or UAI
// among the schools of the territories' départements, the form's page, the private page and the e-mails they send.
#pragma once
#include <string>
#include <vector>

#include "domain/request.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// The request form as typed (every field as text), so that a refused form shows exactly what was typed.
struct RequestForm {
  std::string territory;  // ?territoire= slug: the school search looks only at its départements
  std::string school, contact_name, email, phone, role, kind, girls, boys, needed, dates, jobs, accessibility, language,
      message;
  std::vector<std::string> class_levels, domains;
};

RequestForm request_form_of(const http::Request& r);
// The stored request as the edit form shows it (the school as the datalist writes it, the days as windows).
RequestForm request_form_of(const domain::InterventionRequest& r);

// The départements whose schools may be asked for: those of the territory named by `slug`, or of every territory
// when `slug` is '' or unknown. Empty when there is no territory at all.
std::vector<std::string> request_departments(Ctx& c, const std::string& slug);

// The request the form describes. The school is typed as "UAI — name (commune)" (the datalist), a UAI, or words of
// its name and commune: exactly one school of request_departments must match, else errors["school"] says why.
domain::InterventionRequest request_of(Ctx& c, const RequestForm& f, domain::Errors& errors);

// Errors of domain::validate / the store keyed by form field (school_id -> school).
domain::Errors request_form_errors(const domain::Errors& e);

// request_of, normalised and validated (today in Paris): `errors` receives every message keyed by form field.
domain::InterventionRequest request_checked(Ctx& c, const RequestForm& f, domain::Errors& errors);

// The request's facts for a page ({kind_label, school, school_priority, levels, pupils, needed, days {iso, text},
// domains, jobs, accessibility, language, message, contact, cancel_reason}), shared by the pages that show one.
void set_request_facts(Data& d, const domain::InterventionRequest& r);

// GET/POST /demandes/nouvelle: the form with typed values and errors; `notice` above the form (e.g. a rate limit).
http::Response request_new_page(Ctx& c, const RequestForm& f, const domain::Errors& errors, int status,
                                const std::string& notice = "");
// GET/POST /demandes/TOKEN/modifier: the edit form.
http::Response request_edit_page(Ctx& c, const domain::InterventionRequest& r, const RequestForm& f,
                                 const domain::Errors& errors, int status);
// GET /demandes/TOKEN: her private page. `state`: ?etat= of a redirect (confirmee, modifiee, annulee); `confirm`:
// ?confirmer=1 (the e-mailed link) puts the confirm button first.
http::Response request_private_page(Ctx& c, const domain::InterventionRequest& r, const domain::Errors& errors,
                                    int status, const std::string& state, bool confirm);

// Headers of a page whose URL holds the request's secret: no Referer, not indexed.
http::Response request_private(http::Response r);

}  // namespace passerelles::web
