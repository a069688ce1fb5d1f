//! What the library's tests share: a library that reads no user's corrections, and a
//! folder of three short articles.

use super::Library;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// A library at `path` that analyses without anyone's corrections.
pub fn open_library(path: &Path) -> Library {
    let mut library = Library::open(path).unwrap();
    library.set_corrections(None);
    library
}

pub const LIMA: &str = "Xi Jinping meets Dina Boluarte in Lima\n\n\
LIMA, 28 June 2024 - Chinese President Xi Jinping met Peruvian President Dina Boluarte in Lima on Friday. \
The Belt and Road Initiative (BRI) has brought the Chancay port to Peru.\n\n\
\"The port will open a new sea route between Asia and South America,\" Xi Jinping said. \
Exports to China rose from $10 billion to $11 billion in 2023, Boluarte said. \
Work on the port began in 2019.\n";

pub const CHANCAY: &str = "# Chancay port opens\n\n\
BEIJING, 14 November 2024 - Xi opened the Chancay port in Peru. \
The BRI has financed ports across Latin America. \
\"This is a great day for our two peoples,\" Xi said.\n\n\
Shipping time to Shanghai fell from 45 days to 23 days, officials said.\n";

pub const MAERSK: &str = "Maersk adds ships\n\n\
COPENHAGEN, 3 March 2024 - Maersk chief executive Vincent Clerc said the company would add 12 ships. \
\"We expect demand to grow in Asia,\" Clerc said on Monday.\n";

/// A folder with the three articles: `lima.txt`, `news/chancay.md`, `news/maersk.txt`.
pub fn article_folder(root: &Path) -> PathBuf {
    let folder = root.join("articles");
    std::fs::create_dir_all(folder.join("news")).unwrap();
    std::fs::write(folder.join("lima.txt"), LIMA).unwrap();
    std::fs::write(folder.join("news/chancay.md"), CHANCAY).unwrap();
    std::fs::write(folder.join("news/maersk.txt"), MAERSK).unwrap();
    folder
}

/// A library in `root` holding the three articles.
pub fn library_of_articles(root: &Path) -> Library {
    let folder = article_folder(root);
    let mut library = open_library(&root.join("library.sqlite"));
    let summary = library
        .add_folder(&folder, &mut |_| {}, &AtomicBool::new(false))
        .unwrap();
    assert_eq!(summary.added, 3, "{summary:?}");
    library
}

/// The id of the entity named `name`.
pub fn entity_named(library: &Library, name: &str) -> i64 {
    let found = library.entities(None, "", usize::MAX).unwrap();
    found
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name} in {found:?}"))
        .id
}

/// The id of the document whose file is named `name`.
pub fn document_named(library: &Library, name: &str) -> i64 {
    let documents = library
        .documents("", super::DocumentSort::default())
        .unwrap();
    documents
        .iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no document {name}"))
        .id
}

/// A small deterministic generator (a linear congruential one: the tests need variety,
/// not randomness).
pub struct Generator(u64);

