package org.certdesk.crypto.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certdesk.api.KeyUsage;
import org.certdesk.api.SubjectAltName;

/** Signs certificates: the embedded CA's own hierarchy and the certificates it issues. */
public final class CertificateIssuer {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Back-dating absorbs clock skew between this server and the machines that check the certificate. */
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    private CertificateIssuer() {
    }

    public static X509Certificate selfSignedRoot(KeyPair keys, String subjectDn, Duration validity) {
        X500Name name = new X500Name(new X500Principal(subjectDn).getName(X500Principal.RFC2253));
        return sign(name, keys.getPublic(), name, keys.getPublic(), keys.getPrivate(),
                CertificateTemplate.authority(validity, 1), List.of(), validity);
    }

    /** Issues a certificate for {@code publicKey}, signed by {@code issuerKey}. */
    public static X509Certificate issue(String subjectDn, PublicKey publicKey, List<SubjectAltName> sans,
            X509Certificate issuer, PrivateKey issuerKey, CertificateTemplate template) {
        X500Name subject = subjectDn.isEmpty() ? new X500Name(new org.bouncycastle.asn1.x500.RDN[0])
                : new X500Name(new X500Principal(subjectDn).getName(X500Principal.RFC2253));
        return sign(subject, publicKey, X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
                issuer.getPublicKey(), issuerKey, template, sans, template.validity());
    }

    /** Issues from a PKCS#10 request: subject and SANs from the request, everything else from the template. */
    public static X509Certificate issueFromRequest(byte[] pkcs10, X509Certificate issuer, PrivateKey issuerKey,
            CertificateTemplate template) {
        Csrs.Parsed csr = Csrs.parse(pkcs10);
        return issue(new X500Principal(csr.subject()).getName(), csr.publicKey(), csr.sans(), issuer, issuerKey,
                template);
    }

    /**
     * A self-signed stand-in that carries a request's public key, so that the key can live in a PKCS#12 store
     * (which needs a certificate beside every key) until the CA answers.
     */
    public static X509Certificate placeholder(KeyPair keys, String label) {
        return placeholder(keys, null, label);
    }

    /** The placeholder, self-signed through {@code signer} (a token's provider for a key on the token; null: any). */
    public static X509Certificate placeholder(KeyPair keys, java.security.Provider signer, String label) {
        X500Name name = new X500Name("CN=" + label.replaceAll("[,+=\"\\\\<>;#]", " ") + ",OU=Certdesk pending request");
        return sign(name, keys.getPublic(), name, keys.getPublic(), keys.getPrivate(), signer,
                new CertificateTemplate("request", Duration.ofDays(3650), java.util.Set.of(),
                        java.util.Set.of(KeyUsage.DIGITAL_SIGNATURE), false, -1),
                List.of(), Duration.ofDays(3650));
    }

    private static X509Certificate sign(X500Name subject, PublicKey subjectKey, X500Name issuer,
            PublicKey issuerPublicKey, PrivateKey issuerKey, CertificateTemplate template, List<SubjectAltName> sans,
            Duration validity) {
        return sign(subject, subjectKey, issuer, issuerPublicKey, issuerKey, null, template, sans, validity);
    }

    private static X509Certificate sign(X500Name subject, PublicKey subjectKey, X500Name issuer,
            PublicKey issuerPublicKey, PrivateKey issuerKey, java.security.Provider signer,
            CertificateTemplate template, List<SubjectAltName> sans, Duration validity) {
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            BigInteger serial = new BigInteger(159, RANDOM).setBit(158); // positive, 20 octets at most (RFC 5280)
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), subject, subjectKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerPublicKey));
            builder.addExtension(Extension.basicConstraints, true, template.ca()
                    ? (template.pathLength() >= 0 ? new BasicConstraints(template.pathLength()) : new BasicConstraints(true))
                    : new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, keyUsage(template));
            if (!template.extendedKeyUsages().isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(template
                        .extendedKeyUsages().stream().sorted().map(oid -> KeyPurposeId.getInstance(
                                new ASN1ObjectIdentifier(oid))).toArray(KeyPurposeId[]::new)));
            }
            if (!sans.isEmpty()) {
                // RFC 5280 4.2.1.6: critical when the subject is empty
                builder.addExtension(Extension.subjectAlternativeName, subject.getRDNs().length == 0,
                        Csrs.generalNames(sans));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    KeyPairs.signerBuilder(issuerKey, signer).build(issuerKey)));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the certificate", e);
        }
    }

    private static org.bouncycastle.asn1.x509.KeyUsage keyUsage(CertificateTemplate template) {
        int bits = 0;
        for (KeyUsage usage : template.keyUsages()) {
            bits |= switch (usage) {
                case DIGITAL_SIGNATURE -> org.bouncycastle.asn1.x509.KeyUsage.digitalSignature;
                case NON_REPUDIATION -> org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation;
                case KEY_ENCIPHERMENT -> org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment;
                case DATA_ENCIPHERMENT -> org.bouncycastle.asn1.x509.KeyUsage.dataEncipherment;
                case KEY_AGREEMENT -> org.bouncycastle.asn1.x509.KeyUsage.keyAgreement;
                case KEY_CERT_SIGN -> org.bouncycastle.asn1.x509.KeyUsage.keyCertSign;
                case CRL_SIGN -> org.bouncycastle.asn1.x509.KeyUsage.cRLSign;
                case ENCIPHER_ONLY -> org.bouncycastle.asn1.x509.KeyUsage.encipherOnly;
                case DECIPHER_ONLY -> org.bouncycastle.asn1.x509.KeyUsage.decipherOnly;
            };
        }
        return new org.bouncycastle.asn1.x509.KeyUsage(bits);
    }
}
