package org.amicus.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import java.util.function.IntConsumer;

import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * What the Channels part's table would cost as a JFace lazy {@link TableViewer} instead of the virtual SWT table it
 * is: the same rows (ROWS channels, the part's seven columns) shown in a real shell, refreshed REFRESHES times as the
 * part refreshes them (every row may have changed; the visible ones are filled again), each way in turn. Prints the
 * UI thread's processor time per refresh: {@code RESULT table=<µs> viewer=<µs>}.
 * <p>
 * Usage: {@code ViewerBench ROWS REFRESHES}.
 */
public final class ViewerBench {

    private static final int COLUMNS = 7;

    public static void main(String[] args) {
        int rows = Integer.parseInt(args[0]);
        int refreshes = Integer.parseInt(args[1]);
        Display display = new Display();
        String[][][] generations = generations(rows);
        long table = 0;
        long viewer = 0;
        for (int round = 0; round < 3; round++) { // the first round warms both up; the last two are counted
            long tableTime = tableRefreshes(display, generations, refreshes);
            long viewerTime = viewerRefreshes(display, generations, refreshes);
            if (round > 0) {
                table += tableTime;
                viewer += viewerTime;
            }
        }
        System.out.printf("RESULT table=%d viewer=%d%n", table / 2 / refreshes / 1000, viewer / 2 / refreshes / 1000);
        display.dispose();
    }

    /** Two sets of rows, so that each refresh shows other texts than the one before. */
    private static String[][][] generations(int rows) {
        Random random = new Random(42);
        String[][][] generations = new String[2][rows][COLUMNS];
        for (String[][] generation : generations) {
            for (int row = 0; row < rows; row++) {
                generation[row] = new String[] { "PJSIP/" + (100 + random.nextInt(900)) + "-" + row,
                        random.nextBoolean() ? "Ringing" : "Up", "\"Customer " + row + "\" <06110" + row + ">",
                        "0" + random.nextInt(100000), "Dial", "PJSIP/trunk-" + row,
                        "00:0" + random.nextInt(10) + ":" + (10 + random.nextInt(50)) };
            }
        }
        return generations;
    }

    private static long tableRefreshes(Display display, String[][][] generations, int refreshes) {
        Shell shell = shell(display);
        Table table = table(shell);
        String[][][] shown = { generations[0] };
        table.addListener(SWT.SetData, event -> ((TableItem) event.item).setText(shown[0][event.index]));
        shell.open();
        return timed(display, refreshes, i -> {
            shown[0] = generations[i % 2];
            table.setItemCount(shown[0].length);
            table.clearAll();
        }, shell);
    }

    private static long viewerRefreshes(Display display, String[][][] generations, int refreshes) {
        Shell shell = shell(display);
        TableViewer viewer = new TableViewer(table(shell));
        viewer.setUseHashlookup(true);
        viewer.setContentProvider(new ILazyContentProvider() {
            private String[][] rows = new String[0][];

            @Override
            public void updateElement(int index) {
                viewer.replace(rows[index], index);
            }

            @Override
            public void inputChanged(Viewer changed, Object oldInput, Object newInput) {
                rows = newInput == null ? new String[0][] : (String[][]) newInput;
            }
        });
        viewer.setLabelProvider(new CellTexts());
        shell.open();
        return timed(display, refreshes, i -> {
            viewer.setInput(generations[i % 2]);
            viewer.setItemCount(generations[i % 2].length);
        }, shell);
    }

    /** The UI thread's processor time for that many refreshes, each painted before the next. */
    private static long timed(Display display, int refreshes, IntConsumer refresh, Shell shell) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        settle(display);
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < refreshes; i++) {
            refresh.accept(i);
            shell.update(); // paints the visible rows, asking for their texts
            settle(display);
        }
        long used = threads.getCurrentThreadCpuTime() - start;
        shell.dispose();
        return used;
    }

    private static void settle(Display display) {
        while (display.readAndDispatch()) {
            // until nothing is left to do
        }
    }

    private static Shell shell(Display display) {
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1100, 600);
        return shell;
    }

    private static Table table(Shell shell) {
        Table table = new Table(shell, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setHeaderVisible(true);
        for (int i = 0; i < COLUMNS; i++) {
            new TableColumn(table, SWT.LEFT).setWidth(150);
        }
        return table;
    }

    private static final class CellTexts extends LabelProvider implements ITableLabelProvider {
        @Override
        public Image getColumnImage(Object element, int column) {
            return null;
        }

        @Override
        public String getColumnText(Object element, int column) {
            return ((String[]) element)[column];
        }
    }
}
