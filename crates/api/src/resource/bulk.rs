//! Deleting several records where the API deletes one at a time: what
//! happened, counted as it goes, and the sentence that sums it up.

/// The progress and outcome of one bulk delete.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BulkDelete {
    /// Records chosen.
    pub total: usize,
    /// Records deleted (a record already gone counts: the user's aim is met).
    pub deleted: usize,
    /// Records not deleted: their id and why.
    pub failed: Vec<(String, String)>,
    /// The user stopped it before the end.
    pub stopped: bool,
}

impl BulkDelete {
    pub fn new(total: usize) -> BulkDelete {
        BulkDelete {
            total,
            ..BulkDelete::default()
        }
    }

    /// Records tried so far.
    pub fn tried(&self) -> usize {
        self.deleted + self.failed.len()
    }

    /// Whether every record has been tried.
    pub fn finished(&self) -> bool {
        self.tried() >= self.total
    }

    /// One sentence for the user: how many of how many, and what is left.
    ///
    /// ## Usage
    /// ```
    /// use userdesk_api::resource::bulk::BulkDelete;
    /// let mut run = BulkDelete::new(3);
    /// run.deleted = 2;
    /// run.failed.push(("7".into(), "The server failed.".into()));
    /// assert_eq!(run.summary("app keys"), "Deleted 2 of 3 app keys; 1 failed.");
    /// ```
    pub fn summary(&self, plural: &str) -> String {
        let (done, total, failed) = (self.deleted, self.total, self.failed.len());
        let untried = self.total.saturating_sub(self.tried());
        if self.stopped && untried > 0 {
            format!("Stopped: deleted {done} of {total} {plural}; {failed} failed, {untried} not tried.")
        } else if failed == 0 {
            format!("Deleted {done} {plural}.")
        } else {
            format!("Deleted {done} of {total} {plural}; {failed} failed.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_up_success_failure_and_a_stop() {
        let mut run = BulkDelete::new(4);
        assert!(!run.finished());
        run.deleted = 4;
        assert!(run.finished());
        assert_eq!(run.summary("terms"), "Deleted 4 terms.");

        let mut run = BulkDelete::new(4);
        run.deleted = 1;
        run.failed.push(("2".into(), "no".into()));
        run.stopped = true;
        assert_eq!(run.tried(), 2);
        assert_eq!(
            run.summary("terms"),
            "Stopped: deleted 1 of 4 terms; 1 failed, 2 not tried."
        );
        run.deleted = 3;
        assert_eq!(run.summary("terms"), "Deleted 3 of 4 terms; 1 failed.");
    }
}
