package casebird.harness.scenario;

import casebird.api.crm.CaseNote;
import casebird.api.crm.CrmCase;
import casebird.harness.twitter.DirectMessage;
import casebird.harness.twitter.Endpoint;
import casebird.harness.twitter.TwitterAccount;
import casebird.harness.twitter.v2.CostMeter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks the {@code expect} statements and carries out {@code settle}. */
final class Expectations {

    static final Duration DEFAULT_WITHIN = Duration.ofSeconds(30);
    private static final Duration SETTLE_QUIET = Duration.ofSeconds(2);
    private static final Duration SETTLE_MAX = Duration.ofSeconds(60);

    private final World world;
    private final QueueRooms rooms;
    private final RoomExpectations roomExpectations;
    private final Set<Long> taken = new HashSet<>();
    private int callsAtLastDm;

    Expectations(World world) {
        this.world = world;
        this.rooms = new QueueRooms(world);
        this.roomExpectations = new RoomExpectations(rooms);
    }

    /** Notes that a {@code dm} statement is about to send, for {@code settle}. */
    void dmSent() {
        callsAtLastDm = world.twitter().calls().size();
    }

    /** Waits for a poll after the last {@code dm}, then for 2 s without a DM from the bot. */
    void settle() throws InterruptedException, StepFailure {
        long deadline = System.nanoTime() + SETTLE_MAX.toNanos();
        world.awaitPoll(callsAtLastDm, SETTLE_MAX);
        while (true) {
            int before = sentByBot();
            Thread.sleep(SETTLE_QUIET.toMillis());
            if (sentByBot() == before) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new StepFailure("the bot was still sending after "
                        + SETTLE_MAX.toSeconds() + "s");
            }
        }
    }

    /** The bot's one-to-one DMs and its messages in groups so far. */
    private int sentByBot() {
        return fromBot().size() + rooms.botMessages().size();
    }

    void check(Step step) throws StepFailure, InterruptedException {
        if (RoomExpectations.handles(step)) {
            roomExpectations.check(step);
        } else if (step instanceof Step.ExpectDm e) {
            expectDm(e);
        } else if (step instanceof Step.ExpectNoDm e) {
            expectNoDm(e);
        } else if (step instanceof Step.ExpectDmCount e) {
            expectDmCount(e);
        } else if (step instanceof Step.ExpectCase e) {
            expectCase(e);
        } else if (step instanceof Step.ExpectApi e) {
            expectApi(e);
        } else if (step instanceof Step.ExpectSpend e) {
            expectSpend(e);
        } else if (step instanceof Step.ExpectInvalidRule e) {
            ExpectedRejection.check(world, e);
        } else if (step instanceof Step.ExpectHealth e) {
            ExpectedHealth.check(world, e, e.within().orElse(DEFAULT_WITHIN));
        } else {
            throw new IllegalArgumentException("not an expectation: " + step);
        }
    }

    private void expectDm(Step.ExpectDm e) throws StepFailure, InterruptedException {
        TwitterAccount to = world.account(e.to());
        Duration within = e.within().orElse(DEFAULT_WITHIN);
        AtomicReference<DirectMessage> found = new AtomicReference<>();
        Waiting.until(within, () -> {
            untaken(to).stream().filter(dm -> matches(e.text(), dm)).findFirst()
                    .ifPresent(found::set);
            return found.get() != null;
        });
        if (found.get() == null) {
            throw new StepFailure("expected a DM to @" + e.to() + pattern(e.text()) + " within "
                    + seconds(within) + "; " + seen(to));
        }
        taken.add(found.get().id());
    }

    private void expectNoDm(Step.ExpectNoDm e) throws StepFailure, InterruptedException {
        TwitterAccount to = world.account(e.to());
        boolean arrived = Waiting.until(e.within(),
                () -> untaken(to).stream().anyMatch(dm -> matches(e.text(), dm)));
        if (arrived) {
            throw new StepFailure("expected no DM to @" + e.to() + pattern(e.text()) + "; "
                    + seen(to));
        }
    }

    private void expectDmCount(Step.ExpectDmCount e) throws StepFailure, InterruptedException {
        TwitterAccount to = world.account(e.to());
        boolean held = Waiting.until(e.within().orElse(Duration.ZERO),
                () -> e.count().test(toAccount(to).size()));
        if (!held) {
            throw new StepFailure("expected DMs to @" + e.to() + " " + e.count() + " but @"
                    + e.to() + " got " + toAccount(to).size() + "; " + seen(to));
        }
    }

    private void expectCase(Step.ExpectCase e) throws StepFailure, InterruptedException {
        Duration within = e.within().orElse(DEFAULT_WITHIN);
        boolean held = Waiting.until(within, () -> caseProblem(e).isEmpty());
        if (!held) {
            throw new StepFailure(caseProblem(e).orElse("the case changed back"));
        }
    }

    private Optional<String> caseProblem(Step.ExpectCase e) {
        Optional<CrmCase> found = world.crm().findCase(e.caseId());
        if (found.isEmpty()) {
            return Optional.of("case " + e.caseId() + " does not exist");
        }
        CrmCase kase = found.get();
        for (Map.Entry<String, String> field : e.fields().entrySet()) {
            String actual = actual(kase, field.getKey());
            if (!actual.equalsIgnoreCase(field.getValue())) {
                return Optional.of("expected case " + e.caseId() + " " + field.getKey() + "="
                        + field.getValue() + " but it is " + describe(kase));
            }
        }
        if (e.note().isPresent() && kase.notes().stream()
                .noneMatch(n -> e.note().get().matcher(n.text()).find())) {
            return Optional.of("expected a note on case " + e.caseId() + " matching \""
                    + e.note().get().pattern() + "\" but its notes are " + notes(kase));
        }
        return Optional.empty();
    }

    private static String actual(CrmCase kase, String field) {
        switch (field) {
            case "status": return kase.status().word();
            case "owner": return kase.owner().orElse("(none)");
            default: return Integer.toString(kase.notes().size());
        }
    }

    private static String describe(CrmCase kase) {
        return "status=" + kase.status().word() + " owner=" + kase.owner().orElse("(none)")
                + " notes=" + kase.notes().size();
    }

    private static String notes(CrmCase kase) {
        return kase.notes().isEmpty() ? "(none)" : kase.notes().stream()
                .map(CaseNote::text).map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
    }

    /** Checks the fake's cost meter now, or waits up to {@code within} for it to hold. */
    private void expectSpend(Step.ExpectSpend e) throws StepFailure, InterruptedException {
        CostMeter meter = world.twitter().v2().costMeter();
        boolean held = Waiting.until(e.within().orElse(Duration.ZERO),
                () -> e.dollars().test(meter.spent()));
        if (!held) {
            throw new StepFailure("expected spend " + e.dollars() + " dollars but $"
                    + meter.spent().toPlainString() + " was spent");
        }
    }

    private void expectApi(Step.ExpectApi e) throws StepFailure, InterruptedException {
        Optional<Endpoint> endpoint = e.endpoint().equals("*") ? Optional.empty()
                : Optional.of(Endpoint.fromWord(e.endpoint()).orElseThrow(
                        () -> new StepFailure("unknown endpoint '" + e.endpoint() + "'")));
        boolean held = Waiting.until(e.within().orElse(Duration.ZERO),
                () -> e.count().test(apiCalls(endpoint, e)));
        if (!held) {
            throw new StepFailure("expected api " + e.endpoint()
                    + e.status().stream().mapToObj(s -> " status=" + s).findFirst().orElse("")
                    + " calls " + e.count() + " but there were " + apiCalls(endpoint, e));
        }
    }

    private long apiCalls(Optional<Endpoint> endpoint, Step.ExpectApi e) {
        return world.twitter().calls().stream()
                .filter(c -> endpoint.isEmpty() || c.endpoint().equals(endpoint))
                .filter(c -> e.status().isEmpty() || c.status() == e.status().getAsInt())
                .count();
    }

    private List<DirectMessage> fromBot() {
        long botId = world.bot().id();
        return world.twitter().messages().stream().filter(dm -> dm.senderId() == botId)
                .collect(Collectors.toList());
    }

    private List<DirectMessage> toAccount(TwitterAccount to) {
        return fromBot().stream().filter(dm -> dm.recipientId() == to.id())
                .collect(Collectors.toList());
    }

    private List<DirectMessage> untaken(TwitterAccount to) {
        return toAccount(to).stream().filter(dm -> !taken.contains(dm.id()))
                .collect(Collectors.toList());
    }

    private static boolean matches(Optional<Pattern> text, DirectMessage dm) {
        return text.isEmpty() || text.get().matcher(dm.text()).find();
    }

    private static String pattern(Optional<Pattern> text) {
        return text.map(p -> " matching \"" + p.pattern() + "\"").orElse("");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private String seen(TwitterAccount to) {
        List<DirectMessage> got = toAccount(to);
        if (got.isEmpty()) {
            return "@" + to.screenName() + " got no DM from the bot";
        }
        return "@" + to.screenName() + " got " + got.size() + " DM(s): " + got.stream()
                .map(dm -> (taken.contains(dm.id()) ? "(already matched) " : "")
                        + "\"" + dm.text().replace("\n", "\\n") + "\"")
                .collect(Collectors.joining(", "));
    }
}
