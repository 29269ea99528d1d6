// Shared by the directory pages (organisations, people): the territory guard, list filters and pagination,
// form parsing, and the pages that forms re-render with their errors.
#pragma once
#include <functional>
#include <string>

#include "domain/directory.hpp"
#include "store/directory.hpp"
#include "web/app.hpp"
#include "web/form_support.hpp"

namespace passerelles::web {

// The directory belongs to a territory; an account without one (an admin) gets this explanation (403).
http::Response directory_without_territory(Ctx& c);

// The signed-in user, as recorded in the audit log.
store::Author author_of(const Ctx& c);

// The words searched, from the query string's q (trimmed); "" when q is not valid UTF-8 or longer than 200
// characters, and `q_error` says why.
std::string search_query(const http::Request& r, std::string& q_error);

// The list filter from the query string: q, the kind or role parameter `kind_param`, page. Unknown kinds and
// bad page numbers fall back to defaults; a q that is not valid UTF-8 or too long is dropped and `q_error`
// says why.
store::DirectoryFilter directory_filter(const http::Request& r, const std::string& kind_param, std::string& q_error);

// Sets page and pages, and pagination: the rendered links (templates/dir_pagination.html) to the pages before and
// after; url_of(n) is the address of page n.
void set_pagination(Ctx& c, Data& d, long long page, long long pages,
                    const std::function<std::string(long long)>& url_of);

// Adds the values of the results partial: count_label, has_rows, filtered, page, pages and the rendered
// pagination links (which keep q and the kind parameter).
void set_results_data(Ctx& c, Data& d, const std::string& path, const std::string& kind_param,
                      const store::DirectoryFilter& f, long long total, long long pages, const std::string& noun,
                      const std::string& nouns);

// The HTTP status for a refused write: 404 not found, 409 conflict, 422 invalid.
int status_of(const store::WriteResult& r);

// Form values laid over `base` (the stored record when editing, so fields absent from the form are kept).
domain::Organisation organisation_from_form(const http::Request& r, domain::Organisation base);
domain::Person person_from_form(const http::Request& r, domain::Person base);

// The creation (id 0) or edition form with its values and errors next to each field.
http::Response organisation_form(Ctx& c, const domain::Organisation& o, const domain::Errors& e, int status);
http::Response person_form(Ctx& c, const domain::Person& p, const domain::Errors& e, int status);

// Display values; empty fields are left unset so that {{#field}} sections stay closed.
Data organisation_data(const domain::Organisation& o);
Data person_data(const domain::Person& p);

// The "merge a duplicate into this record" page: candidates found with the `q` query parameter (by default
// the longest word of the kept record's name), `error` next to the choice.
http::Response organisation_merge_page(Ctx& c, const domain::Organisation& keep, const std::string& error, int status);
http::Response person_merge_page(Ctx& c, const domain::Person& keep, const std::string& error, int status);

}  // namespace passerelles::web
