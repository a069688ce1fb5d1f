//! The reader window: a thin egui layer over the library. State lives in [`ReaderApp`];
//! each panel draws from it and returns [`Command`]s that the app applies once per frame.

mod app;
mod chooser;
mod command;
mod concordance;
mod correct_menu;
mod editing;
mod entity_list;
mod find;
mod fonts;
mod help;
mod jobs;
mod library_view;
mod panel;
mod reader;
mod settings;
mod style;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_library;
#[cfg(test)]
mod tests_native;

pub use app::ReaderApp;
pub use command::Command;

use std::path::PathBuf;

/// Opens the window with the given file, or the sample article.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default()
            .with_title("newslens")
            .with_app_id("newslens")
            .with_inner_size([1280.0, 860.0])
            .with_min_inner_size([640.0, 420.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "newslens",
        options,
        Box::new(move |creation| {
            let settings = creation
                .storage
                .and_then(|storage| eframe::get_value(storage, settings::STORAGE_KEY))
                .unwrap_or_default();
            let store = newslens::corrections::Store::default_location();
            let mut app = ReaderApp::new(settings, store);
            if let Some(file) = file {
                app.apply(Command::Open(file), &creation.egui_ctx);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open the window: {error}"))
}
