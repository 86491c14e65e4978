//! Words split across lines without a hyphen in narrow cells ("Қаржылан" + "д ы р у").
