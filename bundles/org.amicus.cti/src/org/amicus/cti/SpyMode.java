package org.amicus.cti;

/** How a supervisor joins an agent's call through ChanSpy. */
public enum SpyMode {
    /** Hear both sides, unheard. */
    LISTEN("q"),
    /** Hear both sides and talk to the agent only (prompting). */
    WHISPER("qw"),
    /** Hear and talk to both sides. */
    BARGE("qB");

    private final String options;

    SpyMode(String options) {
        this.options = options;
    }

    /**
     * ChanSpy's options; {@code E} ends the spying when the spied call ends, {@code S} at once when there is nothing to
     * spy on (instead of waiting for a channel to appear).
     */
    public String chanSpyOptions() {
        return options + "ES";
    }
}
