//! Sparse vectors: `(term, weight)` pairs sorted by term, the shape every similarity in Parallax
//! takes (sentences in `compare`, articles in `stories`).

use std::iter::Sum;
use std::ops::{Add, Div, Mul};

/// A vector weight: `f32` where memory counts (story clustering), `f64` elsewhere.
pub trait Weight:
    Copy + PartialOrd + Add<Output = Self> + Mul<Output = Self> + Div<Output = Self> + Sum
{
    const ZERO: Self;
    /// The smallest norm divided by: an empty vector stays empty instead of turning into NaN.
    const MIN_NORM: Self;
    fn sqrt(self) -> Self;
}

impl Weight for f32 {
    const ZERO: f32 = 0.0;
    const MIN_NORM: f32 = 1e-9;
    fn sqrt(self) -> f32 {
        f32::sqrt(self)
    }
}

impl Weight for f64 {
    const ZERO: f64 = 0.0;
    const MIN_NORM: f64 = 1e-9;
    fn sqrt(self) -> f64 {
        f64::sqrt(self)
    }
}

/// The Euclidean norm.
pub fn norm<T, W: Weight>(v: &[(T, W)]) -> W {
    v.iter().map(|&(_, w)| w * w).sum::<W>().sqrt()
}

/// Scale to unit length (an all-zero vector stays as it is).
pub fn normalize<T, W: Weight>(v: &mut [(T, W)]) {
    let n = norm(v);
    let n = if n > W::MIN_NORM { n } else { W::MIN_NORM };
    for (_, w) in v.iter_mut() {
        *w = *w / n;
    }
}

/// The dot product of two vectors sorted by term (their cosine when both have unit length).
pub fn dot<T: Ord, W: Weight>(a: &[(T, W)], b: &[(T, W)]) -> W {
    let (mut i, mut j) = (0, 0);
    let mut sum = W::ZERO;
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum = sum + a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_vectors_and_their_cosine() {
        let mut a = vec![(1u32, 3.0f64), (4, 4.0)];
        normalize(&mut a);
        assert_eq!(a, vec![(1, 0.6), (4, 0.8)]);
        let b = vec![(2u32, 1.0f64), (4, 1.0)];
        assert!((dot(&a, &b) - 0.8).abs() < 1e-12);
        assert_eq!(dot(&a, &[]), 0.0);
        let mut empty: Vec<(u32, f32)> = vec![(7, 0.0)];
        normalize(&mut empty);
        assert_eq!(empty, vec![(7, 0.0)]);
    }
}
