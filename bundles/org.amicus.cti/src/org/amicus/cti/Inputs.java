package org.amicus.cti;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks what an agent types before anything is sent, so a form can say what is wrong as they type. The same checks
 * guard {@link CtiActions}.
 */
public final class Inputs {

    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z*#+]{1,64}");
    private static final Pattern RECORDING = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

    private Inputs() {
    }

    /** Why this cannot be dialled, if it cannot: digits, letters, {@code * # +} only. In English. */
    public static Optional<String> numberProblem(String number) {
        return numberProblem(number, Locale.ROOT);
    }

    /** Why this cannot be dialled, if it cannot, in the language of {@code locale}. */
    public static Optional<String> numberProblem(String number, Locale locale) {
        return number != null && NUMBER.matcher(number).matches() ? Optional.empty()
                : Optional.of(Words.of(locale, "notDialable", String.valueOf(number)));
    }

    /** Why this is not the name of a recording, if it is not, e.g. {@code custom/welcome} is one. In English. */
    public static Optional<String> recordingProblem(String recording) {
        return recordingProblem(recording, Locale.ROOT);
    }

    /** Why this is not the name of a recording, if it is not, in the language of {@code locale}. */
    public static Optional<String> recordingProblem(String recording, Locale locale) {
        return recording != null && RECORDING.matcher(recording).matches() ? Optional.empty()
                : Optional.of(Words.of(locale, "notRecordingName", String.valueOf(recording)));
    }
}
