//! factdiff: cross-checks news articles about the same event and reports
//! where they disagree.
//!
//! The pipeline runs one way: [`ingest`] → [`normalize`] → [`extract`] →
//! [`group`] → [`align`] → [`classify`] → [`report`].

pub mod compare_entities;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod normalize;
pub mod resolve;
