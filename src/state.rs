//! The explorer's shared state. The URL's query string is the one source of truth for what is
//! shown (filter, text query, open article, view options): this module reads it into signals,
//! derives the results from it with `dossier_corpus::query`, and writes it back by navigating,
//! so links, reloads and back/forward all reproduce a view.
use dossier_corpus::index::Index;
use dossier_corpus::query::{self, Filter, Results};
use dossier_corpus::views::disagree::Disagreements;
use dossier_corpus::views::map::{atlas::Atlas, MapIndex};
use dossier_corpus::views::network::NetworkIndex;
use dossier_corpus::views::timeline::{self, Axis, Epoch, Lanes, TimelineIndex};
use dossier_corpus::{format::json, Corpus, EntityType};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// A corpus with what the explorer derives from it once.
#[derive(Clone)]
pub struct Data {
    pub corpus: Arc<Corpus>,
    pub index: Arc<Index>,
    /// Unique entity names (as in the JSON export and in URLs).
    pub names: Arc<Vec<String>>,
    /// Each article's id in URLs: its file name without `.txt`.
    pub slugs: Arc<Vec<String>>,
}

impl PartialEq for Data {
    fn eq(&self, other: &Data) -> bool {
        Arc::ptr_eq(&self.corpus, &other.corpus)
    }
}

/// The id an article has in URLs: its file name without the `.txt` ending.
pub fn doc_slug(name: &str) -> &str {
    name.strip_suffix(".txt").unwrap_or(name)
}

impl Data {
    pub fn new(corpus: Corpus) -> Data {
        let index = Index::build(&corpus);
        Data::from_parts(corpus, index)
    }

    /// A corpus with the index already built for it.
    pub fn from_parts(corpus: Corpus, index: Index) -> Data {
        Data::from_arc(Arc::new(corpus), index)
    }

    /// The same, for a corpus shared with its holder (the library keeps the one it linked).
    pub fn from_arc(corpus: Arc<Corpus>, index: Index) -> Data {
        let names = json::unique_names(&corpus);
        let slugs = corpus
            .docs
            .iter()
            .map(|d| doc_slug(&d.name).to_string())
            .collect();
        Data {
            corpus,
            index: Arc::new(index),
            names: Arc::new(names),
            slugs: Arc::new(slugs),
        }
    }

    /// The article with this URL id.
    pub fn doc_by_slug(&self, slug: &str) -> Option<usize> {
        self.slugs.iter().position(|s| s == slug)
    }
}

/// How the reader draws an article (also kept in the URL).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewOptions {
    /// Entity types whose highlighting is turned off in the legend.
    pub hidden: Vec<EntityType>,
    /// The timeline's lanes (`lanes=type`), its axis (`axis=reported`) and its visible window
    /// (`tw=2024-08-01/2024-08-31`).
    pub lanes: Lanes,
    pub axis: Axis,
    pub window: Option<(Epoch, Epoch)>,
    /// The mention of the open article to show and mark (`m=12`), when a view opened it.
    pub target: Option<usize>,
    /// What the third pane shows while no article is open (`pane=disagreements`).
    pub pane: Pane,
    /// The network's options.
    pub net: NetView,
    /// The place whose sentences the map shows (`mp=g:PLACE:Kursk Oblast`).
    pub place: Option<usize>,
}

/// The network view's options (in the URL): the types at each end of a tie
/// (`nt=PERSON-WEAPON`, `ANY` for either), whether shared paragraphs count (`np=1`), how many
/// of the focus's ties it shows (`nk=50`), and the tie whose evidence is open
/// (`ne=g:PERSON:Kim Jong Un~g:PERSON:Sergei Shoigu`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetView {
    pub ends: (Option<EntityType>, Option<EntityType>),
    pub paragraphs: bool,
    /// 0 for the default.
    pub k: usize,
    pub edge: Option<(usize, usize)>,
}

