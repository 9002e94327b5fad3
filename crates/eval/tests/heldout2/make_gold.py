#!/usr/bin/env python3
"""Build the gold JSON files for Dossier's held-out set v2.

usage: python3 make_gold.py          # writes held2_NN_<slug>.json beside this script
       python3 make_gold.py --check  # only checks, writes nothing

Adapted from ../heldout/make_gold.py (v1). The annotations below were made by
hand, following /work/shared/annotation/GUIDELINES.md and the v1 decisions
listed in ../heldout/README.md, plus the v2 decisions in README.md here.
Each document's mentions are listed in reading order, one per line:

    TYPE surface text                 (entity: ALIASES.get(text, text))
    TYPE surface text => Entity name  (explicit canonical entity)
    DATE surface text => ISO value    (value `null` when not resolvable)
    SKIP surface text                 (step over one occurrence on purpose)

Offsets are found by searching the RAW BYTES of the document for the UTF-8
encoding of each surface text, starting after the previous mention, with a
word-boundary check on both sides. For each mention the script asserts that
raw[start:end] decodes to exactly the text, that no two mentions overlap, and
(for HTML) that the mention lies in visible text (outside tags, scripts and
styles). It then warns about any occurrence of an annotated surface, or of a
date-like word, that is neither annotated nor SKIPped, so missed repeats show up.

`excludes` lists page-furniture lines: each entry is an exact line if one
matches exactly, otherwise a prefix that must match exactly one line.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = ("synthetic held-out article (set v2) written for Dossier's tests; "
          "facts as publicly reported, text original")
TYPES = {"PERSON", "ORG", "PLACE", "WEAPON", "EVENT", "DATE"}

# Canonical names for surfaces whose meaning is the same wherever they occur in this set.
ALIASES = {
    # people: short forms and capitals
    "Blinken": "Antony Blinken", "Farahani": "Leila Farahani",
    "Keating": "Paul Keating", "Albanese": "Anthony Albanese", "Marles": "Richard Marles",
    "Morrison": "Scott Morrison",
    "Doval": "Ajit Doval",
    "TOMASZ WRÓBEL": "Tomasz Wróbel", "Błaszczak": "Mariusz Błaszczak", "Eom": "Eom Dong-hwan",
    "Stubb": "Alexander Stubb",
    "Yusov": "Andriy Yusov", "Goïta": "Assimi Goïta",
    "Katz": "Israel Katz",
    "Pashinyan": "Nikol Pashinyan", "Aliyev": "Ilham Aliyev",
    # organisations
    "MERIDIAN GLOBAL": "Meridian Global",
    "BLUEWATER POST": "Bluewater Post",
    "HIMALAYAN TRIBUNE": "Himalayan Tribune",
    "VISTULA DEFENCE NEWS": "Vistula Defence News",
    "SAHEL MONITOR": "Sahel Monitor",
    "LEVANT LEDGER": "Levant Ledger",
    "CAUCASUS BRIEF": "Caucasus Brief",
    "Treasury Department": "U.S. Department of the Treasury",
    "IRGC": "Islamic Revolutionary Guard Corps",
    "EU": "European Union",
    "UN": "United Nations",
    "Labor": "Australian Labor Party",
    "Coalition": "Liberal-National Coalition",
    "Greens": "Australian Greens",
    "Congress": "U.S. Congress",
    "RAN": "Royal Australian Navy",
    "ASA": "Australian Submarine Agency",
    "MEA": "Indian Ministry of External Affairs",
    "Ministry of External Affairs": "Indian Ministry of External Affairs",
    "WMCC": "Working Mechanism for Consultation and Coordination on India-China Border Affairs",
    "KAI": "Korea Aerospace Industries",
    "PGZ": "Polska Grupa Zbrojeniowa",
    "HSW": "Huta Stalowa Wola",
    "IEFS": "Institute for Eastern Flank Studies",
    "DAPA": "Defense Acquisition Program Administration",
    "Hanwha": "Hanwha Defense",
    "NBI": "National Bureau of Investigation",
    "Wagner": "Wagner Group",
    "CSP-DPA": "Permanent Strategic Framework for the Defence of the People of Azawad",
    "JNIM": "Jama'at Nusrat al-Islam wal-Muslimin",
    "FAMa": "Malian Armed Forces",
    "ECOWAS": "Economic Community of West African States",
    "AES": "Alliance of Sahel States",
    "Russian Ministry of Defence": "Russian Ministry of Defense",
    "LAF": "Lebanese Armed Forces",
    "IDF": "Israel Defense Forces",
    "Health Ministry": "Lebanese Ministry of Public Health",
    "USAID": "U.S. Agency for International Development",
    "ICC": "International Criminal Court",
    "National Assembly": "National Assembly of Armenia",
    # places
    "U.S.": "United States", "LONDON": "London", "GDYNIA": "Gdynia", "HELSINKI": "Helsinki",
    "GORIS": "Goris",
    "LAC": "Line of Actual Control",
    "Baltic": "Baltic Sea", "Baltics": "Baltic states",
    "Karabakh": "Nagorno-Karabakh", "Khankendi": "Stepanakert",
    "Ramat David": "Ramat David Airbase",
    # weapons
    "K2": "K2 Black Panther", "K9": "K9 Thunder",
    "Geran-2": "Shahed-136",
}

DOCS = {}

# ---------------------------------------------------------------------------
# Geran-2 is the Russian name of the Shahed-136 (the text says so): one entity.
# Share buttons (Facebook, X, LinkedIn) and tag lists are furniture, and their names count (rule 7).
DOCS["held2_01_iran_missiles_russia.txt"] = dict(
    title="Iran has sent ballistic missiles to Russia, Blinken says, as allies hit Iran Air with sanctions",
    published="2024-09-11",
    author="Farid Rostami",
    excludes=["Washington  79°F", "Wednesday, September 11, 2024", "MERIDIAN GLOBAL", "World · Middle East",
              "Advertisement", "By Farid Rostami", "farid.rostami@", "Sept. 11, 2024", "Related coverage",
              "How Russia's drone factory", "Explainer: what the Fath-360", "Sign up for our morning",
              "Tags: Iran", "Share: Facebook", "© 2024 Meridian"],
    mentions="""
