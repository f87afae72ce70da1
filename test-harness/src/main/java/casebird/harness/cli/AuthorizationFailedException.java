package casebird.harness.cli;

/** The {@code authorize} flow ended without a refresh token for the bot; says why. */
final class AuthorizationFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    AuthorizationFailedException(String message) {
        super(message);
    }
}
