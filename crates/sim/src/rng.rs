use serde::{Deserialize, Serialize};

/// xorshift64*: small, deterministic for a given seed, good enough for
/// simulated token strings (they are not a security boundary).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { state: seed | 1 }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// `count` random lowercase hex characters.
    pub fn hex(&mut self, count: usize) -> String {
        let mut out = String::with_capacity(count);
        while out.len() < count {
            out.push_str(&format!("{:016x}", self.next_u64()));
        }
        out.truncate(count);
        out
    }
}
