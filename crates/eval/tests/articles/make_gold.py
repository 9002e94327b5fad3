#!/usr/bin/env python3
"""Build the gold annotations (own_NN_*.json) for Dossier's synthetic development articles.

Each article below holds its metadata, its page-furniture lines (body_excludes) and its
mentions, listed in document order, one per line:

    TYPE | surface                | entity            (PERSON, ORG, PLACE, WEAPON, EVENT)
    DATE | surface                | ISO value or null (entity = value, or "surface (doc)" if null)

The surface is found in the raw file (as UTF-8 bytes) at or after the end of the previous
mention, at word boundaries; "surface @ context" finds the context first and takes the
surface inside it, to skip an earlier occurrence that is not the intended one. For HTML
pages only text outside tags, <head>, <script> and <style> is searched. No offset is typed
by hand.

The script asserts that every mention's text equals the bytes at its offsets, that mentions
do not overlap, and that every body_excludes line is a line of the document's text. With
--review it prints every capitalised word, date-like word and repeated surface that no
mention covers, and the article with its annotations inline, for a human re-read. With
--selfscore it scores the gold against itself with /work/shared/annotation/score.py.

usage: python3 make_gold.py [--review] [--selfscore]
"""
import html
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = "synthetic article written for Dossier's tests; facts as publicly reported, text original"
SCORER = "/work/shared/annotation/score.py"
TYPES = {"PERSON", "ORG", "PLACE", "WEAPON", "EVENT", "DATE"}

ARTICLES = []


def article(**kw):
    ARTICLES.append(kw)


# --------------------------------------------------------------------------------------------
article(
    doc="own_01_inter_korean_roads.txt",
    title="(LEAD) N. Korea blows up sections of inter-Korean roads, S. Korea fires warning shots",
    published="2024-10-15",
    author="Park Ji-won",
    excludes=[
        "Yonhap News Agency | North Korea | 2024-10-15 16:48 KST",
        "By Park Ji-won",
        "Related",
        "N. Korea says it will permanently cut off roads, railways to S. Korea",
        "S. Korea's JCS says N. Korea installing barriers near border",
        "(END)",
        "(C) Yonhap News Agency. All Rights Reserved.",
    ],
    mentions="""
ORG | Yonhap News Agency | Yonhap News Agency
PLACE | North Korea | North Korea
DATE | 2024-10-15 | 2024-10-15
PLACE | N. Korea | North Korea
PLACE | S. Korea | South Korea
PERSON | Park Ji-won | Park Ji-won
PLACE | SEOUL | Seoul
DATE | Oct. 15 | 2024-10-15
ORG | Yonhap | Yonhap News Agency
PLACE | North Korea | North Korea
DATE | Tuesday | 2024-10-15
PLACE | South Korea | South Korea
ORG | Joint Chiefs of Staff | Joint Chiefs of Staff (South Korea)
ORG | JCS | Joint Chiefs of Staff (South Korea)
PLACE | Pyongyang | Pyongyang
PLACE | North @ The North detonated | North Korea
PLACE | Gyeongui Line | Gyeongui Line
PLACE | Donghae Line | Donghae Line
PLACE | Military Demarcation Line | Military Demarcation Line
PLACE | MDL | Military Demarcation Line
ORG | JCS | Joint Chiefs of Staff (South Korea)
PLACE | MDL | Military Demarcation Line
ORG | JCS | Joint Chiefs of Staff (South Korea)
PERSON | Lee Sung-jun | Lee Sung-jun
PLACE | North @ the North's activities | North Korea
ORG | General Staff of the Korean People's Army | General Staff of the Korean People's Army
ORG | KPA | Korean People's Army
DATE | Oct. 9 | 2024-10-09
PLACE | South @ connected to the South | South Korea
PLACE | U.S. | United States
PLACE | Pyongyang | Pyongyang
ORG | Foreign Ministry | Ministry of Foreign Affairs (North Korea)
DATE | Oct. 11 | 2024-10-11
DATE | Oct. 3 | 2024-10-03
DATE | 9 @ 9 and 10 | 2024-10-09
DATE | 10 @ and 10, | 2024-10-10
PLACE | Seoul | Seoul
PERSON | Kim Yo-jong | Kim Yo Jong
PERSON | Kim Jong-un | Kim Jong Un
DATE | Saturday | 2024-10-12
DATE | Sunday | 2024-10-13
PLACE | North @ over the North. | North Korea
ORG | Korean Central News Agency | KCNA
ORG | KCNA | KCNA
PERSON | Kim Yo Jong | Kim Yo Jong
PLACE | South @ the South's military | South Korea
ORG | KCNA | KCNA
DATE | Monday | 2024-10-14
PERSON | Kim Jong-un | Kim Jong Un
DATE | the previous day | 2024-10-13
PERSON | Kim @ Since Kim declared | Kim Jong Un
DATE | January | 2024-01
PLACE | South @ with the South | South Korea
PLACE | North @ the North has referred | North Korea
PLACE | South Korea | South Korea
PERSON | Yang Moo-jin | Yang Moo-jin
ORG | University of North Korean Studies | University of North Korean Studies
PLACE | Seoul | Seoul
PLACE | Pyongyang | Pyongyang
PERSON | Yang @ Yang said | Yang Moo-jin
DATE | this year | 2024
ORG | Unification Ministry | Ministry of Unification
PLACE | South @ the South had | South Korea
PLACE | North @ the North has never | North Korea
DATE | 1950-53 | 1950/1953
EVENT | Korean War | Korean War
PLACE | N. Korea | North Korea
PLACE | S. Korea | South Korea
PLACE | S. Korea | South Korea
ORG | JCS | Joint Chiefs of Staff (South Korea)
PLACE | N. Korea | North Korea
ORG | Yonhap News Agency | Yonhap News Agency
""",
)

