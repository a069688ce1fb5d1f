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
    /// Select the entity of a mention and jump to that mention.
    SelectMention(usize),
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
}
