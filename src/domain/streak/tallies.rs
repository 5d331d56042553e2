//! What each day holds for one commitment, kept densely (a slot per day from the
//! first day recorded) so the rules can ask about any day or week in constant time:
//! ten years of history is 3,650 small slots.

use chrono::NaiveDate;

/// One day's check-ins for a commitment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub check_ins: u32,
    pub backfilled: u32,
    /// The connection goal was met that day.
    pub by_connections: bool,
}

impl Tally {
    /// What the day counts for: its check-ins, or one when only the connection goal
    /// kept it.
    pub fn count(self) -> u32 {
        self.check_ins.max(u32::from(self.by_connections))
    }
}

/// The tallies of consecutive days from `base`.
#[derive(Debug, Clone, Default)]
pub struct Tallies {
    base: Option<NaiveDate>,
    slots: Vec<Tally>,
}

impl Tallies {
    /// The first day that has anything.
    pub fn first(&self) -> Option<NaiveDate> {
        self.base
    }

    pub fn get(&self, date: NaiveDate) -> Tally {
        self.index(date)
            .and_then(|index| self.slots.get(index))
            .copied()
            .unwrap_or_default()
    }

    /// The slot of `date`, made (with empty days between) if needed.
    pub fn entry(&mut self, date: NaiveDate) -> &mut Tally {
        let base = *self.base.get_or_insert(date);
        if date < base {
            // Days usually arrive oldest first; an earlier one shifts the rest along.
            let shift = days_between(date, base);
            self.slots
                .splice(0..0, std::iter::repeat_n(Tally::default(), shift));
            self.base = Some(date);
        }
        let index = days_between(self.base.unwrap_or(date), date);
        if index >= self.slots.len() {
            self.slots.resize(index + 1, Tally::default());
        }
        &mut self.slots[index]
    }

    /// The sum of the counts from `first` to `last`, both included.
    pub fn count_between(&self, first: NaiveDate, last: NaiveDate) -> u32 {
        let Some(base) = self.base else {
            return 0;
        };
        let from = if first < base {
            0
        } else {
            days_between(base, first)
        };
        if last < base || from >= self.slots.len() {
            return 0;
        }
        let to = days_between(base, last).min(self.slots.len() - 1);
        self.slots[from..=to]
            .iter()
            .map(|tally| tally.count())
            .sum()
    }

    /// The slot index of `date`, `None` before the first day.
    fn index(&self, date: NaiveDate) -> Option<usize> {
        let base = self.base?;
        (date >= base).then(|| days_between(base, date))
    }
}

/// Whole days from `earlier` to `later` (`later` not before `earlier`).
fn days_between(earlier: NaiveDate, later: NaiveDate) -> usize {
    usize::try_from((later - earlier).num_days()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    fn day(n: u64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 1).unwrap() + Days::new(n)
    }

    #[test]
    fn days_may_arrive_in_any_order() {
        let mut tallies = Tallies::default();
        assert_eq!(tallies.count_between(day(0), day(30)), 0);
        tallies.entry(day(10)).check_ins += 1;
        tallies.entry(day(12)).check_ins += 2;
        tallies.entry(day(3)).by_connections = true;
        assert_eq!(tallies.first(), Some(day(3)));
        assert_eq!(tallies.get(day(12)).count(), 2);
        assert_eq!(tallies.get(day(3)).count(), 1);
        assert_eq!(tallies.get(day(0)).count(), 0);
        assert_eq!(tallies.get(day(99)).count(), 0);
        assert_eq!(tallies.count_between(day(0), day(30)), 4);
        assert_eq!(tallies.count_between(day(4), day(11)), 1);
        assert_eq!(tallies.count_between(day(13), day(30)), 0);
        assert_eq!(tallies.count_between(day(0), day(2)), 0);
    }
}
