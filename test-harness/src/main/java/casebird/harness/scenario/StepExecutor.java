package casebird.harness.scenario;

import casebird.api.crm.CrmException;
import casebird.harness.host.RuleManager;
import casebird.harness.host.RuleRejectedException;
import casebird.harness.twitter.Endpoint;
import casebird.harness.twitter.Fault;
import casebird.harness.twitter.FakeTwitterClient;
import casebird.harness.twitter.TwitterAccount;
import casebird.harness.twitter.TwitterHttpException;
import casebird.harness.twitter.WebhookFault;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.OptionalLong;

/** Carries out the steps of one scenario against its world. */
final class StepExecutor {

    private final World world;
    private final Reporter reporter;
    private final Expectations expectations;
    /** Unique per executor: a world's console runs statements through an executor of its own. */
    private final String acceptKeys = "harness:accept:" + UUID.randomUUID() + ":";
    private int harnessKeys;

    StepExecutor(World world, Reporter reporter) {
        this.world = world;
        this.reporter = reporter;
        this.expectations = new Expectations(world);
    }

    void run(Step step) throws StepFailure, InterruptedException, IOException {
        if (!step.isSetup() && !world.started()) {
            world.start();
            reporter.pluginReady(world);
        }
        if (step instanceof Step.Setup setup) {
            setup(setup);
        } else if (step instanceof Step.Rule rule) {
            addRule(rule);
        } else if (step instanceof Step.Case c) {
            world.crm().createCase(c.id(), c.title(), c.attributes());
        } else if (step instanceof Step.Dispatch d) {
            world.crm().dispatch(d.caseId(), d.queue(), "dispatcher");
        } else if (step instanceof Step.AcceptAs a) {
            acceptAs(a);
        } else if (step instanceof Step.Dm dm) {
            sendDm(dm);
        } else if (step instanceof Step.RoomDm dm) {
            postInRoom(dm);
        } else if (step instanceof Step.DeliverForged forged) {
            requireRefused("forged", world.twitter().postForgedDelivery(
                    world.account(forged.from()).id(), world.bot().id(), forged.text()));
        } else if (step instanceof Step.DeliverCrcSigned signed) {
            requireRefused("CRC-signed", world.twitter().postCrcSignedDelivery(
                    world.account(signed.from()).id(), world.bot().id(), signed.text()));
        } else if (step instanceof Step.DeliverReplayed replayed) {
            requireRefused("replayed", world.twitter().postReplayedDelivery(
                    world.account(replayed.from()).id(), world.bot().id(), replayed.text(),
                    replayed.age()));
        } else if (step instanceof Step.Rename r) {
            world.twitter().rename(r.from(), r.to());
        } else if (step instanceof Step.Fault f) {
            fault(f);
        } else if (step instanceof Step.StreamFault f) {
            world.faultStream(f.kind(), f.times());
        } else if (step instanceof Step.TokenFault f) {
            world.faultToken(f.kind());
        } else if (step instanceof Step.CrmFault f) {
            world.crmFaults().add(f.caseId(), f.times());
        } else if (step instanceof Step.Restart) {
            world.restart();
        } else if (step instanceof Step.Crash) {
            world.crash();
        } else if (step instanceof Step.Wait w) {
            Thread.sleep(w.duration().toMillis());
        } else if (step instanceof Step.Settle) {
            expectations.settle();
        } else {
            expectations.check(step);
        }
    }

    private void setup(Step.Setup step) throws StepFailure {
        if (world.started() && !(step instanceof Step.TwitterAccount
                || step instanceof Step.User)) {
            throw new StepFailure("setup statements other than 'twitter @name' and 'user' must"
                    + " come before the plugin starts");
        }
        if (step instanceof Step.Bot b) {
            world.nameBot(b.screenName());
        } else if (step instanceof Step.User u) {
            addUser(u);
        } else if (step instanceof Step.TwitterAccount t) {
            addTwitterAccount(t);
        } else if (step instanceof Step.Api a) {
            world.useApi(a.version());
        } else if (step instanceof Step.Auth a) {
            world.useAuth(a.scheme());
        } else if (step instanceof Step.Queue q) {
            world.crm().addQueue(q.name());
        } else if (step instanceof Step.Limit l) {
            limit(l);
        } else if (step instanceof Step.DeliveryPush) {
            world.enablePush();
        } else if (step instanceof Step.DeliveryStream) {
            world.enableStream();
        }
    }

    private void addTwitterAccount(Step.TwitterAccount t) {
        TwitterAccount account = t.id().isPresent()
                ? world.twitter().createAccount(t.screenName(), t.id().getAsLong())
                : world.twitter().createAccount(t.screenName());
        if (t.refusesDms()) {
            world.twitter().refuseDms(account.id());
        }
        if (t.refusesGroups()) {
            world.twitter().v2().refuseGroupDms(account.id());
        }
    }

