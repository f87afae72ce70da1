package casebird.twitter.client;

import java.time.Instant;

/** One DM event from the bot's list: who sent it to whom, and its text. */
public record DmEvent(long id, long senderId, long recipientId, String text, Instant createdAt) {}
