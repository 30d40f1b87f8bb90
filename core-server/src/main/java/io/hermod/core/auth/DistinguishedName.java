package io.hermod.core.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A distinguished name (RFC 4514), most specific RDN first, compared as nats-server 2.9.10's vendored go-ldap
 * code compares a user name with a certificate subject: attribute types ignore case, values are compared
 * exactly, the order of attributes inside an RDN does not matter. Immutable.
 */
record DistinguishedName(List<List<Attribute>> rdns) {

    record Attribute(String type, String value) {
        boolean sameAs(Attribute other) {
            return type.equalsIgnoreCase(other.type) && value.equals(other.value);
        }
    }

    DistinguishedName {
        rdns = rdns.stream().map(List::copyOf).toList();
    }

    /**
     * Parses a name such as {@code CN=alice, OU=eng, O=Acme} with go-ldap's rules: unescaped spaces around a
     * value are dropped, {@code \,}-style and {@code \2C}-style escapes are decoded, {@code #} (BER) values are
     * refused. Empty when the text is not a name (a plain user name like {@code alice} or {@code bob@acme.io}).
     */
    static Optional<DistinguishedName> parse(String text) {
        byte[] str = text.getBytes(StandardCharsets.UTF_8);
        List<List<Attribute>> rdns = new ArrayList<>();
        List<Attribute> rdn = new ArrayList<>();
        Buffer buffer = new Buffer();
        String type = "";
        boolean escaping = false;
        for (int i = 0; i < str.length; i++) {
            byte c = str[i];
            if (escaping) {
                buffer.trailingSpaces = 0;
                escaping = false;
                if (" \"#+,;<=>\\".indexOf(c) >= 0) {
                    buffer.write(c);
                    continue;
                }
                if (i + 1 == str.length) {
                    return Optional.empty(); // corrupted escaped character
                }
                int hi = Character.digit(str[i], 16);
                int lo = Character.digit(str[i + 1], 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                buffer.write((byte) (hi << 4 | lo));
                i++;
            } else if (c == '\\') {
                buffer.trailingSpaces = 0;
                escaping = true;
            } else if (c == '=') {
                type = buffer.take();
                if (i + 1 < str.length && str[i + 1] == '#') {
                    return Optional.empty(); // BER-encoded values are not supported
                }
            } else if (c == ',' || c == '+') {
                if (type.isEmpty()) {
                    return Optional.empty(); // incomplete type, value pair
                }
                rdn.add(new Attribute(type, buffer.take()));
                type = "";
                if (c == ',') {
                    rdns.add(rdn);
                    rdn = new ArrayList<>();
                }
            } else if (c == ' ' && buffer.size() == 0) {
                continue; // unescaped leading space
            } else {
                buffer.trailingSpaces = c == ' ' ? buffer.trailingSpaces + 1 : 0;
                buffer.write(c);
            }
        }
        if (buffer.size() > 0) {
            if (type.isEmpty()) {
                return Optional.empty(); // ended with an incomplete type, value pair
            }
            rdn.add(new Attribute(type, buffer.take()));
            rdns.add(rdn);
        }
        return Optional.of(new DistinguishedName(rdns));
    }

    /** The same RDNs in the same order (RFC 4517 distinguishedNameMatch). */
    boolean matchesInOrder(DistinguishedName other) {
        if (rdns.size() != other.rdns.size()) {
            return false;
        }
        for (int i = 0; i < rdns.size(); i++) {
            if (!sameRdn(rdns.get(i), other.rdns.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** As many RDNs, each of this name's found somewhere in the other: a reordered name matches. */
    boolean matchesReordered(DistinguishedName other) {
        if (rdns.size() != other.rdns.size()) {
            return false;
        }
        return rdns.stream().allMatch(mine -> other.rdns.stream().anyMatch(theirs -> sameRdn(mine, theirs)));
    }

    private static boolean sameRdn(List<Attribute> a, List<Attribute> b) {
        return a.size() == b.size() && containsAll(a, b) && containsAll(b, a);
    }

    private static boolean containsAll(List<Attribute> in, List<Attribute> wanted) {
        return wanted.stream().allMatch(w -> in.stream().anyMatch(w::sameAs));
    }

    /** Bytes of the value being read, with the count of unescaped trailing spaces to drop. */
    private static final class Buffer extends ByteArrayOutputStream {
        int trailingSpaces;

        void write(byte b) {
            super.write(b);
        }

        String take() {
            String s = new String(buf, 0, count - trailingSpaces, StandardCharsets.UTF_8);
            reset();
            trailingSpaces = 0;
            return s;
        }
    }
}
