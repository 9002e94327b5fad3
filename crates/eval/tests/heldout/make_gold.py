#!/usr/bin/env python3
"""Build the gold JSON files for Dossier's held-out articles.

usage: python3 make_gold.py          # writes held_NN_<slug>.json beside this script
       python3 make_gold.py --check  # only checks, writes nothing

The annotations below were made by hand, following
/work/shared/annotation/GUIDELINES.md. Each document's mentions are listed in
reading order, one per line:

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
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = ("synthetic held-out article written for Dossier's tests; "
          "facts as publicly reported, text original")
TYPES = {"PERSON", "ORG", "PLACE", "WEAPON", "EVENT", "DATE"}

# Canonical names for surfaces whose meaning is the same wherever they occur in this set.
ALIASES = {
    # people: short forms, capitals, other name orders
    "Kihara": "Minoru Kihara", "KIHARA Minoru": "Minoru Kihara",
    "Kishida": "Fumio Kishida", "Emanuel": "Rahm Emanuel", "Oyama": "Haruka Oyama",
    "Lai": "Lai Ching-te", "Koo": "Wellington Koo", "Koo Li-hsiung": "Wellington Koo",
    "NADIA HALABI": "Nadia Halabi", "Saree": "Yahya Saree",
    "Kristersson": "Ulf Kristersson", "Victoria": "Crown Princess Victoria",
    "Stubb": "Alexander Stubb",
    "Brawner": "Romeo Brawner Jr.", "Marcos": "Ferdinand Marcos Jr.",
    "Park": "Park Jin Hyok",
    # organisations
    "PACIFIC LEDGER": "Pacific Ledger", "Ledger": "Pacific Ledger",
    "GULF MARITIME WIRE": "Gulf Maritime Wire",
    "BLACK SEA MONITOR": "Black Sea Monitor",
    "NORTH STAR DISPATCH": "North Star Dispatch", "DISPATCH": "North Star Dispatch",
    "ARCHIPELAGO NEWS ONLINE": "Archipelago News Online",
    "Archipelago News": "Archipelago News Online",
    "CIPHERLINE": "CipherLine",
    "PLA": "People's Liberation Army",
    "Nato": "NATO",
    "CENTCOM": "U.S. Central Command",
    "UKMTO": "United Kingdom Maritime Trade Operations",
    "NORAD": "North American Aerospace Defense Command",
    "AFP": "Armed Forces of the Philippines",
    "Western Command": "AFP Western Command",
    "State Department": "U.S. Department of State",
    "U.S. Justice Department": "U.S. Department of Justice",
    "FBI": "Federal Bureau of Investigation",
    "UN": "United Nations",
    "Lazarus": "Lazarus Group",
    "Pentagon": "Pentagon",
    # places
    "U.S.": "United States", "US": "United States",
    "TOKYO": "Tokyo", "DUBAI": "Dubai", "TAIPEI": "Taipei",
    "PUERTO PRINCESA": "Puerto Princesa", "WEST PHILIPPINE SEA": "West Philippine Sea",
    "People's Republic of China": "China",
    "North": "North Korea",
    "Baltic": "Baltic Sea",
    "Pacific": "Pacific Ocean",
    "Ayungin Shoal": "Second Thomas Shoal", "Ren'ai Jiao": "Second Thomas Shoal",
    "Takeshima": "Dokdo",
    "Eielson": "Eielson Air Force Base",
    # weapons and events
    "Sierra Madre": "BRP Sierra Madre",
    "Block IV Tomahawk": "Tomahawk Block IV", "Block V": "Tomahawk Block V",
    "Steadfast Defender": "Steadfast Defender 2024",
}

DOCS = {}

# ---------------------------------------------------------------------------
DOCS["held_01_japan_tomahawk.txt"] = dict(
    title="Japan seals deal for up to 400 Tomahawk missiles as it races to field long-range strike",
    published="2024-01-19",
    author="Aiko Morishita and Daniel Reyes",
    excludes=["THE PACIFIC LEDGER", "World | Asia-Pacific", "By Aiko Morishita", "Published: 19 January",
              "Related: North Korea fires", "Related: Inside Japan", "Get the Ledger", "© 2024 Pacific Ledger"],
    mentions="""
