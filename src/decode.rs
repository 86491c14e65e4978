//! Raw bytes → text: encoding detection, line ends, NFC normalization.
