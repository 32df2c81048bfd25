use super::spec::{new_category, parse_day};
use super::*;

#[test]
fn days_and_categories_parse() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
    assert_eq!(parse_day("", today), Ok(today));
    assert_eq!(
        parse_day(" 2026-01-02 ", today),
        Ok(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap_or_default())
    );
    assert_eq!(
        parse_day("yesterday", today),
        Ok(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default())
    );
    assert_eq!(
        parse_day("fri", today),
        Ok(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default()),
        "an assessment happened: a weekday looks back"
    );
    assert!(parse_day("soon", today).is_err());
    assert_eq!(new_category("  Backend "), Ok("Backend".into()));
    assert!(new_category("a\x1bb").is_err());
    assert_eq!(Sort::Category.next().next().next(), Sort::Category);
}
