package org.certdesk.ui.spi;

import java.util.List;

import org.eclipse.jface.wizard.IWizardPage;

/**
 * The Request wizard pages of one CA type, contributed through the {@code org.certdesk.ui.caPages} extension
 * point. The wizard shows them after "choose a CA" when an entry of that type is chosen, before the template
 * page. A CA type without a contribution gets the generic account page built from its declared settings.
 */
public interface CaPageProvider {

    /**
     * Creates the pages for one request. Called on the UI thread each time an entry of this type is chosen.
     *
     * @param context what the pages may read and fill in
     */
    List<IWizardPage> createPages(CaPageContext context);
}
