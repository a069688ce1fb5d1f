//! What the reader remembers between runs (saved by eframe's storage).

use newslens::Label;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const STORAGE_KEY: &str = "newslens-settings";
const MAX_RECENT: usize = 10;
pub const MIN_FONT_SIZE: f32 = 11.0;
pub const MAX_FONT_SIZE: f32 = 36.0;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    pub font_size: f32,
    pub dark: bool,
    /// Kinds whose highlights are hidden.
    pub hidden: Vec<Label>,
    /// Marks and kind changes apply to every occurrence of the name (and teach the user
    /// dictionary), rather than to one mention.
    pub mark_everywhere: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            font_size: 18.0,
            dark: false,
            hidden: Vec::new(),
            mark_everywhere: true,
        }
    }
}

impl Settings {
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    pub fn is_hidden(&self, label: Label) -> bool {
        self.hidden.contains(&label)
    }

    pub fn toggle(&mut self, label: Label) {
        if self.is_hidden(label) {
            self.hidden.retain(|l| *l != label);
        } else {
            self.hidden.push(label);
        }
    }

    pub fn zoom(&mut self, step: f32) {
        self.font_size = (self.font_size + step).clamp(MIN_FONT_SIZE, MAX_FONT_SIZE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_most_recent_first_and_bounded() {
        let mut settings = Settings::default();
        for i in 0..12 {
            settings.remember(Path::new(&format!("/nowhere/{i}.txt")));
        }
        settings.remember(Path::new("/nowhere/5.txt"));
        assert_eq!(settings.recent.len(), MAX_RECENT);
        assert_eq!(settings.recent[0], Path::new("/nowhere/5.txt"));
        assert_eq!(
            settings
                .recent
                .iter()
                .filter(|p| p.ends_with("5.txt"))
                .count(),
            1
        );
    }

    #[test]
    fn settings_survive_a_round_trip_and_tolerate_missing_fields() {
        let mut settings = Settings::default();
        settings.toggle(Label::Date);
        settings.zoom(100.0);
        let json = serde_json::to_string(&settings).unwrap();
        assert_eq!(serde_json::from_str::<Settings>(&json).unwrap(), settings);
        let partial: Settings = serde_json::from_str("{\"dark\": true}").unwrap();
        assert!(partial.dark);
        assert_eq!(partial.font_size, Settings::default().font_size);
    }
}
