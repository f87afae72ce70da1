package casebird.harness.crm;

import casebird.api.rule.RuleEvent;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the CRM's events to listeners in the order the CRM applied the effects.
 *
 * <p>Events are queued while the CRM holds its lock and delivered after it lets go, so a
 * listener may call the CRM back; one delivery lock keeps the order across threads.
 */
final class EventRelay {

    private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);

    private final Queue<RuleEvent> pending = new ArrayDeque<>();
    private final CopyOnWriteArrayList<Consumer<RuleEvent>> listeners =
            new CopyOnWriteArrayList<>();
    private final ReentrantLock delivering = new ReentrantLock();

    void addListener(Consumer<RuleEvent> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<RuleEvent> listener) {
        listeners.remove(listener);
    }

    /** Queues an event; call while holding the CRM's lock so the order is the CRM's. */
    void enqueue(RuleEvent event) {
        synchronized (pending) {
            pending.add(event);
        }
    }

    /** Delivers every queued event; call after releasing the CRM's lock. */
    void deliver() {
        delivering.lock();
        try {
            RuleEvent event;
            while ((event = next()) != null) {
                for (Consumer<RuleEvent> listener : listeners) {
                    notify(listener, event);
                }
            }
        } finally {
            delivering.unlock();
        }
    }

    private RuleEvent next() {
        synchronized (pending) {
            return pending.poll();
        }
    }

    private static void notify(Consumer<RuleEvent> listener, RuleEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.error("CRM event listener failed on event {} ({} of case {})",
                    event.eventId(), event.type().word(), event.kase().id(), e);
        }
    }
}
