//! Generated documents for the benchmarks: the sample article's paragraphs, reshuffled,
//! with its people, places and figures varied, so that the tagger meets many different
//! names (nothing large is committed; everything is made at run time).

use newslens::document::SAMPLE_TEXT;

const FIRST: &[&str] = &[
    "Ana", "Luis", "Maria", "Jose", "Wei", "Li", "Carlos", "Elena", "Omar", "Fatima", "John",
    "Sarah", "Pedro", "Akira", "Hans", "Grace", "Tunde", "Ingrid",
];
const LAST: &[&str] = &[
    "Garcia",
    "Chen",
    "Smith",
    "Rodriguez",
    "Wang",
    "Tanaka",
    "Mueller",
    "Okafor",
    "Silva",
    "Novak",
    "Haddad",
    "Kim",
    "Lopez",
    "Ivanova",
    "Mensah",
    "Larsen",
];
const PLACES: &[&str] = &[
    "Peru", "Chile", "Brazil", "Kenya", "Lima", "Santiago", "Nairobi", "Mombasa", "Quito",
    "Bogota", "Ghana", "Vietnam", "Manila", "Jakarta",
];

/// A small deterministic random number generator (xorshift), so runs are comparable.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn paragraphs() -> Vec<&'static str> {
    SAMPLE_TEXT
        .split('\n')
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// One varied paragraph of the sample.
fn varied(paragraph: &str, rng: &mut Rng) -> String {
    paragraph
        .replace("Boluarte", rng.pick(LAST))
        .replace("Dina", rng.pick(FIRST))
        .replace("Peru", rng.pick(PLACES))
        .replace("45", &(2 + rng.below(97)).to_string())
}

/// A news article of 8 to 20 paragraphs.
#[allow(dead_code)]
pub fn article(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let paragraphs = paragraphs();
    let count = 8 + rng.below(13);
    let mut text = String::new();
    for _ in 0..count {
        text.push_str(&varied(paragraphs[rng.below(paragraphs.len())], &mut rng));
        text.push_str("\n\n");
    }
    text
}

/// A book-sized text of at least `bytes` bytes.
#[allow(dead_code)]
pub fn book(bytes: usize) -> String {
    let mut rng = Rng::new(7);
    let paragraphs = paragraphs();
    let mut text = String::with_capacity(bytes + 4096);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&varied(paragraphs[i % paragraphs.len()], &mut rng));
        text.push_str("\n\n");
        i += 1;
    }
    text
}

/// A dated article for the library benchmark: a Markdown headline, a dateline, then 14 to
/// 26 paragraphs (about 5 KB).
#[allow(dead_code)]
pub fn dated_article(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let paragraphs = paragraphs();
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut text = format!(
        "# {} and {} sign a port deal\n\nPublished {} {} {}\n\n",
        rng.pick(PLACES),
        rng.pick(PLACES),
        1 + rng.below(28),
        MONTHS[rng.below(12)],
        2019 + rng.below(7)
    );
    for _ in 0..14 + rng.below(13) {
        text.push_str(&varied(paragraphs[rng.below(paragraphs.len())], &mut rng));
        text.push_str("\n\n");
    }
    text
}
