package org.amicus.cti.ui.parts;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.amicus.cti.AttendedTransferOutcome;
import org.amicus.cti.Consultation;
import org.amicus.cti.CtiActions;
import org.amicus.cti.Inputs;
import org.amicus.cti.RecordingState;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.actions.MyCallAction;
import org.amicus.cti.ui.dialogs.InputPrompt;

/**
 * Takes the My call part's actions through {@link CtiActions} and words their outcomes for the agent: what the PBX
 * reported, or why it could not be done, never a stack trace.
 */
final class MyCallActions {

    private final CtiActions actions;
    private final Notifier notifier;
    private final MyCallPart part;
    private final Messages messages;
    /** The attended transfer under way, if any: read and written on the UI thread only. */
    private Consultation consultation;
    private boolean cancelling;

    MyCallActions(CtiActions actions, Notifier notifier, MyCallPart part, Messages messages) {
        this.actions = actions;
        this.notifier = notifier;
        this.part = part;
        this.messages = messages;
    }

    void refused(String why) {
        notifier.bad(why);
    }

    /** Whether an attended transfer is under way: transfer then completes it, consult cancels it. */
    boolean consulting() {
        return consultation != null;
    }

    /** Takes the action on this call (hang up) or on the call I talk in (the others), given its recording state. */
    void run(MyCallAction action, MyCall call, Optional<RecordingState> recording) {
        String other = describe(call, messages);
        switch (action) {
            case HANG_UP -> report(messages.hangUpWhat, actions.hangUp(call.mine().uniqueId()),
                    done -> good(Messages.format(messages.hungUpCallWith, other)));
            case TRANSFER -> {
                if (consulting()) {
                    report(messages.completingTransfer, consultation.complete(), outcome -> null);
                } else {
                    askNumber(messages.transferTitle, Messages.format(messages.transferQuestion, other))
                            .ifPresent(number -> transfer(other, number));
                }
            }
            case CONSULT -> {
                if (consulting()) {
                    cancelling = true;
                    report(messages.cancellingConsultation, consultation.cancel(), outcome -> null);
                } else {
                    askNumber(messages.consultTitle, Messages.format(messages.consultQuestion, other))
                            .ifPresent(number -> consult(other, number));
                }
            }
            case PARK -> report(messages.parkWhat, actions.park(), outcome -> switch (outcome.result()) {
                case PARKED -> good(Messages.format(messages.parkedIn, other, outcome.space()));
                case TIMEOUT -> bad(Messages.format(messages.parkNotSaid, other, outcome.detail()));
            });
            case RECORD -> {
                if (recording.map(RecordingState::recording).orElse(false)) {
                    report(messages.stoppingRecording, actions.stopRecording(),
                            state -> good(Messages.format(messages.recordingStopped, other)));
                } else {
                    report(messages.recordingWhat, actions.startRecording(),
                            state -> good(Messages.format(messages.recordingCallWith, other)));
                }
            }
            case MUTE_RECORDING -> {
                boolean mute = !recording.map(RecordingState::muted).orElse(false);
                report(mute ? messages.mutingRecording : messages.unmutingRecording, actions.muteRecording(mute),
                        state -> good(mute ? messages.recordingMutedNotice
                                : Messages.format(messages.recordingAgain, other)));
            }
        }
    }

    /** Asks for a number to transfer to, checked as it is typed; empty if the agent cancelled. */
    private Optional<String> askNumber(String title, String question) {
        return InputPrompt.ask(part.shell(), messages, title, question,
                number -> Inputs.numberProblem(number, Locale.getDefault()));
    }

    private void transfer(String other, String number) {
        report(Messages.format(messages.transferTo, number), actions.blindTransfer(number),
                outcome -> switch (outcome.result()) {
                    case TRANSFERRED -> good(Messages.format(messages.transferred, other, outcome.destination()));
                    case FAILED -> bad(outcome.detail().isEmpty()
                            ? Messages.format(messages.transferFailed, other, number)
                            : Messages.format(messages.transferFailedWith, other, number, outcome.detail()));
                    case TIMEOUT -> bad(Messages.format(messages.transferNotReported, other, number,
                            CtiActions.TRANSFER_LIMIT.toSeconds()));
                });
    }

    /**
     * Consults the number; the consultation's end, however it comes (completed, cancelled, the target busy or not
     * answering), is told once, when the PBX shows it.
     */
    private void consult(String other, String number) {
        report(Messages.format(messages.consultWhat, number), actions.attendedTransfer(number), started -> {
            consultation = started;
            cancelling = false;
            started.outcome().whenComplete((outcome, failure) -> part.inUi(() -> {
                if (consultation == started) {
                    consultation = null;
                }
                tell(failure != null ? bad(Messages.format(messages.failedWith,
                        Messages.format(messages.consultationEndedWith, started.target()), Failures.message(failure)))
                        : ended(other, outcome));
            }));
            return good(Messages.format(messages.consultingNotice, started.target(), other));
        });
    }

    private Told ended(String other, AttendedTransferOutcome outcome) {
        return switch (outcome.result()) {
            case TRANSFERRED -> good(Messages.format(messages.transferred, other, outcome.target()));
            case RETURNED -> cancelling ? good(Messages.format(messages.consultCancelled, other))
                    : bad(Messages.format(messages.consultReturned, other, outcome.target()));
            case FAILED -> bad(Messages.format(messages.transferFailedWith, other, outcome.target(), outcome.detail()));
            case TIMEOUT -> bad(Messages.format(messages.consultNotReported, other, outcome.target()));
        };
    }

    /**
     * Tells the agent how the action went once it has: the outcome's words (none where another report tells them),
     * or what was tried and why it failed.
     */
    private <T> void report(String what, CompletableFuture<T> action, Function<T, Told> words) {
        action.whenComplete((outcome, failure) -> part.inUi(() -> tell(failure != null
                ? bad(Messages.format(messages.failedWith, what, Failures.message(failure)))
                : words.apply(outcome))));
    }

    private void tell(Told told) {
        if (told != null && told.good()) {
            notifier.good(told.text());
        } else if (told != null) {
            notifier.bad(told.text());
        }
        part.queueRefresh();
    }

    private static Told good(String text) {
        return new Told(true, text);
    }

    private static Told bad(String text) {
        return new Told(false, text);
    }

    /** Who my phone talks to, e.g. {@code "Lea Hart" <0611000051>}, or its channel if the PBX has not said. */
    static String describe(MyCall call, Messages messages) {
        String party = call.other().describe();
        return !party.isEmpty() ? party
                : !call.mine().bridgedWith().isEmpty() ? call.mine().bridgedWith() : messages.theOtherParty;
    }

    /** What to tell the agent, and whether it went as asked. */
    private record Told(boolean good, String text) {
    }
}