PLACE Washington
DATE Wednesday, September 11, 2024 => 2024-09-11
ORG MERIDIAN GLOBAL
PLACE Middle East
PLACE Europe
PLACE Iran
PLACE Russia
PERSON Blinken
ORG Iran Air
PLACE Washington
WEAPON Fath-360
PLACE Ukraine
PLACE Tehran
PERSON Farid Rostami
DATE Sept. 11, 2024 => 2024-09-11
PLACE LONDON
PLACE Iran
PLACE Russia
PERSON Antony Blinken
DATE Tuesday => 2024-09-10
PLACE United States
PLACE Tehran
PERSON David Lammy
PERSON Blinken
PLACE Moscow
WEAPON Fath-360
PLACE Iran
PLACE Russia
PLACE Ukraine
DATE last Friday => 2024-09-06
ORG Wall Street Journal
PLACE U.S.
PLACE United States
ORG Iran Air
ORG Treasury Department
PLACE Caspian Sea
PLACE Britain
PLACE France
PLACE Germany
PLACE Iran
PLACE Tehran
PERSON Abbas Araghchi
DATE last month => 2024-08
ORG X
PLACE Iran
PLACE Russia
PLACE Israel
PLACE Moscow
ORG Kremlin
PERSON Dmitry Peskov
PLACE Iran
PLACE Kyiv
PERSON Heorhii Tykhyi
PLACE Ukraine
ORG Ministry of Foreign Affairs => Ukrainian Ministry of Foreign Affairs
PLACE Tehran
DATE autumn 2022 => 2022-09/2022-11
WEAPON Shahed-136
PLACE Russia
WEAPON Geran-2
PLACE Russia
PLACE Alabuga
PLACE Tatarstan
PLACE Moscow
PERSON Yurii Ihnat
PLACE Ukraine
ORG Air Force => Ukrainian Air Force
PLACE U.S.
WEAPON Patriot
PLACE Kyiv
WEAPON Patriot
WEAPON Fath-360
ORG Islamic Revolutionary Guard Corps
ORG IRGC
DATE October 2022 => 2022-10
PLACE Iran
PLACE Russia
WEAPON Fateh-110
WEAPON Zolfaghar
ORG IRGC
PLACE Middle East
ORG Hezbollah
PLACE Lebanon
ORG Houthis
PLACE Yemen
WEAPON Fath-360
PERSON Leila Farahani
ORG Ravensworth Institute
PLACE London
PLACE Tehran
PLACE Europe
ORG European Union
PERSON Josep Borrell
PLACE Iran
ORG EU
DATE next month => 2024-10
PERSON Farahani
PLACE Russia
WEAPON Iskander
PLACE North Korea
PLACE Moscow
WEAPON KN-23
PLACE Russia
PLACE Tatarstan
WEAPON Fath-360
PLACE Washington
PLACE Iran
PLACE Russia
PLACE Ukraine
ORG Facebook
ORG X
ORG LinkedIn
DATE 2024 => 2024
ORG Meridian Global Media Group
""")

# ---------------------------------------------------------------------------
# AUKUS (the pact) is ORG, like Quad in v1; SSN-AUKUS is one WEAPON (rule 2).
# Class names keep "-class" in the span (Virginia-class, Collins-class, Attack-class).
# "late next decade" is vague and not annotated; "Monday" and "Tuesday" are the two local
# dates of the San Diego announcement (California, Australia).
DOCS["held2_02_aukus_keating.txt"] = dict(
    title="Keating savages AUKUS submarine deal as Albanese defends $368 billion plan",
    published="2023-03-16",
    author="Callum Finch and Priya Raghavan",
    excludes=["Canberra  11°", "BLUEWATER POST", "Defence  |  Politics", "DEFENCE", "Callum Finch and Priya",
              "Thursday 16 March 2023", "MORE ON AUKUS", "Inside HMAS Stirling", "What a Virginia-class",
              "Get our defence newsletter", "Topics: AUKUS", "© Bluewater Media"],
    mentions="""
