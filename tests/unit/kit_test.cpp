// Unit tests for the kit's rules: the line diff between two revisions, slugs, tags and form validation.
#include "domain/kit.hpp"

#include <gtest/gtest.h>

#include "domain/line_diff.hpp"

using namespace passerelles::domain;

namespace {

// "=a", "-b", "+c": the diff written one line per entry, to compare with what was worked out by hand.
std::vector<std::string> render(const std::vector<DiffLine>& diff) {
  std::vector<std::string> out;
  for (const auto& l : diff)
    out.push_back((l.op == DiffLine::Op::same ? "=" : l.op == DiffLine::Op::added ? "+" : "-") + l.text);
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST(LineDiff, CasesWorkedOutByHand) {
  struct Case {
    const char* before;
    const char* after;
    Lines expected;
  } cases[] = {
      {"", "", {}},
      {"", "a\nb\n", {"+a", "+b"}},
      {"a\nb\n", "", {"-a", "-b"}},
      {"a\nb\nc", "a\nb\nc\n", {"=a", "=b", "=c"}},
      {"a\nb\nc\n", "a\nx\nc\n", {"=a", "-b", "+x", "=c"}},
      {"a\nb\nc\nd\n", "a\nc\nd\ne\n", {"=a", "-b", "=c", "=d", "+e"}},
      // The LCS of ABCABBA and CBABAC has 4 lines (C, B, B, A here); walked out by hand from the table.
      {"A\nB\nC\nA\nB\nB\nA", "C\nB\nA\nB\nA\nC", {"-A", "-B", "=C", "-A", "=B", "+A", "=B", "=A", "+C"}},
      {"titre\r\nligne\r\n", "titre\nligne modifiée\n", {"=titre", "-ligne", "+ligne modifiée"}},
      {"x\n\ny\n", "x\ny\n", {"=x", "-", "=y"}},
  };
  for (const auto& c : cases) EXPECT_EQ(render(line_diff(c.before, c.after)), c.expected) << c.before << "|" << c.after;
}

TEST(LineDiff, KeptLinesAreACommonSubsequenceAndEveryLineAppears) {
  std::string before, after;
  for (int i = 0; i < 300; ++i) {
    before += "ligne " + std::to_string(i % 7 == 0 ? 1000 + i : i) + "\n";
    after += "ligne " + std::to_string(i % 5 == 0 ? 2000 + i : i) + "\n";
  }
  Lines old_side, new_side;
  std::size_t same = 0;
  for (const auto& l : line_diff(before, after)) {
    if (l.op != DiffLine::Op::added) old_side.push_back(l.text);
    if (l.op != DiffLine::Op::removed) new_side.push_back(l.text);
    same += l.op == DiffLine::Op::same;
  }
  Lines b, a;
  for (int i = 0; i < 300; ++i) {
    b.push_back("ligne " + std::to_string(i % 7 == 0 ? 1000 + i : i));
    a.push_back("ligne " + std::to_string(i % 5 == 0 ? 2000 + i : i));
  }
  EXPECT_EQ(old_side, b);
  EXPECT_EQ(new_side, a);
  // Lines kept: those changed on neither side, i.e. i divisible by neither 5 nor 7: 300 - 60 - 43 + 9 = 206.
  EXPECT_EQ(same, 206u);
}

TEST(LineDiff, AHugeChangeFallsBackToRemovedThenAdded) {
  std::string before, after;
  for (int i = 0; i < 2100; ++i) {
    before += "a" + std::to_string(i) + "\n";
    after += "b" + std::to_string(i) + "\n";
  }
  auto diff = line_diff("debut\n" + before + "fin\n", "debut\n" + after + "fin\n");
  ASSERT_EQ(diff.size(), 2u + 2 * 2100);
  EXPECT_EQ(diff.front().op, DiffLine::Op::same);
  EXPECT_EQ(diff[1].op, DiffLine::Op::removed);
  EXPECT_EQ(diff[1].text, "a0");
  EXPECT_EQ(diff[2101].op, DiffLine::Op::added);
  EXPECT_EQ(diff[2101].text, "b0");
  EXPECT_EQ(diff.back().text, "fin");
}

TEST(KitRules, SlugsTagsAndValidation) {
  EXPECT_EQ(kit_page_slug("Réponses aux clichés"), "reponses-aux-cliches");
  EXPECT_EQ(kit_page_slug("???"), "");
  std::string long_title(30, 'x');
  long_title += " " + std::string(30, 'y') + " " + std::string(30, 'z');
  EXPECT_EQ(kit_page_slug(long_title), std::string(30, 'x') + "-" + std::string(30, 'y'));
  EXPECT_EQ(network_slug("Verr’Elles — réseau de femmes"), "verr-elles-reseau-de-femmes");
  EXPECT_EQ(network_slug("!!!"), "reseau");

  EXPECT_EQ(parse_tags("Clichés, collège; Vidéo ,,clichés, Travail posté"),
            (std::vector<std::string>{"cliches", "college", "video", "travail-poste"}));
  EXPECT_TRUE(parse_tags(" , ; ").empty());
  EXPECT_EQ(normalise_tag("Collège"), "college");

  EXPECT_TRUE(validate_kit_page("Mon discours", "Texte", "").empty());
  auto e = validate_kit_page("", "", std::string(201, 'r'));
  EXPECT_EQ(e["title"], "Ce champ est obligatoire.");
  EXPECT_EQ(e["body"], "Ce champ est obligatoire.");
  EXPECT_TRUE(e.count("summary"));
  EXPECT_EQ(validate_kit_page("« ! »", "x", "")["title"], "Le titre doit contenir au moins une lettre ou un chiffre.");
  EXPECT_TRUE(validate_kit_page("Nouvelle", "x", "").count("title")) << "the creation form's address";
  EXPECT_TRUE(validate_kit_page("Titre", std::string(kMaxKitBody + 1, 'a'), "").count("body"));

  EXPECT_TRUE(validate_kit_resource("Diaporama", "slides", "https://exemple.fr/d.pdf", "", "cliches, college").empty());
  auto r = validate_kit_resource("", "pirate", "javascript:alert(1)", "", "");
  EXPECT_TRUE(r.count("title"));
  EXPECT_EQ(r["kind"], "Choisissez un type de la liste.");
  EXPECT_TRUE(r.count("url"));
  EXPECT_EQ(validate_kit_resource("T", "", "", "", "")["kind"], "Choisissez le type de ressource.");
  EXPECT_TRUE(validate_kit_resource("T", "link", "https://", "", "").count("url"));
  EXPECT_TRUE(validate_kit_resource("T", "link", "https://a.fr/x y", "", "").count("url"));
  EXPECT_TRUE(validate_kit_resource("T", "link", "HTTPS://A.FR", "", "").empty());
  EXPECT_EQ(validate_kit_resource("T", "link", "", "", "a,b,c,d,e,f,g,h,i,j,k")["tags"],
            "Indiquez au plus 10 mots-clés.");
  EXPECT_TRUE(validate_kit_resource("T", "link", "", "", std::string(41, 't')).count("tags"));

  EXPECT_TRUE(validate_network("Verr’Elles", "").empty());
  EXPECT_TRUE(validate_network(" ", "").count("name"));
}
