package org.certdesk.ui.internal.wizard;

import org.certdesk.ui.internal.Messages;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/** Organization and organizational unit. */
class OrganizationPage extends WizardPage {
    private final RequestModel model;
    private Text organization;
    private Text unit;

    OrganizationPage(RequestModel model) {
        super("organization");
        this.model = model;
        setTitle(Messages.orgTitle);
        setDescription(Messages.orgDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = Pages.grid(parent, 2);
        organization = Pages.field(c, Messages.organization, model.organization, this::update);
        unit = Pages.field(c, Messages.orgUnit, model.organizationalUnit, this::update);
        setControl(c);
        update();
    }

    private void update() {
        model.organization = organization.getText();
        model.organizationalUnit = unit.getText();
        String error = Pages.first(Pages.subjectValueProblem(Messages.organization, model.organization, 64),
                Pages.subjectValueProblem(Messages.orgUnit, model.organizationalUnit, 64));
        setErrorMessage(error);
        setPageComplete(error == null);
    }

    Text organization() {
        return organization;
    }
}
