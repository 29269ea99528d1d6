// The counting rules in French (see counting_rules.hpp); docs/counting.md says the same in English, section by
// section: keep both in step.
#include "report/counting_rules.hpp"

namespace passerelles::report {

const std::vector<CountingRule>& counting_rules() {
  static const std::vector<CountingRule> rules = {
      {"Seules les actions validées comptent",
       {"Une action est déclarée par une ambassadrice ou une coordinatrice, puis validée ou refusée par la "
        "coordination. Seules les actions validées comptent, dans tous les chiffres : une action déclarée ou "
        "refusée n’entre ni dans les actions, ni dans les durées, ni dans les personnes, ni dans les "
        "établissements, ni dans aucune répartition.",
        "Une action validée que l’on modifie reste validée : ses chiffres changent avec elle."}},
      {"Personnes touchées et groupes vus plusieurs fois",
       {"Pour chaque action, les personnes présentes sont saisies par catégorie : filles, garçons, femmes en "
        "reconversion, enseignants, prescripteurs, salariés, parents. Les personnes touchées sont la somme de "
        "ces sept catégories sur les actions comptées.",
        "Un groupe (une classe, un groupe de demandeurs d’emploi…) vu en plusieurs séances n’est compté qu’une "
        "fois. Les séances suivantes sont déclarées « même groupe que l’action X », X étant la première séance "
        "du groupe : une séance de suivi n’ajoute aucune personne, mais elle compte comme une action, sa durée "
        "compte et ses établissements sont touchés. Une classe de 26 élèves vue trois fois compte donc 3 "
        "actions et 26 personnes.",
        "Quand la première séance d’un groupe est refusée ou supprimée, chacune de ses séances de suivi devient "
        "la première de son propre groupe et compte alors son public. Tant que la première séance n’est que "
        "déclarée, les séances de suivi validées comptent comme actions, sans personne."}},
      {"Établissements touchés",
       {"Les établissements touchés sur une période sont les établissements distincts, pris dans l’annuaire de "
        "l’Éducation nationale, cités par les actions validées de la période, séances de suivi comprises. Un "
        "établissement touché par cinq actions compte une fois.",
        "La part des établissements touchés rapporte ce nombre aux établissements de l’annuaire situés dans les "
        "départements du territoire (pour l’ensemble des territoires : aux établissements des départements de "
        "tous les territoires, chaque département une fois)."}},
      {"Part des filles",
       {"La part des filles est le nombre de filles divisé par le nombre de filles et de garçons comptés (les "
        "séances de suivi comptent 0 dans les deux). Elle n’est pas indiquée quand aucun élève n’a été compté."}},
      {"Actions menées à plusieurs",
       {"Une action peut réunir plusieurs organisations : un établissement, une entreprise, un laboratoire, des "
        "associations partenaires qui la co-portent. Dans la répartition par organisation, l’action est "
        "créditée en entier à chacune (action, durée, personnes) ; dans tous les totaux et toutes les autres "
        "répartitions, elle n’est comptée qu’une fois. La somme de la répartition par organisation peut donc "
        "dépasser le total.",
        "De même, une action menée par plusieurs ambassadrices compte une fois."}},
      {"Période",
       {"Une action appartient au mois de sa date. Une période est une suite de mois, le premier et le dernier "
        "compris ; une date complète (AAAA-MM-JJ) est ramenée à son mois. La répartition par mois donne chaque "
        "mois de la période, y compris ceux sans action."}},
      {"Objectifs",
       {"Les initiatives du plan d’action portent des objectifs annuels chiffrés : personnes sensibilisées, "
        "filles sensibilisées, actions, établissements touchés. L’objectif d’une période est la somme, sur les "
        "initiatives du territoire (ou sur l’initiative choisie), des objectifs de chaque année civile qui "
        "recoupe la période : une année scolaire de septembre 2024 à août 2025 additionne les objectifs de 2024 "
        "et de 2025.",
        "Le réalisé est la valeur sur la période, avec les mêmes filtres que le reste de la vue, sauf le filtre "
        "de public : les personnes sensibilisées se comparent toujours aux sept catégories. Un indicateur sans "
        "objectif pour ces années n’est pas listé."}},
      {"Filtres",
       {"Type d’action et initiative : seules les actions de ce type ou de cette initiative comptent, partout, "
        "établissements touchés compris.",
        "Public : quand une catégorie est choisie, les personnes ne comptent que cette catégorie, dans le total "
        "et dans chaque ligne.",
        "Niveau de classe : seules comptent les actions qui ont touché au moins une classe de ce niveau "
        "(collège, lycée, voie professionnelle, BTS et BUT, enseignement supérieur).",
        "Éducation prioritaire : seules comptent les actions qui ont touché au moins un établissement classé REP "
        "ou REP+ dans l’annuaire."}},
      {"Répartitions",
       {"Par type : les types ayant au moins une action comptée. Par initiative : toutes les initiatives du "
        "territoire dans l’ordre du plan, puis « Sans initiative ». Par département : le département du premier "
        "établissement de l’action, sinon celui de sa commune, sinon aucun. Par public : une ligne par "
        "catégorie. Par organisation : chaque organisation créditée d’au moins une action comptée."}},
  };
  return rules;
}

}  // namespace passerelles::report
