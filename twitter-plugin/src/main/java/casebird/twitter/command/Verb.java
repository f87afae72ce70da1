package casebird.twitter.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The verbs of the agents' command language, each with the usage line a reply shows. */
public enum Verb {
    HELP("help", "list these commands", "help"),
    ACCEPT("accept <case>", "take a case from your queue", "accept 1234"),
    LOG("log <case> <notes>", "add a note to a case", "log 1234 called the customer"),
    CLOSE("close <case> [notes]", "close your case, with an optional note",
            "close 1234 replaced the toner"),
    STATUS("status <case>", "a case's title, status, queue, owner and last note",
            "status 1234"),
    MINE("mine", "your open cases, newest first", "mine");

    private final String syntax;
    private final String purpose;
    private final String example;

    Verb(String syntax, String purpose, String example) {
        this.syntax = syntax;
        this.purpose = purpose;
        this.example = example;
    }

    /** The verb an agent's word names, in any letter case, if it names one. */
    public static Optional<Verb> named(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.word().equals(lower)).findFirst();
    }

    /** The word an agent types, in lower case. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One line saying how to write this command, what it does, and an example. */
    public String usageLine() {
        return syntax + " - " + purpose + ", e.g. " + example;
    }
}
