//! Rules for names no list holds: people by name shape (given-name lists, Korean and Chinese
//! name shapes) and by context (after a role, in apposition, before "said"); organisations,
//! places and events by their head word (Ministry, Institute, Airport, Forum...); weapon
//! designators by family (Hwasong-18, MiG-31I); acronyms in capitals.
use crate::find::gazetteer::{self, Kind};
use crate::find::lexicon::{
    self, CHINESE_SURNAME, GIVEN_NAME, HEAD, HEAD_EVENT, HEAD_ORG, HEAD_PLACE, KOREAN_SURNAME,
    MONTH_OR_WEEKDAY, ROLE, STOP,
};
use dossier_model::text::{Tok, TokKind, ALLCAPS, CAP, HYPHEN, SENT_START, SPACE_BEFORE};
use dossier_model::EntityType;

/// A candidate mention proposed by a rule.
#[derive(Clone, Debug)]
pub struct RuleHit {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
}

/// The kind of name a head word makes.
pub fn head_kind(w: &str) -> Option<EntityType> {
    head_of(lexicon::class_of(w))
}

/// The kind of name a head word of these lexical classes makes.
fn head_of(lex: u16) -> Option<EntityType> {
    if lex & HEAD_ORG != 0 {
        Some(EntityType::Org)
    } else if lex & HEAD_PLACE != 0 {
        Some(EntityType::Place)
    } else if lex & HEAD_EVENT != 0 {
        Some(EntityType::Event)
    } else {
        None
    }
}

/// Heads that name something on their own, capitalised mid-sentence (`South Korea's Parliament`).
fn head_alone(w: &str) -> bool {
    matches!(
        w,
        "Parliament" | "Congress" | "Senate" | "Politburo" | "Duma"
    )
}

fn is_month_or_weekday(w: &str) -> bool {
    lexicon::class_of(w) & MONTH_OR_WEEKDAY != 0
}

/// Acronyms in capitals that are not organisations.
fn common_acronym(w: &str) -> bool {
    matches!(
        w,
        "ICBM"
            | "ICBMs"
            | "SLBM"
            | "SLBMs"
            | "IRBM"
            | "SRBM"
            | "MRBM"
            | "UAV"
            | "UAVs"
            | "GDP"
            | "CEO"
            | "TV"
            | "PM"
            | "AM"
            | "GMT"
            | "UTC"
            | "KST"
            | "JST"
            | "CET"
            | "CEST"
            | "EET"
            | "EEST"
            | "MSK"
            | "BST"
            | "EDT"
            | "PDT"
            | "AEST"
            | "EST"
            | "PST"
            | "COVID"
            | "HIV"
            | "AIDS"
            | "AI"
            | "ID"
            | "OK"
            | "USD"
            | "EUR"
            | "KRW"
            | "RUB"
            | "POW"
            | "POWs"
            | "WMD"
            | "FAQ"
            | "PDF"
            | "URL"
            | "HTML"
            | "CSV"
            | "JSON"
            | "SMS"
            | "GPS"
            | "SAM"
            | "SAMs"
            | "MLRS"
            | "APC"
            | "IFV"
            | "MBT"
            | "ATGM"
            | "MANPADS"
            | "LNG"
            | "NGO"
            | "NGOs"
            | "VIP"
            | "II"
            | "III"
            | "IV"
            | "VI"
            | "VII"
            | "VIII"
            | "IX"
            | "XI"
            | "XII"
            | "RSS"
            | "PhD"
            | "CCTV"
            | "DNA"
            | "CPU"
            | "BREAKING"
            | "LEAD"
            | "URGENT"
            | "CORRECTED"
            | "ADDS"
            | "REFILE"
            | "FACTBOX"
            | "EXPLAINER"
            | "UPDATE"
            | "UPDATED"
            | "EXCLUSIVE"
            | "LIVE"
            | "WATCH"
            | "VIDEO"
            | "PHOTO"
            | "PHOTOS"
            | "NEW"
            | "US"
            | "UK"
            | "EU"
            | "UN"
            | "THIS"
            | "THE"
            | "AND"
            | "OF"
            | "BY"
            | "FOR"
            | "IN"
            | "ON"
            | "TO"
            | "A"
            | "I"
            | "AN"
            | "IS"
            | "IT"
            | "AT"
            | "OR"
            | "NO"
            | "YES"
            | "NOT"
            | "ALL"
            | "MORE"
            | "READ"
            | "NEWS"
            | "OPINION"
            | "ANALYSIS"
            | "KG"
            | "KM"
            | "MW"
            | "GW"
            | "EEZ"
            | "SNS"
            | "FM"
            | "R&D"
            | "Q&A"
            | "NB"
            | "PS"
            | "AD"
            | "BC"
            | "CE"
            | "BCE"
            | "ASAP"
            | "FYI"
    )
}

