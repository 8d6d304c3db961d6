fn main() -> std::process::ExitCode {
    factdiff::cli::main()
}