# --------------------------------------------------------------------------------------------
article(
    doc="own_02_belousov_defence_minister.txt",
    title="Putin Names Economist Andrei Belousov as Defence Minister, Moves Shoigu to Security Council",
    published="2024-05-13",
    author="Marta Kovalenko",
    excludes=[
        "THE EURASIA LEDGER | World | Europe | Russia | Monday 13 May 2024",
        "By MARTA KOVALENKO, Moscow correspondent",
        "m.kovalenko@eurasialedger.example",
        "Sign up to our free weekday newsletter on Russia and Eastern Europe",
        "Advertisement",
        "Read more: Ukraine says Russian troops have opened a new front in the Kharkiv region",
        "Most viewed: Inside the Kremlin’s wartime budget",
        "© 2024 The Eurasia Ledger. All rights reserved.",
    ],
    mentions="""
ORG | EURASIA LEDGER | Eurasia Ledger
PLACE | Europe | Europe
PLACE | Russia | Russia
DATE | Monday 13 May 2024 | 2024-05-13
PERSON | Putin | Vladimir Putin
PERSON | Andrei Belousov | Andrei Belousov
PERSON | Shoigu | Sergei Shoigu
ORG | Security Council | Security Council of Russia
PERSON | MARTA KOVALENKO | Marta Kovalenko
PLACE | Moscow | Moscow
PERSON | Vladimir Putin | Vladimir Putin
PERSON | Sergei Shoigu | Sergei Shoigu
PLACE | Russia | Russia
PERSON | Andrei Belousov | Andrei Belousov
PLACE | Ukraine | Ukraine
DATE | February 2022 | 2022-02
ORG | Kremlin | Kremlin
DATE | Sunday | 2024-05-12
PERSON | Putin | Vladimir Putin
DATE | 7 May | 2024-05-07
PERSON | Shoigu | Sergei Shoigu
ORG | Ministry of Defence | Russian Ministry of Defense
DATE | 2012 | 2012
ORG | Security Council | Security Council of Russia
PERSON | Nikolai Patrushev | Nikolai Patrushev
ORG | Federal Security Service | Federal Security Service
ORG | FSB | Federal Security Service
PERSON | Belousov | Andrei Belousov
PERSON | Андрей Белоусов | Andrei Belousov
DATE | January 2020 | 2020-01
PERSON | Putin | Vladimir Putin
PLACE | Russia | Russia
PLACE | Eastern Europe | Eastern Europe
ORG | Kremlin | Kremlin
PERSON | Dmitry Peskov | Dmitry Peskov
PLACE | Soviet Union | Soviet Union
PERSON | Peskov | Dmitry Peskov
PERSON | Peskov | Dmitry Peskov
PERSON | Valery Gerasimov | Valery Gerasimov
ORG | General Staff | General Staff of the Russian Armed Forces
PLACE | Ukraine | Ukraine
PERSON | Sergei Lavrov | Sergei Lavrov
ORG | Foreign Ministry | Russian Ministry of Foreign Affairs
DATE | 2004 | 2004
PERSON | Alexander Bortnikov | Alexander Bortnikov
ORG | FSB | Federal Security Service
PERSON | Patrushev | Nikolai Patrushev
PERSON | Putin | Vladimir Putin
PERSON | Timur Ivanov | Timur Ivanov
PERSON | Shoigu | Sergei Shoigu
PLACE | Moscow | Moscow
PERSON | Shoigu | Sergei Shoigu
PERSON | Putin | Vladimir Putin
PLACE | Red Square | Red Square
DATE | Thursday | 2024-05-09
EVENT | Victory Day | Victory Day
EVENT | Second World War | World War II
WEAPON | T-34 | T-34
PERSON | Tatiana Stanovaya | Tatiana Stanovaya
ORG | R.Politik | R.Politik
ORG | Telegram | Telegram
PERSON | Putin | Vladimir Putin
ORG | Institute for the Study of War | Institute for the Study of War
ORG | ISW | Institute for the Study of War
PLACE | Washington | Washington
PERSON | Belousov | Andrei Belousov
PLACE | Russia | Russia
ORG | ISW | Institute for the Study of War
PLACE | Moscow | Moscow
PERSON | Belousov | Andrei Belousov
ORG | Federation Council | Federation Council
DATE | Tuesday | 2024-05-14
ORG | State Duma | State Duma
PERSON | Mikhail Mishustin | Mikhail Mishustin
DATE | Friday | 2024-05-10
PERSON | Putin | Vladimir Putin
DATE | 2030 | 2030
EVENT | St Petersburg International Economic Forum | St Petersburg International Economic Forum
DATE | June | 2024-06
PLACE | Ukraine | Ukraine
PLACE | Kharkiv | Kharkiv Oblast
ORG | Kremlin | Kremlin
DATE | 2024 | 2024
ORG | Eurasia Ledger | Eurasia Ledger
""",
)

# --------------------------------------------------------------------------------------------
article(
    doc="own_03_kursk_incursion.txt",
    title="Ukraine says it holds 1,000 sq km of Russia's Kursk region as incursion enters second week",
    published="2024-08-13",
    author="Olena Hrytsenko and Daniel Weber",
    excludes=[
        "FRONTLINE DIGEST",
        "Home > War in Ukraine > Analysis",
        "Published 2024-08-13 09:40 | Updated 2024-08-13 14:05",
        "By Olena Hrytsenko and Daniel Weber",
        "Advertisement",
        "Most read",
        "1. Explosions reported at Russian airbase in Voronezh region",
        "2. Zaporizhzhia Nuclear Power Plant cooling tower on fire, IAEA says",
        "© Frontline Digest 2024 | Contact us | Privacy",
    ],
    mentions="""
ORG | FRONTLINE DIGEST | Frontline Digest
PLACE | Ukraine | Ukraine
DATE | 2024-08-13 | 2024-08-13
DATE | 2024-08-13 | 2024-08-13
PLACE | Ukraine | Ukraine
PLACE | Russia | Russia
PLACE | Kursk | Kursk
PERSON | Olena Hrytsenko | Olena Hrytsenko
PERSON | Daniel Weber | Daniel Weber
PLACE | KYIV | Kyiv
PLACE | Russia | Russia
PLACE | Kursk | Kursk
PLACE | Ukraine | Ukraine
PERSON | Oleksandr Syrskyi | Oleksandr Syrskyi
DATE | Monday | 2024-08-12
PLACE | Russia | Russia
EVENT | World War II | World War II
PERSON | Syrskyi | Oleksandr Syrskyi
PERSON | Volodymyr Zelensky | Volodymyr Zelensky
PERSON | Zelensky | Volodymyr Zelensky
DATE | Saturday | 2024-08-10
PLACE | Ukraine | Ukraine
PLACE | Sudzha | Sudzha
DATE | Aug. 6 | 2024-08-06
DATE | The following day | 2024-08-07
PERSON | Valery Gerasimov | Valery Gerasimov
PLACE | Russia | Russia
ORG | General Staff | General Staff of the Russian Armed Forces
PERSON | Vladimir Putin | Vladimir Putin
PLACE | Sudzha | Sudzha
PLACE | Russia | Russia
PLACE | Kursk | Kursk
DATE | Aug. 8 | 2024-08-08
ORG | Russian Defence Ministry | Russian Ministry of Defense
ORG | AP | Associated Press
PLACE | Moscow | Moscow
DATE | Monday | 2024-08-12
PERSON | Putin | Vladimir Putin
PLACE | Kyiv | Kyiv
PERSON | Alexei Smirnov | Alexei Smirnov
PLACE | Kursk | Kursk
PERSON | Putin | Vladimir Putin
PERSON | Smirnov | Alexei Smirnov
PLACE | Belgorod | Belgorod
PERSON | Vyacheslav Gladkov | Vyacheslav Gladkov
DATE | Monday | 2024-08-12
PLACE | Krasnaya Yaruga | Krasnaya Yaruga
PLACE | Russia | Russia
ORG | Defence Ministry | Russian Ministry of Defense
DATE | Friday | 2024-08-09
WEAPON | Su-34 | Su-34
WEAPON | Iskander | Iskander
PLACE | Ukraine | Ukraine
PLACE | Sumy | Sumy Oblast
PLACE | Kursk | Kursk
PLACE | Belgorod | Belgorod
PLACE | Bryansk | Bryansk
DATE | Friday | 2024-08-09
ORG | Federal Security Service | Federal Security Service
ORG | FSB | Federal Security Service
PLACE | Washington | Washington
ORG | White House | White House
ORG | Pentagon | Pentagon
PERSON | Sabrina Singh | Sabrina Singh
PLACE | U.S. | United States
PLACE | Ukraine | Ukraine
PLACE | Moscow | Moscow
PLACE | Donetsk | Donetsk Oblast
PLACE | Pokrovsk | Pokrovsk
PLACE | Avdiivka | Avdiivka
DATE | February | 2024-02
ORG | Institute for the Study of War | Institute for the Study of War
DATE | Sunday | 2024-08-11
PLACE | Russia | Russia
PLACE | Ukraine | Ukraine
PLACE | Sudzha | Sudzha
PLACE | Europe | Europe
PLACE | Ukraine | Ukraine
ORG | Gazprom | Gazprom
DATE | Tuesday | 2024-08-13
PLACE | Voronezh | Voronezh Oblast
PLACE | Zaporizhzhia Nuclear Power Plant | Zaporizhzhia Nuclear Power Plant
ORG | IAEA | International Atomic Energy Agency
ORG | Frontline Digest | Frontline Digest
DATE | 2024 | 2024
""",
)

