package casebird.twitter.client;

/** A DM the bot sent: the event id Twitter gave it. */
public record SentMessage(long eventId, long recipientId) {}
