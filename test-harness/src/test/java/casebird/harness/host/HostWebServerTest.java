package casebird.harness.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import casebird.api.web.WebResponse;
import casebird.api.web.WebRoute;
import casebird.api.web.WebRoutes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostWebServerTest {

    private final HostWebServer server = new HostWebServer();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(URI url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(url).header("X-Signature", "s")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRouteGetsMethodQueryHeadersAndBodyUnderThePluginsPrefix() throws Exception {
        WebRoutes routes = server.routesFor("casebird-twitter");
        WebRoute route = routes.serve("twitter/webhook", request -> {
            try {
                return WebResponse.text(200, request.method() + " " + request.query()
                        + " " + request.header("x-signature").orElse("-") + " "
                        + new String(request.body().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return WebResponse.text(400, e.getMessage());
            }
        });

        HttpResponse<String> answer = post(URI.create(route.url() + "?a=b%20c"), "hello");

        assertEquals("/plugins/casebird-twitter/twitter/webhook", route.url().getPath());
        assertEquals(200, answer.statusCode());
        assertEquals("POST {a=b c} s hello", answer.body());
    }

    @Test
    void aClosedRouteIs404AndAFailingHandler500() throws Exception {
        WebRoutes routes = server.routesFor("p");
        WebRoute closed = routes.serve("gone", request -> WebResponse.text(200, "x"));
        WebRoute failing = routes.serve("fails", request -> {
            throw new IllegalStateException("boom");
        });
        closed.close();

        assertEquals(404, post(closed.url(), "").statusCode());
        assertEquals(500, post(failing.url(), "").statusCode());
    }

    @Test
    void aPathIsServedOnceAndMustBeWellFormed() {
        WebRoutes routes = server.routesFor("p");
        routes.serve("hook", request -> WebResponse.text(200, ""));

        assertThrows(IllegalStateException.class,
                () -> routes.serve("hook", request -> WebResponse.text(200, "")));
        assertThrows(IllegalArgumentException.class,
                () -> routes.serve("../etc", request -> WebResponse.text(200, "")));
    }
}
