//! German-aware text similarity and clustering of proposals, on the CPU, with no model and no
//! network: the same code serves the moderator's "group similar proposals" and the command
//! `plenum suggest-clusters`.
//!
//! 1. Normalisation: lower case, `ß` → `ss`, the Snowball German stemmer (plural and case forms),
//!    then umlauts and their `ae`/`oe`/`ue` spellings folded to one form; stop words dropped.
//! 2. Two views of each proposal (title counted twice, then the text): the stems, and the
//!    character 3- to 5-grams of each stem (so "Antisemitismus-Fortbildung" meets
//!    "Fortbildung zu Antisemitismus", and compounds meet their parts).
//! 3. Sublinear TF-IDF over the proposals at hand, cosine similarity of each view, the mean of
//!    both; proposals of the same action field count 1.3 times as similar.
//! 4. Average-linkage agglomerative clustering until no two groups are more similar than the
//!    threshold.
//!
//! The parameters were chosen on `clusters-dev.jsonl` from a coarse grid, where a wide region
//! (threshold 0.08–0.12, title weight 1–2, field factor 1.15–1.3) scores alike; no word list
//! comes from that data.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

/// One proposal to group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub title: String,
    pub text: String,
    pub action_field: String,
}

/// The knobs of the method; [`Params::default`] is what Plenum uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    pub title_weight: usize,
    pub gram_min: usize,
    pub gram_max: usize,
    /// Share of the stem view in the similarity (the rest is the character n-gram view).
    pub stem_share: f32,
    pub same_field_factor: f32,
    pub threshold: f32,
}

impl Default for Params {
    fn default() -> Self {
        Self { title_weight: 2, gram_min: 3, gram_max: 5, stem_share: 0.5, same_field_factor: 1.3, threshold: 0.09 }
    }
}

/// Function words of German and English, dropped before comparing.
const STOP_WORDS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder", "aber",
    "auch", "als", "an", "am", "auf", "aus", "bei", "bis", "durch", "fuer", "für", "gegen", "in", "im", "ins", "mit",
    "nach", "noch", "nur", "ob", "ohne", "seit", "so", "ueber", "über", "um", "unter", "von", "vom", "vor", "wie",
    "wo", "zu", "zum", "zur", "zwischen", "ist", "sind", "war", "wird", "werden", "wurde", "sein", "hat", "haben",
    "hatte", "kann", "koennen", "können", "muss", "muessen", "müssen", "soll", "sollen", "sollte", "sollten", "will",
    "wollen", "es", "er", "sie", "wir", "ihr", "ich", "du", "man", "sich", "nicht", "kein", "keine", "keinen", "mehr",
    "sehr", "viel", "viele", "alle", "allen", "jeder", "jede", "jedes", "dass", "daß", "da", "dann", "denn", "doch",
    "hier", "dort", "mal", "ja", "nein", "schon", "immer", "etwas", "was", "wer", "wenn", "weil", "damit", "dafür",
    "dafuer", "dabei", "diese", "dieser", "dieses", "diesen", "diesem", "mein", "unser", "unsere", "euer", "eure",
    "the", "a", "an", "and", "or", "of", "to", "for", "in", "on", "with", "at", "by", "is", "are", "be", "we", "our",
    "more",
];

/// Umlauts and their two-letter spellings in one form: `ä`, `ae` → `a` (likewise o, u).
#[must_use]
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            'ä' => out.push('a'),
            'ö' => out.push('o'),
            'ü' => out.push('u'),
            'ß' => out.push_str("ss"),
            'a' | 'o' | 'u' if chars.peek() == Some(&'e') => {
                chars.next();
                out.push(c);
            }
            other => out.push(other),
        }
    }
    out
}

/// The normalised stems of a text, stop words left out.
#[must_use]
pub fn stems(stemmer: &Stemmer, text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() > 1 && !STOP_WORDS.contains(&w.as_str()))
        .map(|w| fold(&stemmer.stem(&w.replace('ß', "ss"))))
        .filter(|s| !s.is_empty())
        .collect()
}

