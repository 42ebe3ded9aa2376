package org.amicus.cti.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.amicus.cti.ui.parts.ChannelsPart;
import org.amicus.cti.ui.parts.WidgetIds;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.Test;

class ChannelsPartTest {

    @Test
    void showsAnEmptyVirtualChannelTable() {
        try (UiHarness ui = new UiHarness()) {
            ui.make(ChannelsPart.class);

            Table table = ui.find(Table.class, WidgetIds.CHANNELS_TABLE);
            assertTrue((table.getStyle() & SWT.VIRTUAL) != 0, "the table must be virtual");
            assertTrue(table.getHeaderVisible());
            assertArrayEquals(new String[] { "Channel", "State", "Caller ID", "Connected line", "Duration",
                    "Application", "Bridged with" },
                    Arrays.stream(table.getColumns()).map(TableColumn::getText).toArray());
            assertEquals(0, table.getItemCount());
            assertEquals("No live channels", ui.find(Label.class, WidgetIds.CHANNELS_SUMMARY).getText());
            assertTrue(table.isVisible() && table.getSize().y > 100, "the table fills the part");
            ui.screenshot("channels-part");
        }
    }
}
