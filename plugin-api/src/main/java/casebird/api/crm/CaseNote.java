package casebird.api.crm;

import java.time.Instant;

/** A note on a case, kept exactly as its author wrote it. */
public record CaseNote(String author, String text, Instant at) {}
