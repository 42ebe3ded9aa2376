package org.amicus.cti.ui.actions;

import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;

/** How an action ended, in the words an agent reads in a notification. */
final class OutcomeMessages {

    private OutcomeMessages() {
    }

    /**
     * @param what    the action, e.g. "Call to 101"
     * @param myPhone my device, which every action rings first
     */
    static String of(String what, String myPhone, OriginateOutcome outcome) {
        String text = switch (outcome.result()) {
            case ANSWERED -> "Answered";
            case NO_ANSWER -> "No answer from " + myPhone;
            case BUSY -> "Busy: " + myPhone + " is busy";
            case CONGESTED -> "Network congested";
            case FAILED -> "Failed to reach " + myPhone;
            case CONNECTION_LOST -> "Connection lost while calling " + myPhone;
            case TIMEOUT -> "The PBX reported no outcome in time";
            case ACTION_FAILED -> "My phone " + myPhone + " answered, but " + outcome.detail();
        };
        String said = outcome.hangupCause().filter(cause -> outcome.result() != Result.ANSWERED)
                .map(cause -> what + ": " + text + ": " + cause.describe()).orElse(what + ": " + text);
        boolean detailSaid = outcome.result() == Result.ACTION_FAILED || outcome.detail().isEmpty();
        return detailSaid ? said : said + " (" + outcome.detail() + ")";
    }
}