ORG PACIFIC LEDGER
PLACE Asia-Pacific
PLACE Japan
WEAPON Tomahawk
PLACE Tokyo
DATE Thursday => 2024-01-18
PLACE Japan
PERSON Aiko Morishita
PERSON Daniel Reyes
DATE 19 January 2024 => 2024-01-19
PLACE TOKYO
PLACE Japan
PLACE United States
WEAPON Tomahawk
PERSON Fumio Kishida
DATE Thursday => 2024-01-18
ORG Ministry of Defense => Japan Ministry of Defense
PLACE Ichigaya
PLACE Tokyo
PERSON Minoru Kihara
PERSON Rahm Emanuel
PLACE Washington
WEAPON Block IV Tomahawk
WEAPON Block V
PLACE Tokyo
DATE fiscal 2026 => 2026-04/2027-03
PERSON Kihara
PERSON Lloyd Austin
ORG Pentagon
DATE Oct. 4, 2023 => 2023-10-04
PLACE Japan
DATE fiscal 2025 to 2027 => 2025-04/2028-03
PERSON Kihara
PERSON Emanuel
ORG Japan Maritime Self-Defense Force
DATE March => 2024-03
WEAPON Aegis
WEAPON Chokai
PERSON KIHARA Minoru
PERSON Rahm Emanuel
PLACE Tokyo
DATE Jan. 18, 2024 => 2024-01-18
ORG Japan Ministry of Defense
ORG Pacific Ledger
PERSON Kishida
DATE December 2022 => 2022-12
DATE fiscal 2023 => 2023-04/2024-03
DATE 2027 => 2027
PLACE Tokyo
PLACE China
PLACE North Korea
DATE Last month => 2023-12
PLACE North Korea
WEAPON Hwasong-18
PLACE Sea of Japan
PLACE Okushiri Island
PLACE Hokkaido
DATE August 2022 => 2022-08
ORG People's Liberation Army
PLACE Taiwan
PLACE Japan
WEAPON Tomahawk
DATE fiscal 2025 => 2025-04/2026-03
WEAPON Type 12
ORG Mitsubishi Heavy Industries
ORG Japan Ground Self-Defense Force
DATE October => 2023-10
WEAPON Joint Strike Missile
PLACE Norway
ORG Kongsberg
WEAPON F-35A
PERSON Haruka Oyama
PLACE Yokosuka
PERSON Oyama
PLACE Japan
ORG Constitutional Democratic Party of Japan
PERSON Kishida
PLACE Japan
PLACE North Korea
PLACE Tokyo
PLACE Japan
PLACE Japan
DATE 2027 => 2027
ORG Ledger
PLACE Asia
DATE 2024 => 2024
ORG Pacific Ledger Media KK
""")

# ---------------------------------------------------------------------------
# HTML: only visible text is annotated (the <title> element and the page body);
# attribute values (meta description/author/published_time, href, datetime) and
# the <script> are not text and carry no mentions.
DOCS["held_02_taiwan_drills.html"] = dict(
    title="Record 153 Chinese aircraft tracked as PLA's Joint Sword-2024B drills encircle Taiwan",
    published="2024-10-15",
    author="Lin Yu-ting",
    excludes="HTML",
    mentions="""
