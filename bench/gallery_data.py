#!/usr/bin/python3
"""Data of bench/gallery.sh: fictional portraits for the public gallery's benchmark (standard library only).

  gallery_data.py templates DIR   writes DIR/portraits.csv (41 portraits, for `passerelles import portraits`) and the
                                  PNG photos it names (generated here: flat colours, a disc and a band)
  gallery_data.py grow N          prints the SQL (sqlite3) that copies the imported portraits until the database holds
                                  N published ones: each copy keeps its template's fields, search column (written by
                                  the store through domain::search_document_fr at import) and photos, with its own slug
                                  and publication time; the last template (RARE_JOB) is never copied

The templates are imported by the real importer, so every search column is the one the application writes; the copies
only repeat them, which keeps 100,000 portraits a matter of seconds.
"""
import csv
import os
import struct
import sys
import zlib

# The one template never copied: a search for it finds one portrait whatever the size of the gallery.
RARE_JOB = "Souffleuse de verre au chalumeau"
# (job, domain, level, quote): the usinage jobs are those the bench searches (« usineuse »); one quote of another
# domain names usineuses too, so that the domain filter has work to do.
JOBS = [
    ("Usineuse", "usinage", 4, "Je règle la machine, je lance la série, je contrôle la première pièce."),
    ("Usineuse sur commande numérique", "usinage", 4, "Le programme, c’est moi qui l’écris et le corrige."),
    ("Usineuse en décolletage", "usinage", 3, "Des pièces plus petites qu’un grain de riz, au micron près."),
    ("Opératrice-régleuse en usinage", "usinage", 4, "Chaque matin, une nouvelle série et de nouveaux réglages."),
    ("Tourneuse", "usinage", 3, "Le tour, c’est de la précision et du calme, pas de la force."),
    ("Fraiseuse", "usinage", 4, "Je transforme un bloc d’acier en pièce d’avion."),
    ("Rectifieuse", "usinage", 4, "Mon métier se mesure en microns."),
    ("Programmeuse CN", "usinage", 5, "J’ai appris l’usinage en alternance, puis la programmation."),
    ("Technicienne méthodes", "microtechnique", 5, "Je prépare le travail des usineuses et des régleuses de l’atelier."),
    ("Horlogère", "microtechnique", 4, "Je monte des mouvements mécaniques à la loupe."),
    ("Technicienne en microtechnique", "microtechnique", 5, "Des capteurs pour les montres et les satellites."),
    ("Polisseuse", "microtechnique", 3, "La dernière main sur des pièces de luxe."),
    ("Technicienne de maintenance", "maintenance", 4, "Quand une ligne s’arrête, c’est moi qu’on appelle."),
    ("Électromécanicienne", "maintenance", 4, "Un jour électricité, un jour mécanique."),
    ("Automaticienne", "numerique", 5, "Je fais parler les machines entre elles."),
    ("Roboticienne", "numerique", 6, "Les robots ne remplacent pas les gens, ils les aident."),
    ("Technicienne qualité", "qualite", 5, "Je mesure, je compare, je fais progresser."),
    ("Contrôleuse qualité", "qualite", 4, "Rien ne sort de l’usine sans mon accord."),
    ("Métrologue", "qualite", 6, "Je mesure au micron, tous les jours."),
    ("Verrière", "verre", 3, "Le verre est vivant entre mes mains."),
    ("Conductrice de four verrier", "verre", 4, "Mille cinq cents degrés, et tout se pilote sur écran."),
    ("Technicienne en électronique", "electronique", 5, "Je teste des cartes électroniques pour l’aéronautique."),
    ("Câbleuse", "electronique", 3, "Des centaines de fils, chacun à sa place."),
    ("Ingénieure électronicienne", "electronique", 7, "Je conçois les cartes que mes collègues fabriquent."),
    ("Plasturgiste", "plasturgie", 4, "Du granulé à la pièce finie en quelques secondes."),
    ("Régleuse en injection plastique", "plasturgie", 4, "Le bon moule, la bonne température, la bonne pièce."),
    ("Conductrice de ligne", "logistique", 3, "Je pilote toute une ligne de production."),
    ("Cariste", "logistique", 3, "Des tonnes déplacées au centimètre près."),
    ("Soudeuse", "mecanique", 3, "Souder, c’est de la précision et de la patience."),
    ("Chaudronnière", "mecanique", 4, "Je plie, je roule et j’assemble de la tôle."),
    ("Mécanicienne industrielle", "mecanique", 4, "J’entretiens des machines plus grandes qu’une maison."),
    ("Dessinatrice industrielle", "mecanique", 5, "Tout commence sur mon écran, en trois dimensions."),
    ("Ingénieure mécanique", "mecanique", 7, "Je calcule ce qui tiendra vingt ans."),
    ("Technicienne chimiste", "chimie", 5, "Des analyses au laboratoire, des procédés en usine."),
    ("Opératrice de production pharmaceutique", "chimie", 3, "Blouse, charlotte et rigueur."),
    ("Technicienne en énergie", "energie", 5, "Je fais baisser la facture d’énergie de l’usine."),
    ("Électricienne industrielle", "energie", 4, "Les armoires électriques n’ont plus de secret pour moi."),
    ("Responsable de production", "autre", 6, "J’anime une équipe de trente personnes."),
    ("Cheffe d’équipe", "autre", 5, "Ouvrière à vingt ans, cheffe d’équipe à trente."),
    ("Ingénieure méthodes", "autre", 7, "Je rends le travail plus simple et plus sûr."),
    (RARE_JOB, "verre", 4, "Une flamme, une canne et un peu de patience."),
]
FIRST = ["Amélie", "Léa", "Inès", "Nadia", "Sophie", "Chloé", "Manon", "Yasmine", "Camille", "Julie", "Sarah", "Emma",
         "Aïcha", "Laura", "Pauline", "Océane", "Lucie", "Fatima", "Clara", "Zoé"]
