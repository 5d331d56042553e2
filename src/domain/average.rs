//! How an average is shown: to one decimal, a half rounded up (away from zero), so
//! 4.25 reads 4.3. The one rule for every screen, command and export (Trends, the
//! weekly review, insights, `stats`, an export's trends), so a week's energy never
//! reads 4.2 in one place and 4.3 in another.
//!
//! Rust's own `{:.1}` would not do: it rounds the binary value exactly, so 4.25
//! (a tie) becomes 4.2 while 4.35 (stored as 4.3499999...) becomes 4.3.

/// `value` in tenths, a half rounded away from zero: 43 for 4.25, 34 for 3.35.
///
/// Averages arrive as `f32` sums divided by counts, a hair off the decimal they
/// stand for (3.35 is 3.3499999); a millionth of the value is added back before
/// rounding so a true half rounds up as it reads.
pub fn tenths(value: impl Into<f64>) -> i64 {
    let value = value.into();
    let scaled = value.abs() * 10.0;
    let rounded = (scaled + scaled * 1e-6 + 1e-9 + 0.5).floor() as i64;
    if value < 0.0 { -rounded } else { rounded }
}

/// Tenths as text: `4.3` for 43, `-0.5` for -5.
pub fn tenths_text(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

/// `value` to one decimal by [`tenths`]: `4.3` for 4.25.
pub fn one_decimal(value: impl Into<f64>) -> String {
    tenths_text(tenths(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_half_rounds_up_as_it_reads() {
        // The week of 19 October: energy 4, 4, 5, 4 is 4.25.
        assert_eq!(one_decimal(17.0f32 / 4.0), "4.3");
        assert_eq!(one_decimal(4.25f32), "4.3");
        assert_eq!(one_decimal(4.24f32), "4.2");
        // Halves the binary value keeps a hair below: 3.35, 0.35, 2.45.
        assert_eq!(one_decimal(67.0f32 / 20.0), "3.4");
        assert_eq!(one_decimal(0.35f32), "0.4");
        assert_eq!(one_decimal(2.45f64), "2.5");
        // Averages of one to seven 1-to-5 ratings read as exact decimal arithmetic
        // rounds them.
        for count in 1..=7u32 {
            for sum in count..=5 * count {
                let exact = (sum * 100 / count + 5) / 10;
                assert_eq!(
                    tenths(sum as f32 / count as f32),
                    i64::from(exact),
                    "{sum}/{count}"
                );
            }
        }
        assert_eq!(one_decimal(3.0f32), "3.0");
        assert_eq!(one_decimal(0.0f32), "0.0");
        assert_eq!(one_decimal(-1.25f32), "-1.3");
        assert_eq!(one_decimal(-0.04f32), "0.0");
        assert_eq!(tenths_text(35), "3.5");
        assert_eq!(tenths_text(-5), "-0.5");
        assert_eq!(one_decimal(1234.56f64), "1234.6");
    }
}