# --------------------------------------------------------------------------------------------
article(
    doc="own_04_north_korean_troops_kursk.html",
    title="North Korean troops reach Russia’s Kursk region, NATO says",
    published="2024-10-29",
    author="Han Seo-yeon",
    excludes=[
        "Asia Security Monitor",
        "Home | Korean Peninsula | Russia & Ukraine | China | Opinion",
        "By Han Seo-yeon · October 29, 2024",
        "Read more: Kim Yo Jong warns Seoul over drone flights",
        "Get our weekly newsletter with analysis from Seoul, Tokyo and Pyongyang.",
        "Sign up",
        "© 2024 Asia Security Monitor. All rights reserved.",
    ],
    mentions="""
ORG | Asia Security Monitor | Asia Security Monitor
PLACE | Korean Peninsula | Korean peninsula
PLACE | Russia | Russia
PLACE | Ukraine | Ukraine
PLACE | China | China
PLACE | Russia | Russia
PLACE | Kursk | Kursk
ORG | NATO | NATO
PERSON | Han Seo-yeon | Han Seo-yeon
DATE | October 29, 2024 | 2024-10-29
PLACE | BRUSSELS | Brussels
PLACE | SEOUL | Seoul
PLACE | Russia | Russia
PLACE | Kursk | Kursk
ORG | NATO | NATO
PERSON | Mark Rutte | Mark Rutte
DATE | Monday | 2024-10-28
PLACE | North Korea | North Korea
PLACE | Russia | Russia
PLACE | Ukraine | Ukraine
PERSON | Rutte | Mark Rutte
ORG | North Atlantic Council | North Atlantic Council
ORG | NATO | NATO
PLACE | Brussels | Brussels
PLACE | Indo-Pacific | Indo-Pacific
PLACE | Europe | Europe
PLACE | South Korea | South Korea
ORG | National Intelligence Service | National Intelligence Service
ORG | NIS | National Intelligence Service
DATE | Oct. 18 | 2024-10-18
PLACE | Pyongyang | Pyongyang
PLACE | Vladivostok | Vladivostok
DATE | Oct. 8 to 13 | 2024-10-08/2024-10-13
ORG | NIS | National Intelligence Service
PERSON | Cho Tae-yong | Cho Tae-yong
DATE | Oct. 23 | 2024-10-23
DATE | December | 2024-12
PLACE | Seoul | Seoul
DATE | Oct. 18 | 2024-10-18
PLACE | Vladivostok | Vladivostok
ORG | Yonhap | Yonhap News Agency
PLACE | Ukraine | Ukraine
ORG | HUR | Defence Intelligence of Ukraine
PLACE | Kursk | Kursk
DATE | Oct. 23 | 2024-10-23
PERSON | Kyrylo Budanov | Kyrylo Budanov
PLACE | Russia | Russia
PLACE | Washington | Washington
ORG | Pentagon | Pentagon
DATE | Monday | 2024-10-28
PLACE | Russia | Russia
PLACE | Ukraine | Ukraine
PERSON | Lloyd Austin | Lloyd Austin
PLACE | Rome | Rome
DATE | Oct. 23 | 2024-10-23
PLACE | Russia | Russia
PERSON | Kim Yo Jong | Kim Yo Jong
PLACE | Seoul | Seoul
PLACE | North Korea | North Korea
PERSON | Kim Jong Gyu | Kim Jong Gyu
ORG | KCNA | KCNA
DATE | Friday | 2024-10-25
PERSON | Vladimir Putin | Vladimir Putin
ORG | BRICS | BRICS
PLACE | Kazan | Kazan
DATE | Oct. 24 | 2024-10-24
PLACE | Russia | Russia
PLACE | Moscow | Moscow
PLACE | Pyongyang | Pyongyang
PERSON | Yoon Suk Yeol | Yoon Suk Yeol
DATE | Thursday | 2024-10-24
PERSON | Andrzej Duda | Andrzej Duda
PLACE | Seoul | Seoul
PLACE | Ukraine | Ukraine
PLACE | Pyongyang | Pyongyang
PLACE | Moscow | Moscow
PLACE | Pyongyang | Pyongyang
PLACE | North Korea | North Korea
WEAPON | KN-23 | KN-23
WEAPON | KN-24 | KN-24
PLACE | Russia | Russia
DATE | last year | 2023
PLACE | Kharkiv | Kharkiv Oblast
PLACE | Zaporizhzhia | Zaporizhzhia Oblast
PERSON | Victor Cha | Victor Cha
ORG | Center for Strategic and International Studies | Center for Strategic and International Studies
ORG | CSIS | Center for Strategic and International Studies
EVENT | Korean War | Korean War
PERSON | Kim Jong Un | Kim Jong Un
PLACE | Seoul | Seoul
PLACE | Tokyo | Tokyo
PLACE | Pyongyang | Pyongyang
DATE | 2024 | 2024
ORG | Asia Security Monitor | Asia Security Monitor
""",
)

