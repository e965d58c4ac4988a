package org.certdesk.ui.spi;

import org.certdesk.api.CaEntry;
import org.certdesk.api.CertdeskService;

/** What a contributed Request wizard page may read and fill in for the request being prepared. */
public interface CaPageContext {

    /** The CA entry chosen on the previous page. */
    CaEntry caEntry();

    /** The services, e.g. to list the CA's templates. */
    CertdeskService service();

    /**
     * Sets an alternate credential for this request only (an EAB key, a challenge password...), under the key the
     * CA type's connector reads. It is never logged, and kept only if {@link #setRememberCredentials} says so.
     */
    void setCredential(String key, char[] value);

    /** Keep this request's credentials in secure storage for the next request to the same CA entry. */
    void setRememberCredentials(boolean remember);

    /** Sets the CA's template or profile for this request (null for the CA's default). */
    void setTemplate(String template);
}
