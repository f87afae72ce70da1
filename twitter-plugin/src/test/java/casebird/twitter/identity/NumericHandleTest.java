package casebird.twitter.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.LogCapture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A bare number in the handle field is an account id, and the log says whose. */
class NumericHandleTest extends DirectoryFixture {

    NumericHandleTest() {
        super(new FakeTwitter().account("erin", 123456789),
                new FakeCrm().user("dave", "123456789").user("zed", "4242"));
    }

    @Test
    void aNumberFirstPinnedIsLoggedWithTheScreenNameItBelongsTo() {
        String log = LogCapture.during(() -> directory.beginPoll());

        assertTrue(log.contains("CRM user dave's 'twitter' field holds the number 123456789,"
                + " taken as the id of Twitter account @erin"), log);
        assertTrue(log.contains("CRM user zed's 'twitter' field holds the number 4242, taken"
                + " as the id of a Twitter account that does not exist"), log);
        assertEquals(Optional.of("dave"), directory.loginOf(123456789));
    }

    @Test
    void aNumberIsLoggedOnlyWhenFirstPinned() {
        directory.beginPoll();
        directory = new AgentDirectory(crm, "twitter", twitter, store.pins());

        String log = LogCapture.during(() -> directory.beginPoll());

        assertEquals("", log);
        assertEquals(1, twitter.idLookups().size());
    }
}
