// The monthly digest e-mail: plain text and the same in HTML, with the one-click unsubscribe headers.
#include "mail/digest_mail.hpp"

#include <mustache.hpp>

#include "domain/time_fr.hpp"

namespace passerelles::mail {

namespace {

std::string esc(const std::string& s) {
  return kainjow::mustache::html_escape<std::string>(s);
}

struct Section {
  const char* heading;
  const std::vector<DigestItem>* items;
};

void add_text(std::string& text, const Section& s) {
  if (s.items->empty()) return;
  text += std::string("\n\n") + s.heading + "\n";
  for (const auto& i : *s.items) {
    text += "\n- " + i.title;
    if (!i.detail.empty()) text += "\n  " + i.detail;
    text += "\n  " + i.url;
  }
}

void add_html(std::string& html, const Section& s) {
  if (s.items->empty()) return;
  html += std::string("<h2>") + esc(s.heading) + "</h2>\n<ul>\n";
  for (const auto& i : *s.items) {
    html += "<li><a href=\"" + esc(i.url) + "\">" + esc(i.title) + "</a>";
    if (!i.detail.empty()) html += "<br>\n" + esc(i.detail);
    html += "</li>\n";
  }
  html += "</ul>\n";
}

}  // namespace

std::string month_label_fr(const std::string& month) {
  if (month.size() != 7 || month[4] != '-') return "";
  unsigned m = 0;
  for (char c : month.substr(5))
    if (c >= '0' && c <= '9') m = m * 10 + static_cast<unsigned>(c - '0');
  std::string name = domain::month_name_fr(m);
  return name.empty() ? "" : name + " " + month.substr(0, 4);
}

Message digest_message(const std::string& to, const std::string& first_name, const Digest& d,
                       const std::string& base_url, const std::string& unsubscribe_url) {
  const Section sections[] = {{"Nouveaux portraits", &d.portraits},
                              {"Pages du kit de discours mises à jour", &d.kit_pages},
                              {"Nouvelles ressources partagées", &d.resources}};
  std::string month = month_label_fr(d.month);
  std::string hello = first_name.empty() ? "Bonjour," : "Bonjour " + first_name + ",";
  std::string intro = "Voici les nouvelles du collectif" + (month.empty() ? std::string() : " pour " + month) + ".";
  std::string kit = base_url + "/collectif/kit";

  Message m;
  m.to = to;
  m.subject = "Passerelles : les nouvelles du collectif" + (month.empty() ? std::string() : " — " + month);
  m.text = hello + "\n\n" + intro;
  for (const auto& s : sections) add_text(m.text, s);
  m.text += "\n\nLe kit de discours du collectif : " + kit +
            "\n\nÀ bientôt,\n— Passerelles\n\nVous recevez ce message une fois par mois parce que vous êtes membre "
            "du collectif. Pour ne plus le recevoir : " +
            unsubscribe_url + "\n";

  m.html = "<!DOCTYPE html>\n<html lang=\"fr\">\n<head><meta charset=\"utf-8\"><title>" + esc(m.subject) +
           "</title></head>\n<body>\n<p>" + esc(hello) + "</p>\n<p>" + esc(intro) + "</p>\n";
  for (const auto& s : sections) add_html(m.html, s);
  m.html += "<p><a href=\"" + esc(kit) +
            "\">Le kit de discours du collectif</a></p>\n<p>À bientôt,<br>\n— Passerelles</p>\n" +
            "<p><small>Vous recevez ce message une fois par mois parce que vous êtes membre du collectif. <a href=\"" +
            esc(unsubscribe_url) + "\">Ne plus recevoir ces nouvelles</a></small></p>\n</body>\n</html>\n";

  m.headers = {{"List-Unsubscribe", "<" + unsubscribe_url + ">"},
               {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}};
  return m;
}

}  // namespace passerelles::mail
