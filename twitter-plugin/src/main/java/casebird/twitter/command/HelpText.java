package casebird.twitter.command;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The usage texts: the whole command list, and one verb's usage line. */
final class HelpText {

    private HelpText() {}

    /** Every command with an example, one per line, in one DM. */
    static String help() {
        return Arrays.stream(Verb.values())
                .map(Verb::usageLine)
                .collect(Collectors.joining(
                        "\n", "Send me one of these (write a case as 1234 or #1234):\n", ""));
    }

    /** The usage line of one verb, for a command whose argument was missing or malformed. */
    static String usage(Verb verb) {
        return "Usage: " + verb.usageLine();
    }
}
