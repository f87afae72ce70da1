package casebird.twitter.identity;

import casebird.twitter.state.StateStore;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.FakeTwitter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A directory over a fake Twitter, a fake CRM and a real store, opened and closed per test. */
abstract class DirectoryFixture {

    @TempDir Path dir;
    final FakeTwitter twitter;
    final FakeCrm crm;
    StateStore store;
    AgentDirectory directory;

    DirectoryFixture(FakeTwitter twitter, FakeCrm crm) {
        this.twitter = twitter;
        this.crm = crm;
    }

    @BeforeEach
    void openStore() {
        store = StateStore.open(dir);
        directory = new AgentDirectory(crm, "twitter", twitter, store.pins());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
