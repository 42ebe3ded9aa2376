package org.amicus.cti.ui.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

import jakarta.annotation.PostConstruct;

/** The PBX's live channels. The table is virtual so that thousands of rows stay smooth. */
public class ChannelsPart {

    /** Columns with their initial widths in pixels. */
    static final String[] COLUMNS = { "Channel", "State", "Caller ID", "Connected line", "Duration", "Application",
            "Bridged with" };
    private static final int[] WIDTHS = { 200, 90, 150, 150, 80, 120, 200 };

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label summary = new Label(parent, SWT.NONE);
        summary.setText("No live channels");
        summary.setData(WidgetIds.KEY, WidgetIds.CHANNELS_SUMMARY);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        Table table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.MULTI | SWT.BORDER);
        table.setData(WidgetIds.KEY, WidgetIds.CHANNELS_TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(COLUMNS[i]);
            column.setWidth(WIDTHS[i]);
        }
    }
}
