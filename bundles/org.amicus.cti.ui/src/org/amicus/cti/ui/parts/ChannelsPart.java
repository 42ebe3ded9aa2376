package org.amicus.cti.ui.parts;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import org.amicus.cti.AgentProfiles;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelListener;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ColleagueListener;
import org.amicus.cti.ColleagueRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.actions.ChannelAction;
import org.amicus.cti.ui.actions.ChannelActions;
import org.amicus.cti.ui.actions.Contributions;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The PBX's live channels, grouped by call, ringing ones highlighted, durations ticking. The table is virtual so that
 * thousands of rows stay smooth, refreshes are coalesced to at most ten a second whatever the event rate, and the
 * rows are filtered, sorted or grouped off the UI thread. The Calls presentation shows one row per call instead
 * (customer, agent, direction, queue, wait), its channels under it: a virtual tree. The presentation chosen is kept
 * in the part's persisted state.
 */
public class ChannelsPart {

    /** The key of the presentation chosen in the part's persisted state, and its values. */
    public static final String PRESENTATION_KEY = "org.amicus.cti.ui.channels.presentation";
    public static final String CHANNELS = "channels";
    public static final String CALLS = "calls";
    private static final Logger LOG = LoggerFactory.getLogger(ChannelsPart.class);

    /** The columns' initial widths in pixels, in the order of {@link Messages#channelsColumns}. */
    private static final int[] WIDTHS = { 200, 90, 150, 150, 80, 120, 200 };
    private static final int TICK_MILLIS = 1000;

    @Inject
    @Optional
    ChannelRegistry registry;

    @Inject
    @Optional
    CtiActions actions;

    @Inject
    PbxLink link;

    @Inject
    @Optional
    AgentProfiles agents;

    @Inject
    @Optional
    ColleagueRegistry colleagues;

    @Inject
    @Optional
    MPart partModel;

    @Inject
    UISynchronize uiSync;

    @Inject
    @Translation
    Messages messages;