/// Ties the network shows of its focus at first, and how many more "and N more" adds.
pub const NET_K: usize = 25;

impl NetView {
    /// How many of the focus's ties to show.
    pub fn k(&self) -> usize {
        if self.k == 0 {
            NET_K
        } else {
            self.k
        }
    }
}

/// `PERSON-WEAPON` (`ANY` for either end) as a pair of end types.
fn parse_ends(v: &str) -> Option<(Option<EntityType>, Option<EntityType>)> {
    let end = |s: &str| match s {
        "ANY" => Some(None),
        s => EntityType::parse(s).map(Some),
    };
    let (a, b) = v.split_once('-')?;
    Some((end(a)?, end(b)?))
}

fn format_ends((a, b): (Option<EntityType>, Option<EntityType>)) -> String {
    let end = |t: Option<EntityType>| t.map_or("ANY", |t| t.as_str());
    format!("{}-{}", end(a), end(b))
}

/// `g:PERSON:Kim Jong Un~g:PERSON:Sergei Shoigu` as two entities (keys, or the older `TYPE:name`).
fn parse_tie(corpus: &Corpus, names: &[String], v: &str) -> Option<(usize, usize)> {
    let (a, b) = v.split_once('~')?;
    let a = query::parse_entity_ref(corpus, names, a)?;
    let b = query::parse_entity_ref(corpus, names, b)?;
    (a != b).then_some((a.min(b), a.max(b)))
}

/// The third pane's view while no article is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pane {
    #[default]
    Overview,
    /// Where the sources disagree.
    Disagreements,
    /// Who is named with whom.
    Network,
    /// Where: the map.
    Map,
    /// The analyst's corrections: the log, its orphans, undo, export and import, suggestions.
    Corrections,
}

/// The URL parameters that are view options (beside the filter's and `doc`).
pub const VIEW_KEYS: &[&str] = &[
    "hide", "lanes", "axis", "tw", "m", "pane", "nt", "np", "nk", "ne", "mp",
];

/// Which pane a phone shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Overview,
    Filters,
    Articles,
    Reader,
}

impl Panel {
    pub fn as_str(self) -> &'static str {
        match self {
            Panel::Overview => "overview",
            Panel::Filters => "filters",
            Panel::Articles => "articles",
            Panel::Reader => "reader",
        }
    }
}

/// Query-string pairs, in order, decoded.
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    let decode = |s: &str| {
        let s = s.replace('+', " ");
        js_sys::decode_uri_component(&s)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or(s)
    };
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}

/// A query string (`?k=v&...`, or `?` for none) from pairs.
pub fn query_string(pairs: &[(String, String)]) -> String {
    let enc = |s: &str| String::from(js_sys::encode_uri_component(s)).replace("%20", "+");
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    format!("?{}", body.join("&"))
}

/// The explorer's state, shared by context.
#[derive(Clone, Copy)]
pub struct Explorer {
    pub data: RwSignal<Data>,
    /// The URL's query parameters, in order.
    pub params: Memo<Vec<(String, String)>>,
    pub filter: Memo<Filter>,
    /// What the URL asked for that could not be used.
    pub notices: Memo<Vec<String>>,
    pub results: Memo<Arc<Results>>,
    /// The open article's URL id.
    pub doc: Memo<Option<String>>,
    pub view: Memo<ViewOptions>,
    /// The corpus's dated statements, built once per corpus for the timeline.
    pub timeline: Memo<Arc<TimelineIndex>>,
    /// The corpus's claims and where they disagree, built once per corpus.
    pub disagreements: Memo<Arc<Disagreements>>,
    /// What each sentence and paragraph names, for the network (built when it first opens).
    pub network: Memo<Arc<NetworkIndex>>,
    /// Every article's places resolved, for the map (built when it first opens).
    pub places: Memo<Arc<MapIndex>>,
    /// The map's country outlines, fetched when the map first opens (or why they could not be).
    pub atlas: RwSignal<Option<Result<Arc<Atlas>, String>>>,
    /// True while the last navigation came from typing in the search box (so further typing
    /// replaces that history entry instead of adding one per key).
    pub typing: RwSignal<bool>,
    nav: Callback<(String, bool)>,
}

