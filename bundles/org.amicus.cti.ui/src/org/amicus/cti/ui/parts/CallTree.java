package org.amicus.cti.ui.parts;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.amicus.cti.Channel;
import org.amicus.cti.ui.Messages;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

/**
 * The Calls presentation's virtual tree: a row per call, its channels under it, filled as they are shown. The
 * selection stays on its call, and a call stays expanded, as rows move.
 */
final class CallTree {

    private final Tree tree;
    private final StateIcons icons;
    private final Messages messages;
    private List<CallRow> rows = List.of();
    /** The calls expanded, by linked id. */
    private final Set<String> expanded = new HashSet<>();

    CallTree(Composite parent, StateIcons icons, Messages messages) {
        this.icons = icons;
        this.messages = messages;
        tree = new Tree(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        tree.setData(WidgetIds.KEY, WidgetIds.CHANNELS_CALLS);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        String[] columns = Messages.list(messages.callsColumns);
        for (int i = 0; i < columns.length; i++) {
            TreeColumn column = new TreeColumn(tree, SWT.LEFT);
            column.setText(columns[i]);
            column.setWidth(CallRows.WIDTHS[i]);
        }
        Accessibility.describe(tree, messages.liveCallsName, messages.liveCallsDescription);
        tree.addListener(SWT.SetData, event -> fill((TreeItem) event.item));
        tree.addListener(SWT.Expand, event -> {
            if (event.item.getData() instanceof CallRow call) {
                expanded.add(call.linkedId());
            }
        });
        tree.addListener(SWT.Collapse, event -> {
            if (event.item.getData() instanceof CallRow call) {
                expanded.remove(call.linkedId());
            }
        });
    }

    Tree tree() {
        return tree;
    }

    List<CallRow> rows() {
        return rows;
    }

    /** Shows these calls, the selection kept on the same call if it is still there. */
    void show(List<CallRow> calls) {
        String selected = selectedCall();
        rows = calls;
        tree.setItemCount(calls.size());
        tree.clearAll(true);
        tree.deselectAll();
        for (int i = 0; selected != null && i < calls.size(); i++) {
            if (calls.get(i).linkedId().equals(selected)) {
                tree.setSelection(tree.getItem(i));
                return;
            }
        }
    }

    /** Durations and waits tick: the visible rows are filled again. */
    void tick() {
        tree.clearAll(true);
    }

    void selectFirst() {
        if (!rows.isEmpty()) {
            tree.setFocus();
            tree.setSelection(tree.getItem(0));
        }
    }

    /** The channel selected; a call selected stands for its ringing channel, else its first. */
    Channel selected() {
        TreeItem[] selection = tree.getSelection();
        Object data = selection.length == 0 ? null : selection[0].getData();
        if (data instanceof CallRow call) {
            return call.channels().stream().filter(Channel::isRinging).findFirst().orElse(call.channels().get(0));
        }
        return data instanceof Channel channel ? channel : null;
    }

    /** The linked id of the call selected, or of the channel selected; {@code null} if none is. */
    private String selectedCall() {
        TreeItem[] selection = tree.getSelection();
        Object data = selection.length == 0 ? null : selection[0].getData();
        return data instanceof CallRow call ? call.linkedId() : data instanceof Channel channel ? channel.linkedId()
                : null;
    }

    /** A call's row, or one of its channels under it. */
    private void fill(TreeItem item) {
        TreeItem parentItem = item.getParentItem();
        Instant now = Instant.now();
        if (parentItem == null) {
            int index = tree.indexOf(item);
            if (index >= rows.size()) {
                return;
            }
            CallRow call = rows.get(index);
            item.setText(call.cells(now, messages));
            item.setBackground(call.channels().stream().anyMatch(Channel::isRinging)
                    ? StateColours.on(tree).ringingRow() : null);
            item.setData(call);
            item.setItemCount(call.channels().size());
            item.setExpanded(expanded.contains(call.linkedId()));
            return;
        }
        if (!(parentItem.getData() instanceof CallRow call) || parentItem.indexOf(item) >= call.channels().size()) {
            return;
        }
        Channel channel = call.channels().get(parentItem.indexOf(item));
        item.setText(new String[] { channel.name(), channel.callerId().describe(), "", channel.application(), "",
                channel.state().label(Locale.getDefault()), ChannelRows.duration(channel, now) });
        StateColours colours = StateColours.on(tree);
        item.setImage(5, icons.of(channel.state(), colours));
        item.setBackground(channel.isRinging() ? colours.ringingRow() : null);
        item.setData(channel);
    }
}
