//! The Library view: the documents of a folder of articles, the entities across them, one
//! entity followed through all of them (documents, mentions in context, who appears with
//! it, its quotes and figures), full-text search and a timeline. Everything comes from
//! `newslens::library`; indexing runs on its own thread with its own connection (the
//! database is in WAL mode, so this one reads while it writes).

use super::command::Command;
use super::style;
use egui::{RichText, ScrollArea};
use newslens::Label;
use newslens::library::{
    AddProgress, DocumentRow, DocumentSort, EntityRow, FigureRow, Library, LibraryLine, Precision,
    QuoteRow, SearchHit, SortKey, TimelineItem,
};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// How many entities the list shows, and mentions the concordance shows at first.
const ENTITY_ROWS: usize = 2000;
const CONCORDANCE_PAGE: usize = 200;
/// While indexing, what is on screen is read again at most this often.
const REFRESH_WHILE_INDEXING: Duration = Duration::from_millis(700);
/// The timeline's plot, in points.
const TIMELINE_HEIGHT: f32 = 120.0;

/// What indexing reports to the window.
enum IndexMessage {
    Progress(AddProgress),
    Done(Result<String, String>),
}

/// A folder being added in the background.
pub struct Indexing {
    pub folder: PathBuf,
    pub progress: Option<AddProgress>,
    cancel: Arc<AtomicBool>,
    receiver: Receiver<IndexMessage>,
}

/// What is shown for the selected entity.
#[derive(Default)]
struct EntityDetail {
    entity: Option<EntityRow>,
    documents: Vec<(DocumentRow, usize)>,
    mentions: usize,
    lines: Vec<LibraryLine>,
    cooccurring: Vec<(EntityRow, usize)>,
    quotes: Vec<QuoteRow>,
    figures: Vec<FigureRow>,
}

#[derive(Default)]
pub struct LibraryState {
    /// Where the library lives (the data folder's `library.sqlite`, or a test's).
    pub path: Option<PathBuf>,
    library: Option<Library>,
    pub indexing: Option<Indexing>,
    pub status: String,
    entity_filter: String,
    kind: Option<Label>,
    entities: Vec<EntityRow>,
    pub selected: Option<i64>,
    detail: EntityDetail,
    shown_lines: usize,
    pub search: String,
    searched: String,
    pub hits: Vec<SearchHit>,
    document_filter: String,
    sort: DocumentSort,
    documents: Vec<DocumentRow>,
    timeline: Vec<TimelineItem>,
    /// The day range picked on the timeline: the documents list keeps those dated in it.
    pub day_range: Option<(i64, i64)>,
    /// Read the library again on the next frame.
    stale: bool,
    last_refresh: Option<Instant>,
    count: usize,
}

impl LibraryState {
    /// The library at `path` (opened when first needed).
    pub fn at(path: Option<PathBuf>) -> Self {
        LibraryState {
            path,
            stale: true,
            ..LibraryState::default()
        }
    }

    /// Opens the library if it is not open yet. Errors become the status line.
    fn library(&mut self) -> Option<&Library> {
        if self.library.is_none() {
            let path = self.path.clone()?;
            match Library::open(&path) {
                Ok(mut library) => {
                    let warnings = library.take_warnings();
                    if !warnings.is_empty() {
                        self.status = warnings.join(" ");
                    }
                    self.library = Some(library);
                }
                Err(error) => {
                    self.status = error.to_string();
                    return None;
                }
            }
        }
        self.library.as_ref()
    }

    /// How many documents the library holds, as last read (a library that was never made
    /// is not made for this).
    pub fn document_count(&mut self) -> usize {
        let exists = self.path.as_ref().is_some_and(|p| p.exists());
        if self.library.is_none() && exists {
            self.refresh();
        }
        self.count
    }

