//! Proportions as reports show them: the count behind the figure, the percentage, and a 95 %
//! Wilson score interval once enough households were observed (see `docs/findings.md`).

use serde::Serialize;

/// The normal quantile for a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Households that must have been observed before an interval is given. Below this the sample
/// is too small for the interval to mean much, and only the counts are shown.
pub const MIN_HOUSEHOLDS: usize = 10;

/// A confidence interval for a proportion, both ends between 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// Lower end.
    pub low: f64,
    /// Upper end.
    pub high: f64,
}

/// The 95 % Wilson score interval of `count` successes out of `total` trials; `None` when
/// `total` is 0 or `count` exceeds it.
///
/// `p̂ = k/n`, `centre = (p̂ + z²/2n) / (1 + z²/n)`,
/// `half = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)`. Unlike the textbook `p̂ ± z√(p̂(1−p̂)/n)`
/// it stays inside [0, 1] and is not degenerate at 0 % or 100 %.
pub fn wilson(count: u32, total: u32) -> Option<Interval> {
    if total == 0 || count > total {
        return None;
    }
    let n = f64::from(total);
    let p = f64::from(count) / n;
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z95 / denominator * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(Interval {
        low: round4((centre - half).max(0.0)),
        high: round4((centre + half).min(1.0)),
    })
}

/// Rounds to 4 decimals (0.01 %), so that reports and snapshots do not depend on the last bits.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// A proportion with what it was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rate {
    /// What was counted (missing envelopes, non-receipts).
    pub count: u32,
    /// Out of how many (voters at the observed addresses).
    pub total: u32,
    /// `count / total` as a percentage rounded to 0.1; `None` when `total` is 0.
    pub percent: Option<f64>,
    /// How many households the figures come from.
    pub households: usize,
    /// The 95 % Wilson interval, given from [`MIN_HOUSEHOLDS`] households on.
    pub interval: Option<Interval>,
}

impl Rate {
    /// `count` out of `total`, observed over `households` households.
    pub fn new(count: u32, total: u32, households: usize) -> Self {
        let percent = (total > 0 && count <= total)
            .then(|| (f64::from(count) * 1000.0 / f64::from(total)).round() / 10.0);
        let interval = if households >= MIN_HOUSEHOLDS {
            wilson(count, total)
        } else {
            None
        };
        Self {
            count,
            total,
            percent,
            households,
            interval,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_published_values() {
        // Newcombe (1998), table I: 81/263 → 0.2553 – 0.3662.
        let i = wilson(81, 263).unwrap();
        assert_eq!((i.low, i.high), (0.2553, 0.3662));
        // 15/148 → 0.0624 – 0.1605.
        let i = wilson(15, 148).unwrap();
        assert_eq!((i.low, i.high), (0.0624, 0.1605));
    }

    #[test]
    fn wilson_is_not_degenerate_at_the_bounds() {
        let zero = wilson(0, 20).unwrap();
        assert_eq!(zero.low, 0.0);
        assert!(zero.high > 0.1 && zero.high < 0.2, "{zero:?}");
        let all = wilson(20, 20).unwrap();
        assert_eq!(all.high, 1.0);
        assert!(all.low > 0.8 && all.low < 0.9, "{all:?}");
    }

    #[test]
    fn no_interval_without_trials_or_with_impossible_counts() {
        assert_eq!(wilson(0, 0), None);
        assert_eq!(wilson(5, 4), None);
    }

    #[test]
    fn a_rate_keeps_its_counts_and_waits_for_ten_households() {
        let r = Rate::new(3, 4, 1);
        assert_eq!((r.count, r.total, r.percent), (3, 4, Some(75.0)));
        assert_eq!(r.interval, None);
        let r = Rate::new(6, 40, MIN_HOUSEHOLDS - 1);
        assert_eq!(r.interval, None);
        let r = Rate::new(6, 40, MIN_HOUSEHOLDS);
        assert_eq!(r.percent, Some(15.0));
        let i = r.interval.unwrap();
        assert!(i.low < 0.15 && 0.15 < i.high, "{i:?}");
        assert_eq!(Rate::new(0, 0, 0).percent, None);
        assert_eq!(Rate::new(1, 3, 0).percent, Some(33.3));
    }
}
