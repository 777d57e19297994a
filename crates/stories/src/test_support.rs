//! Inputs shared by the unit tests.

use chrono::NaiveDate;

use crate::features::{features, Features, StoryInput};

/// Features of an undated text without a headline.
pub(crate) fn plain(text: &str) -> Features {
    features(&StoryInput {
        headline: None,
        text,
        date: None,
    })
}

/// One report a day of a new event with names of its own, among a few recurring words. (With
/// only the town and lake its own, sixty days of "the storm flooded roads" read as one story.)
pub(crate) fn daily_event(day: u32) -> Features {
    let date = NaiveDate::from_ymd_opt(2025, 1, 1).map(|d| d + chrono::Duration::days(day as i64));
    features(&StoryInput {
        headline: None,
        text: &format!("Officials in Town{day} said Storm{day} flooded Road{day} near Lake{day} and River{day}."),
        date,
    })
}
