#!/usr/bin/env python3
"""Writes the format fixtures of this project's own making into crates/eval/tests/formats/own/:
a feed (RSS 2.0), an Atom feed, a Word document, an e-mail and a PDF, each holding short articles
written for Dossier (not copied from any outlet), and gold.json with what each article should be
read as (title, author, date, body); and into formats/bad/ the inputs that must be refused with
a reason: a cut Word file, a zip bomb, a ZIP that is not a Word file, a PDF with no text layer, a
password-locked PDF and a damaged PDF that makes the PDF reader panic. Standard library only, but for the locked PDF, which needs pypdf
(`pip install pypdf`; skipped with a message without it). Run it again after changing a text.

    python3 tools/make-format-fixtures.py
"""
import json
import os
import random
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone, timedelta
from xml.sax.saxutils import escape

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "eval", "tests", "formats", "own")

ARTICLES = [
    {
        "title": "Kim Jong Un arrives in Vladivostok by armoured train",
        "author": "Mira Okafor",
        "published": "2023-09-12",
        "body": [
            "North Korean leader Kim Jong Un arrived in Russia's Far East on Tuesday aboard his armoured train, the first foreign trip he has made since the pandemic.",
            "Russian officials said Kim would meet President Vladimir Putin at the Vostochny Cosmodrome in Amur Oblast, where the two leaders were expected to discuss satellites and arms.",
            "Analysts in Seoul said the visit showed how far Moscow now depends on Pyongyang for artillery shells for its war in Ukraine.",
        ],
    },
    {
        "title": "Shoigu tours a weapons exhibition in Pyongyang",
        "author": "Daniel Reyes",
        "published": "2023-07-27",
        "body": [
            "Russian Defence Minister Sergei Shoigu visited an arms exhibition in Pyongyang on Wednesday, where Kim Jong Un showed him the Hwasong-18 intercontinental ballistic missile.",
            "The visit marked the seventieth anniversary of the armistice that ended the fighting of the Korean War.",
        ],
    },
    {
        "title": "Putin and Kim sign a mutual defence treaty",
        "author": "Hana Lindqvist",
        "published": "2024-06-19",
        "body": [
            "Vladimir Putin and Kim Jong Un signed a Comprehensive Strategic Partnership Treaty in Pyongyang on Wednesday, pledging to help each other if either is attacked.",
            "The White House called the agreement a concern for anyone who wants peace and stability on the Korean Peninsula.",
            "South Korea said it would review its ban on sending weapons to Ukraine in response.",
        ],
    },
]

GOLD = {}


def gold(key, art, body=None):
    GOLD[key] = {
        "title": art["title"],
        "byline": art["author"],
        "publishedTime": art["published"],
        "articleBody": "\n".join(body or art["body"]),
    }


def rss():
    items = []
    for i, a in enumerate(ARTICLES[:2], 1):
        d = datetime.fromisoformat(a["published"] + "T09:00:00+09:00")
        html = "".join(f"<p>{escape(p)}</p>" for p in a["body"])
        items.append(f"""  <item>
    <title>{escape(a['title'])}</title>
    <link>https://wire.example/{i}</link>
    <guid isPermaLink="false">wire-{i}</guid>
    <pubDate>{format_datetime(d)}</pubDate>
    <dc:creator>{escape(a['author'])}</dc:creator>
    <description>{escape(a['body'][0][:80])}…</description>
    <content:encoded><![CDATA[{html}<div class="share">Share this story</div>]]></content:encoded>
  </item>""")
        gold(f"summit-wire #{i}", a)
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- A feed of Dossier's own making, for its tests: not a real outlet's. -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example Wire</title>
  <link>https://wire.example/</link>
  <description>Test feed</description>
{chr(10).join(items)}
</channel>
</rss>
"""
    open(os.path.join(OUT, "summit-wire.rss"), "w", encoding="utf8").write(xml)


def atom():
    a = ARTICLES[2]
    xhtml = "".join(f"<p>{escape(p)}</p>" for p in a["body"])
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<!-- An Atom feed of Dossier's own making, for its tests. -->
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Log</title>
  <id>urn:example:log</id>
  <updated>{a['published']}T12:00:00Z</updated>
  <entry>
    <title>{escape(a['title'])}</title>
    <link rel="alternate" href="https://log.example/treaty"/>
    <id>urn:example:log:1</id>
    <published>{a['published']}T12:00:00Z</published>
    <updated>{a['published']}T13:00:00Z</updated>
    <author><name>{escape(a['author'])}</name></author>
    <summary>Short summary.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{xhtml}</div></content>
  </entry>
</feed>
"""
    open(os.path.join(OUT, "treaty-log.atom"), "w", encoding="utf8").write(xml)
    gold("treaty-log #1", a)


