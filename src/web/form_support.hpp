// Shared by the pages' forms: values that open a template section only when set, a field's value and error, the
// error summary at the top of a form (templates/form_errors.html), lists of choices and numbers typed in a form.
#pragma once
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "domain/directory.hpp"
#include "domain/validation.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// Sets key only when the value is not empty: an empty string would still open a {{#key}} section.
void set_text(Data& d, const std::string& key, const std::string& value);

// {value, error} of one form field (value left unset when empty).
Data field(const std::string& value, const domain::Errors& e, const std::string& name);

// Sets "<name>_error" when the field has an error (for controls shown without a {value, error} field).
void set_error(Data& d, const domain::Errors& e, const std::string& name);

// A field as the error summary names it. The link goes to the element with id <prefix><anchor>, or
// <prefix><name> when there is no anchor.
struct FieldLabel {
  FieldLabel(std::string field, std::string text, std::string link = "")
      : name(std::move(field)), label(std::move(text)), anchor(std::move(link)) {}
  std::string name;
  std::string label;
  std::string anchor;
};
using FieldLabels = std::vector<FieldLabel>;

// The error summary at the top of a form ({{> form_errors}}): has_errors, errors_heading, and error_list, one link
// per message to its field in the order of `labels` (an error of a field not in `labels` only sets has_errors).
void set_error_summary(Data& d, const domain::Errors& e, const std::string& id_prefix, const FieldLabels& labels,
                       const std::string& heading = "Le formulaire n’a pas été enregistré");

// Options of a <select> ({code, label, selected}), the one whose code is `selected` marked.
List choice_list(std::span<const domain::Choice> choices, const std::string& selected);
// Checkboxes ({code, label, checked}), those whose code is in `checked` marked.
List checkbox_list(std::span<const domain::Choice> choices, const std::vector<std::string>& checked);

// A whole number (int) from a form or query value; `fallback` when it is not one.
int parse_int(const std::string& s, int fallback);

// A positive id from a form or query value; 0 when empty, -1 when not a positive number.
long long parse_id(const std::string& s);

}  // namespace passerelles::web
