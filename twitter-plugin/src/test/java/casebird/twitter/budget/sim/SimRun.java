package casebird.twitter.budget.sim;

import casebird.twitter.client.DmEvent;
import casebird.twitter.client.Endpoint;
import casebird.twitter.testing.FakeTwitter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What one trace's run recorded, and the figures it prints. */
final class SimRun {

    final String name;
    final SimSpend spend;
    final Map<Long, Instant> dmSentAt = new HashMap<>();
    final Map<Long, Integer> executions = new HashMap<>();
    final List<Duration> latencies = new ArrayList<>();
    final Map<String, Instant> noticeQueuedAt = new HashMap<>();
    final List<Duration> noticeDelays = new ArrayList<>();
    final Map<LocalDate, Integer> sendsPerDay = new TreeMap<>();
    private final Set<String> noticesSeen = new HashSet<>();
    int unexpected429s;
    int listCalls;
    String deliveries = "-";
    /** What X billed for pushed {@code dm.received} deliveries, all days together. */
    BigDecimal deliveryCharges = BigDecimal.ZERO;
    int commands;
    int duplicates;
    int noticesJoined;
    int noticesDelivered;
    int noticeSends;
    Duration longestNoticeDelay = Duration.ZERO;

    SimRun(String name, SimSpend spend) {
        this.name = name;
        this.spend = spend;
    }

    /** Records a command run by the plugin now. */
    void executed(long eventId, Instant now) {
        int times = executions.merge(eventId, 1, Integer::sum);
        if (times > 1) {
            duplicates++;
        } else {
            latencies.add(Duration.between(dmSentAt.get(eventId), now));
        }
    }

    /**
     * Reads the notices out of every DM the bot sent (a notice counts once, when it first
     * arrived: a room's post carries it to all members at once).
     */
    void delivered(List<FakeTwitter.Sent> sent) {
        for (FakeTwitter.Sent dm : sent) {
            sendsPerDay.merge(LocalDate.ofInstant(dm.at(), ZoneOffset.UTC), 1, Integer::sum);
            String[] lines = dm.text().split("\n");
            noticeSends += dm.text().contains("[n") ? 1 : 0;
            for (String line : lines) {
                Instant queued = noticeQueuedAt.get(tag(line));
                if (queued == null || !noticesSeen.add(tag(line))) {
                    continue;
                }
                noticesDelivered++;
                noticesJoined += lines.length > 1 ? 1 : 0;
                Duration delay = Duration.between(queued, dm.at());
                noticeDelays.add(delay);
                longestNoticeDelay = delay.compareTo(longestNoticeDelay) > 0
                        ? delay : longestNoticeDelay;
            }
        }
    }

    static String tag(String text) {
        int end = text.indexOf(']');
        return text.startsWith("[n") && end > 0 ? text.substring(0, end + 1) : "";
    }

    int lostCommands() {
        return commands - executions.size();
    }

    int lostNotices() {
        return noticeQueuedAt.size() - noticesDelivered;
    }

    double meanSeconds() {
        return latencies.stream().mapToLong(Duration::toMillis).average().orElse(0) / 1000.0;
    }

    double percentileSeconds(double p) {
        return percentile(latencies, p).toMillis() / 1000.0;
    }

    /** The notice delay at that percentile (1.0: the longest). */
    Duration noticeDelay(double p) {
        return percentile(noticeDelays, p);
    }

    /** DMs the bot sent per UTC day, e.g. {@code 531, then 0}. */
    String sendsPerDay() {
        return String.join(", then ",
                sendsPerDay.values().stream().map(String::valueOf).toList());
    }

    /** A duration as the figures print it, e.g. {@code 14m49s}. */
    static String text(Duration d) {
        return d.withNanos(0).toString().substring(2).toLowerCase();
    }

    private static Duration percentile(List<Duration> values, double p) {
        if (values.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, i));
    }

    /** The figures of the run, as the benchmark prints them. */
    String report(SimTwitter twitter, long wallMillis) {
        StringBuilder calls = new StringBuilder();
        for (Endpoint e : Endpoint.values()) {
            calls.append(' ').append(e.path()).append('=').append(twitter.calls.getOrDefault(e, 0));
        }
        return String.format(
                "trace %s%n  commands %d, latency from DM sent to executed: mean %.1f s,"
                        + " p50 %.1f s, p99 %.1f s (uniform-polling bound 30.0 s)%n"
                        + "  API calls:%s%n"
                        + "  list pages past the first (the bot's own DMs): %d; 429s: %d"
                        + " (plus %d injected faults)%n"
                        + "  commands lost %d, duplicated %d; notices %d, delivered %d,"
                        + " joined %d, lost %d, longest notice delay %s, p99 %s; wall %d ms%n"
                        + "  dollars per UTC day: %s; sends per UTC day: %s%n",
                name, commands, meanSeconds(), percentileSeconds(0.5),
                percentileSeconds(0.99), calls, twitter.extraPages, twitter.unexpected429s,
                twitter.injected, lostCommands(), duplicates, noticeQueuedAt.size(),
                noticesDelivered, noticesJoined, lostNotices(),
                longestNoticeDelay.toString().substring(2).toLowerCase(),
                text(noticeDelay(0.99)), wallMillis,
                spend.report(), sendsPerDay());
    }
}
