package org.amicus.cti;

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

    /** Why this cannot be dialled, if it cannot: digits, letters, {@code * # +} only. */
    public static Optional<String> numberProblem(String number) {
        return number != null && NUMBER.matcher(number).matches() ? Optional.empty()
                : Optional.of("\"" + number + "\" is not a number that can be dialled: use digits, letters, * # +");
    }

    /** Why this is not the name of a recording, if it is not, e.g. {@code custom/welcome} is one. */
    public static Optional<String> recordingProblem(String recording) {
        return recording != null && RECORDING.matcher(recording).matches() ? Optional.empty()
                : Optional.of("\"" + recording + "\" is not a recording name: use letters, digits, - and _,"
                        + " with / between folders (e.g. custom/welcome)");
    }
}
