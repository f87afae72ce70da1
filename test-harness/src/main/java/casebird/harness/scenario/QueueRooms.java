package casebird.harness.scenario;

import casebird.harness.twitter.GroupConversation;
import casebird.harness.twitter.GroupEvent;
import casebird.harness.twitter.TwitterAccount;
import casebird.harness.twitter.TwitterApiError;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds a queue's room at the fake: the newest group conversation the bot created whose
 * other members are all accounts linked (the CRM handle field) to current members of the
 * queue; if none is, the newest the bot created with at least one such account.
 */
final class QueueRooms {

    private final World world;

    QueueRooms(World world) {
        this.world = world;
    }

    /**
     * The queue's room now, if the bot created one.
     *
     * @throws StepFailure when the world does not speak X API v2, which alone has rooms
     */
    Optional<GroupConversation> room(String queue) throws StepFailure {
        if (world.apiChoice().api() != ApiVersion.V2) {
            throw new StepFailure("queue rooms are group conversations of X API v2; this"
                    + " scenario runs under api " + world.apiChoice().api().word()
                    + ": write 'api v2' to speak of the room of " + queue);
        }
        Set<Long> linked = linkedAccounts(queue);
        long botId = world.bot().id();
        List<GroupConversation> bots = world.twitter().v2().groups().stream()
                .filter(g -> g.creatorId() == botId)
                .sorted(Comparator.comparing(GroupConversation::createdAt)
                        .thenComparing(g -> Long.parseLong(g.id())).reversed())
                .toList();
        Predicate<GroupConversation> allLinked = g -> linked.containsAll(g.othersThanCreator());
        Predicate<GroupConversation> anyLinked = g -> g.othersThanCreator().stream()
                .anyMatch(linked::contains);
        return bots.stream().filter(allLinked).findFirst()
                .or(() -> bots.stream().filter(anyLinked).findFirst());
    }

    /**
     * The queue's room now.
     *
     * @throws StepFailure when it has none yet, or under X API v1.1
     */
    GroupConversation requireRoom(String queue) throws StepFailure {
        return room(queue).orElseThrow(() -> new StepFailure(noRoom(queue)));
    }

    /**
     * The account posts in the queue's room as a member, as if it had sent the message (no
     * call is recorded or charged).
     *
     * @throws StepFailure when the queue has no room, or the fake refuses (not a member)
     */
    GroupEvent post(String from, String queue, String text) throws StepFailure {
        TwitterAccount sender = world.account(from);
        GroupConversation room = requireRoom(queue);
        try {
            return world.twitter().v2().postToGroup(sender.id(), room.id(), text);
        } catch (TwitterApiError e) {
            throw new StepFailure("the fake X API refused @" + from + "'s message in " + queue
                    + "'s room " + room.id() + " (" + members(room) + "): " + e.getMessage());
        }
    }

    /** Why a queue has no room: the bot made none with the accounts of its members. */
    String noRoom(String queue) {
        return queue + " has no room yet: the bot created no group conversation with the"
                + " accounts of its members (" + describe(linkedAccounts(queue)) + ")";
    }

    /** The bot's messages in a room, oldest first. */
    List<GroupEvent> botMessages(GroupConversation room) {
        long botId = world.bot().id();
        return world.twitter().v2().groupEvents().stream()
                .filter(e -> e.isMessage() && e.senderId() == botId
                        && e.conversationId().equals(room.id()))
                .toList();
    }

    /** Every message the bot posted in any group, oldest first. */
    List<GroupEvent> botMessages() {
        long botId = world.bot().id();
        return world.twitter().v2().groupEvents().stream()
                .filter(e -> e.isMessage() && e.senderId() == botId).toList();
    }

    /** The room's members as {@code @names}, for messages. */
    String members(GroupConversation room) {
        return describe(Set.copyOf(room.othersThanCreator()));
    }

    /** The accounts that the queue's current members' handle fields name. */
    private Set<Long> linkedAccounts(String queue) {
        return world.crm().queueMembers(queue).stream()
                .map(login -> world.crm().userField(login, World.HANDLE_FIELD))
                .flatMap(Optional::stream)
                .map(this::account).flatMap(Optional::stream)
                .map(TwitterAccount::id).collect(Collectors.toSet());
    }

    /** The account a handle field names: {@code @name}, {@code name} or a numeric id. */
    private Optional<TwitterAccount> account(String handle) {
        String value = handle.strip();
        if (value.matches("[0-9]{1,19}")) {
            return world.twitter().accountById(Long.parseLong(value));
        }
        return world.twitter().accountByName(value.startsWith("@") ? value.substring(1) : value);
    }

    private String describe(Set<Long> ids) {
        return ids.isEmpty() ? "none linked" : ids.stream().sorted()
                .map(id -> world.twitter().accountById(id).map(a -> "@" + a.screenName())
                        .orElse(Long.toString(id)))
                .collect(Collectors.joining(", "));
    }
}
