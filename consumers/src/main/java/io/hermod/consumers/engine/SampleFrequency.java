package io.hermod.consumers.engine;

/** {@code sample_freq} as nats-server 2.9.10 reads it: a percentage, {@code "30"} or {@code "30%"}; 0 when empty. */
final class SampleFrequency {
    private SampleFrequency() {
    }

    static int percent(String frequency) {
        if (frequency == null || frequency.isEmpty()) {
            return 0;
        }
        String digits = frequency.endsWith("%") ? frequency.substring(0, frequency.length() - 1) : frequency;
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0; // refused when the consumer was created; kept lenient for stored configurations
        }
    }
}
