// Unit tests for the kit's Markdown rendering: scripts, event attributes, dangerous links and raw HTML come out
// inert; a normal page keeps its lists, emphasis, links and a heading outline under the page's <h1>.
#include "domain/markdown.hpp"

#include <gtest/gtest.h>

#include <regex>

using passerelles::domain::markdown_to_html;

namespace {

bool has(const std::string& html, const std::string& needle) {
  return html.find(needle) != std::string::npos;
}

// Every href="…" and src="…" value of the HTML.
std::vector<std::string> addresses(const std::string& html) {
  std::vector<std::string> out;
  std::regex attr(R"re((?:href|src)="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), attr); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

}  // namespace

TEST(Markdown, ANormalPageRendersListsEmphasisLinksAndHeadings) {
  std::string html = markdown_to_html(
      "# Mon discours\n\nJe suis **technicienne** et j’aime *réparer*.\n\n"
      "- premier point\n- second point\n\n1. un\n2. deux\n\n"
      "Voir [l’Onisep](https://www.onisep.fr \"Onisep\"), [le tableau de bord](/tableau-de-bord), "
      "[écrire](mailto:contact@exemple.fr) et [plus bas](#faits).\n\n## Des faits\n\n> Une citation.\n");
  EXPECT_TRUE(has(html, "<h2>Mon discours</h2>")) << html;
  EXPECT_TRUE(has(html, "<h3>Des faits</h3>")) << html;
  EXPECT_TRUE(has(html, "<strong>technicienne</strong>"));
  EXPECT_TRUE(has(html, "<em>réparer</em>"));
  EXPECT_TRUE(has(html, "<ul>\n<li>premier point</li>\n<li>second point</li>\n</ul>")) << html;
  EXPECT_TRUE(has(html, "<ol>\n<li>un</li>"));
  EXPECT_TRUE(has(html, "<a href=\"https://www.onisep.fr\" title=\"Onisep\">l’Onisep</a>")) << html;
  EXPECT_TRUE(has(html, "<a href=\"/tableau-de-bord\">le tableau de bord</a>"));
  EXPECT_TRUE(has(html, "<a href=\"mailto:contact@exemple.fr\">écrire</a>"));
  EXPECT_TRUE(has(html, "<a href=\"#faits\">plus bas</a>"));
  EXPECT_TRUE(has(html, "<blockquote>"));
  EXPECT_FALSE(has(html, "<h1")) << "the page has its own <h1>";
}

TEST(Markdown, HeadingsNeverSkipALevelAndStopAtH6) {
  struct Case {
    const char* markdown;
    const char* expected;
  } cases[] = {
      {"### Directement au niveau 3", "<h2>Directement au niveau 3</h2>"},
      {"# A\n\n#### B\n\n## C", "<h2>A</h2>\n<h3>B</h3>\n<h3>C</h3>"},
      {"# A\n## B\n### C\n#### D\n##### E\n###### F", "<h6>E</h6>\n<h6>F</h6>"},
      {"Titre souligné\n===", "<h2>Titre souligné</h2>"},
  };
  for (const auto& c : cases) EXPECT_TRUE(has(markdown_to_html(c.markdown), c.expected)) << c.markdown;
}

TEST(Markdown, ScriptsEventAttributesAndRawHtmlAreDropped) {
  const char* attacks[] = {
      "<script>alert(1)</script>",
      "Texte <script>alert(1)</script> au milieu",
      "<img src=x onerror=alert(1)>",
      "Un <img src=\"x\" onerror=\"alert(1)\"> en ligne",
      "<div onclick=\"alert(1)\">bloc</div>",
      "<iframe src=\"https://evil.example\"></iframe>",
      "<style>body{display:none}</style>",
      "<a href=\"javascript:alert(1)\">lien HTML</a>",
      "<svg onload=alert(1)>",
      "<!-- commentaire --><script>alert(1)</script>",
  };
  for (const char* md : attacks) {
    std::string html = markdown_to_html(md);
    EXPECT_FALSE(has(html, "<script")) << md << " -> " << html;
    EXPECT_FALSE(has(html, "onerror")) << md << " -> " << html;
    EXPECT_FALSE(has(html, "onclick")) << md << " -> " << html;
    EXPECT_FALSE(has(html, "onload")) << md << " -> " << html;
    EXPECT_FALSE(has(html, "<img")) << md << " -> " << html;
    EXPECT_FALSE(has(html, "<iframe")) << md << " -> " << html;
    EXPECT_FALSE(has(html, "<style")) << md << " -> " << html;
    EXPECT_FALSE(has(html, "<div")) << md << " -> " << html;
    EXPECT_FALSE(has(html, "<svg")) << md << " -> " << html;
    EXPECT_FALSE(has(html, "javascript:")) << md << " -> " << html;
  }
  EXPECT_TRUE(has(markdown_to_html("Texte <script>x</script> au milieu"), "Texte")) << "her words stay";
}

