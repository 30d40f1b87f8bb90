package io.hermod.core.monitor;

import io.hermod.core.server.HermodVersionInfo;
import io.netty.handler.codec.http.HttpResponseStatus;

/** {@code /}: an HTML index linking the endpoints, like nats-server's (only the endpoints Hermod serves). */
final class RootPage implements MonitorEndpoint {
    private static final String PAGE = """
            <html lang="en">
            \t<head>
            \t<title>Hermod monitoring</title>
            \t<style type="text/css">
            \t\tbody { font-family: ui-sans-serif,system-ui,sans-serif; font-size: 18px; margin-left: 32px }
            \t\ta { display:block; margin-left: 7px; padding-bottom: 6px; color: rgb(72 72 92); text-decoration: none }
            \t\ta:hover { font-weight: 600; color: rgb(59 50 202) }
            \t\ta.last { padding-bottom: 16px }
            \t</style>
            \t</head>
            \t<body>
            \t<h1>Hermod</h1>
            \t<p>Hermod %s, compatible with NATS %s</p>
            \t<a href=./varz>General</a>
            \t<a href=./connz>Connections</a>
            \t<a href=./subsz>Subscriptions</a>
            \t<a href=./jsz>JetStream</a>
            \t<a href=./metrics>Metrics (Prometheus)</a>
            \t<a href=./healthz class=last>Health Probe</a>
            \t<a href=https://docs.nats.io/running-a-nats-service/nats_admin/monitoring>Help</a>
              </body>
            </html>
            """.formatted(HermodVersionInfo.HERMOD_VERSION, HermodVersionInfo.NATS_COMPATIBLE_VERSION);

    @Override
    public MonitorResponse handle(MonitorRequest request) {
        return MonitorResponse.text(HttpResponseStatus.OK, MonitorResponse.HTML, PAGE);
    }
}
