//! Letters and digits printed with spaces between them ("д е й і н" → "дейін").
