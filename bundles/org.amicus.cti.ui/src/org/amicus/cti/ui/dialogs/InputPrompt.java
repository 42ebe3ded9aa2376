package org.amicus.cti.ui.dialogs;

import java.util.Optional;
import java.util.function.Function;

import org.amicus.cti.ui.Messages;
import org.amicus.cti.ui.parts.WidgetIds;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Asks for one line (a number, a recording), saying what is wrong with it as it is typed. */
public final class InputPrompt extends AmicusDialog {

    private final Function<String, Optional<String>> check;
    private Text input;
    private String answer;

    private InputPrompt(Shell parent, Messages messages, String title, String question,
            Function<String, Optional<String>> check) {
        super(parent, messages, title, question, WidgetIds.PROMPT, messages.ok, WidgetIds.PROMPT_OK);
        this.check = check;
    }

    /** Opens the prompt and waits for the answer; empty if it was cancelled. */
    public static Optional<String> ask(Shell parent, Messages messages, String title, String question,
            Function<String, Optional<String>> check) {
        InputPrompt prompt = new InputPrompt(parent, messages, title, question, check);
        return prompt.open() == Window.OK ? Optional.of(prompt.answer) : Optional.empty();
    }

    @Override
    protected Control createForm(Composite form) {
        input = new Text(form, SWT.BORDER | SWT.SINGLE);
        input.setData(WidgetIds.KEY, WidgetIds.PROMPT_TEXT);
        GridData layout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        layout.widthHint = 360;
        input.setLayoutData(layout);
        input.addModifyListener(event -> validate());
        return input;
    }

    @Override
    protected void validate() {
        String text = input.getText().strip();
        problem(text.isEmpty() ? Optional.of("") : check.apply(text));
    }

    @Override
    protected void okPressed() {
        answer = input.getText().strip();
        super.okPressed();
    }
}
