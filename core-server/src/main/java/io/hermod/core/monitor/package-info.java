/**
 * The HTTP monitoring endpoints of nats-server 2.9 ({@code /varz}, {@code /connz}, {@code /subsz},
 * {@code /healthz}, the index page) plus {@code /metrics} in Prometheus text format, served by a small Netty HTTP
 * listener ({@link io.hermod.core.monitor.MonitorServer}). The server exposes what is monitored through
 * {@link io.hermod.core.monitor.MonitorSource}; this package only reads, formats and serves it.
 *
 * <p>Threading: requests are handled on the monitor's own event loop; everything read from the server is either
 * a thread-safe counter or a snapshot taken at request time.
 */
package io.hermod.core.monitor;
