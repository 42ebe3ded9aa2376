package org.amicus.cti.ui.parts;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.amicus.cti.AgentProfiles;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.CtiActions;
import org.amicus.cti.RecordingState;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.actions.MyCallAction;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * My phone's current calls: whom I talk to, the queue the call came through, how long, whether it is recorded; and
 * buttons (with key bindings) to hang up, transfer (blind, or after consulting the target), park, record and mute the
 * recording of the call I talk in. Each says in the part's notice what the PBX then reported, or why it could not be
 * done. Refreshes are coalesced to at most ten a second; durations tick every second.
 */
public class MyCallPart {

    /** The columns' initial widths in pixels, in the order of {@link Messages#myCallColumns}. */
    private static final int[] WIDTHS = { 220, 90, 90, 80, 120 };
    private static final int TICK_MILLIS = 1000;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    ChannelRegistry registry;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    CtiActions actions;

    @Inject
    PbxLink link;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    AgentProfiles agents;

    @Inject
    UISynchronize uiSync;

    @Inject
    @Translation
    Messages messages;

    private Label summary;
    private RowTable<MyCall> calls;
    private Composite buttonRow;
    private final Map<MyCallAction, Button> buttons = new EnumMap<>(MyCallAction.class);
    private MyCallActions runner;
    private CoalescedRefresh refresher;
    private final ChannelListener listener = changes -> queueRefresh();
    private final Runnable linkChanged = this::queueRefresh;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.NONE);
        refresher = new CoalescedRefresh(uiSync, summary, this::refresh);
        summary.setData(WidgetIds.KEY, WidgetIds.MY_CALL_SUMMARY);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        calls = new RowTable<>(parent, WidgetIds.MY_CALL_TABLE, messages.myCalls,
                Messages.list(messages.myCallColumns), WIDTHS, this::cells, call -> call.mine().uniqueId());
        GridData tableLayout = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableLayout.heightHint = 80;
        calls.table().setLayoutData(tableLayout);
        calls.table().addListener(SWT.Selection, event -> updateButtons());

        buttonRow = new Composite(parent, SWT.NONE);
        buttonRow.setLayout(new RowLayout());
        buttonRow.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        for (MyCallAction action : MyCallAction.values()) {
            Button button = new Button(buttonRow, SWT.PUSH);
            button.setData(WidgetIds.KEY, WidgetIds.myCall(action));
            button.addListener(SWT.Selection, event -> run(action));
            Accessibility.describe(button, button::getText, button::getToolTipText);
            buttons.put(action, button);
        }
        Label notice = new Label(parent, SWT.NONE);
        notice.setData(WidgetIds.KEY, WidgetIds.MY_CALL_NOTICE);
        notice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        runner = new MyCallActions(actions, new Notifier(notice, messages), this, messages);

        if (registry != null) {
            registry.addListener(listener);
        }
        link.addListener(linkChanged);
        refresh();
        tick();
    }

    @PreDestroy
    public void dispose() {
        if (registry != null) {
            registry.removeListener(listener);
        }
        link.removeListener(linkChanged);
    }

    /** Takes the action on my call, or says why it cannot; for the buttons and the key bindings. */
    public void run(MyCallAction action) {
        Optional<String> whyNot = whyNot(action);
        if (whyNot.isPresent()) {
            runner.refused(whyNot.get());
        } else {
            runner.run(action, selectedOrFirst(), recording());
        }
    }

    /** Why the action cannot be taken now, if it cannot. */
    private Optional<String> whyNot(MyCallAction action) {
        if (actions == null || registry == null) {
            return Optional.of(messages.callsMissing);
        }
        if (!connected()) {
            return Optional.of(messages.notConnected);
        }
        String device = device();
        if (device.isEmpty()) {
            return Optional.of(messages.setMyDeviceFirst);
        }
        List<MyCall> mine = calls.rows();
        if (mine.isEmpty()) {
            return Optional.of(Messages.format(messages.myPhoneHasNoCall, device));
        }
        if (action == MyCallAction.HANG_UP || runner.consulting()
                && (action == MyCallAction.TRANSFER || action == MyCallAction.CONSULT)) {
            return Optional.empty();
        }
        if (!mine.get(0).talking()) {
            return Optional.of(Messages.format(messages.myPhoneHasNoAnsweredCall, device));
        }
        if (action == MyCallAction.MUTE_RECORDING && !recording().map(RecordingState::recording).orElse(false)) {
            return Optional.of(messages.nothingToMute);
        }
        return Optional.empty();
    }

    /** Any thread: runs the UI work unless the part is gone. */
    void inUi(Runnable work) {
        uiSync.asyncExec(() -> {
            if (!summary.isDisposed()) {
                work.run();
            }
        });
    }

    Shell shell() {
        return summary.getShell();
    }

    /** Any thread: asks for one refresh soon; more changes meanwhile ride on it. */
    void queueRefresh() {
        refresher.ask();
    }

    private void refresh() {
        ChannelSnapshot snapshot = registry == null ? ChannelSnapshot.EMPTY : registry.snapshot();
        calls.show(MyCall.of(snapshot, device()));
        summary.setText(summary());
        summary.requestLayout();
        updateButtons();
    }

    private void updateButtons() {
        Optional<RecordingState> recording = recording();
        boolean recorded = recording.map(RecordingState::recording).orElse(false);
        boolean muted = recording.map(RecordingState::muted).orElse(false);
        for (Map.Entry<MyCallAction, Button> entry : buttons.entrySet()) {
            MyCallAction action = entry.getKey();
            Button button = entry.getValue();
            String label = action == MyCallAction.RECORD && recorded ? messages.stopRecording
                    : action == MyCallAction.MUTE_RECORDING && muted ? messages.unmuteRecording
                    : action == MyCallAction.TRANSFER && runner.consulting() ? messages.myCallCompleteTransfer
                    : action == MyCallAction.CONSULT && runner.consulting() ? messages.myCallCancelConsultation
                    : action.label(messages);
            button.setText(label);
            Optional<String> whyNot = whyNot(action);
            button.setEnabled(whyNot.isEmpty());
            button.setToolTipText(Messages.format(messages.withKeys, whyNot.orElse(action.purpose(messages)),
                    action.keys(messages)));
        }
        buttonRow.requestLayout(); // the labels change with the recording
    }

    private String summary() {
        if (registry == null) {
            return messages.callsMissing;
        }
        if (device().isEmpty()) {
            return messages.setMyDeviceToSeeCalls;
        }
        String calling = calls.rows().isEmpty() ? messages.noCall
                : Messages.plural(messages.callCount, calls.rows().size());
        return Messages.format(connected() ? messages.myPhoneSummary : messages.myPhoneSummaryNotConnected, device(),
                calling);
    }

    private String[] cells(MyCall call) {
        Optional<RecordingState> recording = recording().filter(r -> r.channelId().equals(call.mine().uniqueId()));
        String recorded = !call.talking() ? ""
                : recording.map(r -> !r.recording() ? messages.notRecorded
                        : r.muted() ? messages.recordingMuted : messages.recording).orElse(messages.notRecorded);
        return new String[] { MyCallActions.describe(call, messages), call.queue(), state(call),
                ChannelRows.clock(Duration.between(call.since(), Instant.now())), recorded };
    }

    private String state(MyCall call) {
        if (call.mine().onHold()) {
            return messages.onHold;
        }
        if (call.talking()) {
            return messages.talking;
        }
        return switch (call.mine().state()) {
            case RINGING -> messages.ringing;
            case RING, DIALING, PRE_RING -> messages.dialling;
            case UP -> messages.answered;
            default -> call.mine().state().label(Locale.getDefault());
        };
    }

    /** The call selected, else the first: the one I talk in, if any. */
    private MyCall selectedOrFirst() {
        MyCall selected = calls.selected();
        return selected != null ? selected : calls.rows().isEmpty() ? null : calls.rows().get(0);
    }

    private Optional<RecordingState> recording() {
        return actions == null || device().isEmpty() ? Optional.empty() : actions.myRecording();
    }

    private String device() {
        return agents == null ? "" : agents.current().device();
    }

    private boolean connected() {
        return link.missing() || link.up();
    }

    /**
     * Durations tick: the rows are shown again every second, and with them the recording state (which the channel
     * registry does not report) and a phone changed in the settings.
     */
    private void tick() {
        if (summary.isDisposed()) {
            return;
        }
        refresh();
        summary.getDisplay().timerExec(TICK_MILLIS, this::tick);
    }
}