PLACE Canberra
PLACE Sydney
PLACE Perth
ORG BLUEWATER POST
PLACE Indo-Pacific
PERSON Keating
ORG AUKUS
PERSON Albanese
PLACE Australia
PLACE United States
PLACE Britain
PLACE San Diego
ORG Labor
PERSON Callum Finch
PERSON Priya Raghavan
DATE Thursday 16 March 2023 => 2023-03-16
PERSON Paul Keating
ORG AUKUS
ORG National Press Club
PLACE Canberra
DATE Wednesday => 2023-03-15
ORG Labor
PERSON Billy Hughes
EVENT World War I
PERSON Keating
DATE 1991 to 1996 => 1991/1996
PLACE Australia
PLACE United States
PERSON Richard Marles
PERSON Penny Wong
PLACE China
PLACE Australia
PERSON Anthony Albanese
PLACE Australia
ORG Coalition
PERSON Albanese
PERSON Joe Biden
PERSON Rishi Sunak
PLACE Naval Base Point Loma
PLACE San Diego
PLACE Australia
DATE Monday => 2023-03-13
DATE Tuesday => 2023-03-14
PLACE Australia
PLACE U.S.
PLACE HMAS Stirling
PLACE Garden Island
PLACE Perth
DATE 2026 => 2026
DATE 2027 => 2027
PLACE U.S.
ORG Submarine Rotational Force-West
DATE 2032 => 2032
ORG Congress
PLACE United States
PLACE Australia
WEAPON Virginia-class
WEAPON SSN-AUKUS
PLACE Britain
PLACE Osborne
PLACE Adelaide
ORG Royal Navy
ORG Royal Australian Navy
ORG RAN
ORG Rolls-Royce
PLACE Derby
ORG RAN
WEAPON Collins-class
ORG Department of Defence => Australian Department of Defence
ORG Australian Submarine Agency
ORG ASA
PERSON Marles
DATE July 1 => 2023-07-01
PERSON Jonathan Mead
ORG Nuclear-Powered Submarine Taskforce
DATE 2021 => 2021
PERSON Peter Dutton
ORG Greens
PERSON David Shoebridge
PLACE Beijing
PERSON Wang Wenbin
DATE Tuesday => 2023-03-14
DATE September 2021 => 2021-09
PERSON Morrison
PLACE France
ORG Naval Group
WEAPON Attack-class
PLACE Paris
PLACE Australia
ORG Naval Group
PLACE Rockingham
PLACE Garden Island
PERSON Dean Whitford
PERSON Hannah Osei
ORG Southern Ocean Strategy Centre
PLACE Canberra
PERSON Keating
ORG Labor
DATE August => 2023-08
ORG AUKUS
PLACE HMAS Stirling
WEAPON Virginia-class
ORG AUKUS
PERSON Paul Keating
PLACE United States
ORG Bluewater Media Pty Ltd
DATE 2023 => 2023
""")

# ---------------------------------------------------------------------------
# Undated: `published` is null. The top line is the site's date banner (the day the page
# was viewed), annotated as DATE with its own value. Expressions relative to the publication
# date (Wednesday, this month, next year) are null; dates that carry their year are resolved,
# and "two days later" is resolved against the explicit date it follows.
# Line of Actual Control (LAC) is a named location: PLACE. The pilgrimage Kailash Mansarovar
# Yatra is a named EVENT (rule 2: one span). Lower-case "special representatives" and
# "China's foreign ministry" are not names.
DOCS["held2_03_india_china_border.txt"] = dict(
    title="Doval, Wang Yi agree on six-point consensus as India, China revive boundary talks after five years",
    published=None,
    author="Sandeep Bhattacharya",
    excludes=["Saturday, January 4, 2025", "HIMALAYAN TRIBUNE", "Nation | World", "New Delhi  14°C",
              "Home / World / China", "Written by Sandeep", "ALSO READ",
              "Explained: What the Depsang", "Rajnath Singh meets", "Follow us on Google News",
              "© 2025 Himalayan"],
    mentions="""
DATE Saturday, January 4, 2025 => 2025-01-04
ORG HIMALAYAN TRIBUNE
PLACE New Delhi
PLACE China
PERSON Doval
PERSON Wang Yi
PLACE India
PLACE China
PLACE Beijing
DATE 2019 => 2019
PLACE Depsang
PLACE Demchok
PERSON Sandeep Bhattacharya
PLACE New Delhi
PLACE India
PLACE China
EVENT Kailash Mansarovar Yatra
PERSON Ajit Doval
PERSON Wang Yi
PLACE Beijing
DATE December 18, 2024 => 2024-12-18
DATE 2003 => 2003
PLACE New Delhi
DATE December 2019 => 2019-12
PLACE Ladakh
PLACE Beijing
PLACE India
ORG Ministry of External Affairs
ORG MEA
PLACE Line of Actual Control
PLACE LAC
PERSON Doval
PERSON Han Zheng
ORG MEA
PLACE India
DATE next year => null
PLACE Mount Kailash
PLACE Lake Mansarovar
PLACE Tibet
PLACE Lipulekh
PLACE Nathu La
DATE 2020 => 2020
PLACE Nathu La
PLACE Sikkim
PLACE Shipki La
PLACE Himachal Pradesh
PLACE Lipulekh
PLACE Uttarakhand
PLACE Galwan Valley
DATE June 15, 2020 => 2020-06-15
PLACE China
ORG Indian Army
EVENT Operation Snow Leopard
WEAPON T-90
WEAPON K9 Vajra
DATE October 2024 => 2024-10
DATE October 21, 2024 => 2024-10-21
PERSON Vikram Misri
PLACE LAC
PLACE Depsang
PLACE Demchok
PERSON Narendra Modi
PERSON Xi Jinping
DATE two days later => 2024-10-23
ORG BRICS
PLACE Kazan
DATE this month => null
ORG Working Mechanism for Consultation and Coordination on India-China Border Affairs
ORG WMCC
PLACE New Delhi
DATE December 5, 2024 => 2024-12-05
PERSON Gourangalal Das
ORG MEA
PERSON Hong Liang
ORG Boundary and Ocean Affairs Department
PLACE China
ORG WMCC
PERSON Rajnath Singh
PERSON Dong Jun
PLACE Vientiane
DATE November 20, 2024 => 2024-11-20
ORG ASEAN
PLACE Beijing
PLACE China
DATE Wednesday => null
PERSON Meera Raghunathan
ORG Narmada Institute for Strategic Affairs
PLACE New Delhi
PLACE LAC
PLACE Ladakh
PLACE Depsang
PLACE Demchok
PERSON Rajnath Singh
PERSON Dong Jun
PLACE Vientiane
ORG Google News
DATE 2025 => 2025
ORG Himalayan Tribune Digital Pvt Ltd
""")

# ---------------------------------------------------------------------------
# Bare "Hanwha" (body, teaser, tags) is linked to Hanwha Defense, the K9 maker named before.
# K2PL and K9PL are variants: separate entities from K2 and K9. "the Baltic coast" gives
# "Baltic". Bumar-Łabędy is the company that owns the plant: ORG. "every Friday" is generic.
DOCS["held2_04_poland_k2_k9.txt"] = dict(
    title="First Korean K2 tanks and K9 howitzers arrive in Poland, months after record arms deal",
    published="2022-12-07",
    author="Tomasz Wróbel and Kim So-yeon",
    excludes=["VISTULA DEFENCE NEWS", "Land · Air", "Wednesday, 7 December 2022", "Advertisement", "INDUSTRY",
              "TOMASZ WRÓBEL", "tomasz.wrobel@", "7 December 2022, 11:30", "Read also:",
              "Poland's Krab howitzers", "Hanwha bets on Europe", "Newsletter: the week", "Tags: K2",
              "Share on Facebook", "© 2022 Vistula"],
    mentions="""
