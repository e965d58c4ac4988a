package org.certdesk.crypto.internal;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.certdesk.api.CertdeskException;
import org.certdesk.api.SanType;
import org.certdesk.api.SubjectAltName;

/** PKCS#10 certificate requests. */
public final class Csrs {
    private Csrs() {
    }

    /** The subject fields a request may carry; null or blank fields are left out. */
    public record Subject(String commonName, String organization, String organizationalUnit, String country,
            String state, String city) {

        X500Name toX500() {
            X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
            add(b, BCStyle.C, country);
            add(b, BCStyle.ST, state);
            add(b, BCStyle.L, city);
            add(b, BCStyle.O, organization);
            add(b, BCStyle.OU, organizationalUnit);
            add(b, BCStyle.CN, commonName);
            return b.build();
        }

        private static void add(X500NameBuilder b, org.bouncycastle.asn1.ASN1ObjectIdentifier oid, String value) {
            if (value != null && !value.isBlank()) {
                b.addRDN(oid, value.trim());
            }
        }
    }

    /** What Certdesk and its CAs read back from a request. */
    public record Parsed(String subject, PublicKey publicKey, List<SubjectAltName> sans) {
    }

    public static byte[] create(KeyPair keys, Subject subject, List<SubjectAltName> sans) {
        return create(keys, null, subject, sans);
    }

    /** A request signed through {@code signer}: a token's provider for a key on the token; null: any provider. */
    public static byte[] create(KeyPair keys, java.security.Provider signer, Subject subject,
            List<SubjectAltName> sans) {
        if (subject.country() != null && !subject.country().isBlank() && subject.country().trim().length() != 2) {
            throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT,
                    "The country must be a two-letter ISO 3166 code, such as FR or US.");
        }
        try {
            JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(
                    subject.toX500(), keys.getPublic());
            if (!sans.isEmpty()) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false, generalNames(sans));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            return builder.build(KeyPairs.signerBuilder(keys.getPrivate(), signer).build(keys.getPrivate()))
                    .getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot sign the request", e);
        }
    }

    static GeneralNames generalNames(List<SubjectAltName> sans) {
        List<GeneralName> names = new ArrayList<>();
        for (SubjectAltName san : sans) {
            names.add(new GeneralName(tag(san.type()), san.value()));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static int tag(SanType type) {
        return switch (type) {
            case DNS -> GeneralName.dNSName;
            case IP -> GeneralName.iPAddress;
            case EMAIL -> GeneralName.rfc822Name;
            case URI -> GeneralName.uniformResourceIdentifier;
        };
    }

    /** Parses a DER or PEM request and checks its self-signature. */
    public static Parsed parse(byte[] data) {
        try {
            PKCS10CertificationRequest raw = new PKCS10CertificationRequest(Pem.derOf(data, "CERTIFICATE REQUEST"));
            JcaPKCS10CertificationRequest csr = new JcaPKCS10CertificationRequest(raw);
            PublicKey key = csr.getPublicKey();
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT,
                        "The request's signature does not match its public key.");
            }
            return new Parsed(csr.getSubject().toString(), key, requestedSans(csr));
        } catch (IOException | RuntimeException | OperatorCreationException | PKCSException
                | java.security.GeneralSecurityException e) {
            if (e instanceof CertdeskException ce) {
                throw ce;
            }
            throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT,
                    "The certificate request cannot be read: " + e.getMessage(), e);
        }
    }

    static Extensions requestedExtensions(PKCS10CertificationRequest csr) {
        for (org.bouncycastle.asn1.pkcs.Attribute attribute : csr
                .getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            for (ASN1Encodable value : attribute.getAttrValues()) {
                return Extensions.getInstance(value);
            }
        }
        return null;
    }

    private static List<SubjectAltName> requestedSans(PKCS10CertificationRequest csr) {
        List<SubjectAltName> result = new ArrayList<>();
        Extensions extensions = requestedExtensions(csr);
        GeneralNames names = extensions == null ? null : GeneralNames.fromExtensions(extensions,
                Extension.subjectAlternativeName);
        if (names != null) {
            for (GeneralName name : names.getNames()) {
                SanType type = switch (name.getTagNo()) {
                    case GeneralName.dNSName -> SanType.DNS;
                    case GeneralName.iPAddress -> SanType.IP;
                    case GeneralName.rfc822Name -> SanType.EMAIL;
                    case GeneralName.uniformResourceIdentifier -> SanType.URI;
                    default -> null;
                };
                if (type == SanType.IP) {
                    result.add(new SubjectAltName(type, ipText(name)));
                } else if (type != null) {
                    result.add(new SubjectAltName(type, name.getName().toString()));
                }
            }
        }
        return result;
    }

    private static String ipText(GeneralName name) {
        byte[] octets = org.bouncycastle.asn1.ASN1OctetString.getInstance(name.getName()).getOctets();
        try {
            return java.net.InetAddress.getByAddress(octets).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new CertdeskException(CertdeskException.Reason.INVALID_INPUT, "Malformed IP address in the request.");
        }
    }
}
