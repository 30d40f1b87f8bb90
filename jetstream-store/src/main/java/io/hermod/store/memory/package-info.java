/** Memory streams: the same semantics as file streams, nothing persisted. */
package io.hermod.store.memory;
