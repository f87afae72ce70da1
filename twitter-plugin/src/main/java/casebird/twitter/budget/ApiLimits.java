package casebird.twitter.budget;

import casebird.twitter.client.Endpoint;
import com.google.common.base.Preconditions;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One API's published rate limits per endpoint, which an {@link ApiBudget} assumes until
 * answers' {@code x-rate-limit-*} headers say otherwise: {@link #v1_1()} for Enterprise
 * contracts, {@link #v2()} for everyone else (X-API-V2.md).
 */
public final class ApiLimits {

    /**
     * One endpoint's limits.
     *
     * @param calls calls per the window the rate-limit headers describe
     * @param sendWindow whether that window is the long sending one (24 h) rather than 15 min
     * @param perSendWindow calls per long sending window besides, counted locally (no header
     *     reports it), e.g. v2's 1,440 sends a day on top of 15 per 15 minutes
     */
    record Limit(int calls, boolean sendWindow, OptionalInt perSendWindow) {}

    private final Map<Endpoint, Limit> limits;

    private ApiLimits(Map<Endpoint, Limit> limits) {
        Preconditions.checkArgument(limits.keySet().containsAll(
                EnumSet.allOf(Endpoint.class)), "limits miss an endpoint: %s", limits);
        this.limits = limits;
    }

    /** Twitter's v1.1 limits: 1,000 sends a day, of which replies within 24 h are free. */
    public static ApiLimits v1_1() {
        Map<Endpoint, Limit> limits = new EnumMap<>(Endpoint.class);
        limits.put(Endpoint.DM_LIST, windowOf(15));
        limits.put(Endpoint.DM_SEND, new Limit(1000, true, OptionalInt.empty()));
        limits.put(Endpoint.DM_ROOM_SEND, limits.get(Endpoint.DM_SEND));
        limits.put(Endpoint.DM_DESTROY, windowOf(15));
        limits.put(Endpoint.USERS_LOOKUP, windowOf(900));
        limits.put(Endpoint.VERIFY_CREDENTIALS, windowOf(75));
        limits.put(Endpoint.WEBHOOKS, windowOf(15));
        limits.put(Endpoint.ACTIVITY_STREAM, windowOf(450));
        return new ApiLimits(limits);
    }

    /** X API v2's limits per user: 15 sends per 15 minutes and 1,440 a day, none free. */
    public static ApiLimits v2() {
        Map<Endpoint, Limit> limits = new EnumMap<>(Endpoint.class);
        limits.put(Endpoint.DM_LIST, windowOf(15));
        limits.put(Endpoint.DM_SEND, new Limit(15, false, OptionalInt.of(1440)));
        limits.put(Endpoint.DM_ROOM_SEND, limits.get(Endpoint.DM_SEND));
        limits.put(Endpoint.DM_DESTROY, new Limit(300, false, OptionalInt.of(1500)));
        limits.put(Endpoint.USERS_LOOKUP, windowOf(900));
        limits.put(Endpoint.VERIFY_CREDENTIALS, windowOf(75));
        limits.put(Endpoint.WEBHOOKS, windowOf(450));
        limits.put(Endpoint.ACTIVITY_STREAM, windowOf(450));
        return new ApiLimits(limits);
    }

    /** The endpoint's published calls per the window its headers describe. */
    public int calls(Endpoint endpoint) {
        return of(endpoint).calls();
    }

    /** Whether the endpoint's window is the long sending one (24 h) rather than 15 min. */
    public boolean sendWindow(Endpoint endpoint) {
        return of(endpoint).sendWindow();
    }

    /** The endpoint's calls per long sending window besides, if any (no header reports it). */
    public OptionalInt perSendWindow(Endpoint endpoint) {
        return of(endpoint).perSendWindow();
    }

    Limit of(Endpoint endpoint) {
        return limits.get(endpoint);
    }

    private static Limit windowOf(int calls) {
        return new Limit(calls, false, OptionalInt.empty());
    }
}
