package org.amicus.cti.ui.parts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.amicus.cti.AgentProfiles;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.Colleague;
import org.amicus.cti.ColleagueListener;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.ColleagueState;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.actions.ColleagueActions;
import org.amicus.cti.ui.actions.ColleagueActions.Action;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The colleagues' phones with their state (busy lamp field): call a colleague, or pick up the call ringing on their
 * phone. Refreshes are coalesced to at most ten a second; how long each has been in its state ticks.
 */
public class ColleaguesPart {

    private static final int[] WIDTHS = { 90, 140, 150, 80 };
    private static final int TICK_MILLIS = 1000;

    @Inject
    @Optional
    ColleagueRegistry registry;

    @Inject
    @Optional
    ChannelRegistry channels;

    @Inject
    @Optional
    CtiActions actions;

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
    private Button call;
    private Button pickUp;
    private Table table;
    private Notifier notifier;
    private ColleagueActions colleagueActions;
    private List<Colleague> rows = List.of();
    private CoalescedRefresh refresher;
    private final ColleagueListener listener = changes -> queueRefresh();
    /** A colleague's ringing call can be picked up once its channel rings, which the PBX may report after the hint. */
    private final ChannelListener channelListener = changes -> queueRefresh();
    private final Runnable linkChanged = this::queueRefresh;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        summary = new Label(parent, SWT.NONE);
        refresher = new CoalescedRefresh(uiSync, summary, this::refresh);
        summary.setData(WidgetIds.KEY, WidgetIds.COLLEAGUES_SUMMARY);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        call = button(parent, Action.CALL, WidgetIds.COLLEAGUES_CALL);
        pickUp = button(parent, Action.PICK_UP, WidgetIds.COLLEAGUES_PICK_UP);

        table = new Table(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setData(WidgetIds.KEY, WidgetIds.COLLEAGUES_TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        String[] columns = Messages.list(messages.colleaguesColumns);
        for (int i = 0; i < columns.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(columns[i]);
            column.setWidth(WIDTHS[i]);
        }
        table.addListener(SWT.Selection, event -> updateButtons());
        table.addListener(SWT.DefaultSelection, event -> callOrPickUp());
        Accessibility.describe(table, messages.colleaguesTableName, messages.colleaguesTableDescription);
        Accessibility.nameRows(table);
        Accessibility.describe(summary, messages.colleaguesSummaryName, summary::getText);

        Label notice = new Label(parent, SWT.NONE);
        notice.setData(WidgetIds.KEY, WidgetIds.COLLEAGUES_NOTICE);
        notice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        notifier = new Notifier(notice, messages);
        colleagueActions = new ColleagueActions(actions, agents, channels, link, notifier,
                parent.getDisplay(), messages);

        if (registry != null) {
            registry.addListener(listener);
        }
        if (channels != null) {
            channels.addListener(channelListener);
        }
        link.addListener(linkChanged);
        refresh();
        tick();
    }

    private Button button(Composite parent, Action action, String id) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(action.label(messages));
        button.setData(WidgetIds.KEY, id);
        button.addListener(SWT.Selection, event -> run(action));
        Accessibility.describe(button, action.label(messages), button::getToolTipText);
        return button;
    }

    @Focus
    public void focus() {
        table.setFocus();
    }

    @PreDestroy
    public void dispose() {
        if (registry != null) {
            registry.removeListener(listener);
        }
        if (channels != null) {
            channels.removeListener(channelListener);
        }
        link.removeListener(linkChanged);
    }

    /** The colleagues shown, in their order; for tests. */
    public List<Colleague> rows() {
        return rows;
    }

    /** The colleague selected, as last shown; {@code null} if none is. */
    public Colleague selected() {
        int index = table.getSelectionIndex();
        return index < 0 || index >= rows.size() ? null : rows.get(index);
    }

    /** Takes the action on the selected colleague, or says why it cannot. */
    public void run(Action action) {
        colleagueActions.run(action, selected());
    }

    /** Double-click or Enter: a ringing phone's call is picked up, any other colleague is called. */
    private void callOrPickUp() {
        Colleague colleague = selected();
        run(colleague != null && colleague.state() == ColleagueState.RINGING ? Action.PICK_UP : Action.CALL);
    }

    private void updateButtons() {
        update(call, Action.CALL);
        update(pickUp, Action.PICK_UP);
    }

    private void update(Button button, Action action) {
        java.util.Optional<String> refusal = colleagueActions.whyNot(action, selected());
        button.setEnabled(refusal.isEmpty());
        button.setToolTipText(refusal.orElse(action.purpose(messages)));
    }

    /** Any thread: asks for one refresh soon; more changes meanwhile ride on it. */
    private void queueRefresh() {
        refresher.ask();
    }

    private void refresh() {
        Colleague selected = selected();
        rows = registry == null ? List.of() : registry.colleagues();
        table.setItemCount(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            fill(table.getItem(i), rows.get(i));
        }
        keepSelected(selected);
        summary.setText(summaryOf(rows));
        summary.requestLayout();
        updateButtons();
    }

    /** Rows keep their colleague as others come and go. */
    private void keepSelected(Colleague colleague) {
        table.deselectAll();
        if (colleague == null) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).extension().equals(colleague.extension())
                    && rows.get(i).context().equals(colleague.context())) {
                table.setSelection(i);
                return;
            }
        }
    }

    private String summaryOf(List<Colleague> colleagues) {
        if (registry == null) {
            return messages.colleaguesMissing;
        }
        if (!link.missing() && !link.up()) {
            return colleagues.isEmpty() ? messages.notConnected : messages.colleaguesAsLastKnown;
        }
        if (colleagues.isEmpty()) {
            return registry.resyncProblem(Locale.getDefault()).orElse(messages.noHints);
        }
        Map<ColleagueState, Long> byState = colleagues.stream()
                .collect(Collectors.groupingBy(Colleague::state, Collectors.counting()));
        String total = Messages.plural(messages.colleagues, colleagues.size());
        String states = Arrays.stream(ColleagueState.values())
                .filter(state -> state != ColleagueState.IDLE && byState.containsKey(state))
                .map(state -> Messages.format(messages.stateCount, byState.get(state),
                        state.label(Locale.getDefault()).toLowerCase(Locale.getDefault())))
                .collect(Collectors.joining(", "));
        return states.isEmpty() ? total : Messages.format(messages.colleaguesByState, total, states);
    }

    /** How long each has been in its state ticks. */
    private void tick() {
        if (table.isDisposed()) {
            return;
        }
        Instant now = Instant.now();
        for (int i = 0; i < rows.size() && i < table.getItemCount(); i++) {
            table.getItem(i).setText(3, ChannelRows.clock(Duration.between(rows.get(i).since(), now)));
        }
        table.getDisplay().timerExec(TICK_MILLIS, this::tick);
    }

    private void fill(TableItem item, Colleague colleague) {
        String state = colleague.inUse()
                ? Messages.format(messages.whileInUse, colleague.state().label(Locale.getDefault()))
                : colleague.state().label(Locale.getDefault());
        item.setText(new String[] { colleague.extension(), colleague.device(), state,
                ChannelRows.clock(Duration.between(colleague.since(), Instant.now())) });
        item.setBackground(colleague.state() == ColleagueState.RINGING ? StateColours.on(table).ringingRow() : null);
        item.setData(colleague);
    }
}
