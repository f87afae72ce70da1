package casebird.harness.twitter;

/** Serves one endpoint for an authenticated, admitted call. */
@FunctionalInterface
interface EndpointHandler {

    /**
     * The answer to a request made as {@code caller}.
     *
     * @throws TwitterApiError when Twitter would answer with an error
     */
    ApiResponse handle(TwitterAccount caller, ApiRequest request);
}
