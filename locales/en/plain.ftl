# constat: plain messages (en).
# Words only: no symbol carries meaning alone, so that a screen reader reads every line as it is.

# The prompt, written without a newline.
plain-prompt = constat>{" "}
# Between a label and its value.
plain-sep = {": "}
plain-circonscription = Circonscription
plain-bureau = Bureau
plain-no-bureau = no bureau chosen (type bureau CODE): ballots at the bureau and non-receipts cannot be recorded
plain-observer = Observer
plain-item-foi = profession de foi
plain-item-courrier = ballot (mail)
plain-item-bureau = ballot (bureau)
plain-mark-present = present
plain-mark-absent = absent
plain-mark-unchecked = not checked
plain-candidates =
    { $count } { $count ->
        [one] candidate
       *[other] candidates
    }:
plain-non-receipts = Non-receipts recorded: { $count }.
plain-start-hint = Type "help" for the list of commands, "quit" to leave.
# One line of the list per line here.
plain-help =
    Commands:
    3 foi p: candidate 3, profession de foi present. Columns: foi, courrier, bureau (or f, c, b). Values: p (present), a (absent), - (clear).
    all bureau p: the whole column for every candidate, after confirmation.
    envelope 4 1: 4 voters at the address, 1 envelope received; envelope 4 2 06/06/2024: 2 envelopes, arrived on 6 June 2024.
    number 2: the foi and courrier cells that follow are those of the household's 2nd envelope (number 1 goes back to the first).
    non-receipt Jean Dupont: a voter of the bureau received no envelope (the name is optional).
    note 3 bureau TEXT: adds a note to the cell, with its current value.
    bureau 75056_0911: goes to that bureau (or bureau 7501: to that circonscription).
    undo: withdraws the last change of this session.
    list: reads the candidates and their cells again.
    help: this list. quit: ends the session.

## What a command did.

plain-saved-at = saved at { $time }.
plain-not-saved = NOT SAVED: { $error }
# $done of $total changes were saved before the error.
plain-partly-saved = { $done } of { $total } saved before the error; "undo" withdraws them.
# $what: a cell and its value, already as they were.
plain-already = { $what } already: nothing to save.
plain-note-said = , note: "{ $text }"
plain-column-summary =
    { $what } for { $count } { $count ->
        [one] candidate
       *[other] candidates
    }
plain-column-nothing = Nothing to change: every candidate already has { $what }.
# The prompt of a whole-column command, written without a newline.
plain-column-confirm =
    Record { $what } for { $count } { $count ->
        [one] candidate
       *[other] candidates
    }? Confirm? (y/n){" "}
plain-column-cancelled = Cancelled: nothing was saved.

## Envelopes and non-receipts.

plain-envelope-summary =
    Household envelopes: { $voters } { $voters ->
        [one] voter
       *[other] voters
    } at the address, { $count } { $count ->
        [one] envelope
       *[other] envelopes
    } received
# The day the $count envelopes came (English does not agree "arrived" with the count; the
# selector keeps the same variables as the French).
plain-envelope-day =
    , arrived on { $count ->
        [one] { $day }
       *[other] { $day }
    }
# The household's envelopes: $summary is plain-envelope-summary, $day plain-envelope-day or
# nothing, $note plain-note-said or nothing.
plain-envelope-fact = { $summary }{ $day }{ $note }.
# After an item, when the household has several envelopes.
plain-envelope-tag = {" "}(envelope { $number })
plain-envelope-number = Envelope { $number }: the foi and courrier cells that follow are this envelope's.
plain-arrival-without-envelope = No day of arrival without an envelope received: type enveloppe V 0 without a day.
plain-envelope-beyond = No envelope { $number }: numero goes up to { $last }. If the household received more envelopes, give their number first (enveloppe V R), then numero { $number }.
# The line before the grid when it shows an envelope after the first.
plain-envelope-shown = Household envelope { $number } (foi and courrier):
plain-non-receipt-named = Non-receipt: { $voter }, bureau { $bureau }
plain-non-receipt-unnamed = Non-receipt without a name, bureau { $bureau }

## Replies.

plain-undone = Undone: { $what }
plain-nothing-to-undo = Nothing to undo in this session.
plain-needs-bureau = No bureau chosen: the ballot at the bureau and non-receipts need one (type bureau CODE, for instance bureau 75056_0911).
plain-place-unknown = "{ $code }" is neither a bureau nor a circonscription of this database (example: bureau 75056_0911, bureau 7501).
plain-confirm-again = Answer y (yes) or n (no).
# $known: the panel numbers of the circonscription.
plain-unknown-panel = No candidate number { $number } here. Numbers: { $known }.
# Followed by the problem and an example.
plain-not-understood = Not understood:{" "}
plain-bye = End of the session.

## What was wrong in a line ($word: the word in question).

plain-problem-unknown-command = "{ $word }" is not a command
plain-problem-missing-panel = the candidate's number is missing
plain-problem-bad-panel = "{ $word }" is not a candidate number (a number from 1 to 999)
plain-problem-missing-item = the column is missing: foi, courrier or bureau
plain-problem-bad-item = "{ $word }" is not a column: write foi, courrier or bureau
plain-problem-missing-mark = the value is missing: p (present), a (absent) or - (clear)
plain-problem-bad-mark = "{ $word }" is not a value: write p (present), a (absent) or - (clear)
plain-problem-missing-number = a number is missing
plain-problem-bad-number = "{ $word }" is not a whole number
plain-problem-no-voters = there must be at least one voter at the address
plain-problem-bad-date = "{ $word }" is not a date: a day that exists, in a year from 2000 to 2099, written DD/MM/YYYY
plain-problem-bad-envelope-number = "{ $word }" is not an envelope number (1 to 999)
# $word: the words left over.
plain-problem-extra = words left over: "{ $word }"
plain-problem-missing-text = the note's text is missing
plain-problem-too-long =
    text too long (at most { $max } { $max ->
        [one] character
       *[other] characters
    })
plain-problem-control = the text contains control characters

## The right form of the command a mistake was made in.

plain-example-any = Examples: 3 foi p, envelope 4 1, help
plain-example-set = Example: 3 foi p (candidate 3, profession de foi present)
plain-example-column = Example: all bureau p (ballot at the bureau present for everyone)
plain-example-envelope = Example: envelope 4 1 (4 voters, 1 envelope received), or envelope 4 1 06/06/2024
plain-example-envelope-number = Example: number 2 (the household's 2nd envelope)
plain-example-non-receipt = Example: non-receipt Jean Dupont
plain-example-note = Example: note 3 bureau ran out of ballots at 3 pm
plain-example-place = Example: bureau 75056_0911 (or a circonscription: bureau 7501)
plain-example-bare = Example: undo (with nothing after it)
