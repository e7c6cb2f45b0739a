/**
 * Gatehouse's own access to integration internals. Not part of the public API; anything here may
 * change in any release.
 */
package dev.gatehouse.integrations.internal;
