package org.amicus.cli;

/** Writes a command's results to stdout, as text or as JSON lines, and messages for a person to stderr. */
final class Output {

    private final Terminal terminal;
    private final boolean json;

    Output(Terminal terminal, boolean json) {
        this.terminal = terminal;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** One result: the JSON object with --json, else the text. */
    void result(Json object, String text) {
        line(json ? object.toString() : text);
    }

    /** A line of text on stdout, with or without --json (a table's heading, say, is left out with it). */
    synchronized void line(String text) {
        terminal.out().println(text);
        terminal.out().flush();
    }

    /** A message for a person, on one line of stderr. */
    synchronized void message(String text) {
        terminal.err().println("amicus cli: " + text.replaceAll("\\s*[\\r\\n]+\\s*", " ")); //$NON-NLS-1$
        terminal.err().flush();
    }
}
