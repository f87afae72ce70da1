package casebird.harness.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** One parsed statement of a scenario file; {@link #line()} is where it stands. */
public sealed interface Step {

    /** The statement's line in its file, from 1. */
    int line();

    /** Whether this statement builds the world before the plugin starts. */
    default boolean isSetup() {
        return false;
    }

    /** A statement that builds the world before the plugin starts. */
    sealed interface Setup extends Step {
        @Override
        default boolean isSetup() {
            return true;
        }
    }

    /** An {@code expect} statement. */
    sealed interface Expectation extends Step {}

    record Bot(int line, String screenName) implements Setup {}

    record User(int line, String login, Optional<String> twitter, List<String> queues)
            implements Setup {}

    /** {@code twitter @name [id=N] [refuses=dms|groups]}. */
    record TwitterAccount(int line, String screenName, OptionalLong id, boolean refusesDms,
            boolean refusesGroups) implements Setup {}

    /** {@code api v2|v1.1}. */
    record Api(int line, ApiVersion version) implements Setup {}

    /** {@code auth oauth2|oauth1}. */
    record Auth(int line, AuthScheme scheme) implements Setup {}

    record Queue(int line, String name) implements Setup {}

    /** {@code limit ENDPOINT N/WINDOW}, or {@code none} when {@code calls} is empty. */
    record Limit(int line, String endpoint, OptionalInt calls, Duration window)
            implements Setup {}

    record DeliveryPush(int line) implements Setup {}

    /** {@code delivery stream}: push through the X Activity API's stream (v2). */
    record DeliveryStream(int line) implements Setup {}

    /** A rule to add, or (in {@code expect invalid rule}) to be rejected. */
    record Rule(int line, String id, String event, Optional<String> queue, String actionId,
            Map<String, String> settings) implements Step {}

    record Case(int line, long id, String title, Map<String, String> attributes)
            implements Step {}

    record Dispatch(int line, long caseId, String queue) implements Step {}

    record AcceptAs(int line, long caseId, String login) implements Step {}

    record Dm(int line, String from, String text) implements Step {}

    /** {@code dm @name in QUEUE "text"}: the account posts in the queue's room. */
    record RoomDm(int line, String from, String queue, String text) implements Step {}

    /** {@code deliver forged @name "text"}: a delivery of a DM never sent, wrongly signed. */
    record DeliverForged(int line, String from, String text) implements Step {}

    /** {@code deliver crc-signed @name "text"}: a DM never sent, signed by the CRC answer. */
    record DeliverCrcSigned(int line, String from, String text) implements Step {}

    /** {@code deliver replayed @name "text" age D}: a genuine delivery of a DM D old. */
    record DeliverReplayed(int line, String from, String text, Duration age) implements Step {}

    record Rename(int line, String from, String to) implements Step {}

    /**
     * {@code fault TARGET ...}: the next {@code times} calls to the target (an endpoint,
     * {@code *} or {@code webhook}) fail in the given way; {@code copies} is how many times
     * a {@code repeat} fault sends a delivery; {@code to} narrows a send fault to one
     * recipient's screen name; {@code times} may be {@link
     * casebird.harness.twitter.Fault#ALWAYS}.
     */
    record Fault(int line, String target, FaultKind kind, int status, OptionalInt code,
            Duration delay, int copies, int times, Optional<String> to) implements Step {}

    /**
     * {@code fault crm error [case=N] [times=N|always]}: the next {@code times} SDK calls
     * the plugin makes (only those about that case, if one is named) throw.
     */
    record CrmFault(int line, OptionalLong caseId, int times) implements Step {}

    /** {@code fault token expire|revoke}: acts on the bot's OAuth 2.0 tokens at the fake. */
    record TokenFault(int line, TokenFaultKind kind) implements Step {}

    /**
     * {@code fault stream drop [times=N]}: the fake closes the open streams, then each of
     * the next connections once connected, N closings in all; {@code fault stream stall}:
     * the open stream (or the next) stays open and sends nothing, keep-alives included.
     */
    record StreamFault(int line, StreamFaultKind kind, int times) implements Step {}

    /** What a stream fault does. */
    enum StreamFaultKind { DROP, STALL }

    /** What a token fault does: expire the access tokens, or revoke every grant. */
    enum TokenFaultKind { EXPIRE, REVOKE }

    /** How a faulted call fails. */
    enum FaultKind { STATUS, DELAY, RESET, GARBAGE, DROP, REPEAT }

    record Restart(int line) implements Step {}

    record Crash(int line) implements Step {}

    record Wait(int line, Duration duration) implements Step {}

    record Settle(int line) implements Step {}

    record ExpectDm(int line, String to, Optional<Pattern> text, Optional<Duration> within)
            implements Expectation {}

    record ExpectNoDm(int line, String to, Optional<Pattern> text, Duration within)
            implements Expectation {}

    record ExpectDmCount(int line, String to, Comparison count, Optional<Duration> within)
            implements Expectation {}

    /** {@code expect dm in QUEUE [~ "regex"] [within D]}: the bot's message in the room. */
    record ExpectRoomDm(int line, String queue, Optional<Pattern> text,
            Optional<Duration> within) implements Expectation {}

    /** {@code expect no dm in QUEUE [~ "regex"] [within D]}. */
    record ExpectNoRoomDm(int line, String queue, Optional<Pattern> text, Duration within)
            implements Expectation {}

    /** {@code expect dms in QUEUE OP N [within D]}: the bot's messages in the room. */
    record ExpectRoomDmCount(int line, String queue, Comparison count,
            Optional<Duration> within) implements Expectation {}

    record ExpectCase(int line, long caseId, Map<String, String> fields, Optional<Pattern> note,
            Optional<Duration> within) implements Expectation {}

    /** {@code expect api ENDPOINT|* [status=N] calls OP N}. */
    record ExpectApi(int line, String endpoint, OptionalInt status, Comparison count,
            Optional<Duration> within) implements Expectation {}

    /** {@code expect spend OP DOLLARS [within D]}: the fake's cost meter. */
    record ExpectSpend(int line, Comparison dollars, Optional<Duration> within)
            implements Expectation {}

    record ExpectInvalidRule(int line, Rule rule, Pattern message) implements Expectation {}

    /** {@code expect health [credentials=STATE] [~ "regex"] [within D]}. */
    record ExpectHealth(int line, Optional<String> credentials, Optional<Pattern> detail,
            Optional<Duration> within) implements Expectation {}
}
