package io.hermod.cli.client;

import io.hermod.cli.client.ClientErrorHandler.Explained;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientErrorHandlerTest {
    @Test
    void jetStreamApiErrorsPrintNatsDescriptionAndErrCodeAndA404IsNotFound(@TempDir Path dir) throws Exception {
        try (ClientTestServer server = ClientTestServer.withJetStream(dir);
             Connection nc = Nats.connect(new Options.Builder().server(server.url()).maxReconnects(0).build())) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            JetStreamApiException missing = assertThrows(JetStreamApiException.class, () -> jsm.getStreamInfo("NOPE"));
            assertEquals(new Explained("stream not found (err_code 10059)", ExitCodes.NOT_FOUND),
                    ClientErrorHandler.explain(missing));

            jsm.addStream(StreamConfiguration.builder().name("A").subjects("a.>").build());
            JetStreamApiException overlap = assertThrows(JetStreamApiException.class,
                    () -> jsm.addStream(StreamConfiguration.builder().name("B").subjects("a.b").build()));
            assertEquals(new Explained("subjects overlap with an existing stream (err_code 10065)",
                    ExitCodes.FAILURE), ClientErrorHandler.explain(overlap));
        }
    }

    @Test
    void otherFailuresKeepTheirMessageOrNameTheirKind() {
        assertEquals(new Explained("boom", ExitCodes.FAILURE),
                ClientErrorHandler.explain(new IllegalStateException("boom")));
        assertEquals(new Explained("timeout: TimeoutException", ExitCodes.FAILURE),
                ClientErrorHandler.explain(new TimeoutException()));
        assertEquals(new Explained("gone", ExitCodes.NOT_FOUND),
                ClientErrorHandler.explain(CommandFailure.notFound("gone")));
    }
}