PLACE China
EVENT Joint Sword-2024B
PLACE Taiwan
ORG Harbourline Asia
ORG Harbourline Asia
PLACE China
ORG PLA
EVENT Joint Sword-2024B
PLACE Taiwan
PLACE Beijing
PERSON Lai Ching-te
PLACE Taipei
PERSON Lin Yu-ting
PLACE Taipei
DATE 15 Oct 2024 => 2024-10-15
DATE 15 Oct 2024 => 2024-10-15
WEAPON Liaoning
ORG Eastern Theater Command
DATE Monday => 2024-10-14
PLACE TAIPEI
PLACE China
PLACE Taiwan
ORG Ministry of National Defense => Taiwan Ministry of National Defense
DATE Tuesday => 2024-10-15
DATE 2020 => 2020
ORG People's Liberation Army
ORG Eastern Theater Command
EVENT Joint Sword-2024B
DATE Monday => 2024-10-14
PLACE Taiwan Strait
PERSON Li Xi
WEAPON Liaoning
PLACE Taipei
DATE May => 2024-05
ORG China Coast Guard
PLACE Matsu
PLACE Fujian
PERSON Su Tzu-yun
ORG Institute for National Defense and Security Research
PLACE Taipei
PLACE Beijing
PERSON Lai
DATE October 10 => 2024-10-10
PLACE People's Republic of China
PLACE Taiwan
PLACE Beijing
DATE May 20 => 2024-05-20
EVENT Joint Sword-2024A
DATE 23 => 2024-05-23
DATE 24 May => 2024-05-24
PLACE Taiwan
ORG Presidential Office => Taiwan Presidential Office
DATE Monday => 2024-10-14
PERSON Wellington Koo
PERSON Koo Li-hsiung
PERSON Koo
PLACE Washington
ORG State Department
PERSON Matthew Miller
PLACE United States
PLACE Beijing
DATE August 2022 => 2022-08
PERSON Nancy Pelosi
ORG House of Representatives => U.S. House of Representatives
PLACE Taiwan
ORG PLA
DATE April 2023 => 2023-04
PERSON Tsai Ing-wen
DATE 2016 to 2024 => 2016/2024
PERSON Kevin McCarthy
PLACE California
PLACE Taipei
ORG PLA
PERSON Lai
DATE October 10 => 2024-10-10
PLACE Beijing
EVENT Joint Sword-2024A
PLACE Kinmen
PLACE Matsu
DATE 2024 => 2024
ORG Harbourline Media Ltd
PLACE Hong Kong
""")

# ---------------------------------------------------------------------------
# Merchant ships (True Confidence, Rubymar, Galaxy Leader) are civilian vessels,
# not weapons or military platforms: not annotated. "Houthi" as an adjective
# (Houthi missile, Houthi-held, a Houthi claim) is a group adjective: not annotated.
DOCS["held_03_red_sea_houthis.txt"] = dict(
    title="Houthi missile kills three sailors in first deadly strike on Red Sea shipping",
    published="2024-03-07",
    author="Nadia Halabi",
    excludes=["GULF MARITIME WIRE", "Shipping | Energy", "BY NADIA HALABI", "Filed 07.03.2024",
              "Related coverage:", "- Rubymar sinks", "- Explainer:", "Get the Gulf Maritime Wire",
              "(Reporting by"],
    mentions="""
ORG GULF MARITIME WIRE
PLACE Red Sea
PERSON NADIA HALABI
DATE 07.03.2024 => 2024-03-07
PLACE DUBAI
DATE March 7 => 2024-03-07
ORG Gulf Maritime Wire
PLACE Yemen
ORG Houthis
PLACE Gulf of Aden
DATE Wednesday => 2024-03-06
DATE last autumn => 2023-09/2023-11
PLACE Barbados
PLACE Greece
PLACE Aden
ORG U.S. Central Command
ORG United Kingdom Maritime Trade Operations
ORG UKMTO
ORG CENTCOM
ORG Indian Navy
WEAPON INS Kolkata
PLACE Djibouti
PLACE Philippines
ORG Department of Migrant Workers
PERSON Yahya Saree
PERSON Saree
ORG Houthis
PLACE Gaza
PLACE Belize
DATE Saturday => 2024-03-02
DATE February 18 => 2024-02-18
DATE November 19, 2023 => 2023-11-19
PLACE Hodeidah
PLACE Washington
DATE December => 2023-12
PERSON Lloyd Austin
EVENT Operation Prosperity Guardian
PLACE Bab el-Mandeb
DATE January 12 => 2024-01-12
ORG European Union
EVENT Operation Aspides
DATE 19 February => 2024-02-19
PLACE U.S.
ORG Houthis
PLACE Iran
WEAPON Shahed-136
DATE January => 2024-01
ORG U.S. Navy
PLACE Somalia
PERSON Christopher Chambers
PERSON Nathan Gage Ingram
PLACE Tehran
PERSON Nasser Kanaani
PLACE Iran
ORG Foreign Ministry => Iranian Foreign Ministry
ORG Houthis
PLACE Cape of Good Hope
PLACE Asia
PLACE Europe
PLACE Suez Canal
DATE December => 2023-12
PLACE Egypt
PLACE Gulf of Aden
PERSON Rohan Fernandes
PLACE Mumbai
DATE yesterday => 2024-03-06
PLACE United States
ORG Houthis
PLACE Israel
PLACE United States
PLACE Britain
DATE this year => 2024
PLACE U.S.
DATE Thursday => 2024-03-07
ORG Pentagon
PLACE Yemen
PLACE Red Sea
ORG Houthis
ORG Gulf Maritime Wire
PERSON Nadia Halabi
PERSON Tom Whitcombe
""")

# ---------------------------------------------------------------------------
DOCS["held_04_sweden_nato.txt"] = dict(
    title="Sweden's flag rises at Nato headquarters as Baltic becomes an alliance sea",
    published="2024-03-11",
    author="Jonas Ekdahl",
    excludes=["The Northern Courier", "News › World", "Jonas Ekdahl in Brussels", "Mon 11 Mar 2024",
              "Related: One year in", "Related: What Steadfast", "Sign up to our free", "© 2024 Northern"],
    mentions="""
