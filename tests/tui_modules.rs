//! The modules of `src/tui` import one another without a cycle, so each can be read, changed
//! and tested on top of what it uses (issue 10: the key table once imported the panes, which
//! import the key table).
//!
//! The graph comes from the source text: the top-level `use` and `pub use` items of every file
//! (items inside an inline `mod tests` are indented and left out: they import their own file).
//! A path names a module of `src/tui` when it starts with `crate::tui::`, `super::`, `self::`
//! or a child module; it points at the longest prefix that is a file. `mod` declarations are
//! not edges: a parent declaring its children is structure, not a dependency.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

/// Every `.rs` file under `dir`, by module path relative to `src/tui` (`mod.rs` is its folder).
fn modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<Module, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let mut p = prefix.to_vec();
            p.push(name);
            modules(&path, &p, out);
        } else if let Some(stem) = name.strip_suffix(".rs") {
            let mut m = prefix.to_vec();
            if stem != "mod" {
                m.push(stem.to_string());
            }
            out.insert(m, std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The bodies of the top-level `use` items of a file (`a::{b, c::d}`), whitespace removed.
fn use_items(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut rest = text;
    while let Some(at) = find_top_level_use(rest) {
        let body = &rest[at..];
        let end = body.find(';').unwrap();
        items.push(body[..end].split_whitespace().collect());
        rest = &body[end..];
    }
    items
}

/// Where the path of the next `use` item starting a line (column 0) begins.
fn find_top_level_use(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        for lead in ["use ", "pub use ", "pub(crate) use ", "pub(super) use "] {
            if line.starts_with(lead) {
                return Some(offset + lead.len());
            }
        }
        offset += line.len();
    }
    None
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(path: &str) -> Vec<String> {
    let Some(open) = path.find('{') else {
        return vec![path.to_string()];
    };
    let close = path.rfind('}').unwrap();
    let (head, inner) = (&path[..open], &path[open + 1..close]);
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(&format!("{head}{p}")))
        .collect()
}

/// The module of `src/tui` that `path`, used in `from`, points at (`None`: outside `src/tui`).
fn target(from: &Module, path: &str, files: &BTreeMap<Module, String>) -> Option<Module> {
    let mut segs: Vec<&str> = path.split("::").collect();
    let mut base: Module = match segs[0] {
        "crate" if segs.get(1) == Some(&"tui") => {
            segs.drain(..2);
            Vec::new()
        }
        "super" => {
            let mut b = from.clone();
            while segs.first() == Some(&"super") {
                b.pop();
                segs.remove(0);
            }
            b
        }
        "self" => {
            segs.remove(0);
            from.clone()
        }
        child => {
            let mut m = from.clone();
            m.push(child.to_string());
            if !files.contains_key(&m) {
                return None;
            }
            from.clone()
        }
    };
    base.extend(segs.iter().map(|s| s.to_string()));
    (0..=base.len())
        .rev()
        .map(|n| base[..n].to_vec())
        .find(|m| files.contains_key(m))
}

fn graph(files: &BTreeMap<Module, String>) -> BTreeMap<Module, BTreeSet<Module>> {
    files
        .iter()
        .map(|(m, text)| {
            let deps = use_items(text)
                .iter()
                .flat_map(|item| expand(item))
                .filter_map(|p| target(m, &p, files))
                .filter(|t| t != m)
                .collect();
            (m.clone(), deps)
        })
        .collect()
}

/// A cycle of the graph, if there is one (depth-first search; grey = on the current path).
fn find_cycle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    fn visit(
        m: &Module,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        path: &mut Vec<Module>,
        done: &mut BTreeSet<Module>,
    ) -> Option<Vec<Module>> {
        if let Some(at) = path.iter().position(|p| p == m) {
            let mut cycle = path[at..].to_vec();
            cycle.push(m.clone());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.clone());
        for dep in &graph[m] {
            if let Some(c) = visit(dep, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.clone());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|m| visit(m, graph, &mut Vec::new(), &mut done))
}

fn name(m: &Module) -> String {
    if m.is_empty() {
        "tui".into()
    } else {
        m.join("/")
    }
}

#[test]
fn the_modules_of_the_tui_import_no_cycle() {
    let mut files = BTreeMap::new();
    modules(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui"),
        &[],
        &mut files,
    );
    let g = graph(&files);
    // The reading itself works: the app uses the key table and the panes.
    let app = vec!["app".to_string()];
    assert!(
        g[&app].contains(&vec!["keymap".to_string()]),
        "{:?}",
        g[&app]
    );
    assert!(
        g[&app].contains(&vec!["panes".to_string()]),
        "{:?}",
        g[&app]
    );
    if let Some(cycle) = find_cycle(&g) {
        let names: Vec<String> = cycle.iter().map(name).collect();
        panic!("import cycle in src/tui: {}", names.join(" → "));
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle_and_the_reader_reads_grouped_uses() {
    let mut files = BTreeMap::new();
    files.insert(vec![], String::new());
    files.insert(vec!["a".into()], "use super::b::{X, c::Y};\n".into());
    files.insert(vec!["b".into()], String::new());
    files.insert(
        vec!["b".into(), "c".into()],
        "pub use crate::tui::a;\n".into(),
    );
    files.insert(
        vec!["d".into()],
        "use std::fmt;\nfn f() {}\n    use super::a;\n".into(),
    );
    let g = graph(&files);
    assert_eq!(
        g[&vec!["a".to_string()]],
        BTreeSet::from([
            vec!["b".to_string()],
            vec!["b".to_string(), "c".to_string()]
        ])
    );
    assert!(
        g[&vec!["d".to_string()]].is_empty(),
        "indented uses are skipped"
    );
    let cycle = find_cycle(&g).unwrap();
    assert_eq!(cycle.first(), cycle.last());
    assert_eq!(cycle.len(), 3, "{cycle:?}");
}
