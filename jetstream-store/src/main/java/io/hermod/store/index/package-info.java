/** Derived state of a stream, one class per concept: sequence runs, subjects, tombstones, message ids. */
package io.hermod.store.index;
