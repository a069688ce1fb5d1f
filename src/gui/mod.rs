pub fn run(_file: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    Ok(())
}
