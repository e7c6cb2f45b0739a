/**
 * Gatehouse's synth-time checks, listed in one place.
 *
 * <p>{@link dev.gatehouse.rules.Rules} holds every rule with its id, title and explanation;
 * constructs report {@link dev.gatehouse.rules.Finding}s against them, and every finding of a
 * construct is reported together when the app is synthesized. docs/validation-rules.md is the
 * same list for readers (a test keeps the two in step).
 */
package dev.gatehouse.rules;
