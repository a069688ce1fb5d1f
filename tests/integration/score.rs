//! Exact micro-F1 by the rules of `../shared/eval/score.py`: a prediction counts when its
//! start, end and label equal a gold span's; spans overlapping an ignore region are left out.

use std::collections::HashSet;

pub type Span = (usize, usize, String);

#[derive(Default)]
pub struct Tally {
    pub true_positives: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Tally {
    pub fn add(
        &mut self,
        gold: &[Span],
        predicted: &[Span],
        ignore: &[(usize, usize)],
        labels: &[&str],
    ) {
        let keep = |(s, e, l): &&Span| {
            labels.contains(&l.as_str()) && !ignore.iter().any(|&(a, b)| *s < b && a < *e)
        };
        let gold: HashSet<&Span> = gold.iter().filter(keep).collect();
        let predicted: HashSet<&Span> = predicted.iter().filter(keep).collect();
        self.true_positives += gold.intersection(&predicted).count();
        self.predicted += predicted.len();
        self.gold += gold.len();
    }

    pub fn f1(&self) -> f64 {
        let p = self.true_positives as f64 / self.predicted.max(1) as f64;
        let r = self.true_positives as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

pub const ALL_LABELS: &[&str] = &["PERSON", "PLACE", "ORG", "PROJECT", "FIGURE", "DATE"];
