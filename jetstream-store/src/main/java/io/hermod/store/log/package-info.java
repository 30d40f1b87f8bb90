/** A stream's Chronicle Queue log and the framing of its records. */
package io.hermod.store.log;
