// The text of the kit's ready-to-use pages. The embedded files (CMakeLists.txt) are templates, static assets and
// migrations only, so the Markdown lives here; the collective rewrites it in the kit, where every change is kept.
#include "store/kit_defaults.hpp"

#include "store/kit.hpp"

namespace passerelles::store::detail {

namespace {

// « Réponses aux clichés »: the collective's own starting point (../shared/seeds: « des clichés subsistent (endroit
// sale, bruyant, force, etc.) »), each cliché with a short answer, facts to cite and how to say it in a collège.
constexpr std::string_view kClichesBody =
    R"md(« Les filles ont de très bonnes notes mais ne vont pas vers nos filières, pourtant bien rémunérées, parce que des clichés subsistent : endroit sale, bruyant, force… » C’est le constat qui a fait naître le collectif. Cette page rassemble des réponses à ces clichés, pour préparer une intervention en classe ou un stand.

Elle est à vous : **complétez-la** avec vos exemples, ce qui a marché devant une classe et des chiffres à jour (avec leur source). Chaque modification est gardée dans l’historique.

# Le ton : parler à des collégiennes

- **Commencez par votre histoire**, pas par des chiffres : votre parcours, ce que vous pensiez de ces métiers à leur âge, une journée de travail. Un chiffre porte mieux après une histoire.
- **Laissez-les dire le cliché** : « Qui pense que l’usine, c’est sale ? » Une main levée, puis votre réponse, vaut mieux qu’un cliché contredit avant d’avoir été dit.
- **Ne niez pas ce qui est vrai** : certains ateliers sont bruyants, certains horaires sont décalés. Dites comment on s’en protège et comment on choisit son poste : elles repèrent vite un discours publicitaire.
- **Évitez « même une fille peut le faire »** : la phrase confirme le cliché qu’elle veut casser. Dites plutôt « je le fais, et voici comment ».
- **Montrez du concret** : une pièce que vous avez fabriquée, un composant, un instrument de mesure, une photo de votre poste. Faites-les passer de main en main.
- **Des mots simples** : expliquez chaque sigle (CAP, bac pro, BTS, BUT, alternance) et traduisez le vocabulaire d’atelier.
- **Parlez à toute la classe** : les garçons aussi entendent le cliché se défaire, et ce sont eux qui le répètent en récréation.
- **Donnez une prochaine étape** : un stage d’observation de 3e, une journée portes ouvertes, une visite d’entreprise, les fiches métiers de l’Onisep.

# « C’est sale »

**Réponse courte.** Beaucoup d’ateliers d’aujourd’hui sont propres, rangés et lumineux, et certains sont plus propres qu’une salle d’opération.

**Des faits à citer.**

- En microtechnique et en électronique, on travaille souvent en **salle propre** (« salle blanche ») : air filtré, blouse, charlotte, parfois gants. La poussière abîme les pièces, alors on la chasse.
- Les machines à commande numérique travaillent **capotées** : les copeaux et l’huile restent à l’intérieur.
- Le rangement et la propreté du poste (la méthode « 5S » : trier, ranger, nettoyer, standardiser, maintenir) font partie du travail dans la plupart des entreprises industrielles.
- Les vêtements de travail et les équipements de protection sont fournis et entretenus gratuitement par l’employeur : c’est le Code du travail.

**Pour le dire en classe.** « Sur mon poste, je porte une blouse et une charlotte. Si une poussière tombe sur la pièce, c’est la pièce qui est fichue, pas mes habits. »

# « C’est bruyant »

**Réponse courte.** Certains ateliers le sont, et on s’en protège ; beaucoup de postes ne le sont pas du tout.

**Des faits à citer.**

- Le bruit au travail est encadré par le Code du travail : au-delà de **80 dB(A)** sur une journée, l’employeur met des protections auditives à disposition ; au-delà de **85 dB(A)**, leur port est obligatoire et il doit agir pour réduire le bruit.
- Contrôle qualité, métrologie, bureau d’études, méthodes, programmation, laboratoire : autant de métiers industriels où l’on travaille au calme.
- Des bouchons moulés sur mesure protègent l’oreille tout en laissant entendre la voix des collègues.

**Pour le dire en classe.** « Ma salle de mesure est plus calme que votre cantine. » (À adapter à votre poste : si le vôtre est bruyant, montrez vos protections.)

# « C’est un métier de force physique »

**Réponse courte.** Ce qui compte, c’est la précision, la méthode et la réflexion ; les charges lourdes, ce sont les machines qui les portent.

**Des faits à citer.**

- En microtechnique, on travaille au **centième de millimètre**, parfois au **micron** (un millième de millimètre) : c’est la minutie qui compte, pas les muscles.
- L’employeur doit organiser le travail pour éviter de porter des charges à la main : palans, tables élévatrices, chariots, robots collaboratifs équipent les postes, pour tout le monde.
- Conduire une machine, c’est surtout la programmer, la régler, contrôler les pièces et corriger.

**Pour le dire en classe.** Faites passer la plus petite pièce que vous fabriquez : « Elle pèse moins qu’un trombone. Ce qui est difficile, c’est de la faire juste. »

# « Ce n’est pas pour les filles »

**Réponse courte.** Des femmes y travaillent déjà, à tous les niveaux, et les entreprises veulent en recruter davantage.

**Des faits à citer.**

- Les femmes représentent environ **trois salariés de l’industrie sur dix** (Insee) : la place est là, et elle s’agrandit.
- Les directions d’entreprise « expriment un réel besoin de recruter, notamment des femmes » : c’est ce que constatent les collectifs de femmes des Campus des métiers.
- Des exemples à montrer : les **58 portraits** de la campagne « Femmes et Microtechniques » (2019), les **7 portraits vidéo** de femmes dans 4 entreprises du Pays de Saint-Omer, le réseau **Verr’Elles** créé au sein d’une verrerie pour donner de l’ambition et intervenir dans les établissements scolaires. Et la [galerie des portraits](/portraits) de Passerelles.
- Les entreprises de 50 salariés et plus publient chaque année leur **Index de l’égalité professionnelle** entre les femmes et les hommes.

**Pour le dire en classe.** Ne faites pas un cours sur l’égalité : montrez-vous. « Je suis technicienne. J’ai choisi ce métier à 16 ans (ou à 30 !), et voilà ce que je fais de mes journées. » Puis demandez-leur ce qu’elles aimeraient fabriquer, réparer, inventer.

# « C’est mal payé »

**Réponse courte.** C’est une filière bien rémunérée, où l’on progresse.

**Des faits à citer.**

- Les salaires de l’industrie sont en moyenne **plus élevés que dans le commerce, l’hôtellerie-restauration ou les services à la personne** (Insee, salaires du secteur privé).
- Les horaires en équipe, de nuit ou le week-end donnent droit à des primes.
- Les métiers en tension se disputent les candidates : les entreprises forment, font évoluer et fidélisent.
- En **alternance**, on est payée pendant sa formation (un pourcentage du SMIC selon l’âge et l’année).

**Pour le dire en classe.** Parlez d’argent simplement : « En alternance, j’étais payée pour apprendre. » Si vous ne voulez pas dire votre salaire, donnez celui d’une débutante à votre poste dans votre entreprise.

# « Il n’y a pas d’avenir » ou « on va être remplacées par des robots »

**Réponse courte.** Il manque du monde ! Et les robots, il faut des personnes pour les concevoir, les programmer, les régler et les réparer.

**Des faits à citer.**

- Dans les microtechniques, les métiers sont **en tension** (la maintenance par exemple) : des entreprises doivent **ralentir leur production** faute de personnel.
- L’automatisation crée des métiers : roboticienne, automaticienne, technicienne de maintenance, programmeuse de machines, technicienne qualité.
- De nombreux départs à la retraite sont à remplacer dans l’industrie dans les années qui viennent.
- Les compétences s’apprennent aussi en cours de route : formation continue, reconversion, promotion interne.

**Pour le dire en classe.** « Le robot de mon atelier, c’est moi qui le programme. Sans moi, il ne sait rien faire. »

# « On ne peut pas concilier avec une vie de famille »

**Réponse courte.** Beaucoup de postes sont en horaires de journée ; les horaires d’équipe existent, sont connus à l’avance et se choisissent.

**Des faits à citer.**

- Un même site a des postes de journée (bureau d’études, méthodes, qualité, maintenance de jour) et des postes en équipes (2×8, 3×8), souvent mieux payés grâce aux primes.
- Les plannings d’équipe sont fixés à l’avance, ce qui aide à organiser la garde des enfants ; certaines entreprises aménagent les horaires ou proposent le temps partiel.
- Congé maternité, congé de paternité et d’accueil de l’enfant, congé parental : ces droits s’appliquent dans l’industrie comme partout, et l’Index de l’égalité vérifie que les salariées sont augmentées à leur retour de congé maternité.

**Pour le dire en classe.** Elles ont 13 ou 14 ans : parlez d’« organiser sa vie » plutôt que de maternité, et seulement si vous le souhaitez. « Je finis à 16 heures : le mercredi, je fais du sport avec ma fille. »

# « Il faut être bonne en maths »

**Réponse courte.** Il faut aimer comprendre comment les choses marchent ; les maths utiles au métier s’apprennent en formation, sur du concret.

**Des faits à citer.**

- Les filles ont de très bonnes notes, et pourtant elles ne vont pas vers ces filières : ce n’est pas le niveau qui manque, c’est qu’on ne leur a pas montré ces métiers.
- Du CAP au diplôme d’ingénieure (CAP, bac pro, BTS, BUT, école d’ingénieurs), chaque formation enseigne les maths dont le métier a besoin, appliquées aux pièces et aux machines.
- Rigueur, logique, soin, curiosité, travail en équipe : ce sont les qualités que les entreprises recherchent d’abord.
- On peut entrer dans l’industrie par l’alternance, après un bac général, ou plus tard par une reconversion.

**Pour le dire en classe.** Ne dites pas « pas besoin de maths » : dites « les maths, ça s’apprend, et à l’atelier on voit à quoi elles servent ». Si c’est votre cas : « En 4e, je n’aimais pas les maths. Celles de l’atelier, je les ai aimées. »

# Des chiffres à jour

- **Onisep** ([onisep.fr](https://www.onisep.fr)) : fiches métiers et formations, et la page [Les sciences de l’ingénieur au féminin](https://www.onisep.fr/Equipes-educatives/Egalite-filles-garcons/Les-sciences-de-l-ingenieur-au-feminin).
- **Insee** ([insee.fr](https://www.insee.fr)) : emploi et salaires par secteur.
- **Le [tableau de bord](/tableau-de-bord)** : les actions du territoire, les personnes sensibilisées et la part des filles en STI2D de l’académie.
- **Les résultats des questionnaires avant/après** : quels clichés bougent après vos interventions.

Vérifiez la date d’un chiffre avant de le citer, et notez sa source quand vous l’ajoutez à cette page.
)md";

}  // namespace

const std::vector<DefaultKitPage>& default_kit_pages() {
  static const std::vector<DefaultKitPage> v = {{kClichesSlug, "Réponses aux clichés", kClichesBody}};
  return v;
}

}  // namespace passerelles::store::detail
