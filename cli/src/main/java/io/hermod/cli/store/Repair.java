package io.hermod.cli.store;

/**
 * What {@code --repair} did to one stream.
 *
 * @param replayed log documents applied by the rebuild
 * @param voided documents dropped: a torn record and what followed it up to a recovery marker
 */
record Repair(String stream, String action, long replayed, long voided) {
}
