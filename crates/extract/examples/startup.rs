//! Start-up cost of the extractor: what the first article pays to build the matchers (the
//! gazetteer's entry table, the lexicon, the normalised-name maps) before extracting, against
//! the same article once they are built. Run: cargo run --release -p dossier-extract --example startup
use dossier_extract::process;
use std::time::Instant;

fn main() {
    let text = "Kim Jong Un met Sergei Shoigu in Pyongyang on Friday, KCNA said. The Russian Ministry \
                of Defense showed the Hwasong-18 at the ARMY 2024 forum in Moscow, Radio Free Asia (RFA) \
                reported. Analyst Shin Wonsik of the Korea Institute for National Unification agreed.";
    let t = Instant::now();
    process("first.txt", text.as_bytes()).expect("readable");
    let first = t.elapsed();
    let t = Instant::now();
    let n = 100;
    for i in 0..n {
        process(&format!("again-{i}.txt"), text.as_bytes()).expect("readable");
    }
    let again = t.elapsed() / n;
    println!(
        "first article (builds the matchers): {:.2} ms",
        first.as_secs_f64() * 1e3
    );
    println!(
        "the same article after:              {:.3} ms",
        again.as_secs_f64() * 1e3
    );
    println!(
        "start-up cost:                       {:.2} ms",
        (first - again).as_secs_f64() * 1e3
    );
}
