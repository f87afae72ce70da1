package casebird.twitter.command;

import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmException;
import casebird.api.crm.CrmSdk;
import java.util.Objects;

/**
 * Runs agents' DM commands through the CRM SDK as the sender's CRM user.
 *
 * <p>Every change carries the idempotency key {@code twitter-dm:<event id>}, so handling
 * the same DM event again changes nothing in the CRM. The CRM's typed refusals become
 * replies; any other failure propagates so the caller can retry the event later.
 */
public final class CommandService {

    private static final String KEY_PREFIX = "twitter-dm:";

    private final CrmSdk crm;

    /** A service that acts through that SDK. */
    public CommandService(CrmSdk crm) {
        this.crm = Objects.requireNonNull(crm, "crm");
    }

    /**
     * Runs one DM as the CRM user and returns what came of it, with the reply to send.
     *
     * @param crmLogin the CRM user the DM's sender is mapped to
     * @param eventId Twitter's id of the DM event, which makes the idempotency key
     * @param text the DM's text as received
     * @throws RuntimeException when the SDK fails in a way it has no typed failure for (for
     *     example, the CRM is down); no reply should be sent, and the caller may handle the
     *     same event again later, which the idempotency key makes safe
     */
    public Handled handle(String crmLogin, String eventId, String text) {
        requireText(crmLogin, "crmLogin");
        requireText(eventId, "eventId");
        Command command = CommandParser.parse(text);
        try {
            return run(command, crmLogin, KEY_PREFIX + eventId);
        } catch (CrmException refusal) {
            return new Handled(command, Outcome.of(refusal),
                    FailureReplies.of(command.verb(), refusal));
        }
    }

    private Handled run(Command command, String login, String key) throws CrmException {
        if (command instanceof Accept accept) {
            CaseUpdate update = crm.accept(accept.caseId(), login, key);
            return new Handled(command, update.changed() ? Outcome.ACCEPTED
                    : Outcome.ALREADY_YOURS, CaseReplies.accepted(update));
        }
        if (command instanceof Log log) {
            crm.logNote(log.caseId(), login, log.notes(), key);
            return new Handled(command, Outcome.LOGGED, CaseReplies.logged(log.caseId()));
        }
        if (command instanceof Close close) {
            crm.close(close.caseId(), login, close.notes(), key);
            return new Handled(command, Outcome.CLOSED,
                    CaseReplies.closed(close.caseId(), close.notes().isPresent()));
        }
        if (command instanceof Status status) {
            return new Handled(command, Outcome.STATUS,
                    CaseReplies.status(crm.viewCase(status.caseId(), login)));
        }
        if (command instanceof Mine) {
            return new Handled(command, Outcome.MINE, MineReply.of(crm.openCasesOwnedBy(login)));
        }
        if (command instanceof Usage usage) {
            return new Handled(command, Outcome.USAGE, HelpText.usage(usage.verb()));
        }
        return new Handled(command, Outcome.HELP, HelpText.help());
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
