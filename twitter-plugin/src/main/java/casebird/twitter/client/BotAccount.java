package casebird.twitter.client;

/** The plugin's own Twitter account. */
public record BotAccount(long id, String screenName) {}
