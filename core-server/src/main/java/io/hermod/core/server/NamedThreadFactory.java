package io.hermod.core.server;

import io.netty.util.concurrent.DefaultThreadFactory;

/** Netty's thread factory with Hermod's thread names, so thread dumps and logs say what each thread is. */
final class NamedThreadFactory extends DefaultThreadFactory {
    NamedThreadFactory(String name) {
        super(name, false);
    }
}
