package casebird.harness.crm;

import java.time.Instant;

/**
 * One effect the CRM applied to a case.
 *
 * @param kind {@code dispatch}, {@code accept}, {@code note} or {@code close}
 * @param idempotencyKey the SDK call's key; empty for a CRM-side dispatch, which has none
 */
public record CrmEffect(
        long caseId, String kind, String user, String idempotencyKey, Instant at) {}
