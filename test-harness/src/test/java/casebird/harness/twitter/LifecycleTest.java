package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static boolean serverThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("fake-twitter-"));
    }

    @Test
    void closeStopsTheServerAndItsThreads() throws Exception {
        FakeTwitterApi api = FakeTwitterApi.start(Clock.systemUTC());
        TwitterAccount bot = api.createAccount("casebird");
        SignedCalls calls = new SignedCalls(api);
        assertEquals(200, calls.get(bot, "account/verify_credentials.json").statusCode());
        assertTrue(serverThreadsAlive());

        api.close();

        assertThrows(IOException.class,
                () -> calls.get(bot, "account/verify_credentials.json"));
        assertFalse(serverThreadsAlive(), "fake-twitter threads still alive");
    }

    @Test
    void closeEndsOpenStreamsAndTheirThreads() throws Exception {
        FakeTwitterApi api = FakeTwitterApi.start(Clock.systemUTC());
        api.v2().setStreamKeepAlive(Duration.ofMillis(100));
        XaaCalls xaa = new XaaCalls(api);
        try (XaaCalls.Stream first = xaa.stream(xaa.appToken(), Duration.ofSeconds(20));
                XaaCalls.Stream second = xaa.stream(xaa.appToken(), Duration.ofSeconds(20))) {
            try {
                assertEquals("", first.line());
                assertEquals("", second.line());
            } finally {
                api.close();
            }

            assertNull(first.event());
            assertNull(second.event());
        }
        assertFalse(serverThreadsAlive(), "fake-twitter threads still alive");
    }
}
