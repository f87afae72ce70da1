package casebird.harness.twitter;

import java.util.Optional;

/** Twitter v1.1: paths under {@code /1.1/}, OAuth 1.0a, {@code {"errors":[{code}]}} bodies. */
final class V1Dialect implements ApiDialect {

    private static final String BASE_PATH = "/1.1/";

    private final OAuthVerifier verifier;

    V1Dialect(OAuthVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Optional<Endpoint> route(String method, String rawPath) {
        return rawPath.startsWith(BASE_PATH)
                ? Endpoint.route(method, rawPath.substring(BASE_PATH.length()))
                : Optional.empty();
    }

    @Override
    public TwitterAccount authenticate(Endpoint endpoint, ApiRequest request) {
        return verifier.verify(request);
    }

    @Override
    public ApiResponse error(TwitterApiError error, ApiRequest request) {
        return ApiResponse.error(error);
    }

    @Override
    public String garbage() {
        return "{\"events\":[{\"type\":\"message_cre";
    }
}
