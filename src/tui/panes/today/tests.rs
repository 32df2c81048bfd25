use super::render::allocate;

#[test]
fn rows_are_shared_fairly() {
    assert_eq!(allocate(&[5, 3, 2], 100), vec![5, 3, 2]);
    assert_eq!(allocate(&[5, 3, 2], 6), vec![2, 2, 2]);
    assert_eq!(allocate(&[9, 9, 2], 10), vec![4, 4, 2]);
    assert_eq!(allocate(&[9, 9, 9], 2), vec![1, 1, 0]);
    assert_eq!(allocate(&[], 5), Vec::<usize>::new());
}

#[test]
fn attendee_names_fit_whole_with_a_count_of_the_rest() {
    use super::render::names_fitting;
    let names: Vec<String> = ["Ana Souza", "Bilal Khan", "Chen Wei"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(names_fitting(&names, 80), "Ana Souza, Bilal Khan, Chen Wei");
    // Never half a name: the ones that do not fit are counted.
    assert_eq!(names_fitting(&names, 25), "Ana Souza, Bilal Khan +1");
    assert_eq!(names_fitting(&names, 14), "Ana Souza +2");
    // Only the first name is cut, and only when even it alone does not fit.
    assert_eq!(names_fitting(&names, 9), "Ana S… +2");
    assert_eq!(names_fitting(&[], 10), "");
}
