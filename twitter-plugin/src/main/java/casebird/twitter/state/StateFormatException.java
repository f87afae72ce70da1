package casebird.twitter.state;

/**
 * The state file was written in a format this plugin cannot read: a newer plugin wrote it,
 * or it is not a casebird state file at all.
 */
public final class StateFormatException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String found;
    private final int supported;

    StateFormatException(String file, String found, int supported, String remedy) {
        super("state file " + file + " has format " + found + "; this plugin reads formats 1 to "
                + supported + ": " + remedy);
        this.found = found;
        this.supported = supported;
    }

    /** The format the file declares, as written. */
    public String found() {
        return found;
    }

    /** The newest format this plugin reads. */
    public int supported() {
        return supported;
    }
}
