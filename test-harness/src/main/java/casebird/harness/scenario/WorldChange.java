package casebird.harness.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/**
 * One change of a world folder's own state: which account is the bot, how the plugin
 * reaches it, rules, progress.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = WorldChange.Bot.class, name = "bot"),
    @JsonSubTypes.Type(value = WorldChange.Rule.class, name = "rule"),
    @JsonSubTypes.Type(value = WorldChange.EventRun.class, name = "event-run"),
    @JsonSubTypes.Type(value = WorldChange.PluginData.class, name = "plugin-data"),
    @JsonSubTypes.Type(value = WorldChange.Connection.class, name = "connection")
})
sealed interface WorldChange {

    /** The bot is the fake API's account with this id. */
    record Bot(long accountId) implements WorldChange {}

    /** A rule the rule manager validated and added; {@code queue} is null for any queue. */
    record Rule(String id, String on, String queue, String actionId,
            Map<String, String> settings) implements WorldChange {}

    /** The rule engine has run the actions of the CRM event with this id. */
    record EventRun(String eventId) implements WorldChange {}

    /** The plugin's data now lives in this folder of the world folder (after a crash). */
    record PluginData(String folder) implements WorldChange {}

    /**
     * The plugin speaks this API with this auth; {@code refreshToken} is the bot's OAuth 2.0
     * seed handed to it (null under OAuth 1.0a).
     */
    record Connection(String api, String auth, String refreshToken) implements WorldChange {}
}
