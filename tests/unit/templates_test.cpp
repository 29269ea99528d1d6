// Unit tests for template rendering: the layout rendered in two halves around the page body gives the same bytes
// as the whole layout template rendered with the body as its {{{content}}}.
#include <gtest/gtest.h>

#include "web/app.hpp"

using namespace passerelles::web;

namespace {

Data anonymous_layout() {
  Data d;
  d.set("title", "Connexion");
  d.set("css_pico", "/static/pico.1.css");
  d.set("css_app", "/static/app.1.css");
  d.set("js_htmx", "/static/htmx.1.js");
  d.set("js_app", "/static/app.1.js");
  d.set("csrf", "jeton");
  d.set("logged_in", false);
  d.set("path", "/connexion");
  return d;
}

Data signed_in_layout(bool admin) {
  Data d = anonymous_layout();
  d.set("title", "Établissements <scolaires> & \"lycées\"");
  d.set("logged_in", true);
  Data me;
  me.set("email", "c@example.org");
  me.set("name", "Camille <Dupont>");
  me.set("is_admin", admin);
  me.set("is_editor", true);
  d.set("me", me);
  d.set("flash", "Modifications enregistrées.");
  return d;
}

}  // namespace

TEST(Templates, LayoutInTwoHalvesMatchesTheWholeTemplate) {
  Templates t;
  const std::string bodies[] = {
      "",
      "<h1>Titre</h1>\n<p>Texte</p>\n",
      "<p>sans fin de ligne</p>",
      "{{title}} {{#me}}pas interprété{{/me}}\n\n  \n",
  };
  for (const Data& layout : {anonymous_layout(), signed_in_layout(false), signed_in_layout(true)}) {
    for (const auto& body : bodies) {
      Data whole = layout;
      whole.set("content", body);
      std::string expected = t.render("layout", whole);
      EXPECT_EQ(t.render_layout(layout, body), expected) << body;
      EXPECT_NE(expected.find(body), std::string::npos);
    }
  }
}