    private Label summary;
    private Text filter;
    private Button onlyRinging;
    private Combo presentation;
    private StackLayout stack;
    private Table table;
    private CallTree calls;
    /** The rows the agent asked for last; rows arranged for an earlier ask are not shown. Set on the UI thread. */
    private volatile View view;
    /** The rows arranged last and not shown yet: should the UI thread fall behind, it shows only the latest. */
    private final AtomicReference<Runnable> nextShow = new AtomicReference<>();
    private final ScheduledExecutorService arranger = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("Amicus channel rows").daemon().factory()); //$NON-NLS-1$
    private final CallRows callRows = new CallRows(); // the arranging thread's
    private ChannelToolBar toolbar;
    private Label notice;
    private Notifier notifier;
    private ChannelActions channelActions;
    private Contributions contributions;
    private List<Channel> rows = List.of();
    private ChannelRows.Sort sort;
    private StateIcons icons;
    private CoalescedRefresh refresher;
    private final ChannelListener listener = changes -> {
        callRows.heard(changes);
        queueRefresh();
    };
    private final Runnable linkChanged = this::queueRefresh;
    /** The colleagues' phones tell agents from customers in the Calls presentation. */
    private final ColleagueListener colleagueListener = changes -> queueRefresh();

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        summary = new Label(parent, SWT.NONE);
        refresher = new CoalescedRefresh(arranger, this::arrange);
        summary.setData(WidgetIds.KEY, WidgetIds.CHANNELS_SUMMARY);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter = new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(messages.channelsFilter);
        filter.setData(WidgetIds.KEY, WidgetIds.CHANNELS_FILTER);
        filter.setLayoutData(new GridData(220, SWT.DEFAULT));
        filter.addModifyListener(event -> refresh());
        filter.addListener(SWT.KeyDown, event -> {
            if (event.keyCode == SWT.ARROW_DOWN) {
                selectFirstFound(); // from what I typed straight to what it found
            }
        });
        onlyRinging = new Button(parent, SWT.CHECK);
        onlyRinging.setText(messages.channelsOnlyRinging);
        onlyRinging.setData(WidgetIds.KEY, WidgetIds.CHANNELS_ONLY_RINGING);
        onlyRinging.addListener(SWT.Selection, event -> refresh());
        Accessibility.describe(filter, messages.channelsFilterName, messages.channelsFilterDescription);
        Accessibility.describe(onlyRinging, messages.channelsOnlyRinging, messages.channelsOnlyRingingDescription);
        Accessibility.describe(summary, messages.channelsSummaryName, summary::getText);
        presentation = new Combo(parent, SWT.READ_ONLY);
        presentation.setData(WidgetIds.KEY, WidgetIds.CHANNELS_PRESENTATION);
        presentation.setItems(Messages.list(messages.presentations));
        presentation.setToolTipText(messages.presentationTooltip);
        presentation.select(partModel != null && CALLS.equals(partModel.getPersistedState().get(PRESENTATION_KEY))
                ? 1 : 0);
        presentation.addListener(SWT.Selection, event -> presentationChosen());
        Accessibility.describe(presentation, messages.presentationName, presentation::getToolTipText);

        toolbar = new ChannelToolBar(parent, this);

        Composite views = new Composite(parent, SWT.NONE);
        stack = new StackLayout();
        views.setLayout(stack);
        views.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        table = new Table(views, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setData(WidgetIds.KEY, WidgetIds.CHANNELS_TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] columns = Messages.list(messages.channelsColumns);
        for (int i = 0; i < columns.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(columns[i]);
            column.setWidth(WIDTHS[i]);
            column.setToolTipText(Messages.format(messages.sortBy, columns[i]));
            int index = i;
            column.addListener(SWT.Selection, event -> sortBy(index));
        }
        icons = new StateIcons(table.getDisplay());
        table.addListener(SWT.SetData, event -> fill((TableItem) event.item, event.index));
        table.addListener(SWT.DefaultSelection, event -> pickUpSelected());
        table.addListener(SWT.Selection, event -> updateActions(snapshot()));
        Accessibility.describe(table, messages.liveChannelsName, messages.liveChannelsDescription);
        Accessibility.nameRows(table);
        calls = new CallTree(views, icons, messages);
        calls.tree().addListener(SWT.DefaultSelection, event -> pickUpSelected());
        calls.tree().addListener(SWT.Selection, event -> updateActions(snapshot()));
        stack.topControl = callsShown() ? calls.tree() : table;

        notice = new Label(parent, SWT.NONE);
        notice.setData(WidgetIds.KEY, WidgetIds.CHANNELS_NOTICE);
        notice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        notifier = new Notifier(notice, messages);
        channelActions = new ChannelActions(actions, agents, registry, link, notifier, parent.getShell(),
                messages);
        contributions = new Contributions();
        table.setMenu(new ChannelMenu(table, this, contributions).menu());
        calls.tree().setMenu(table.getMenu());

        if (registry != null) {
            registry.addListener(listener);
        }
        link.addListener(linkChanged);
        if (colleagues != null) {
            colleagues.addListener(colleagueListener);
        }
        refresh();
        tick();
    }

    /** The agent types a number or a name first: the filter has the focus. */
    @Focus
    public void focus() {
        filter.setFocus();
    }

    /** Whether the Calls presentation is chosen. */
    public boolean callsShown() {
        return presentation.getSelectionIndex() == 1;
    }

    private void presentationChosen() {
        stack.topControl = callsShown() ? calls.tree() : table;
        stack.topControl.getParent().layout();
        if (partModel != null) {
            partModel.getPersistedState().put(PRESENTATION_KEY, callsShown() ? CALLS : CHANNELS);
        }
        refresh();
    }

    /** The first ringing row found, as the agent filters mostly to pick up; else the first row. */
    private void selectFirstFound() {
        if (callsShown()) {
            calls.selectFirst();
            updateActions(snapshot());
            return;
        }
        if (rows.isEmpty()) {
            return;
        }
        int ringing = 0;
        while (ringing < rows.size() && !rows.get(ringing).isRinging()) {
            ringing++;
        }
        table.setFocus();
        table.setSelection(ringing < rows.size() ? ringing : 0);
        updateActions(snapshot());
    }

    @PreDestroy
    public void dispose() {
        if (registry != null) {
            registry.removeListener(listener);
        }
        link.removeListener(linkChanged);
        if (colleagues != null) {
            colleagues.removeListener(colleagueListener);
        }
        arranger.shutdownNow();
        contributions.close();
        icons.dispose();
    }

    /** The channels shown, in their order; for handlers and tests. Empty while the Calls presentation is shown. */
    public List<Channel> rows() {
        return rows;
    }

    /**
     * The channel selected, as last shown; {@code null} if none is. In the Calls presentation, a call selected stands
     * for its ringing channel, else its first.
     */
    public Channel selected() {
        if (callsShown()) {
            return calls.selected();
        }
        int index = table.getSelectionIndex();
        return index < 0 || index >= rows.size() ? null : rows.get(index);
    }

    /** Why the action cannot be taken on the selection, if it cannot, given the registry's channels now. */
    java.util.Optional<String> whyNot(ChannelAction action, ChannelSnapshot now) {
        return channelActions.whyNot(action, selected(), now);
    }

    /** Takes the action on the selection, or says why it cannot. */
    public void run(ChannelAction action) {
        channelActions.run(action, selected());
    }

    Notifier notifier() {
        return notifier;
    }

    Messages messages() {
        return messages;
    }

    /** Double-click or Enter: a ringing channel is picked up on my phone. */
    private void pickUpSelected() {
        Channel channel = selected();
        if (channel != null && !channel.isRinging()) {
            notifier.bad(Messages.format(messages.notRingingDoubleClick, channel.name()));
            return;
        }
        run(ChannelAction.PICK_UP);
    }

    private void updateActions(ChannelSnapshot now) {
        toolbar.update(now);
    }

    /** The registry's channels now; none without a registry. */
    ChannelSnapshot snapshot() {
        return registry == null ? ChannelSnapshot.EMPTY : registry.snapshot();
    }

    /** Any thread: asks for one refresh soon; more changes meanwhile ride on it. */
    private void queueRefresh() {
        refresher.ask();
    }

    /**
     * What the agent asked for (a filter, a sort, another presentation): the channel table at once, so that the
     * Enter that follows a filter acts on the rows it found; the calls as soon as they are grouped.
     */
    private void refresh() {
        view = new View(view == null ? 0 : view.ask() + 1, callsShown(), filter.getText(), onlyRinging.getSelection(),
                sort); // an arrangement under way is for what was asked before
        if (callsShown()) {
            rows = List.of();
            arranger.execute(this::arrange);
            return;
        }
        ChannelSnapshot snapshot = snapshot();
        showChannels(ChannelRows.of(snapshot, filter.getText(), onlyRinging.getSelection(), sort), snapshot);
    }

    /** What the agent asked to see: the presentation, the filter and the sort, and which ask this is. */
    private record View(int ask, boolean asCalls, String needle, boolean ringing, ChannelRows.Sort order) {
    }

    /**
     * The arranging thread, when the channels changed (at most ten times a second) or the agent asked for the calls:
     * the rows are filtered, sorted or grouped here, one arrangement at a time, and the UI thread only shows them; so
     * the next arrangement begins on time however busy the UI thread, and the rows shown follow a busy PBX.
     */
    private void arrange() {
        View asked = view;
        CallRows.Changed changed = callRows.changed(); // before the snapshot, which then holds every change taken
        if (asked == null) {
            return; // the part's first refresh is yet to come, and shows the channels of then
        }
        try {
            ChannelSnapshot snapshot = snapshot();
            snapshot.calls(); // the summary counts them: grouped here, not on the UI thread
            snapshot.byUniqueId(""); // indexed here too: the actions look the selection up in it on the UI thread
            Arranged arranged = asked.asCalls()
                    ? new Arranged(snapshot, callRows.of(snapshot, changed, phones(), asked.needle(),
                            asked.ringing()), null)
                    : new Arranged(snapshot, null, ChannelRows.of(snapshot, asked.needle(), asked.ringing(),
                            asked.order()));
            Runnable showing = () -> {
                if (!table.isDisposed() && asked.ask() == view.ask()) {
                    show(arranged, asked.needle(), asked.ringing());
                }
            };
            if (nextShow.getAndSet(showing) == null) {
                uiSync.asyncExec(() -> nextShow.getAndSet(null).run());
            }
        } catch (RuntimeException failure) {
            LOG.error("Arranging the channels failed", failure);
        }
    }

    /** The devices of the colleagues' phones: the agents'. */
    private Set<String> phones() {
        return colleagues == null ? Set.of() : CallRows.phones(colleagues.colleagues());
    }

    /** Rows arranged off the UI thread: the calls, or the channels, from one snapshot. */
    private record Arranged(ChannelSnapshot snapshot, List<CallRow> calls, List<Channel> channels) {
    }

    private void show(Arranged arranged, String needle, boolean ringing) {
        if (arranged.calls() == null) {
            showChannels(arranged.channels(), arranged.snapshot());
            return;
        }
        calls.show(arranged.calls());
        showSummary(arranged.snapshot(), !needle.isBlank() || ringing
                ? Messages.plural(messages.callCount, arranged.calls().size()) : null);
    }

    private void showChannels(List<Channel> channels, ChannelSnapshot snapshot) {
        Channel selected = selected();
        rows = channels;
        table.setItemCount(rows.size());
        table.clearAll();
        keepSelected(selected);
        showSummary(snapshot, rows.size() < snapshot.size() ? rows.size() : null);
    }

    private void showSummary(ChannelSnapshot snapshot, Object shown) {
        summary.setText(summaryOf(snapshot, shown));
        summary.requestLayout();
        updateActions(snapshot);
    }

    /** The calls shown, in their order; for tests. */
    public List<String[]> callCells() {
        Instant now = Instant.now();
        return calls.rows().stream().map(call -> call.cells(now, messages)).toList();
    }

    /** A header click sorts by its column, ascending, then descending, then back to grouping by call. */
    private void sortBy(int column) {
        if (sort == null || sort.column() != column) {
            sort = new ChannelRows.Sort(column, true);
        } else {
            sort = sort.ascending() ? new ChannelRows.Sort(column, false) : null;
        }
        table.setSortColumn(sort == null ? null : table.getColumn(column));
        table.setSortDirection(sort == null ? SWT.NONE : sort.ascending() ? SWT.UP : SWT.DOWN);
        refresh();
    }

    /** Rows move as calls come and go: the selection stays on its channel, not on its row number. */
    private void keepSelected(Channel channel) {
        if (channel == null) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).uniqueId().equals(channel.uniqueId())) {
                table.setSelection(i);
                return;
            }
        }
        table.deselectAll();
    }

    /** @param shown how many rows are shown when a filter hides some, e.g. 3 or "2 calls"; {@code null} otherwise */
    private String summaryOf(ChannelSnapshot snapshot, Object shown) {
        if (registry == null) {
            return messages.channelsMissing;
        }
        if (!link.missing() && !link.up()) {
            return snapshot.size() == 0 ? messages.notConnected : messages.channelsAsLastKnown;
        }
        if (snapshot.size() == 0) {
            return messages.noLiveChannels;
        }
        long ringing = snapshot.channels().stream().filter(Channel::isRinging).count();
        String summary = Messages.format(messages.channelsSummary, Messages.plural(messages.liveChannels,
                snapshot.size()), Messages.plural(messages.calls, snapshot.calls().size()), ringing);
        return shown == null ? summary : Messages.format(messages.channelsShown, summary, shown);
    }

    /** Durations tick: the visible rows are filled again every second. */
    private void tick() {
        if (table.isDisposed()) {
            return;
        }
        if (callsShown()) {
            calls.tick();
        } else {
            table.clearAll();
        }
        table.getDisplay().timerExec(TICK_MILLIS, this::tick);
    }

    private void fill(TableItem item, int index) {
        if (index < 0 || index >= rows.size()) {   // GTK asks for an item it is removing, at index -1
            return;
        }
        Channel channel = rows.get(index);
        item.setText(ChannelRows.cells(channel, Instant.now(), messages));
        StateColours colours = StateColours.on(table);
        item.setImage(1, icons.of(channel.state(), colours));
        item.setBackground(channel.isRinging() ? colours.ringingRow() : null);
        item.setData(channel);
    }
}