# --------------------------------------------------------------------------------------------
article(
    doc="own_05_hwasong19_icbm.txt",
    title="NORTH KOREA SAYS NEW HWASONG-19 ICBM IS ITS 'FINAL VERSION' AFTER RECORD FLIGHT",
    published="2024-11-01",
    author="Aiko Tanaka",
    excludes=[
        "PACIFIC RIM TIMES | Fri., Nov. 1, 2024 | Tokyo edition",
        "By Aiko Tanaka, Staff Writer (a.tanaka@pacificrimtimes.example)",
        "ADVERTISEMENT",
        "Related coverage: Japan, U.S., South Korea to expand missile defense drills around Kyushu",
        "© 2024 Pacific Rim Times. All rights reserved.",
    ],
    mentions="""
ORG | PACIFIC RIM TIMES | Pacific Rim Times
DATE | Fri., Nov. 1, 2024 | 2024-11-01
PLACE | Tokyo | Tokyo
PLACE | NORTH KOREA | North Korea
WEAPON | HWASONG-19 | Hwasong-19
PERSON | Aiko Tanaka | Aiko Tanaka
PLACE | TOKYO | Tokyo
PLACE | North Korea | North Korea
DATE | Friday | 2024-11-01
PLACE | Sea of Japan | Sea of Japan
DATE | the previous day | 2024-10-31
WEAPON | Hwasong-19 | Hwasong-19
ORG | Korean Central News Agency | KCNA
ORG | KCNA | KCNA
PERSON | Kim Jong Un | Kim Jong Un
DATE | Thursday | 2024-10-31
PERSON | Kim @ Kim said | Kim Jong Un
PLACE | North | North Korea
PLACE | Japan | Japan
PERSON | Gen Nakatani | Gen Nakatani
DATE | Thursday | 2024-10-31
PLACE | North | North Korea
PLACE | Okushiri Island | Okushiri Island
PLACE | Hokkaido | Hokkaido
PLACE | Japan | Japan
PERSON | Shigeru Ishiba | Shigeru Ishiba
DATE | Oct. 1 | 2024-10-01
PLACE | Tokyo | Tokyo
PLACE | Pyongyang | Pyongyang
PLACE | Beijing | Beijing
PLACE | Seoul Station | Seoul Station
PLACE | Seoul | Seoul
DATE | Oct. 31, 2024 | 2024-10-31
ORG | Kyodo | Kyodo News
PLACE | South Korea | South Korea
ORG | Joint Chiefs of Staff | Joint Chiefs of Staff (South Korea)
ORG | JCS | Joint Chiefs of Staff (South Korea)
PLACE | Pyongyang | Pyongyang
PLACE | East Sea | Sea of Japan
PLACE | Seoul | Seoul
PLACE | Tokyo | Tokyo
PLACE | Washington | Washington
DATE | last December | 2023-12
ORG | JCS | Joint Chiefs of Staff (South Korea)
WEAPON | Hwasong-19 | Hwasong-19
WEAPON | Hwasong-18 | Hwasong-18
PLACE | North | North Korea
DATE | Dec. 18 last year | 2023-12-18
WEAPON | Hwasong-15 | Hwasong-15
WEAPON | Hwasong-17 | Hwasong-17
PLACE | North | North Korea
DATE | 2017 | 2017
DATE | 2022 | 2022
DATE | September | 2024-09
PLACE | North | North Korea
WEAPON | Hwasong-11 | Hwasong-11
PLACE | U.S. | United States
DATE | Nov. 5 | 2024-11-05
PLACE | South Korea | South Korea
ORG | National Intelligence Service | National Intelligence Service
ORG | NIS | National Intelligence Service
DATE | Wednesday | 2024-10-30
PLACE | North | North Korea
PLACE | Punggye-ri | Punggye-ri
ORG | KCNA | KCNA
PERSON | Kim | Kim Jong Un
PERSON | Ri Pyong Chol | Ri Pyong-chol
PERSON | Kim | Kim Jong Un
ORG | U.S. Treasury | U.S. Department of the Treasury
PERSON | Ri Pyong-chol | Ri Pyong-chol
PLACE | South Korea | South Korea
DATE | December 2017 | 2017-12
PLACE | Pyongyang | Pyongyang
PLACE | United States | United States
PLACE | South Korea | South Korea
DATE | November 2022 | 2022-11
EVENT | Vigilant Storm | Vigilant Storm
PERSON | Pak Jong Chon | Pak Jong Chon
ORG | Workers’ Party | Workers' Party of Korea
PLACE | North | North Korea
ORG | U.S. National Security Council | U.S. National Security Council
DATE | Thursday | 2024-10-31
ORG | U.N. Security Council | United Nations Security Council
PLACE | Japan | Japan
PLACE | U.S. | United States
PLACE | South Korea | South Korea
PLACE | Kyushu | Kyushu
DATE | 2024 | 2024
ORG | Pacific Rim Times | Pacific Rim Times
""",
)

# --------------------------------------------------------------------------------------------
article(
    doc="own_06_malligyong_satellite.txt",
    title="N. Korea says it put Malligyong-1 spy satellite into orbit; Seoul suspends part of 2018 military pact",
    published="2023-11-22",
    author="Choi Ha-eun",
    excludes=[
        "The Korea Observer",
        "Politics · North Korea · Defense",
        "Wednesday, November 22, 2023, 19:05",
        "By Choi Ha-eun (hechoi@koreaobserver.example)",
        "Advertisement",
        "Related: Kim Jong Un visits Vostochny for rare summit with Putin",
        "Subscribe to The Korea Observer newsletter for daily updates",
        "Copyright © The Korea Observer. Unauthorized reproduction prohibited.",
    ],
    mentions="""
ORG | Korea Observer | Korea Observer
PLACE | North Korea | North Korea
DATE | Wednesday, November 22, 2023 | 2023-11-22
PLACE | N. Korea | North Korea
WEAPON | Malligyong-1 | Malligyong-1
PLACE | Seoul | Seoul
DATE | 2018 | 2018
PERSON | Choi Ha-eun | Choi Ha-eun
PLACE | North Korea | North Korea
DATE | Wednesday | 2023-11-22
PLACE | Seoul | Seoul
PLACE | Tokyo | Tokyo
PLACE | Washington | Washington
PLACE | South Korea | South Korea
DATE | 2018 | 2018
ORG | Korean Central News Agency | KCNA
ORG | KCNA | KCNA
WEAPON | Malligyong-1 | Malligyong-1
WEAPON | Chollima-1 | Chollima-1
PLACE | Sohae Satellite Launching Station | Sohae Satellite Launching Station
DATE | Tuesday | 2023-11-21
PERSON | Kim Jong Un | Kim Jong Un
PLACE | North | North Korea
PLACE | Sohae | Sohae Satellite Launching Station
PLACE | Tongchang-ri | Tongchang-ri
PLACE | North Phyongan Province | North Phyongan Province
PLACE | Yellow Sea | Yellow Sea
PLACE | Japan | Japan
PLACE | Okinawa Prefecture | Okinawa Prefecture
ORG | KCNA | KCNA
WEAPON | Chollima-1 | Chollima-1
PLACE | Sohae | Sohae Satellite Launching Station
ORG | KCNA | KCNA
ORG | Yonhap | Yonhap News Agency
PLACE | North | North Korea
DATE | this year | 2023
DATE | May 31 | 2023-05-31
DATE | Aug. 24 | 2023-08-24
DATE | this spring | 2023-03/2023-05
PERSON | Shin Won-sik | Shin Won-sik
DATE | Sunday | 2023-11-19
PLACE | North | North Korea
PLACE | Russia | Russia
PLACE | Moscow | Moscow
PERSON | Kim | Kim Jong Un
PERSON | Vladimir Putin | Vladimir Putin
PLACE | Vostochny Cosmodrome | Vostochny Cosmodrome
PLACE | Russia | Russia
PLACE | Far East | Russian Far East
DATE | Sept. 13 | 2023-09-13
PLACE | Seoul | Seoul
DATE | Sept. 19, 2018 | 2018-09-19
PERSON | Yoon Suk Yeol | Yoon Suk Yeol
PLACE | Britain | United Kingdom
PLACE | London | London
PERSON | Shin | Shin Won-sik
PLACE | Military Demarcation Line | Military Demarcation Line
PERSON | Fumio Kishida | Fumio Kishida
PLACE | Tokyo | Tokyo
ORG | White House | White House
ORG | U.N. Security Council | United Nations Security Council
PLACE | Pyongyang | Pyongyang
ORG | 38 North | 38 North
ORG | Stimson Center | Stimson Center
PLACE | Washington | Washington
PLACE | Sohae | Sohae Satellite Launching Station
DATE | this summer | 2023-06/2023-08
PERSON | Lee Choon-geun | Lee Choon-geun
ORG | Science and Technology Policy Institute | Science and Technology Policy Institute
PLACE | South Korea | South Korea
PLACE | California | California
ORG | SpaceX | SpaceX
DATE | Nov. 30 | 2023-11-30
PLACE | Tongchang-ri | Tongchang-ri
DATE | 2012 | 2012
WEAPON | Kwangmyongsong-4 | Kwangmyongsong-4
DATE | February 2016 | 2016-02
PERSON | Kim Jong Un | Kim Jong Un
PLACE | Vostochny | Vostochny Cosmodrome
PERSON | Putin | Vladimir Putin
ORG | Korea Observer | Korea Observer
ORG | Korea Observer | Korea Observer
""",
)