ORG VISTULA DEFENCE NEWS
DATE Wednesday, 7 December 2022 => 2022-12-07
WEAPON K2
WEAPON K9
PLACE Poland
PERSON TOMASZ WRÓBEL
PERSON Kim So-yeon
DATE 7 December 2022 => 2022-12-07
PLACE GDYNIA
WEAPON K2 Black Panther
WEAPON K9 Thunder
PLACE South Korea
PLACE Gdynia
DATE Tuesday => 2022-12-06
PLACE Warsaw
PERSON Andrzej Duda
PERSON Mariusz Błaszczak
PLACE Baltic
PERSON Błaszczak
PLACE Poland
PLACE Ukraine
DATE next year => 2023
PLACE Gdynia
DATE the following day => 2022-12-07
PLACE Warsaw
DATE July 27 => 2022-07-27
WEAPON K2
WEAPON K9
WEAPON FA-50
ORG Korea Aerospace Industries
ORG KAI
DATE August 26 => 2022-08-26
WEAPON K2
ORG Hyundai Rotem
WEAPON K9
ORG Hanwha Defense
WEAPON FA-50
DATE September => 2022-09
DATE mid-2023 => 2023
DATE this autumn => 2022-09/2022-11
WEAPON K239 Chunmoo
ORG Hyundai Rotem
WEAPON K2PL
EVENT MSPO
PLACE Kielce
DATE September => 2022-09
PLACE Poland
DATE 2026 => 2026
WEAPON K2PL
ORG Bumar-Łabędy
PLACE Gliwice
ORG Polska Grupa Zbrojeniowa
ORG PGZ
ORG Huta Stalowa Wola
ORG HSW
ORG PGZ
WEAPON Krab
WEAPON K9
WEAPON K9PL
ORG 16th Mechanised Division
PLACE Kaliningrad
PLACE Poland
PLACE Ukraine
WEAPON T-72
PLACE Russia
DATE February => 2022-02
DATE April => 2022-04
WEAPON M1A2 Abrams
PLACE United States
DATE 2025 => 2025
PERSON Marek Zieliński
PLACE Warsaw
ORG Institute for Eastern Flank Studies
ORG IEFS
WEAPON Leopard 2
ORG Hyundai Rotem
ORG Hanwha
DATE this year => 2022
PLACE Seoul
ORG Defense Acquisition Program Administration
ORG DAPA
PERSON Eom Dong-hwan
DATE May => 2022-05
PERSON Yoon Suk Yeol
PLACE South Korea
DATE 2027 => 2027
ORG DAPA
DATE this year => 2022
PERSON Yoo Ji-hoon
ORG Hanbit Defence Research Institute
PLACE Seoul
WEAPON K2
PLACE Poland
ORG Republic of Korea Army
PERSON Eom
PLACE Warsaw
PERSON Błaszczak
PLACE Ukraine
PLACE Poland
PLACE Poland
WEAPON Krab
PLACE Ukraine
ORG Hanwha
PLACE Europe
SKIP Friday
WEAPON K2
WEAPON K9
ORG Hyundai Rotem
ORG Hanwha
PLACE Poland
PLACE South Korea
ORG Facebook
ORG X
ORG LinkedIn
DATE 2022 => 2022
ORG Vistula Defence News
""")

# ---------------------------------------------------------------------------
# HTML: only visible text is annotated (the <title> element and the page body), as in v1.
# Named cables and pipelines (Estlink 1, Estlink 2, C-Lion1, Balticconnector) are named
# facilities: PLACE. Merchant ships (Eagle S, Yi Peng 3, Newnew Polar Bear) are not annotated.
# "Christmas Day" points at a calendar day: DATE. "August next year" is one DATE span.
# "every Tuesday & Friday" in the newsletter box is generic.
DOCS["held2_05_baltic_cable.html"] = dict(
    title="Finland seizes tanker suspected of cutting Baltic power cable on Christmas Day",
    published="2024-12-27",
    author="Mikko Lehtinen",
    excludes="HTML",
    mentions="""