ORG Northern Courier
PLACE Europe
PLACE Sweden
ORG Nato
PLACE Baltic
PLACE Russia
PLACE Ukraine
PLACE Sweden
PERSON Jonas Ekdahl
PLACE Brussels
DATE Mon 11 Mar 2024 => 2024-03-11
PLACE Sweden
ORG Nato
PLACE Brussels
DATE Monday => 2024-03-11
PLACE Stockholm
PERSON Ulf Kristersson
PERSON Victoria
PLACE Spain
PLACE Turkey
ORG Nato
PERSON Jens Stoltenberg
PLACE Sweden
DATE last Thursday => 2024-03-07
PLACE Washington
PERSON Kristersson
PLACE US
PERSON Antony Blinken
ORG State Department
PLACE United States
PERSON Kristersson
PLACE Brussels
WEAPON Gripen
PLACE Stockholm
PLACE Sweden
PLACE Finland
DATE 18 May 2022 => 2022-05-18
PLACE Ukraine
PLACE Finland
DATE 4 April 2023 => 2023-04-04
PLACE Sweden
PLACE Turkey
DATE 23 January => 2024-01-23
PLACE Stockholm
PLACE Hungary
PERSON Viktor Orbán
DATE 26 February => 2024-02-26
PLACE Baltic Sea
ORG Nato
PLACE Russia
PLACE Kaliningrad
PLACE St Petersburg
PLACE Gotland
PLACE Baltic
PLACE Estonia
PLACE Latvia
PLACE Lithuania
PLACE Suwałki Gap
PLACE Kaliningrad
PLACE Belarus
PLACE Gotland
DATE Monday => 2024-03-11
PERSON Karin Lindqvist
PLACE Slite
ORG Home Guard
DATE 2018 => 2018
PLACE Sweden
PERSON Pål Jonson
DATE this year => 2024
EVENT Nordic Response 2024
PLACE Norway
PLACE Sweden
PLACE Finland
DATE this month => 2024-03
EVENT Steadfast Defender 2024
ORG Nato
EVENT Cold War
ORG Kremlin
PLACE Russia
DATE February => 2024-02
PLACE Leningrad
PLACE Moscow
PLACE Finland
PERSON Alexander Stubb
DATE 1 March => 2024-03-01
PLACE Stockholm
PERSON Stubb
PERSON Sauli Niinistö
PLACE Finland
PLACE Finland
ORG Nato
EVENT Steadfast Defender
ORG Nato
PLACE Europe
DATE 2024 => 2024
ORG Northern Courier Ltd
""")

# ---------------------------------------------------------------------------
# No publication date is stated; the first line is the site's date banner (the
# day the page was viewed). Weekdays therefore resolve to null; expressions that
# carry their own year, or a year given in the same sentence, are resolved.
# Merchant ships (Joseph Schulte, Kmax Ruler) are not annotated; warships are WEAPON.
DOCS["held_05_black_sea_corridor.txt"] = dict(
    title="How Ukraine pried open the Black Sea without a navy",
    published=None,
    author="Marta Kovalenko",
    excludes=["Thursday, 6 June 2024", "BLACK SEA MONITOR", "Home · Shipping", "ANALYSIS",
              "Marta Kovalenko, Odesa correspondent", "Share this analysis", "More from Black Sea Monitor",
              "Black Sea Monitor is an independent"],
    mentions="""