TEST(Markdown, OnlyHttpHttpsMailtoAndRelativeAddressesSurvive) {
  struct Case {
    const char* markdown;
    const char* words;  // kept, without the link
  } refused[] = {
      {"[clic](javascript:alert(1))", "clic"},
      {"[clic](JAVASCRIPT:alert(1))", "clic"},
      {"[clic](&#106;avascript:alert(1))", "clic"},
      {"[clic](java&#9;script:alert(1))", "clic"},
      {"[clic](vbscript:msgbox(1))", "clic"},
      {"[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "clic"},
      {"[clic](file:///etc/passwd)", "clic"},
      {"[clic](ftp://exemple.fr/x)", "clic"},
      {"<javascript:alert(1)>", "javascript:alert(1)"},
      {"[clic][ref]\n\n[ref]: javascript:alert(1)", "clic"},
      {"![photo](data:image/png;base64,iVBORw0KGgo=)", "photo"},
      {"![photo](javascript:alert(1))", "photo"},
      {"![mail](mailto:a@b.fr)", "mail"},
      {"[![image](javascript:x)](javascript:y)", "image"},
  };
  for (const auto& c : refused) {
    std::string html = markdown_to_html(c.markdown);
    EXPECT_TRUE(addresses(html).empty()) << c.markdown << " -> " << html;
    EXPECT_TRUE(has(html, c.words)) << c.markdown << " -> " << html;
    EXPECT_FALSE(has(html, "<a ")) << c.markdown << " -> " << html;
  }
  struct Kept {
    const char* markdown;
    const char* address;
  } kept[] = {
      {"[a](https://www.onisep.fr/metiers)", "https://www.onisep.fr/metiers"},
      {"[a](HTTP://exemple.fr)", "HTTP://exemple.fr"},
      {"[a](/collectif/kit/pages/x)", "/collectif/kit/pages/x"},
      {"[a](page-voisine)", "page-voisine"},
      {"[a](?tag=cliches)", "?tag=cliches"},
      {"[a](mailto:ines@exemple.fr)", "mailto:ines@exemple.fr"},
      {"<https://exemple.fr>", "https://exemple.fr"},
      {"![affiche](https://exemple.fr/affiche.png)", "https://exemple.fr/affiche.png"},
  };
  for (const auto& c : kept) {
    auto found = addresses(markdown_to_html(c.markdown));
    ASSERT_EQ(found.size(), 1u) << c.markdown;
    EXPECT_EQ(found[0], c.address) << c.markdown;
  }
}

TEST(Markdown, TextIsEscapedAndInvalidUtf8Replaced) {
  std::string html = markdown_to_html("1 < 2 & \"guillemets\" « français »\n\n`<b>code</b>`");
  EXPECT_TRUE(has(html, "1 &lt; 2 &amp; &quot;guillemets&quot; « français »")) << html;
  EXPECT_TRUE(has(html, "<code>&lt;b&gt;code&lt;/b&gt;</code>")) << html;
  std::string bad = markdown_to_html("caf\xC3 \xFF");
  EXPECT_TRUE(has(bad, "\xEF\xBF\xBD")) << "U+FFFD for invalid bytes";
  EXPECT_EQ(markdown_to_html(""), "");
}
