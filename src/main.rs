fn main() {
    println!("worklog");
}