    /// Adds a folder in the background; the window stays usable and shows what is done.
    pub fn add_folder(&mut self, folder: PathBuf, ctx: &egui::Context) {
        let Some(path) = self.path.clone() else {
            self.status = "No data folder for the library (set NEWSLENS_DATA_DIR).".into();
            return;
        };
        if let Some(indexing) = &self.indexing {
            indexing.cancel.store(true, Ordering::Relaxed);
        }
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let worker_cancel = Arc::clone(&cancel);
        let worker_folder = folder.clone();
        std::thread::spawn(move || {
            let send = |message| {
                let _ = sender.send(message);
                ctx.request_repaint();
            };
            let result = Library::open(&path)
                .map_err(|e| e.to_string())
                .and_then(|mut library| {
                    let summary = library
                        .add_folder(
                            &worker_folder,
                            &mut |progress: &AddProgress| {
                                send(IndexMessage::Progress(progress.clone()))
                            },
                            &worker_cancel,
                        )
                        .map_err(|e| e.to_string())?;
                    Ok(format!(
                        "{}: {} added, {} analysed again, {} unchanged, {} failed.",
                        worker_folder.display(),
                        summary.added,
                        summary.updated,
                        summary.unchanged,
                        summary.failed.len()
                    ))
                });
            send(IndexMessage::Done(result));
        });
        self.status = format!("Adding {}…", folder.display());
        self.indexing = Some(Indexing {
            folder,
            progress: None,
            cancel,
            receiver,
        });
    }

    /// Takes in what indexing reported; the lists are read again now and then meanwhile,
    /// so the first documents are there at once.
    fn receive(&mut self) {
        let Some(indexing) = &mut self.indexing else {
            return;
        };
        let mut finished = None;
        for message in indexing.receiver.try_iter() {
            match message {
                IndexMessage::Progress(progress) => indexing.progress = Some(progress),
                IndexMessage::Done(result) => finished = Some(result),
            }
        }
        if let Some(result) = finished {
            self.indexing = None;
            self.status = result.unwrap_or_else(|error| error);
            self.stale = true;
        } else if self
            .last_refresh
            .is_none_or(|at| at.elapsed() > REFRESH_WHILE_INDEXING)
        {
            self.stale = true;
        }
    }

    /// Reads what is on screen from the library again.
    fn refresh(&mut self) {
        self.stale = false;
        self.last_refresh = Some(Instant::now());
        let (filter, kind, document_filter, sort) = (
            self.entity_filter.clone(),
            self.kind,
            self.document_filter.clone(),
            self.sort,
        );
        let selected = self.selected;
        let lines = self.shown_lines.max(CONCORDANCE_PAGE);
        let Some(library) = self.library() else {
            return;
        };
        let count = library.document_count();
        let entities = library.entities(kind, &filter, ENTITY_ROWS);
        let documents = library.documents(&document_filter, sort);
        let timeline = library.timeline();
        let detail = selected.map(|id| entity_detail(library, id, lines));
        self.count = count;
        let mut problems = Vec::new();
        match entities {
            Ok(rows) => self.entities = rows,
            Err(error) => problems.push(error.to_string()),
        }
        match documents {
            Ok(rows) => self.documents = rows,
            Err(error) => problems.push(error.to_string()),
        }
        match timeline {
            Ok(items) => self.timeline = items,
            Err(error) => problems.push(error.to_string()),
        }
        match detail {
            Some(Ok(detail)) => self.detail = detail,
            Some(Err(error)) => problems.push(error),
            None => self.detail = EntityDetail::default(),
        }
        if !problems.is_empty() {
            self.status = problems.join(" ");
        }
    }

    fn run_search(&mut self) {
        self.searched = self.search.clone();
        let query = self.search.trim().to_string();
        if query.is_empty() {
            self.hits.clear();
            return;
        }
        let result = self.library().map(|library| library.search(&query, 100));
        match result {
            Some(Ok(hits)) => {
                self.status = format!("{} documents match “{query}”.", hits.len());
                self.hits = hits;
            }
            Some(Err(error)) => {
                self.hits.clear();
                self.status = error.to_string();
            }
            None => {}
        }
    }

    pub fn select(&mut self, entity: i64) {
        self.selected = Some(entity);
        self.shown_lines = CONCORDANCE_PAGE;
        self.stale = true;
    }

