package casebird.twitter.budget;

import java.math.BigDecimal;

/**
 * X API v2's pay-per-use prices in US dollars, each per resource (X-API-V2.md).
 *
 * @param dmEventRead per DM event a list call returns, the bot's own sent DMs too
 * @param dmSent per DM sent: one request
 * @param userReturned per user a lookup (or {@code /2/users/me}) returns
 * @param dmDelivered per {@code dm.received} event the X Activity API delivers
 */
public record Prices(BigDecimal dmEventRead, BigDecimal dmSent, BigDecimal userReturned,
        BigDecimal dmDelivered) {

    /** X's published prices of 2026: $0.010, $0.015, $0.010 and $0.010. */
    public static Prices published() {
        return new Prices(new BigDecimal("0.010"), new BigDecimal("0.015"),
                new BigDecimal("0.010"), new BigDecimal("0.010"));
    }
}
