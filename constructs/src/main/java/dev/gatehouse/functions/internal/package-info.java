/** Internals of the bundled functions. Not part of the public API. */
package dev.gatehouse.functions.internal;