/// Romanised Korean syllable shape (Jong, un, Pyong, chol, Seong, kweun, Hui, Keum...).
pub fn is_korean_syllable(s: &str) -> bool {
    let s = s.to_ascii_lowercase();
    const INITIALS: &[&str] = &[
        "kk", "tt", "pp", "ss", "jj", "ch", "g", "k", "n", "d", "t", "r", "l", "m", "b", "p", "s",
        "j", "h", "y", "w", "",
    ];
    const VOWELS: &[&str] = &[
        "yeo", "weo", "weu", "wae", "yae", "eui", "eu", "eo", "ae", "ya", "yo", "yu", "ye", "wa",
        "wo", "we", "wi", "oe", "ui", "ou", "oo", "ee", "ue", "a", "e", "i", "o", "u",
    ];
    const FINALS: &[&str] = &["ng", "k", "n", "t", "l", "m", "p", "r", "c", "", "h"];
    if s.is_empty() || s.len() > 7 || !s.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    INITIALS.iter().any(|i| {
        s.strip_prefix(i).is_some_and(|r| {
            VOWELS
                .iter()
                .any(|v| r.strip_prefix(v).is_some_and(|f| FINALS.contains(&f)))
        })
    })
}

/// A word made of one to `max` Korean syllables (Youngnam, Wonsik; Hongzhong fails).
pub fn korean_word(s: &str, max: usize) -> bool {
    fn go(s: &str, left: usize) -> bool {
        if s.is_empty() {
            return true;
        }
        if left == 0 {
            return false;
        }
        (1..=s.len().min(7))
            .rev()
            .any(|n| s.is_char_boundary(n) && is_korean_syllable(&s[..n]) && go(&s[n..], left - 1))
    }
    !s.is_empty() && go(&s.to_ascii_lowercase(), max)
}

/// Pinyin syllable shape (Hong, zhong, Jin, ping, Yi).
fn is_pinyin_syllable(s: &str) -> bool {
    const INITIALS: &[&str] = &[
        "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
        "r", "z", "c", "s", "y", "w", "",
    ];
    const FINALS: &[&str] = &[
        "iang", "iong", "uang", "ang", "eng", "ing", "ong", "ian", "iao", "uai", "uan", "van",
        "ai", "ei", "ao", "ou", "an", "en", "in", "un", "ia", "ie", "iu", "ua", "uo", "ui", "ue",
        "er", "a", "o", "e", "i", "u", "v",
    ];
    INITIALS
        .iter()
        .any(|i| s.strip_prefix(i).is_some_and(|r| FINALS.contains(&r)))
}

fn pinyin_word(s: &str) -> bool {
    fn go(s: &str, left: usize) -> bool {
        if s.is_empty() {
            return true;
        }
        left > 0
            && (1..=s.len().min(6))
                .rev()
                .any(|n| is_pinyin_syllable(&s[..n]) && go(&s[n..], left - 1))
    }
    let l = s.to_ascii_lowercase();
    !l.is_empty() && l.bytes().all(|b| b.is_ascii_lowercase()) && go(&l, 3)
}