PLACE Finland
PLACE Baltic
PLACE Estlink 2
ORG Nordic Current
ORG Nordic Current
PLACE Helsinki
PLACE Stockholm
PLACE Tallinn
PLACE Baltics
PLACE Helsinki
PLACE Finland
PLACE Baltic
DATE Christmas Day => 2024-12-25
PLACE Gulf of Finland
PLACE Helsinki
PERSON Mikko Lehtinen
DATE 27 December 2024 => 2024-12-27
PLACE Porkkala
DATE Friday => 2024-12-27
ORG Finnish Border Guard
PLACE HELSINKI
PLACE Estlink 2
PLACE Finland
PLACE Estonia
PLACE Gulf of Finland
DATE Christmas Day => 2024-12-25
ORG Finnish Border Guard
PLACE Cook Islands
DATE Thursday => 2024-12-26
PLACE Porkkala
PLACE Helsinki
PERSON Robin Lardot
ORG National Bureau of Investigation
ORG NBI
DATE Friday => 2024-12-27
PLACE Estlink 2
DATE Wednesday => 2024-12-25
ORG Fingrid
DATE August next year => 2025-08
DATE the same day => 2024-12-25
PLACE Estlink 2
PLACE Estlink 1
PLACE Finland
PLACE Estonia
ORG Finnish Customs
PLACE Ust-Luga
PLACE Moscow
PERSON Alexander Stubb
PLACE Finland
PERSON Petteri Orpo
PLACE Tallinn
PERSON Hanno Pevkur
ORG Estonian Navy
PLACE Estlink 1
ORG NATO
PERSON Mark Rutte
PERSON Stubb
PLACE Baltic Sea
PERSON Kaja Kallas
ORG EU
PLACE Baltic
DATE Last month => 2024-11
PLACE Lithuania
PLACE Gotland
PLACE C-Lion1
PLACE Helsinki
PLACE Rostock
DATE October 2023 => 2023-10
PLACE Hong Kong
PLACE Balticconnector
PLACE Finland
PLACE Estonia
PERSON Anna-Kaisa Virtanen
ORG Turku Institute for Maritime Security
PERSON Jari Koskinen
PLACE Porkkala
DATE Thursday => 2024-12-26
PLACE Baltic
PLACE Balticconnector
PLACE Finland
PLACE Gulf of Finland
ORG Nordic Current
SKIP Tuesday
SKIP Friday
DATE 2024 => 2024
ORG Nordic Current Media Oy
""")

# ---------------------------------------------------------------------------
# "from July 25 to 27" is one range span without its preposition (rule 6).
# Tuareg is a group name used as an adjective here: not annotated. "last week" is not a
# calendar unit (SKIP). Africa Corps is one ORG (rule 2).
DOCS["held2_06_mali_wagner_ukraine.txt"] = dict(
    title="Mali cuts ties with Ukraine after Kyiv hints at role in deadly ambush on Wagner fighters",
    published="2024-08-07",
    author="Aminata Coulibaly and Julien Marchand",
    excludes=["Bamako  34°C", "SAHEL MONITOR", "Mali | Burkina Faso", "Wednesday 7 August 2024",
              "- Advertisement -", "By Aminata Coulibaly", "Published 07/08/2024", "READ MORE",
              "Burkina Faso's junta extends", "Explainer: who are the Tuareg", "Support independent reporting",
              "Tags: Mali", "© Sahel Monitor"],
    mentions="""
