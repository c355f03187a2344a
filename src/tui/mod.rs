//! The terminal interface, in the Elm style: a [`model::Model`], [`message::Message`]s made from
//! keys by [`keymap`], a pure [`update::update`] that returns [`effect::Effect`]s, and a pure
//! [`view`]. Only [`runtime`] touches the terminal and the database: it runs the effects and feeds
//! their results back as messages, so a tick is shown saved only after its commit returned.

// The coordinator's live view (issue 18 point 3).
pub mod coordination;
pub mod effect;
pub mod forms;
pub mod keymap;
pub mod message;
pub mod model;
pub mod runtime;
pub mod setup;
pub mod summary;
pub mod theme;
pub mod update;
pub mod view;
pub mod words;

pub use runtime::run;

#[cfg(test)]
mod tests;
