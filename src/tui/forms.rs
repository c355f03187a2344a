//! The small forms of the interface: the household envelope and the non-receipt.

/// The household envelope form: voters at the address and envelopes received.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvelopeForm {
    /// Text typed for the voters.
    pub voters: String,
    /// Text typed for the envelopes received.
    pub received: String,
    /// 0: voters, 1: received.
    pub focus: usize,
    /// Why the last submission was refused.
    pub error: Option<String>,
}

impl EnvelopeForm {
    /// The field with the focus.
    pub fn focused_mut(&mut self) -> &mut String {
        if self.focus == 0 {
            &mut self.voters
        } else {
            &mut self.received
        }
    }
}

/// The picker: a query and the places matching it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    /// What was typed.
    pub query: String,
    /// Matching places (indexes into the model's place index), best first, at most a screenful.
    pub hits: Vec<usize>,
    /// How many places matched in all.
    pub total: usize,
    /// The highlighted hit.
    pub selected: usize,
}

/// The non-receipt form: the voter's name, optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NonReceiptForm {
    /// Text typed for the voter's name.
    pub voter: String,
    /// Why the last submission was refused.
    pub error: Option<String>,
}
