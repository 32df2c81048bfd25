use super::*;

#[test]
fn times_parse() {
    let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
    let t = |s| parse_at(s, d).map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string());
    assert_eq!(t("2026-11-21 08:15"), Ok("2026-11-21T08:15:00".into()));
    assert_eq!(t("14:05"), Ok("2026-11-22T14:05:00".into()));
    assert_eq!(t("2026-11-21T08:15:30"), Ok("2026-11-21T08:15:30".into()));
    assert!(t("noon").is_err());
    assert_eq!(level_name(1), "drained");
    assert_eq!(level_name(9), "?");
}
