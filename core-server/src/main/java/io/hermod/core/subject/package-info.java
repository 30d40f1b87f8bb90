/**
 * Subjects: validation of subjects and filters as nats-server 2.9 does it, and the {@link
 * io.hermod.core.subject.SubjectIndex} that routes every published message to the subscriptions and queue
 * groups whose filter matches. Public API: {@code SubjectIndex}, {@code SubjectMatch}, {@code QueueGroup},
 * {@code SubjectValidator}, {@code SubjectFilter}, {@code InvalidSubjectException}; everything package-private
 * here is the trie implementation.
 */
package io.hermod.core.subject;
