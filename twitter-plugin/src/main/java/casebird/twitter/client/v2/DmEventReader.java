package casebird.twitter.client.v2;

import casebird.twitter.client.DmEvent;
import casebird.twitter.client.EventPage;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@code GET /2/dm_events} page into the port's events: one-to-one messages, each
 * event's recipient being the other member of its {@code smaller-larger} conversation id;
 * messages in group conversations (a plain-number conversation id); and groups'
 * {@code ParticipantsJoin} events with their {@code participant_ids}. Other events are
 * skipped. An event without a sender is logged and skipped: a guessed sender could act as
 * someone else.
 */
final class DmEventReader {

    private static final Logger LOG = LoggerFactory.getLogger(DmEventReader.class);
    private static final Pattern ONE_TO_ONE = Pattern.compile("(\\d{1,19})-(\\d{1,19})");
    private static final Pattern GROUP = Pattern.compile("\\d{1,19}");

    private DmEventReader() {}

    /**
     * The page's one-to-one messages, newest first as X lists them, and its next token.
     *
     * @throws IOException when an event lacks a readable id or time
     */
    static EventPage page(JsonObject body) throws IOException {
        List<DmEvent> events = new ArrayList<>();
        for (JsonObject event : body.objects("data")) {
            message(event).ifPresent(events::add);
        }
        Optional<String> next = body.object("meta").flatMap(m -> m.text("next_token"))
                .filter(token -> !token.isEmpty());
        return new EventPage(events, next);
    }

    private static Optional<DmEvent> message(JsonObject event) throws IOException {
        String id = event.text("id").orElseThrow(() -> new IOException("a DM event has no id"));
        String conversation = event.text("dm_conversation_id").orElse("");
        if (GROUP.matcher(conversation).matches()) {
            return groupEvent(event, id, conversation);
        }
        Matcher pair = ONE_TO_ONE.matcher(conversation);
        if (!event.text("event_type").orElse("").equals("MessageCreate") || !pair.matches()) {
            return Optional.empty();
        }
        Optional<String> sender = event.text("sender_id");
        if (sender.isEmpty()) {
            LOG.warn("skipping DM event {} in conversation {}: X gave no sender_id", id,
                    pair.group(0));
            return Optional.empty();
        }
        if (!sender.get().equals(pair.group(1)) && !sender.get().equals(pair.group(2))) {
            LOG.warn("skipping DM event {}: its sender {} is not in conversation {}", id,
                    sender.get(), pair.group(0));
            return Optional.empty();
        }
        String recipient = sender.get().equals(pair.group(1)) ? pair.group(2) : pair.group(1);
        try {
            return Optional.of(new DmEvent(Long.parseLong(id), Long.parseLong(sender.get()),
                    Long.parseLong(recipient), event.text("text").orElse(""),
                    Instant.parse(event.text("created_at").orElse(""))));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IOException("DM event " + id + " has an unreadable id or time", e);
        }
    }

    private static Optional<DmEvent> groupEvent(JsonObject event, String id, String room)
            throws IOException {
        String type = event.text("event_type").orElse("");
        Optional<String> sender = event.text("sender_id");
        if (!type.equals("MessageCreate") && !type.equals("ParticipantsJoin")) {
            return Optional.empty();
        }
        if (sender.isEmpty()) {
            LOG.warn("skipping DM event {} in group {}: X gave no sender_id", id, room);
            return Optional.empty();
        }
        try {
            long eventId = Long.parseLong(id);
            long from = Long.parseLong(sender.get());
            Instant at = Instant.parse(event.text("created_at").orElse(""));
            if (type.equals("MessageCreate")) {
                return Optional.of(DmEvent.inRoom(eventId, from, Long.parseLong(room),
                        event.text("text").orElse(""), at));
            }
            List<Long> joined = event.texts("participant_ids").stream().map(Long::parseLong)
                    .toList();
            return joined.isEmpty() ? Optional.empty()
                    : Optional.of(DmEvent.joined(eventId, from, Long.parseLong(room), joined, at));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IOException("DM event " + id + " has an unreadable id or time", e);
        }
    }

    /** Whether a 400 answer refuses {@code field} of {@code dm_event.fields}. */
    static boolean refusesField(HttpAnswer answer, String field) {
        return answer.status() == 400 && V2Errors.problems(answer).stream().anyMatch(p ->
                p.object("parameters").map(ps -> ps.texts("dm_event.fields").contains(field))
                        .orElse(false)
                || p.text("parameter").orElse("").equals("dm_event.fields")
                        && p.text("value").orElse("").equals(field)
                || mentions(p.text("detail"), field) || mentions(p.text("message"), field));
    }

    private static boolean mentions(Optional<String> words, String field) {
        return words.filter(w -> w.contains("dm_event.fields") && w.contains(field))
                .isPresent();
    }
}
