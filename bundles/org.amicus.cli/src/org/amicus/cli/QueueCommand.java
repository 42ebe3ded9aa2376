package org.amicus.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueMember;
import org.amicus.cti.QueueRegistry;

/**
 * {@code queue login|logout|pause|unpause}: my phone's (or {@code --device}'s) membership of one queue
 * ({@code --queue}) or of all, each printed as the PBX then reported it.
 */
final class QueueCommand {

    /** The queues of a new connection are listed within this. */
    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(60);
    /** The actions wait {@link QueueActions#EVIDENCE_LIMIT} for the PBX; this adds a margin. */
    private static final Duration OUTCOME_TIMEOUT = QueueActions.EVIDENCE_LIMIT.plusSeconds(10);

    private final QueueRegistry registry;
    private final QueueActions actions;

    QueueCommand(QueueRegistry registry, QueueActions actions) {
        this.registry = registry;
        this.actions = actions;
    }

    Exit run(Arguments arguments, Login login, PbxSession pbx, Output output)
            throws ExecutionException, InterruptedException {
        String action = arguments.parameter();
        Optional<String> queue = arguments.value(Option.QUEUE);
        String reason = arguments.value(Option.REASON).orElse("");
        if (!List.of("login", "logout", "pause", "unpause").contains(action)) {
            throw Arguments.usage(Messages.bind(Messages.queueActionInvalid, action));
        }
        if (arguments.has(Option.REASON) && !action.equals("pause")) {
            throw Arguments.usage(Messages.reasonOnlyWithPause);
        }
        QueueActions member = arguments.value(Option.DEVICE).map(actions::forMember).orElse(actions);
        CompletableFuture<?> listed = registry.nextResync();
        pbx.connect(login);
        pbx.await(listed, LISTING_TIMEOUT, Messages.awaitQueues);
        CompletableFuture<List<QueueMember>> done = switch (action) {
            case "login" -> queue.map(member::logIn).orElseGet(member::logInAll);
            case "logout" -> queue.map(member::logOut).orElseGet(member::logOutAll);
            case "pause" -> queue.map(name -> member.pause(name, reason)).orElseGet(() -> member.pauseAll(reason));
            default -> queue.map(member::unpause).orElseGet(member::unpauseAll);
        };
        for (QueueMember shown : pbx.awaitConnected(done, OUTCOME_TIMEOUT, Messages.bind(Messages.awaitQueueAction, action))) {
            output.result(new Json().put("command", "queue").put("action", action).put("queue", shown.queue())
                    .put("device", shown.device()).put("state", shown.state().name()).put("paused", shown.paused())
                    .put("reason", shown.pauseReason()).put("exit", Exit.OK.code()),
                    Messages.bind(Messages.queueShown, new Object[] { shown.queue(), shown.device(), describe(shown) }));
        }
        return Exit.OK;
    }

    private static String describe(QueueMember member) {
        if (!member.loggedIn()) {
            return Messages.memberLoggedOut;
        }
        if (member.paused()) {
            return member.pauseReason().isEmpty() ? Messages.memberPaused
                    : Messages.bind(Messages.memberPausedBecause, member.pauseReason());
        }
        return member.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
