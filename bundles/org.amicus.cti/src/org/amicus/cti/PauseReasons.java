package org.amicus.cti;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reasons an agent may give for a pause, as the administrator set them, e.g. Lunch, Training, Back office.
 *
 * @param catalogue       the reasons to choose from, in the order to offer them
 * @param freeTextAllowed whether an agent may type a reason of their own
 */
public record PauseReasons(List<String> catalogue, boolean freeTextAllowed) {

    /** The longest reason the PBX is given; its queue log keeps short lines. */
    public static final int MAX_LENGTH = 80;

    public PauseReasons {
        catalogue = List.copyOf(catalogue);
    }

    /**
     * Why this reason cannot be given, if it cannot; an empty reason (a pause without one) is always allowed. In
     * English.
     */
    public Optional<String> problem(String reason) {
        return problem(reason, Locale.ROOT);
    }

    /** Why this reason cannot be given, if it cannot, in the language of {@code locale}. */
    public Optional<String> problem(String reason, Locale locale) {
        if (reason == null || reason.isEmpty() || catalogue.contains(reason)) {
            return Optional.empty();
        }
        if (!freeTextAllowed) {
            return Optional.of(Words.of(locale, "notAPauseReason", reason, String.join(", ", catalogue)));
        }
        if (reason.length() > MAX_LENGTH || reason.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of(Words.of(locale, "pauseReasonTooLong", String.valueOf(MAX_LENGTH)));
        }
        return Optional.empty();
    }
}
