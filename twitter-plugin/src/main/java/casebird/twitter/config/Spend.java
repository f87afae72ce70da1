package casebird.twitter.config;

import casebird.twitter.budget.Prices;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * X API v2's pay-per-use cost as the plugin budgets it.
 *
 * @param dailyCap the most to spend per UTC day, in US dollars; empty for no cap
 * @param prices the price of each billed resource, X's published ones unless set
 */
public record Spend(Optional<BigDecimal> dailyCap, Prices prices) {

    /** Reads the cap and the prices. */
    static Spend read(SettingsReader r) {
        Prices x = Prices.published();
        Optional<BigDecimal> cap = r.dollars("daily-spend-cap");
        Prices prices = new Prices(
                r.dollars("price-dm-event-read").orElse(x.dmEventRead()),
                r.dollars("price-dm-sent").orElse(x.dmSent()),
                r.dollars("price-user-returned").orElse(x.userReturned()),
                r.dollars("price-dm-delivered").orElse(x.dmDelivered()));
        return new Spend(cap, prices);
    }
}
