package casebird.harness.twitter;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The fake's group DM conversations and their events: made in one go with their first
 * message and all their members (a member who does not accept group DMs refuses the whole
 * group), posted to by members only, each event seen by every member. Ids come from the
 * one-to-one store's sequence, so an account's events of both kinds order by id.
 */
final class GroupConversations {

    /** A group refused because one of its members does not accept group DMs. */
    static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long userId;

        RefusedException(long userId) {
            super("user " + userId + " does not accept group DMs");
            this.userId = userId;
        }

        /** The first member found who refuses. */
        long userId() {
            return userId;
        }
    }

    private final Clock clock;
    private final AccountRegistry accounts;
    private final MessageStore ids;
    private final Consumer<TwitterChange> log;
    private final List<GroupConversation> groups = new ArrayList<>();
    private final List<GroupEvent> events = new ArrayList<>();
    private final List<Consumer<GroupEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Groups whose ids {@code ids} hands out and whose every change goes to {@code log}. */
    GroupConversations(Clock clock, AccountRegistry accounts, MessageStore ids,
            Consumer<TwitterChange> log) {
        this.clock = clock;
        this.accounts = accounts;
        this.ids = ids;
        this.log = log;
    }

    /** Calls {@code listener} after each group message is posted, on the posting thread. */
    void addListener(Consumer<GroupEvent> listener) {
        listeners.add(listener);
    }

    /**
     * Creates a group of the creator and the others (duplicates dropped), with its join
     * event and its first message, and tells the listeners of the message.
     *
     * @return the first message
     * @throws TwitterApiError 400 for an unknown account or a bad text
     * @throws RefusedException when a member does not accept group DMs (nothing is made)
     */
    GroupEvent create(long creatorId, List<Long> others, String text) {
        MessageStore.checkText(text);
        List<Long> members = new ArrayList<>(new LinkedHashSet<>(others));
        members.remove(Long.valueOf(creatorId));
        for (long member : members) {
            if (accounts.byId(member).isEmpty()) {
                throw TwitterApiError.of(400, "The `participant_ids` value [" + member
                        + "] is not a user");
            }
        }
        members.stream().filter(accounts::refusesGroupDms).findFirst().ifPresent(id -> {
            throw new RefusedException(id);
        });
        members.add(0, creatorId);
        GroupEvent first;
        synchronized (this) {
            Instant now = now();
            String conversationId = Long.toString(ids.nextId(now));
            TwitterChange.Group change = new TwitterChange.Group(conversationId, creatorId,
                    members, ids.nextId(now), now.toString());
            log.accept(change);
            restore(change);
            first = append(conversationId, creatorId, text, now);
        }
        listeners.forEach(listener -> listener.accept(first));
        return first;
    }

    /**
     * Posts a message to a group as one of its members and tells the listeners.
     *
     * @throws TwitterApiError 403 when the sender is not a member (or no such group is),
     *     400 for a bad text
     */
    GroupEvent post(long senderId, String conversationId, String text) {
        MessageStore.checkText(text);
        GroupEvent message;
        synchronized (this) {
            if (find(conversationId).filter(g -> g.hasMember(senderId)).isEmpty()) {
                throw TwitterApiError.of(403, "You are not a participant of the"
                        + " conversation [" + conversationId + "].");
            }
            message = append(conversationId, senderId, text, now());
        }
        listeners.forEach(listener -> listener.accept(message));
        return message;
    }

    private GroupEvent append(String conversationId, long senderId, String text,
            Instant now) {
        TwitterChange.GroupMessage change = new TwitterChange.GroupMessage(ids.nextId(now),
                conversationId, senderId, text, now.toString());
        log.accept(change);
        restore(change);
        return events.get(events.size() - 1);
    }

    /** Applies a group change from the journal (or one just logged), telling no listener. */
    synchronized void restore(TwitterChange change) {
        if (change instanceof TwitterChange.Group g) {
            Instant at = Instant.parse(g.createdAt());
            GroupConversation group = new GroupConversation(g.conversationId(), g.creatorId(),
                    g.memberIds(), at);
            groups.add(group);
            events.add(new GroupEvent(g.joinEventId(), g.conversationId(),
                    GroupEvent.Type.PARTICIPANTS_JOIN, g.creatorId(), "",
                    group.othersThanCreator(), at));
            ids.idUsed(Long.parseLong(g.conversationId()));
            ids.idUsed(g.joinEventId());
        } else if (change instanceof TwitterChange.GroupMessage m) {
            events.add(new GroupEvent(m.id(), m.conversationId(),
                    GroupEvent.Type.MESSAGE_CREATE, m.senderId(), m.text(), List.of(),
                    Instant.parse(m.createdAt())));
            ids.idUsed(m.id());
        }
    }

    /** The group with that id, if any. */
    synchronized Optional<GroupConversation> find(String conversationId) {
        return groups.stream().filter(g -> g.id().equals(conversationId)).findFirst();
    }

    /** Every group, oldest first. */
    synchronized List<GroupConversation> all() {
        return List.copyOf(groups);
    }

    /** Every group event, oldest first. */
    synchronized List<GroupEvent> events() {
        return List.copyOf(events);
    }

    /** The events of the groups an account is a member of, oldest first. */
    synchronized List<GroupEvent> visibleTo(long accountId) {
        return events.stream().filter(e -> find(e.conversationId())
                .filter(g -> g.hasMember(accountId)).isPresent()).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
