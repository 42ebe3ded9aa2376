package org.amicus.cti.ui.parts;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.amicus.cti.CtiActions;
import org.amicus.cti.Inputs;
import org.amicus.cti.RecordingState;
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

    MyCallActions(CtiActions actions, Notifier notifier, MyCallPart part) {
        this.actions = actions;
        this.notifier = notifier;
        this.part = part;
    }

    void refused(String why) {
        notifier.bad(why);
    }

    /** Takes the action on this call (hang up) or on the call I talk in (the others), given its recording state. */
    void run(MyCallAction action, MyCall call, Optional<RecordingState> recording) {
        String other = describe(call);
        switch (action) {
            case HANG_UP -> report("Hang-up", actions.hangUp(call.mine().uniqueId()),
                    done -> good("Hung up my call with " + other));
            case TRANSFER -> InputPrompt.ask(part.shell(), "Transfer",
                    "Transfer " + other + " to a number, a colleague's extension or a queue's:", Inputs::numberProblem)
                    .ifPresent(number -> transfer(other, number));
            case PARK -> report("Park", actions.park(), outcome -> switch (outcome.result()) {
                case PARKED -> good("Parked " + other + " in space " + outcome.space());
                case TIMEOUT -> bad("The PBX took the park of " + other + " but did not say where it parked: "
                        + outcome.detail());
            });
            case RECORD -> {
                if (recording.map(RecordingState::recording).orElse(false)) {
                    report("Stopping the recording", actions.stopRecording(),
                            state -> good("Recording of my call with " + other + " stopped"));
                } else {
                    report("Recording", actions.startRecording(), state -> good("Recording my call with " + other));
                }
            }
            case MUTE_RECORDING -> {
                boolean mute = !recording.map(RecordingState::muted).orElse(false);
                report(mute ? "Muting the recording" : "Unmuting the recording", actions.muteRecording(mute),
                        state -> good(mute ? "Recording muted: silence is recorded until I unmute it"
                                : "Recording my call with " + other + " again"));
            }
        }
    }

    private void transfer(String other, String number) {
        report("Transfer to " + number, actions.blindTransfer(number), outcome -> switch (outcome.result()) {
            case TRANSFERRED -> good("Transferred " + other + " to " + outcome.destination());
            case FAILED -> bad("The PBX could not transfer " + other + " to " + number
                    + (outcome.detail().isEmpty() ? "" : ": " + outcome.detail()) + "; the call is still mine");
            case TIMEOUT -> bad("The PBX took the transfer of " + other + " to " + number
                    + " but did not report it within " + CtiActions.TRANSFER_LIMIT.toSeconds() + " s");
        });
    }

    /** Tells the agent how the action went once it has: the outcome's words, or what was tried and why it failed. */
    private <T> void report(String what, CompletableFuture<T> action, Function<T, Told> words) {
        action.whenComplete((outcome, failure) -> part.inUi(() -> {
            Told told = failure != null ? bad(what + ": " + Failures.message(failure)) : words.apply(outcome);
            if (told.good()) {
                notifier.good(told.text());
            } else {
                notifier.bad(told.text());
            }
            part.queueRefresh();
        }));
    }

    private static Told good(String text) {
        return new Told(true, text);
    }

    private static Told bad(String text) {
        return new Told(false, text);
    }

    /** Who my phone talks to, e.g. {@code "Lea Hart" <0611000051>}, or its channel if the PBX has not said. */
    static String describe(MyCall call) {
        String party = call.other().describe();
        return !party.isEmpty() ? party
                : !call.mine().bridgedWith().isEmpty() ? call.mine().bridgedWith() : "the other party";
    }

    /** What to tell the agent, and whether it went as asked. */
    private record Told(boolean good, String text) {
    }
}
