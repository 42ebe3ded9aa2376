package org.amicus.cti.ui.parts;

import java.util.StringJoiner;
import java.util.function.Supplier;

import org.eclipse.swt.accessibility.ACC;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolBar;

/**
 * What a screen reader announces for a control: its name, and a description of what it does or shows now. A table's
 * rows are named by what they show, column by column, the state included.
 */
final class Accessibility {

    private Accessibility() {
    }

    /** A control whose description stays as it is. */
    static void describe(Control control, String name, String description) {
        describe(control, name, () -> description);
    }

    /** A control whose description follows what it shows, e.g. a status line. */
    static void describe(Control control, String name, Supplier<String> description) {
        describe(control, () -> name, description);
    }

    /** A control whose name changes too, e.g. a button whose text says what it does now. */
    static void describe(Control control, Supplier<String> name, Supplier<String> description) {
        control.getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent event) {
                if (event.childID == ACC.CHILDID_SELF) {
                    event.result = name.get();
                }
            }

            @Override
            public void getDescription(AccessibleEvent event) {
                if (event.childID == ACC.CHILDID_SELF) {
                    event.result = description.get();
                }
            }
        });
    }

    /** A tool bar's buttons, each named by its text and described by its tooltip (which says why it is disabled). */
    static void describeItems(ToolBar toolbar) {
        toolbar.getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent event) {
                if (event.childID >= 0 && event.childID < toolbar.getItemCount()) {
                    event.result = toolbar.getItem(event.childID).getText();
                }
            }

            @Override
            public void getDescription(AccessibleEvent event) {
                if (event.childID >= 0 && event.childID < toolbar.getItemCount()) {
                    event.result = toolbar.getItem(event.childID).getToolTipText();
                }
            }
        });
    }

    /**
     * The rows of a table, each named by its cells after their columns' headers ("Channel PJSIP/104-…, State
     * Ringing, …"), empty cells left out. A virtual table fills the row asked for.
     */
    static void nameRows(Table table) {
        table.getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent event) {
                if (event.childID >= 0 && event.childID < table.getItemCount()) {
                    TableItem row = table.getItem(event.childID);
                    StringJoiner name = new StringJoiner(", ");
                    for (int i = 0; i < table.getColumnCount(); i++) {
                        if (!row.getText(i).isEmpty()) {
                            name.add(table.getColumn(i).getText() + " " + row.getText(i));
                        }
                    }
                    event.result = name.toString();
                }
            }
        });
    }
}
