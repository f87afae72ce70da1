package casebird.twitter.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.LogCapture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentDirectoryTest extends DirectoryFixture {

    AgentDirectoryTest() {
        super(new FakeTwitter().account("alice_t", 11),
                new FakeCrm().user("alice", "@Alice_T").user("dave", "123456789")
                        .user("carol", null));
    }

    @Test
    void numericFieldValuesAreIdsAndNamesAreResolvedOnce() {
        assertEquals(Optional.of(123456789L), directory.idOfLogin("dave"));
        assertEquals(Optional.of(11L), directory.idOfLogin("alice"));
        assertEquals(Optional.of(11L), directory.idOfLogin("alice"));
        assertEquals(Optional.empty(), directory.idOfLogin("carol"));

        assertEquals(List.of(List.of("alice_t")), twitter.lookups());
    }

    @Test
    void senderIdsMapBackToLogins() {
        assertEquals(Optional.of("alice"), directory.loginOf(11));
        assertEquals(Optional.of("dave"), directory.loginOf(123456789));
        assertEquals(Optional.empty(), directory.loginOf(66));
    }

    @Test
    void aPinnedHandleHoldsWhenTheNameMovesToAnotherAccount() {
        directory.idOfLogin("alice");
        twitter.account("alice_t", 66);

        assertEquals(Optional.of(11L), directory.idOfLogin("alice"));
        assertEquals(Optional.empty(), directory.loginOf(66));
    }

    @Test
    void anUnknownSenderRebuildsTheMapAtMostOncePerPoll() {
        directory.loginOf(11);
        crm.user("erin", "777");

        Optional<String> beforePoll = directory.loginOf(777);
        directory.beginPoll();
        Optional<String> afterPoll = directory.loginOf(777);

        assertEquals(Optional.empty(), beforePoll);
        assertEquals(Optional.of("erin"), afterPoll);
    }

    @Test
    void theFirstPollPinsEveryNameSoARenameBeforeAnyDmChangesNothing() {
        directory.beginPoll();
        twitter.account("alice_t", 66);

        assertEquals(Optional.empty(), directory.loginOf(66));
        assertEquals(Optional.of("alice"), directory.loginOf(11));
    }

    @Test
    void aNameThatMovedToAnotherAccountIsReportedOnceWithTheFix() {
        directory.beginPoll();
        twitter.account("alice_t", 66);

        String log = LogCapture.during(() -> pollTimes(3 * AgentDirectory.POLLS_PER_CHECK));

        assertEquals(1, log.lines().filter(l -> l.contains("WARN")).count(), log);
        assertTrue(log.contains("CRM user alice"), log);
        assertTrue(log.contains("pinned to account 11"), log);
        assertTrue(log.contains("gives that name to account 66"), log);
        assertTrue(log.contains("edit the field"), log);
        assertEquals(Optional.of(11L), directory.idOfLogin("alice"));
    }

    @Test
    void theCheckMakesOneLookupPerCheckAndNoneInBetween() {
        directory.beginPoll();
        int before = twitter.lookups().size();

        pollTimes(2 * AgentDirectory.POLLS_PER_CHECK);

        assertEquals(before + 2, twitter.lookups().size());
    }

    @Test
    void editingTheFieldPinsTheNewValueAfresh() {
        directory.beginPoll();
        twitter.account("alice_new", 77);
        crm.user("alice", "@alice_new");

        directory.beginPoll();

        assertEquals(Optional.of("alice"), directory.loginOf(77));
        assertEquals(Optional.empty(), directory.loginOf(11));
        assertEquals(Optional.of(77L), directory.idOfLogin("alice"));
    }

    @Test
    void aHugeNumberIsNeitherAnIdNorAName() {
        crm.user("zed", "99999999999999999999");

        assertEquals(Optional.empty(), directory.idOfLogin("zed"));
        assertEquals(List.of(), twitter.lookups());
    }

    private void pollTimes(int polls) {
        for (int i = 0; i < polls; i++) {
            directory.beginPoll();
        }
    }
}
