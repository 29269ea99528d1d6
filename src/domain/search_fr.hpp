// French full-text search terms: the words of a text reduced to light stems, the same on both engines.
//
// What is indexed (search_document_fr) and what is searched (search_query_fr) go through the same steps,
// so "mecanique" finds "Mécaniques" and "usineuses" finds "usineur" on SQLite FTS5 and on PostgreSQL alike:
//   1. Fold case and accents with domain::fold ("Électronicienne" -> "electronicienne", ’ -> ').
//   2. Split into words of ASCII letters and digits (and any other letter fold leaves, e.g. Greek);
//      apostrophes, hyphens, punctuation and spaces separate: "l’usineuse" -> "l", "usineuse".
//   3. Drop one-letter words ("l", "d", "a" from "à"; a lone digit is kept) and the stop words
//      le la les de des du un une et en au aux pour par sur dans avec que qui ou.
//   4. Stem each word that has no digit, steps applied in this order:
//      a. plural, on words of more than 3 letters: -aux -> -al (métaux -> metal), else a final -s or -x
//         is dropped (mécaniques -> mecanique, heureux -> heureu);
//      b. feminine -e: final e's are dropped while more than 3 letters remain (ouvrière -> ouvrier,
//         employée/employé -> employ, mécanique -> mecaniqu, ingénieure -> ingenieur);
//      c. the first job suffix that fits, keeping at least 2 letters before it (3 for -ess):
//         -tric -> -teu, -dric -> -deu  (conductrice -> conducteu, ambassadrice -> ambassadeu)
//         -eus / -eur -> -eu            (usineuse, usineur -> usineu; monteuse, monteur -> monteu;
//                                        conducteur -> conducteu; ingénieur -> ingenieu)
//         -iv -> -if                    (sportive -> sportif)
//         -ess -> nothing               (hôtesse -> hot like hôte, maîtresse -> maitr like maître)
//      d. when no suffix of c applied, a doubled n, t, l or f after e or o loses one letter
//         (technicienne -> technicien, cheffe -> chef, professionnelle -> professionnel, maçonne -> macon).
//   A word, its plural and its feminine give the same stem; distinct job words give distinct stems
//   (checked on job titles from the ROME in tests/unit/search_fr_test.cpp). The rules are deliberately
//   light, not a dictionary: a few unrelated words meet (matrice and mateur give "mateu", voie and voix
//   "voi"), which a search tolerates; a few rare pairs do not (reporter / reportrice).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace passerelles::domain {

// The stems of the words of `text`, in order, repeats kept (steps 1–4 above).
std::vector<std::string> search_terms_fr(std::string_view text);

// What a row's `search` column holds: the stems of `text` joined by single spaces ("" for no word).
std::string search_document_fr(std::string_view text);

// The stems of a user's query, each once, in order, joined by single spaces; "" when only stop words
// or punctuation were typed (the caller then lists without a text filter). Every stem must match.
std::string search_query_fr(std::string_view query);

}  // namespace passerelles::domain
