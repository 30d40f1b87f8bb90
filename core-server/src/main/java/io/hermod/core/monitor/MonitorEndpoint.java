package io.hermod.core.monitor;

/** One monitoring path. Runs on the monitor's event loop; may throw {@link BadRequestException}. */
@FunctionalInterface
interface MonitorEndpoint {
    MonitorResponse handle(MonitorRequest request);
}