LAST = ["Renard", "Martin", "Bernard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Michel"]
EMPLOYERS = ["Usinage Exemple de Montbéliard", "Précision Fictive du Doubs", "Horlogerie Imaginaire du Jura",
             "Verrerie Démo de l’Audomarois", "Plasturgie Fictive de l’Ain", "Électronique Exemple de Besançon"]


def png(width, height, rgb):
    """A valid RGB PNG: a flat background, a lighter disc (the head) and a band (the shoulders)."""
    light = tuple(min(255, c + 90) for c in rgb)
    rows = []
    cx, cy, r = width // 2, height * 2 // 5, width // 5
    for y in range(height):
        row = bytearray([0])  # filter: none
        for x in range(width):
            inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r or y > height * 3 // 4
            row += bytes(light if inside else rgb)
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b""))


def templates(folder):
    os.makedirs(folder, exist_ok=True)
    colours = [(60, 60, 120), (140, 90, 20), (20, 110, 100), (170, 70, 50), (90, 40, 110), (40, 90, 150)]
    with open(os.path.join(folder, "portraits.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["prenom", "nom", "metier", "domaine", "employeur", "niveau", "parcours", "citation", "cliche",
                    "photo", "consentement", "publie"])
        for i, (job, domain, level, quote) in enumerate(JOBS):
            photo = f"photo-{i}.png"
            with open(os.path.join(folder, photo), "wb") as p:
                p.write(png(600, 750, colours[i % len(colours)]))
            w.writerow([FIRST[i % len(FIRST)], LAST[i % len(LAST)], job, domain, EMPLOYERS[i % len(EMPLOYERS)], level,
                        "Bac pro ; BTS en alternance", quote, "Ce n’est pas un métier de force.", photo,
                        "name photo job employer path quote cliche", "oui"])


def grow(n):
    # Copies numbered from 1 until N published portraits exist; each copy of template k (the imported portraits,
    # ordered by id) gets the slug "<template slug>-b<number>", a publication time spread over about three years and
    # the template's photo rows (the same media).
    print(f"""PRAGMA synchronous = OFF;
BEGIN;
CREATE TEMP TABLE tpl AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, * FROM portraits
  WHERE status = 'published' AND slug NOT GLOB '*-b[0-9]*' AND job_title <> '{RARE_JOB}';
CREATE TEMP TABLE target AS SELECT MAX(0, {n} - (SELECT COUNT(*) FROM portraits WHERE status = 'published')) AS n,
  (SELECT COALESCE(MAX(id), 0) FROM portraits) AS base, (SELECT COUNT(*) FROM tpl) AS k;
WITH RECURSIVE seq(i) AS (SELECT 1 WHERE (SELECT n FROM target) > 0
                          UNION ALL SELECT i + 1 FROM seq WHERE i < (SELECT n FROM target))
INSERT INTO portraits (territory_id, campaign_id, slug, first_name, last_name, job_title, rome_code, domain, employer,
  commune_insee, diploma_level, path, quote, cliche, video_url, consents, status, published_at, search, created_at,
  updated_at)
SELECT t.territory_id, t.campaign_id, t.slug || '-b' || (seq.i + (SELECT base FROM target)), t.first_name,
  t.last_name, t.job_title, '#' || t.id, t.domain, t.employer, t.commune_insee, t.diploma_level, t.path, t.quote,
  t.cliche, t.video_url, t.consents, 'published', t.published_at - (seq.i * 7919) % 94608000, t.search, t.created_at,
  t.updated_at
FROM seq JOIN tpl t ON t.k = seq.i % (SELECT k FROM target);
-- rome_code holds '#<template id>' until the copies have their template's photos.
INSERT INTO portrait_photos (portrait_id, variant, format, media_id)
SELECT p.id, ph.variant, ph.format, ph.media_id FROM portraits p
JOIN portrait_photos ph ON ph.portrait_id = CAST(substr(p.rome_code, 2) AS INTEGER) WHERE p.rome_code GLOB '#*';
UPDATE portraits SET rome_code = (SELECT t.rome_code FROM tpl t WHERE '#' || t.id = portraits.rome_code)
WHERE rome_code GLOB '#*';
COMMIT;
PRAGMA optimize;""")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "templates":
        templates(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "grow" and sys.argv[2].isdigit():
        grow(int(sys.argv[2]))
    else:
        sys.exit(__doc__)
