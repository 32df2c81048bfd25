use super::render::wrap;
use super::*;

#[test]
fn lines_wrap_at_spaces_and_cut_long_words() {
    assert_eq!(wrap("one two three", 8), vec!["one two ", "three"]);
    assert_eq!(wrap("", 5), vec![""]);
    assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    assert!(
        wrap("日本語のテキストです", 5)
            .iter()
            .all(|l| width(l) <= 5)
    );
    assert_eq!(wrap("a b", 1), vec!["a ", "b"]);
}