    /// Draws the view; returns what the user asked of the window (open a document, ...).
    pub fn show(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        self.receive();
        if self.indexing.is_some() {
            ui.ctx().request_repaint_after(REFRESH_WHILE_INDEXING);
        }
        if self.stale {
            self.refresh();
        }
        if self.search != self.searched {
            self.run_search();
        }
        let mut commands = Vec::new();
        self.toolbar(ui, &mut commands);
        egui::Panel::left("library-entities")
            .resizable(true)
            .default_size(320.0)
            .min_size(200.0)
            .show(ui, |ui| self.entity_list(ui));
        egui::Panel::bottom("library-timeline")
            .resizable(false)
            .exact_size(TIMELINE_HEIGHT + 56.0)
            .show(ui, |ui| self.timeline(ui, &mut commands));
        egui::CentralPanel::default().show(ui, |ui| {
            if !self.search.trim().is_empty() {
                self.search_results(ui, &mut commands);
            } else if self.selected.is_some() {
                self.entity_detail(ui, &mut commands);
            } else {
                self.documents(ui, &mut commands);
            }
        });
        commands
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        egui::Panel::top("library-toolbar").show(ui, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("Search");
                ui.add(
                    egui::TextEdit::singleline(&mut self.search)
                        .hint_text("words, \"a phrase\", OR, kind:PERSON, entity:\"Xi Jinping\"")
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
                if ui.button("Add folder…").clicked() {
                    commands.push(Command::OpenFolderDialog);
                }
                if let Some(indexing) = &self.indexing {
                    let (done, total) = indexing
                        .progress
                        .as_ref()
                        .map_or((0, 0), |p| (p.done, p.total));
                    let fraction = if total == 0 {
                        0.0
                    } else {
                        done as f32 / total as f32
                    };
                    let text = match &indexing.progress {
                        Some(p) => format!(
                            "{done} of {total} documents · {:.0}/s{}",
                            p.rate(),
                            p.remaining()
                                .map_or(String::new(), |d| format!(" · {} s left", d.as_secs()))
                        ),
                        None => format!("Looking in {}…", indexing.folder.display()),
                    };
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .desired_width(320.0)
                            .text(text),
                    );
                    if ui.button("Stop").clicked() {
                        indexing.cancel.store(true, Ordering::Relaxed);
                    }
                }
            });
        });
    }

    fn entity_list(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let before = (self.entity_filter.clone(), self.kind);
            ui.add(
                egui::TextEdit::singleline(&mut self.entity_filter)
                    .hint_text("Filter entities")
                    .desired_width(150.0),
            );
            egui::ComboBox::from_label("Kind")
                .selected_text(self.kind.map_or("All kinds", |k| k.plural()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.kind, None, "All kinds");
                    for label in Label::ALL {
                        ui.selectable_value(&mut self.kind, Some(label), label.plural());
                    }
                });
            if before != (self.entity_filter.clone(), self.kind) {
                self.stale = true;
            }
        });
        ui.separator();
        let mut chosen = None;
        let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
        ScrollArea::vertical()
            .id_salt("library-entity-rows")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, self.entities.len(), |ui, rows| {
                for entity in &self.entities[rows] {
                    ui.horizontal(|ui| {
                        let (swatch, _) =
                            ui.allocate_exact_size(egui::vec2(4.0, 16.0), egui::Sense::hover());
                        ui.painter()
                            .rect_filled(swatch, 1.0, style::solid(entity.label));
                        let counts = format!("{} · {}", entity.documents, entity.mentions);
                        let width = (ui.available_width() - 70.0).max(40.0);
                        let selected = self.selected == Some(entity.id);
                        let response = ui
                            .scope(|ui| {
                                ui.set_max_width(width);
                                ui.add(egui::Button::selectable(selected, &entity.name).truncate())
                            })
                            .inner
                            .on_hover_text(format!(
                                "{} · {} · {} documents, {} mentions",
                                entity.name,
                                entity.label.as_str(),
                                entity.documents,
                                entity.mentions
                            ));
                        if response.clicked() {
                            chosen = Some(entity.id);
                        }
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.add_space(8.0);
                            ui.weak(counts).on_hover_text("documents · mentions");
                        });
                    });
                }
            });
        if let Some(id) = chosen {
            self.select(id);
        }
    }

    fn documents(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.heading(format!("Documents · {}", self.documents.len()));
            let before = self.document_filter.clone();
            ui.add(
                egui::TextEdit::singleline(&mut self.document_filter)
                    .hint_text("Filter documents")
                    .desired_width(220.0),
            );
            if before != self.document_filter {
                self.stale = true;
            }
            if let Some((from, to)) = self.day_range {
                ui.label(format!("dated {} to {}", day_text(from), day_text(to)));
                if ui.button("Clear dates").clicked() {
                    self.day_range = None;
                }
            }
        });
        let mut resort = None;
        let range = self.day_range;
        let shown: Vec<&DocumentRow> = self
            .documents
            .iter()
            .filter(|d| match (range, d.date) {
                (Some((from, to)), Some((day, _))) => from <= day && day <= to,
                (Some(_), None) => false,
                (None, _) => true,
            })
            .collect();
        ui.horizontal(|ui| {
            ui.weak("Sort by");
            for (text, key) in [
                ("Headline", SortKey::Headline),
                ("Date", SortKey::Date),
                ("Folder", SortKey::Folder),
                ("Size", SortKey::Size),
                ("Mentions", SortKey::Mentions),
            ] {
                let current = self.sort.key == key;
                let arrow = match (current, self.sort.descending) {
                    (true, true) => " (descending)",
                    (true, false) => " (ascending)",
                    _ => "",
                };
                if ui
                    .add(egui::Button::selectable(current, format!("{text}{arrow}")))
                    .clicked()
                {
                    resort = Some(DocumentSort {
                        key,
                        // A second click turns the order round; names start from A.
                        descending: if current {
                            !self.sort.descending
                        } else {
                            key != SortKey::Headline && key != SortKey::Folder
                        },
                    });
                }
            }
        });
        let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
        ScrollArea::vertical()
            .id_salt("library-document-rows")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, shown.len(), |ui, rows| {
                for document in &shown[rows] {
                    ui.horizontal(|ui| {
                        let response = ui
                            .scope(|ui| {
                                ui.set_max_width((ui.available_width() - 330.0).max(120.0));
                                ui.add(
                                    egui::Button::new(&document.headline)
                                        .frame(false)
                                        .truncate(),
                                )
                            })
                            .inner
                            .on_hover_text(document.path.display().to_string());
                        if response.clicked() {
                            commands.push(Command::OpenAt(document.path.clone(), 0));
                        }
                        ui.weak(document.date_text.as_deref().unwrap_or("no date"));
                        ui.weak(&document.folder);
                        ui.weak(super::app::human_size(document.size as usize));
                        ui.weak(format!("{} mentions", document.mentions));
                    });
                }
            });
        if let Some(sort) = resort {
            self.sort = sort;
            self.stale = true;
        }
    }

    fn entity_detail(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let Some(entity) = self.detail.entity.clone() else {
            ui.weak("This entity is no longer in the library.");
            if ui.button("Back to the documents").clicked() {
                self.selected = None;
            }
            return;
        };
        ui.horizontal(|ui| {
            if ui.button("Back to the documents").clicked() {
                self.selected = None;
                self.stale = true;
            }
            ui.heading(RichText::new(&entity.name).color(style::solid(entity.label)));
            ui.label(format!(
                "{} · {} · {}",
                entity.label.as_str(),
                super::app::count_of(entity.documents, "document", "documents"),
                super::app::count_of(entity.mentions, "mention", "mentions")
            ));
        });
        let mut more = false;
        ScrollArea::vertical()
            .id_salt("library-detail")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::CollapsingHeader::new(format!("Documents · {}", self.detail.documents.len()))
                    .default_open(true)
                    .show(ui, |ui| {
                        for (document, mentions) in &self.detail.documents {
                            ui.horizontal(|ui| {
                                ui.weak(format!("{mentions:>4}"));
                                if ui.link(&document.headline).clicked() {
                                    commands.push(Command::OpenAt(document.path.clone(), 0));
                                }
                                ui.weak(document.date_text.as_deref().unwrap_or(""));
                            });
                        }
                    });
                egui::CollapsingHeader::new(format!(
                    "Mentions · {}",
                    super::app::count_of(self.detail.mentions, "mention", "mentions")
                ))
                .default_open(true)
                .show(ui, |ui| {
                    for line in &self.detail.lines {
                        let whole = format!("{}{}{}", line.before, line.hit, line.after);
                        let mut job = egui::text::LayoutJob::default();
                        let body = egui::TextStyle::Body.resolve(ui.style());
                        let weak = ui.visuals().weak_text_color();
                        let strong = ui.visuals().strong_text_color();
                        for (text, color) in [
                            (format!("{} · ", line.document_name), weak),
                            (line.before.clone(), ui.visuals().text_color()),
                            (line.hit.clone(), strong),
                            (line.after.clone(), ui.visuals().text_color()),
                        ] {
                            job.append(
                                &text,
                                0.0,
                                egui::TextFormat {
                                    font_id: body.clone(),
                                    color,
                                    ..Default::default()
                                },
                            );
                        }
                        let response = ui.add(egui::Button::new(job).frame(false).wrap());
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &whole)
                        });
                        if response.clicked()
                            && let Some(path) = self.path_of(line.document)
                        {
                            commands.push(Command::OpenAt(path, line.range.start));
                        }
                    }
                    if self.detail.lines.len() < self.detail.mentions
                        && ui
                            .button(format!(
                                "Show more ({} of {} shown)",
                                self.detail.lines.len(),
                                self.detail.mentions
                            ))
                            .clicked()
                    {
                        more = true;
                    }
                });
                egui::CollapsingHeader::new(format!(
                    "Appears with · {}",
                    self.detail.cooccurring.len()
                ))
                .default_open(true)
                .show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        for (other, shared) in &self.detail.cooccurring {
                            let text = RichText::new(format!("{} · {shared}", other.name))
                                .color(ui.visuals().strong_text_color());
                            let chip = egui::Button::new(text)
                                .fill(style::tint(other.label, ui.visuals().dark_mode, true))
                                .stroke(egui::Stroke::new(1.0, style::solid(other.label)))
                                .corner_radius(8.0);
                            if ui
                                .add(chip)
                                .on_hover_text(format!("{shared} sentences with both"))
                                .clicked()
                            {
                                commands.push(Command::LibrarySelect(other.id));
                            }
                        }
                    });
                });
                egui::CollapsingHeader::new(format!("Quotes · {}", self.detail.quotes.len()))
                    .default_open(true)
                    .show(ui, |ui| {
                        for quote in &self.detail.quotes {
                            ui.horizontal_wrapped(|ui| {
                                ui.weak(date_of(quote.date));
                                if ui
                                    .link(format!("“{}”", quote.text))
                                    .on_hover_text(&quote.document_name)
                                    .clicked()
                                {
                                    commands.push(Command::OpenAt(
                                        quote.path.clone(),
                                        quote.range.start,
                                    ));
                                }
                                ui.weak(format!(
                                    "{} · {}",
                                    if quote.direct { "direct" } else { "reported" },
                                    quote.document_name
                                ));
                            });
                        }
                    });
                egui::CollapsingHeader::new(format!("Figures · {}", self.detail.figures.len()))
                    .default_open(true)
                    .show(ui, |ui| {
                        egui::Grid::new("library-figures")
                            .num_columns(3)
                            .striped(true)
                            .show(ui, |ui| {
                                for figure in &self.detail.figures {
                                    if ui.link(&figure.summary).clicked()
                                        && let Some(path) = self.path_of(figure.document)
                                    {
                                        commands.push(Command::OpenAt(path, figure.range.start));
                                    }
                                    ui.weak(&figure.document_name);
                                    ui.weak(date_of(figure.date));
                                    ui.end_row();
                                }
                            });
                    });
            });
        if more {
            self.shown_lines = self.detail.lines.len() + CONCORDANCE_PAGE;
            self.stale = true;
        }
    }

    fn search_results(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.heading(format!("Search · {} documents", self.hits.len()));
        ScrollArea::vertical()
            .id_salt("library-hits")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for hit in &self.hits {
                    ui.add_space(4.0);
                    if ui
                        .link(RichText::new(&hit.document.headline).strong())
                        .clicked()
                    {
                        commands.push(Command::OpenAt(hit.document.path.clone(), hit.first_match));
                    }
                    ui.add(egui::Label::new(snippet_job(ui, hit)).wrap());
                    ui.weak(format!(
                        "{} · {}",
                        hit.document.date_text.as_deref().unwrap_or("no date"),
                        hit.document.path.display()
                    ));
                }
            });
    }

    /// The library's dates and events on a time axis; drag to pan, scroll to zoom, "Use
    /// this range" keeps the documents dated in view, a click on a point opens it.
    fn timeline(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        use egui_plot::{Plot, PlotPoints, Points};
        ui.horizontal(|ui| {
            ui.strong(format!("Timeline · {} dates", self.timeline.len()));
        });
        let lanes: Vec<[f64; 2]> = self
            .timeline
            .iter()
            .map(|item| [item.day as f64, lane(item) as f64])
            .collect();
        let response = Plot::new("library-timeline-plot")
            .height(TIMELINE_HEIGHT)
            .show_y(false)
            // Time moves and zooms; the three lanes stay put.
            .allow_zoom([true, false])
            .allow_drag([true, false])
            .allow_scroll([true, false])
            .include_y(-0.5)
            .include_y(2.5)
            .y_axis_formatter(|mark, _| {
                if (mark.value - mark.value.round()).abs() > 1e-6 {
                    return String::new();
                }
                match mark.value.round() as i64 {
                    0 => "documents".into(),
                    1 => "events".into(),
                    2 => "dates".into(),
                    _ => String::new(),
                }
            })
            .x_axis_formatter(|mark, _| day_text(mark.value as i64))
            .label_formatter(|hover| {
                let (egui_plot::HoverPosition::NearDataPoint { position, .. }
                | egui_plot::HoverPosition::Elsewhere { position }) = hover;
                Some(day_text(position.x as i64))
            })
            .allow_boxed_zoom(true)
            .show(ui, |plot| {
                for (kind, colour) in [
                    (0, style::solid(Label::Date)),
                    (1, style::solid(Label::Person)),
                    (2, style::solid(Label::Place)),
                ] {
                    let points: Vec<[f64; 2]> = lanes
                        .iter()
                        .filter(|p| p[1] as i64 == kind)
                        .copied()
                        .collect();
                    plot.points(
                        Points::new(format!("lane {kind}"), PlotPoints::from(points))
                            .radius(4.0)
                            .color(colour),
                    );
                }
                plot.plot_bounds()
            });
        let bounds = response.inner;
        let visible = (bounds.min()[0] as i64, bounds.max()[0] as i64);
        if response.response.clicked()
            && let Some(pointer) = response.response.interact_pointer_pos()
        {
            let nearest = self
                .timeline
                .iter()
                .map(|item| {
                    let at = response
                        .transform
                        .position_from_point(&egui_plot::PlotPoint::new(
                            item.day as f64,
                            lane(item) as f64,
                        ));
                    (item, at.distance(pointer))
                })
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((item, distance)) = nearest
                && distance < 10.0
            {
                commands.push(Command::OpenAt(item.document_path.clone(), item.offset));
            }
        }
        ui.horizontal(|ui| {
            if ui
                .button("Use this range")
                .on_hover_text("Keep the documents dated in the range shown")
                .clicked()
            {
                self.day_range = Some(visible);
            }
        });
    }
}

