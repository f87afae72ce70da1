package casebird.twitter.command;

import java.util.List;
import java.util.Random;

/**
 * Makes DM texts the way a hurried phone or a careful attacker would: real verbs in any
 * letter case, case ids of every shape, odd whitespace, control characters, surrogate pairs
 * (and lone halves), right-to-left marks, and notes up to 10,000 characters.
 */
final class HostileText {

    private static final List<String> VERBS = List.of(
            "help", "accept", "log", "close", "status", "mine", "ACCEPT", "Log", "cLoSe",
            "StAtUs", "LOG", "Close");
    private static final List<String> BAD_VERBS = List.of(
            "acept", "logg", "", "#", "accept1234", "\u0130mine", "l\u200bog", "\u212aill");
    private static final List<String> IDS = List.of(
            "1234", "#1234", "007", "9223372036854775807", "#1", "42");
    private static final List<String> BAD_IDS = List.of(
            "0", "#0", "-5", "+5", "##1", "#", "12a", "1.5", "9223372036854775808",
            "99999999999999999999", "\uff11\uff12", "\u0661\u0662", "1e3", "0x10",
            "#\u200f42", "42\u202e", "\ud83d\udd25");
    private static final List<String> SPACES = List.of(
            " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "\u3000", "\u200b", "\u000b",
            "\f", " \n\t ");
    private static final List<String> PIECES = List.of(
            "called the customer", "\ud83d\udd25", "\ud83d\udc69\u200d\ud83d\udcbb", "\ud83d",
            "\udc00", "\u200f\u05e9\u05dc\u05d5\u05dd\u200e", "\u202eevil\u202c", "\u0000",
            "\u0007", "\u001b[31m", "\u007f", "\ufeff", "e\u0301", "\"quoted\"", "\\", "%s",
            "${jndi:x}", "accept 1", "\n\n", " ");

    private final Random random;

    HostileText(long seed) {
        this.random = new Random(seed);
    }

    /** The next text: usually command-shaped, sometimes raw noise, now and then huge. */
    String next() {
        int shape = random.nextInt(10);
        if (shape == 0) {
            return noise(random.nextInt(40));
        }
        StringBuilder text = new StringBuilder();
        maybe(text, SPACES);
        text.append(pick(VERBS, BAD_VERBS));
        if (shape > 2) {
            text.append(pick(SPACES)).append(pick(IDS, BAD_IDS));
        }
        if (shape > 5) {
            text.append(pick(SPACES))
                    .append(shape == 9 ? hugeNotes() : notes(1 + random.nextInt(60)));
        }
        maybe(text, SPACES);
        return text.toString();
    }

    /** Notes of exactly 10,000 chars (Twitter's limit): a random stretch, repeated. */
    private String hugeNotes() {
        return notes(200).repeat(50);
    }

    private String notes(int length) {
        StringBuilder notes = new StringBuilder();
        while (notes.length() < length) {
            notes.append(random.nextBoolean() ? pick(PIECES) : noise(1 + random.nextInt(8)));
        }
        return notes.substring(0, length);
    }

    private String noise(int length) {
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < length; i++) {
            noise.append((char) (random.nextBoolean()
                    ? random.nextInt(0x80) : random.nextInt(Character.MAX_VALUE + 1)));
        }
        return noise.toString();
    }

    private void maybe(StringBuilder text, List<String> choices) {
        if (random.nextBoolean()) {
            text.append(pick(choices));
        }
    }

    private String pick(List<String> mostly, List<String> sometimes) {
        return pick(random.nextInt(4) == 0 ? sometimes : mostly);
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