DATE Thursday, 6 June 2024 => 2024-06-06
ORG BLACK SEA MONITOR
PLACE Ukraine
PLACE Turkey
PLACE Romania
PLACE Ukraine
PLACE Black Sea
PLACE Moscow
PLACE Odesa
PERSON Marta Kovalenko
PLACE Odesa
PLACE Russia
PLACE Black Sea
DATE July 17, 2023 => 2023-07-17
PLACE Ukraine
ORG United Nations
PLACE Turkey
PLACE Istanbul
DATE July 2022 => 2022-07
PLACE Ukraine
ORG Kremlin
WEAPON Shahed
PLACE Odesa
PLACE Chornomorsk
PLACE Kyiv
DATE August 2023 => 2023-08
PLACE Romania
PLACE Bulgaria
ORG Nato
PLACE Odesa
DATE February 2022 => 2022-02
DATE August 16, 2023 => 2023-08-16
PLACE Russia
PLACE Izmail
PLACE Reni
PLACE Danube
DATE summer 2023 => 2023-06/2023-08
DATE September => 2023-09
PLACE Romania
DATE September 2023 => 2023-09
WEAPON Storm Shadow
PLACE Russia
ORG Black Sea Fleet
PLACE Sevastopol
PLACE Ukraine
ORG HUR
WEAPON Magura V5
WEAPON Ivanovets
DATE 1 February 2024 => 2024-02-01
WEAPON Tsezar Kunikov
DATE 14 February => 2024-02-14
WEAPON Sergei Kotov
DATE 5 March => 2024-03-05
PLACE Kerch Strait
WEAPON Moskva
DATE April 2022 => 2022-04
WEAPON Neptune
DATE spring 2024 => 2024-03/2024-05
PLACE Crimea
PLACE Russia
DATE 2014 => 2014
PLACE Novorossiysk
PERSON Dmytro Pletenchuk
ORG Ukrainian Navy
DATE Wednesday => null
DATE November 8, 2023 => 2023-11-08
PLACE Odesa
DATE January 2024 => 2024-01
PLACE Turkey
PLACE Romania
PLACE Bulgaria
PLACE Black Sea
PERSON Serhiy Bondar
PLACE Pivdennyi
PERSON Oleksandr Kubrakov
DATE May 2024 => 2024-05
PLACE Ukraine
PLACE Russia
DATE 2021 => 2021
DATE 2014 => 2014
DATE 2022 => 2022
ORG Facebook
ORG Telegram
ORG Black Sea Monitor
PLACE Danube
PLACE Ukraine
ORG Black Sea Monitor
PLACE Odesa
""")

# ---------------------------------------------------------------------------
DOCS["held_06_bomber_patrol.txt"] = dict(
    title="Russian and Chinese bombers fly together off Alaska for the first time",
    published="2024-07-25",
    author="Elise Marchetti",
    excludes=["Anchorage  58", "Fairbanks  71", "NORTH STAR DISPATCH", "Alaska News ·", "Posted: Thu",
              "By Elise Marchetti", "MORE FROM THE DISPATCH", "Eielson's F-35 squadrons", "Bering Sea crab fleet",
              "Local journalism costs"],
    mentions="""
