//! factdiff: cross-checks news articles about the same event and reports
//! where they disagree.
//!
//! The pipeline runs one way: [`ingest`] → [`normalize`] → [`extract`] →
//! [`group`] → [`align`] → [`classify`] (and [`compare_entities`], with
//! [`resolve`] for names) → [`report`]. [`compare`] runs it all.

pub mod align;
pub mod baseline;
pub mod calendar;
pub mod classify;
pub mod cli;
pub mod compare;
pub mod compare_entities;
pub mod config;
pub mod extract;
pub mod group;
pub mod ingest;
pub mod model;
pub mod normalize;
pub mod output;
pub mod report;
pub mod resolve;
pub mod translit;
pub mod word_regex;
