//! The size budget: `size-budget.toml` holds the most brotli bytes the
//! dist may weigh, and a build over it fails. Lower the numbers when a
//! change makes the build smaller; never raise them to let one through.

use std::path::Path;

/// The limits, in brotli bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    /// Every file of `dist/` together.
    pub total_brotli: usize,
    /// The wasm alone.
    pub wasm_brotli: usize,
}

/// What a build weighs, in brotli bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weight {
    pub total_brotli: usize,
    pub wasm_brotli: usize,
}

impl Budget {
    /// Reads the budget file next to the workspace's `Cargo.toml`.
    pub fn load(root: &Path) -> Result<Budget, String> {
        let path = root.join("size-budget.toml");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Budget::parse(&text)
    }

    /// Parses `key = number` lines; `#` starts a comment, `_` may group digits.
    pub fn parse(text: &str) -> Result<Budget, String> {
        let mut total = None;
        let mut wasm = None;
        for (number, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let (key, value) = line.split_once('=').ok_or_else(|| {
                format!(
                    "size-budget.toml line {}: expected key = number",
                    number + 1
                )
            })?;
            let value: usize = value
                .trim()
                .replace('_', "")
                .parse()
                .map_err(|_| format!("size-budget.toml line {}: not a number", number + 1))?;
            match key.trim() {
                "total_brotli" => total = Some(value),
                "wasm_brotli" => wasm = Some(value),
                other => return Err(format!("size-budget.toml: unknown key {other:?}")),
            }
        }
        match (total, wasm) {
            (Some(total_brotli), Some(wasm_brotli)) => Ok(Budget {
                total_brotli,
                wasm_brotli,
            }),
            _ => Err("size-budget.toml needs total_brotli and wasm_brotli".into()),
        }
    }

    /// Every limit `weight` goes over, as sentences.
    pub fn overruns(&self, weight: Weight) -> Vec<String> {
        let mut over = Vec::new();
        for (what, actual, limit) in [
            ("the dist", weight.total_brotli, self.total_brotli),
            ("the wasm", weight.wasm_brotli, self.wasm_brotli),
        ] {
            if actual > limit {
                over.push(format!(
                    "{what} weighs {actual} B brotli, {} B over its budget of {limit} B",
                    actual - limit
                ));
            }
        }
        over
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_limits_with_comments_and_grouped_digits() {
        let text = "# limits\ntotal_brotli = 371_000 # all files\n\nwasm_brotli=359000\n";
        assert_eq!(
            Budget::parse(text),
            Ok(Budget {
                total_brotli: 371_000,
                wasm_brotli: 359_000
            })
        );
        assert!(Budget::parse("total_brotli = 1").is_err(), "both limits");
        assert!(Budget::parse("total_brotli = x\nwasm_brotli = 1").is_err());
        assert!(Budget::parse("other = 1").is_err());
    }

    #[test]
    fn only_a_heavier_build_is_refused() {
        let budget = Budget {
            total_brotli: 100,
            wasm_brotli: 80,
        };
        let within = Weight {
            total_brotli: 100,
            wasm_brotli: 80,
        };
        assert!(budget.overruns(within).is_empty());
        let heavier = Weight {
            total_brotli: 101,
            wasm_brotli: 90,
        };
        assert_eq!(
            budget.overruns(heavier),
            [
                "the dist weighs 101 B brotli, 1 B over its budget of 100 B",
                "the wasm weighs 90 B brotli, 10 B over its budget of 80 B"
            ]
        );
    }
}