/// Rules over the token stream of one document.
pub struct Rules<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// Token index -> gazetteer kind of a match starting there.
    pub gaz_at: &'a [Option<Kind>],
    /// Token index -> lexical classes (`lexicon::classify`).
    pub lex: &'a [u16],
}

impl<'a> Rules<'a> {
    fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.s(self.text))
    }

    fn tok(&self, i: usize) -> Option<Tok> {
        self.toks.get(i).copied()
    }

    /// Adjacent tokens with no space between (`Kim` `’` `s`).
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.flags & SPACE_BEFORE == 0)
    }

    /// A capitalised word that can be part of a person's name.
    fn name_tok(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let w = t.s(self.text);
        t.kind == TokKind::Word
            && t.flags & CAP != 0
            && w.len() >= 2
            && self.lex[i] & (STOP | MONTH_OR_WEEKDAY | HEAD | ROLE) == 0
            && !matches!(
                self.gaz_at.get(i),
                Some(Some(
                    Kind::Place | Kind::Org | Kind::Demonym | Kind::Event | Kind::Weapon
                ))
            )
    }

    fn hit(&self, a: usize, b: usize, kind: EntityType) -> RuleHit {
        RuleHit {
            start: self.toks[a].start as usize,
            end: self.toks[b].end as usize,
            kind,
        }
    }

    /// People by the shape of their names.
    pub fn people(&self, out: &mut Vec<RuleHit>) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let t = self.toks[i];
            if t.kind != TokKind::Word || t.flags & CAP == 0 {
                i += 1;
                continue;
            }
            let w = t.s(self.text);
            // Korean surname first: Kim Jong-un, Kim Jong Un, Ri Pyong-chol, Hong Min,
            // (a surname that is also an English function word, such as "To", opens no name:
            // "Pact To Make" in a title-case headline is no person)
            if self.lex[i] & KOREAN_SURNAME != 0
                && self.lex[i] & STOP == 0
                && t.flags & ALLCAPS == 0
            {
                if let Some(nt) = self.tok(i + 1) {
                    let nw = nt.s(self.text);
                    if nt.kind == TokKind::Word && nt.flags & CAP != 0 && nt.flags & HYPHEN != 0 {
                        let parts: Vec<&str> = nw.split('-').collect();
                        if parts.len() == 2 && parts.iter().all(|p| is_korean_syllable(p)) {
                            out.push(self.hit(i, i + 1, EntityType::Person));
                            i += 2;
                            continue;
                        }
                    }
                    let syl = |k: usize| {
                        self.tok(k).is_some_and(|x| {
                            x.kind == TokKind::Word
                                && x.flags & CAP != 0
                                && x.flags & HYPHEN == 0
                                && x.flags & ALLCAPS == 0
                                && self.lex[k] & (STOP | MONTH_OR_WEEKDAY) == 0
                                && is_korean_syllable(x.s(self.text))
                        })
                    };
                    if syl(i + 1) && syl(i + 2) && self.name_tok(i + 1) && self.name_tok(i + 2) {
                        out.push(self.hit(i, i + 2, EntityType::Person));
                        i += 3;
                        continue;
                    }
                    // a given name of two syllables written as one word: Shin Wonsik
                    if let Some(nt) = self.tok(i + 1) {
                        let nw = nt.s(self.text);
                        if nt.kind == TokKind::Word
                            && nt.flags & (HYPHEN | ALLCAPS) == 0
                            && nw.len() >= 4
                            && self.name_tok(i + 1)
                            && !is_korean_syllable(nw)
                            && korean_word(nw, 2)
                        {
                            out.push(self.hit(i, i + 1, EntityType::Person));
                            i += 2;
                            continue;
                        }
                    }
                    // a single-syllable given name only with a role beside it
                    if syl(i + 1)
                        && self.name_tok(i + 1)
                        && (self.apposition_after(i + 2) || self.role_before(i))
                    {
                        out.push(self.hit(i, i + 1, EntityType::Person));
                        i += 2;
                        continue;
                    }
                }
            }
            // a family name in capitals before the given name, as Japanese and Chinese official
            // English writes it: KIHARA Minoru, XI Jinping
            if t.flags & ALLCAPS != 0
                && (3..=12).contains(&w.len())
                && w.bytes().all(|b| b.is_ascii_alphabetic())
                && !common_acronym(w)
                && matches!(self.gaz_at.get(i), None | Some(None))
            {
                if let Some(nt) = self.tok(i + 1) {
                    let nw = nt.s(self.text);
                    let given = self.lex.get(i + 1).is_some_and(|c| c & GIVEN_NAME != 0)
                        || (nw.len() >= 4 && (korean_word(nw, 3) || pinyin_word(nw)));
                    if nt.kind == TokKind::Word
                        && nt.flags & (CAP | ALLCAPS) == CAP
                        && nt.flags & SPACE_BEFORE != 0
                        && given
                        && self.name_tok(i + 1)
                    {
                        out.push(self.hit(i, i + 1, EntityType::Person));
                        i += 2;
                        continue;
                    }
                }
            }
            // Western order Korean: Kyu-Jin Shin
            if t.flags & HYPHEN != 0 && t.flags & ALLCAPS == 0 {
                let parts: Vec<&str> = w.split('-').collect();
                if parts.len() == 2
                    && parts.iter().all(|p| is_korean_syllable(p))
                    && self.lex.get(i + 1).is_some_and(|c| c & KOREAN_SURNAME != 0)
                {
                    out.push(self.hit(i, i + 1, EntityType::Person));
                    i += 2;
                    continue;
                }
            }
            // Chinese surname first: Li Hongzhong, Xi Jinping
            if self.lex[i] & CHINESE_SURNAME != 0
                && self.lex[i] & STOP == 0
                && t.flags & ALLCAPS == 0
            {
                if let Some(nt) = self.tok(i + 1) {
                    let nw = nt.s(self.text);
                    if nt.kind == TokKind::Word
                        && nt.flags & CAP != 0
                        && nt.flags & HYPHEN == 0
                        && nw.len() >= 4
                        && self.name_tok(i + 1)
                        && pinyin_word(nw)
                    {
                        out.push(self.hit(i, i + 1, EntityType::Person));
                        i += 2;
                        continue;
                    }
                }
            }
            // a given name and a surname: Bruce Bennett, Sabrina Singh, John F. Kennedy
            if self.lex[i] & GIVEN_NAME != 0 && t.flags & ALLCAPS == 0 {
                let mut j = i + 1;
                // middle initial
                if self.s(j).len() == 1
                    && self.s(j).chars().all(|c| c.is_ascii_uppercase())
                    && self.s(j + 1) == "."
                {
                    j += 2;
                }
                if self.name_tok(j) && self.tok(j).is_some_and(|x| x.flags & ALLCAPS == 0) {
                    let mut end = j;
                    if self.name_tok(j + 1)
                        && self.tok(j + 1).is_some_and(|x| x.flags & ALLCAPS == 0)
                        && self.surname_like(j + 1)
                    {
                        end = j + 1;
                    }
                    out.push(self.hit(i, end, EntityType::Person));
                    i = end + 1;
                    continue;
                }
            }
            // after a role: Deputy Defense Minister Aleksey Krivoruchko, spokeswoman Sabrina Singh
            if self.role_before(i)
                && self.name_tok(i)
                && self.name_tok(i + 1)
                && self.toks[i].flags & ALLCAPS == 0
            {
                let end = if self.name_tok(i + 2) && self.surname_like(i + 2) {
                    i + 2
                } else {
                    i + 1
                };
                out.push(self.hit(i, end, EntityType::Person));
                i = end + 1;
                continue;
            }
            // in apposition or before a speech verb: X Y, a military expert / X Y said
            if t.flags & SENT_START == 0
                && self.name_tok(i)
                && self.name_tok(i + 1)
                && t.flags & ALLCAPS == 0
            {
                let end = if self.name_tok(i + 2) { i + 2 } else { i + 1 };
                if self.apposition_after(end + 1) || self.speech_after(end + 1) {
                    out.push(self.hit(i, end, EntityType::Person));
                    i = end + 1;
                    continue;
                }
            }
            i += 1;
        }
    }

    fn surname_like(&self, i: usize) -> bool {
        self.lex.get(i).is_some_and(|c| c & GIVEN_NAME == 0) || self.s(i).len() > 3
    }

    /// A role right before token `i` (`Foreign Minister`, `spokeswoman`, `lawmaker`).
    fn role_before(&self, i: usize) -> bool {
        // every role phrase ends in a role word
        if i == 0 || self.lex[i - 1] & ROLE == 0 {
            return false;
        }
        let roles = &gazetteer::lists().roles;
        for len in (1..=4).rev() {
            if i < len {
                continue;
            }
            let a = self.toks[i - len].start as usize;
            let b = self.toks[i - 1].end as usize;
            let phrase = self.text[a..b].to_ascii_lowercase();
            if roles.contains(phrase.as_str()) {
                return true;
            }
        }
        false
    }

    /// `, the Vice President of ...` / `, a military expert` / `, Senior Research Fellow`
    fn apposition_after(&self, i: usize) -> bool {
        if self.s(i) != "," {
            return false;
        }
        let next = self.s(i + 1);
        matches!(next, "the" | "a" | "an" | "who" | "its" | "his" | "her")
            || (self.tok(i + 1).is_some_and(|t| t.flags & CAP != 0) && self.lex[i + 1] & ROLE != 0)
    }

    fn speech_after(&self, i: usize) -> bool {
        matches!(
            self.s(i),
            "said"
                | "says"
                | "told"
                | "added"
                | "wrote"
                | "noted"
                | "stated"
                | "explained"
                | "argued"
                | "warned"
        )
    }

    /// Organisations, places and events by their head words.
    pub fn headed(&self, out: &mut Vec<RuleHit>) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let t = self.toks[i];
            let w = t.s(self.text);
            let Some(kind) = (if t.kind == TokKind::Word && t.flags & CAP != 0 {
                head_of(self.lex[i])
            } else {
                None
            }) else {
                i += 1;
                continue;
            };
            // left: capitalised words, demonyms, "People's"/"Workers'"
            let mut a = i;
            let mut steps = 0;
            while a > 0 && steps < 6 {
                let p = a - 1;
                let pw = self.s(p);
                let pt = self.toks[p];
                // "and" inside a name: the Science and Technology Policy Institute. Only one
                // word may stand before the "and", opening the name after a lower-case word or
                // punctuation, and it may not be a place, person or demonym ("Russia and China
                // Institute" is two names; "Ri Pyong-chol and Missile General Bureau" too).
                if pw == "and" && p >= 1 && self.toks[p].flags & SPACE_BEFORE != 0 {
                    let before = self.toks[p - 1];
                    let opens = p < 2 || {
                        let prev = self.toks[p - 2];
                        prev.kind == TokKind::Punct
                            || prev.flags & CAP == 0
                            || self.lex[p - 2] & STOP != 0
                    };
                    if opens
                        && before.kind == TokKind::Word
                        && before.flags & (CAP | HYPHEN) == CAP
                        && self.lex[p - 1] & (STOP | MONTH_OR_WEEKDAY | KOREAN_SURNAME) == 0
                        && !matches!(
                            self.gaz_at.get(p - 1),
                            Some(Some(Kind::Place | Kind::Person | Kind::Demonym))
                        )
                    {
                        a = p - 1;
                    }
                    break;
                }
                // plural possessive inside a name: Workers’ Party, People’s Army
                if (pw == "’" || pw == "'") && p > 0 && self.glued(p) {
                    let base = self.s(p - 1);
                    if base.ends_with('s') && base.starts_with(|c: char| c.is_uppercase()) {
                        a = p - 1;
                        steps += 1;
                        continue;
                    }
                }
                if pw == "s"
                    && p >= 2
                    && self.glued(p)
                    && matches!(self.s(p - 1), "’" | "'")
                    && self.glued(p - 1)
                {
                    let base = self.s(p - 2);
                    if matches!(base, "People" | "Women" | "Children" | "Men") {
                        a = p - 2;
                        steps += 1;
                        continue;
                    }
                    break;
                }
                if pw == "." && p > 0 && self.glued(p) {
                    // U.S. / U.K.
                    let b = self.s(p - 1);
                    if b.len() == 1 && b.chars().all(|c| c.is_ascii_uppercase()) {
                        a = p - 1;
                        steps += 1;
                        continue;
                    }
                    break;
                }
                if pt.kind == TokKind::Word
                    && pt.flags & CAP != 0
                    && self.lex[p] & (STOP | MONTH_OR_WEEKDAY) == 0
                {
                    a = p;
                    steps += 1;
                    continue;
                }
                break;
            }
            // right: more capitalised words up to a further head; "of/for (the) Name..."
            let mut b = i;
            loop {
                let mut j = b + 1;
                // Party Central Committee
                let mut k = j;
                while k < n
                    && k < j + 3
                    && self.toks[k].kind == TokKind::Word
                    && self.toks[k].flags & CAP != 0
                    && self.lex[k] & (STOP | HEAD) == 0
                {
                    k += 1;
                }
                if k < n
                    && self.lex[k] & HEAD != 0
                    && self.toks[k].flags & CAP != 0
                    && k <= j + 2
                    && (k > j || self.s(k) != w)
                {
                    b = k;
                    continue;
                }
                if matches!(self.s(j), "of" | "for" | "on") {
                    j += 1;
                    if self.s(j) == "the" {
                        j += 1;
                    }
                    let mut k = j;
                    while k < n
                        && k < j + 5
                        && self.toks[k].kind == TokKind::Word
                        && self.toks[k].flags & CAP != 0
                        && self.lex[k] & (STOP | MONTH_OR_WEEKDAY) == 0
                    {
                        k += 1;
                    }
                    if k > j {
                        // a country followed by a possessive is a name of its own
                        let poss = matches!(self.s(k), "’" | "'") && self.glued(k);
                        let is_place = matches!(self.gaz_at.get(j), Some(Some(Kind::Place)));
                        if poss && is_place {
                            break;
                        }
                        b = k - 1;
                        continue;
                    }
                }
                break;
            }
            let alone = a == i && b == i;
            if alone && !(head_alone(w) && t.flags & SENT_START == 0) {
                i += 1;
                continue;
            }
            // a left edge that is only a demonym makes no name of a generic head (Russian forces)
            let hit = self.hit(a, b, kind);
            if !(a + 1 == i
                && b == i
                && matches!(self.gaz_at.get(a), Some(Some(Kind::Demonym)))
                && kind != EntityType::Org)
            {
                out.push(hit);
            }
            i = b + 1;
        }
    }

    /// Named events no list holds: operations and exercises (`Operation Prosperity Guardian`,
    /// `Exercise Cobra Gold`), code names with a year (`Joint Sword-2024A`, `Zapad-2021`) and
    /// forums with one (`ARMY 2024`).
    pub fn events(&self, out: &mut Vec<RuleHit>) {
        let n = self.toks.len();
        for i in 0..n {
            let t = self.toks[i];
            if t.kind != TokKind::Word || t.flags & CAP == 0 {
                continue;
            }
            let w = t.s(self.text);
            if matches!(w, "Operation" | "Exercise") {
                // the name: capitalised words (and "of the" inside: Operation Spear of Justice)
                let mut end = i;
                let mut k = i + 1;
                while k < n && k <= i + 5 {
                    if self.is_name_word(k) {
                        end = k;
                        k += 1;
                    } else if matches!(self.s(k), "of" | "the") && self.is_name_word(k + 1) {
                        k += 1;
                    } else {
                        break;
                    }
                }
                if end > i {
                    out.push(self.hit(i, end, EntityType::Event));
                }
                continue;
            }
            // a code name with a year: Strait Thunder-2025A, Vostok-2022
            if t.flags & HYPHEN != 0 {
                let Some((head, year)) = w.rsplit_once('-') else {
                    continue;
                };
                let digits = year.trim_end_matches(|c: char| c.is_ascii_uppercase());
                let is_year = digits.len() == 4
                    && (digits.starts_with("19") || digits.starts_with("20"))
                    && digits.bytes().all(|b| b.is_ascii_digit())
                    && year.len() - digits.len() <= 1;
                if is_year && head.starts_with(|c: char| c.is_uppercase()) && !head.contains('-') {
                    let mut start = i;
                    while start > 0
                        && start + 2 > i
                        && self.is_name_word(start - 1)
                        && !self.glued(start)
                    {
                        start -= 1;
                    }
                    out.push(self.hit(start, i, EntityType::Event));
                }
                continue;
            }
            // a forum or exhibition named with its year: ARMY 2024
            if matches!(w, "ARMY" | "Army") {
                if let Some(y) = self.tok(i + 1) {
                    let ys = y.s(self.text);
                    if y.kind == TokKind::Number
                        && ys.len() == 4
                        && ys.starts_with("20")
                        && y.flags & SPACE_BEFORE != 0
                    {
                        out.push(self.hit(i, i + 1, EntityType::Event));
                    }
                }
            }
        }
    }

    /// A capitalised word that can be part of a name (not a stopword, month or weekday).
    fn is_name_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.kind == TokKind::Word
                && t.flags & CAP != 0
                && self.lex[i] & (STOP | MONTH_OR_WEEKDAY) == 0
        })
    }

    /// Ships by their prefix (`USS Ronald Reagan`, `HMS Prince of Wales`, `BRP Sierra Madre`) and
    /// ship classes (`Arleigh Burke-class`): weapons, platforms.
    pub fn ships(&self, out: &mut Vec<RuleHit>) {
        const PREFIXES: &[&str] = &[
            "USS", "USNS", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "BRP", "ROKS", "JS", "HNLMS",
            "FS", "ITS", "ESPS", "TCG", "PNS", "KRI", "RSS", "CNS", "ARA", "HDMS", "HNoMS",
            "HSwMS", "ORP", "FGS", "KD", "HTMS", "RFS",
        ];
        let n = self.toks.len();
        for i in 0..n {
            let t = self.toks[i];
            let w = t.s(self.text);
            // (a ship prefix is a short capitalised word: test that before the list)
            if t.flags & CAP != 0
                && w.len() <= 5
                && PREFIXES.contains(&w)
                && self.is_name_word(i + 1)
            {
                let mut end = i + 1;
                let mut k = i + 2;
                while k < n && k <= i + 5 {
                    if self.is_name_word(k) {
                        end = k;
                        k += 1;
                    } else if self.s(k) == "of" && self.is_name_word(k + 1) {
                        k += 1;
                    } else {
                        break;
                    }
                }
                out.push(self.hit(i, end, EntityType::Weapon));
                continue;
            }
            // a ship or submarine class: Arleigh Burke-class, Kilo-class
            if t.flags & (HYPHEN | CAP) == (HYPHEN | CAP) && w.ends_with("-class") && w.len() > 7 {
                let mut start = i;
                while start > 0 && start + 2 > i && self.is_name_word(start - 1) {
                    start -= 1;
                }
                out.push(self.hit(start, i, EntityType::Weapon));
            }
        }
    }

    /// Weapon designators: a known family or a capitalised prefix beside a weapon word.
    pub fn designators(&self, out: &mut Vec<RuleHit>) {
        let lists = gazetteer::lists();
        for (i, t) in self.toks.iter().enumerate() {
            if t.kind != TokKind::Word || t.flags & HYPHEN == 0 || t.flags & CAP == 0 {
                continue;
            }
            let w = t.s(self.text);
            let Some((prefix, rest)) = w.split_once('-') else {
                continue;
            };
            if !rest.starts_with(|c: char| c.is_ascii_digit())
                || lists.not_designators.contains(w)
                || lists.not_designators.contains(prefix)
            {
                continue;
            }
            let known = lists.designator_families.contains(prefix);
            let cue = known || self.weapon_cue_near(i);
            if cue
                && !is_month_or_weekday(prefix)
                && !matches!(self.gaz_at.get(i), Some(Some(Kind::Place | Kind::Demonym)))
            {
                out.push(self.hit(i, i, EntityType::Weapon));
            }
        }
    }

    fn weapon_cue_near(&self, i: usize) -> bool {
        let lo = i.saturating_sub(8);
        let hi = (i + 8).min(self.toks.len());
        (lo..hi).any(|k| {
            let w = self.s(k).to_ascii_lowercase();
            let w = w.trim_end_matches('s');
            matches!(
                w,
                "missile"
                    | "rocket"
                    | "satellite"
                    | "jet"
                    | "fighter"
                    | "bomber"
                    | "tank"
                    | "drone"
                    | "submarine"
                    | "launcher"
                    | "howitzer"
                    | "warship"
                    | "destroyer"
                    | "frigate"
                    | "helicopter"
                    | "aircraft"
                    | "icbm"
                    | "warhead"
                    | "interceptor"
                    | "artillery"
                    | "cruise"
                    | "ballistic"
                    | "torpedo"
                    | "launch"
                    | "weapon"
                    | "radar"
                    | "uav"
                    | "vehicle"
            )
        })
    }

    /// Acronyms and names in capitals inside mixed-case text (KISSY, KISS OF LIFE, CSIS).
    pub fn capitals(&self, out: &mut Vec<RuleHit>, line_is_caps: impl Fn(usize) -> bool) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let t = self.toks[i];
            let w = t.s(self.text);
            let ok = |k: usize| {
                self.tok(k).is_some_and(|x| {
                    let s = x.s(self.text);
                    x.kind == TokKind::Word
                        && x.flags & ALLCAPS != 0
                        && x.flags & HYPHEN == 0
                        && s.len() >= 2
                        && s.len() <= 12
                        && !common_acronym(s)
                        && self.gaz_at.get(k).is_none_or(|g| g.is_none())
                })
            };
            if !ok(i)
                || line_is_caps(t.start as usize)
                || self.glued(i) && i > 0 && self.s(i - 1) == "."
            {
                i += 1;
                continue;
            }
            let _ = w;
            let mut b = i;
            loop {
                if matches!(self.s(b + 1), "OF" | "AND" | "THE" | "&") && ok(b + 2) {
                    b += 2;
                } else if ok(b + 1)
                    && self.s(b + 1).len() >= 3
                    && self.tok(b + 1).is_some_and(|x| x.flags & SENT_START == 0)
                {
                    b += 1;
                } else {
                    break;
                }
            }
            out.push(self.hit(i, b, EntityType::Org));
            i = b + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_and_pinyin_shapes() {
        for s in [
            "Jong", "un", "Pyong", "chol", "Seong", "kweun", "Hui", "Keum", "Chul", "sik", "Son",
            "Min", "ha", "won",
        ] {
            assert!(is_korean_syllable(s), "{s}");
        }
        for s in ["Strategy", "Forum", "xyz", "Moscow"] {
            assert!(!is_korean_syllable(s), "{s}");
        }
        assert!(korean_word("Youngnam", 3));
        assert!(
            korean_word("Wonsik", 2) && !korean_word("Avenue", 2) && !korean_word("Institute", 2)
        );
        assert!(pinyin_word("Hongzhong") && pinyin_word("Jinping"));
        assert!(!pinyin_word("Island") && !pinyin_word("Said"));
    }
}
