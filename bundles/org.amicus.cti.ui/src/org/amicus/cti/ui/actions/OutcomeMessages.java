package org.amicus.cti.ui.actions;

import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.cti.ui.Messages;

/** How an action ended, in the words an agent reads in a notification. */
final class OutcomeMessages {

    private OutcomeMessages() {
    }

    /**
     * @param what    the action, e.g. "Call to 101"
     * @param myPhone my device, which every action rings first
     */
    static String of(Messages messages, String what, String myPhone, OriginateOutcome outcome) {
        String text = switch (outcome.result()) {
            case ANSWERED -> messages.outcomeAnswered;
            case NO_ANSWER -> Messages.format(messages.outcomeNoAnswer, myPhone);
            case BUSY -> Messages.format(messages.outcomeBusy, myPhone);
            case CONGESTED -> messages.outcomeCongested;
            case FAILED -> Messages.format(messages.outcomeFailed, myPhone);
            case CONNECTION_LOST -> Messages.format(messages.outcomeConnectionLost, myPhone);
            case TIMEOUT -> messages.outcomeTimeout;
            case ACTION_FAILED -> Messages.format(messages.outcomeActionFailed, myPhone, outcome.detail());
        };
        String said = Messages.format(messages.refused, what, text);
        if (outcome.result() != Result.ANSWERED && outcome.hangupCause().isPresent()) {
            var cause = outcome.hangupCause().get();
            said = Messages.format(messages.refused, said, Messages.format(messages.outcomeWithDetail, cause.text(),
                    Messages.format(messages.outcomeCause, cause.code())));
        }
        boolean detailSaid = outcome.result() == Result.ACTION_FAILED || outcome.detail().isEmpty();
        return detailSaid ? said : Messages.format(messages.outcomeWithDetail, said, outcome.detail());
    }
}