impl Explorer {
    /// Creates the state (inside the `<Router>`), over a corpus.
    pub fn new(data: Data) -> Explorer {
        let data = RwSignal::new(data);
        let location = use_location();
        let params = Memo::new(move |_| parse_query(&location.search.get()));
        let parsed = Memo::new(move |_| {
            let d = data.get();
            let ps = params.get();
            Filter::from_params(
                ps.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                &d.corpus,
                &d.names,
            )
        });
        let filter = Memo::new(move |_| parsed.get().0);
        let view = Memo::new(move |_| {
            let mut v = ViewOptions::default();
            let d = data.get();
            for (k, val) in params.get() {
                match k.as_str() {
                    "hide" => v.hidden.extend(EntityType::parse(&val)),
                    "lanes" if val == "type" => v.lanes = Lanes::Type,
                    "axis" if val == "reported" => v.axis = Axis::Reported,
                    "tw" => v.window = timeline::parse_window(&val),
                    "m" => v.target = val.parse().ok(),
                    "pane" if val == "disagreements" => v.pane = Pane::Disagreements,
                    "pane" if val == "network" => v.pane = Pane::Network,
                    "pane" if val == "map" => v.pane = Pane::Map,
                    "pane" if val == "corrections" => v.pane = Pane::Corrections,
                    "mp" => v.place = query::parse_entity_ref(&d.corpus, &d.names, &val),
                    "nt" => v.net.ends = parse_ends(&val).unwrap_or_default(),
                    "np" => v.net.paragraphs = val == "1",
                    "nk" => v.net.k = val.parse().unwrap_or(0),
                    "ne" => v.net.edge = parse_tie(&d.corpus, &d.names, &val),
                    _ => {}
                }
            }
            v
        });
        let notices = Memo::new(move |_| {
            let mut n = parsed.get().1;
            let d = data.get();
            for (k, v) in params.get() {
                let known = query::FILTER_KEYS.contains(&k.as_str())
                    || VIEW_KEYS.contains(&k.as_str())
                    || k == "doc";
                let bad = match k.as_str() {
                    "hide" => EntityType::parse(&v).is_none(),
                    "lanes" => !matches!(v.as_str(), "type" | "source"),
                    "axis" => !matches!(v.as_str(), "reported" | "happened"),
                    "tw" => timeline::parse_window(&v).is_none(),
                    "m" => v.parse::<usize>().is_err(),
                    "pane" => !matches!(
                        v.as_str(),
                        "disagreements" | "overview" | "network" | "map" | "corrections"
                    ),
                    "mp" => query::parse_entity_ref(&d.corpus, &d.names, &v).is_none(),
                    "nt" => parse_ends(&v).is_none(),
                    "np" => !matches!(v.as_str(), "0" | "1"),
                    "nk" => !v.parse::<usize>().is_ok_and(|k| k > 0),
                    "ne" => parse_tie(&d.corpus, &d.names, &v).is_none(),
                    _ => false,
                };
                if bad {
                    n.push(format!(
                        "The link’s “{k}={v}” cannot be used: it was ignored."
                    ));
                } else if !known {
                    n.push(format!(
                        "The link’s “{k}” parameter means nothing here: it was ignored."
                    ));
                }
            }
            n
        });
        let disagreements = Memo::new(move |_| {
            let d = data.get();
            timed("dossier-disagreements", || {
                Arc::new(Disagreements::build(&d.corpus, &d.index))
            })
        });
        let timeline = Memo::new(move |_| {
            let d = data.get();
            timed("dossier-timeline-index", || {
                Arc::new(TimelineIndex::build(&d.corpus, &d.index))
            })
        });
        let network = Memo::new(move |_| {
            let d = data.get();
            timed("dossier-network-index", || {
                Arc::new(NetworkIndex::build(&d.corpus))
            })
        });
        let places = Memo::new(move |_| {
            let d = data.get();
            timed("dossier-map-index", || Arc::new(MapIndex::build(&d.corpus)))
        });
        let results = Memo::new(move |_| {
            let d = data.get();
            let f = filter.get();
            timed("dossier-evaluate", || {
                Arc::new(query::evaluate(&d.index, &d.corpus, &f))
            })
        });
        let doc = Memo::new(move |_| {
            params
                .get()
                .into_iter()
                .rev()
                .find(|(k, _)| k == "doc")
                .map(|(_, v)| v)
                .filter(|v| !v.is_empty())
        });
        let navigate = use_navigate();
        let nav = Callback::new(move |(url, replace): (String, bool)| {
            navigate(
                &url,
                NavigateOptions {
                    replace,
                    scroll: false,
                    ..Default::default()
                },
            )
        });
        Explorer {
            data,
            params,
            filter,
            notices,
            results,
            doc,
            view,
            timeline,
            disagreements,
            network,
            places,
            atlas: RwSignal::new(None),
            typing: RwSignal::new(false),
            nav,
        }
    }

