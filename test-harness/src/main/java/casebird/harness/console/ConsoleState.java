package casebird.harness.console;

import java.util.List;
import java.util.Map;

/**
 * What {@code GET /api/state} answers: the world as the console page shows it. Times are
 * ISO-8601 instants; a missing value is null.
 *
 * @param bot the bot's screen name; null until the world has a bot
 * @param accounts every other Twitter account with its conversation with the bot
 * @param queues the CRM's queues
 * @param cases every case, by id
 * @param health the plugin's last health report; null before the first
 * @param audit the plugin's latest audit lines, oldest first
 * @param actions the statements run from the console, oldest first
 */
record ConsoleState(String bot, List<Account> accounts, List<String> queues, List<Case> cases,
        Health health, List<String> audit, List<Action> actions) {

    /** A Twitter account, the CRM user whose handle field names it, and its DMs with the bot. */
    record Account(String screenName, long id, String crmUser, List<Message> messages) {}

    /**
     * One DM between an account and the bot, or a message in a group conversation the
     * account and the bot are in: {@code sender} is the sender's screen name, {@code room}
     * names the group ({@code "room <id>"}) and is null for a one-to-one DM.
     */
    record Message(long id, boolean fromBot, String sender, String room, String text,
            String at) {}

    /** A case as the board shows it; {@code status} is open, dispatched, accepted or closed. */
    record Case(long id, String title, String status, String queue, String owner, int notes,
            Note lastNote) {}

    /** A note on a case. */
    record Note(String author, String text, String at) {}

    /** The plugin's health; {@code budgetLeft} is calls left in each endpoint's window. */
    record Health(String credentials, String detail, String lastSuccessfulPoll,
            int outboxBacklog, Map<String, Integer> budgetLeft) {}

    /**
     * A statement run from the console and how it went.
     *
     * @param outcome {@code done}, {@code failed} (carried out, and it failed) or
     *     {@code invalid} (not a statement; nothing was done)
     * @param message what happened, e.g. why it failed
     */
    record Action(String at, String statement, String outcome, String message) {}
}
