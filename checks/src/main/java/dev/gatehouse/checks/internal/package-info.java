/** Helpers of the checks; not part of their API. */
package dev.gatehouse.checks.internal;
