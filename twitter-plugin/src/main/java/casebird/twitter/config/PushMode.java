package casebird.twitter.config;

import java.util.Locale;

/** How DMs are pushed to the plugin on X API v2's X Activity API, if at all. */
public enum PushMode {
    /** No push: the plugin polls the inbox (v1.1 may still push through webhook-env). */
    OFF,
    /** A persistent {@code GET /2/activity/stream} connection: outbound HTTPS only. */
    STREAM,
    /** A webhook X posts deliveries to: a public HTTPS URL without a port. */
    WEBHOOK;

    /** The word the {@code push} setting uses. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
