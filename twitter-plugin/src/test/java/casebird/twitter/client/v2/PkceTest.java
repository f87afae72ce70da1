package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void challengeIsTheS256OfRfc7636sTestVector() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void generatedVerifierIs43UnreservedCharactersWithItsOwnChallenge() {
        SecureRandom random = new SecureRandom();

        Pkce first = Pkce.generate(random);
        Pkce second = Pkce.generate(random);

        assertTrue(first.verifier().matches("[A-Za-z0-9_-]{43}"), first.verifier());
        assertEquals(Pkce.challengeOf(first.verifier()), first.challenge());
        assertNotEquals(first.verifier(), second.verifier());
    }
}
