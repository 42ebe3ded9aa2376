package org.amicus.cti.ui.parts;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.amicus.cti.CallQueue;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueMember;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.dialogs.ReasonPrompt;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The Queues part's buttons: log in, log out, pause with a reason and unpause for me (in the queue selected, or in all
 * when none is), and pause, unpause or log out the member selected, for a supervisor. Each says in the part's notice
 * what the PBX then showed, or why it could not be done.
 */
final class QueueButtons {

    private final QueueActions actions;
    private final QueuesPart part;
    private final Notifier notifier;
    private final Button[] mine;
    private final Button[] member;
    private final Messages messages;

    QueueButtons(Composite parent, QueuesPart part, QueueActions actions, Notifier notifier, Messages messages) {
        this.messages = messages;
        this.actions = actions;
        this.part = part;
        this.notifier = notifier;
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayout(new RowLayout());
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(row, SWT.NONE).setText(messages.queueTitleMe);
        mine = new Button[] {
            button(row, messages.queueLogIn, WidgetIds.QUEUES_LOG_IN, messages.queueLogInPurpose,
                    () -> forQueue(messages.whatLogIn, queue -> actions.logIn(queue), () -> actions.logInAll())),
            button(row, messages.queueLogOut, WidgetIds.QUEUES_LOG_OUT, messages.queueLogOutPurpose,
                    () -> forQueue(messages.whatLogOut, queue -> actions.logOut(queue), () -> actions.logOutAll())),
            button(row, messages.queuePause, WidgetIds.QUEUES_PAUSE, messages.queuePausePurpose,
                    () -> pause(actions, part.selectedQueue())),
            button(row, messages.queueUnpause, WidgetIds.QUEUES_UNPAUSE, messages.queueUnpausePurpose,
                    () -> forQueue(messages.whatEndOfPause, queue -> actions.unpause(queue),
                            () -> actions.unpauseAll())) };
        new Label(row, SWT.NONE).setText("   " + messages.queueTitleMember); // set apart from my buttons
        member = new Button[] {
            button(row, messages.queuePause, WidgetIds.QUEUES_PAUSE_MEMBER, messages.memberPausePurpose,
                    () -> forMember(m -> pause(actions.forMember(m.device()), queueOf(m)))),
            button(row, messages.queueUnpause, WidgetIds.QUEUES_UNPAUSE_MEMBER, messages.memberUnpausePurpose,
                    () -> forMember(m -> run(messages.whatEndOfPause,
                            () -> actions.forMember(m.device()).unpause(m.queue())))),
            button(row, messages.queueLogOut, WidgetIds.QUEUES_LOG_OUT_MEMBER, messages.memberLogOutPurpose,
                    () -> forMember(m -> run(messages.whatLogOut,
                            () -> actions.forMember(m.device()).logOut(m.queue())))) };
    }

    /** Enables what can be tried now: my actions once connected, a member's once one is selected. */
    void update(boolean connected, QueueMember selectedMember) {
        for (Button button : mine) {
            button.setEnabled(actions != null && connected);
        }
        boolean memberChosen = actions != null && connected && selectedMember != null && selectedMember.loggedIn();
        for (Button button : member) {
            button.setEnabled(memberChosen);
        }
    }

    /** Acts in the queue selected, or in all when none is. */
    private void forQueue(String what, Function<String, CompletableFuture<List<QueueMember>>> one,
            Supplier<CompletableFuture<List<QueueMember>>> all) {
        CallQueue queue = part.selectedQueue();
        run(what, () -> queue == null ? all.get() : one.apply(queue.name()));
    }

    private void forMember(Consumer<QueueMember> action) {
        QueueMember selected = part.selectedMember();
        if (selected != null) {
            action.accept(selected);
        }
    }

    /** The member's queue, as a queue to pause in. */
    private CallQueue queueOf(QueueMember member) {
        return part.snapshot().byName(member.queue()).orElse(null);
    }

    private void pause(QueueActions who, CallQueue queue) {
        String question = queue == null ? messages.whyPauseEverywhere
                : Messages.format(messages.whyPauseIn, queue.name());
        ReasonPrompt.ask(part.shell(), messages, question, who.pauseReasons())
                .ifPresent(reason -> run(messages.whatPause,
                        () -> queue == null ? who.pauseAll(reason) : who.pause(queue.name(), reason)));
    }

    /** Runs the action; tells how it went, e.g. "Pause of PJSIP/108: support Paused: Lunch". */
    private void run(String what, Supplier<CompletableFuture<List<QueueMember>>> action) {
        action.get().whenComplete((members, failure) -> part.inUi(() -> {
            if (failure != null) {
                notifier.bad(Messages.format(messages.failedWith, what, Failures.message(failure)));
            } else {
                notifier.good(Messages.format(messages.queueActionDone, what, members.get(0).device(), members
                        .stream().map(m -> Messages.format(messages.memberInQueue, m.queue(),
                                QueueRows.state(m, messages)))
                        .collect(Collectors.joining(", "))));
            }
        }));
    }

    private static Button button(Composite row, String text, String id, String tip, Runnable action) {
        Button button = new Button(row, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tip);
        Accessibility.describe(button, text.replace("…", ""), tip);
        button.setData(WidgetIds.KEY, id);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }
}