PLACE Bamako
ORG SAHEL MONITOR
PLACE Mali
PLACE Burkina Faso
PLACE Niger
DATE Wednesday 7 August 2024 => 2024-08-07
PLACE Mali
PLACE Ukraine
PLACE Kyiv
ORG Wagner
DATE last month => 2024-07
PLACE Tinzaouaten
PLACE Africa
PERSON Aminata Coulibaly
PLACE Bamako
PERSON Julien Marchand
DATE 07/08/2024 => 2024-08-07
PLACE Mali
PLACE Ukraine
PLACE Kyiv
PLACE Ukraine
ORG Wagner
DATE late July => 2024-07
PERSON Abdoulaye Maïga
DATE Sunday => 2024-08-04
PERSON Andriy Yusov
PLACE Ukraine
ORG HUR
PLACE Mali
PERSON Yusov
PLACE Ukraine
PLACE Mali
PLACE Niger
DATE Tuesday => 2024-08-06
PERSON Amadou Abdramane
PLACE Senegal
PLACE Ukraine
PLACE Dakar
PERSON Yurii Pyvovarov
SKIP last week
DATE July 25 to 27 => 2024-07-25/2024-07-27
PLACE Tinzaouaten
PLACE Kidal
PLACE Algeria
ORG Permanent Strategic Framework for the Defence of the People of Azawad
ORG CSP-DPA
ORG Wagner
ORG Jama'at Nusrat al-Islam wal-Muslimin
ORG JNIM
ORG al-Qaeda
PLACE Sahel
PERSON Mohamed Elmaouloud Ramadane
ORG CSP-DPA
ORG Wagner
ORG Telegram
ORG Grey Zone
ORG Telegram
ORG Wagner
PLACE Mali
DATE late 2021 => 2021
PLACE Moscow
ORG Wagner
PERSON Yevgeny Prigozhin
DATE August 2023 => 2023-08
ORG Russian Ministry of Defence
ORG Africa Corps
PERSON Yunus-Bek Yevkurov
PLACE Burkina Faso
PLACE Mali
PLACE Central African Republic
DATE that autumn => 2023-09/2023-11
ORG Malian Armed Forces
ORG FAMa
WEAPON Bayraktar TB2
DATE 2022 => 2022
WEAPON Su-25
WEAPON L-39 Albatros
PLACE Russia
DATE January 2023 => 2023-01
PERSON Assimi Goïta
DATE 2020 => 2020
DATE 2021 => 2021
PLACE Moscow
PLACE Mali
PLACE Burkina Faso
PLACE Niger
DATE January => 2024-01
ORG Economic Community of West African States
ORG ECOWAS
DATE last month => 2024-07
ORG Alliance of Sahel States
ORG AES
PLACE Niamey
ORG UN
ORG MINUSMA
PLACE Mali
DATE December => 2023-12
PLACE Ukraine
PERSON Fatoumata Keïta
PLACE Dakar
ORG West Africa Security Observatory
PLACE Bamako
ORG AES
PLACE Gao
PERSON Moussa ag Alhassane
PLACE Kidal
PERSON Goïta
PLACE Burkina Faso
DATE 2029 => 2029
ORG CSP-DPA
PLACE Sahel
PLACE Mali
ORG Wagner
PLACE Ukraine
ORG Africa Corps
PLACE Sahel
ORG Sahel Monitor
DATE 2024 => 2024
""")

# ---------------------------------------------------------------------------
# "Israel Katz" is a PERSON whose given name is also a country. "September 17 and 18" is a
# list of days sharing a month: split (rule 8). "Ramat David air base" gives "Ramat David".
# "the Lebanese army" (lower case) is a description, not a name; "LAF" is.
DOCS["held2_07_lebanon_ceasefire.txt"] = dict(
    title="Displaced Lebanese stream south as Israel-Hezbollah ceasefire holds through first day",
    published="2024-11-28",
    author="Rami Haddad and Noa Ben-Ami",
    excludes=["LEVANT LEDGER", "Thursday, November 28, 2024", "Beirut 19°C", "Middle East › Lebanon",
              "By Rami Haddad", "Nov. 28, 2024 | 3:20 PM", "ADVERTISEMENT", "Most read", "1. Who is Naim Qassem",
              "2. How the pager", "3. Gaza talks stall", "Newsletter: our daily", "Follow us:",
              "Copyright © 2024"],
    mentions="""
ORG LEVANT LEDGER
DATE Thursday, November 28, 2024 => 2024-11-28
PLACE Beirut
PLACE Tel Aviv
PLACE Amman
PLACE Middle East
PLACE Lebanon
PLACE Israel
ORG Hezbollah
PLACE Israel
PERSON Rami Haddad
PLACE Beirut
PERSON Noa Ben-Ami
PLACE Tel Aviv
DATE Nov. 28, 2024 => 2024-11-28
PLACE Beirut
DATE Wednesday => 2024-11-27
PLACE Israel
ORG Hezbollah
DATE September => 2024-09
PERSON Joe Biden
PLACE Rose Garden
DATE Tuesday => 2024-11-26
PLACE Lebanon
ORG Lebanese Armed Forces
ORG LAF
PLACE Litani River
ORG Hezbollah
PLACE United States
PLACE France
ORG UN
ORG UNIFIL
PERSON Avichay Adraee
DATE Wednesday => 2024-11-27
DATE Thursday => 2024-11-28
ORG Israel Defense Forces
ORG IDF
ORG LAF
PLACE Israel
PERSON Benjamin Netanyahu
PLACE Israel
PLACE Lebanon
ORG Hezbollah
PERSON Israel Katz
PERSON Yoav Gallant
DATE earlier this month => 2024-11
ORG IDF
PLACE Beirut
PERSON Najib Mikati
PLACE Israel
PERSON Nabih Berri
ORG Hezbollah
PLACE U.S.
PERSON Amos Hochstein
ORG Hezbollah
PERSON Naim Qassem
DATE last month => 2024-10
PERSON Hassan Nasrallah
PLACE Beirut
DATE September 27 => 2024-09-27
DATE September 17 => 2024-09-17
DATE 18 => 2024-09-18
ORG Hezbollah
PLACE Israel
WEAPON Fadi-1
WEAPON Fadi-2
PLACE Ramat David
PLACE Haifa
WEAPON Iron Dome
WEAPON David's Sling
WEAPON Merkava
WEAPON F-35I
PLACE Lebanon
DATE October 1 => 2024-10-01
ORG IDF
EVENT Operation Northern Arrows
PLACE Lebanon
ORG Health Ministry
DATE October 2023 => 2023-10
PLACE Kiryat Shmona
PLACE Metula
DATE late January => 2025-01
PERSON Donald Trump
PERSON Zeinab Khalil
PLACE Sidon
PLACE Khiam
PLACE Kiryat Shmona
PERSON Yossi Amsalem
DATE Next year => 2025
PERSON Karim Nassar
PLACE Beirut
ORG Levant Institute for Policy Studies
ORG LAF
ORG UNIFIL
PERSON Naim Qassem
ORG Hezbollah
PLACE Gaza
ORG Hamas
PLACE Israel
PLACE Beirut
ORG X
ORG Instagram
ORG WhatsApp
DATE 2024 => 2024
ORG Levant Ledger Media SAL
""")

# ---------------------------------------------------------------------------
# Stepanakert and Khankendi are one place. "Karabakh" alone is Nagorno-Karabakh; the
# self-declared "Nagorno-Karabakh Republic" is a separate PLACE (rule 2). "Lachin corridor"
# and "Lachin checkpoint" give "Lachin". "last Tuesday" in a Monday article is the Tuesday
# six days earlier; "On Tuesday" is the next day. Eagle Partner 2023 is a named exercise: EVENT.
DOCS["held2_08_karabakh_exodus.txt"] = dict(
    title="Last buses leave Karabakh as UN mission finds a near-empty Stepanakert",
    published="2023-10-02",
    author="Lena Hofstadter",
    excludes=["CAUCASUS BRIEF", "News · Armenia", "Monday 2 October 2023", "By Lena Hofstadter",
              "lena.hofstadter@", "Related", "Explainer: the Lachin", "Armenia's ICC vote", "Caucasus Brief is free",
              "© 2023 Caucasus Brief"],
    mentions="""
