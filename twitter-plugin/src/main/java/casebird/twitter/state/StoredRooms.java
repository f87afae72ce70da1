package casebird.twitter.state;

import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.rooms.Opening;
import casebird.twitter.rooms.Room;
import casebird.twitter.rooms.Rooms;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.h2.mvstore.MVMap;

/**
 * The queues' rooms in the store: every room opened (kept for good, so commands in a moved
 * room still run), each queue's current room, the members who refuse group DMs and the
 * openings asked of X; {@link #settle} commits with the outbox change it belongs to.
 */
final class StoredRooms implements Rooms {

    private final StateStore store;
    private final StoredOutbox outbox;
    private final MVMap<Long, String> rooms;
    private final MVMap<String, Long> current;
    private final MVMap<Long, Long> refusers;
    private final MVMap<String, String> openings;

    StoredRooms(StateStore store, StoredOutbox outbox, MVMap<Long, String> rooms,
            MVMap<String, Long> current, MVMap<Long, Long> refusers,
            MVMap<String, String> openings) {
        this.store = store;
        this.outbox = outbox;
        this.rooms = rooms;
        this.current = current;
        this.refusers = refusers;
        this.openings = openings;
    }

    @Override
    public Optional<Room> current(String queue) {
        synchronized (store) {
            return Optional.ofNullable(current.get(queue)).flatMap(this::room);
        }
    }

    @Override
    public Optional<Room> room(long conversationId) {
        synchronized (store) {
            return Optional.ofNullable(rooms.get(conversationId))
                    .map(line -> decode(conversationId, line));
        }
    }

    @Override
    public boolean inAnyRoom(long userId) {
        synchronized (store) {
            return rooms.entrySet().stream()
                    .anyMatch(e -> decode(e.getKey(), e.getValue()).members().contains(userId));
        }
    }

    @Override
    public boolean retire(long conversationId) {
        synchronized (store) {
            Optional<Room> room = room(conversationId);
            if (room.isEmpty() || !current.remove(room.get().queue(), conversationId)) {
                return false;
            }
            store.commit();
            return true;
        }
    }

    @Override
    public Set<Long> refusers() {
        synchronized (store) {
            return Set.copyOf(refusers.keySet());
        }
    }

    @Override
    public void refusesGroups(long userId, Instant at) {
        synchronized (store) {
            refusers.put(userId, at.toEpochMilli());
            store.commit();
        }
    }

    @Override
    public Optional<Opening> opening(String queue) {
        synchronized (store) {
            return Optional.ofNullable(openings.get(queue)).map(line -> {
                String[] f = line.split("\t", 2);
                return new Opening(queue, members(f[1]), Instant.ofEpochMilli(
                        Long.parseLong(f[0])));
            });
        }
    }

    @Override
    public void opening(Opening opening) {
        synchronized (store) {
            openings.put(opening.queue(), opening.at().toEpochMilli() + "\t"
                    + csv(opening.members()));
            store.commit();
        }
    }

    @Override
    public void settle(List<Long> done, List<OutboxEntry> queued, Optional<Room> opened) {
        synchronized (store) {
            outbox.drop(done);
            queued.forEach(outbox::put);
            opened.ifPresent(room -> {
                rooms.put(room.conversationId(), room.openedAt().toEpochMilli() + "\t"
                        + csv(room.members()) + "\t" + room.queue());
                current.put(room.queue(), room.conversationId());
                openings.remove(room.queue());
            });
            store.commit();
        }
    }

    private static Room decode(long id, String line) {
        String[] f = line.split("\t", 3);
        return new Room(id, f[2], members(f[1]), Instant.ofEpochMilli(Long.parseLong(f[0])));
    }

    private static String csv(Set<Long> members) {
        return members.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Set<Long> members(String csv) {
        return csv.isEmpty() ? Set.of() : Arrays.stream(csv.split(",")).map(Long::valueOf)
                .collect(Collectors.toSet());
    }
}
