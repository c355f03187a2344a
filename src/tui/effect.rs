//! Effects: what `update` asks the runtime to do.

use crate::domain::EventBody;

/// Work for the runtime. Its result comes back as a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Append this event and commit it; answer with `Saved` or `SaveFailed` for `group`.
    Persist {
        /// The change this event belongs to (one key press can make several events).
        group: u64,
        /// What to record.
        body: EventBody,
    },
}
