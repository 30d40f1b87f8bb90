package io.hermod.cli;

/** A flag or key names a feature Hermod does not have yet: refused clearly, never silently ignored. */
final class NotAvailableYetException extends RuntimeException {
    NotAvailableYetException(String feature) {
        super(feature + " is not available yet in this version of Hermod");
    }
}
