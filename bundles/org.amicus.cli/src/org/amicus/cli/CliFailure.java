package org.amicus.cli;

/** Ends a command with an exit code and one line for stderr. */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final Exit exit;

    CliFailure(Exit exit, String message) {
        super(message, null, false, false);
        this.exit = exit;
    }

    Exit exit() {
        return exit;
    }
}
