package casebird.twitter.client.v2;

import casebird.twitter.client.Endpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scripted X API and the v2 port under test, with a fixed bearer token. */
final class V2Fixture implements AutoCloseable {

    /** One report of rate-limit headers. */
    record Learned(Endpoint endpoint, int limit, int remaining, long reset) {}

    static final String TOKEN = "Bearer test-access-token";

    final ScriptedServer x = ScriptedServer.start();
    final List<Learned> learned = new CopyOnWriteArrayList<>();
    final ApiHttp http = new ApiHttp(Duration.ofSeconds(2), Duration.ofMillis(500));
    final XApiV2Port port;

    V2Fixture() {
        this((method, uri) -> TOKEN);
    }

    V2Fixture(RequestAuthorizer authorizer) {
        port = new XApiV2Port(x.url(), http, authorizer,
                (endpoint, limit, remaining, reset) ->
                        learned.add(new Learned(endpoint, limit, remaining, reset)));
    }

    V2Fixture answer(int status, String sample) {
        x.enqueue(ScriptedServer.Reply.sample(status, sample));
        return this;
    }

    @Override
    public void close() {
        http.close();
        x.close();
    }
}