    /// The URL for a filter, view and open article.
    pub fn url_for(&self, f: &Filter, view: &ViewOptions, doc: Option<&str>) -> String {
        let d = self.data.get_untracked();
        let mut pairs = f.to_params(&d.corpus);
        for t in &view.hidden {
            pairs.push(("hide".into(), t.as_str().into()));
        }
        if view.lanes == Lanes::Type {
            pairs.push(("lanes".into(), "type".into()));
        }
        if view.axis == Axis::Reported {
            pairs.push(("axis".into(), "reported".into()));
        }
        if let Some(w) = view.window {
            pairs.push(("tw".into(), timeline::format_window(w)));
        }
        match view.pane {
            Pane::Overview => {}
            Pane::Disagreements => pairs.push(("pane".into(), "disagreements".into())),
            Pane::Network => pairs.push(("pane".into(), "network".into())),
            Pane::Map => pairs.push(("pane".into(), "map".into())),
            Pane::Corrections => pairs.push(("pane".into(), "corrections".into())),
        }
        if let Some(p) = view.place {
            pairs.push(("mp".into(), query::entity_ref(&d.corpus, p)));
        }
        let net = &view.net;
        if net.ends != (None, None) {
            pairs.push(("nt".into(), format_ends(net.ends)));
        }
        if net.paragraphs {
            pairs.push(("np".into(), "1".into()));
        }
        if net.k != 0 && net.k != NET_K {
            pairs.push(("nk".into(), net.k.to_string()));
        }
        if let Some((a, b)) = net.edge {
            let r = |e| query::entity_ref(&d.corpus, e);
            pairs.push(("ne".into(), format!("{}~{}", r(a), r(b))));
        }
        if let Some(doc) = doc {
            pairs.push(("doc".into(), doc.into()));
            if let Some(m) = view.target {
                pairs.push(("m".into(), m.to_string()));
            }
        }
        query_string(&pairs)
    }

    fn go(&self, url: String, replace: bool) {
        self.nav.run((url, replace));
    }

    /// Shows a new filter (a new history entry), keeping the open article and view.
    pub fn set_filter(&self, f: &Filter) {
        self.typing.set(false);
        let url = self.url_for(
            f,
            &self.view.get_untracked(),
            self.doc.get_untracked().as_deref(),
        );
        self.go(url, false);
    }

    /// Shows a new filter and view together (one history entry).
    pub fn set_filter_and_view(&self, f: &Filter, view: &ViewOptions) {
        self.typing.set(false);
        let url = self.url_for(f, view, self.doc.get_untracked().as_deref());
        self.go(url, false);
    }