ORG CAUCASUS BRIEF
PLACE Armenia
PLACE Azerbaijan
PLACE Georgia
DATE Monday 2 October 2023 => 2023-10-02
PLACE Karabakh
ORG UN
PLACE Stepanakert
PLACE Armenia
PLACE Azerbaijan
PERSON Lena Hofstadter
PLACE Goris
PLACE Nagorno-Karabakh
PLACE Goris
ORG Caucasus Brief
PERSON Lena Hofstadter
PLACE GORIS
PLACE Armenia
ORG United Nations
PLACE Nagorno-Karabakh
DATE Sunday => 2023-10-01
ORG UN
PLACE Stepanakert
PLACE Armenia
DATE Saturday => 2023-09-30
PLACE Azerbaijan
DATE last Tuesday => 2023-09-26
PERSON Nazeli Baghdasaryan
PERSON Nikol Pashinyan
PLACE Kornidzor
PLACE Goris
PLACE Azerbaijan
DATE September 19 => 2023-09-19
PLACE Karabakh
PLACE Lachin
PLACE Armenia
DATE December => 2022-12
DATE Last Monday => 2023-09-25
PLACE Stepanakert
PLACE Azerbaijan
PLACE Khankendi
DATE The same day => 2023-09-25
PLACE Nakhchivan
PLACE Azerbaijan
PLACE Turkey
PERSON Ilham Aliyev
PERSON Recep Tayyip Erdoğan
PERSON Samantha Power
ORG U.S. Agency for International Development
ORG USAID
PLACE Kornidzor
PLACE Armenia
DATE Thursday => 2023-09-28
PERSON Samvel Shahramanyan
DATE January 1, 2024 => 2024-01-01
PLACE Nagorno-Karabakh Republic
DATE 1991 => 1991
PLACE Armenia
PERSON Ruben Vardanyan
DATE February => 2023-02
PLACE Lachin
DATE Wednesday => 2023-09-27
PLACE Baku
PERSON Hikmet Hajiyev
PERSON Aliyev
PLACE Baku
PLACE Yerevan
PERSON Pashinyan
PLACE Russia
PLACE Karabakh
DATE Tuesday => 2023-10-03
PLACE Armenia
ORG National Assembly
ORG International Criminal Court
ORG ICC
PERSON Vladimir Putin
DATE March => 2023-03
PLACE Moscow
PLACE Armenia
PLACE U.S.
EVENT Eagle Partner 2023
DATE last month => 2023-09
PLACE India
WEAPON Pinaka
PLACE Azerbaijan
EVENT Second Karabakh War
DATE 2020 => 2020
WEAPON Bayraktar TB2
WEAPON Harop
PLACE Baku
PLACE Shusha
PLACE Goris
PERSON Anush Petrosyan
PLACE Martakert
DATE 1988 => 1988
PERSON Elena Dragomir
ORG Black Sea and Caucasus Policy Institute
PLACE Tbilisi
PLACE Armenia
PLACE Moscow
PLACE Lachin
PLACE Armenia
ORG ICC
PLACE Moscow
ORG Caucasus Brief
DATE 2023 => 2023
ORG Caucasus Brief
PLACE Tbilisi
PLACE Yerevan
PLACE Baku
""")

# ---------------------------------------------------------------------------

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
DATE_LIKE = re.compile(
    r"\b(?:(?:%s)\b|(?:%s)\b|(?:19|20)\d\d\b|yesterday|today|tomorrow|"
    r"(?:[Ll]ast|[Nn]ext|[Tt]his|[Tt]hat|[Ee]arlier this|[Ll]ater this)\s+"
    r"(?:week|month|year|spring|summer|autumn|fall|winter|%s|%s)\b|"
    r"(?:spring|summer|autumn|winter)\s+(?:19|20)\d\d)" % (MONTHS, DAYS, MONTHS, DAYS))


def is_word(ch):
    return ch.isalnum() or ch == "_"


def visible_spans(raw):
    """Byte ranges of visible text in an HTML document (outside tags, scripts, styles)."""
    text = raw.decode("utf-8")
    spans, i = [], 0
    for m in re.finditer(r"<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->|<[^>]*>", text, re.S):
        if m.start() > i:
            spans.append((len(text[:i].encode()), len(text[:m.start()].encode())))
        i = m.end()
    if i < len(text):
        spans.append((len(text[:i].encode()), len(raw)))
    return spans


def parse_spec(name, spec):
    docnum = re.match(r"held2_(\d+)_", name).group(1)
    items = []
    for n, line in enumerate(spec.strip().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, rest = line.split(" ", 1)
        if kind == "SKIP":
            items.append(("SKIP", rest, None, None))
            continue
        assert kind in TYPES, f"{name} spec line {n}: bad type {kind!r}"
        if " => " in rest:
            text, target = rest.split(" => ", 1)
        else:
            text, target = rest, None
        if kind == "DATE":
            assert target is not None, f"{name}: DATE {text!r} needs a value (or null)"
            value = None if target == "null" else target
            assert value is None or re.fullmatch(
                r"\d{4}(-\d\d(-\d\d)?)?(/\d{4}(-\d\d(-\d\d)?)?)?", value), f"{name}: bad value {value!r}"
            entity = value if value is not None else f"{text} (held2_{docnum})"
            items.append(("DATE", text, entity, value))
        else:
            items.append((kind, text, target or ALIASES.get(text, text), None))
    return items


def find(raw, needle, pos, visible):
    """Next word-bounded occurrence of needle (bytes) at or after pos, in visible text."""
    while True:
        i = raw.find(needle, pos)
        if i < 0:
            return -1
        j = i + len(needle)
        before = raw[:i].decode("utf-8")[-1:]
        after = raw[j:j + 4].decode("utf-8", "ignore")[:1]
        ok = not (before and is_word(before) and is_word(needle.decode()[0]))
        ok = ok and not (after and is_word(after) and is_word(needle.decode()[-1]))
        if ok and visible is not None:
            ok = any(a <= i and j <= b for a, b in visible)
        if ok:
            return i
        pos = i + 1


def build(name, cfg):
    path = os.path.join(HERE, name)
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")
    is_html = name.endswith(".html")
    visible = visible_spans(raw) if is_html else None

    mentions, skips, pos, errors = [], [], 0, []
    for kind, surface, entity, value in parse_spec(name, cfg["mentions"]):
        needle = surface.encode("utf-8")
        i = find(raw, needle, pos, visible)
        if i < 0:
            errors.append(f"{name}: {kind} {surface!r} not found after byte {pos}")
            continue
        start, end = i, i + len(needle)
        pos = end
        if kind == "SKIP":
            skips.append((start, end))
            continue
        assert raw[start:end].decode("utf-8") == surface
        m = {"type": kind, "start": start, "end": end, "text": surface, "entity": entity}
        if kind == "DATE":
            m["value"] = value
        mentions.append(m)
    if errors:
        raise SystemExit("\n".join(errors))

    mentions.sort(key=lambda m: (m["start"], m["end"]))
    for a, b in zip(mentions, mentions[1:]):
        assert a["end"] <= b["start"], f"{name}: overlapping mentions {a} and {b}"
    for m in mentions:
        assert raw[m["start"]:m["end"]] == m["text"].encode("utf-8"), m

    # body_excludes: exact raw lines of page furniture
    lines = text.splitlines()
    if cfg["excludes"] == "HTML":
        # every line except the plain-text lines of the <article> element is markup or furniture
        a0 = next(k for k, l in enumerate(lines) if l.strip() == "<article>")
        a1 = next(k for k, l in enumerate(lines) if l.strip() == "</article>")
        keep = {k for k in range(a0 + 1, a1) if "<" not in lines[k] and lines[k].strip()}
        excludes = [l for k, l in enumerate(lines) if l.strip() and k not in keep]
        for k in keep:
            assert "&" not in lines[k], f"{name}: character reference in an article line {k + 1}"
    else:
        excludes = []
        for prefix in cfg["excludes"]:
            # an exact line if one matches, otherwise the one line that starts with the prefix
            hits = [l for l in lines if l == prefix] or [l for l in lines if l.startswith(prefix)]
            assert len(hits) == 1, f"{name}: exclude prefix {prefix!r} matches {len(hits)} lines"
            excludes.append(hits[0])
    if cfg["title"] is not None:
        assert any(l.strip() == cfg["title"] for l in lines), f"{name}: title line not found"

    # completeness: unannotated occurrences of annotated surfaces, and date-like words
    covered = [(m["start"], m["end"]) for m in mentions] + skips
    def is_covered(s, e):
        return any(a <= s and e <= b for a, b in covered)
    warnings = []
    for surface in sorted({m["text"] for m in mentions if m["type"] != "DATE"}):
        p = 0
        while True:
            i = find(raw, surface.encode(), p, visible)
            if i < 0:
                break
            if not is_covered(i, i + len(surface.encode())):
                warnings.append(f"{name}: unannotated {surface!r} at byte {i}")
            p = i + 1
    for mt in DATE_LIKE.finditer(text):
        s = len(text[:mt.start()].encode())
        e = s + len(mt.group().encode())
        if visible is not None and not any(a <= s and e <= b for a, b in visible):
            continue
        if not is_covered(s, e):
            warnings.append(f"{name}: date-like {mt.group()!r} at byte {s} not annotated")

    doc = {
        "doc": name,
        "title": cfg["title"],
        "published": cfg["published"],
        "author": cfg["author"],
        "body_excludes": excludes,
        "source": SOURCE,
        "mentions": mentions,
    }
    return doc, warnings


def main(argv):
    check_only = "--check" in argv
    all_warnings, totals = [], {}
    for name, cfg in DOCS.items():
        doc, warnings = build(name, cfg)
        all_warnings += warnings
        for m in doc["mentions"]:
            totals[m["type"]] = totals.get(m["type"], 0) + 1
        if not check_only:
            out = os.path.join(HERE, os.path.splitext(name)[0] + ".json")
            with open(out, "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False, indent=1)
                f.write("\n")
        print(f"{name}: {len(doc['mentions'])} mentions, {len(doc['body_excludes'])} excluded lines")
    print("totals:", ", ".join(f"{t} {totals.get(t, 0)}" for t in sorted(TYPES)),
          f"| all {sum(totals.values())}")
    for w in all_warnings:
        print("WARNING", w)
    return 1 if all_warnings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