impl Generator {
    pub fn new(seed: u64) -> Generator {
        Generator(
            seed.wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407),
        )
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

const FIRST: &[&str] = &[
    "Maria", "John", "Wei", "Fatima", "Carlos", "Anna", "Kenji", "Olga", "Ahmed", "Laura", "Pedro",
    "Ingrid", "Ravi", "Sofia", "Tomas", "Mei", "Daniel", "Amara", "Lucas", "Elena",
];
const LAST: &[&str] = &[
    "Garcia", "Smith", "Zhang", "Haddad", "Mendoza", "Kowalski", "Tanaka", "Petrova", "Hassan",
    "Rossi", "Silva", "Larsen", "Sharma", "Moreau", "Novak", "Lin", "Cohen", "Okafor", "Weber",
    "Ivanova",
];
const PLACES: &[&str] = &[
    "Peru", "Chile", "Brazil", "China", "Japan", "Germany", "Kenya", "Egypt", "India", "Mexico",
    "Lima", "Santiago", "Beijing", "Tokyo", "Berlin", "Nairobi", "Cairo", "Mumbai",
];
const ORGS: &[&str] = &[
    "the World Bank",
    "the International Monetary Fund",
    "Siemens",
    "Toyota",
    "Petrobras",
    "the United Nations",
    "the European Union",
    "Maersk",
    "Cosco Shipping",
    "Samsung",
];
const PROJECTS: &[&str] = &[
    "Belt and Road Initiative",
    "Chancay port",
    "Green Deal",
    "Panama Canal expansion",
    "Lagos light rail",
    "Gotthard Base Tunnel",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SUBJECTS: &[&str] = &[
    "The government",
    "Local residents",
    "Economists",
    "The ministry",
    "Union leaders",
    "Investors",
    "Environmental groups",
    "The opposition",
    "Shipping companies",
    "Farmers",
    "The central bank",
    "Port workers",
    "Diplomats",
    "Small businesses",
    "Regional officials",
];
const VERBS: &[&str] = &[
    "have questioned",
    "welcomed",
    "are studying",
    "warned about",
    "have criticised",
    "praised",
    "are waiting for",
    "raised concerns about",
    "asked for details of",
    "have long supported",
    "remain divided over",
    "expressed doubts about",
];
const OBJECTS: &[&str] = &[
    "the cost of the project",
    "the new trade rules",
    "the timetable for construction",
    "the impact on fishing communities",
    "the terms of the loan",
    "rising freight prices",
    "the environmental assessment",
    "the deal with foreign investors",
    "plans for a new highway",
    "the effect on jobs in the region",
    "the debt owed to overseas lenders",
    "the security of the supply chain",
    "the quality of local roads and railways",
];
const ENDINGS: &[&str] = &[
    "in recent months",
    "since the plan was announced",
    "according to people familiar with the talks",
    "despite repeated assurances",
    "as the deadline approaches",
    "in a series of public hearings",
    "while negotiations continue behind closed doors",
    "amid a slowing economy",
];

fn person(g: &mut Generator) -> (String, String) {
    let last = g.pick(LAST);
    (format!("{} {last}", g.pick(FIRST)), last.to_string())
}

/// A news article of about 4 to 7 KB, with the density of real news: a headline, a
/// dateline, a cast of a few people, places and organisations named again and again,
/// quotes, figures and dates, and many sentences naming nobody.
pub fn generated_article(g: &mut Generator) -> String {
    let (lead, lead_surname) = person(g);
    let (second, second_surname) = person(g);
    let (analyst, analyst_surname) = person(g);
    let place = g.pick(PLACES);
    let other_place = g.pick(PLACES);
    let org = g.pick(ORGS);
    let project = g.pick(PROJECTS);
    let mut text = format!(
        "{lead} backs {project} in {place}\n\n{}, {} {} 2024 - {lead} said on Tuesday that {org} would help fund the {project} in {place}, a plan that has divided opinion for years.",
        g.pick(PLACES).to_uppercase(),
        1 + g.below(28),
        g.pick(MONTHS),
    );
    for i in 0..44 {
        let sentence = match g.below(12) {
            0 => format!(
                " \"We will {} the {} together, and we will do it on time,\" {lead_surname} said.",
                g.pick(&["build", "finish", "finance", "review"]),
                g.pick(&["port", "railway", "plant", "road"]),
            ),
            1 => format!(
                " Exports from {place} rose {}% to ${} billion in {}, official figures show.",
                1 + g.below(30),
                2 + g.below(90),
                2015 + g.below(10)
            ),
            2 => format!(
                " {lead_surname} met {second} in {other_place} on {} {} {}.",
                1 + g.below(28),
                g.pick(MONTHS),
                2020 + g.below(5)
            ),
            3 => format!(
                " {org} said the {project} would employ at least {} workers.",
                100 * (1 + g.below(50))
            ),
            4 => format!(
                " {analyst}, an economist at {}, said the plan could {} trade with {other_place}.",
                g.pick(ORGS),
                g.pick(&["double", "transform", "slow", "reshape"])
            ),
            5 => format!(
                " \"The numbers do not add up yet,\" {analyst_surname} said, adding that {} {}.",
                g.pick(SUBJECTS).to_lowercase(),
                g.pick(VERBS)
            ),
            6 => format!(
                " {second_surname} told reporters that {place} and {other_place} would sign the agreement by {}.",
                g.pick(MONTHS)
            ),
            _ => format!(
                " {} {} {} {}.",
                g.pick(SUBJECTS),
                g.pick(VERBS),
                g.pick(OBJECTS),
                g.pick(ENDINGS)
            ),
        };
        text.push_str(&sentence);
        if i % 4 == 3 {
            text.push_str("\n\n");
            text.push_str(g.pick(&[
                "Talks continued into the evening.",
                "Still, a decision is expected before the end of the year.",
                "Meanwhile, critics pointed to similar projects that ran over budget.",
                "In the past, such plans have taken a decade to complete.",
            ]));
        }
    }
    text.push('\n');
    text
}
