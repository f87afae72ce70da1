package casebird.twitter.inbox;

import casebird.twitter.twitter.DmEvent;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one audit line per handled DM: ids, CRM user, verb, case and outcome, never the text. */
final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("casebird.audit");
    private static final Set<String> VERBS =
            Set.of("help", "accept", "log", "close", "status", "mine");

    void handled(DmEvent e, Optional<String> login, boolean replied) {
        LOG.info("dm event={} sender={} user={} verb={} case={} outcome={}",
                e.id(), e.senderId(), login.orElse("none"), verb(e.text()), caseId(e.text()),
                login.isPresent() ? "replied" : replied ? "not-linked-reply" : "ignored");
    }

    void failed(DmEvent e, RuntimeException failure) {
        LOG.warn("dm event={} sender={} verb={} case={} outcome=failed-will-retry error={}",
                e.id(), e.senderId(), verb(e.text()), caseId(e.text()),
                failure.getClass().getSimpleName());
    }

    private static String verb(String text) {
        String first = words(text).length > 0 ? words(text)[0].toLowerCase(Locale.ROOT) : "";
        return VERBS.contains(first) ? first : "other";
    }

    private static String caseId(String text) {
        String[] w = words(text);
        return w.length > 1 && w[1].matches("#?\\d{1,18}") ? w[1].replace("#", "") : "-";
    }

    private static String[] words(String text) {
        String t = text.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+", 3);
    }
}