impl LibraryState {
    /// The file of a document.
    fn path_of(&self, document: i64) -> Option<PathBuf> {
        let row = self.library.as_ref()?.document(document).ok()??;
        Some(row.path)
    }
}

/// A date as the library gives it, for a list.
fn date_of(date: Option<(i64, Precision)>) -> String {
    date.map_or_else(
        || "no date".to_string(),
        |(day, precision)| newslens::library::dates::iso(day, precision),
    )
}

/// Which lane of the timeline an item goes in.
fn lane(item: &TimelineItem) -> u8 {
    item.kind.lane()
}

/// A search snippet with its matches in bold.
fn snippet_job(ui: &egui::Ui, hit: &SearchHit) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let normal = ui.visuals().text_color();
    let mut at = 0;
    let add = |job: &mut egui::text::LayoutJob, text: &str, matched: bool| {
        job.append(
            text,
            0.0,
            egui::TextFormat {
                font_id: body.clone(),
                color: normal,
                background: if matched {
                    style::find_match()
                } else {
                    egui::Color32::TRANSPARENT
                },
                ..Default::default()
            },
        );
    };
    for range in &hit.highlights {
        let (Some(before), Some(matched)) = (
            hit.snippet.get(at..range.start),
            hit.snippet.get(range.clone()),
        ) else {
            continue;
        };
        add(&mut job, before, false);
        add(&mut job, matched, true);
        at = range.end;
    }
    add(&mut job, hit.snippet.get(at..).unwrap_or_default(), false);
    job
}

/// Reads what the Library view shows for one entity.
fn entity_detail(library: &Library, id: i64, lines: usize) -> Result<EntityDetail, String> {
    let text = |e: newslens::library::LibraryError| e.to_string();
    Ok(EntityDetail {
        entity: library.entity(id).map_err(text)?,
        documents: library.entity_documents(id).map_err(text)?,
        mentions: library.mention_count(id).map_err(text)?,
        lines: library.concordance(id, 0, lines).map_err(text)?,
        cooccurring: library.cooccurring(id, 30).map_err(text)?,
        quotes: library.quotes(Some(id)).map_err(text)?,
        figures: library.figures(id).map_err(text)?,
    })
}

/// A day number (days since 1970-01-01) as yyyy-mm-dd.
pub fn day_text(day: i64) -> String {
    newslens::library::dates::iso(day, Precision::Day)
}