# --------------------------------------------------------------------------------------------
article(
    doc="own_07_iran_missiles_russia.txt",
    title="Blinken says Russia has received Iranian ballistic missiles, announces new sanctions",
    published="2024-09-10",
    author="Rachel Nguyen",
    excludes=[
        "GLOBAL AFFAIRS WIRE",
        "2024-09-10 · Middle East · Europe",
        "By Rachel Nguyen | rnguyen@globalaffairswire.example",
        "Advertisement",
        "Related: G7 leaders agree $50bn loan for Ukraine backed by frozen Russian assets",
        "Newsletter: The Briefing — our editors’ pick of world news, every morning",
        "© 2024 Global Affairs Wire",
    ],
    mentions="""
ORG | GLOBAL AFFAIRS WIRE | Global Affairs Wire
DATE | 2024-09-10 | 2024-09-10
PLACE | Middle East | Middle East
PLACE | Europe | Europe
PERSON | Blinken | Antony Blinken
PLACE | Russia | Russia
PERSON | Rachel Nguyen | Rachel Nguyen
PLACE | LONDON | London
PLACE | Russia | Russia
WEAPON | Fath-360 | Fath-360
PLACE | Ukraine | Ukraine
PLACE | U.S. | United States
PERSON | Antony Blinken | Antony Blinken
DATE | Tuesday | 2024-09-10
PLACE | Washington | Washington
PLACE | Tehran | Tehran
PLACE | London | London
PERSON | David Lammy | David Lammy
PERSON | Blinken | Antony Blinken
PLACE | Iran | Iran
PLACE | Moscow | Moscow
PLACE | United States | United States
ORG | Iran Air | Iran Air
ORG | Treasury Department | U.S. Department of the Treasury
PLACE | Britain | United Kingdom
PLACE | France | France
PLACE | Germany | Germany
PLACE | Iran | Iran
ORG | Iran Air | Iran Air
PERSON | Lammy | David Lammy
PLACE | Tehran | Tehran
PLACE | Kyiv | Kyiv
DATE | the next day | 2024-09-11
PERSON | Volodymyr Zelensky | Volodymyr Zelensky
WEAPON | Storm Shadow | Storm Shadow
PLACE | Russia | Russia
PLACE | Iran | Iran
PLACE | Russia | Russia
ORG | Foreign Ministry | Ministry of Foreign Affairs (Iran)
PERSON | Nasser Kanaani | Nasser Kanaani
DATE | Monday | 2024-09-09
PLACE | Israel | Israel
PLACE | Gaza | Gaza
PERSON | Masoud Pezeshkian | Masoud Pezeshkian
DATE | July | 2024-07
PLACE | West | the West
PLACE | Moscow | Moscow
PERSON | Ali Khamenei | Ali Khamenei
PLACE | Russia | Russia
PERSON | Putin | Vladimir Putin
PLACE | Tehran | Tehran
DATE | July 2022 | 2022-07
PERSON | Khamenei | Ali Khamenei
PLACE | Moscow | Moscow
ORG | NATO | NATO
PLACE | Crimea | Crimea
PLACE | Iran | Iran
WEAPON | Shahed-136 | Shahed-136
PLACE | Russia | Russia
DATE | summer of 2022 | 2022-06/2022-08
PLACE | Iran | Iran
PERSON | Hossein Amir-Abdollahian | Hossein Amir-Abdollahian
DATE | November 2022 | 2022-11
PLACE | Tehran | Tehran
PLACE | Russia | Russia
WEAPON | Geran-2 | Shahed-136
PLACE | Alabuga Special Economic Zone | Alabuga Special Economic Zone
PLACE | Tatarstan | Tatarstan
DATE | Aug. 26 | 2024-08-26
PLACE | Russia | Russia
PLACE | Ukraine | Ukraine
WEAPON | Kh-101 | Kh-101
WEAPON | Tu-95MS | Tu-95MS
PLACE | Ukraine | Ukraine
PERSON | Zelensky | Volodymyr Zelensky
WEAPON | Patriot | Patriot
ORG | Reuters | Reuters
DATE | earlier this year | 2024
PLACE | Iran | Iran
PLACE | Russia | Russia
WEAPON | Fateh-110 | Fateh-110
WEAPON | Zolfaghar | Zolfaghar
PLACE | Tehran | Tehran
PERSON | Fabian Hinz | Fabian Hinz
ORG | International Institute for Strategic Studies | International Institute for Strategic Studies
ORG | IISS | International Institute for Strategic Studies
WEAPON | Fath-360 | Fath-360
PLACE | Russia | Russia
WEAPON | Iskander | Iskander
ORG | IISS | International Institute for Strategic Studies
ORG | G7 | G7
PLACE | Ukraine | Ukraine
DATE | 2024 | 2024
ORG | Global Affairs Wire | Global Affairs Wire
""",
)

