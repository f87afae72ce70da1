package casebird.twitter.notify;

import casebird.api.HostContext;
import casebird.api.HostContextAware;
import casebird.api.rule.ActionParameter.Type;
import casebird.api.rule.ActionParameter;
import casebird.api.rule.RuleAction;
import casebird.api.rule.RuleEvent;
import casebird.api.rule.ValidationProblem;
import casebird.twitter.PluginRuntime;
import casebird.twitter.PluginRuntimes;
import casebird.twitter.config.ApiChoice;
import casebird.twitter.outbox.DmText;
import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.outbox.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The "Send Twitter DM" rule action: renders the template for the event and queues one DM
 * per recipient in the plugin's durable outbox, with no network call. A DM to a queue's
 * room names the event's actor (unless the rule notifies them), so that when the room's
 * notice goes one-to-one instead the actor is left out, as from queue-members.
 */
@Extension
public class SendTwitterDmAction implements RuleAction, HostContextAware {

    static final String TO = "to";
    static final String TEMPLATE = "template";
    static final String NOTIFY_ACTOR = "notify-actor";
    /** Room for a hundred recipients; a longer list is a mistake or an attack on the form. */
    static final int MAX_TO_CHARS = 2_000;

    private HostContext context;

    /** Creates the action; the host then hands over its context. */
    public SendTwitterDmAction() {
        // PF4J's extension factory needs a public no-arg constructor.
    }

    @Override
    public void setHostContext(HostContext context) {
        this.context = context;
    }

    @Override
    public String typeId() {
        return "twitter.send-dm";
    }

    @Override
    public String displayName() {
        return "Send Twitter DM";
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of(
                new ActionParameter(TO, "Recipients", Type.RECIPIENTS, true, Optional.empty(),
                        "Comma list of queue-members (of the case's queue), queue-room (the"
                                + " queue's group conversation, one DM for all; X API v2),"
                                + " case-owner, CRM logins and @screen_names."),
                new ActionParameter(TEMPLATE, "Message", Type.MULTILINE_TEXT, true,
                        Optional.empty(), "The DM's text; placeholders: "
                                + String.join(", ", MessageTemplate.PLACEHOLDERS) + "."),
                new ActionParameter(NOTIFY_ACTOR, "Notify the actor", Type.BOOLEAN, false,
                        Optional.of("false"),
                        "Also send the DM to the user who caused the event."));
    }

    @Override
    public List<ValidationProblem> validate(Map<String, String> settings) {
        List<ValidationProblem> problems = new ArrayList<>();
        String to = settings.getOrDefault(TO, "");
        if (RecipientList.parse(to).isEmpty()) {
            problems.add(new ValidationProblem(TO, "is required: a comma list of queue-members,"
                    + " queue-room, case-owner, CRM logins and @screen_names"));
        }
        RecipientList.parse(to).problems(hostContext().crm(), roomsAvailable())
                .forEach(p -> problems.add(new ValidationProblem(TO, p)));
        String template = settings.getOrDefault(TEMPLATE, "");
        tooLong(TO, to, MAX_TO_CHARS, "").ifPresent(problems::add);
        tooLong(TEMPLATE, template, DmText.MAX_LENGTH, " (a DM's length)")
                .ifPresent(problems::add);
        if (template.isBlank()) {
            problems.add(new ValidationProblem(TEMPLATE, "is required: the DM's text"));
        }
        List<String> unknown = MessageTemplate.unknownPlaceholders(template);
        if (!unknown.isEmpty()) {
            problems.add(new ValidationProblem(TEMPLATE, "unknown placeholder "
                    + String.join(", ", unknown) + "; valid placeholders are "
                    + String.join(", ", MessageTemplate.PLACEHOLDERS)));
        }
        String actor = settings.getOrDefault(NOTIFY_ACTOR, "false").trim();
        if (!actor.equalsIgnoreCase("true") && !actor.equalsIgnoreCase("false")) {
            problems.add(new ValidationProblem(NOTIFY_ACTOR, "must be true or false, not '"
                    + actor + "'"));
        }
        return problems;
    }

    /** Whether the plugin's settings choose X API v2, whose group conversations rooms use. */
    private boolean roomsAvailable() {
        return ApiChoice.versionOf(hostContext().settings()) == ApiChoice.Version.V2;
    }

    private static Optional<ValidationProblem> tooLong(String parameter, String value, int max,
            String why) {
        return value.length() <= max ? Optional.empty()
                : Optional.of(new ValidationProblem(parameter, String.format(Locale.ROOT,
                        "is %,d characters long; at most %,d are allowed%s", value.length(), max,
                        why)));
    }

    /**
     * Queues the event's DMs in the outbox.
     *
     * @throws IllegalStateException when the plugin is not running
     */
    @Override
    public void execute(RuleEvent event, Map<String, String> settings) {
        PluginRuntime runtime = PluginRuntimes.find(hostContext())
                .orElseThrow(() -> new IllegalStateException("plugin not started"));
        boolean notifyActor = settings.getOrDefault(NOTIFY_ACTOR, "false").trim()
                .equalsIgnoreCase("true");
        List<Recipient> recipients = RecipientList.parse(settings.getOrDefault(TO, ""))
                .resolve(event, hostContext().crm(), notifyActor);
        String text = MessageTemplate.render(settings.getOrDefault(TEMPLATE, ""), event);
        Instant now = runtime.clock().instant();
        List<OutboxEntry> entries = recipients.stream()
                .map(r -> OutboxEntry.queued(r, text, false, now))
                .map(e -> e.to().isRoom() && !notifyActor ? e.causedBy(event.actor()) : e)
                .toList();
        if (runtime.outbox().appendNotices(event.eventId(), entries) > 0) {
            runtime.wakeOutbox().run();
        }
    }

    private HostContext hostContext() {
        if (context == null) {
            throw new IllegalStateException("the Send Twitter DM action was created by a host"
                    + " that handed over no HostContext");
        }
        return context;
    }
}
