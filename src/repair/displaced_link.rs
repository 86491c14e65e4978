//! Hyperlinked words the portal export pushed to the end of their line, put back.
