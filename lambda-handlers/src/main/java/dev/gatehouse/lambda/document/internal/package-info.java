/** The publisher's parts: the placeholder filler and CloudFormation's custom resource protocol. */
package dev.gatehouse.lambda.document.internal;
