package casebird.api.crm;

/**
 * The result of a change made through the SDK.
 *
 * @param after the case as the call left it
 * @param changed false when the call found nothing to do (accepting a case one already
 *     owns) or repeated an idempotency key already seen
 */
public record CaseUpdate(CrmCase after, boolean changed) {}
