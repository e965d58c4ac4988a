package org.certdesk.ui.internal.wizard;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Small layout helpers shared by the wizard's pages. */
final class Pages {
    private Pages() {
    }

    static Composite grid(Composite parent, int columns) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(columns, false));
        return c;
    }

    static Text field(Composite parent, String label, String value, Runnable onChange) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER);
        text.setText(value == null ? "" : value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.addListener(SWT.Modify, e -> onChange.run());
        return text;
    }

    static Label wrapping(Composite parent, String text, int span) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, span, 1);
        gd.widthHint = 480;
        label.setLayoutData(gd);
        return label;
    }
}
