//! Checks on a PDF's structure that pdf-extract relies on without checking: it follows
//! page `Parent` links and draws form XObjects recursively, so a loop in either would
//! recurse until the stack overflows, which aborts the process (no `catch_unwind` can
//! help). Such files are refused as damaged before extraction.

use lopdf::{Dictionary, Document, Object, ObjectId};
use rustc_hash::{FxHashMap, FxHashSet};

/// Deeper nesting than real files use: page trees are a few levels, forms rarely nest.
const MAX_DEPTH: usize = 32;

/// Why the structure is unsafe to extract.
pub(crate) fn structure_problem(document: &Document) -> Option<&'static str> {
    let pages = document.get_pages();
    let mut page_forms = Vec::with_capacity(pages.len());
    for &page in pages.values() {
        let Some(chain) = parent_chain(document, page) else {
            return Some("the page tree loops");
        };
        let resources = chain
            .iter()
            .find_map(|dict| dict.get(b"Resources").ok())
            .and_then(|r| dict_of(document, r));
        page_forms.push(forms_in(document, resources));
    }
    let mut edges: FxHashMap<ObjectId, Vec<ObjectId>> = FxHashMap::default();
    let mut inheriting = Vec::new();
    for (&id, object) in &document.objects {
        let Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            continue;
        }
        match stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| dict_of(document, r))
        {
            Some(own) => {
                edges.insert(id, forms_in(document, Some(own)));
            }
            None => {
                edges.insert(id, Vec::new());
                if draws_xobjects(stream) {
                    inheriting.push(id);
                }
            }
        }
    }
    // A form without resources uses its caller's: it can draw whatever its callers can.
    for _ in 0..MAX_DEPTH {
        let mut changed = false;
        for &form in &inheriting {
            let mut reachable: Vec<ObjectId> = page_forms
                .iter()
                .filter(|forms| forms.contains(&form))
                .flatten()
                .copied()
                .collect();
            for (caller, forms) in &edges {
                if *caller != form && forms.contains(&form) {
                    reachable.extend(forms.iter().copied());
                }
            }
            let list = edges.entry(form).or_default();
            for target in reachable {
                if !list.contains(&target) {
                    list.push(target);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let starts: FxHashSet<ObjectId> = page_forms.into_iter().flatten().collect();
    if starts
        .into_iter()
        .any(|start| loops_or_too_deep(&edges, start))
    {
        return Some("forms draw themselves");
    }
    None
}

/// A page and its ancestors, `None` if the `Parent` links loop or go too deep.
fn parent_chain(document: &Document, page: ObjectId) -> Option<Vec<&Dictionary>> {
    let mut chain = Vec::new();
    let mut seen = FxHashSet::default();
    let mut next = Some(page);
    while let Some(id) = next {
        if !seen.insert(id) || chain.len() > MAX_DEPTH {
            return None;
        }
        let Ok(dict) = document.get_dictionary(id) else {
            break;
        };
        chain.push(dict);
        next = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    Some(chain)
}

fn dict_of<'a>(document: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match object {
        Object::Dictionary(dict) => Some(dict),
        Object::Reference(id) => document.get_dictionary(*id).ok(),
        _ => None,
    }
}

/// The form XObjects a resource dictionary names.
fn forms_in(document: &Document, resources: Option<&Dictionary>) -> Vec<ObjectId> {
    let Some(xobjects) = resources
        .and_then(|r| r.get(b"XObject").ok())
        .and_then(|x| dict_of(document, x))
    else {
        return Vec::new();
    };
    xobjects
        .iter()
        .filter_map(|(_, value)| value.as_reference().ok())
        .filter(|id| {
            matches!(document.get_object(*id), Ok(Object::Stream(s))
                if s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form"))
        })
        .collect()
}

/// Does the form's content use the `Do` operator? (Decompression is bounded by the
/// earlier stream-size check.)
fn draws_xobjects(stream: &lopdf::Stream) -> bool {
    let content = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    content.windows(2).enumerate().any(|(i, w)| {
        w == b"Do"
            && content
                .get(i + 2)
                .is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

/// Depth-first walk without recursion: does any path from `start` revisit a form on the
/// same path or run deeper than [`MAX_DEPTH`]?
fn loops_or_too_deep(edges: &FxHashMap<ObjectId, Vec<ObjectId>>, start: ObjectId) -> bool {
    let mut path: Vec<(ObjectId, usize)> = vec![(start, 0)];
    let mut visits = 0usize;
    while let Some(&(node, next)) = path.last() {
        visits += 1;
        // Diamond-shaped graphs can make paths exponential; that many is a bad file too.
        if visits > 100_000 || path.len() > MAX_DEPTH {
            return true;
        }
        let child = edges
            .get(&node)
            .and_then(|children| children.get(next))
            .copied();
        if let Some(top) = path.last_mut() {
            top.1 += 1;
        }
        match child {
            Some(child) if path.iter().any(|(n, _)| *n == child) => return true,
            Some(child) => path.push((child, 0)),
            None => {
                path.pop();
            }
        }
    }
    false
}
