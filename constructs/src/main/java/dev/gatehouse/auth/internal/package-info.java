/** Internals of the authorizers. Not part of the public API. */
package dev.gatehouse.auth.internal;
