/**
 * Route scopes and the IAM policies a JWT authorizer returns for them, including the
 * language-intersection checks that keep a cached policy exact. Depends on nothing but the JDK, so
 * that deployment tooling can run the same checks at synth time.
 */
package dev.gatehouse.authorizer.policy;
