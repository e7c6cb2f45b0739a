/**
 * The Lambda functions Gatehouse bundles, as constructs. Their code ships inside the
 * gatehouse-constructs jar and becomes a Lambda asset at synth; nothing is read from a source
 * checkout.
 */
package dev.gatehouse.functions;
