use super::render::allocate;

#[test]
fn rows_are_shared_fairly() {
    assert_eq!(allocate(&[5, 3, 2], 100), vec![5, 3, 2]);
    assert_eq!(allocate(&[5, 3, 2], 6), vec![2, 2, 2]);
    assert_eq!(allocate(&[9, 9, 2], 10), vec![4, 4, 2]);
    assert_eq!(allocate(&[9, 9, 9], 2), vec![1, 1, 0]);
    assert_eq!(allocate(&[], 5), Vec::<usize>::new());
}
