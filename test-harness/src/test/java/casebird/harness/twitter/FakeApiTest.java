package casebird.harness.twitter;

import java.io.IOException;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fake API with the bot's account before each test and closes it after. */
abstract class FakeApiTest {

    FakeTwitterApi api;
    SignedCalls calls;
    V2Calls v2;
    TwitterAccount bot;

    /** The clock the fake runs on; tests that move time override it. */
    Clock clock() {
        return Clock.systemUTC();
    }

    @BeforeEach
    void startApi() throws IOException {
        api = FakeTwitterApi.start(clock());
        calls = new SignedCalls(api);
        v2 = new V2Calls(api);
        bot = api.createAccount("casebird");
    }

    @AfterEach
    void closeApi() {
        api.close();
    }
}
