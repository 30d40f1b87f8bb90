package io.hermod.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A certificate's subject as its DER encoding lists it (RDNs in encoded order, each a set of attribute type and
 * value), with the two string forms nats-server 2.9.10 derives from it to map a certificate to a user: Go's
 * {@code pkix.Name.ToRDNSequence().String()} and the {@code DC=} list it appends. Immutable.
 *
 * <p>Go's form keeps only the nine attributes its {@code pkix.Name} has fields for, in a fixed order
 * (SERIALNUMBER, CN, OU, O, POSTALCODE, STREET, L, ST, C once reversed), with all values of one type in a single
 * multi-valued RDN and only the last CN and SERIALNUMBER; an emailAddress or UID in the subject is left out.
 */
final class CertificateSubject {
    /** Go's {@code pkix.Name} fields, in {@code ToRDNSequence} order, with their RFC 2253 names. */
    private static final List<Map.Entry<String, String>> GO_NAME_FIELDS = List.of(
            Map.entry("2.5.4.6", "C"), Map.entry("2.5.4.8", "ST"), Map.entry("2.5.4.7", "L"),
            Map.entry("2.5.4.9", "STREET"), Map.entry("2.5.4.17", "POSTALCODE"), Map.entry("2.5.4.10", "O"),
            Map.entry("2.5.4.11", "OU"), Map.entry("2.5.4.3", "CN"), Map.entry("2.5.4.5", "SERIALNUMBER"));
    /** The attribute types nats-server's distinguished-name match knows; any other makes that match unusable. */
    private static final Map<String, String> DN_TYPES = Map.of("2.5.4.3", "CN", "2.5.4.5", "SERIALNUMBER",
            "2.5.4.6", "C", "2.5.4.7", "L", "2.5.4.8", "ST", "2.5.4.9", "STREET", "2.5.4.10", "O", "2.5.4.11", "OU",
            "2.5.4.17", "POSTALCODE", "0.9.2342.19200300.100.1.25", "DC");
    private static final String DOMAIN_COMPONENT = "0.9.2342.19200300.100.1.25";

    /** One attribute; {@code value} is null when the encoding is not one of the ASN.1 string types Go reads. */
    record Attribute(String oid, String value) {
    }

    private final List<List<Attribute>> rdns;

    private CertificateSubject(List<List<Attribute>> rdns) {
        this.rdns = rdns;
    }

    /** @throws IllegalArgumentException when {@code der} is not a DER-encoded X.500 name */
    static CertificateSubject parse(byte[] der) {
        return new CertificateSubject(new DerNameReader(der).readName());
    }

    /** Whether the subject has no attribute at all. */
    boolean isEmpty() {
        return rdns.stream().allMatch(List::isEmpty);
    }

