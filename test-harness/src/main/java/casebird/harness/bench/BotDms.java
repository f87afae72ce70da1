package casebird.harness.bench;

import casebird.harness.twitter.DirectMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The {@link System#nanoTime()} at which the fake API received each DM the bot sent. */
final class BotDms implements Consumer<DirectMessage> {

    private final long botId;
    private final List<Long> arrivals = new ArrayList<>();

    BotDms(long botId) {
        this.botId = botId;
    }

    @Override
    public void accept(DirectMessage message) {
        if (message.senderId() == botId) {
            long now = System.nanoTime();
            synchronized (this) {
                arrivals.add(now);
                notifyAll();
            }
        }
    }

    /** How many DMs the bot has sent so far. */
    synchronized int count() {
        return arrivals.size();
    }

    /**
     * Waits for the bot's {@code n}th DM (counting from 1) and returns when it arrived.
     *
     * @throws IllegalStateException when it has not arrived within the timeout
     */
    synchronized long awaitArrival(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (arrivals.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the bot sent " + arrivals.size() + " DMs, not "
                        + n + ", within " + timeout.toSeconds() + "s");
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return arrivals.get(n - 1);
    }
}
