//! The size budget: `size-budget.toml` holds the most brotli bytes the
//! dist may weigh, as three limits: what a Server-mode console downloads
//! on its first load, what it downloads once every page has been shown
//! (the first load and every lazily downloaded part), and what Demo mode
//! adds (the simulator's worker). A build over any fails. Lower the numbers when a change makes the build smaller; never
//! raise them to let one through.

use std::path::Path;

/// The limits, in brotli bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    /// The files a first visit downloads: `dist/` but the parts and the
    /// Demo simulator.
    pub first_load_brotli: usize,
    /// Every file of `dist/` but the Demo simulator's.
    pub server_brotli: usize,
    /// The Demo simulator's files (its worker).
    pub demo_brotli: usize,
}

/// What a build weighs, in brotli bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weight {
    pub first_load_brotli: usize,
    pub server_brotli: usize,
    pub demo_brotli: usize,
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
        let mut first_load = None;
        let mut server = None;
        let mut demo = None;
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
                "first_load_brotli" => first_load = Some(value),
                "server_brotli" => server = Some(value),
                "demo_brotli" => demo = Some(value),
                other => return Err(format!("size-budget.toml: unknown key {other:?}")),
            }
        }
        match (first_load, server, demo) {
            (Some(first_load_brotli), Some(server_brotli), Some(demo_brotli)) => Ok(Budget {
                first_load_brotli,
                server_brotli,
                demo_brotli,
            }),
            _ => Err(
                "size-budget.toml needs first_load_brotli, server_brotli and demo_brotli".into(),
            ),
        }
    }

    /// Every limit `weight` goes over, as sentences.
    pub fn overruns(&self, weight: Weight) -> Vec<String> {
        let mut over = Vec::new();
        for (what, actual, limit) in [
            (
                "The first load",
                weight.first_load_brotli,
                self.first_load_brotli,
            ),
            ("Server mode", weight.server_brotli, self.server_brotli),
            ("what Demo adds", weight.demo_brotli, self.demo_brotli),
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
        let text = "# limits\nfirst_load_brotli = 250_000\nserver_brotli = 371_000 # the console\n\ndemo_brotli=159000\n";
        assert_eq!(
            Budget::parse(text),
            Ok(Budget {
                first_load_brotli: 250_000,
                server_brotli: 371_000,
                demo_brotli: 159_000
            })
        );
        assert!(
            Budget::parse("server_brotli = 1\ndemo_brotli = 1").is_err(),
            "all three limits"
        );
        assert!(Budget::parse("server_brotli = x\ndemo_brotli = 1").is_err());
        assert!(Budget::parse("other = 1").is_err());
    }

    #[test]
    fn only_a_heavier_build_is_refused() {
        let budget = Budget {
            first_load_brotli: 50,
            server_brotli: 100,
            demo_brotli: 80,
        };
        let within = Weight {
            first_load_brotli: 50,
            server_brotli: 100,
            demo_brotli: 80,
        };
        assert!(budget.overruns(within).is_empty());
        let heavier = Weight {
            first_load_brotli: 50,
            server_brotli: 101,
            demo_brotli: 90,
        };
        assert_eq!(
            budget.overruns(heavier),
            [
                "Server mode weighs 101 B brotli, 1 B over its budget of 100 B",
                "what Demo adds weighs 90 B brotli, 10 B over its budget of 80 B"
            ]
        );
    }
}
