#[path = "../tests/common/mod.rs"]
mod common;
use byline_doc::EntityType;
fn main() {
    let mut files: Vec<_> = std::fs::read_dir("/tmp/fx")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        let s = std::fs::read_to_string(&f).unwrap();
        let mut lines = s.lines();
        let text = lines.next().unwrap().replace("\\n", "\n");
        let mut ms: Vec<(String, String, EntityType)> = vec![];
        let mut ts: Vec<(String, String)> = vec![];
        let mut gold = vec![];
        for l in lines {
            let p: Vec<&str> = l.split('\t').collect();
            match p[0] {
                "M" => ms.push((
                    p[1].into(),
                    p[2].into(),
                    match p[3] {
                        "Per" => EntityType::Per,
                        "Org" => EntityType::Org,
                        "Loc" => EntityType::Loc,
                        _ => EntityType::Misc,
                    },
                )),
                "T" => ts.push((p[1].into(), p[2].into())),
                _ => gold.push(l.to_string()),
            }
        }
        let mr: Vec<common::M> = ms
            .iter()
            .map(|(a, b, c)| (a.as_str(), b.as_str(), *c))
            .collect();
        let tr: Vec<common::T> = ts.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let mut doc = common::build(&text, &mr, &tr);
        let evs = common::run(&mut doc);
        println!("==== {}", f.display());
        for g in gold {
            println!("  GOLD {g}");
        }
        for e in &evs {
            let si = doc.sentence_index(e.trigger.start).unwrap_or(0);
            let sent = doc.slice(doc.sentences[si]);
            let time = e.time.map(|t| doc.slice(doc.times[t].span).to_string());
            println!(
                "  {} time={:?}\n      | {}",
                common::show(&doc, e),
                time,
                sent
            );
        }
    }
}
