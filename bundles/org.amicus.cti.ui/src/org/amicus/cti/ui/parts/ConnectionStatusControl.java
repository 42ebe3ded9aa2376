package org.amicus.cti.ui.parts;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.ConnectionState;
import org.amicus.ami.ConnectionStatus;
import org.amicus.ami.ConnectionStatusListener;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** The connection to the PBX, shown in the window's trim: one line that follows the connection's status. */
public class ConnectionStatusControl {

    @Inject
    @Optional
    AmiConnection connection;

    @Inject
    UISynchronize uiSync;

    private Label label;
    private final ConnectionStatusListener listener = status -> uiSync.asyncExec(() -> show(status));

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        label = new Label(parent, SWT.NONE);
        label.setData(WidgetIds.KEY, WidgetIds.CONNECTION_STATUS);
        if (connection == null) {
            label.setText("Amicus AMI service is not available");
        } else {
            show(connection.status());
            connection.addStatusListener(listener);
        }
    }

    @PreDestroy
    public void dispose() {
        if (connection != null) {
            connection.removeStatusListener(listener);
        }
    }

    private void show(ConnectionStatus status) {
        if (label.isDisposed()) {
            return;
        }
        label.setText(status.describe());
        label.setForeground(label.getDisplay().getSystemColor(colourOf(status.state())));
        label.requestLayout();
    }

    private static int colourOf(ConnectionState state) {
        return switch (state) {
            case CONNECTED -> SWT.COLOR_DARK_GREEN;
            case CONNECTING, RECONNECTING -> SWT.COLOR_DARK_YELLOW;
            case FAILED -> SWT.COLOR_RED;
            case DISCONNECTED -> SWT.COLOR_WIDGET_FOREGROUND;
        };
    }
}