def docx():
    a = ARTICLES[0]
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paras = [f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>{escape(a["title"])}</w:t></w:r></w:p>']
    for p in a["body"]:
        half = len(p) // 2
        cut = p.rfind(" ", 0, half) + 1
        # two runs, the second bold: a paragraph is the text of all its runs
        paras.append(f'<w:p><w:r><w:t xml:space="preserve">{escape(p[:cut])}</w:t></w:r>'
                     f'<w:r><w:rPr><w:b/></w:rPr><w:t>{escape(p[cut:])}</w:t></w:r></w:p>')
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{"".join(paras)}<w:sectPr/></w:body></w:document>'
    core = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{escape(a['title'])}</dc:title><dc:creator>{escape(a['author'])}</dc:creator><dc:description>A document of Dossier's own making, for its tests.</dc:description>
<dcterms:created xsi:type="dcterms:W3CDTF">{a['published']}T08:00:00Z</dcterms:created></cp:coreProperties>"""
    types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    path = os.path.join(OUT, "vladivostok-briefing.docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", types), ("word/document.xml", document), ("docProps/core.xml", core)]:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    gold("vladivostok-briefing (docx)", a)


def eml():
    a = ARTICLES[1]
    m = EmailMessage()
    m["From"] = f"{a['author']} <desk@wire.example>"
    m["To"] = "analyst@example.org"
    m["Subject"] = a["title"]
    m["Date"] = format_datetime(datetime.fromisoformat(a["published"] + "T18:30:00+09:00"))
    m["Message-ID"] = "<fixture-1@wire.example>"
    m["X-Note"] = "A mail of Dossier's own making, for its tests."
    m.set_content("\n\n".join(a["body"]) + "\n")
    m.add_alternative("".join(f"<p>{escape(p)}</p>" for p in a["body"]), subtype="html")
    m.add_attachment(b"%PDF-1.4\n% not a real attachment\n", maintype="application", subtype="pdf", filename="programme.pdf")
    open(os.path.join(OUT, "shoigu-visit.eml"), "wb").write(bytes(m))
    gold("shoigu-visit (mail)", a)


def pdf_bytes(lines, info):
    """A one-page PDF drawing `lines` in Helvetica, with the document information `info`."""
    esc = lambda s: s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    ops = ["BT", "/F1 11 Tf", "72 720 Td", "14 TL"] + [f"({esc(l)}) Tj T*" for l in lines] + ["ET"]
    stream = "\n".join(ops).encode("latin-1")
    info = " ".join(f"/{k} ({esc(v)})" for k, v in info.items())
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        f"<< {info} >>".encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def pdf():
    a = ARTICLES[2]
    # one page, Helvetica, each body paragraph wrapped at about 80 characters, a blank line between
    lines = []
    for p in a["body"]:
        words, line = p.split(), ""
        for w in words:
            if len(line) + len(w) + 1 > 80:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}".strip()
        lines.append(line)
        lines.append("")
    info = {
        "Title": a["title"],
        "Author": a["author"],
        "CreationDate": f"D:{a['published'].replace('-', '')}120000Z",
        "Subject": "A PDF of Dossier's own making, for its tests",
    }
    open(os.path.join(OUT, "treaty-notes.pdf"), "wb").write(pdf_bytes(lines, info))
    gold("treaty-notes (pdf)", a)


def bad():
    """Inputs that must each be refused with the reason, and nothing else lost."""
    out = os.path.join(OUT, "..", "bad")
    os.makedirs(out, exist_ok=True)
    good = open(os.path.join(OUT, "vladivostok-briefing.docx"), "rb").read()
    open(os.path.join(out, "cut.docx"), "wb").write(good[: len(good) // 2])
    # 100 MB of spaces inside one paragraph deflates to about 100 KB
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(os.path.join(out, "bomb.docx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        info = zipfile.ZipInfo("word/document.xml", date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as f:
            f.write(f"<w:document {W}><w:body><w:p><w:r><w:t>".encode())
            chunk = b" " * (1 << 20)
            for _ in range(100):
                f.write(chunk)
            f.write(b"x</w:t></w:r></w:p></w:body></w:document>")
    with zipfile.ZipFile(os.path.join(out, "photos.docx"), "w") as z:
        z.writestr(zipfile.ZipInfo("photo.txt", date_time=(2024, 1, 1, 0, 0, 0)), "not a Word file")
    open(os.path.join(out, "scan.pdf"), "wb").write(pdf_bytes([], {"Title": "A scan"}))
    # the real 1885 sample with a few bytes changed at random: pdf-extract panics on it (the
    # third draw of seed 7), which must fail that file alone, not the import
    real = open(os.path.join(OUT, "..", "real", "vicksburg-1885-ocr.pdf"), "rb").read()
    rng = random.Random(7)
    for i in range(3):
        b = bytearray(open(os.path.join(OUT, "treaty-notes.pdf"), "rb").read() if i % 2 else real)
        for _ in range(rng.randint(1, 20)):
            p = rng.randrange(len(b))
            b[p] = rng.randrange(256)
    open(os.path.join(out, "damaged.pdf"), "wb").write(bytes(b))
    try:
        from pypdf import PdfReader, PdfWriter
    except ImportError:
        print("pypdf is not installed: locked.pdf was not written")
        return
    w = PdfWriter(clone_from=PdfReader(os.path.join(OUT, "treaty-notes.pdf")))
    w.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    w.write(os.path.join(out, "locked.pdf"))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    rss(); atom(); docx(); eml(); pdf(); bad()
    with open(os.path.join(OUT, "gold.json"), "w", encoding="utf8") as f:
        json.dump(GOLD, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(GOLD)} articles' gold and 5 fixtures to {os.path.normpath(OUT)}")
