package org.amicus.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.AttendedTransferOutcome;
import org.amicus.cti.Consultation;
import org.amicus.cti.CtiActions;

/**
 * {@code transfer --attended NUMBER}: consults NUMBER while the other party of my answered call waits on hold, then
 * hands the call over when standard input says {@code complete}, or takes it back on {@code cancel}, at the end of the
 * input, on an interrupt or after {@link #CONSULTATION_LIMIT}. Ends with 0 when it went as I said, 9 when the call came
 * back by itself (the target busy, not answering) or the PBX failed the transfer, 6 when it showed nothing in time.
 */
final class AttendedTransferCommand {

    /** How long a consultation may last before it is cancelled, taking the held party back. */
    static final Duration CONSULTATION_LIMIT = Duration.ofMinutes(30);
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(15);
    private static final String COMPLETE = "complete";
    private static final String CANCEL = "cancel";

    private final CtiActions actions;
    private final Terminal terminal;
    private final Output output;

    AttendedTransferCommand(CtiActions actions, Terminal terminal, Output output) {
        this.actions = actions;
        this.terminal = terminal;
        this.output = output;
    }

    Exit run(String number, AgentProfile agent, PbxSession pbx) throws ExecutionException, InterruptedException {
        Consultation consultation = pbx.awaitConnected(actions.attendedTransfer(number),
                CtiActions.TRANSFER_LIMIT.plus(ANSWER_MARGIN), Messages.awaitConsultation);
        output.result(json(number, agent, "CONSULTING", consultation.transferee(), consultation.target(), ""),
                Messages.bind(Messages.consulting, consultation.target(), consultation.transferee()));
        output.message(Messages.bind(Messages.consultHowToEnd, COMPLETE, CANCEL));
        CompletableFuture<String> decision = decision();
        CompletableFuture.anyOf(decision, consultation.outcome()).get();
        CompletableFuture<AttendedTransferOutcome> ending = consultation.outcome().isDone() ? consultation.outcome()
                : decision.getNow(CANCEL).equals(COMPLETE) ? consultation.complete() : consultation.cancel();
        AttendedTransferOutcome outcome = pbx.awaitConnected(ending, CtiActions.TRANSFER_LIMIT.plus(ANSWER_MARGIN),
                Messages.awaitTransfer);
        Exit exit = switch (outcome.result()) {
            case TRANSFERRED -> Exit.OK;
            case RETURNED -> CANCEL.equals(decision.getNow(null)) ? Exit.OK : Exit.ACTION_FAILED;
            case FAILED -> Exit.ACTION_FAILED;
            case TIMEOUT -> Exit.CONNECTION_LOST;
        };
        String text = switch (outcome.result()) {
            case TRANSFERRED -> Messages.bind(Messages.transferred, outcome.transferee(), outcome.target());
            case RETURNED -> Messages.bind(Messages.transferReturned, outcome.transferee(), outcome.detail());
            case FAILED -> Messages.bind(Messages.transferFailed, outcome.target(), outcome.detail());
            case TIMEOUT -> Messages.bind(Messages.transferTimeout, outcome.target(), outcome.detail());
        };
        output.result(json(number, agent, outcome.result().name(), outcome.transferee(), outcome.target(),
                outcome.detail()).put("exit", exit.code()), text);
        return exit;
    }

    private static Json json(String number, AgentProfile agent, String result, String transferee, String target,
            String detail) {
        return new Json().put("command", "transfer").put("argument", number).put("attended", true)
                .put("device", agent.device()).put("result", result).put("transferee", transferee)
                .put("destination", target).put("detail", detail);
    }

    /** What standard input says to do: complete or cancel; cancel at its end, on an interrupt or after the limit. */
    private CompletableFuture<String> decision() {
        CompletableFuture<String> decision = new CompletableFuture<>();
        terminal.interrupted().thenRun(() -> decision.complete(CANCEL));
        decision.completeOnTimeout(CANCEL, CONSULTATION_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        Thread.ofPlatform().name("amicus-cli-input").daemon().start(() -> {
            BufferedReader lines = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8));
            try {
                for (String line = lines.readLine(); line != null && !decision.isDone(); line = lines.readLine()) {
                    String word = line.strip();
                    if (word.equals(COMPLETE) || word.equals(CANCEL)) {
                        decision.complete(word);
                    } else if (!word.isEmpty()) {
                        output.message(
                                Messages.bind(Messages.consultTypeEither, new Object[] { COMPLETE, CANCEL, word }));
                    }
                }
            } catch (IOException e) {
                // an input that cannot be read has ended
            }
            decision.complete(CANCEL);
        });
        return decision;
    }
}
