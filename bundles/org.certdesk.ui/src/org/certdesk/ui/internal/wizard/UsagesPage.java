package org.certdesk.ui.internal.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.certdesk.api.Usage;
import org.certdesk.api.UsageProfile;
import org.certdesk.ui.internal.Messages;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** The usages the certificate is for: they set the key minimum, the EKUs and the names. */
class UsagesPage extends WizardPage {
    private final RequestModel model;
    private final List<UsageProfile> profiles;
    private final List<Usage> usages;
    private final List<Button> boxes = new ArrayList<>();

    UsagesPage(RequestModel model, List<UsageProfile> profiles) {
        super("usages");
        this.model = model;
        this.profiles = profiles;
        this.usages = profiles.stream().flatMap(p -> p.usages().stream()).toList();
        setTitle(Messages.usagesTitle);
        setDescription(Messages.usagesDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = Pages.grid(parent, 1);
        Locale locale = Locale.getDefault();
        for (Usage u : usages) {
            UsageProfile first = profiles.stream().filter(p -> !p.usages().isEmpty() && p.usages().get(0) == u)
                    .findFirst().orElse(null);
            if (first != null) { // each profile's usages under its name, as on the main page
                Label heading = new Label(c, SWT.NONE);
                heading.setText(first.label(locale));
                heading.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
            }
            Button box = new Button(c, SWT.CHECK);
            String description = u.description(locale);
            box.setText(u.label(locale) + (description == null ? "" : " \u2014 " + description));
            box.setSelection(model.usageIds.contains(u.id()));
            box.addListener(SWT.Selection, e -> validate());
            boxes.add(box);
        }
        setControl(c);
        validate();
    }

    private void validate() {
        model.usageIds.clear();
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).getSelection()) {
                model.usageIds.add(usages.get(i).id());
            }
        }
        setErrorMessage(model.usageIds.isEmpty() ? Messages.usagesNone : null);
        setPageComplete(!model.usageIds.isEmpty());
    }

    List<Button> boxes() {
        return boxes;
    }
}