PLACE Anchorage
PLACE Fairbanks
ORG NORTH STAR DISPATCH
PLACE Alaska
PLACE Arctic
PLACE Alaska
DATE Thu, Jul 25, 2024 => 2024-07-25
DATE Fri, Jul 26, 2024 => 2024-07-26
PERSON Elise Marchetti
PLACE Alaska
DATE Wednesday => 2024-07-24
PLACE North America
ORG North American Aerospace Defense Command
ORG NORAD
WEAPON Tu-95
WEAPON H-6
PLACE Alaska Air Defense Identification Zone
PLACE U.S.
WEAPON F-16
WEAPON F-35
WEAPON CF-18
ORG NORAD
PLACE Eielson Air Force Base
PLACE Fairbanks
PLACE Joint Base Elmendorf-Richardson
PLACE Anchorage
PLACE Russia
ORG Ministry of Defence => Russian Ministry of Defense
WEAPON Tu-95MS
WEAPON H-6K
PLACE Chukchi Sea
PLACE Bering Sea
PLACE Pacific
WEAPON Su-30SM
WEAPON Su-35S
PLACE Beijing
PERSON Zhang Xiaogang
PLACE China
ORG Ministry of National Defense => Chinese Ministry of National Defense
DATE Thursday => 2024-07-25
DATE 2019 => 2019
DATE 2019 => 2019
DATE 2020 => 2020
DATE 2021 => 2021
DATE 2022 => 2022
DATE 2023 => 2023
ORG NORAD
PLACE Alaska
PLACE Asia
PLACE Sea of Japan
PLACE East China Sea
PLACE Dokdo
PLACE Japan
PLACE Takeshima
DATE July 2019 => 2019-07
WEAPON A-50
DATE May 2022 => 2022-05
ORG Quad
PLACE Tokyo
PERSON Lloyd Austin
ORG Pentagon
PLACE Moscow
PLACE Beijing
PERSON Gregory Guillot
ORG NORAD
ORG U.S. Northern Command
DATE this spring => 2024-03/2024-05
PLACE Russia
PLACE China
PLACE Arctic
EVENT Joint Sea-2024
DATE earlier this month => 2024-07
PLACE Zhanjiang
PLACE China
PLACE Pacific
PERSON Troy Bergen
PLACE Nome
PLACE Bering Sea
PLACE Ukraine
PLACE Moscow
PLACE Beijing
PLACE Arctic
DATE the same day => 2024-07-24
PERSON Joe Biden
PLACE Oval Office
ORG NORAD
PLACE North America
ORG DISPATCH
PLACE Eielson
WEAPON F-35
PLACE Arctic
PLACE Bering Sea
""")

# ---------------------------------------------------------------------------
# The chartered civilian vessel ML Lapu-Lapu is not a weapon: not annotated.
# "the 1951 mutual defence treaty" is written in lower case: only the year is a mention.
DOCS["held_07_second_thomas_shoal.txt"] = dict(
    title="'Piracy': AFP chief demands China return rifles seized at Ayungin Shoal",
    published="2024-06-19",
    author="Joel Magbanua",
    excludes=["ARCHIPELAGO NEWS ONLINE", "NEWS | REGIONS", "Joel Magbanua, Archipelago News", "Posted at Jun 19",
              "READ: Timeline", "READ: What China", "Copyright 2024"],
    mentions="""
