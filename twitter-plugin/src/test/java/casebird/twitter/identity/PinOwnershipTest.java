package casebird.twitter.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.LogCapture;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A pin belongs to one CRM user's field value, never to a name shared by everyone. */
class PinOwnershipTest extends DirectoryFixture {

    PinOwnershipTest() {
        super(new FakeTwitter().account("alice_t", 11),
                new FakeCrm().user("alice", "@alice_t"));
    }

    @Test
    void aNamePinnedForOneUserIsLookedUpAfreshWhenAnotherUserIsGivenIt() {
        directory.beginPoll();
        twitter.account("alice_new", 11).account("alice_t", 66);
        crm.user("alice", "@alice_new").user("aaron", "@Alice_T");

        assertEquals(Optional.of("aaron"), directory.loginOf(66));
        assertEquals(Optional.of("alice"), directory.loginOf(11));
        assertEquals(Optional.of(66L), directory.idOfLogin("aaron"));
        assertEquals(Optional.of(11L), directory.idOfLogin("alice"));
    }

    @Test
    void aRuleRecipientsNameKeepsItsOwnPinApartFromTheUsers() {
        assertEquals(Optional.of(11L), directory.idOfScreenName("@alice_t"));
        twitter.account("alice_t", 66);
        crm.user("aaron", "@alice_t");

        assertEquals(Optional.of(66L), directory.idOfLogin("aaron"));
        assertEquals(Optional.of(11L), directory.idOfScreenName("alice_t"));
    }

    @Test
    void followingTheWarningsAdviceLinksTheAccountThatNowHoldsTheName() {
        directory.beginPoll();
        twitter.account("alice_old", 11).account("alice_t", 77);
        String log = LogCapture.during(() -> pollTimes(AgentDirectory.POLLS_PER_CHECK));
        Matcher advice = Pattern.compile("edit the field to (\\d+);").matcher(log);
        assertTrue(advice.find(), log);

        crm.user("alice", advice.group(1));

        assertEquals(Optional.of("alice"), directory.loginOf(77));
        assertEquals(Optional.empty(), directory.loginOf(11));
    }

    @Test
    void aNameWrittenBackAfterAnotherValueIsLookedUpAfresh() {
        directory.beginPoll();
        twitter.account("alice_old", 11).account("alice_t", 77);
        crm.user("alice", "77");
        directory.loginOf(77);

        crm.user("alice", "@alice_t");

        assertEquals(Optional.of("alice"), directory.loginOf(77));
        assertEquals(Optional.of(77L), directory.idOfLogin("alice"));
    }

    @Test
    void pinsOfAnOlderVersionStayWithTheUserAndTheRulesThatNamedThem() {
        store.pins().pin("alice_t", 11);
        twitter.account("alice_t", 66);

        directory.beginPoll();
        crm.user("aaron", "@alice_t");

        assertEquals(Optional.of("alice"), directory.loginOf(11));
        assertEquals(Optional.of(66L), directory.idOfLogin("aaron"));
        assertEquals(Optional.of(11L), directory.idOfScreenName("@alice_t"));
    }

    private void pollTimes(int polls) {
        for (int i = 0; i < polls; i++) {
            directory.beginPoll();
        }
    }
}
