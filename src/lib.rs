//! factdiff: cross-checks news articles about the same event and reports
//! where they disagree.
//!
//! The pipeline runs one way: [`ingest`] → [`normalize`] → [`extract`] →
//! [`group`] → [`align`] → [`classify`] → [`report`]. [`align`] gives every
//! fact, of every kind, a slot keyed by meaning (with [`classes`] for the
//! words, [`resolve`] for names, [`office`] for titles); [`classify`] judges
//! each slot. [`compare`] runs it all.

pub mod align;
pub mod baseline;
pub mod calendar;
pub mod classes;
pub mod classify;
pub mod cli;
pub mod compare;
pub mod config;
pub mod cues;
pub mod extract;
pub mod group;
pub mod ingest;
pub mod letters;
pub mod model;
pub mod normalize;
pub mod office;
pub mod output;
pub mod report;
pub mod resolve;
pub mod translit;
pub mod word_regex;