# --------------------------------------------------------------------------------------------
article(
    doc="own_08_lavrov_wang_yi_beijing.txt",
    title="Lavrov and Wang Yi pledge closer coordination as Moscow prepares Putin visit to China",
    published=None,
    author=None,
    excludes=[
        "WORLD BRIEF › Asia › China",
        "Share: Facebook | LinkedIn | Email",
        "Sponsored content",
        "Trending: Yellen warns Beijing over industrial overcapacity | Taiwan earthquake: rescuers search for trapped workers",
        "About World Brief | Terms | Privacy",
    ],
    mentions="""
ORG | WORLD BRIEF | World Brief
PLACE | Asia | Asia
PLACE | China | China
ORG | Facebook | Facebook
ORG | LinkedIn | LinkedIn
PERSON | Lavrov | Sergei Lavrov
PERSON | Wang Yi | Wang Yi
PLACE | Moscow | Moscow
PERSON | Putin | Vladimir Putin
PLACE | China | China
PERSON | Sergei Lavrov | Sergei Lavrov
PERSON | Wang Yi | Wang Yi
PERSON | 王毅 | Wang Yi
DATE | Tuesday | null
PLACE | Eurasia | Eurasia
PERSON | Lavrov | Sergei Lavrov
PLACE | United States | United States
PLACE | Beijing | Beijing
PERSON | Vladimir Putin | Vladimir Putin
PERSON | Lavrov | Sergei Lavrov
DATE | Monday | null
PERSON | Xi Jinping | Xi Jinping
PLACE | Great Hall of the People | Great Hall of the People
PERSON | Xi | Xi Jinping
PLACE | Beijing | Beijing
PLACE | Moscow | Moscow
ORG | Xinhua | Xinhua
PERSON | Lavrov | Sergei Lavrov
PLACE | Ukraine | Ukraine
PLACE | Switzerland | Switzerland
PLACE | Russia | Russia
PERSON | Wang | Wang Yi
PLACE | China | China
PLACE | Russia | Russia
PLACE | Ukraine | Ukraine
PERSON | Mao Ning | Mao Ning
PLACE | China | China
ORG | Ministry of Foreign Affairs | Ministry of Foreign Affairs (China)
DATE | the following day | null
PLACE | Beijing | Beijing
PLACE | Washington | Washington
PLACE | U.S. | United States
PERSON | Antony Blinken | Antony Blinken
PLACE | China | China
DATE | later this month | null
PLACE | Russia | Russia
PERSON | Andrei Rudenko | Andrei Rudenko
PLACE | Moscow | Moscow
ORG | TASS | TASS
PERSON | Putin | Vladimir Putin
PERSON | Putin | Vladimir Putin
DATE | March 15 to 17, 2024 | 2024-03-15/2024-03-17
PERSON | Xi | Xi Jinping
DATE | the following day | 2024-03-18
PERSON | Putin | Vladimir Putin
PERSON | Xi | Xi Jinping
PLACE | Beijing | Beijing
DATE | Feb. 4, 2022 | 2022-02-04
PLACE | Ukraine | Ukraine
EVENT | Beijing Winter Olympics | Beijing Winter Olympics
PLACE | China | China
PLACE | Russia | Russia
DATE | 2023 | 2023
PERSON | Li Hui | Li Hui
DATE | last month | null
PLACE | Beijing | Beijing
PLACE | Kyiv | Kyiv
PLACE | Warsaw | Warsaw
PERSON | Lavrov | Sergei Lavrov
PLACE | Russia | Russia
PLACE | Asia | Asia
PLACE | Pyongyang | Pyongyang
DATE | October 2023 | 2023-10
PERSON | Kim Jong Un | Kim Jong Un
ORG | Shanghai Cooperation Organisation | Shanghai Cooperation Organisation
ORG | SCO | Shanghai Cooperation Organisation
PLACE | Astana | Astana
PLACE | Kazakhstan | Kazakhstan
DATE | July | null
PERSON | Xi | Xi Jinping
PERSON | Putin | Vladimir Putin
ORG | SCO | Shanghai Cooperation Organisation
PLACE | Moscow | Moscow
PERSON | Yellen | Janet Yellen
PLACE | Beijing | Beijing
PLACE | Taiwan | Taiwan
ORG | World Brief | World Brief
""",
)

# --------------------------------------------------------------------------------------------
article(
    doc="own_09_trilateral_security_framework.txt",
    title="U.S., Japan And South Korea Sign Pact To Make Trilateral Security Cooperation Permanent",
    published="2024-07-29",
    author="Kenji Morita and Seo Hye-rin",
    excludes=[
        "SEOUL DAILY TIMES — Defense & Diplomacy — Mon 29.07.2024",
        "BY KENJI MORITA AND SEO HYE-RIN",
        "Read more: North Korea sends hundreds of trash balloons across border again",
        "Contact the newsroom: desk@seouldailytimes.example",
        "© 2024 Seoul Daily Times. All rights reserved.",
    ],
    mentions="""
ORG | SEOUL DAILY TIMES | Seoul Daily Times
DATE | Mon 29.07.2024 | 2024-07-29
PLACE | U.S. | United States
PLACE | Japan | Japan
PLACE | South Korea | South Korea
PERSON | KENJI MORITA | Kenji Morita
PERSON | SEO HYE-RIN | Seo Hye-rin
PLACE | TOKYO | Tokyo
PLACE | SEOUL | Seoul
PLACE | United States | United States
PLACE | Japan | Japan
PLACE | South Korea | South Korea
DATE | Sunday | 2024-07-28
PLACE | North Korea | North Korea
PLACE | U.S. | United States
PERSON | Lloyd Austin | Lloyd Austin
PERSON | Minoru Kihara | Minoru Kihara
PERSON | Shin Won-sik | Shin Won-sik
PLACE | Tokyo | Tokyo
PLACE | Japan | Japan
EVENT | Shangri-La Dialogue | Shangri-La Dialogue
PLACE | Singapore | Singapore
DATE | June | 2024-06
EVENT | Freedom Edge | Freedom Edge
PLACE | Japan | Japan
ORG | Defense Ministry | Japanese Ministry of Defense
PERSON | Shin Wonsik | Shin Won-sik
PLACE | Pyongyang | Pyongyang
PLACE | Moscow | Moscow
EVENT | Freedom Edge | Freedom Edge
DATE | June 27-29 | 2024-06-27/2024-06-29
PLACE | Jeju Island | Jeju Island
PLACE | U.S. | United States
WEAPON | USS Theodore Roosevelt | USS Theodore Roosevelt
PLACE | North Korea | North Korea
ORG | Foreign Ministry | Ministry of Foreign Affairs (North Korea)
ORG | NATO | NATO
DATE | July 1 | 2024-07-01
PLACE | North | North Korea
PLACE | North Korea | North Korea
PERSON | Austin | Lloyd Austin
PERSON | Antony Blinken | Antony Blinken
PERSON | Kihara | Minoru Kihara
PERSON | Yoko Kamikawa | Yoko Kamikawa
ORG | U.S. Forces Japan | U.S. Forces Japan
DATE | Earlier this month | 2024-07
PERSON | Yoon Suk Yeol | Yoon Suk Yeol
PERSON | Fumio Kishida | Fumio Kishida
ORG | NATO | NATO
PLACE | Washington | Washington
PERSON | Jens Stoltenberg | Jens Stoltenberg
PLACE | Indo-Pacific | Indo-Pacific
PLACE | North Korea | North Korea
PLACE | China | China
PLACE | Russia | Russia
PLACE | Ukraine | Ukraine
EVENT | Rim of the Pacific | RIMPAC
EVENT | RIMPAC | RIMPAC
PLACE | Hawaii | Hawaii
DATE | June 27 to Aug. 1 | 2024-06-27/2024-08-01
PLACE | South Korea | South Korea
PLACE | United States | United States
EVENT | Ulchi Freedom Shield | Ulchi Freedom Shield
DATE | August | 2024-08
PERSON | Yoon | Yoon Suk Yeol
PERSON | Kishida | Fumio Kishida
PLACE | U.S. | United States
PERSON | Joe Biden | Joe Biden
PLACE | Camp David | Camp David
DATE | last August | 2023-08
PERSON | Biden | Joe Biden
DATE | July 21 | 2024-07-21
PERSON | Kishida | Fumio Kishida
PLACE | Seoul | Seoul
PLACE | Tokyo | Tokyo
PERSON | Park Won-gon | Park Won-gon
ORG | Ewha Womans University | Ewha Womans University
PLACE | North @ the North was likely | North Korea
DATE | this summer | 2024-06/2024-08
DATE | 2024 | 2024
ORG | Seoul Daily Times | Seoul Daily Times
""",
)

