package org.amicus.cti;

import java.util.Locale;

/** Asterisk's channel states, as AMI numbers them in {@code ChannelState}. */
public enum ChannelState {
    DOWN, RESERVED, OFF_HOOK, DIALING, RING, RINGING, UP, BUSY, DIALING_OFF_HOOK, PRE_RING, UNKNOWN;

    private static final ChannelState[] BY_NUMBER = values();   // values() copies the array at every call

    /** The state for AMI's number; {@link #UNKNOWN} for anything else. */
    public static ChannelState ofAmi(String number) {
        try {
            int index = Integer.parseInt(number.trim());
            return index >= 0 && index < UNKNOWN.ordinal() ? BY_NUMBER[index] : UNKNOWN;
        } catch (NumberFormatException | NullPointerException e) {
            return UNKNOWN;
        }
    }

    /** For a person, e.g. "Ringing". */
    public String label() {
        String words = name().replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** For a person, in the words of {@code locale}'s language, e.g. "Звонит". */
    public String label(Locale locale) {
        return Words.of(locale, "channel." + name());
    }
}
