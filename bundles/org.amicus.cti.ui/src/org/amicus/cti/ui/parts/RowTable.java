package org.amicus.cti.ui.parts;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * A virtual table of rows of one kind, filled as they are shown, whose selection stays on its row (found by key) as
 * rows come and go.
 */
final class RowTable<T> {

    private final Table table;
    private final Function<T, String[]> cells;
    private final Function<T, Object> key;
    private List<T> rows = List.of();

    /**
     * @param name what a screen reader calls the table
     * @param key what tells a row from the others, e.g. a queue's name
     */
    RowTable(Composite parent, String id, String name, String[] columns, int[] widths, Function<T, String[]> cells,
            Function<T, Object> key) {
        this.cells = cells;
        this.key = key;
        table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setData(WidgetIds.KEY, id);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < columns.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(columns[i]);
            column.setWidth(widths[i]);
        }
        Accessibility.describe(table, name, name + ": " + String.join(", ", columns));
        Accessibility.nameRows(table);
        table.addListener(SWT.SetData, event -> {
            TableItem item = (TableItem) event.item;
            if (event.index >= 0 && event.index < rows.size()) {   // GTK asks for an item it removes, at -1
                item.setText(this.cells.apply(rows.get(event.index)));
                item.setData(rows.get(event.index));
            }
        });
    }

    Table table() {
        return table;
    }

    List<T> rows() {
        return rows;
    }

    /** Shows these rows, the selection kept on the same row if it is still there. */
    void show(List<T> newRows) {
        T selected = selected();
        rows = List.copyOf(newRows);
        table.setItemCount(rows.size());
        table.clearAll();
        table.deselectAll();
        if (selected != null) {
            Object selectedKey = key.apply(selected);
            for (int i = 0; i < rows.size(); i++) {
                if (Objects.equals(key.apply(rows.get(i)), selectedKey)) {
                    table.setSelection(i);
                    return;
                }
            }
        }
    }

    /** The row selected, as last shown; {@code null} if none is. */
    T selected() {
        int index = table.getSelectionIndex();
        return index < 0 || index >= rows.size() ? null : rows.get(index);
    }
}