# --------------------------------------------------------------------------------------------
article(
    doc="own_10_oreshnik_dnipro.txt",
    title="Putin says new Oreshnik missile hit Dnipro in response to Western long-range weapons",
    published="2024-11-22",
    author="Tomasz Lewandowski and Iryna Melnyk",
    excludes=[
        "THE CONTINENTAL OBSERVER",
        "Europe | Ukraine war | 22 November 2024, 17:45 CET",
        "By Tomasz Lewandowski in Warsaw and Iryna Melnyk in Kyiv",
        "Live: Russia-Ukraine war - all the latest updates",
        "Advertisement",
        "Sign up for Continental Briefing, our free evening newsletter",
        "© The Continental Observer 2024",
    ],
    mentions="""
ORG | CONTINENTAL OBSERVER | Continental Observer
PLACE | Europe | Europe
PLACE | Ukraine | Ukraine
DATE | 22 November 2024 | 2024-11-22
PERSON | Putin | Vladimir Putin
WEAPON | Oreshnik | Oreshnik
PLACE | Dnipro | Dnipro
PERSON | Tomasz Lewandowski | Tomasz Lewandowski
PLACE | Warsaw | Warsaw
PERSON | Iryna Melnyk | Iryna Melnyk
PLACE | Kyiv | Kyiv
PLACE | Russia | Russia
PLACE | Dnipro | Dnipro
DATE | Thursday | 2024-11-21
PERSON | Vladimir Putin | Vladimir Putin
PLACE | Ukraine | Ukraine
WEAPON | ATACMS | ATACMS
WEAPON | Storm Shadow | Storm Shadow
PLACE | Russia | Russia
PERSON | Putin | Vladimir Putin
WEAPON | Oreshnik | Oreshnik
WEAPON | Орешник | Oreshnik
PLACE | Dnipro | Dnipro
PLACE | Russia | Russia
PLACE | Ukraine | Ukraine
PLACE | Russia | Russia
PLACE | Astrakhan | Astrakhan Oblast
ORG | Pivdenmash | Pivdenmash
ORG | Yuzhmash | Pivdenmash
PLACE | Russia | Russia
WEAPON | Kinzhal | Kinzhal
WEAPON | MiG-31K | MiG-31K
WEAPON | Kh-101 | Kh-101
WEAPON | Tu-95MS | Tu-95MS
PLACE | Ukraine | Ukraine
ORG | Defence Intelligence | Defence Intelligence of Ukraine
ORG | HUR | Defence Intelligence of Ukraine
ORG | GUR | Defence Intelligence of Ukraine
WEAPON | Oreshnik | Oreshnik
PLACE | Russia | Russia
PLACE | Ukraine | Ukraine
ORG | Pentagon | Pentagon
WEAPON | Oreshnik | Oreshnik
PLACE | Russia | Russia
WEAPON | RS-26 Rubezh | RS-26 Rubezh
PLACE | Washington | Washington
ORG | Kremlin | Kremlin
PERSON | Dmitry Peskov | Dmitry Peskov
DATE | Friday | 2024-11-22
PLACE | U.S. | United States
PERSON | Joe Biden | Joe Biden
DATE | Sunday | 2024-11-17
PLACE | Ukraine | Ukraine
WEAPON | ATACMS | ATACMS
WEAPON | HIMARS | HIMARS
PLACE | Russia | Russia
DATE | Tuesday | 2024-11-19
PLACE | Ukraine | Ukraine
WEAPON | ATACMS | ATACMS
PLACE | Russia | Russia
PLACE | Bryansk | Bryansk
PLACE | Russia | Russia
ORG | Defence Ministry | Russian Ministry of Defense
WEAPON | S-400 | S-400
WEAPON | Pantsir | Pantsir
DATE | the same day | 2024-11-19
PERSON | Putin | Vladimir Putin
DATE | Wednesday | 2024-11-20
PLACE | Ukraine | Ukraine
WEAPON | Storm Shadow | Storm Shadow
PLACE | Kursk | Kursk
DATE | August | 2024-08
PLACE | Britain | United Kingdom
ORG | Ministry of Defence | UK Ministry of Defence
ORG | NATO | NATO
PERSON | Farah Dakhlallah | Farah Dakhlallah
PLACE | Ukraine | Ukraine
ORG | NATO-Ukraine Council | NATO-Ukraine Council
PLACE | Brussels | Brussels
DATE | next Tuesday | 2024-11-26
PLACE | Kyiv | Kyiv
PERSON | Volodymyr Zelensky | Volodymyr Zelensky
PLACE | Moscow | Moscow
WEAPON | Patriot | Patriot
PLACE | Ukraine | Ukraine
DATE | last winter | 2023-12/2024-02
ORG | Royal United Services Institute | Royal United Services Institute
ORG | RUSI | Royal United Services Institute
PLACE | London | London
ORG | Continental Observer | Continental Observer
DATE | 2024 | 2024
""",
)


# --------------------------------------------------------------------------------------------
# machinery

def is_word(b):
    """True if byte value b is an ASCII letter or digit (a word character for boundaries)."""
    return (48 <= b <= 57) or (65 <= b <= 90) or (97 <= b <= 122)


def text_mask(raw, is_html):
    """Per byte: True where the byte is page text that may hold a mention."""
    n = len(raw)
    if not is_html:
        return [True] * n
    mask = [False] * n
    body = raw.find(b"<body")
    assert body >= 0, "HTML without <body>"
    i, in_tag = body, False
    skip_until = None
    while i < n:
        if skip_until is not None:
            j = raw.find(skip_until, i)
            i = j if j >= 0 else n
            skip_until = None
            continue
        c = raw[i]
        if c == ord("<"):
            in_tag = True
            low = raw[i:i + 8].lower()
            if low.startswith(b"<script") or low.startswith(b"<style"):
                skip_until = b"</script" if low.startswith(b"<script") else b"</style"
                i += 1
                continue
        elif c == ord(">") and in_tag:
            in_tag = False
            i += 1
            continue
        mask[i] = not in_tag
        i += 1
    return mask


def occurrences(raw, mask, needle, start=0):
    """Yield byte offsets of needle at word boundaries inside text, from start on."""
    i = raw.find(needle, start)
    while i >= 0:
        j = i + len(needle)
        ok = all(mask[i:j])
        if ok and is_word(needle[0]) and i > 0 and is_word(raw[i - 1]):
            ok = False
        if ok and is_word(needle[-1]) and j < len(raw) and is_word(raw[j]):
            ok = False
        if ok:
            yield i
        i = raw.find(needle, i + 1)


