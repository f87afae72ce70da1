package casebird.twitter.client;

/** A group conversation the bot created: its id, and the event id of its first message. */
public record RoomCreated(long conversationId, long eventId) {}