    /// Changes the filter with `change`.
    pub fn update_filter(&self, change: impl FnOnce(&mut Filter)) {
        let mut f = self.filter.get_untracked();
        change(&mut f);
        self.set_filter(&f);
    }

    /// Sets the text query from the search box: the first keystroke adds a history entry,
    /// the following ones replace it.
    pub fn set_text(&self, text: String) {
        let mut f = self.filter.get_untracked();
        f.set(query::Criterion::Text(text));
        let url = self.url_for(
            &f,
            &self.view.get_untracked(),
            self.doc.get_untracked().as_deref(),
        );
        let replace = self.typing.get_untracked();
        self.go(url, replace);
        self.typing.set(true);
    }

    /// The view options without a target mention (for opening another article).
    fn untargeted(view: ViewOptions) -> ViewOptions {
        ViewOptions {
            target: None,
            ..view
        }
    }

    /// The link that opens an article under the current filter.
    pub fn doc_href(&self, slug: &str) -> String {
        self.url_for(
            &self.filter.get(),
            &Self::untargeted(self.view.get()),
            Some(slug),
        )
    }

    /// Opens an article (or closes the reader with `None`).
    pub fn open(&self, slug: Option<&str>) {
        self.typing.set(false);
        let url = self.url_for(
            &self.filter.get_untracked(),
            &Self::untargeted(self.view.get_untracked()),
            slug,
        );
        self.go(url, false);
    }

    /// Shows a view in the third pane (closing the open article).
    pub fn show_pane(&self, pane: Pane) {
        let view = ViewOptions {
            pane,
            target: None,
            ..self.view.get_untracked()
        };
        let url = self.url_for(&self.filter.get_untracked(), &view, None);
        self.go(url, false);
    }

    /// Opens an article at one of its mentions, which the reader shows and marks.
    pub fn open_at(&self, doc: usize, mention: usize) {
        self.typing.set(false);
        let slug = self.data.get_untracked().slugs[doc].clone();
        let view = ViewOptions {
            target: Some(mention),
            ..self.view.get_untracked()
        };
        let url = self.url_for(&self.filter.get_untracked(), &view, Some(&slug));
        self.go(url, false);
    }

    /// Changes how the reader draws articles (the URL records it, replacing the entry).
    pub fn set_view(&self, view: &ViewOptions) {
        let url = self.url_for(
            &self.filter.get_untracked(),
            view,
            self.doc.get_untracked().as_deref(),
        );
        self.go(url, true);
    }

    /// Rewrites the URL to what was understood (drops what the notices describe).
    pub fn normalise_url(&self) {
        let url = self.url_for(
            &self.filter.get_untracked(),
            &self.view.get_untracked(),
            self.doc.get_untracked().as_deref(),
        );
        self.go(url, true);
    }

    /// Replaces the corpus (after articles were added or removed).
    pub fn set_data(&self, data: Data) {
        self.data.set(data);
    }
}

/// Runs `work`, timed as a performance measure named `name` (the browser benchmark reads
/// these).
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let perf = window().performance();
    let start = format!("{name}-start");
    if let Some(p) = &perf {
        let _ = p.mark(&start);
    }
    let out = work();
    if let Some(p) = &perf {
        let _ = p.measure_with_start_mark(name, &start);
    }
    out
}

/// Like [`timed`], for work that ends where a scope ends: a performance mark now, and a
/// measure of that name when the guard is dropped.
pub struct Timer(&'static str);

impl Timer {
    pub fn start(name: &'static str) -> Timer {
        if let Some(p) = window().performance() {
            let _ = p.mark(&format!("{name}-start"));
        }
        Timer(name)
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(p) = window().performance() {
            let _ = p.measure_with_start_mark(self.0, &format!("{}-start", self.0));
        }
    }
}

/// The explorer from context.
pub fn explorer() -> Explorer {
    expect_context::<Explorer>()
}
