package org.amicus.cti.ui.actions;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.parts.Failures;
import org.amicus.cti.ui.parts.Notifier;
import org.eclipse.swt.widgets.Display;

/** Tells the agent that an action rings their phone, then how it ended, on the UI thread. */
final class ActionReports {

    private final Notifier notifier;
    private final Display display;
    private final Messages messages;

    ActionReports(Notifier notifier, Display display, Messages messages) {
        this.notifier = notifier;
        this.display = display;
        this.messages = messages;
    }

    /**
     * @param what       the action, e.g. "Call to 101"
     * @param myPhone    my device, which the action rings first
     * @param onAnswered what else to do once it answered, on the UI thread
     */
    void track(String what, String myPhone, CompletableFuture<OriginateOutcome> action,
            Consumer<OriginateOutcome> onAnswered) {
        notifier.good(Messages.format(messages.ringingMyPhone, what, myPhone));
        action.whenComplete((outcome, failure) -> onUiThread(() -> {
            if (failure != null) {
                notifier.bad(Messages.format(messages.failedWith, what, Failures.message(failure)));
                return;
            }
            String text = OutcomeMessages.of(messages, what, myPhone, outcome);
            if (outcome.result() == OriginateOutcome.Result.ANSWERED) {
                onAnswered.accept(outcome);
                notifier.good(text);
            } else {
                notifier.bad(text);
            }
        }));
    }

    /** Outcomes arrive on AMI threads; a window closed meanwhile has nobody left to tell. */
    void onUiThread(Runnable report) {
        if (!display.isDisposed()) {
            display.asyncExec(report);
        }
    }
}
