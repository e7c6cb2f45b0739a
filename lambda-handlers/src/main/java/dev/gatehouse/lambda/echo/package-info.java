/**
 * A small handler that describes the request it received: the sample app's Lambda route, and a
 * target for smoke tests of authorizers and the local gateway. It never echoes headers or the
 * body, so a credential sent by a client is not reflected back.
 */
package dev.gatehouse.lambda.echo;
