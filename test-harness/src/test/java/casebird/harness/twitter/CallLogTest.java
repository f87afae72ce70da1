package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallLogTest {

    @Test
    void aReaderSeesACallThatArrivedBeforeItAskedEvenIfItIsRecordedLater() throws Exception {
        CallLog log = new CallLog();
        long ticket = log.arrive();
        RecordedCall call = new RecordedCall(Instant.EPOCH, Optional.of(Endpoint.DM_SEND), "POST",
                "/2/dm_conversations/with/1000001/messages", OptionalLong.of(1000000), 201);
        CompletableFuture<List<RecordedCall>> read = CompletableFuture.supplyAsync(log::all);
        Thread.sleep(200);
        log.record(ticket, call);
        assertEquals(List.of(call), read.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aCallThatEndsWithoutAnswerNoLongerHoldsReadersUp() throws Exception {
        CallLog log = new CallLog();
        long ticket = log.arrive();
        CompletableFuture<List<RecordedCall>> read = CompletableFuture.supplyAsync(log::all);
        Thread.sleep(200);
        log.settle(ticket);
        assertEquals(List.of(), read.get(1, TimeUnit.SECONDS));
    }
}
