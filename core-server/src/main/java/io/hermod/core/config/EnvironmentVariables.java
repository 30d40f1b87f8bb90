package io.hermod.core.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where {@code $NAME} is looked up when no enclosing block defines {@code NAME}; injectable so tests do not depend
 * on the process environment.
 */
@FunctionalInterface
public interface EnvironmentVariables {
    Optional<String> lookup(String name);

    static EnvironmentVariables system() {
        return name -> Optional.ofNullable(System.getenv(name));
    }

    static EnvironmentVariables of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
