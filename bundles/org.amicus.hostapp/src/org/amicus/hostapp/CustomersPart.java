package org.amicus.hostapp;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;

/** The host's own part, so that its window is not empty before Amicus joins it. */
public class CustomersPart {

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        new Label(parent, SWT.CENTER).setText("Customer records of the host workstation");
    }
}
