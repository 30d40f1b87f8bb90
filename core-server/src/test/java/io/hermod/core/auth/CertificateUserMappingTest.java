package io.hermod.core.auth;

import io.hermod.core.protocol.ConnectOptions;
import io.hermod.core.transport.TestCertificates;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * verify_and_map's choice of user, in the order nats-server 2.9.10 was seen to follow (each case below was run
 * against it with certificates of the same subject and alternative names).
 */
class CertificateUserMappingTest {
    private static final TestCertificates CERTS = TestCertificates.get();

    private static X509Certificate certificate(String name, String dname, String san) {
        return CERTS.issueClient(name, dname, san).certificate();
    }

    private static Optional<String> mappedName(X509Certificate certificate, String... userNames) {
        List<User> users = Arrays.stream(userNames).map(n -> new User(n, null, null)).toList();
        return new CertificateUserMapping(users).userFor(certificate).map(User::name);
    }

    @Test
    void emailAddressIsTriedBeforeDnsNameAndDnsNameBeforeSubject() {
        X509Certificate dave = certificate("map-dave", "CN=dave", "email:dave@acme.io,dns:dave.acme.io");
        assertEquals(Optional.of("dave@acme.io"), mappedName(dave, "CN=dave", "dave.acme.io", "dave@acme.io"));
        assertEquals(Optional.of("dave.acme.io"), mappedName(dave, "CN=dave", "dave.acme.io"));
        assertEquals(Optional.of("CN=dave"), mappedName(dave, "CN=dave"));
    }

    @Test
    void uriAlternativeNameMapsToTheUserOfThatName() {
        X509Certificate ivan = certificate("map-ivan", "CN=ivan", "uri:spiffe://acme/ivan");
        assertEquals(Optional.of("spiffe://acme/ivan"), mappedName(ivan, "CN=other", "spiffe://acme/ivan"));
    }

    @Test
    void subjectMatchesAUserNamingTheSameRdnsInAnyOrderButInOrderWins() {
        X509Certificate alice = certificate("map-alice", "CN=alice,OU=eng,O=Acme", null);
        assertEquals(Optional.of("O=Acme, OU=eng, CN=alice"), mappedName(alice, "O=Acme, OU=eng, CN=alice"));
        assertEquals(Optional.of("cn=alice,ou=eng,o=Acme"),
                mappedName(alice, "O=Acme,OU=eng,CN=alice", "cn=alice,ou=eng,o=Acme"));
        assertEquals(Optional.empty(), mappedName(alice, "CN=alice,OU=eng,O=acme", "CN=alice,O=Acme"));
    }

    @Test
    void subjectWithAnEmailAttributeIsMatchedByGosRdnSequenceStringOnly() {
        // The emailAddress attribute makes the DN match unusable and is left out of Go's string.
        X509Certificate carol = certificate("map-carol", "EMAILADDRESS=carol@acme.io,CN=carol,O=Acme", null);
        assertEquals(Optional.of("CN=carol,O=Acme"), mappedName(carol, "carol@acme.io", "CN=carol,O=Acme"));
        assertEquals(Optional.empty(), mappedName(carol, "O=Acme,CN=carol"));
    }

    @Test
    void domainComponentsAreAppendedInEncodedOrderWhenTheDnMatchCannotBeUsed() {
        X509Certificate hank = certificate("map-hank", "CN=hank,UID=h1,DC=acme,DC=io", null);
        assertEquals(Optional.of("CN=hank,DC=io,DC=acme"), mappedName(hank, "CN=hank,DC=io,DC=acme"));
        assertEquals(Optional.empty(), mappedName(hank, "CN=hank,DC=acme,DC=io"));
        X509Certificate gina = certificate("map-gina", "CN=gina,DC=acme,DC=io", null);
        assertEquals(Optional.of("CN=gina,DC=acme,DC=io"), mappedName(gina, "CN=gina,DC=acme,DC=io"));
    }

    @Test
    void goRdnSequenceStringListsAttributesInGosFixedOrderWithEscapes() {
        X509Certificate jo = certificate("map-jo", "CN=jo,O=Acme\\, Inc.,C=NO", null);
        CertificateSubject subject = CertificateSubject.parse(jo.getSubjectX500Principal().getEncoded());
        assertEquals("CN=jo,O=Acme\\, Inc.,C=NO", subject.goRdnSequenceString());
        assertEquals(Optional.of("CN=jo,O=Acme\\, Inc.,C=NO"), mappedName(jo, "CN=jo,O=Acme\\, Inc.,C=NO"));
    }

    @Test
    void certificateNamingNoConfiguredUserMapsToNobody() {
        X509Certificate client = certificate("map-nobody", "CN=nobody,O=Elsewhere", "dns:nobody.example");
        assertEquals(Optional.empty(), mappedName(client, "alice", "CN=somebody,O=Elsewhere", "nobody"));
    }

    @Test
    void userNamesThatAreNotDistinguishedNamesDoNotParse() {
        assertTrue(DistinguishedName.parse("alice").isEmpty());
        assertTrue(DistinguishedName.parse("CN=#0403").isEmpty());
        assertEquals(List.of(List.of(new DistinguishedName.Attribute("CN", "a,b")),
                        List.of(new DistinguishedName.Attribute("O", "x y"))),
                DistinguishedName.parse(" CN = a\\2Cb , O=x y ").orElseThrow().rdns());
    }

    @Test
    void mappedUserIsAuthenticatedWithoutThePasswordItDoesNotHaveAndTheConnectUserIsIgnored() {
        X509Certificate dave = certificate("map-dave", "CN=dave", "email:dave@acme.io,dns:dave.acme.io");
        Permissions onlyDave = new Permissions(new SubjectPermission(List.of("dave.>"), List.of()), null, null);
        Authenticator auth = new Authenticator(AuthConfig.users(List.of(new User("dave@acme.io", null, onlyDave),
                new User("admin", "secret", null)), List.of()));
        ConnectOptions connect = ConnectOptions.defaults();
        connect.user = "admin";
        ClientIdentity identity = auth.authenticate(connect, null, true, List.of(dave)).orElseThrow();
        assertEquals("dave@acme.io", identity.name());
        assertEquals(onlyDave, identity.permissions());
        connect.pass = "secret";
        assertTrue(auth.authenticate(connect, null, true, List.of(dave)).isEmpty(),
                "the mapped user has no password, so a client that sends one fails as in nats-server");
        assertTrue(auth.authenticate(ConnectOptions.defaults(), null, true, List.of()).isEmpty());
    }

    @Test
    void mappedUserWithAPasswordStillNeedsIt() {
        X509Certificate erin = certificate("map-erin", "CN=erin", null);
        Authenticator auth = new Authenticator(AuthConfig.users(List.of(new User("CN=erin", "pw", null)), List.of()));
        ConnectOptions connect = ConnectOptions.defaults();
        assertTrue(auth.authenticate(connect, null, true, List.of(erin)).isEmpty());
        connect.pass = "pw";
        assertEquals("CN=erin", auth.authenticate(connect, null, true, List.of(erin)).orElseThrow().name());
    }
}
