package org.amicus.testing.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.suppliers.ExtendedObjectSupplier;
import org.eclipse.e4.core.services.nls.IMessageFactoryService;
import org.eclipse.e4.core.services.translation.ResourceBundleProvider;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

/**
 * Builds e4 POJO parts the way the workbench does (dependency injection into a real SWT shell) and finds their
 * widgets by the id each carries as data under one key ({@code widget.setData(key, id)}): a small stand-in for SWTBot.
 */
public final class UiHarness implements AutoCloseable {

    /**
     * The parent of every harness's context, holding the language the parts speak ({@link #speak}). The translation
     * supplier of {@code @Translation} fields follows its locale from here, as it follows the workbench's.
     */
    private static final IEclipseContext WORKBENCH = translatingContext();

    public final Display display = Display.getDefault();
    public final Shell shell = new Shell(display);
    /** What the parts made here are injected from; a test puts the services they need in it. */
    public final IEclipseContext context = WORKBENCH.createChild("amicus-ui-test");
    private final String idKey;

    /** A shell whose widgets are found by the ids they carry under {@code idKey}. */
    public UiHarness(String idKey) {
        this.idKey = idKey;
        shell.setText("Amicus UI test");
        shell.setLayout(new FillLayout());
        shell.setSize(1000, 400);
        context.set(Composite.class, shell);
        context.set(UISynchronize.class, new DisplaySynchronize(display));
    }

    /**
     * Has the parts made from now on speak the language of {@code locale}, as {@code -nl} has the product speak it:
     * their {@code @Translation} messages and the formats of the workstation's locale.
     */
    public static void speak(Locale locale) {
        Locale.setDefault(locale);
        WORKBENCH.set(TranslationService.LOCALE, locale);
    }

    /** The messages of {@code type} in the language of {@code locale}, for a test of a class that takes them. */
    public static <M> M messages(Class<M> type, Locale locale) {
        return WORKBENCH.get(IMessageFactoryService.class).getMessageInstance(locale, type,
                WORKBENCH.get(ResourceBundleProvider.class));
    }

    private static IEclipseContext translatingContext() {
        IEclipseContext workbench = EclipseContextFactory.create("amicus-ui-tests");
        // this bundle is never started: the services' own bundle is, for its components to run
        BundleContext bundle = FrameworkUtil.getBundle(IMessageFactoryService.class).getBundleContext();
        workbench.set(IMessageFactoryService.class, service(bundle, IMessageFactoryService.class, null));
        workbench.set(ResourceBundleProvider.class, service(bundle, ResourceBundleProvider.class, null));
        workbench.set(TranslationService.LOCALE, Locale.ENGLISH); // what the tests expect, wherever they run
        ContextInjectionFactory.inject(service(bundle, ExtendedObjectSupplier.class,
                "(dependency.injection.annotation=org.eclipse.e4.core.services.nls.Translation)"), workbench);
        return workbench;
    }

    private static <S> S service(BundleContext bundle, Class<S> type, String filter) {
        try {
            var found = bundle.getServiceReferences(type, filter);
            if (found.isEmpty()) {
                throw new IllegalStateException("No " + type.getSimpleName() + " service");
            }
            return bundle.getService(found.iterator().next());
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Makes the part (or any e4 POJO) in the shell, as the workbench would, and shows it. */
    public <T> T make(Class<T> contribution) {
        T object = ContextInjectionFactory.make(contribution, context);
        shell.layout(true, true);
        shell.open();
        spinUntil(() -> true, Duration.ZERO);
        return object;
    }

    /** The widget of this type and id, in the test's shell or any other window open now (dialogs, notices). */
    public <T extends Control> T find(Class<T> type, String id) {
        for (Shell window : display.getShells()) {
            T found = type.isInstance(window) && id.equals(window.getData(idKey)) ? type.cast(window)
                    : find(window, type, id);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " with id " + id);
    }

    /** Clicks a button or tool item as a person would, listeners and all. */
    public static void click(Widget widget) {
        if (widget instanceof Button button && (button.getStyle() & SWT.CHECK) != 0) {
            button.setSelection(!button.getSelection());
        }
        if (widget instanceof Button button && (button.getStyle() & SWT.RADIO) != 0) {
            // SWT's own click deselects the group's other radio buttons, and tells each of them
            for (Control sibling : button.getParent().getChildren()) {
                if (sibling != button && sibling instanceof Button other && (other.getStyle() & SWT.RADIO) != 0
                        && other.getSelection()) {
                    other.setSelection(false);
                    other.notifyListeners(SWT.Selection, new Event());
                }
            }
            button.setSelection(true);
        }
        widget.notifyListeners(SWT.Selection, new Event());
    }

    /**
     * Runs {@code driver} once the UI is idle again: how a test fills a modal dialog, which a click opens and waits
     * on. What the driver throws comes out of the click.
     */
    public void whenIdle(Runnable driver) {
        display.asyncExec(driver);
    }

    private <T extends Control> T find(Composite root, Class<T> type, String id) {
        for (Control child : root.getChildren()) {
            if (type.isInstance(child) && id.equals(child.getData(idKey))) {
                return type.cast(child);
            }
            if (child instanceof Composite composite) {
                T found = find(composite, type, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Runs the event loop until the condition holds; fails after the timeout. */
    public void spinUntil(BooleanSupplier condition, Duration timeout) {
        spinUntil(condition, timeout, () -> "");
    }

    /** The same; the failure says what {@code seen} tells of the widgets then, e.g. what a notice says instead. */
    public void spinUntil(BooleanSupplier condition, Duration timeout, Supplier<String> seen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            while (display.readAndDispatch()) {
                // drain pending UI work
            }
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                screenshot("timeout");
                String now = seen.get();
                throw new AssertionError("UI condition not met within " + timeout + (now.isEmpty() ? "" : "; " + now));
            }
            display.timerExec(50, () -> { }); // wakes sleep() even when nothing else happens
            display.sleep();
        }
    }

    /** Saves the shell as a PNG under target/screenshots, for a person to look at. */
    public void screenshot(String name) {
        String directory = System.getProperty("amicus.test.screenshots");
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(directory));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        paintNow();
        Rectangle area = shell.getClientArea();
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(shell);
        gc.copyArea(image, 0, 0);
        gc.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { image.getImageData() };
        loader.save(Path.of(directory, name + ".png").toString(), SWT.IMAGE_PNG);
        image.dispose();
    }

    /**
     * Has every window open now (the test's shell, notices over it) painted as it is: GTK paints a change on its own
     * clock, a moment after it is made.
     */
    private void paintNow() {
        List<Shell> unpainted = new ArrayList<>(Arrays.stream(display.getShells()).filter(Shell::isVisible).toList());
        Listener paint = event -> unpainted.remove(event.widget);
        for (Shell window : unpainted) {
            window.addListener(SWT.Paint, paint);
            Rectangle area = window.getClientArea();
            window.redraw(area.x, area.y, area.width, area.height, true);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!unpainted.isEmpty() && System.nanoTime() < deadline) {
            if (!display.readAndDispatch()) {
                display.timerExec(50, () -> { });
                display.sleep();
            }
        }
        for (Shell window : display.getShells()) {
            window.removeListener(SWT.Paint, paint);
        }
    }

    @Override
    public void close() {
        context.dispose();
        shell.dispose();
    }
}
