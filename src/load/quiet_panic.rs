//! Running third-party parsers that panic on malformed input, without the panic message
//! reaching the user's terminal.

use std::cell::Cell;
use std::panic::AssertUnwindSafe;
use std::sync::Once;

thread_local! {
    /// Set while this thread runs a parser under [`catch_quietly`].
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

static INSTALL_HOOK: Once = Once::new();

/// Runs `parse`, turning a panic into `Err(message)`. The first call installs a
/// process-wide panic hook that stays silent for panics on threads inside this function
/// and hands every other panic to the hook that was there before, so the rest of the
/// program reports its bugs as usual.
pub(crate) fn catch_quietly<R>(parse: impl FnOnce() -> R) -> Result<R, String> {
    INSTALL_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was_quiet = QUIET.with(|quiet| quiet.replace(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(parse));
    QUIET.with(|quiet| quiet.set(was_quiet));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_the_flag_is_reset() {
        assert_eq!(catch_quietly(|| 7), Ok(7));
        let caught = catch_quietly(|| -> u8 { panic!("bad xref") });
        assert_eq!(caught, Err("bad xref".to_string()));
        assert!(!QUIET.with(Cell::get));
    }
}