fn grams(stems: &[String], min: usize, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    for stem in stems {
        let chars: Vec<char> = format!("<{stem}>").chars().collect();
        for n in min..=max {
            if chars.len() < n {
                if n == min {
                    out.push(chars.iter().collect());
                }
                continue;
            }
            out.extend(chars.windows(n).map(|w| w.iter().collect::<String>()));
        }
    }
    out
}

/// Sparse unit vectors, sorted by term index.
type Vector = Vec<(u32, f32)>;

fn tfidf(docs: &[Vec<String>]) -> Vec<Vector> {
    let mut index: HashMap<&str, u32> = HashMap::new();
    let mut df: Vec<u32> = Vec::new();
    let counted: Vec<HashMap<u32, u32>> = docs
        .iter()
        .map(|doc| {
            let mut tf: HashMap<u32, u32> = HashMap::new();
            for term in doc {
                let next = u32::try_from(index.len()).unwrap_or(u32::MAX);
                let id = *index.entry(term.as_str()).or_insert(next);
                if id as usize == df.len() {
                    df.push(0);
                }
                *tf.entry(id).or_default() += 1;
            }
            for id in tf.keys() {
                df[*id as usize] += 1;
            }
            tf
        })
        .collect();
    let n = docs.len() as f32;
    counted
        .into_iter()
        .map(|tf| {
            let mut v: Vector = tf
                .into_iter()
                .map(|(id, c)| {
                    let idf = ((1.0 + n) / (1.0 + df[id as usize] as f32) + 1.0).ln();
                    (id, (1.0 + (c as f32).ln()) * idf)
                })
                .collect();
            let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt().max(f32::MIN_POSITIVE);
            for (_, x) in &mut v {
                *x /= norm;
            }
            v.sort_unstable_by_key(|(id, _)| *id);
            v
        })
        .collect()
}

fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The pairwise similarities of the items (row-major, `n × n`).
#[must_use]
pub fn similarities(items: &[Item], params: &Params) -> Vec<f32> {
    let stemmer = Stemmer::create(Algorithm::German);
    let mut stem_docs = Vec::with_capacity(items.len());
    let mut gram_docs = Vec::with_capacity(items.len());
    for item in items {
        let title = stems(&stemmer, &item.title);
        let text = stems(&stemmer, &item.text);
        let mut words = Vec::new();
        for _ in 0..params.title_weight {
            words.extend(title.iter().cloned());
        }
        words.extend(text);
        gram_docs.push(grams(&words, params.gram_min, params.gram_max));
        stem_docs.push(words);
    }
    let (by_stem, by_gram) = (tfidf(&stem_docs), tfidf(&gram_docs));
    let n = items.len();
    let mut sim = vec![0.0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let mut s = params.stem_share * cosine(&by_stem[i], &by_stem[j])
                + (1.0 - params.stem_share) * cosine(&by_gram[i], &by_gram[j]);
            if items[i].action_field == items[j].action_field {
                s *= params.same_field_factor;
            }
            sim[i * n + j] = s;
            sim[j * n + i] = s;
        }
    }
    sim
}

