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
      {"Questionnaires avant/après",
       {"Avant et après une action, les élèves peuvent répondre à un court questionnaire anonyme sur leur regard "
        "sur les métiers de l’industrie : pour chaque énoncé (« ces métiers sont sales », « je pourrais faire ce "
        "métier »…), une réponse de 1 (pas du tout d’accord) à 5 (tout à fait d’accord), ou « je ne sais pas ». "
        "Le tableau de bord et le rapport ne comptent que les réponses recueillies lors des actions validées de la "
        "période (et de l’initiative choisie), quels que soient les autres filtres.",
        "Part d’accord : parmi les réponses de 1 à 5 à un énoncé, la part des réponses 4 ou 5. Les réponses « je "
        "ne sais pas » sont écartées de tous les calculs : elles ne comptent ni dans les parts, ni dans les "
        "moyennes, ni dans les tests, ni dans les nombres de réponses indiqués à côté des résultats.",
        "Écart : la part d’accord après l’action moins la part d’accord avant, en points de pourcentage, avec son "
        "intervalle de confiance à 95 % calculé par la méthode de Newcombe (combinaison des intervalles de score "
        "de Wilson des deux parts). Un intervalle qui ne contient pas zéro indique une évolution qui a peu de "
        "chances d’être due au seul hasard.",
        "Tests : l’écart entre les parts d’accord est éprouvé par le test z de comparaison de deux proportions "
        "(bilatéral) ; les moyennes des réponses avant et après, par le test t de Welch et par le test de "
        "Mann-Whitney. Quand l’élève a donné le même code de 4 caractères avant et après, ses deux réponses sont "
        "reliées : ces paires sont comparées par le test des rangs signés de Wilcoxon (sur les réponses de 1 à 5) "
        "et par le test exact de McNemar (d’accord ou non, avant et après). Une valeur p inférieure à 0,05 est "
        "habituellement dite significative.",
        "Taille de l’effet : le h de Cohen mesure l’écart entre les parts d’accord (2 arcsin √p après moins 2 "
        "arcsin √p avant) et le d de Cohen l’écart entre les moyennes, rapporté à leur écart type commun. En ordre "
        "de grandeur, 0,2 est un petit effet, 0,5 un effet moyen et 0,8 un grand effet.",
        "Petits nombres : le nombre de réponses avant et après est toujours indiqué. Aucun chiffre n’est affiché "
        "pour une phase (avant ou après) qui compte moins de 5 réponses à un énoncé, aucune comparaison tant que "
        "l’une des deux phases en compte moins de 5, et aucun test sur les réponses reliées pour moins de 5 "
        "paires. En dessous de 30 réponses avant ou après, les résultats sont signalés « petit échantillon » : ils "
        "sont à interpréter avec prudence.",
        "Ce qui n’est jamais enregistré : ni nom, ni compte, ni adresse IP, ni navigateur (user agent), ni heure. "
        "Une réponse ne porte que le jour où elle a été donnée, le genre et la classe si l’élève a choisi de les "
        "indiquer, et le code de liaison qu’elle a pu choisir, qui ne l’identifie pas. Un cookie propre au "
        "questionnaire retient seulement, sur l’appareil, les étapes déjà répondues, sans aucun identifiant.",
        "Citations : une réponse libre d’élève n’est citée qu’anonymement (« Une élève de 4e ») ; celle d’un "
        "adulte, seulement avec son accord donné en répondant. La coordination choisit les citations publiées."},
       "questionnaires"},
      {"Du premier contact à l’emploi",
       {"Le parcours compte, pour le territoire et la période, par sexe : les élèves sensibilisés (les filles et "
        "garçons des actions validées, les mêmes que dans les chiffres clés) ; les candidatures envoyées aux offres "
        "des entreprises pendant la période, quel que soit leur sort, sauf celles qui ont été retirées ; les stages "
        "effectués (candidatures acceptées à une offre de stage de 3e, de seconde ou de BTS/BUT et marquées "
        "réalisées, à la date de réalisation) ; les apprentissages et emplois (candidatures acceptées à une offre "
        "d’apprentissage, d’alternance ou d’emploi, à la date de la décision).",
        "Chaque étape est rapportée à la précédente (part de l’étape précédente) et la part des filles est donnée "
        "à chaque étape. Les autres filtres du tableau de bord (type, initiative, public, niveau, éducation "
        "prioritaire) ne s’appliquent qu’aux élèves sensibilisés.",
        "Une candidature dont les données personnelles ont été effacées, à la demande de la personne ou par la "
        "purge des données des mineurs, reste comptée : son statut et le sexe sont conservés, sans rien qui "
        "identifie la personne.",
        "Embauches : les entreprises déclarent chaque année leurs embauches, dont les femmes, et leurs apprentis, "
        "dont les femmes. La part des femmes parmi les embauches additionne les déclarations des années civiles "
        "que couvre la période ; elle est « non renseigné » quand aucune entreprise n’a déclaré.",
        "À côté du parcours, les filleules et filleuls en binôme de mentorat pendant la période (binôme actif ou "
        "terminé), chacun une fois.",
        "Petits effectifs : un nombre de 1 à 4 personnes est écrit « < 5 », et aucune part n’est donnée quand sa "
        "base compte moins de 5 personnes ou que sa partie est elle-même masquée."},
       "parcours"},
  };
  return rules;
}

}  // namespace passerelles::report
