//! Fuzzy matching for pickers, and the test for a name that is nearly one already there.
//!
//! Pickers rank with nucleo's matcher (the one helix uses). The typed text is first folded with
//! [`crate::text::name_key`] (accents dropped, lower case, one space between words), so "ines"
//! and "INÈS" both find "Inès Dubois"; nucleo then folds the labels the same way as it
//! compares, so the matched positions it reports are positions in the label as shown.

use crate::text::name_key;
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// One label that matched: its index in the list given, and which of its grapheme clusters
/// matched (sorted, for highlighting; nucleo counts in grapheme clusters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub matched: Vec<u32>,
}

/// The labels that match `query`, best first; equal scores keep the order given. An empty
/// query matches everything, in order, with nothing highlighted.
pub fn rank<'a>(query: &str, labels: impl IntoIterator<Item = &'a str>) -> Vec<Hit> {
    let key = name_key(query);
    if key.is_empty() {
        return labels
            .into_iter()
            .enumerate()
            .map(|(index, _)| Hit {
                index,
                matched: Vec::new(),
            })
            .collect();
    }
    // Each word of the query must match somewhere (in any order); a word at the start of
    // the name ranks above the same letters inside it.
    let pattern = Pattern::new(
        &key,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Fuzzy,
    );
    let mut config = Config::DEFAULT;
    config.prefer_prefix = true;
    let mut matcher = Matcher::new(config);
    let mut buf = Vec::new();
    let mut scored: Vec<(u32, Hit)> = labels
        .into_iter()
        .enumerate()
        .filter_map(|(index, label)| {
            let mut matched = Vec::new();
            let score =
                pattern.indices(Utf32Str::new(label, &mut buf), &mut matcher, &mut matched)?;
            matched.sort_unstable();
            matched.dedup();
            Some((score, Hit { index, matched }))
        })
        .collect();
    // Stable: ties stay in the order given (alphabetical, most recent… as the pane chose).
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    scored.into_iter().map(|(_, h)| h).collect()
}

/// True if a new name `typed` is so close to `existing` that it is probably the same person
/// or tag mistyped: the same key (accents, case, spacing), or, for keys of 4 characters or
/// more, one edit apart (two from 9 characters on), counting a swap of two neighbouring
/// letters as one edit ("Ines Dubios" for "Inès Dubois"). Shorter names ("ui", "ux", "sql")
/// are too often different things one letter apart, so only the same key counts for them.
pub fn near_duplicate(typed: &str, existing: &str) -> bool {
    let a = name_key(typed);
    let b = name_key(existing);
    if a == b {
        return true;
    }
    let shorter = a.chars().count().min(b.chars().count());
    let allowed = match shorter {
        0..=3 => return false,
        4..=8 => 1,
        _ => 2,
    };
    strsim::osa_distance(&a, &b) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEOPLE: [&str; 5] = [
        "Ada Lovelace",
        "Inès Dubois",
        "Bob Idubov",
        "Ines Martin",
        "Grace Hopper",
    ];

    fn names(query: &str) -> Vec<&'static str> {
        rank(query, PEOPLE)
            .iter()
            .map(|h| PEOPLE[h.index])
            .collect()
    }

    #[test]
    fn accents_and_case_do_not_matter() {
        assert_eq!(names("ines")[..2], ["Inès Dubois", "Ines Martin"]);
        assert_eq!(names("INÈS")[..2], ["Inès Dubois", "Ines Martin"]);
        assert!(names("inès dub").starts_with(&["Inès Dubois"]));
        assert_eq!(names("hopper"), ["Grace Hopper"]);
    }

    #[test]
    fn letters_in_order_find_a_name_and_the_best_comes_first() {
        let mut found = names("idub");
        found.sort_unstable();
        assert_eq!(found, ["Bob Idubov", "Inès Dubois"]);
        // At the start of a word beats inside one; whole beats scattered.
        assert_eq!(names("dub"), ["Inès Dubois", "Bob Idubov"]);
        assert_eq!(names("bob"), ["Bob Idubov"]);
        let reversed: Vec<&str> = PEOPLE.iter().rev().copied().collect();
        let ranked = rank("dub", reversed.iter().copied());
        assert_eq!(reversed[ranked[0].index], "Inès Dubois");
        assert!(!found.contains(&"Grace Hopper"));
        assert!(names("zzz").is_empty());
    }

    #[test]
    fn an_empty_query_keeps_everything_in_order() {
        assert_eq!(names("  "), PEOPLE);
        assert!(rank("", PEOPLE).iter().all(|h| h.matched.is_empty()));
    }

    #[test]
    fn matched_positions_are_in_the_label_as_shown() {
        let hits = rank("ines", ["Inès Dubois"]);
        assert_eq!(hits[0].matched, [0, 1, 2, 3]);
        let hits = rank("dub", ["Inès Dubois"]);
        assert_eq!(hits[0].matched, [5, 6, 7]);
    }

    #[test]
    fn near_duplicates() {
        assert!(near_duplicate("ines  DUBOIS", "Inès Dubois"));
        assert!(near_duplicate("Ines Dubios", "Inès Dubois"));
        assert!(near_duplicate("InesDubois", "Inès Dubois"));
        assert!(near_duplicate("Ines Dubaiz", "Inès Dubois"));
        assert!(near_duplicate("rust", "Rüst"));
        assert!(near_duplicate("tema", "team"));
        assert!(!near_duplicate("Ines Martin", "Inès Dubois"));
        assert!(!near_duplicate("Ines Dxbxxz", "Inès Dubois"));
        assert!(!near_duplicate("ui", "ux"));
        assert!(!near_duplicate("backend", "frontend"));
        assert!(!near_duplicate("rust", "ruby"));
    }
}
