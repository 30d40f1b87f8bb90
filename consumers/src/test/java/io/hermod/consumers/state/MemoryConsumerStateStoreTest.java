package io.hermod.consumers.state;

class MemoryConsumerStateStoreTest extends ConsumerStateStoreContract {
    private final MemoryConsumerStateStore store = new MemoryConsumerStateStore();

    @Override
    ConsumerStateStore store() {
        return store;
    }

    @Override
    ConsumerStateStore reopen() {
        return store;
    }
}
