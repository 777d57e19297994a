//! Disjoint sets (union-find) over indices: copies grouped with their originals, quotes with
//! their wordings, articles with their neighbours.

/// Union-find with path halving. The smaller index of two joined sets becomes the root, so a
/// set's root is its first member: stable and deterministic, which output order relies on.
#[derive(Debug, Clone)]
pub struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    /// `n` singleton sets, `0..n`.
    pub fn new(n: usize) -> DisjointSets {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    /// The root (smallest member) of `x`'s set.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Join the sets of `a` and `b`.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_member_is_the_root() {
        let mut sets = DisjointSets::new(6);
        sets.union(4, 2);
        sets.union(5, 4);
        sets.union(3, 1);
        assert_eq!(
            (0..6).map(|i| sets.find(i)).collect::<Vec<_>>(),
            [0, 1, 2, 1, 2, 2]
        );
        sets.union(5, 3);
        assert_eq!(
            (0..6).map(|i| sets.find(i)).collect::<Vec<_>>(),
            [0, 1, 1, 1, 1, 1]
        );
    }
}
