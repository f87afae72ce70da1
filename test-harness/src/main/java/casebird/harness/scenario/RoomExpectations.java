package casebird.harness.scenario;

import casebird.harness.twitter.GroupConversation;
import casebird.harness.twitter.GroupEvent;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks {@code expect [no] dm in QUEUE} and {@code expect dms in QUEUE}: the bot's
 * messages in the queue's room ({@link QueueRooms}), which is looked up afresh while a
 * statement waits, since the plugin may open the room (or a newer one) meanwhile. Each
 * message satisfies at most one {@code expect dm in}, as one-to-one DMs do.
 */
final class RoomExpectations {

    private final QueueRooms rooms;
    private final Set<Long> taken = new HashSet<>();

    RoomExpectations(QueueRooms rooms) {
        this.rooms = rooms;
    }

    /** Whether this checks the step. */
    static boolean handles(Step step) {
        return step instanceof Step.ExpectRoomDm || step instanceof Step.ExpectNoRoomDm
                || step instanceof Step.ExpectRoomDmCount;
    }

    void check(Step step) throws StepFailure, InterruptedException {
        rooms.room(queue(step));
        if (step instanceof Step.ExpectRoomDm e) {
            expectDm(e);
        } else if (step instanceof Step.ExpectNoRoomDm e) {
            expectNoDm(e);
        } else if (step instanceof Step.ExpectRoomDmCount e) {
            expectCount(e);
        }
    }

    private void expectDm(Step.ExpectRoomDm e) throws StepFailure, InterruptedException {
        Duration within = e.within().orElse(Expectations.DEFAULT_WITHIN);
        AtomicReference<GroupEvent> found = new AtomicReference<>();
        Waiting.until(within, () -> untaken(e.queue()).stream()
                .filter(m -> matches(e.text(), m)).findFirst()
                .map(m -> { found.set(m); return true; }).orElse(false));
        if (found.get() == null) {
            throw new StepFailure("expected a message from the bot in " + e.queue()
                    + "'s room" + pattern(e.text()) + " within " + within.toSeconds() + "s; "
                    + seen(e.queue()));
        }
        taken.add(found.get().id());
    }

    private void expectNoDm(Step.ExpectNoRoomDm e) throws StepFailure, InterruptedException {
        boolean arrived = Waiting.until(e.within(), () -> untaken(e.queue()).stream()
                .anyMatch(m -> matches(e.text(), m)));
        rooms.requireRoom(e.queue());
        if (arrived) {
            throw new StepFailure("expected no message from the bot in " + e.queue()
                    + "'s room" + pattern(e.text()) + "; " + seen(e.queue()));
        }
    }

    private void expectCount(Step.ExpectRoomDmCount e) throws StepFailure,
            InterruptedException {
        boolean held = Waiting.until(e.within().orElse(Duration.ZERO),
                () -> e.count().test(inRoom(e.queue()).size()));
        rooms.requireRoom(e.queue());
        if (!held) {
            throw new StepFailure("expected DMs in " + e.queue() + " " + e.count() + "; "
                    + seen(e.queue()));
        }
    }

    private static String queue(Step step) {
        if (step instanceof Step.ExpectRoomDm e) {
            return e.queue();
        }
        if (step instanceof Step.ExpectNoRoomDm e) {
            return e.queue();
        }
        if (step instanceof Step.ExpectRoomDmCount e) {
            return e.queue();
        }
        throw new IllegalArgumentException("not a room expectation: " + step);
    }

    /** The bot's messages in the queue's room now; none while it has no room. */
    private List<GroupEvent> inRoom(String queue) {
        try {
            return rooms.room(queue).map(rooms::botMessages).orElse(List.of());
        } catch (StepFailure notV2) {
            return List.of();
        }
    }

    private List<GroupEvent> untaken(String queue) {
        return inRoom(queue).stream().filter(m -> !taken.contains(m.id())).toList();
    }

    private static boolean matches(Optional<Pattern> text, GroupEvent message) {
        return text.isEmpty() || text.get().matcher(message.text()).find();
    }

    private static String pattern(Optional<Pattern> text) {
        return text.map(p -> " matching \"" + p.pattern() + "\"").orElse("");
    }

    /** What the room holds from the bot, or why there is no room. */
    private String seen(String queue) throws StepFailure {
        Optional<GroupConversation> room = rooms.room(queue);
        if (room.isEmpty()) {
            return rooms.noRoom(queue);
        }
        List<GroupEvent> got = rooms.botMessages(room.get());
        String where = "the room " + room.get().id() + " (" + rooms.members(room.get()) + ")";
        if (got.isEmpty()) {
            return where + " has no message from the bot";
        }
        return where + " has " + got.size() + " from the bot: " + got.stream()
                .map(m -> (taken.contains(m.id()) ? "(already matched) " : "")
                        + "\"" + m.text().replace("\n", "\\n") + "\"")
                .collect(Collectors.joining(", "));
    }
}
