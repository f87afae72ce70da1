package casebird.twitter.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class DmTextTest {

    @Test
    void textThatFitsIsReturnedUnchanged() {
        String text = "y".repeat(DmText.MAX_LENGTH);

        assertSame(text, DmText.fit(text));
    }

    @Test
    void longTextIsCutToTheLimitWithAnEllipsis() {
        assertEquals("abcd\u2026", DmText.shorten("abcdefgh", 5));
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String fire = "\ud83d\udd25";

        assertEquals("abc\u2026", DmText.shorten("abc" + fire + "defg", 5));
    }
}
