//! `constat photo`: attaches photos as evidence (issue 19), through
//! [`crate::app::photos::attach`], the function every front end calls.

use super::Context;
use crate::app::photos::{Attach, attach};
use crate::app::place::{bureau_or_current, bureaux_of, candidate, circonscription};
use crate::cli::PhotoArgs;
use crate::domain::outside::escape;
use crate::domain::{EventBody, EventId, Item, PhotoSubject, RecordState};
use crate::error::{Error, check_text};
use crate::i18n::Message;

/// `constat photo`.
pub fn run(args: &PhotoArgs, ctx: &mut Context<'_>) -> Result<(), Error> {
    let mut store = ctx.open_store()?;
    let (circ, candidates) = circonscription(&store, &args.circonscription)?;
    let circ = circ.code;
    let mut bureau = bureau_or_current(&store, &circ, args.bureau.as_deref())?;
    let of = match (&args.candidate, args.item, &args.non_receipt) {
        (Some(raw), Some(item), _) => PhotoSubject::Cell {
            panel: candidate(&candidates, &circ, raw)?,
            item: Item::from(item),
        },
        (Some(_), None, _) | (None, Some(_), _) => return Err(Error::PhotoCellNeedsBoth),
        (None, None, Some(raw)) => {
            let id = uuid::Uuid::parse_str(raw.trim())
                .map(EventId)
                .map_err(|_| Error::NoSuchNonReceipt(raw.clone()))?;
            let observer = store.local_observer()?.id;
            let events = store.events_of_observer(observer, &circ)?;
            let state = RecordState::fold(&events);
            let Some(found) = state.non_receipts_of(&circ).find(|f| f.event == id) else {
                return Err(Error::NoSuchNonReceipt(raw.clone()));
            };
            if args.bureau.is_none() {
                bureau = Some(found.bureau.clone());
            }
            PhotoSubject::NonReceipt { event: id }
        }
        (None, None, None) if args.household => PhotoSubject::Household,
        (None, None, None) => PhotoSubject::Bureau,
    };
    let Some(bureau) = bureau else {
        return Err(Error::BureauRequired {
            known: bureaux_of(&store, &circ)?,
            circ: circ.to_string(),
        });
    };
    let note = args
        .note
        .as_deref()
        .map(|n| check_text("--note", n))
        .transpose()?;
    let what = Attach {
        circonscription: circ,
        bureau,
        of,
        note,
        keep_metadata: args.keep_metadata,
    };
    for event in attach(&mut store, &what, &args.files)? {
        if let EventBody::Photo { photo, .. } = &event.body {
            let line = Message::new("photo-saved")
                .arg("name", escape(&photo.name).into_owned())
                .arg("sha", hex::encode(&photo.sha256[..8]))
                .arg("size", photo.size)
                .arg("id", event.id.to_string())
                .arg(
                    "kept",
                    match (photo.stripped(), photo.media) {
                        (true, _) => "stripped",
                        (false, crate::domain::MediaType::Heic) => "heic",
                        (false, _) => "kept",
                    },
                )
                .render(ctx.lang);
            ctx.say(&line);
        }
    }
    Ok(())
}
