package org.amicus.cti.ui.parts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.amicus.cti.AgentProfiles;
import org.amicus.cti.CallQueue;
import org.amicus.cti.QueueActions;
import org.amicus.cti.QueueCaller;
import org.amicus.cti.QueueListener;
import org.amicus.cti.QueueMember;
import org.amicus.cti.QueueRegistry;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.QueueSnapshot;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The wallboard: per queue the callers waiting and the longest wait, the day's answered and abandoned calls and service
 * level; the callers of the queue selected and how long they have waited; the members with their state and pause
 * reason. Refreshes are coalesced to at most ten a second whatever the event rate; waits tick every second.
 */
public class QueuesPart {

    private static final int TICK_MILLIS = 1000;

    @Inject
    @Optional
    QueueRegistry registry;

    @Inject
    @Optional
    QueueActions actions;

    @Inject
    PbxLink link;

    @Inject
    @Optional
    AgentProfiles agents;

    @Inject
    UISynchronize uiSync;

    @Inject
    @Translation
    Messages messages;

    private Label summary;
    private RowTable<CallQueue> queues;
    private RowTable<QueueCaller> callers;
    private RowTable<QueueMember> members;
    private QueueButtons buttons;
    private CoalescedRefresh refresher;
    private final QueueListener listener = changes -> queueRefresh();
    private final Runnable linkChanged = this::queueRefresh;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        summary = new Label(parent, SWT.NONE);
        refresher = new CoalescedRefresh(uiSync, summary, this::refresh);
        summary.setData(WidgetIds.KEY, WidgetIds.QUEUES_SUMMARY);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        queues = new RowTable<>(parent, WidgetIds.QUEUES_TABLE, messages.queuesTableName,
                Messages.list(messages.queueColumns), new int[] { 120, 70, 100, 85, 90, 110, 90 },
                queue -> QueueRows.queueCells(queue, Instant.now(), messages), CallQueue::name);
        queues.table().setLayoutData(tableLayout(2, 120));
        queues.table().addListener(SWT.Selection, event -> refresh());
        callers = new RowTable<>(parent, WidgetIds.QUEUES_CALLERS, messages.callersTableName,
                Messages.list(messages.callerColumns), new int[] { 70, 230, 90 },
                caller -> QueueRows.callerCells(caller, Instant.now()), QueueCaller::uniqueId);
        callers.table().setLayoutData(tableLayout(1, 200));
        members = new RowTable<>(parent, WidgetIds.QUEUES_MEMBERS, messages.membersTableName,
                Messages.list(messages.memberColumns), new int[] { 150, 110, 100, 200, 60 },
                member -> QueueRows.memberCells(member, messages), m -> m.queue() + " " + m.device());
        members.table().setLayoutData(tableLayout(1, 200));
        members.table().addListener(SWT.Selection, event -> updateButtons());
        Label notice = new Label(parent, SWT.NONE);
        notice.setData(WidgetIds.KEY, WidgetIds.QUEUES_NOTICE);
        notice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        buttons = new QueueButtons(parent, this, actions, new Notifier(notice, messages), messages);
        notice.moveBelow(null); // the notice goes under the buttons

        if (registry != null) {
            registry.addListener(listener);
        }
        link.addListener(linkChanged);
        refresh();
        tick();
    }

    private static GridData tableLayout(int span, int height) {
        GridData layout = new GridData(SWT.FILL, SWT.FILL, true, span == 1, span, 1);
        layout.heightHint = height;
        return layout;
    }

    @PreDestroy
    public void dispose() {
        if (registry != null) {
            registry.removeListener(listener);
        }
        link.removeListener(linkChanged);
    }

    /** The queue selected; {@code null} if none is. */
    public CallQueue selectedQueue() {
        return queues.selected();
    }

    /** The member selected; {@code null} if none is. */
    public QueueMember selectedMember() {
        return members.selected();
    }

    /** The queues shown, the callers and members shown; for tests. */
    public List<CallQueue> queueRows() {
        return queues.rows();
    }

    public List<QueueCaller> callerRows() {
        return callers.rows();
    }

    public List<QueueMember> memberRows() {
        return members.rows();
    }

    QueueSnapshot snapshot() {
        return registry == null ? QueueSnapshot.EMPTY : registry.snapshot();
    }

    Shell shell() {
        return summary.getShell();
    }

    /** Any thread: runs the UI work unless the part is gone. */
    void inUi(Runnable work) {
        uiSync.asyncExec(() -> {
            if (!summary.isDisposed()) {
                work.run();
            }
        });
    }

    /** Any thread: asks for one refresh soon; more changes meanwhile ride on it. */
    private void queueRefresh() {
        refresher.ask();
    }

    private void refresh() {
        QueueSnapshot snapshot = snapshot();
        queues.show(List.copyOf(snapshot.queues()));
        CallQueue chosen = queues.selected();
        callers.show(chosen == null ? snapshot.queues().stream().flatMap(queue -> queue.callers().stream())
                .sorted((a, b) -> a.joined().compareTo(b.joined())).toList() : chosen.callers());
        members.show(QueueRows.members(snapshot, chosen));
        summary.setText(summaryOf(snapshot));
        summary.requestLayout();
        updateButtons();
    }

    private void updateButtons() {
        buttons.update(connected(), members.selected());
    }

    private boolean connected() {
        return link.missing() || link.up();
    }

    private String summaryOf(QueueSnapshot snapshot) {
        if (registry == null) {
            return messages.queuesMissing;
        }
        if (!connected()) {
            return messages.queuesAsLastKnown;
        }
        int waiting = snapshot.queues().stream().mapToInt(queue -> queue.callers().size()).sum();
        String device = agents == null ? "" : agents.current().device();
        List<QueueMember> mine = device.isEmpty() ? List.of() : snapshot.queuesOf(device).stream()
                .map(queue -> queue.member(device).orElseThrow()).toList();
        String me = device.isEmpty() ? messages.setPhoneToLogIn
                : mine.isEmpty() ? Messages.format(messages.inNoQueue, device)
                : Messages.format(messages.inQueues, device, mine.stream()
                        .map(m -> Messages.format(messages.queueWithState, m.queue(), QueueRows.state(m, messages)))
                        .collect(Collectors.joining(", ")));
        String summary = Messages.format(messages.queuesSummary, Messages.plural(messages.queues,
                snapshot.queues().size()), Messages.plural(messages.callers, waiting), me);
        return registry.resyncProblem(Locale.getDefault())
                .map(problem -> Messages.format(messages.withProblem, summary, problem)).orElse(summary);
    }

    /** Waits tick: the visible rows are filled again every second. */
    private void tick() {
        if (summary.isDisposed()) {
            return;
        }
        queues.table().clearAll();
        callers.table().clearAll();
        summary.getDisplay().timerExec(TICK_MILLIS, this::tick);
    }
}
