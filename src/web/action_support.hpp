// Shared by the action pages: who may do what, the form (parse, render with errors), display values.
#pragma once
#include <string>

#include "domain/action.hpp"
#include "store/actions.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// Ambassadors and coordinators of the territory declare actions.
bool can_declare(const Ctx& c);
// Coordinators change any action of their territory; an ambassador changes or deletes the ones she declared
// while they are not validated.
bool can_change(const Ctx& c, const domain::Action& a);

// Form values laid over `base`. Schools are typed as "UAI — name" (the datalist fills that) or a UAI or words
// of a name, resolved among the territory's schools; problems go to `errors` under "schools".
domain::Action action_from_form(Ctx& c, domain::Action base, domain::Errors& errors);

// The declaration (id 0) or edition form with its values and an error next to each field.
http::Response action_form(Ctx& c, const domain::Action& a, const domain::Errors& e, int status);

// Display values of an action for lists and its page.
Data action_data(const domain::Action& a);

// "Aujourd'hui" as 'YYYY-MM-DD' (UTC).
std::string today_iso();

}  // namespace passerelles::web