    /** Go's {@code ToRDNSequence().String()} of the parsed subject, e.g. {@code CN=alice,OU=eng,O=Acme}. */
    String goRdnSequenceString() {
        Map<String, List<String>> values = new HashMap<>();
        for (List<Attribute> rdn : rdns) {
            for (Attribute a : rdn) {
                if (a.value() == null) {
                    continue;
                }
                List<String> list = values.computeIfAbsent(a.oid(), k -> new ArrayList<>());
                if (isSingleValued(a.oid())) {
                    list.clear(); // Go keeps the last CN and SERIALNUMBER only
                }
                list.add(a.value());
            }
        }
        List<String> sequence = new ArrayList<>();
        for (Map.Entry<String, String> field : GO_NAME_FIELDS) {
            List<String> list = values.getOrDefault(field.getKey(), List.of());
            if (list.isEmpty() || isSingleValued(field.getKey()) && list.get(0).isEmpty()) {
                continue;
            }
            StringBuilder rdn = new StringBuilder();
            for (String v : list) {
                if (rdn.length() > 0) {
                    rdn.append('+');
                }
                rdn.append(field.getValue()).append('=').append(escape(v));
            }
            sequence.add(rdn.toString());
        }
        StringBuilder s = new StringBuilder();
        for (int i = sequence.size() - 1; i >= 0; i--) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(sequence.get(i));
        }
        return s.toString();
    }

    /** CN and SERIALNUMBER: one string each in Go's {@code pkix.Name}, left out of its sequence when empty. */
    private static boolean isSingleValued(String oid) {
        return oid.equals("2.5.4.3") || oid.equals("2.5.4.5");
    }

    /** The subject's domain components in encoded order, e.g. {@code DC=io,DC=acme}; empty when there are none. */
    String domainComponents() {
        List<String> dcs = new ArrayList<>();
        for (List<Attribute> rdn : rdns) {
            for (Attribute a : rdn) {
                if (a.oid().equals(DOMAIN_COMPONENT) && a.value() != null) {
                    dcs.add("DC=" + a.value());
                }
            }
        }
        return String.join(",", dcs);
    }

    /**
     * The subject as a distinguished name, most specific RDN first; empty when an attribute is of a type the
     * match does not know (an emailAddress, a UID) or not a string, as nats-server then skips this match.
     */
    Optional<DistinguishedName> distinguishedName() {
        List<List<DistinguishedName.Attribute>> result = new ArrayList<>();
        for (int i = rdns.size() - 1; i >= 0; i--) {
            List<Attribute> rdn = rdns.get(i);
            if (rdn.isEmpty()) {
                continue;
            }
            List<DistinguishedName.Attribute> attributes = new ArrayList<>();
            for (int j = rdn.size() - 1; j >= 0; j--) {
                Attribute a = rdn.get(j);
                String type = DN_TYPES.get(a.oid());
                if (type == null || a.value() == null) {
                    return Optional.empty();
                }
                attributes.add(new DistinguishedName.Attribute(type, a.value()));
            }
            result.add(attributes);
        }
        return Optional.of(new DistinguishedName(result));
    }

    /** Go's RFC 2253 value escaping: , + " \ < > ; always, a space first or last, a # first. */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            boolean escape = switch (c) {
                case ',', '+', '"', '\\', '<', '>', ';' -> true;
                case ' ' -> k == 0 || k == value.length() - 1;
                case '#' -> k == 0;
                default -> false;
            };
            if (escape) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Reads {@code SEQUENCE OF SET OF SEQUENCE { OID, value }}. */
    private static final class DerNameReader {
        private final byte[] der;
        private int pos;

        DerNameReader(byte[] der) {
            this.der = der;
        }

        List<List<Attribute>> readName() {
            int end = expect(0x30);
            List<List<Attribute>> rdns = new ArrayList<>();
            while (pos < end) {
                int setEnd = expect(0x31);
                List<Attribute> rdn = new ArrayList<>();
                while (pos < setEnd) {
                    int atvEnd = expect(0x30);
                    int oidEnd = expect(0x06);
                    String oid = oid(pos, oidEnd);
                    pos = oidEnd;
                    int tag = der[pos] & 0xff;
                    pos++;
                    int valueEnd = length();
                    rdn.add(new Attribute(oid, string(tag, pos, valueEnd)));
                    pos = atvEnd;
                }
                rdns.add(List.copyOf(rdn));
                pos = setEnd;
            }
            return List.copyOf(rdns);
        }

        /** Reads a tag and length; returns where the content ends, leaving {@code pos} at its start. */
        private int expect(int tag) {
            if (pos >= der.length || (der[pos] & 0xff) != tag) {
                throw new IllegalArgumentException("not a DER X.500 name: expected tag " + tag + " at " + pos);
            }
            pos++;
            return length();
        }

        private int length() {
            if (pos >= der.length) {
                throw new IllegalArgumentException("truncated DER length");
            }
            int first = der[pos++] & 0xff;
            int length = first;
            if (first >= 0x80) {
                int bytes = first & 0x7f;
                if (bytes == 0 || bytes > 3) {
                    throw new IllegalArgumentException("unsupported DER length");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[pos++] & 0xff);
                }
            }
            if (pos + length > der.length) {
                throw new IllegalArgumentException("truncated DER content");
            }
            return pos + length;
        }

        private String oid(int from, int to) {
            StringBuilder s = new StringBuilder();
            long arc = 0;
            boolean first = true;
            for (int i = from; i < to; i++) {
                arc = (arc << 7) | (der[i] & 0x7f);
                if ((der[i] & 0x80) == 0) {
                    if (first) {
                        long top = Math.min(arc / 40, 2);
                        s.append(top).append('.').append(arc - top * 40);
                        first = false;
                    } else {
                        s.append('.').append(arc);
                    }
                    arc = 0;
                }
            }
            return s.toString();
        }

        /** The value as Go's asn1 package reads it into a string, or null for any other type. */
        private String string(int tag, int from, int to) {
            return switch (tag) {
                case 0x0c, 0x12, 0x13, 0x14, 0x16 -> new String(der, from, to - from, StandardCharsets.UTF_8);
                case 0x1e -> new String(der, from, to - from, StandardCharsets.UTF_16BE);
                default -> null;
            };
        }
    }
}
