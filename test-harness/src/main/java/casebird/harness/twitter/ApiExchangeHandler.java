package casebird.harness.twitter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Answers every HTTP call to one version of the API: route, authenticate, apply a pending
 * fault, count the rate limit, serve the endpoint, record the call (before answering, so a
 * client that has its answer finds its call recorded), answer.
 */
final class ApiExchangeHandler implements HttpHandler {

    private final Clock clock;
    private final ApiDialect dialect;
    private final FaultQueue<Fault> faults;
    private final RateLimits limits;
    private final Map<Endpoint, EndpointHandler> handlers;
    private final CallLog calls;

    ApiExchangeHandler(Clock clock, ApiDialect dialect, FaultQueue<Fault> faults, RateLimits limits,
            Map<Endpoint, EndpointHandler> handlers, CallLog calls) {
        this.clock = clock;
        this.dialect = dialect;
        this.faults = faults;
        this.limits = limits;
        this.handlers = Map.copyOf(handlers);
        this.calls = calls;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long ticket = calls.arrive();
        try {
            serveExchange(exchange, ticket);
        } finally {
            calls.settle(ticket);
        }
    }

    private void serveExchange(HttpExchange exchange, long ticket) throws IOException {
        Instant at = clock.instant();
        String path = exchange.getRequestURI().getRawPath();
        Optional<Endpoint> endpoint = dialect.route(exchange.getRequestMethod(), path);
        OptionalLong accountId = OptionalLong.empty();
        ApiRequest request = ApiRequest.read(exchange);
        ApiResponse response;
        try {
            Endpoint served = endpoint.orElseThrow(() -> TwitterApiError.of(404, 34));
            TwitterAccount caller = dialect.authenticate(served, request);
            accountId = OptionalLong.of(caller.id());
            response = serve(served, caller, request);
        } catch (TwitterApiError e) {
            response = dialect.error(e, request);
        }
        calls.record(ticket, new RecordedCall(at, endpoint, exchange.getRequestMethod(), path,
                accountId, response.status()));
        send(exchange, response);
    }

    private ApiResponse serve(Endpoint endpoint, TwitterAccount caller, ApiRequest request) {
        OptionalLong recipient = recipient(endpoint, request);
        Optional<Fault> fault = faults.take(f -> f.matches(endpoint, recipient));
        if (fault.isPresent()) {
            Optional<ApiResponse> faulty = applyFault(fault.get(), endpoint, caller, request);
            if (faulty.isPresent()) {
                return faulty.get();
            }
        }
        RateLimits.Quota quota = limits.consume(endpoint, caller.id());
        return answer(endpoint, caller, request).withHeaders(quota.headers());
    }

    private ApiResponse answer(Endpoint endpoint, TwitterAccount caller, ApiRequest request) {
        try {
            return handlers.get(endpoint).handle(caller, request);
        } catch (TwitterApiError e) {
            return dialect.error(e, request);
        }
    }

    /**
     * Whom a send is to (v2: the path's participant, v1.1: the body's recipient), for
     * faults that act on one recipient; empty for other calls.
     */
    private static OptionalLong recipient(Endpoint endpoint, ApiRequest request) {
        if (endpoint != Endpoint.DM_SEND) {
            return OptionalLong.empty();
        }
        Optional<String> participant = V2Route.participant(request);
        if (participant.isPresent()) {
            return participant.get().matches("[0-9]{1,19}")
                    ? OptionalLong.of(Long.parseLong(participant.get())) : OptionalLong.empty();
        }
        try {
            return OptionalLong.of(TwitterJson.parseSend(request.body()).recipientId());
        } catch (TwitterApiError unreadable) {
            return OptionalLong.empty();
        }
    }

    /** The answer a fault forces, or empty when the call then proceeds normally. */
    private Optional<ApiResponse> applyFault(Fault fault, Endpoint endpoint,
            TwitterAccount caller, ApiRequest request) {
        Map<String, String> rateHeaders = limits.peek(endpoint, caller.id()).headers();
        return switch (fault.kind()) {
            case STATUS -> Optional.of(statusFault(fault, endpoint, caller, request,
                    rateHeaders));
            case DELAY -> sleep(fault);
            case RESET -> Optional.of(ApiResponse.RESET);
            case GARBAGE -> Optional.of(new ApiResponse(200, rateHeaders, dialect.garbage()));
        };
    }

    private ApiResponse statusFault(Fault fault, Endpoint endpoint, TwitterAccount caller,
            ApiRequest request, Map<String, String> rateHeaders) {
        ApiResponse error = dialect.error(TwitterApiError.forFault(fault.status(), fault.code()),
                request);
        if (fault.status() != 429) {
            return error.withHeaders(rateHeaders);
        }
        RateLimits.Quota left = limits.peek(endpoint, caller.id());
        return error.withHeaders(new RateLimits.Quota(left.limit(), 0, left.reset()).headers());
    }

    private static Optional<ApiResponse> sleep(Fault fault) {
        try {
            Thread.sleep(fault.delay().toMillis());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(ApiResponse.RESET);
        }
    }

    /** Writes an answer (or, for status 0, none) and closes the exchange. */
    static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        try {
            if (response.status() == 0) {
                return;
            }
            response.headers().forEach(exchange.getResponseHeaders()::set);
            if (response.status() == 204) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            if (!response.headers().containsKey("Content-Type")) {
                exchange.getResponseHeaders().set("Content-Type",
                        "application/json;charset=utf-8");
            }
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }
}
