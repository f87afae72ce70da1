package casebird.twitter.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.LogCapture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An account several CRM users name belongs to none of them; the bot's own to nobody. */
class SharedAndBotAccountsTest extends DirectoryFixture {

    SharedAndBotAccountsTest() {
        super(new FakeTwitter().account("alice_t", 11).account("casebird", FakeTwitter.BOT_ID),
                new FakeCrm().user("alice", "@alice_t"));
    }

    @Test
    void twoUsersNamingOneAccountByNameAndByIdGetNeitherItsDmsNorNotices() {
        crm.user("zed", "11");

        String log = LogCapture.during(() -> directory.beginPoll());

        assertEquals(Optional.empty(), directory.loginOf(11));
        assertEquals(Optional.empty(), directory.idOfLogin("alice"));
        assertEquals(Optional.empty(), directory.idOfLogin("zed"));
        assertTrue(log.contains("CRM users alice and zed name the same Twitter account 11"), log);
    }

    @Test
    void theSameNamePinnedToDifferentAccountsForTwoUsersIsNoConflict() {
        directory.beginPoll();
        twitter.account("alice_new", 11).account("alice_t", 66);
        crm.user("aaron", "@alice_t");

        assertEquals(Optional.of("aaron"), directory.loginOf(66));
        assertEquals(Optional.of("alice"), directory.loginOf(11));
    }

    @Test
    void aUserMappedToTheBotsAccountGetsNoNoticeAndTheLogSaysWhy() {
        crm.user("bob", "@casebird");
        directory.botIs(FakeTwitter.BOT_ID);

        String log = LogCapture.during(() -> directory.beginPoll());

        assertEquals(Optional.empty(), directory.idOfLogin("bob"));
        assertEquals(Optional.empty(), directory.loginOf(FakeTwitter.BOT_ID));
        assertEquals(Optional.of(11L), directory.idOfLogin("alice"));
        assertTrue(log.contains("CRM user bob's 'twitter' field names the bot's own Twitter"
                + " account " + FakeTwitter.BOT_ID), log);
    }

    @Test
    void aRuleNamingTheBotGetsNoNotice() {
        directory.botIs(FakeTwitter.BOT_ID);

        assertEquals(Optional.empty(), directory.idOfScreenName("@CaseBird"));
    }
}