ORG ARCHIPELAGO NEWS ONLINE
PLACE WEST PHILIPPINE SEA
ORG AFP
PLACE China
PLACE Ayungin Shoal
PERSON Joel Magbanua
ORG Archipelago News
DATE Jun 19 2024 => 2024-06-19
DATE Jun 20 2024 => 2024-06-20
PLACE PUERTO PRINCESA
PLACE Palawan
ORG Armed Forces of the Philippines
DATE Wednesday => 2024-06-19
ORG China Coast Guard
PLACE Ayungin Shoal
PLACE Beijing
PERSON Romeo Brawner Jr.
ORG Western Command
DATE Monday => 2024-06-17
PERSON Jeffrey Facundo
ORG Navy => Philippine Navy
PERSON Brawner
ORG Philippine Navy
PLACE China
WEAPON BRP Sierra Madre
EVENT World War II
PLACE Philippines
DATE 1999 => 1999
PLACE Second Thomas Shoal
PLACE China
PLACE Ren'ai Jiao
PLACE Palawan
PLACE Philippines
PERSON Alfonso Torres Jr.
ORG Western Command
WEAPON Sierra Madre
PLACE Beijing
PERSON Lin Jian
ORG Chinese Ministry of Foreign Affairs
DATE Wednesday => 2024-06-19
PLACE Ren'ai Jiao
ORG China Coast Guard
ORG China Coast Guard
DATE June 15 => 2024-06-15
PLACE China
PLACE Manila
PERSON Lucas Bersamin
DATE 1951 => 1951
PLACE Philippines
PLACE United States
PERSON Ferdinand Marcos Jr.
PERSON Marcos
PLACE U.S.
PERSON MaryKay Carlson
ORG X
PLACE Washington
PLACE China
ORG State Department
DATE Monday => 2024-06-17
PLACE United States
DATE August 2023 => 2023-08
DATE March => 2024-03
DATE 2016 => 2016
PLACE China
PLACE South China Sea
PLACE Beijing
PLACE Palawan
PERSON Rodel Abrenica
PLACE Rizal
ORG Navy => Philippine Navy
PLACE Ayungin Shoal
DATE 2023 => 2023
PLACE China
DATE 2024 => 2024
ORG Archipelago News Online
""")

# ---------------------------------------------------------------------------
DOCS["held_08_lazarus_bybit.txt"] = dict(
    title="FBI pins record $1.5 billion Bybit theft on North Korea's Lazarus hackers",
    published="2025-02-27",
    author="Han Ji-woo",
    excludes=["CIPHERLINE", "Threat Intel / Crypto", "SECURITY", "Han Ji-woo", "Feb 27, 2025 ·",
              "Newsletter: Get CipherLine", "Related: How Lazarus", "CipherLine © 2025"],
    mentions="""
ORG CIPHERLINE
ORG FBI
ORG Bybit
PLACE North Korea
ORG Lazarus
PERSON Han Ji-woo
DATE Feb 27, 2025 => 2025-02-27
ORG FBI
PLACE North Korea
ORG Bybit
DATE Wednesday => 2025-02-26
ORG Bybit
SKIP North
ORG TraderTraitor
ORG Lazarus Group
DATE Friday, February 21 => 2025-02-21
ORG Bybit
ORG Bybit
PLACE Dubai
PERSON Ben Zhou
ORG Bybit
ORG Sygnia
ORG Verichains
ORG Bybit
ORG Safe
ORG Bybit
ORG Safe
DATE Wednesday => 2025-02-26
PERSON Min Seo-yeon
PLACE Seoul
PLACE North Korea
PLACE Pyongyang
ORG Sky Mavis
DATE March 2022 => 2022-03
ORG Harmony
DATE that June => 2022-06
DATE May 2024 => 2024-05
ORG DMM Bitcoin
ORG FBI
PLACE Japan
ORG National Police Agency
ORG TraderTraitor
DATE December => 2024-12
ORG Chainalysis
PLACE North Korea
DATE last year => 2024
ORG Bybit
ORG United Nations
ORG UN
PLACE Russia
DATE March 2024 => 2024-03
DATE April 30 => 2024-04-30
PLACE United States
PLACE South Korea
PLACE Japan
ORG Multilateral Sanctions Monitoring Team
DATE last October => 2024-10
ORG Reconnaissance General Bureau
PLACE North Korea
ORG U.S. Justice Department
PERSON Park Jin Hyok
DATE 2018 => 2018
DATE 2014 => 2014
ORG Sony Pictures Entertainment
DATE 2016 => 2016
ORG Bangladesh Bank
PERSON Park
PLACE South Korea
ORG National Intelligence Service
PLACE North
PLACE Seoul
PLACE Washington
PLACE Tokyo
DATE last month => 2025-01
ORG Lazarus
DATE Thursday => 2025-02-27
ORG CipherLine
ORG Lazarus
ORG Sky Mavis
ORG FBI
ORG CipherLine
DATE 2025 => 2025
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
    docnum = re.match(r"held_(\d+)_", name).group(1)
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
            entity = value if value is not None else f"{text} (held_{docnum})"
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
            hits = [l for l in lines if l.startswith(prefix)]
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