    /** Adds a CRM user, or sets an existing one's handle and queues as an admin would. */
    private void addUser(Step.User user) {
        if (!world.crm().userExists(user.login())) {
            world.crm().addUser(user.login());
        }
        user.twitter().ifPresent(handle -> {
            if (handle.startsWith("@") && world.twitter().accountByName(handle.substring(1))
                    .isEmpty()) {
                world.twitter().createAccount(handle.substring(1));
            }
            world.crm().setUserField(user.login(), World.HANDLE_FIELD, handle);
        });
        user.queues().forEach(queue -> world.crm().addQueueMember(queue, user.login()));
    }

    /** Sets the limit under both APIs, so it holds whether 'api' comes before it or after. */
    private void limit(Step.Limit limit) throws StepFailure {
        Endpoint endpoint = endpoint(limit.endpoint());
        if (limit.calls().isPresent()) {
            world.twitter().setLimit(endpoint, limit.calls().getAsInt(), limit.window());
            world.twitter().v2().setLimit(endpoint, limit.calls().getAsInt(), limit.window());
        } else {
            world.twitter().liftLimit(endpoint);
            world.twitter().v2().liftLimit(endpoint);
        }
    }

    private static Endpoint endpoint(String word) throws StepFailure {
        return Endpoint.fromWord(word).orElseThrow(() -> new StepFailure("unknown endpoint '"
                + word + "'; expected dm-list, dm-send, dm-room-send, dm-show, dm-destroy,"
                + " users-lookup, users-show or verify-credentials"));
    }

    private void addRule(Step.Rule rule) throws StepFailure {
        try {
            world.addRule(toRule(rule));
        } catch (RuleRejectedException e) {
            throw new StepFailure("rule " + rule.id() + " was rejected: " + e.getMessage());
        }
    }

    static RuleManager.Rule toRule(Step.Rule rule) {
        return new RuleManager.Rule(rule.id(), ScenarioParser.eventType(rule.event()).orElseThrow(),
                rule.queue(), rule.actionId(), rule.settings());
    }

    private void acceptAs(Step.AcceptAs accept) throws StepFailure {
        String key = acceptKeys + (++harnessKeys);
        try {
            world.crm().accept(accept.caseId(), accept.login(), key);
        } catch (CrmException e) {
            throw new StepFailure("the CRM refused: " + e.getMessage());
        }
    }

    private void sendDm(Step.Dm dm) throws IOException, StepFailure {
        TwitterAccount from = world.account(dm.from());
        expectations.dmSent();
        try {
            new FakeTwitterClient(world.twitter()).sendDirectMessage(from, world.bot().id(),
                    dm.text());
        } catch (TwitterHttpException e) {
            throw new StepFailure("the fake Twitter API refused the DM: " + e.reason());
        }
    }

    private void postInRoom(Step.RoomDm dm) throws StepFailure {
        expectations.dmSent();
        new QueueRooms(world).post(dm.from(), dm.queue(), dm.text());
    }

    private static void requireRefused(String kind, List<Integer> statuses)
            throws StepFailure {
        if (statuses.isEmpty()) {
            throw new StepFailure("no webhook is registered for the bot; use 'delivery push'"
                    + " (a stream has no webhook to post to)");
        }
        if (statuses.stream().anyMatch(status -> status < 400 || status > 499)) {
            throw new StepFailure("the webhook did not refuse the " + kind + " delivery with a"
                    + " 4xx: " + statuses);
        }
    }

    private void fault(Step.Fault f) throws StepFailure {
        if (f.target().equals("webhook")) {
            world.twitter().addWebhookFault(webhookFault(f));
            return;
        }
        Optional<Endpoint> endpoint = f.target().equals("*")
                ? Optional.empty() : Optional.of(endpoint(f.target()));
        Fault.Kind kind = Fault.Kind.valueOf(f.kind().name());
        Fault fault = new Fault(endpoint, kind, f.status(), f.code(),
                f.delay() == null ? Duration.ZERO : f.delay(), f.times(), OptionalLong.empty());
        world.twitter().addFault(f.to().isPresent()
                ? fault.to(world.account(f.to().get()).id()) : fault);
    }

    private static WebhookFault webhookFault(Step.Fault f) throws StepFailure {
        WebhookFault.Kind kind = switch (f.kind()) {
            case STATUS -> WebhookFault.Kind.FAIL;
            case DELAY -> WebhookFault.Kind.DELAY;
            case DROP -> WebhookFault.Kind.DROP;
            case REPEAT -> WebhookFault.Kind.REPEAT;
            default -> throw new StepFailure("a webhook fault is status=, delay=, drop or repeat=");
        };
        try {
            return new WebhookFault(kind, f.status(), f.delay(), f.copies(), f.times());
        } catch (IllegalArgumentException e) {
            throw new StepFailure(e.getMessage());
        }
    }
}
