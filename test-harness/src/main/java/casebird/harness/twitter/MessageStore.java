package casebird.harness.twitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every direct message between the fake's accounts, with time-ordered snowflake-like ids and
 * per-account deletion (Twitter removes a destroyed DM only from the deleting account's view);
 * times are kept to the millisecond, as Twitter's {@code created_timestamp} carries them.
 */
final class MessageStore {

    static final int MAX_TEXT = 10_000;
    private static final Duration LIST_WINDOW = Duration.ofDays(30);
    private static final long TWITTER_EPOCH_MILLIS = 1_288_834_974_657L;

    private record Hidden(long accountId, long messageId) {
    }

    /** A page of an account's events, newest first, and the id to continue below. */
    record Page(List<DirectMessage> events, OptionalLong continueBelow) {
    }

    private final Clock clock;
    private final AccountRegistry accounts;
    private final List<DirectMessage> messages = new ArrayList<>();
    private final Set<Hidden> hidden = new HashSet<>();
    private final List<Consumer<DirectMessage>> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<TwitterChange> log;
    private long lastId;

    /** A store that hands every change to {@code log} before it can be seen. */
    MessageStore(Clock clock, AccountRegistry accounts, Consumer<TwitterChange> log) {
        this.clock = clock;
        this.accounts = accounts;
        this.log = log;
    }

    /** Applies a DM or a deletion from the journal, telling no listener. */
    synchronized void restore(TwitterChange change) {
        if (change instanceof TwitterChange.Message m) {
            messages.add(new DirectMessage(m.id(), m.senderId(), m.recipientId(), m.text(),
                    Instant.parse(m.createdAt())));
            lastId = Math.max(lastId, m.id());
        } else if (change instanceof TwitterChange.Hide h) {
            hidden.add(new Hidden(h.accountId(), h.messageId()));
        }
    }

    void addListener(Consumer<DirectMessage> listener) {
        listeners.add(listener);
    }

    /**
     * Stores a DM from one known account to another and tells the listeners.
     *
     * @throws TwitterApiError 400 code 108 for an unknown account, 354 for a text too long;
     *     403 code 349 when the recipient refuses DMs
     */
    DirectMessage create(long senderId, long recipientId, String text) {
        if (accounts.byId(senderId).isEmpty() || accounts.byId(recipientId).isEmpty()) {
            throw TwitterApiError.of(400, 108);
        }
        if (accounts.refusesDms(recipientId)) {
            throw TwitterApiError.of(403, 349);
        }
        checkText(text);
        DirectMessage message;
        synchronized (this) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            nextId(now);
            message = new DirectMessage(lastId, senderId, recipientId, text, now);
            log.accept(new TwitterChange.Message(lastId, senderId, recipientId, text,
                    now.toString()));
            messages.add(message);
        }
        listeners.forEach(listener -> listener.accept(message));
        return message;
    }

    /**
     * The next event id, time-ordered like Twitter's snowflakes and above every id used so
     * far; group conversations and their events draw theirs here too, so that one account's
     * events of every kind order by id.
     */
    synchronized long nextId(Instant now) {
        lastId = Math.max(lastId + 1, (now.toEpochMilli() - TWITTER_EPOCH_MILLIS) << 22);
        return lastId;
    }

    /** Notes an id restored from the journal elsewhere, so no new event reuses it. */
    synchronized void idUsed(long id) {
        lastId = Math.max(lastId, id);
    }

    /**
     * Checks a DM's text, one-to-one or in a group.
     *
     * @throws TwitterApiError 400 code 214 for a blank text, 354 for one too long
     */
    static void checkText(String text) {
        if (text.isBlank()) {
            throw TwitterApiError.of(400, 214, "event.message_create.message_data.text is empty.");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw TwitterApiError.of(400, 354);
        }
    }

    synchronized List<DirectMessage> all() {
        return List.copyOf(messages);
    }

    synchronized List<DirectMessage> visibleTo(long accountId) {
        return messages.stream().filter(m -> isVisible(m, accountId)).toList();
    }

    synchronized Optional<DirectMessage> find(long accountId, long messageId) {
        return messages.stream()
                .filter(m -> m.id() == messageId && isVisible(m, accountId)).findFirst();
    }

    /** Removes a DM from one account's view; false if that account cannot see it. */
    synchronized boolean hide(long accountId, long messageId) {
        Hidden hide = new Hidden(accountId, messageId);
        if (find(accountId, messageId).isEmpty() || hidden.contains(hide)) {
            return false;
        }
        log.accept(new TwitterChange.Hide(accountId, messageId));
        return hidden.add(hide);
    }

    /** Up to {@code count} of the account's last 30 days of events below an id, newest first. */
    synchronized Page page(long accountId, int count, OptionalLong below) {
        Instant oldest = clock.instant().minus(LIST_WINDOW);
        List<DirectMessage> events = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && events.size() <= count; i--) {
            DirectMessage m = messages.get(i);
            boolean inRange = below.isEmpty() || m.id() < below.getAsLong();
            if (inRange && isVisible(m, accountId) && !m.createdAt().isBefore(oldest)) {
                events.add(m);
            }
        }
        if (events.size() <= count) {
            return new Page(events, OptionalLong.empty());
        }
        List<DirectMessage> shown = List.copyOf(events.subList(0, count));
        return new Page(shown, OptionalLong.of(shown.get(count - 1).id()));
    }

    /**
     * Up to {@code count} of the account's last 30 days of events just above an id (the
     * nearest ones), newest first: the page before one that started below that id.
     */
    synchronized List<DirectMessage> above(long accountId, int count, long aboveId) {
        Instant oldest = clock.instant().minus(LIST_WINDOW);
        List<DirectMessage> events = new ArrayList<>();
        for (int i = 0; i < messages.size() && events.size() < count; i++) {
            DirectMessage m = messages.get(i);
            if (m.id() > aboveId && isVisible(m, accountId) && !m.createdAt().isBefore(oldest)) {
                events.add(0, m);
            }
        }
        return events;
    }

    private boolean isVisible(DirectMessage message, long accountId) {
        return message.involves(accountId)
                && !hidden.contains(new Hidden(accountId, message.id()));
    }
}
