package io.hermod.core.auth;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code verify_and_map}: finds the configured user a client certificate names, trying what nats-server 2.9.10
 * tries, in its order, and taking the first hit:
 * <ol>
 * <li>each email address of the subject alternative names, as a user name;</li>
 * <li>each DNS name of the subject alternative names;</li>
 * <li>each URI of the subject alternative names;</li>
 * <li>the subject as a distinguished name: a user whose name parses as a DN with the same RDNs in the same
 * order, else one with the same RDNs in any order (skipped when the subject has an attribute other than CN,
 * SERIALNUMBER, C, L, ST, STREET, O, OU, POSTALCODE, DC);</li>
 * <li>when the subject has domain components, Go's RDN sequence string followed by them, e.g.
 * {@code CN=hank,DC=io,DC=acme} (DCs in encoded order);</li>
 * <li>Go's RDN sequence string of the subject, e.g. {@code CN=alice,OU=eng,O=Acme}.</li>
 * </ol>
 * Names are compared exactly. A certificate with no email address, no URI and an empty subject maps to nobody.
 * Immutable and thread-safe.
 */
final class CertificateUserMapping {
    private static final int SAN_EMAIL = 1;
    private static final int SAN_DNS = 2;
    private static final int SAN_URI = 6;

    /** Users by name, in configuration order (which decides between two users whose DNs both match). */
    private final Map<String, User> users;

    CertificateUserMapping(Collection<User> users) {
        Map<String, User> byName = new LinkedHashMap<>();
        for (User user : users) {
            byName.put(user.name(), user);
        }
        this.users = byName;
    }

    /** @param certificate the client's verified leaf certificate */
    Optional<User> userFor(X509Certificate certificate) {
        List<String> emails = alternativeNames(certificate, SAN_EMAIL);
        List<String> dnsNames = alternativeNames(certificate, SAN_DNS);
        List<String> uris = alternativeNames(certificate, SAN_URI);
        CertificateSubject subject;
        try {
            subject = CertificateSubject.parse(certificate.getSubjectX500Principal().getEncoded());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (emails.isEmpty() && uris.isEmpty() && subject.isEmpty()) {
            return Optional.empty();
        }
        for (List<String> names : List.of(emails, dnsNames, uris)) {
            for (String name : names) {
                Optional<User> user = byName(name);
                if (user.isPresent()) {
                    return user;
                }
            }
        }
        Optional<User> byDn = subject.distinguishedName().flatMap(this::byDistinguishedName);
        if (byDn.isPresent()) {
            return byDn;
        }
        String rdnSequence = subject.goRdnSequenceString();
        String dcs = subject.domainComponents();
        if (!dcs.isEmpty()) {
            Optional<User> user = byName(rdnSequence + "," + dcs);
            if (user.isPresent()) {
                return user;
            }
        }
        return byName(rdnSequence);
    }

    private Optional<User> byName(String name) {
        return name.isEmpty() ? Optional.empty() : Optional.ofNullable(users.get(name));
    }

    private Optional<User> byDistinguishedName(DistinguishedName subject) {
        Map<User, DistinguishedName> parsed = new LinkedHashMap<>();
        for (User user : users.values()) {
            Optional<DistinguishedName> dn = DistinguishedName.parse(user.name());
            if (dn.isEmpty()) {
                continue;
            }
            if (dn.get().matchesInOrder(subject)) {
                return Optional.of(user);
            }
            parsed.put(user, dn.get());
        }
        for (Map.Entry<User, DistinguishedName> e : parsed.entrySet()) {
            if (e.getValue().matchesReordered(subject)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    private static List<String> alternativeNames(X509Certificate certificate, int type) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> all = certificate.getSubjectAlternativeNames();
            if (all == null) {
                return names;
            }
            for (List<?> entry : all) {
                if (entry.size() >= 2 && entry.get(0) instanceof Integer t && t == type
                        && entry.get(1) instanceof String value) {
                    names.add(value);
                }
            }
        } catch (CertificateParsingException e) {
            return List.of();
        }
        return names;
    }
}
