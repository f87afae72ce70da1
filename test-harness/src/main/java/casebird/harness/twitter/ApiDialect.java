package casebird.harness.twitter;

import java.util.Optional;

/** How one version of the API (v1.1, v2) routes a call, authenticates it and words errors. */
interface ApiDialect {

    /** The endpoint serving an HTTP method on a raw request path, if any. */
    Optional<Endpoint> route(String method, String rawPath);

    /**
     * The account a call to {@code endpoint} acts as.
     *
     * @throws TwitterApiError when the call's credentials are missing, wrong or not enough
     */
    TwitterAccount authenticate(Endpoint endpoint, ApiRequest request);

    /** The answer carrying an error, in this version's error format. */
    ApiResponse error(TwitterApiError error, ApiRequest request);

    /** A 200 body cut off in the middle of this version's JSON, for the garbage fault. */
    String garbage();
}
