//! What the user asked for this frame. Panels return commands instead of changing the
//! app's state from deep inside the UI; the app applies them in one place.

use newslens::Label;
use newslens::corrections::Correction;
use newslens::export::Format;
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Ask for a file to open.
    OpenDialog,
    /// Read and analyse a file in the background.
    Open(PathBuf),
    /// Read the open file again, decoding its text with the named encoding.
    Reopen {
        encoding: &'static str,
    },
    /// Ask where to export, and in which format.
    ExportDialog,
    /// Write an export.
    Export(PathBuf, Format),
    /// Select an entity, or step to its next mention if it is already selected.
    SelectGroup(usize),
    /// Select the entity of a mention (clicked in the text, which is where it is).
    SelectMention(usize),
    /// Select the entity of a mention and scroll to that mention (a concordance row).
    JumpToMention(usize),
    /// Move through the selected entity's mentions (+1 next, -1 previous), wrapping.
    StepMention(i32),
    /// Jump to a fact's sentence and mark it.
    JumpToFact(usize),
    ToggleLabel(Label),
    ZoomIn,
    ZoomOut,
    ToggleTheme,
    OpenFind,
    CloseFind,
    /// Move through find matches (+1 next, -1 previous), wrapping.
    StepMatch(i32),
    DismissError,
    /// Record a correction, re-apply the corrections and save them.
    Correct(Correction),
    /// Mark the text selected in the reader as an entity of this kind.
    MarkSelection(Label),
    Undo,
    Redo,
    /// Switch whether marks and kind changes apply to every occurrence of a name.
    ToggleMarkEverywhere,
    /// Take a name out of the user dictionary.
    Forget(String),
    ToggleDictionaryWindow,
    /// Move the reader's view from the keyboard.
    Scroll(ScrollStep),
    /// Forget the selected entity, mention and marked sentence (Escape, a click on plain text).
    ClearSelection,
    /// Show or hide the keyboard-shortcut sheet (F1, ?).
    ToggleShortcuts,
    ToggleAbout,
    /// Ask where to save the selected entity's concordance (CSV).
    ExportConcordanceDialog,
    /// Write the concordance of an entity as CSV.
    ExportConcordance(PathBuf, usize),
    /// Ask for a folder to add to the library.
    OpenFolderDialog,
    /// Add a folder's documents to the library and show the Library view.
    OpenFolder(PathBuf),
    /// Open a document and jump to a byte offset in it (from the Library view).
    OpenAt(PathBuf, usize),
    /// Follow a library entity.
    LibrarySelect(i64),
    /// Switch between the document and the Library view.
    ToggleLibrary,
}

/// How far a key moves the reader's view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScrollStep {
    /// Lines down (positive) or up (negative): the arrow keys.
    Lines(i32),
    /// Screens down or up: Page Down, Space, Page Up, Shift+Space.
    Pages(i32),
    /// The start of the document: Home, Ctrl+Home.
    Start,
    /// The end of the document: End, Ctrl+End.
    End,
}
