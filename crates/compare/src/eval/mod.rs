//! Measures of the comparison against development data, as `parallax eval briefs` and
//! `parallax eval claims` print them: briefs against reference roundups ([`rouge`]), and claims
//! that mix two events ([`event_mixing`]).

pub mod event_mixing;
pub mod rouge;

pub use rouge::{lcs_len, lead_tokens, rouge, rouge_n, rouge_tokens, Rouge};