/// Groups the items: the cluster number of each item (numbered from 0 in order of first item).
#[must_use]
pub fn cluster(items: &[Item], params: &Params) -> Vec<usize> {
    let n = items.len();
    let mut sim = similarities(items, params);
    let mut size = vec![1usize; n];
    let mut active = vec![true; n];
    let mut parent: Vec<usize> = (0..n).collect();
    // The most similar other active group of each group.
    let best_of = |sim: &[f32], active: &[bool], i: usize| -> (f32, usize) {
        (0..n)
            .filter(|&j| j != i && active[j])
            .map(|j| (sim[i * n + j], j))
            .fold((f32::MIN, i), |a, b| if b.0 > a.0 { b } else { a })
    };
    let mut best: Vec<(f32, usize)> = (0..n).map(|i| best_of(&sim, &active, i)).collect();
    while let Some((a, (s, b))) =
        (0..n).filter(|&i| active[i]).map(|i| (i, best[i])).max_by(|x, y| x.1.0.total_cmp(&y.1.0))
    {
        if s < params.threshold || a == b {
            break;
        }
        // Merge b into a; average linkage: size-weighted mean of the similarities.
        active[b] = false;
        parent[b] = a;
        let (sa, sb) = (size[a] as f32, size[b] as f32);
        for c in 0..n {
            if active[c] && c != a {
                let merged = (sa * sim[a * n + c] + sb * sim[b * n + c]) / (sa + sb);
                sim[a * n + c] = merged;
                sim[c * n + a] = merged;
            }
        }
        size[a] += size[b];
        best[a] = best_of(&sim, &active, a);
        for c in 0..n {
            if !active[c] || c == a {
                continue;
            }
            if best[c].1 == a || best[c].1 == b {
                best[c] = best_of(&sim, &active, c);
            } else if sim[c * n + a] > best[c].0 {
                best[c] = (sim[c * n + a], a);
            }
        }
    }
    let root = |mut i: usize| {
        while parent[i] != i {
            i = parent[i];
        }
        i
    };
    let mut numbers: HashMap<usize, usize> = HashMap::new();
    (0..n)
        .map(|i| {
            let next = numbers.len();
            *numbers.entry(root(i)).or_insert(next)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: &str, field: &str) -> Item {
        Item { title: title.into(), text: String::new(), action_field: field.into() }
    }

    #[test]
    fn umlauts_their_spellings_and_sharp_s_meet() {
        let stemmer = Stemmer::create(Algorithm::German);
        assert_eq!(stems(&stemmer, "Lehrkräfte"), stems(&stemmer, "LEHRKRAEFTE"));
        assert_eq!(stems(&stemmer, "Straße"), stems(&stemmer, "Strasse"));
        assert_eq!(stems(&stemmer, "Fortbildungen für Schulen"), stems(&stemmer, "Fortbildung Schule"));
        assert_eq!(fold("übergänge"), "ubergange");
        assert_eq!(fold("uebergaenge"), "ubergange");
    }

    #[test]
    fn stop_words_are_dropped() {
        let stemmer = Stemmer::create(Algorithm::German);
        assert_eq!(stems(&stemmer, "Die Stadt und der Verein"), stems(&stemmer, "Stadt Verein"));
    }

    #[test]
    fn compounds_meet_their_parts() {
        let items = [
            item("Antisemitismus-Fortbildung", "Bildung"),
            item("Fortbildung zu Antisemitismus", "Bildung"),
            item("Straßenfest im Quartier", "Wohnen"),
        ];
        let sim = similarities(&items, &Params::default());
        assert!(sim[1] > 0.3, "compound and phrase: {}", sim[1]);
        assert!(sim[1] > 3.0 * sim[2], "unrelated stays apart: {} vs {}", sim[1], sim[2]);
    }

    #[test]
    fn near_duplicates_are_grouped_and_others_stay_apart() {
        let items = [
            item("Antirassismus-Training für Lehrkräfte", "Bildung"),
            item("Fortbildungen für Lehrer zu Rassismus", "Bildung"),
            item("Anonymisierte Bewerbungsverfahren in der Verwaltung", "Arbeit"),
            item("Anonyme Bewerbungen bei der Stadtverwaltung", "Arbeit"),
            item("Mehr Straßenfeste", "Wohnen"),
        ];
        let labels = cluster(&items, &Params::default());
        assert_eq!(labels[0], labels[1]);
        assert_eq!(labels[2], labels[3]);
        assert_ne!(labels[0], labels[2]);
        assert_ne!(labels[4], labels[0]);
        assert_ne!(labels[4], labels[2]);
    }

    #[test]
    fn empty_and_single_inputs_work() {
        assert!(cluster(&[], &Params::default()).is_empty());
        assert_eq!(cluster(&[item("Allein", "x")], &Params::default()), vec![0]);
    }
}
