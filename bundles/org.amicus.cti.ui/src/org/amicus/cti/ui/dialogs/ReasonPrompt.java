package org.amicus.cti.ui.dialogs;

import java.util.Locale;
import java.util.Optional;

import org.amicus.cti.PauseReasons;
import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.parts.WidgetIds;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * Asks why a member pauses: a reason from the administrator's catalogue, or one typed in when the administrator
 * allows it, checked as it is chosen.
 */
public final class ReasonPrompt extends AmicusDialog {

    private final PauseReasons reasons;
    private Combo reason;
    private String answer;

    private ReasonPrompt(Shell parent, Messages messages, String question, PauseReasons reasons) {
        super(parent, messages, messages.pauseTitle, question, WidgetIds.REASON_PROMPT, messages.pauseTitle,
                WidgetIds.REASON_OK);
        this.reasons = reasons;
    }

    /** Opens the prompt and waits for the reason; empty if it was cancelled. */
    public static Optional<String> ask(Shell parent, Messages messages, String question, PauseReasons reasons) {
        ReasonPrompt prompt = new ReasonPrompt(parent, messages, question, reasons);
        return prompt.open() == Window.OK ? Optional.of(prompt.answer) : Optional.empty();
    }

    @Override
    protected Control createForm(Composite form) {
        reason = new Combo(form, SWT.DROP_DOWN | (reasons.freeTextAllowed() ? SWT.NONE : SWT.READ_ONLY));
        reason.setData(WidgetIds.KEY, WidgetIds.REASON_CHOICE);
        reason.setItems(reasons.catalogue().toArray(String[]::new));
        GridData layout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        layout.widthHint = 360;
        reason.setLayoutData(layout);
        reason.addModifyListener(event -> validate());
        return reason;
    }

    @Override
    protected void validate() {
        String text = reason.getText().strip();
        problem(text.isEmpty() ? Optional.of("") : reasons.problem(text, Locale.getDefault()));
    }

    @Override
    protected void okPressed() {
        answer = reason.getText().strip();
        super.okPressed();
    }
}