def parse(spec, stem):
    out = []
    for line in spec.strip().splitlines():
        parts = [p.strip() for p in line.split("|")]
        assert len(parts) == 3 and parts[0] in TYPES, line
        typ, surface, third = parts
        context = None
        if " @ " in surface:
            surface, context = [s.strip() for s in surface.split(" @ ", 1)]
            assert surface in context, line
        if typ == "DATE":
            value = None if third == "null" else third
            entity = value if value else f"{surface} ({stem})"
            out.append((typ, surface, context, entity, value, True))
        else:
            out.append((typ, surface, context, third, None, False))
    return out


def locate(raw, mask, parsed, doc):
    cursor, mentions = 0, []
    for typ, surface, context, entity, value, is_date in parsed:
        s = surface.encode("utf-8")
        if context:
            c = context.encode("utf-8")
            pos = next(occurrences(raw, mask, c, cursor), None)
            assert pos is not None, f"{doc}: context {context!r} not found after byte {cursor}"
            start = pos + c.index(s)
        else:
            start = next(occurrences(raw, mask, s, cursor), None)
            assert start is not None, f"{doc}: {surface!r} not found after byte {cursor}"
        end = start + len(s)
        assert raw[start:end].decode("utf-8") == surface
        m = {"type": typ, "start": start, "end": end, "text": surface, "entity": entity}
        if is_date:
            m["value"] = value
        mentions.append(m)
        cursor = end
    for a, b in zip(mentions, mentions[1:]):
        assert a["end"] <= b["start"], f"{doc}: overlap {a} {b}"
    return mentions


BLOCK = re.compile(r"(?i)</?(p|h[1-6]|div|nav|header|footer|figure|figcaption|aside|article|main|form|li|ul|br|title)\b[^>]*>")


def text_lines(raw_str, is_html):
    """The document's text lines: raw lines, or for HTML a simple rendering of the body."""
    if not is_html:
        return [re.sub(r"\s+", " ", l).strip() for l in raw_str.splitlines()]
    s = raw_str[raw_str.index("<body"):]
    s = re.sub(r"(?is)<script.*?</script>|<style.*?</style>", "", s)
    s = BLOCK.sub("\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s)
    return [re.sub(r"\s+", " ", l).strip() for l in s.split("\n")]


MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
DATEISH = re.compile(
    r"\b(" + MONTHS + r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Fri|"
    r"today|yesterday|tomorrow|week|weeks|month|months|year|years|day|days|spring|summer|autumn|"
    r"fall|winter|decade|decades|(?:19|20)\d\d)\b", re.I)
CAPWORD = re.compile(r"[A-Z][A-Za-z0-9'’.\-]*")


def review(doc, raw, mask, mentions):
    covered = [False] * len(raw)
    for m in mentions:
        for i in range(m["start"], m["end"]):
            covered[i] = True
    text = raw.decode("utf-8")
    # byte offset of each character
    offs, b = [], 0
    for ch in text:
        offs.append(b)
        b += len(ch.encode("utf-8"))
    print(f"\n===== {doc}")
    surfaces = sorted({m["text"] for m in mentions if m["type"] != "DATE"})
    for s in surfaces:
        for i in occurrences(raw, mask, s.encode("utf-8")):
            if not any(covered[i:i + len(s.encode('utf-8'))]):
                ctx = raw[max(0, i - 30):i + len(s.encode()) + 30].decode("utf-8", "replace")
                print(f"  uncovered {s!r}: ...{ctx!r}...")
    caps = {}
    for mt in CAPWORD.finditer(text):
        i = offs[mt.start()]
        if mask[i] and not covered[i]:
            caps[mt.group()] = caps.get(mt.group(), 0) + 1
    print("  capitalised words not covered:", " ".join(sorted(caps)))
    for mt in DATEISH.finditer(text):
        i = offs[mt.start()]
        if mask[i] and not covered[i]:
            print(f"  date-like not covered: ...{text[max(0, mt.start() - 35):mt.end() + 25]!r}...")
    # inline rendering
    out, last = [], 0
    for m in mentions:
        out.append(raw[last:m["start"]].decode("utf-8"))
        tag = m["type"] + ("=" + str(m.get("value")) if m["type"] == "DATE" else "")
        out.append(f"[{tag}:{m['text']}]")
        last = m["end"]
    out.append(raw[last:].decode("utf-8"))
    print("".join(out))


def build(do_review=False):
    docs = []
    for a in ARTICLES:
        doc = a["doc"]
        stem = doc.split("_")[0] + "_" + doc.split("_")[1]
        path = os.path.join(HERE, doc)
        with open(path, "rb") as f:
            raw = f.read()
        is_html = doc.endswith(".html")
        mask = text_mask(raw, is_html)
        mentions = locate(raw, mask, parse(a["mentions"], stem), doc)
        lines = {l for l in text_lines(raw.decode("utf-8"), is_html) if l}
        for x in a["excludes"]:
            assert re.sub(r"\s+", " ", x).strip() in lines, f"{doc}: exclude not a text line: {x!r}"
        title = a["title"]
        assert title in lines, f"{doc}: title not a text line"
        gold = {
            "doc": doc,
            "title": title,
            "published": a["published"],
            "author": a["author"],
            "source": SOURCE,
            "body_excludes": a["excludes"],
            "mentions": mentions,
        }
        out = os.path.join(HERE, os.path.splitext(doc)[0] + ".json")
        with open(out, "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")
        docs.append((gold, raw, is_html))
        if do_review:
            review(doc, raw, mask, mentions)
    return docs


def selfscore(docs):
    """Score the gold against itself: a system array holding the gold plus a body made of the
    raw lines that are not excluded (for HTML all raw lines, as score.py compares raw lines)."""
    system = []
    for gold, raw, is_html in docs:
        excluded = {re.sub(r"\s+", " ", x).strip() for x in gold["body_excludes"]}
        kept = [l for l in raw.decode("utf-8").splitlines()
                if is_html or re.sub(r"\s+", " ", l).strip() not in excluded]
        system.append(dict(gold, body="\n".join(kept)))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "system.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(system, f, ensure_ascii=False)
        gold_dir = os.path.join(tmp, "gold")
        os.mkdir(gold_dir)
        for gold, _, _ in docs:
            name = os.path.splitext(gold["doc"])[0] + ".json"
            with open(os.path.join(gold_dir, name), "w", encoding="utf-8") as f:
                json.dump(gold, f, ensure_ascii=False)
        subprocess.run([sys.executable, SCORER, gold_dir, path, "--docs", HERE], check=True)


def main(argv):
    docs = build("--review" in argv)
    counts = {}
    for gold, _, _ in docs:
        for m in gold["mentions"]:
            counts[m["type"]] = counts.get(m["type"], 0) + 1
    print(f"{len(docs)} documents, {sum(counts.values())} mentions:",
          ", ".join(f"{t} {counts.get(t, 0)}" for t in ["PERSON", "ORG", "PLACE", "WEAPON", "EVENT", "DATE"]))
    if "--selfscore" in argv:
        selfscore(docs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
