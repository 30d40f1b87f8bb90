/** The stream engine shared by file and memory streams: contents and limits, writer thread, group commit. */
package io.hermod.store.stream;
