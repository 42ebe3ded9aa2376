package org.amicus.cti;

import java.util.Locale;

/** What a colleague's phone is doing, as its hint on the PBX says. */
public enum ColleagueState {
    IDLE("Idle"),
    RINGING("Ringing"),
    IN_USE("In use"),
    BUSY("Busy"),
    ON_HOLD("On hold"),
    UNAVAILABLE("Unavailable"),
    /** Do not disturb, when the hint carries a presence state the PBX sets to {@code dnd}. */
    DND("Do not disturb"),
    /** The PBX cannot tell, e.g. the hint names a device it does not know. */
    UNKNOWN("Unknown");

    private final String label;

    ColleagueState(String label) {
        this.label = label;
    }

    /** The state in words, e.g. "In use". */
    public String label() {
        return label;
    }

    /** The state in the words of {@code locale}'s language, e.g. "Разговаривает". */
    public String label(Locale locale) {
        return Words.of(locale, "colleague." + name());
    }
}
