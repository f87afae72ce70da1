package casebird.twitter.state;

import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.outbox.Recipient;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes an {@link OutboxEntry} as one tab-separated line, escaping tabs and line breaks:
 * recipient kind and value, reply, attempts, due time, text and, when it names one, the
 * actor's login last (a line of six fields, as written before actors, names none).
 */
final class EntryCodec {

    private static final int FIELDS = 6;
    private static final int FIELDS_WITH_ACTOR = 7;

    private EntryCodec() {}

    static String encode(OutboxEntry e) {
        String line = String.join("\t",
                e.to().kind().name(),
                escape(e.to().value()),
                Boolean.toString(e.reply()),
                Integer.toString(e.attempts()),
                Long.toString(e.notBefore().toEpochMilli()),
                escape(e.text()));
        return e.actor().map(login -> line + "\t" + escape(login)).orElse(line);
    }

    static OutboxEntry decode(long id, String line) {
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS && f.length != FIELDS_WITH_ACTOR) {
            throw new IllegalStateException("outbox entry " + id + " is corrupt: " + f.length
                    + " fields instead of " + FIELDS + " or " + FIELDS_WITH_ACTOR);
        }
        return new OutboxEntry(
                id,
                new Recipient(Recipient.Kind.valueOf(f[0]), unescape(f[1])),
                unescape(f[5]),
                Boolean.parseBoolean(f[2]),
                Integer.parseInt(f[3]),
                Instant.ofEpochMilli(Long.parseLong(f[4])),
                f.length == FIELDS ? Optional.empty() : Optional.of(unescape(f[6])));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t")
                .replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            out.append(switch (n) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> n;
            });
        }
        return out.toString();
    }
}
