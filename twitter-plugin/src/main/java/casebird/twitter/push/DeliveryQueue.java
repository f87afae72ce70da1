package casebird.twitter.push;

import casebird.twitter.client.v1.DeliveryJson.Delivery;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Hands genuine deliveries to the plugin's scheduler, at most a bounded number waiting at a
 * time, so that a flood of deliveries cannot fill the heap: a delivery over the bound is
 * refused, and Twitter retries it or the next reconciliation read finds its DM.
 */
public final class DeliveryQueue {

    /** How many deliveries may wait for the scheduler; each is at most a 512 KiB body. */
    public static final int LIMIT = 64;

    private final Semaphore room;
    private final Executor executor;
    private final Consumer<Delivery> handler;

    /** A queue running {@code handler} on {@code executor}, at most {@code limit} waiting. */
    public DeliveryQueue(int limit, Executor executor, Consumer<Delivery> handler) {
        this.room = new Semaphore(limit);
        this.executor = executor;
        this.handler = handler;
    }

    /** Queues the delivery for the handler; false, and nothing queued, when full. */
    public boolean offer(Delivery delivery) {
        if (!room.tryAcquire()) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    handler.accept(delivery);
                } finally {
                    room.release();
                }
            });
        } catch (RuntimeException e) {
            room.release();
            throw e;
        }
        return true;
    }
}
